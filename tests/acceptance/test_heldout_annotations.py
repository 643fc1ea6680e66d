"""Held-out style annotation migration and export through ``python -m reader annotations|export … --json``.

About fifty annotations are added to the shared compilation through the CLI at places spread over
the whole book: quotes cut from the truth lines (some spanning a line break) and whole-clause tags.
They are migrated to the B5 re-typeset edition and from there to the A4 one. Both editions carry
exactly the truth's text, so where every quote must land is known: the truth offset of the quote,
carried through the edition's own record of what it printed on each page. At least 95 % must land
on the same text on the right page; any that cannot must be reported orphaned, never misplaced.
Then every export format is written from the migrated annotations on the re-typeset edition.
"""

from __future__ import annotations

import re

import pymupdf
import pytest

from tests.acceptance.retypeset import cli_json, edition, squash, workdir

THEMES = ["5G", "氢能", "中小企业", "数字化转型"]
PLAIN = 42       # quotes highlighted on a page
CLAUSES = 10     # whole clauses tagged


def _truth_text(truth: dict) -> tuple[str, dict[int, int]]:
    offsets, parts, length = {}, [], 0
    for page in sorted(truth["pages"], key=lambda p: p["page_index"]):
        offsets[page["page_index"]] = length
        parts.append(squash("".join(page["lines"])))
        length += len(parts[-1])
    return "".join(parts), offsets


def _quotes(truth: dict) -> list[tuple[int, str]]:
    """(page, quote) pairs spread over the pages; every third spans a line break, a few a page break."""
    pages = sorted(truth["pages"], key=lambda p: p["page_index"])
    out = []
    for i in range(PLAIN):
        page = pages[(i * 2 + 1) % len(pages)]
        lines = page["lines"]
        pairs = [k for k in range(len(lines) - 1) if min(len(squash(lines[k])), len(squash(lines[k + 1]))) >= 16]
        if not pairs:
            continue
        k = pairs[(i * 5) % len(pairs)]
        if i % 3 == 0:
            quote = lines[k].rstrip()[-7:] + "\n" + lines[k + 1].lstrip()[:9]
        else:
            start = 3 + i % 5
            quote = lines[k][start:start + 10 + i % 11]
        if len(squash(quote)) >= 8:
            out.append((page["page_index"], quote))
    for before, after in zip(pages[9::25], pages[10::25]):  # a few quotes run over a page break
        if after["page_index"] == before["page_index"] + 1:
            out.append((before["page_index"], before["lines"][-1][-6:] + "\n" + after["lines"][0][:6]))
    return out


def _clause_probes(truth: dict) -> list[str]:
    """Distinctive strings inside numbered clauses, from ten places in the book."""
    probes = []
    for page in sorted(truth["pages"], key=lambda p: p["page_index"])[1::4]:
        for line in page["lines"][len(page["lines"]) // 3:]:
            text = squash(line)
            if re.match(r"（[一二三四五六七八九十]+）|[一二三四五六七八九十]+、|\d+\.|第[一二三四五六七八九十百]+条", text) \
                    and len(text) > 16:
                probes.append(text[-14:])
                break
    return probes[:CLAUSES]


def _annotate(sample_pdf, truth: dict, library: str) -> list[tuple[dict, int]]:
    """Add the annotations through the CLI; return (annotation JSON, truth offset of its quote)."""
    known = {t["name"] for t in cli_json("themes", "list", "--library", library)}
    for name in THEMES:
        if name not in known:
            cli_json("themes", "add", name, "--library", library)
    whole, offsets = _truth_text(truth)
    added = []
    for n, (page, quote) in enumerate(_quotes(truth)):
        ann = cli_json("annotations", "add", str(sample_pdf), "--page", str(page), "--quote", quote,
                       "--theme", THEMES[n % len(THEMES)], "--note", f"第 {n} 条批注", "--library", library)
        assert squash(ann["quote"]) == squash(quote) and ann["page_index"] == page
        added.append((ann, whole.index(squash(quote), offsets[page])))
    for n, probe in enumerate(_clause_probes(truth)):
        ann = cli_json("annotations", "add", str(sample_pdf), "--clause-containing", probe,
                       "--theme", THEMES[n % len(THEMES)], "--theme", THEMES[(n + 1) % len(THEMES)], "--library", library)
        assert probe in squash(ann["quote"]) and ann["clause_label"]
        added.append((ann, whole.index(squash(ann["quote"]), offsets[ann["page_index"]])))
    return added


@pytest.fixture(scope="module")
def migrated(sample_pdf, sample_truth):
    """Annotate the shared PDF through the CLI, migrate shared → B5 → A4; return what each step reported."""
    library = str(workdir() / "annotations-lib")
    added = _annotate(sample_pdf, sample_truth, library)
    b5 = edition(sample_pdf, sample_truth, "b5")
    a4 = edition(sample_pdf, sample_truth, "a4")
    to_b5 = cli_json("annotations", "migrate", str(sample_pdf), str(b5.path), "--library", library)
    to_a4 = cli_json("annotations", "migrate", str(b5.path), str(a4.path), "--library", library)
    return {"library": library, "added": added, "steps": [(b5, to_b5), (a4, to_a4)]}


def _landing(step, added) -> tuple[list, list, list]:
    made, report = step
    by_id = {a["id"]: a for a in report["annotations"]}
    right, wrong, orphaned = [], [], []
    for ann, at in added:
        moved = by_id[ann["id"]]
        if moved["status"] == "orphaned":
            orphaned.append(ann["quote"][:20])
            continue
        page = made.content_pages[at]
        if squash(moved["quote"]) == squash(ann["quote"]) and moved["page_index"] == page:
            right.append(ann["id"])
        else:
            wrong.append((ann["quote"][:20], page, moved["page_index"], moved["quote"][:20]))
    return right, wrong, orphaned


@pytest.mark.parametrize("step", [0, 1], ids=["shared-to-b5", "b5-to-a4"])
def test_migration_lands_on_the_same_text(migrated, step):
    added = migrated["added"]
    made, report = migrated["steps"][step]
    assert len(added) >= 45
    assert report["found"] + report["moved"] + report["orphaned"] == len(added) == len(report["annotations"])
    right, wrong, orphaned = _landing(migrated["steps"][step], added)
    print(f"{made.style.name}: found {report['found']}, moved {report['moved']}, orphaned {report['orphaned']}; "
          f"right {len(right)}/{len(added)}")
    assert not wrong, f"misplaced (quote, expected page, got page, got quote): {wrong}"
    assert len(right) >= 0.95 * len(added), f"orphaned: {orphaned}"


def test_migrated_annotations_listed_on_the_new_edition(migrated):
    made, _ = migrated["steps"][1]
    listed = cli_json("annotations", "list", str(made.path), "--library", migrated["library"])
    assert len(listed) == len(migrated["added"])
    for ann in listed:
        assert set(ann) >= {"id", "pdf", "page_index", "page_label", "quote", "note", "themes", "document",
                            "doc_number", "clause_label", "rects", "status"}
        if ann["status"] != "orphaned":
            assert ann["page_label"] == made.page_labels[ann["page_index"]]
            assert squash(ann["quote"]) in made.page_text(ann["page_index"]) or \
                made.page_text(ann["page_index"]).endswith(squash(ann["quote"])[:4]) or ann["clause_label"]
            assert ann["rects"]
    themed = cli_json("annotations", "list", str(made.path), "--theme", "氢能", "--library", migrated["library"])
    assert themed and all("氢能" in a["themes"] for a in themed)


@pytest.mark.parametrize("fmt,group", [("md", "theme"), ("docx", "document"), ("pdf", "theme")])
def test_export_from_the_retypeset_edition(migrated, fmt, group):
    made, _ = migrated["steps"][1]
    library = migrated["library"]
    out = workdir() / f"export-{fmt}-{group}.{fmt}"
    result = cli_json("export", "--format", fmt, "--group", group, "--pdf", str(made.path), "-o", str(out),
                      "--library", library)
    listed = [a for a in cli_json("annotations", "list", str(made.path), "--library", library)
              if a["status"] != "orphaned"]
    assert result["annotations"] == len(listed) and out.exists()
    if fmt == "md":
        raw = out.read_text(encoding="utf-8")
        # Markdown syntax is not text: block-quote markers and backslash escapes go.
        text = squash(re.sub(r"\\(?=[^\w\s])", "", re.sub(r"(?m)^\s*>", "", raw)))
        missing = [(a["quote"][:40], [l for l in raw.splitlines() if squash(a["quote"])[:6] in squash(l)][:2])
                   for a in listed if squash(a["quote"])[:40] not in text]
        assert not missing, f"quotes not in the Markdown (quote, Markdown lines with its start): {missing}"
        assert all(name in text for name in THEMES)
    elif fmt == "docx":
        import docx

        body = squash("\n".join(p.text for p in docx.Document(str(out)).paragraphs))
        missing = [a["quote"][:20] for a in listed if squash(a["quote"])[:40] not in body]
        assert not missing, missing
        titles = {squash(a["document"]) for a in listed}
        assert all(t[:12] in body for t in titles)
    else:
        with pymupdf.open(out) as pdf:
            assert pdf.page_count == made.page_count
            pages = {}
            for page in pdf:
                for annot in page.annots():
                    if annot.type[1] == "Highlight":
                        pages.setdefault(page.number, 0)
                        pages[page.number] += 1
        assert set(pages) >= {a["page_index"] for a in listed}
        assert sum(pages.values()) >= len(listed)


def test_migration_to_a_revised_retypeset_edition(sample_pdf, sample_truth):
    """A revised edition (sentences deleted, figures changed, sentences inserted) in another layout:
    quotes whose text survived land on it; the others land on their revised text or are orphaned,
    never anywhere else."""
    library = str(workdir() / "annotations-revised-lib")
    added = _annotate(sample_pdf, sample_truth, library)
    made = edition(sample_pdf, sample_truth, "b5", revised=True)
    report = cli_json("annotations", "migrate", str(sample_pdf), str(made.path), "--library", library)
    by_id = {a["id"]: a for a in report["annotations"]}
    intact_right, intact, touched_right, touched_orphaned, wrong = 0, 0, 0, 0, []
    for ann, at in added:
        span = made.old_to_new[at:at + len(squash(ann["quote"]))]
        moved = by_id[ann["id"]]
        if all(x >= 0 for x in span) and all(b == a + 1 for a, b in zip(span, span[1:])):
            intact += 1
            page = made.content_pages[span[0]]
            if moved["status"] != "orphaned" and moved["page_index"] == page \
                    and squash(moved["quote"]) == squash(ann["quote"]):
                intact_right += 1
            else:
                wrong.append(("intact", ann["quote"][:16], page, moved["status"], moved["page_index"], moved["quote"][:16]))
        else:
            pages = {made.content_pages[x] for x in span if x >= 0}
            if moved["status"] == "orphaned":
                touched_orphaned += 1
            elif moved["page_index"] in pages:
                touched_right += 1
            else:
                wrong.append(("revised", ann["quote"][:16], sorted(pages), moved["status"], moved["page_index"],
                              moved["quote"][:16]))
    print(f"revised b5: found {report['found']}, moved {report['moved']}, orphaned {report['orphaned']}; "
          f"intact quotes right {intact_right}/{intact}; revised quotes re-anchored {touched_right}, "
          f"orphaned {touched_orphaned}")
    assert intact >= 35 and len(added) - intact >= 3, "the revision must touch some annotations and spare most"
    assert not wrong, wrong
    assert intact_right >= 0.95 * intact


def test_theme_rename_and_remove_on_the_retypeset_edition(sample_pdf, sample_truth):
    made = edition(sample_pdf, sample_truth, "b5")
    library = str(workdir() / "themes-lib")
    cli_json("themes", "add", "产业链安全", "--library", library)
    page = made.first_content_page + 5
    line = next(l for l in made.page_lines[page] if len(squash(l)) > 20)
    first = cli_json("annotations", "add", str(made.path), "--page", str(page), "--quote", line[2:14],
                     "--theme", "产业链安全", "--library", library)
    second = cli_json("annotations", "add", str(made.path), "--clause-containing", squash(line)[-10:],
                      "--theme", "产业链安全", "--note", "整条", "--library", library)
    assert first["page_label"] == made.page_labels[page] and second["clause_label"]
    cli_json("themes", "rename", "产业链安全", "供应链安全", "--library", library)
    assert {t["name"] for t in cli_json("themes", "list", "--library", library)} >= {"供应链安全"}
    listed = cli_json("annotations", "list", "--theme", "供应链安全", "--library", library)
    assert sorted(a["id"] for a in listed) == sorted([first["id"], second["id"]])
    assert all(a["themes"] == ["供应链安全"] for a in listed)
    cli_json("annotations", "remove", first["id"], "--library", library)
    assert [a["id"] for a in cli_json("annotations", "list", str(made.path), "--library", library)] == [second["id"]]


def test_export_one_theme_of_one_edition(migrated):
    """--theme and --pdf narrow the export: only that theme's annotations on that edition."""
    made, _ = migrated["steps"][1]
    library = migrated["library"]
    out = workdir() / "export-theme-only.docx"
    result = cli_json("export", "--format", "docx", "--group", "theme", "--theme", "氢能", "--pdf", str(made.path),
                      "-o", str(out), "--library", library)
    themed = [a for a in cli_json("annotations", "list", str(made.path), "--theme", "氢能", "--library", library)
              if a["status"] != "orphaned"]
    assert themed and result["annotations"] == len(themed) and list(result["themes"]) == ["氢能"]

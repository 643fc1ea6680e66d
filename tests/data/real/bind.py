"""Bind real member PDFs into a compilation (汇编) the way an association does, and write its truth.

A compilation here is: a cover page (the compilation's name, the compiler, the date), a 目录 listing every
document with the compilation's own printed page number (one or more pages), then the member PDFs inserted
whole. On every member page the compilation adds its running header (its name, at the top) and its own page
footer ("— N —", "- N -" or "第 N 页") over whatever the member already prints; there are no bookmarks and no
PDF page labels. Printed numbers start at 1 on the first member page.

The truth of a compilation is its members' truth (expected.json next to this file, or the shared one) shifted
by each member's offset: documents and attachments, search phrases (source and expected pages), front matter.
front_matter_pages = the cover and 目录 pages plus each member's own front matter. A phrase that also occurs
on the cover or 目录 (a document title) gets those pages too, since the text is really there.

Usage:
    python tests/data/real/bind.py            # build every compilation in compilations/compilations.json
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pymupdf

HERE = Path(__file__).resolve().parent
OUT = HERE / "compilations"
SPEC = OUT / "compilations.json"
SHARED_REAL = HERE.parents[2].parent / "shared" / "corpus" / "real"
A4 = (595.0, 842.0)
FONT = "china-s"
FOOTERS = {"dash": "— {n} —", "hyphen": "- {n} -", "page": "第 {n} 页"}
TOC_LINES_PER_PAGE = 26


def member_path(name: str) -> Path:
    """Members are named by file name: ours (tests/data/real) first, else the shared real set."""
    for folder in (HERE, SHARED_REAL):
        if (folder / name).exists():
            return folder / name
    raise FileNotFoundError(f"member PDF not found here or in {SHARED_REAL}: {name}")


def member_truth(name: str) -> dict:
    """The member's entry in whichever expected.json describes it."""
    for folder in (HERE, SHARED_REAL):
        truth = json.loads((folder / "expected.json").read_text(encoding="utf-8"))["pdfs"]
        if name in truth:
            return truth[name]
    raise KeyError(f"no truth for member {name}")


def _text_width(text: str, size: float) -> float:
    return pymupdf.get_text_length(text, fontname=FONT, fontsize=size)


def _centered(page: pymupdf.Page, y: float, text: str, size: float, color=(0, 0, 0)) -> None:
    x = (page.rect.width - _text_width(text, size)) / 2
    page.insert_text((x, y), text, fontname=FONT, fontsize=size, color=color)


def _cover(doc: pymupdf.Document, spec: dict) -> None:
    page = doc.new_page(width=A4[0], height=A4[1])
    _centered(page, 300, spec["name"], 30)
    if spec.get("volume"):
        _centered(page, 350, spec["volume"], 18)
    _centered(page, 640, spec["compiler"], 16)
    _centered(page, 670, spec["date"], 14)


def _toc_entries(members: list[dict], toc_titles: dict[str, str]) -> list[tuple[str, int]]:
    """(title, printed page number) for every document, in page order.

    A document that prints no title gets the one the compiler wrote for it (spec "toc_titles", by member).
    """
    entries = []
    for member in members:
        for document in member["truth"]["documents"]:
            title = document.get("title") or toc_titles.get(member["name"]) or member["name"]
            if document.get("label"):
                title = f"{document['label']}  {title}"
            entries.append((title, member["first_number"] + document["start_page"]))
    return entries


def _wrap(title: str, width_chars: int) -> list[str]:
    return [title[i:i + width_chars] for i in range(0, len(title), width_chars)] or [""]


def _toc_layout(entries: list[tuple[str, int]]) -> list[list[tuple[str, str]]]:
    """Lines of the 目录 split into pages; each line is (text, printed number or '')."""
    lines: list[tuple[str, str]] = []
    for title, number in entries:
        parts = _wrap(title, 30)
        lines += [(part, "") for part in parts[:-1]] + [(parts[-1], str(number))]
    return [lines[i:i + TOC_LINES_PER_PAGE] for i in range(0, len(lines), TOC_LINES_PER_PAGE)] or [[]]


def _toc_pages(doc: pymupdf.Document, pages: list[list[tuple[str, str]]]) -> None:
    size, left, right = 13.0, 80.0, A4[0] - 80.0
    for index, lines in enumerate(pages):
        page = doc.new_page(width=A4[0], height=A4[1])
        _centered(page, 110, "目　录" if index == 0 else "目　录（续）", 22)
        y = 170.0
        for text, number in lines:
            page.insert_text((left, y), text, fontname=FONT, fontsize=size)
            if number:
                start = left + _text_width(text, size) + 4
                end = right - _text_width(number, size) - 4
                dots = "." * max(3, int((end - start) / pymupdf.get_text_length(".", fontname="helv", fontsize=size)))
                page.insert_text((start, y), dots, fontname="helv", fontsize=size)
                page.insert_text((right - _text_width(number, size), y), number, fontname=FONT, fontsize=size)
            y += 24


def _furniture(page: pymupdf.Page, name: str, footer: str) -> None:
    """The compilation's running header and page footer, drawn over the member page."""
    rect = page.rect
    header_size = 9.0 if rect.width < 500 else 10.5
    _centered(page, rect.y0 + 22, name, header_size, color=(0.25, 0.25, 0.25))
    page.draw_line((rect.x0 + 40, rect.y0 + 27), (rect.x1 - 40, rect.y0 + 27), color=(0.4, 0.4, 0.4), width=0.5)
    _centered(page, rect.y1 - 14, footer, 10.5)


def _shift(item: dict, offset: int) -> dict:
    shifted = dict(item)
    for key in ("start_page", "source_page"):
        if key in shifted and shifted[key] is not None:
            shifted[key] += offset
    if "start_page_alt" in shifted:
        shifted["start_page_alt"] = [p + offset for p in shifted["start_page_alt"]]
    if "expected_pages" in shifted:
        shifted["expected_pages"] = [p + offset for p in shifted["expected_pages"]]
    if "attachment" in shifted:
        shifted["attachment"] = _shift(shifted["attachment"], offset)
    if "attachments" in shifted:
        shifted["attachments"] = [_shift(a, offset) for a in shifted["attachments"]]
    return shifted


def bind(spec: dict, out_pdf: Path) -> dict:
    """Write the compilation PDF and return its truth entry (expected.json schema, plus members)."""
    members = []
    for name in spec["members"]:
        source = pymupdf.open(member_path(name))
        members.append({"name": name, "path": member_path(name), "pages": source.page_count,
                        "truth": member_truth(name)})
        source.close()
    # The 目录 needs the printed numbers, which need the 目录's length: number members from 1 regardless.
    first_number = 1
    for member in members:
        member["first_number"] = first_number
        first_number += member["pages"]
    toc = _toc_layout(_toc_entries(members, spec.get("toc_titles", {})))
    front = 1 + len(toc)

    doc = pymupdf.open()
    _cover(doc, spec)
    _toc_pages(doc, toc)
    footer = FOOTERS[spec.get("footer", "dash")]
    for member in members:
        member["offset"] = doc.page_count
        with pymupdf.open(member["path"]) as source:
            doc.insert_pdf(source)
        for index in range(member["offset"], doc.page_count):
            _furniture(doc[index], spec["name"], footer.format(n=index - front + 1))
    doc.set_toc([])
    doc.set_metadata({"title": spec["name"], "author": spec["compiler"], "creator": "bind.py", "producer": "",
                      "creationDate": "", "modDate": ""})
    out_pdf.parent.mkdir(parents=True, exist_ok=True)
    doc.save(out_pdf, garbage=3, deflate=True, no_new_id=True)  # same members, same bytes
    doc.close()
    return _truth(spec, members, front, out_pdf)


def _truth(spec: dict, members: list[dict], front: int, out_pdf: Path) -> dict:
    sys.path.insert(0, str(HERE))
    import phrase_pages  # noqa: E402  (same folder; used only to add the cover/目录 pages a phrase occurs on)

    documents, search, front_matter = [], [], list(range(front))
    bound = [(str(m["path"]), m["offset"]) for m in members]
    kinds = []
    for member in members:
        truth, offset = member["truth"], member["offset"]
        kinds.append(truth.get("kind"))
        documents += [dict(_shift(d, offset), member=member["name"]) for d in truth["documents"]]
        front_matter += [p + offset for p in truth.get("front_matter_pages", [])]
        for item in truth.get("search", []):
            shifted = dict(_shift(item, offset), member=member["name"])
            if item.get("type") != "image_only":
                # The phrase may also occur in other members and on the cover/目录: all of those pages count.
                found = phrase_pages.find_pages_bound(str(out_pdf), bound, item["query"],
                                                      item.get("type") == "cross_page")
                shifted["expected_pages"] = sorted(set(found) | set(shifted["expected_pages"]))
            search.append(shifted)
    return {
        "kind": "compilation",
        "notes": f"{spec['name']}: cover p0, 目录 p1-p{front - 1}; members inserted whole; running header "
                 f"'{spec['name']}' and footer '{FOOTERS[spec.get('footer', 'dash')]}' added on every member page "
                 f"(printed number 1 = page {front}); no bookmarks, no page labels; member kinds {kinds}",
        "members": [{"file": m["name"], "first_page": m["offset"], "pages": m["pages"]} for m in members],
        "printed_page_numbers": {"first_page": front, "first_number": 1},
        "documents": documents,
        "articles_by_member": {m["name"]: m["truth"]["articles"] for m in members if "articles" in m["truth"]},
        "headings_h1_by_member": {m["name"]: m["truth"]["headings_h1"] for m in members if "headings_h1" in m["truth"]},
        "search": search,
        "front_matter_pages": sorted(set(front_matter)),
    }


def build_all(spec_path: Path = SPEC, out_dir: Path | None = None) -> dict:
    """Build every compilation in the spec and write their expected.json (next to the spec by default)."""
    specs = json.loads(spec_path.read_text(encoding="utf-8"))
    out_dir = out_dir or spec_path.parent
    pdfs = {}
    for file_name, spec in specs["compilations"].items():
        pdfs[file_name] = bind(spec, out_dir / file_name)
    note = ("Compilations bound by tests/data/real/bind.py from real member PDFs (ours and ../shared/corpus/real/). "
            "0-based PDF page indices; each member's truth shifted by its first page. Same schema and search rules "
            "as tests/data/real/expected.json; 'member' names the member a document or phrase comes from.")
    out = {"note": note, "pdfs": pdfs}
    (out_dir / "expected.json").write_text(json.dumps(out, ensure_ascii=False, indent=1) + "\n",
                                                    encoding="utf-8")
    return out


if __name__ == "__main__":
    built = build_all()
    for name, entry in built["pdfs"].items():
        size = (OUT / name).stat().st_size
        print(f"{name}: {len(entry['documents'])} documents, {len(entry['search'])} phrases, "
              f"front matter {entry['front_matter_pages'][:6]}…, {size} bytes")

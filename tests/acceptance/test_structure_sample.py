"""The structure of the shared compilation against its truth file.

The truth lists the 16 documents (title, start page) and every page's lines with the running
headers/footers already removed. Clause boundaries are not in the truth, so each clause is
checked the way a reader would: its text is exactly the truth's lines over its page span
(whitespace ignored), siblings follow each other with nothing dropped, and no header/footer
text leaks in.
"""

from __future__ import annotations

import re

import pytest

from reader.document import Document
from reader.structure import analyze


def _squash(text: str) -> str:
    return "".join(text.split())


@pytest.fixture(scope="module")
def comp(sample_pdf):
    with Document.open(sample_pdf) as doc:
        return analyze(doc)


@pytest.fixture(scope="module")
def truth_text(sample_truth):
    """Whole-compilation truth text (whitespace removed) and where each page starts in it."""
    offsets: dict[int, int] = {}
    parts = []
    length = 0
    for page in sorted(sample_truth["pages"], key=lambda p: p["page_index"]):
        offsets[page["page_index"]] = length
        chunk = _squash("".join(page["lines"]))
        parts.append(chunk)
        length += len(chunk)
    offsets[max(offsets) + 1] = length
    return "".join(parts), offsets


def test_every_document_found_with_start_page_and_title(comp, sample_truth):
    found = {(d.start_page, _squash(d.title)) for d in comp.documents}
    expected = [(d["page_index"], _squash(d["title"])) for d in sample_truth["documents"]]
    missing = [e for e in expected if e not in found]
    assert not missing, f"{len(expected) - len(missing)}/{len(expected)} documents right; missing {missing}"
    assert len(comp.documents) == len(expected)


def test_clean_text_of_every_page_equals_truth(comp, sample_truth):
    wrong = [p["page_index"] for p in sample_truth["pages"]
             if _squash(comp.page_text(p["page_index"])) != _squash("".join(p["lines"]))]
    assert not wrong, f"pages whose clean text differs from the truth: {wrong}"


def test_doc_numbers_and_dates_as_printed(comp):
    """文号 and date of every document that prints them (read off the pages by hand)."""
    by_start = {d.start_page: d for d in comp.documents}
    expected = {
        2: ("工信部联科〔2024〕235号", "2024-12-13"),
        9: ("工信部联企业〔2024〕239号", "2024-12-12"),
        19: ("工信部联信发〔2024〕241号", "2024-12-17"),
        39: ("工信厅信管函〔2024〕481号", "2024-12-17"),
        46: ("工信厅联节函〔2024〕499号", "2024-12-30"),
        52: ("工信厅原函〔2024〕473号", "2024-12-11"),
        60: ("发改数据〔2024〕1836号", "2024-12-28"),
        67: ("税委会公告2024年第13号", "2024-12-30"),
        70: (None, "2024-12-25"),
        79: ("国资发产权规〔2024〕100号", None),
    }
    for page, (number, date) in expected.items():
        doc = by_start[page]
        assert (_squash(doc.doc_number) if doc.doc_number else None, doc.date) == (number, date), doc.title
    for page in (15, 34, 43, 51, 54, 77):  # 解读 and news items print neither
        assert by_start[page].doc_number is None
    assert by_start[2].issuers == ["工业和信息化部", "生态环境部", "应急管理部", "国家标准化管理委员会"]
    assert by_start[67].kind == "公告" and by_start[70].kind == "法律" and by_start[15].kind == "解读"


def _walk(clauses, parent=None):
    for clause in clauses:
        yield clause, parent
        yield from _walk(clause.children, clause)


def test_every_clause_text_equals_truth_over_its_span(comp, truth_text):
    text, offsets = truth_text
    checked = 0
    failures = []
    for doc in comp.documents:
        positions = {}
        for clause, parent in _walk(doc.clauses):
            body = _squash(clause.text)
            lo, hi = offsets[clause.start_page], offsets[clause.end_page + 1]
            at = text.find(body, lo, hi)
            if at < 0 or not body.startswith(_squash(clause.label)):
                failures.append((doc.title[:12], clause.label, clause.heading))
            positions[id(clause)] = (at, at + len(body))
            checked += 1
        # Siblings tile their parent: nothing between them is dropped.
        for siblings in [doc.clauses] + [c.children for c, _ in _walk(doc.clauses)]:
            plain = [c for c in siblings if c.kind != "box"]
            for a, b in zip(plain, plain[1:]):
                if positions[id(a)][1] != positions[id(b)][0]:
                    failures.append(("gap", a.label, b.label))
    print(f"clauses checked: {checked}, failures: {len(failures)}")
    assert checked > 250
    assert not failures, failures[:10]


def test_no_furniture_in_any_clause(comp, sample_pdf, sample_truth):
    """Printed lines missing from the truth that recur on several pages (numbers folded) are
    the running headers, footers and page numbers; none may reach a clause's text."""
    truth_lines = {p["page_index"]: {_squash(l) for l in p["lines"]} for p in sample_truth["pages"]}
    pages_of: dict[str, set[int]] = {}
    with Document.open(sample_pdf) as doc:
        for page, lines in truth_lines.items():
            for raw in doc.page_text(page).splitlines():
                key = _squash(raw)
                if key and key not in lines:
                    pages_of.setdefault(re.sub(r"\d+", "#", key), set()).add(page)
    furniture = [key for key, pages in pages_of.items() if len(pages) >= len(truth_lines) // 4]
    assert any(re.fullmatch(r"—#—", f) for f in furniture)
    patterns = [re.compile(re.escape(f).replace("\\#", r"\d+")) for f in furniture if len(f) >= 3]
    leaks = [(c.label, p.pattern) for _, c in comp.iter_clauses() for p in patterns if p.search(_squash(c.text))]
    print(f"furniture kinds: {furniture}, leaked: {len(leaks)}")
    assert not leaks, leaks[:5]


def _retypeset(comp, path):
    """The sample's own paragraphs set again on B5 with other margins, sizes, headers and page
    numbers (alternating left/right headers, "第 N 页" footers, non-bold headings)."""
    from tests.builders.typesetter import B5, Typesetter

    def running(n: int) -> list[tuple[str, str, str]]:
        top = ("汇编（二〇二四年第十二期）", "top", "left") if n % 2 == 0 else ("重型机械政策汇编", "top", "right")
        return [top, (f"第 {n} 页", "bottom", "centre")]

    kit = Typesetter(size=B5, margin=(50, 60, 50, 60), body=10.5, header=running)
    starts = {d.start_offset for d in comp.documents}
    first = min(starts)
    kit.new_page()
    offset = first
    for para in comp.text[first:].split("\n"):
        start, offset = offset, offset + len(para) + 1
        rects = comp.span_rects(start, start + len(para))
        page = min(rects)
        x0, _, x1, _ = rects[page][0]
        width = comp.page_sizes[page][0]
        if start in starts:
            if kit.y > kit.margin[1] + 300:
                kit.new_page()
            kit.title(para, size=15.0)
        elif x0 > 100 and abs((x0 + x1) / 2 - width / 2) < 25 and len(rects) == 1 and len(rects[page]) == 1:
            kit.centred(para)
        elif x0 > 300:
            kit.right(para)
        else:
            kit.paragraph(para, indent=2 if x0 > 70 else 0)
    return kit.save(path)


def test_same_structure_when_typeset_differently(comp, tmp_path):
    """Another layout of the same documents must give the same documents, metadata and clauses."""
    with Document.open(_retypeset(comp, tmp_path / "retypeset.pdf")) as doc:
        other = analyze(doc)
    assert other.page_count != comp.page_count

    def facts(c):
        return [(_squash(d.title), d.doc_number, d.date, d.issuers, d.kind) for d in c.documents]

    def clauses(c):
        return [(cl.label, _squash(cl.text)) for _, cl in c.iter_clauses()]

    assert facts(other) == facts(comp)
    assert clauses(other) == clauses(comp)
    assert "重型机械政策汇编" not in other.text and "第 3 页" not in other.text


def test_numbered_items_found_where_the_truth_starts_them(comp, sample_truth):
    """Every printed line of the truth that opens with （N） right after a finished line (a sentence
    end, or a short heading line) starts a clause （N） on that page — also where the numbering
    carries on across its parents (the 512 document's （四）–（十八） under 三、–六、) — and every （N）
    clause starts such a line."""
    label = re.compile(r"^[（(][一二三四五六七八九十]+[）)]")
    first = min(d.start_page for d in comp.documents)
    expected = set()
    previous = ""
    for page in sorted(sample_truth["pages"], key=lambda p: p["page_index"]):
        for line in page["lines"]:
            match = label.match(line.strip())
            if match and page["page_index"] >= first and (
                    previous.rstrip()[-1:] in "。：:！？）；" or len(_squash(previous)) <= 25):
                expected.add((page["page_index"], match.group(0)))
            previous = line
    found = {(c.start_page, c.label) for _, c in comp.iter_clauses() if c.kind == "h2"}
    print(f"（N） items in the truth: {len(expected)}, clauses: {len(found)}")
    assert not expected - found, sorted(expected - found)
    assert not found - expected, sorted(found - expected)

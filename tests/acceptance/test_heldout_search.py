"""Held-out style search checks through ``python -m reader index|search … --json``.

Queries of every kind the search issue names, none of them in test_search_sample.py. Expected
pages are computed, never written down: on the shared compilation from the truth file (pages whose
lines joined without whitespace contain every word and no excluded word; front matter is not in
the truth), on the re-typeset editions from what the edition printed on each content page.
Recall must be 100 %, precision at least 95 %, on every edition.
"""

from __future__ import annotations

import json
import re
import unicodedata

import pytest

from tests.acceptance.retypeset import cli_json, edition, needs_bold, run_cli, workdir

QUERIES = [
    # mixed Latin / digits / Chinese, abbreviations in brackets
    "5G-A", "工业5G", "URLLC", "TSN", "MBSE", "C2M", "AGV", "PDCA", "3D打印", "75%", "40%", "512",
    "100 个左右城市", "DCS", "CRM", "5G专网", "〔2024〕", "2025—2027",
    # two-character words
    "绿氢", "碳排", "税率", "链群", "市值", "并购", "标杆", "甲醇",
    # full-width / half-width variants
    "ＭＢＳＥ", "（ERP）", "ｃ２ｍ", "２０２７年", "5G－A", "(CIO)",
    # phrases jieba cuts elsewhere, and cut-in-the-middle strings
    "业数字化转", "型城市试点", "工业大县", "氢碳耦合", "数据流通交易", "上市公司市值", "创业投资基金",
    "重大事故隐患", "保险补偿", "小规模纳税人", "进出口税则",
    # several words, quoted phrases, exclusions
    "氢 甲醇", "数据 -安全", "增值税 免征", '"工业互联网 平台"', "5G 工业互联网", "绿色 低碳 标准",
    "人工智能 -数据", '"数字 孪生" 工厂',
    # nothing to find
    "量子纠缠通信", "ERP系统",
]
ODD = ['"', "*", "(", ")", "AND", "OR", "NOT", "", "   ", "😀", "🚄氢能", "\\", "?", "~", "^", "[", "{", ":",
       "title:氢", "氢*", "((((", '"""', "''", "%_%", "\u200b", "\ufeff5G", "-", "--", "- -安全",
       "数据" * 5000, "氢" * 10000, "绿色低碳氢应用" * 1500]
STYLES = ["shared", "b5", "a4", "title-header", "16k"]


def fold(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).casefold().split())


def terms(query: str) -> tuple[list[str], list[str]]:
    """The contract's reading of a query: quoted phrases, words (all required), -word excluded."""
    include, exclude = [], []
    for phrase, word in re.findall(r'"([^"]*)"|(\S+)', query):
        if phrase:
            include.append(fold(phrase))
        elif word.startswith("-") and len(word) > 1:
            exclude.append(fold(word[1:]))
        else:
            include.append(fold(word))
    return [t for t in include if t], [t for t in exclude if t]


def expected(query: str, pages: dict[int, str]) -> set[int]:
    include, exclude = terms(query)
    return {p for p, text in pages.items()
            if all(t in text for t in include) and not any(t in text for t in exclude)}


def straddling(lines_by_page: dict[int, list[str]], every: int, offset: int) -> list[str]:
    """Strings made of the end of one printed line and the start of the next (a line break inside)."""
    out = []
    for page in sorted(lines_by_page)[offset::every]:
        lines = lines_by_page[page]
        for a, b in zip(lines, lines[1:]):
            tail, head = "".join(a.split())[-2:], "".join(b.split())[:3]
            if re.fullmatch(r"[\u4e00-\u9fff]{2}", tail) and re.fullmatch(r"[\u4e00-\u9fffA-Za-z0-9]{3}", head):
                out.append(tail + head)
                break
    return out


@pytest.fixture(scope="module")
def subjects(sample_pdf, sample_truth):
    """Per edition: PDF, its own library (indexed through the CLI), pages' folded text, labels, documents."""
    out = {}
    truth_lines = {p["page_index"]: p["lines"] for p in sample_truth["pages"]}
    out["shared"] = {
        "pdf": sample_pdf, "lines": truth_lines,
        "pages": {p: fold("".join(lines)) for p, lines in truth_lines.items()},
        "documents": [(d["page_index"], d["title"]) for d in sample_truth["documents"]],
    }
    for style in STYLES[1:]:
        if needs_bold(style):
            continue
        made = edition(sample_pdf, sample_truth, style)
        content = range(made.first_content_page, made.page_count)
        out[style] = {
            "pdf": made.path, "lines": {p: made.page_lines[p] for p in content},
            "pages": {p: fold("".join(made.page_lines[p])) for p in content},
            "documents": [(d["start_page"], d["title"]) for d in made.documents], "labels": made.page_labels,
        }
    for style, subject in out.items():
        library = workdir() / f"search-{style}"
        report = cli_json("index", str(subject["pdf"]), "--library", str(library))
        assert report, report
        subject["library"] = str(library)
    return out


def _subject(subjects: dict, style: str) -> dict:
    if style not in subjects:
        pytest.skip("no bold CJK font on this machine (e.g. Noto Sans CJK Bold) to set body-sized bold titles")
    return subjects[style]


def _search(subject: dict, *argv: str) -> dict:
    return cli_json("search", *argv, "--library", subject["library"])


def _score(subject: dict, queries: list[str]) -> tuple[float, float, dict, dict, int]:
    hit = found = wanted = 0
    misses, extras = {}, {}
    for query in queries:
        want = expected(query, subject["pages"])
        data = _search(subject, query)
        got = {h["page_index"] for h in data["hits"]}
        assert data["total_pages"] == len(data["hits"]), query  # all matching pages by default
        hit, found, wanted = hit + len(got & want), found + len(got), wanted + len(want)
        if want - got:
            misses[query] = (sorted(want - got), sorted(got))
        if got - want:
            extras[query] = sorted(got - want)
    return hit / wanted if wanted else 1.0, hit / found if found else 1.0, misses, extras, wanted


@pytest.mark.parametrize("style", STYLES)
def test_listed_queries_full_recall_and_precision(subjects, style):
    subject = _subject(subjects, style)
    recall, precision, misses, extras, wanted = _score(subject, QUERIES)
    print(f"{style}: {len(QUERIES)} queries, {wanted} expected pages, recall {recall:.3f}, "
          f"precision {precision:.3f}; extra pages {extras}")
    assert wanted > 150
    assert not misses, f"recall {recall:.3f}; query: (expected pages missed, got): {misses}"
    assert precision >= 0.95, f"precision {precision:.3f}; extra pages: {extras}"


@pytest.mark.parametrize("style", STYLES)
def test_strings_across_line_breaks_of_every_edition(subjects, style):
    """Strings straddling a line break of the shared PDF and of each edition, searched in each edition."""
    subject = _subject(subjects, style)
    queries = sorted(set(straddling(subjects["shared"]["lines"], 5, 1) + straddling(subjects["b5"]["lines"], 5, 2)
                         + straddling(subjects["a4"]["lines"], 5, 3)))
    assert len(queries) >= 30
    recall, precision, misses, extras, _ = _score(subject, queries)
    print(f"{style}: {len(queries)} line-break queries, recall {recall:.3f}, precision {precision:.3f}; "
          f"extra pages {extras}")
    assert not misses, f"recall {recall:.3f}; {misses}"
    assert precision >= 0.95, extras


@pytest.mark.parametrize("style", STYLES[1:])
def test_hits_carry_label_document_and_rects(subjects, style):
    subject = _subject(subjects, style)
    starts = subject["documents"]
    data = _search(subject, "工业互联网平台")
    assert data["query"] == "工业互联网平台" and data["hits"]
    for hit in data["hits"]:
        assert set(hit) >= {"pdf", "page_index", "page_label", "document", "doc_number", "snippet", "rects"}
        page = hit["page_index"]
        assert hit["page_label"] == subject["labels"][page]
        title = [t for start, t in starts if start <= page][-1]
        assert "".join(hit["document"].split()) == "".join(title.split())
        assert hit["rects"] and all(len(r) == 4 and r[0] < r[2] and r[1] < r[3] for r in hit["rects"])
    limited = _search(subject, "工业互联网平台", "--limit", "2")
    assert len(limited["hits"]) == 2 and limited["total_pages"] == data["total_pages"]
    only = _search(subject, "数据", "--document", "数据产业")
    start = next(s for s, t in starts if "数据产业" in t)
    end = min([s for s, _ in starts if s > start] + [10 ** 6])
    assert only["hits"] and all(start <= h["page_index"] <= end for h in only["hits"])


@pytest.mark.parametrize("query", ODD, ids=lambda q: repr(q[:12]))
def test_odd_queries_never_raise(subjects, query):
    subject = subjects["b5"]
    code, out, err = run_cli("search", "--library", subject["library"], "--json", "--", query)
    assert code in (0, 2), (code, err)
    if code == 0:
        data = json.loads(out)
        assert data["total_pages"] == len(data["hits"])
    else:
        assert err.strip().count("\n") == 0 and err.startswith("错误"), err


@pytest.mark.parametrize("argv", [["-专精特新 中小企业"], ["中小企业", "-专精特新"]], ids=["one-argument", "two-arguments"])
def test_query_that_starts_with_an_exclusion(subjects, argv):
    """`search "-专精特新 中小企业"` (and the unquoted form) excludes, as "中小企业 -专精特新" does: a query
    may start with an excluded word; it is not a command-line option."""
    subject = subjects["shared"]
    code, out, err = run_cli("search", *argv, "--library", subject["library"], "--json")
    assert code == 0, f"exit {code}: {err.strip()}"
    got = {h["page_index"] for h in json.loads(out)["hits"]}
    want = expected("中小企业 -专精特新", subject["pages"])
    assert want and want <= got and len(got - want) <= 0.05 * len(got), (sorted(want), sorted(got))

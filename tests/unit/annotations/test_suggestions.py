"""Theme suggestions on a generated compilation: matching rules, clause choice, exclusions, memory, CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.annotations import Theme
from reader.annotations.spans import annotation_for_span, clause_span
from reader.annotations.suggestion_memory import RejectedSuggestions
from reader.annotations.suggestions import keyword_positions, suggest_clauses
from reader.annotations.textmatch import fold
from reader.cli import main
from reader.document import Document
from reader.structure import load_structure

from tests.builders.annotations_pdfs import typeset

DOCS = [
    ("关于推进氢能产业发展的通知", [
        "各有关单位：为加快制氢 装备发展，现通知如下：",
        "一、总体要求",
        "（一）推动可再生能源制氢，建设加氢站。",
        "（二）推进 MAIN 系统升级，不涉及本主题。",
        "（三）支持AI 大模型在工厂应用。",
        "二、保障措施",
        "（一）加大财政支持力度。",
        "（二）鼓励储氢材料研发，推动氢燃料电池汽车示范。",
    ]),
]


@pytest.fixture(scope="module")
def comp(tmp_path_factory):
    pdf = typeset(tmp_path_factory.mktemp("sugg") / "s.pdf", DOCS)
    with Document.open(pdf) as doc:
        return load_structure(doc, None)


@pytest.fixture(scope="module")
def pdf_path(tmp_path_factory) -> Path:
    return typeset(tmp_path_factory.mktemp("sugg_cli") / "s.pdf", DOCS)


HYDROGEN = Theme("氢能", "Hydrogen energy", "#26c6da", ["氢能", "氢燃料", "制氢", "储氢", "加氢站"])


def test_latin_keywords_match_whole_words_only() -> None:
    folded = fold("推进MAIN系统与AI大模型，AI")
    assert len(keyword_positions(folded, "AI")) == 2  # not inside MAIN
    assert keyword_positions(fold("15G网络 5G 工厂"), "5G") == [fold("15G网络").__len__()]
    assert keyword_positions(fold("制 氢装备"), "制氢") == [0]  # whitespace and line breaks ignored


def test_innermost_clauses_in_reading_order_with_keywords(comp) -> None:
    found = suggest_clauses(comp, HYDROGEN)
    labels = [(s.clause_path, s.keywords) for s in found]
    assert labels[0][0] == []  # the opening paragraph, outside any clause
    assert ["一、", "（一）"] in [p for p, _ in labels]
    assert (["二、", "（二）"], ["氢燃料", "储氢"]) in labels
    assert ["一、", "（二）"] not in [p for p, _ in labels]  # no keyword there
    assert ["二、", "（一）"] not in [p for p, _ in labels]
    assert [s.start_offset for s in found] == sorted(s.start_offset for s in found)
    title = fold(DOCS[0][0])
    assert all(fold(comp.text[s.start_offset:s.end_offset]) != title for s in found)  # the title line is no provision
    first = next(s for s in found if s.clause_path == ["一、", "（一）"])
    assert first.keywords == ["制氢", "加氢站"] and first.occurrences == 2
    assert "制氢" in first.excerpt and first.page_label


def test_tagged_and_rejected_clauses_are_left_out(comp) -> None:
    found = suggest_clauses(comp, HYDROGEN)
    target = next(s for s in found if s.clause_path == ["一、", "（一）"])
    clause = comp.clause_path_at(target.start_offset)[-1]
    tagged = annotation_for_span(comp, *clause_span(comp, clause), themes=["氢能"])
    other_theme = annotation_for_span(comp, *clause_span(comp, clause), themes=["5G"])
    assert target.key not in {s.key for s in suggest_clauses(comp, HYDROGEN, annotations=[tagged])}
    assert target.key in {s.key for s in suggest_clauses(comp, HYDROGEN, annotations=[other_theme])}
    remaining = suggest_clauses(comp, HYDROGEN, rejected={target.key})
    assert len(remaining) == len(found) - 1 and target.key not in {s.key for s in remaining}


def test_keys_are_per_theme_and_text(comp) -> None:
    found = suggest_clauses(comp, HYDROGEN)
    ai = Theme("人工智能", "AI", "#5c6bc0", ["AI", "大模型"])
    ai_found = suggest_clauses(comp, ai)
    assert [s.clause_path for s in ai_found] == [["一、", "（三）"]]
    assert len({s.key for s in found + ai_found}) == len(found) + len(ai_found)


def test_rejections_are_remembered_on_disk(tmp_path) -> None:
    memory = RejectedSuggestions(tmp_path)
    memory.reject("k1", "氢能")
    memory.reject("k2", "5G")
    again = RejectedSuggestions(tmp_path)
    assert again.keys() == {"k1", "k2"}
    again.restore("k2")
    assert RejectedSuggestions(tmp_path).keys() == {"k1"}
    assert RejectedSuggestions(tmp_path).forget_theme("氢能") == 1
    assert RejectedSuggestions(tmp_path).keys() == frozenset()
    (tmp_path / "suggestions_rejected.json").write_text("{broken", encoding="utf-8")
    assert RejectedSuggestions(tmp_path).keys() == frozenset()  # unreadable: nothing rejected, no crash


def test_cli_suggest_json_and_errors(capsys, tmp_path, pdf_path) -> None:
    lib = str(tmp_path / "lib")
    code = main(["suggest", "--theme", "hydrogen energy", str(pdf_path), "--json", "--library", lib])
    out, err = capsys.readouterr()
    assert code == 0, err
    data = json.loads(out)
    assert data["theme"] == "氢能" and data["count"] == len(data["suggestions"]) >= 3
    assert {"key", "page_index", "page_label", "document", "clause_path", "keywords", "excerpt"} <= set(data["suggestions"][0])
    RejectedSuggestions(Path(lib)).reject(data["suggestions"][0]["key"], "氢能")
    main(["suggest", "--theme", "氢能", "--json", "--library", lib])  # the whole library
    again = json.loads(capsys.readouterr()[0])
    assert again["count"] == data["count"] - 1
    code = main(["suggest", "--theme", "不存在的主题", str(pdf_path), "--library", lib])
    out, err = capsys.readouterr()
    assert code == 2 and err.startswith("错误 (error):") and "Traceback" not in err


def test_themes_matching_ranks_by_keyword_hits() -> None:
    from reader.annotations.suggestions import themes_matching

    ai = Theme("人工智能", "AI", "#5c6bc0", ["AI", "大模型"])
    green = Theme("绿色低碳", "", "#66bb6a", ["低碳", "绿色"])
    found = themes_matching("推动制氢、储氢和清洁低碳氢，MAIN 系统", [ai, green, HYDROGEN])
    assert [t.name for t in found] == ["氢能", "绿色低碳"]  # two hydrogen keywords, one green; AI not inside MAIN

"""Folding, query parsing and span/snippet helpers of the search index, on plain strings."""

from __future__ import annotations

from reader.index.analyzer import grams
from reader.index.normalize import fold, fold_with_offsets
from reader.index.query import parse_query
from reader.index.highlight import find_spans, snippet_parts


def test_fold_ignores_whitespace_width_and_case():
    assert fold("５Ｇ 工厂") == fold("5G工厂") == "5g工厂"
    assert fold("（ＥＲＰ）") == "(erp)"
    assert fold("数据\n要素\u3000 DCMM") == "数据要素dcmm"
    assert fold("") == ""


def test_fold_with_offsets_points_back_to_source_characters():
    text = "氢 冶\n金 ５Ｇ"
    folded, offsets = fold_with_offsets(text)
    assert folded == "氢冶金5g"
    assert [text[i] for i in offsets] == ["氢", "冶", "金", "５", "Ｇ"]
    # characters that expand under NFKC keep pointing at their source
    folded, offsets = fold_with_offsets("㎡x")
    assert folded == "m2x" and offsets == [0, 0, 1]


def test_grams_are_pairs_of_letters_digits_and_ideographs():
    assert grams(fold("氢能源（5G）")) == {"氢能", "能源", "5g"}
    assert grams("") == set() and grams("氢") == set() and grams("（*）") == set()


def test_words_mean_all_quotes_mean_phrase_minus_excludes():
    q = parse_query("氢能 交通")
    assert q.include == ["氢能", "交通"] and not q.exclude
    assert parse_query('"新质 生产力"').include == ["新质生产力"]
    assert parse_query("“数据 要素”").include == ["数据要素"]
    q = parse_query("中小企业 -专精特新")
    assert q.include == ["中小企业"] and q.exclude == ["专精特新"]
    assert parse_query("氢能 AND 交通").include == ["氢能", "交通"]


def test_odd_input_is_literal_or_explained():
    for text, include in [('"', ['"']), ("*", ["*"]), ("(", ["("]), ("AND", ["and"]), ("-", ["-"]),
                          ("😀", ["😀"]), ("（", ["("]), ('"unclosed', ["unclosed"])]:
        assert parse_query(text).include == include, text
    for text in ["", "   ", "\n"]:
        parsed = parse_query(text)
        assert parsed.empty and "enter something" in parsed.message
    parsed = parse_query("-氢能")
    assert parsed.empty and parsed.exclude == ["氢能"] and parsed.message
    assert len(parse_query("数" * 50000).include[0]) <= 20000


def test_find_spans_across_line_break_and_into_next_page():
    clean = "推进氢冶\n金应用，氢冶金"
    spans = find_spans(clean, "", ["氢冶金"])
    assert [clean[a:b] for a, b in spans] == ["氢冶\n金", "氢冶金"]
    # a phrase that starts on this page and ends on the next belongs to this page
    spans = find_spans("发展氢", "冶金技术", ["氢冶金"])
    assert spans == [(2, 5)]
    # one that lies wholly on the next page does not
    assert find_spans("发展", "氢冶金", ["氢冶金"]) == []


def test_snippet_marks_every_hit_in_the_window():
    text = "前文" * 30 + "专精特新中小企业和专精特新企业" + "后文" * 30
    spans = find_spans(text, "", ["专精特新"])
    parts = snippet_parts(text, spans, len(text))
    joined = "".join(f"[{t}]" if hit else t for t, hit in parts)
    assert joined.count("[专精特新]") == 2
    assert joined.startswith("…") and joined.endswith("…")


def test_jieba_is_not_loaded_until_a_search_or_indexing_needs_it():
    import subprocess
    import sys
    from pathlib import Path

    code = ("import sys; import reader.index.search, reader.index.indexing, reader.cli.search; "
            "from reader.cli import build_parser; build_parser(); print('jieba' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         cwd=Path(__file__).resolve().parents[3])
    assert out.stdout.strip() == "False"

"""A team database made by the previous program (schema 1) is upgraded in place: shared pages keep
being found, with the page metadata search needs filled in from what was stored."""

from __future__ import annotations

from psycopg.types.json import Jsonb

from reader.index.search import SearchFilters
from reader.team import schema
from reader.team.admin import add_member
from reader.team.connection import connect
from reader.team.search import TeamIndex


def test_schema_one_pages_are_upgraded_and_searchable(team_db, monkeypatch) -> None:
    monkeypatch.setattr(schema, "MIGRATIONS", schema.MIGRATIONS[:1])
    monkeypatch.setattr(schema, "SCHEMA_VERSION", 1)
    with connect(team_db) as conn:
        assert schema.migrate(conn) == (0, 1)
        documents = [{"title": "关于推进数据产业发展的通知", "doc_number": "国数发〔2024〕3号", "date": "2024-05-06",
                      "start_page": 0, "end_page": 0}]
        conn.execute("INSERT INTO compilations (content_hash, title, page_count, page_labels, documents) "
                     "VALUES ('h1', '汇编', 2, '[\"1\", \"2\"]', %s)", (Jsonb(documents),))
        for page, text in enumerate(["发展数据产业，培育数据要素市场。", "附录：氢能示范。"]):
            folded = text.replace("，", ",").replace("：", ":").replace("。", "。")
            grams = sorted({folded[i:i + 2] for i in range(len(folded) - 1)})
            conn.execute("INSERT INTO pages (content_hash, page_index, label, text, folded, grams) "
                         "VALUES ('h1', %s, %s, %s, %s, %s)", (page, str(page + 1), text, folded, grams))
    monkeypatch.undo()
    with connect(team_db) as conn:
        assert schema.migrate(conn) == (1, schema.SCHEMA_VERSION)
        row = conn.execute("SELECT own_len, document, doc_number, date, 数 FROM (SELECT *, '数' = ANY(grams) AS 数 "
                           "FROM pages WHERE page_index = 0) p").fetchone()
        assert row == (len("发展数据产业,培育数据要素市场。"), "关于推进数据产业发展的通知", "国数发〔2024〕3号",
                       "2024-05-06", True)
    member = add_member(team_db, "升级后成员")
    index = TeamIndex(member["url"])
    assert [(h.page_index, h.document) for h in index.search("数据").hits] == [(0, "关于推进数据产业发展的通知")]
    assert [h.page_index for h in index.search("氢").hits] == [1]  # one character: narrowed by the new grams
    assert index.search("数据", SearchFilters(document="国数发")).total_pages == 1
    assert index.search("氢", SearchFilters(document="国数发")).total_pages == 0
    index.close()

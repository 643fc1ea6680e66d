"""The test typesetter (tests/builders/typesetter.py) reads back what it set."""

from __future__ import annotations

import pymupdf

from tests.builders.typesetter import A4, B5, Typesetter  # noqa: F401


def test_typesetter_text_reads_back(tmp_path):
    """The fixtures are only as good as pymupdf's read-back of the built-in CJK font."""
    kit = Typesetter()
    kit.paragraph("原材料工业是支撑国民经济发展的基础性产业，到 2027 年发布 200 项标准。" * 3)
    path = kit.save(tmp_path / "a.pdf")
    with pymupdf.open(path) as doc:
        text = "".join(doc[0].get_text().split())
    assert "原材料工业是支撑国民经济发展的基础性产业，到2027年发布200项标准。" in text

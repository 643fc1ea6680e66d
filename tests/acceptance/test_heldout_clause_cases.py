"""Held-out style clause and layout cases the shared compilation does not show, on small PDFs.

Each case is typeset with the structure tests' Typesetter and read back through
``python -m reader outline|text PDF --json``, the way an outside checker reads it.
"""

from __future__ import annotations

import pymupdf
import pytest

from tests.acceptance.retypeset import Block, Kit, Style, bold_font_file, cli_json, set_box, squash, system_font_file
from tests.builders.typesetter import B5, Typesetter


def _outline(path, tmp_path) -> dict:
    return cli_json("outline", str(path), "--library", str(tmp_path / "lib"))


def _tree(clauses) -> list:
    return [(c["label"], _tree(c["children"])) for c in clauses]


def _running(page: int) -> list[tuple[str, str, str]]:
    return [("某市政策文件汇编", "top", "right"), (f"— {page} —", "bottom", "centre")]


def _fill_to_line_end(kit: Typesetter, text: str, indent: int = 2) -> str:
    """Pad ``text`` with filler so that what is appended next starts a new printed line."""
    per_line = kit.chars_per_line()
    room = per_line - indent
    filler = "并按照有关规定组织实施相关工作"
    while len(text) < room or (len(text) - room) % per_line:
        text += filler[len(text) % len(filler)]
    return text


def test_inline_list_whose_next_number_wraps_to_a_line_start(tmp_path):
    """（二）…：（一）…；（二）…；（三）… in one sentence, the inner （三） opening a printed line,
    must stay inside clause （二）; the real （三） after it is the next clause."""
    kit = Typesetter(header=_running)
    kit.new_page()
    kit.title("某市关于支持企业数据管理能力建设的通知")
    kit.paragraph("各区人民政府，市政府各部门：现将有关事项通知如下。")
    kit.line("一、支持内容")
    kit.paragraph("（一）开展评估。支持企业开展数据管理能力成熟度评估，形成改进计划。")
    head = "（二）给予补助。对下列企业给予补助：（一）首次通过评估的企业；（二）评估等级提升一级的企业，"
    head = _fill_to_line_end(kit, head + "补助金额按照评估费用的一半确定；")
    inline = head + "（三）评估等级提升两级以上的企业，补助金额按照评估费用全额确定。"
    kit.paragraph(inline)
    kit.paragraph("（三）加强监督。各区要加强对补助资金使用情况的监督检查，确保资金安全。")
    kit.line("二、申报程序")
    kit.paragraph("企业通过市数据局网站在线申报，逐级审核后公布名单。")
    path = kit.save(tmp_path / "inline.pdf")
    with pymupdf.open(path) as pdf:  # the case really is there: the inner （三） opens a printed line
        assert any(line.startswith("（三）评估等级") for line in pdf[0].get_text().splitlines())
    (doc,) = _outline(path, tmp_path)["documents"]
    assert _tree(doc["clauses"]) == [("一、", [("（一）", []), ("（二）", []), ("（三）", [])]), ("二、", [])]
    assert squash(doc["clauses"][0]["children"][1]["text"]) == squash(inline)


def test_law_with_sections_items_and_sub_items(tmp_path):
    """第一章 > 第一节 > 第一条 > （一） > 1. > （1） all nest, and 第N条 numbering runs on across 节 and 章."""
    kit = Typesetter(size=B5, margin=(46, 64, 46, 64), body=11, header=_running)
    kit.new_page()
    kit.title("某市数据资源管理条例", size=16)
    kit.paragraph("（2024 年 3 月 1 日某市第十六届人民代表大会常务委员会第九次会议通过）", indent=0)
    kit.centred("第一章 总 则")
    kit.centred("第一节 一般规定")
    kit.paragraph("第一条 为了加强数据资源管理，促进数据依法有序流动，制定本条例。")
    kit.paragraph("第二条 本条例所称数据资源，包括下列数据：")
    kit.paragraph("（一）公共数据；")
    kit.paragraph("（二）企业数据，包括：")
    kit.paragraph("1. 生产经营数据；")
    kit.paragraph("2. 其他数据，具体为：")
    kit.paragraph("（1）用户授权的数据；")
    kit.paragraph("（2）依法公开的数据。")
    kit.centred("第二节 管理职责")
    kit.paragraph("第三条 市数据主管部门负责全市数据资源管理工作。")
    kit.centred("第二章 附 则")
    kit.paragraph("第四条 本条例自 2024 年 7 月 1 日起施行。")
    path = kit.save(tmp_path / "law.pdf")
    (doc,) = _outline(path, tmp_path)["documents"]
    assert doc["date"] == "2024-03-01" and doc["kind"] == "法律"
    assert _tree(doc["clauses"]) == [
        ("第一章", [("第一节", [("第一条", []),
                               ("第二条", [("（一）", []), ("（二）", [("1.", []), ("2.", [("（1）", []), ("（2）", [])])])])]),
                   ("第二节", [("第三条", [])])]),
        ("第二章", [("第四条", [])]),
    ]


def test_framed_box_across_a_page_break_stops_at_its_frame(tmp_path):
    """A 专栏 whose frame runs onto the next page is one child clause; the paragraph after the frame
    (same type size, no heading) belongs to the enclosing clause, not to the box."""
    kit = Kit(size=B5, margin=(44, 64, 44, 64), body=11, header=_running)
    kit.lines = {}
    kit.new_page()
    kit.title("关于加快培育数据企业的实施意见", size=16)
    kit.line("一、主要任务")
    kit.paragraph("（一）培育数据资源企业。支持企业依法开展数据资源开发利用，形成一批骨干企业。" * 6)
    kit.y = kit.size[1] - kit.margin[3] - kit.body * kit.leading * 5  # the box starts near the page foot
    box_lines = ["数据资源企业。支持企业开展数据汇聚治理和开发利用，培育数据资源运营主体。" * 2,
                 "数据技术企业。支持企业研发数据采集、存储、计算和安全技术产品。" * 2,
                 "数据服务企业。支持企业提供数据咨询、评估、经纪和交付服务。" * 2]
    top_page = kit.doc.page_count - 1
    set_box(kit, Block("box", "专栏 1 数据企业培育工程", children=[Block("para", t, indent=True) for t in box_lines]),
         Style("framed"))
    after = "各区要结合实际制定配套措施，加强服务保障，及时协调解决企业发展中的困难和问题。"
    kit.paragraph(after)
    kit.paragraph("（二）培育数据服务企业。支持第三方专业服务机构发展，提升数据服务能力。")
    path = kit.save(tmp_path / "box.pdf")
    assert kit.doc.page_count > top_page + 1  # the box really runs onto the next page
    (doc,) = _outline(path, tmp_path)["documents"]
    first = doc["clauses"][0]["children"][0]
    assert [(c["label"], c["kind"]) for c in first["children"]] == [("专栏 1", "box")]
    box = first["children"][0]
    assert box["end_page"] == box["start_page"] + 1
    assert squash(box["text"]).endswith(squash(box_lines[-1]))
    assert squash(after) in squash(first["text"]) and squash(after) not in squash(box["text"])


def test_one_page_document_under_a_per_document_running_title(tmp_path):
    """Running header = the current document's title: a one-page document shows its header once,
    and that header must not leak into its text or be taken for its title."""
    titles = ["关于开展中小企业数字化转型城市试点工作的通知", "某市首批数字化转型标杆企业名单公布",
              "关于做好工业领域设备更新工作的通知"]
    starts: dict[int, str] = {}

    def running(page: int) -> list[tuple[str, str, str]]:
        title = [t for p, t in sorted(starts.items()) if p <= page - 1][-1]
        return [(title[:14], "top", "centre"), (f"第 {page} 页", "bottom", "right")]

    kit = Typesetter(header=running)
    for n, title in enumerate(titles):
        kit.new_page()
        starts[kit.doc.page_count - 1] = title
        kit.title(title)
        kit.line("一、工作目标")
        kit.paragraph("推动企业加快数字化转型步伐，形成可复制推广的经验做法。" * (40 if n != 1 else 2))
        kit.line("二、工作要求")
        kit.paragraph("各地要加强组织领导，认真抓好落实，及时报送工作进展。" * (10 if n != 1 else 1))
    path = kit.save(tmp_path / "running-title.pdf")
    assert kit.doc.page_count >= 5  # the long documents' headers recur; the short one's is seen once
    outline = _outline(path, tmp_path)
    assert [squash(d["title"]) for d in outline["documents"]] == [squash(t) for t in titles]
    text = cli_json("text", str(path), "--library", str(tmp_path / "lib"))
    for page in text["pages"]:
        assert not any(squash(t)[:14] in squash(page["text"]).replace(squash(t), "") for t in titles), page
    lone = outline["documents"][1]
    assert [c["label"] for c in lone["clauses"]] == ["一、", "二、"]
    assert all(squash(titles[1])[:14] not in squash(c["text"]) for c in lone["clauses"])


def test_printed_page_numbers_are_the_labels_when_the_pdf_has_none(tmp_path):
    """No /PageLabels: a cover and a 目录 unnumbered, then "第 N 页" from 1 → labels I, II, 1, 2, …"""
    kit = Typesetter(header=lambda n: [(f"第 {n} 页", "bottom", "centre")])
    kit.new_page()
    kit.y = 300
    kit.centred("政 策 汇 编", 30)
    kit.toc([("关于推进工业互联网平台建设的通知", "1"), ("关于加强中小企业服务的意见", "2")])
    kit.new_page()
    kit.title("关于推进工业互联网平台建设的通知")
    kit.paragraph("加快工业互联网平台建设，推动平台在重点行业深度应用。" * 30)
    kit.new_page()
    kit.title("关于加强中小企业服务的意见")
    kit.paragraph("完善中小企业公共服务体系，提升服务质量和效率。" * 12)
    path = kit.save(tmp_path / "no-labels.pdf", first_content_page=2)
    with pymupdf.open(path) as pdf:
        assert not pdf.get_page_labels()
    outline = _outline(path, tmp_path)
    assert outline["page_labels"][:2] == ["I", "II"]
    assert outline["page_labels"][2:] == [str(n) for n in range(1, outline["page_count"] - 1)]
    assert [d["start_label"] for d in outline["documents"]] == ["1", outline["page_labels"][outline["documents"][1]["start_page"]]]


@pytest.mark.skipif(bold_font_file() is None, reason="needs a system Noto CJK font, whose glyphs read back as "
                                                    "compatibility ideographs")
def test_compatibility_ideographs_read_as_plain_characters(tmp_path):
    """Some fonts' ToUnicode maps give back compatibility ideographs (料 U+F9BE, 行 U+FA08) or Kangxi
    radicals for ordinary characters: the outline, clean text and search read 料 and 行."""
    kit = Kit(header=_running)
    kit.lines = {}
    kit.new_page()
    kit.title("关于推动原材料行业高质量发展的通知", font="bold")
    kit.line("一、主要任务", font="bold")
    kit.paragraph("加快原材料行业数字化转型，提升产业链供应链韧性。")
    path = kit.save(tmp_path / "compat.pdf")
    with pymupdf.open(path) as pdf:
        raw = pdf[0].get_text()
    assert "\uf9be" in raw or "\ufa08" in raw  # the case is really there
    (doc,) = _outline(path, tmp_path)["documents"]
    assert doc["title"].replace(" ", "") == "关于推动原材料行业高质量发展的通知"
    assert [c["heading"] for c in doc["clauses"]] == ["主要任务"]
    library = str(tmp_path / "lib")
    cli_json("index", str(path), "--library", library)
    assert [h["page_index"] for h in cli_json("search", "原材料行业高质量", "--library", library)["hits"]] == [0]


def test_heading_cut_mid_word_by_a_short_line_keeps_its_whole_sentence(tmp_path):
    """第一条 whose first printed line stops short inside a word still has the whole first sentence as
    heading: headings do not depend on where a typesetter broke the line."""
    kit = Typesetter(header=_running)
    kit.new_page()
    kit.title("某市促进数据产业发展条例")
    kit.centred("第一章 总 则")
    per_line = kit.chars_per_line()
    first = "第一条 为了促进数据产业高质量发展，培育壮大数据产业经营主体，规范数据"
    kit.line(first[: per_line - 4])  # stops four characters short, inside a word
    kit.line(first[per_line - 4:] + "处理活动，根据有关法律、行政法规，制定本条例。")
    kit.paragraph("第二条 本条例适用于本市行政区域内的数据产业促进活动。")
    path = kit.save(tmp_path / "cut.pdf")
    (doc,) = _outline(path, tmp_path)["documents"]
    article = doc["clauses"][0]["children"][0]
    assert article["label"] == "第一条"
    assert squash(article["heading"]) == "为了促进数据产业高质量发展，培育壮大数据产业经营主体，规范数据处理活动，根据有关法律、行政法规，制定本条例"[:60]


@pytest.mark.skipif(system_font_file("serif") is None, reason="needs a system Noto Serif CJK font")
def test_body_in_a_proportional_font_whose_hyphen_reads_back_as_u2011(tmp_path):
    """Body text in Noto Serif CJK: Latin and digits are narrow (lines still fill the measure) and the
    hyphen glyph reads back as U+2011; clean text, clauses and search read "-"."""
    kit = Kit(header=_running)
    kit.lines = {}
    kit.body_font = "serif"
    kit.new_page()
    kit.title("关于推进“5G+工业互联网”融合应用的通知", size=16)
    kit.line("一、主要任务")
    body = ("遵循“规划-实施-评估-优化”持续改进的管理方法，推广 5G-A、TSN、PON 等新型工业网络，"
            "到 2027 年建成 100 个以上 5G 工厂和 20 个以上“5G+工业互联网”融合应用先导区。") * 3
    kit.paragraph(body)
    kit.line("二、保障措施")
    kit.paragraph("加强组织实施，完善配套政策。")
    path = kit.save(tmp_path / "serif.pdf")
    with pymupdf.open(path) as pdf:
        assert "\u2011" in pdf[0].get_text()  # the case is really there
    (doc,) = _outline(path, tmp_path)["documents"]
    assert [c["label"] for c in doc["clauses"]] == ["一、", "二、"]
    assert squash(doc["clauses"][0]["text"]) == squash("一、主要任务" + body)
    library = str(tmp_path / "lib")
    cli_json("index", str(path), "--library", library)
    for query in ("规划-实施-评估", "5G-A", "TSN、PON"):
        assert [h["page_index"] for h in cli_json("search", query, "--library", library)["hits"]] == [0], query


def test_page_numbers_that_restart_with_every_document(tmp_path):
    """Documents inserted with their own numbering (each from "- 1 -"), no /PageLabels, and a dated
    running header that is not a page number: labels are the printed numbers."""
    numbers: list[int] = []

    def running(page: int) -> list[tuple[str, str, str]]:
        return [("2024 年 12 月", "top", "right"), (f"- {numbers[page - 1]} -", "bottom", "centre")]

    kit = Typesetter(header=running)
    for n, (title, repeat) in enumerate([("关于推进工业互联网平台建设的通知", 60), ("关于加强中小企业服务的意见", 25),
                                         ("关于开展数据要素试点工作的通知", 90)]):
        kit.new_page()
        first = kit.doc.page_count
        kit.title(title)
        kit.paragraph("加快工业互联网平台建设，推动平台在重点行业深度应用。" * repeat)
        numbers.extend(range(1, kit.doc.page_count - first + 2))
    path = kit.save(tmp_path / "restart.pdf")
    outline = _outline(path, tmp_path)
    assert outline["page_labels"] == [str(n) for n in numbers]
    assert [d["start_label"] for d in outline["documents"]] == ["1", "1", "1"]

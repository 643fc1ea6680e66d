"""Whole-structure checks on small compilations laid out in different ways.

Each test typesets its own 3-document compilation (page size, header/footer text and place,
目录 or none, bookmarks or none differ) and checks documents, metadata, clause trees, clean
text and positions together.
"""

from __future__ import annotations

import pymupdf
import pytest

from reader.document import Document
from reader.structure import analyze
from tests.builders.typesetter import B5, Typesetter


def _squash(text: str) -> str:
    return "".join(text.split())


def _tree(clauses) -> list:
    return [(c.label, c.heading, _tree(c.children)) for c in clauses]


NOTICE_BODY = ("为贯彻落实国家关于推进新型工业化的部署要求，加快中小企业数字化转型步伐，现将本方案印发给你们，"
               "请结合本地区实际认真贯彻执行。")
TASK_ONE = ("（一）推进设备更新。支持中小企业开展设备更新和技术改造，推动生产线数字化升级，提升生产效率和产品质量，"
            "鼓励企业采用先进适用的数字化设备和工业软件，形成一批可复制可推广的典型经验。")
ITEM_ONE = "1.开展诊断服务。组织专业机构为中小企业提供免费数字化诊断服务，帮助企业找准转型方向和重点环节。"
ITEM_TWO = "2.培育服务商。遴选一批优质数字化转型服务商，为企业提供低成本、快部署、易运维的解决方案。"
# An inline list: （一）…；（二）… inside one sentence, wrapped so that （二） starts a line.
INLINE = ("（二）加强数据应用。支持企业开展数据管理能力建设，下列企业优先支持：（一）适用于首次开展数据管理能力评估的企业，"
          "应当完成自评估并形成改进计划；（二）适用于已经通过评估的企业，应当提升一级并公开有关数据管理的典型案例。")
ASSURE = ("加强组织领导，建立健全工作推进机制，统筹推进各项任务落实。各地要加大资金支持力度，"
          "将中小企业数字化转型纳入重点工作安排，及时总结推广典型经验做法，营造良好发展氛围。") * 3


def _notice(kit: Typesetter, bookmark: bool = False) -> None:
    kit.title("某某省工业和信息化厅等三部门关于印发《促进中小企业数字化转型行动方案（2024—2026 年）》的通知",
              bookmark=bookmark)
    kit.centred("某工信发〔2023〕12 号")
    kit.line("各市工业和信息化局、财政局、市场监管局：")
    kit.paragraph(NOTICE_BODY)
    kit.right("某某省工业和信息化厅")
    kit.right("某某省财政厅")
    kit.right("某某省市场监督管理局")
    kit.right("2023 年 6 月 8 日")
    kit.centred("促进中小企业数字化转型行动方案（2024—2026 年）")
    kit.paragraph("中小企业是国民经济和社会发展的生力军，为加快推进中小企业数字化转型，制定本方案。")
    kit.line("一、总体目标")
    kit.paragraph("到 2026 年，全省中小企业数字化水平明显提升，培育一批数字化转型标杆企业和优质服务商。")
    kit.line("二、重点任务")
    kit.paragraph(TASK_ONE)
    kit.paragraph(ITEM_ONE)
    kit.paragraph(ITEM_TWO)
    kit.paragraph(INLINE)
    kit.line("三、保障措施")
    kit.paragraph(ASSURE)


def _law(kit: Typesetter, bookmark: bool = False) -> None:
    kit.title("某某省数据条例", bookmark=bookmark)
    kit.paragraph("（2023 年 5 月 30 日某某省第十四届人民代表大会常务委员会第三次会议通过）", indent=0)
    kit.centred("第一章 总 则")
    kit.paragraph("第一条 为了规范数据处理活动，保障数据安全，促进数据依法有序自由流动，根据有关法律、行政法规，制定本条例。")
    kit.paragraph("第二条 本省行政区域内的数据处理及其安全监督管理活动，适用本条例。")
    kit.centred("第二章 数据资源")
    kit.paragraph("第三条 县级以上人民政府应当统筹推进公共数据资源体系建设。")
    kit.paragraph("第四条 有下列情形之一的，不得开放公共数据：")
    kit.paragraph("（一）涉及国家秘密的；")
    kit.paragraph("（二）涉及商业秘密或者个人隐私的。")


def _news(kit: Typesetter, bookmark: bool = False) -> None:
    kit.title("全省首批智能工厂名单发布", bookmark=bookmark)
    kit.paragraph("近日，省工业和信息化厅公布了全省首批智能工厂名单，共有 35 家企业入选。"
                  "入选企业覆盖装备制造、电子信息、原材料等重点行业，数字化水平明显高于行业平均。")


def _running_a4(page: int) -> list[tuple[str, str, str]]:
    return [("某省政策汇编（2023年第3期）", "top", "right"), (f"— {page} —", "bottom", "centre")]


@pytest.fixture
def a4_with_contents(tmp_path):
    """A4, a cover and a 目录, header top-right on every page, "— N —" footer, no bookmarks."""
    kit = Typesetter(header=_running_a4)
    kit.new_page()
    kit.y = 250
    kit.centred("政 策 汇 编", 36, "china-ss")
    kit.centred("（2023年第3期）", 18, "china-ss")
    kit.toc([("某某省工业和信息化厅等三部门关于印发《促进中小企业数字化转型行动方案》的通知", "1"),
             ("某某省数据条例", "3"), ("全省首批智能工厂名单发布", "4")])
    kit.new_page()
    _notice(kit)
    kit.new_page()
    _law(kit)
    _news(kit)
    kit.doc.set_page_labels([{"startpage": 0, "prefix": "", "style": "R", "firstpagenum": 1},
                             {"startpage": 2, "prefix": "", "style": "D", "firstpagenum": 1}])
    path = kit.save(tmp_path / "a4.pdf", first_content_page=2)
    with Document.open(path) as doc:
        yield analyze(doc), path


def test_a4_documents_metadata_and_front_matter(a4_with_contents):
    comp, _ = a4_with_contents
    docs = comp.documents
    assert [d.title for d in docs] == [
        "某某省工业和信息化厅等三部门关于印发《促进中小企业数字化转型行动方案（2024—2026 年）》的通知",
        "某某省数据条例", "全省首批智能工厂名单发布"]
    notice, law, news = docs
    assert notice.start_page == 2 and law.start_page == news.start_page
    assert notice.doc_number == "某工信发〔2023〕12 号"
    assert notice.issuers == ["某某省工业和信息化厅", "某某省财政厅", "某某省市场监督管理局"]
    assert notice.date == "2023-06-08" and law.date == "2023-05-30" and news.date is None
    assert law.issuers == ["某某省人民代表大会常务委员会"] and news.issuers == []
    assert (notice.kind, law.kind, news.kind) == ("通知", "法律", "新闻")
    assert notice.end_page == law.start_page - 1
    assert notice.start_label == "1" and comp.page_labels[:3] == ["I", "II", "1"]


def test_a4_clause_tree_and_texts(a4_with_contents):
    comp, _ = a4_with_contents
    notice, law, _news_doc = comp.documents
    assert _tree(notice.clauses) == [
        ("一、", "总体目标", []),
        ("二、", "重点任务", [("（一）", "推进设备更新", [("1.", "开展诊断服务", []), ("2.", "培育服务商", [])]),
                             ("（二）", "加强数据应用", [])]),
        ("三、", "保障措施", []),
    ]
    tasks = notice.clauses[1]
    # The inline （一）…；（二）… list stays inside its clause.
    assert _squash(tasks.children[1].text) == _squash(INLINE)
    assert _squash(tasks.text) == _squash("二、重点任务" + TASK_ONE + ITEM_ONE + ITEM_TWO + INLINE)
    assert _squash(notice.clauses[2].text) == _squash("三、保障措施" + ASSURE)
    assert _tree(law.clauses) == [
        ("第一章", "总则", [("第一条", "为了规范数据处理活动，保障数据安全，促进数据依法有序自由流动，根据有关法律、行政法规，制定本条例", []),
                            ("第二条", "本省行政区域内的数据处理及其安全监督管理活动，适用本条例", [])]),
        ("第二章", "数据资源", [("第三条", "县级以上人民政府应当统筹推进公共数据资源体系建设", []),
                              ("第四条", "有下列情形之一的，不得开放公共数据", [
                                  ("（一）", "涉及国家秘密的", []), ("（二）", "涉及商业秘密或者个人隐私的", [])])]),
    ]


def test_a4_clean_text_has_no_furniture_and_joins_paragraphs(a4_with_contents):
    comp, _ = a4_with_contents
    assert "政策汇编（2023年第3期）" not in comp.text.replace(" ", "")
    assert "—" not in comp.text.replace("2024—2026", "")
    paragraphs = comp.text.split("\n")
    for source in (TASK_ONE, INLINE, ASSURE, NOTICE_BODY):
        assert source in paragraphs  # one paragraph: no stray newline or space inside
    # The long 保障措施 paragraph crosses a page break and still maps back to both pages.
    start = comp.text.index(ASSURE)
    rects = comp.span_rects(start, start + len(ASSURE))
    assert len(rects) == 2
    for page, boxes in rects.items():
        assert all(y0 > 60 and y1 < 800 for _, y0, _, y1 in boxes)


def test_positions_round_trip(a4_with_contents):
    comp, path = a4_with_contents
    target = "推进设备更新"
    start = comp.text.index(target)
    (page, boxes), = comp.span_rects(start, start + len(target)).items()
    x0, y0, x1, y1 = boxes[0]
    with pymupdf.open(path) as pdf:
        assert "".join(pdf[page].get_textbox(pymupdf.Rect(x0, y0, x1, y1) + (1, 1, -1, -1)).split()) == target
    assert comp.offset_at(page, x0 + 1, (y0 + y1) / 2) == start
    assert len(comp.page_starts) == comp.page_count + 1
    assert comp.document_at(start) is comp.documents[0]
    assert [c.label for c in comp.clause_path_at(start)] == ["二、", "（一）"]


def _running_b5(page: int) -> list[tuple[str, str, str]]:
    top = ("数字经济政策汇编", "top", "right") if page % 2 else ("某某研究院 编", "top", "left")
    return [top, (str(page), "bottom", "right" if page % 2 else "left")]


BEFORE_BOX = "（一）培育数据企业。支持数据资源企业、数据技术企业和数据服务企业发展壮大，形成梯次发展格局。"
AFTER_BOX = "各地要结合实际制定配套措施，加强对数据企业的服务保障，及时协调解决企业发展中的困难和问题。"


@pytest.fixture
def b5_with_bookmarks(tmp_path):
    """B5, alternating left/right headers, bare page numbers, bookmarks, no 目录, a 专栏 box."""
    kit = Typesetter(size=B5, margin=(44, 64, 44, 64), body=11, header=_running_b5)
    kit.new_page()
    kit.title("关于加快发展数据产业的指导意见", size=16, bookmark=True)
    kit.centred("某发改数据〔2024〕8 号")
    kit.paragraph("数据产业是利用现代信息技术对数据资源进行产品或服务开发，并推动其流通应用所形成的新兴产业。")
    kit.line("一、总体要求")
    kit.paragraph("以推动数据产业高质量发展为主线，培育壮大数据产业经营主体，提升数据产业创新能力。" * 2)
    kit.line("二、主要任务")
    kit.paragraph(BEFORE_BOX)
    kit.box("专栏 1 数据企业培育工程", ["数据资源企业。支持企业开展数据资源开发利用。", "数据技术企业。支持企业研发数据技术产品。"])
    kit.paragraph(AFTER_BOX)
    kit.paragraph("（二）建设数据基础设施。推动数据基础设施互联互通，打造全国一体化算力体系。")
    kit.right("某某省发展和改革委员会")
    kit.right("二〇二四年十二月二十八日")
    kit.new_page()
    kit.title("解读｜《关于加快发展数据产业的指导意见》", size=16, bookmark=True)
    kit.line("一、出台背景是什么？")
    kit.paragraph("数据产业是数字经济的重要组成部分，出台本意见是为了加快培育数据产业。")
    kit.line("二、主要内容有哪些？")
    kit.paragraph("主要包括总体要求、主要任务和保障措施三个部分。" + "意见围绕数据产业发展的重点领域作出部署。" * 80)
    kit.new_page()
    kit.title("某某省价格委员会公告", size=16, bookmark=True)
    kit.centred("某价委公告 2024 年第 5 号")
    kit.paragraph("现将有关事项公告如下。自 2025 年 1 月 1 日起施行。")
    kit.right("某某省价格委员会")
    kit.right("2024 年 12 月 30 日")
    path = kit.save(tmp_path / "b5.pdf")
    assert pymupdf.open(path).page_count >= 4  # each running header must recur
    with Document.open(path) as doc:
        yield analyze(doc), path


def test_b5_bookmarks_metadata_and_box(b5_with_bookmarks):
    comp, _ = b5_with_bookmarks
    opinion, reading, notice = comp.documents
    assert [d.title for d in comp.documents] == [
        "关于加快发展数据产业的指导意见", "解读｜《关于加快发展数据产业的指导意见》", "某某省价格委员会公告"]
    assert opinion.doc_number == "某发改数据〔2024〕8 号" and opinion.date == "2024-12-28"
    assert opinion.issuers == ["某某省发展和改革委员会"]
    assert (opinion.kind, reading.kind, notice.kind) == ("意见", "解读", "公告")
    assert notice.doc_number == "某价委公告 2024 年第 5 号" and notice.date == "2024-12-30"
    assert notice.issuers == ["某某省价格委员会"]
    tasks = opinion.clauses[1]
    first = tasks.children[0]
    assert [c.label for c in tasks.children] == ["（一）", "（二）"]
    assert [(c.label, c.kind) for c in first.children] == [("专栏 1", "box")]
    box = first.children[0]
    assert AFTER_BOX not in box.text and "数据技术企业" in box.text  # the box stops at its frame
    assert AFTER_BOX in first.text
    assert [c.label for c in reading.clauses] == ["一、", "二、"]
    assert "数字经济政策汇编" not in comp.text and "研究院" not in comp.text


def test_image_only_pdf_has_no_text_layer(tmp_path):
    pdf = pymupdf.open()
    page = pdf.new_page()
    pix = pymupdf.Pixmap(pymupdf.csRGB, pymupdf.IRect(0, 0, 20, 20), False)
    pix.clear_with(200)
    page.insert_image(pymupdf.Rect(50, 50, 300, 300), pixmap=pix)
    pdf.save(tmp_path / "scan.pdf")
    with Document.open(tmp_path / "scan.pdf") as doc:
        comp = analyze(doc)
    assert (comp.has_text_layer, comp.text, comp.documents) == (False, "", [])
    assert comp.page_starts == [0, 0] and comp.offset_at(0, 10, 10) is None


def test_plain_pdf_without_title_block_is_one_document(tmp_path):
    """A single notice typeset all in body size still gets its clauses."""
    kit = Typesetter()
    kit.new_page()
    kit.line("关于做好年度统计工作的通知")
    kit.line("一、工作目标")
    kit.paragraph("按时完成年度统计报表的填报和审核工作，确保数据真实准确。")
    kit.line("二、工作要求")
    kit.paragraph("各单位要明确专人负责，按照规定时限报送。")
    path = kit.save(tmp_path / "plain.pdf")
    with Document.open(path) as doc:
        comp = analyze(doc)
    (only,) = comp.documents
    assert only.title == "关于做好年度统计工作的通知" and only.kind == "通知"
    assert [c.label for c in only.clauses] == ["一、", "二、"]
    assert only.clauses[1].text == "二、工作要求\n各单位要明确专人负责，按照规定时限报送。"

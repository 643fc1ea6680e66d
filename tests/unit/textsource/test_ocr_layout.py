"""What the structure learns from OCR boxes without a text layer: font size from the Chinese
advance, weight and colour from the ink the worker sampled, and the ink given once to pages cached
before it was sampled. No OCR engine runs here: the boxes are written as the runner stores them."""

from __future__ import annotations

import pymupdf

from tests.builders import ocr_pdfs  # noqa: E402

from reader.document import Document  # noqa: E402
from reader.ocr.auto import ensure_ocr  # noqa: E402
from reader.ocr.ink import is_red  # noqa: E402
from reader.ocr.store import INK_VERSION, OcrLine, OcrPage, OcrStore  # noqa: E402
from reader.structure.frontmatter import is_cover  # noqa: E402
from reader.structure.gbt9704 import ATTACHMENT_LABEL  # noqa: E402
from reader.textsource.ocr import ocr_lines  # noqa: E402


def box(text: str, x: float, y: float, advance: float, height: float, ink=None) -> OcrLine:
    """A detector's box: characters ``advance`` apart, each as high as the (padded) line box."""
    rects = [(x + i * advance, y, x + (i + 1) * advance, y + height) for i in range(len(text))]
    return OcrLine(text, 0.99, list(text), rects, [0.99] * len(text), ink)


def test_size_comes_from_the_advance_not_the_padded_box_height():
    # A 12 pt body line boxed 14–15 pt high and a 16 pt title boxed 16 pt high: by height alone
    # they fall in one size group; the advance tells them apart.
    page = OcrPage(0, "t", 595, 842, [box("某某学院本科教学工作委员会工作职责", 110, 100, 16, 16.4),
                                      box("审议学院专业建设与发展规划审议各专业人才培养方案", 90, 150, 12, 14.8),
                                      box("组织学院教学成果奖及其它教学奖的评审推荐工作", 90, 170, 12, 14.0)])
    sizes = [line.size for line in ocr_lines(page, 0)]
    assert sizes[0] >= sizes[1] + 3 and sizes[1] == sizes[2]
    # Spaced-out characters advance further than their size: the box height caps the estimate.
    spaced = OcrPage(0, "t", 595, 842, [box("通知事项", 200, 100, 48, 17.4)])
    assert ocr_lines(spaced, 0)[0].size <= 19


def test_weight_and_colour_come_from_the_sampled_ink():
    grey, dark, red = (135, 134, 137), (74, 73, 76), (206, 70, 23)
    page = OcrPage(0, "t", 595, 842, [
        box("某某市人民政府文件", 150, 60, 30, 32, red),
        box("某某科技发展中心关于召开年度会议的通知", 140, 110, 16, 18, dark),
        box("根据合伙协议的有关规定，本中心定于近日召开年度会议", 90, 160, 16, 18, grey),
        box("现将有关事项通知如下，请各位合伙人按时参加会议", 90, 190, 16, 18, grey),
        box("会议采用线上方式召开，具体安排另行通知各位合伙人", 90, 220, 16, 18, grey)])
    lines = ocr_lines(page, 0)
    assert [line.red for line in lines] == [1.0, 0.0, 0.0, 0.0, 0.0]
    assert [line.bold for line in lines][1:] == [1.0, 0.0, 0.0, 0.0]
    assert lines[0].bold == 0.0  # red ink is a colour, not a weight
    unknown = OcrPage(0, "t", 595, 842, [box("某某科技发展中心关于召开年度会议的通知", 140, 110, 16, 18)])
    assert ocr_lines(unknown, 0)[0].red is None  # no ink sampled: colour unknown, not black


def test_pages_cached_before_ink_was_sampled_get_it_once_without_ocr(tmp_path, monkeypatch):
    pdf = ocr_pdfs.red_header_scan(tmp_path / "red.pdf")
    structure = tmp_path / "library" / "cache" / "structure"
    store = OcrStore(structure.parent / "ocr")
    with Document.open(pdf) as doc:
        # The mark's box where red_header_scan prints it, as an older worker stored it (no ink).
        old = OcrPage(0, "old-engine", 595, 842, [box(ocr_pdfs.RED_MARK, 153.5, 120, 36, 38),
                                                  box(ocr_pdfs.RED_TITLE[0], 154.5, 250, 22, 24)])
        store.save(doc.content_hash, old)
        store.save(doc.content_hash, OcrPage(1, "old-engine", 595, 842, []))
        assert store.load(doc.content_hash, 0).ink_version == 0

        def no_engine(*args, **kwargs):
            raise AssertionError("cached pages must not be OCR'd again")

        monkeypatch.setattr("reader.ocr.engines.make_engine", no_engine)
        ensure_ocr(doc, structure)
        page = store.load(doc.content_hash, 0)
        assert page.ink_version == INK_VERSION
        assert is_red(page.lines[0].ink) and not is_red(page.lines[1].ink)
        # Done once: a page written again without ink afterwards is left alone (no second pass).
        store.save(doc.content_hash, old)
        ensure_ocr(doc, structure)
        assert store.load(doc.content_hash, 0).ink_version == 0


def test_a_first_page_with_a_doc_number_or_an_addressee_is_no_cover():
    cover = ["政策法规汇编", "2024年第12期", "某某协会 编"]
    assert is_cover(cover)
    assert not is_cover(["某某学院文件", "某院〔2025〕1号", "关于印发《某某细则》的通知"])
    assert not is_cover(["关于召开年度会议的通知", "各位合伙人："])


def test_attachment_labels_with_the_number_in_brackets():
    assert ATTACHMENT_LABEL.match("附件【1】工作组名单").groups() == ("1", "工作组名单")
    assert ATTACHMENT_LABEL.match("附件（2）听课表").groups() == ("2", "听课表")
    assert ATTACHMENT_LABEL.match("附件3 统计表").groups() == ("3", "统计表")
    assert ATTACHMENT_LABEL.match("附件：1.《办法》").groups() == (None, "1.《办法》")



def test_year_range_dash_and_unpaired_doc_number_brackets_are_repaired_where_unambiguous():
    def read(*texts: str) -> list[str]:
        page = OcrPage(0, "t", 595, 842, [box(text, 90, 100 + 30 * k, 13, 14) for k, text in enumerate(texts)])
        return [line.text for line in ocr_lines(page, 0)]

    assert read("行动方案（2025一2027年）", "行动方案（2025-2027年）", "工信厅原函【2024]473号") == \
        ["行动方案（2025—2027年）", "行动方案（2025—2027年）", "工信厅原函〔2024〕473号"]
    # A pair printed alike is left as printed; a hyphen outside a bracketed year range is no dash.
    assert read("沪海洋信息行[2018]28号", "编号2025-2027", "共一2025件") == \
        ["沪海洋信息行[2018]28号", "编号2025-2027", "共一2025件"]


def test_a_scan_stamped_with_a_compilation_header_and_page_number_needs_ocr(tmp_path):
    from reader.ocr.runner import pages_needing_ocr
    from reader.textsource import pdf_layer

    scan = pymupdf.open(ocr_pdfs.scanned_pdf(tmp_path / "scan.pdf", pages=2))
    scan[0].insert_text((230, 25), "政策文件汇编", fontname="china-s", fontsize=10)
    scan[0].insert_text((290, 825), "- 33 -", fontsize=10)
    scan[1].insert_text((112, 400), "一行正文印在扫描页中间，是排印的文字层", fontname="china-s", fontsize=16)
    scan.save(tmp_path / "bound.pdf")
    with Document.open(tmp_path / "bound.pdf") as doc:
        assert pdf_layer.layer_state(doc.pdf[0]) == pdf_layer.MARGINS
        assert pdf_layer.layer_state(doc.pdf[1]) == pdf_layer.GOOD
        assert pages_needing_ocr(doc) == [0]


def test_a_body_sized_bold_title_over_its_addressee_opens_a_document_among_larger_titles(tmp_path):
    # A compilation: page 0 a notice with a large title; page 1 a scanned notice whose title is set
    # in the body size but bold, wrapped, its 文种 spaced out, then the 主送机关.
    grey, dark = (135, 134, 137), (74, 73, 76)
    body = ["为规范中小学课后服务，提高服务质量，现就有关事项通知如下", "各学校应当制定课后服务工作方案并向家长公布实施",
            "每天下午放学后开展课后服务，时间不少于两个小时"]
    first = OcrPage(0, "t", 595, 842, [box("滨海市教育局关于加强课后服务管理的通知", 77.5, 100, 22, 23),
                                       box("各区县教育局：", 80, 160, 16, 17, grey)]
                    + [box(text, 80, 190 + 30 * k, 16, 17, grey) for k, text in enumerate(body)])
    title = ["滨海市科技发展中心（有限合伙）", "关于召开年度合伙人会议的"]
    second = OcrPage(1, "t", 595, 842, [box(title[0], 177.5, 80, 16, 17, dark), box(title[1], 193.5, 110, 16, 17, dark),
                                        box("通知", 250, 140, 48, 22, dark), box("各位合伙人：", 80, 180, 16, 17, grey)]
                     + [box(text, 80, 210 + 30 * k, 16, 17, grey) for k, text in enumerate(body)])
    pdf = ocr_pdfs.scanned_pdf(tmp_path / "scan.pdf", pages=2)
    root = tmp_path / "ocr"
    with Document.open(pdf) as doc:
        OcrStore(root).save(doc.content_hash, first)
        OcrStore(root).save(doc.content_hash, second)
        from reader.structure import analyze

        comp = analyze(doc, root)
    assert [(d.start_page, d.title) for d in comp.documents] == \
        [(0, "滨海市教育局关于加强课后服务管理的通知"), (1, "".join(title) + "通知")]


def test_a_red_mark_is_the_issuer_header_even_without_wenjian_or_a_number_below(tmp_path):
    # A 版头 whose mark reads only the issuer's name (no "文件"), its 文号 line lost under a fold:
    # its red ink still tells it from the black title below it.
    red, black = (206, 70, 23), (40, 40, 40)
    page = OcrPage(0, "t", 595, 842, [
        box("中共滨海市委员会", 153.5, 90, 36, 38, red),
        box("关于加强基层党组织建设的意见", 143.5, 200, 22, 23, black),
        box("各区县党委：", 80, 260, 16, 17, black),
        box("为进一步加强基层党组织建设，提高组织力，现提出如下意见", 80, 290, 16, 17, black),
        box("各级党组织要把基层党组织建设摆在突出位置，抓好落实", 80, 320, 16, 17, black)])
    pdf = ocr_pdfs.scanned_pdf(tmp_path / "scan.pdf")
    root = tmp_path / "ocr"
    with Document.open(pdf) as doc:
        OcrStore(root).save(doc.content_hash, page)
        from reader.structure import analyze

        comp = analyze(doc, root)
    assert [(d.title, d.issuers) for d in comp.documents] == [("关于加强基层党组织建设的意见", ["中共滨海市委员会"])]


def test_a_contents_page_whose_leaders_ocr_does_not_read_is_still_contents():
    from reader.structure.frontmatter import is_contents

    entries = [("关于开展数据安全检查工作的通知", "3"), ("关于加强课后服务管理工作的意见", "12"),
               ("滨海市学生资助管理办法", "25"), ("解读｜学生资助管理办法", "31")]
    boxes = [box("目录", 270, 70, 27, 25)]
    for k, (title, page) in enumerate(entries):  # the dot leaders between them were not read
        boxes += [box(title, 60, 130 + 38 * k, 11, 12), box(page, 520, 130 + 38 * k, 7, 12)]
    lines = [line.text for line in ocr_lines(OcrPage(0, "t", 595, 842, boxes), 0)]
    assert lines[1].endswith("   3")
    assert is_contents(lines)


def test_a_title_line_read_on_a_coarse_grid_keeps_its_size():
    """A recogniser places characters on a coarse grid: a 16 pt line's single steps read 14.4, 17.8,
    14.9, 14.9, 17.3, … (real scan 20's title). Measured over the run its size is 16, as the next
    line's, so the two lines of one title read one size."""
    lefts = [145.4, 159.8, 177.6, 192.5, 207.4, 224.6, 239.5, 257.3, 272.2, 289.9, 304.3, 319.2]
    chars = list("北京创新致远科技发展中心")
    jittered = OcrLine("".join(chars), 0.95, chars, [(x, 80, x + 15.5, 98.7) for x in lefts], [0.95] * len(chars))
    assert [line.size for line in ocr_lines(OcrPage(0, "t", 595, 842, [jittered]), 0)] == [16]
    page = OcrPage(0, "t", 595, 842, [jittered, box("关于召开年度第二次合伙人会议的", 146, 112, 16.05, 18.5)])
    first, second = [line.size for line in ocr_lines(page, 0)]
    assert first == second == 16


def test_a_vertical_bar_read_as_the_radical_is_made_the_bar_again():
    page = OcrPage(0, "t", 595, 842, [box("解读丨《中小企业数字化赋能专项行动方案》", 90, 100, 16, 17)])
    assert ocr_lines(page, 0)[0].text == "解读|《中小企业数字化赋能专项行动方案》"

"""A PDF without /PageLabels: once analysed, the window shows and accepts the printed page numbers."""

from __future__ import annotations


from PySide6.QtCore import Qt

from tests.builders import pdfs as build  # noqa: E402


def test_printed_numbers_become_the_windows_labels(make_window, open_analysed, qtbot, tmp_path):
    pdf = build.printed_numbers_pdf(tmp_path / "numbers.pdf")
    window = make_window()
    assert window.open_pdf(pdf)
    assert window.document.page_labels[3] == "4"  # before analysis: the physical numbers
    open_analysed(window, pdf)
    assert window.document.page_labels[:3] == window.compilation.page_labels[:3]
    assert window.document.page_labels[3] == "3"  # the fourth sheet prints "— 3 —"
    window.page_box.setFocus()
    window.page_box.setText("5")
    qtbot.keyClick(window.page_box, Qt.Key.Key_Return)
    assert window.view.current_page() == 5
    window.view.setFocus()
    qtbot.waitUntil(lambda: window.page_box.text() == "5 (6/8)")


def test_labels_the_pdf_declares_win_over_printed_numbers(make_window, open_analysed, tmp_path):
    pdf = build.text_pdf(tmp_path / "declared.pdf", pages=3, labels=[{"startpage": 0, "prefix": "A-", "style": "D",
                                                                      "firstpagenum": 1}])
    window = make_window()
    open_analysed(window, pdf)
    assert window.document.page_labels == ["A-1", "A-2", "A-3"]


def test_restarted_numbers_are_named_with_their_document_in_the_window(make_window, open_analysed, qtbot, tmp_path):
    """Three documents each numbered 1–3: the page box, status and outline say "2-3", never a bare "3"
    that means three pages, and typing "2-3" goes to the second document's third page."""
    pdf = build.restarted_numbers_compilation(tmp_path / "restarted.pdf", own_numbers=False)
    window = make_window()
    open_analysed(window, pdf)
    assert window.compilation.page_labels[:4] == ["1", "2", "3", "1"]  # what is printed
    assert window.document.page_labels[:4] == ["1-1", "1-2", "1-3", "2-1"]
    window.page_box.setFocus()
    window.page_box.setText("2-3")
    qtbot.keyClick(window.page_box, Qt.Key.Key_Return)
    assert window.view.current_page() == 5
    window.view.setFocus()
    qtbot.waitUntil(lambda: window.page_box.text() == "2-3 (6/9)")
    model = window.outline_panel.model
    root = model.index(0, 0)
    starts = [model.index(row, 1, root).data() for row in range(model.rowCount(root))]
    assert starts == ["1-1", "2-1", "3-1"]

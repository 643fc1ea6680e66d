"""The export dialog in the real window: menu action, remembered choices, background export, cancel."""

from __future__ import annotations

import threading

import docx
import pymupdf
import pytest
from PySide6.QtCore import Qt

from reader.annotations import Annotation, AnnotationStore
from reader.export import ExportCancelled
from reader.export.templates import load_template
from reader.ui.main_window import MainWindow


def _pdf(path):
    pdf = pymupdf.open()
    page = pdf.new_page(width=420, height=300)
    page.insert_text((40, 80), "一、推动氢能在工业领域应用。", fontname="china-s", fontsize=14)
    pdf.save(path)
    pdf.close()
    return path


@pytest.fixture
def window(qtbot, tmp_path):
    win = MainWindow(background_analysis=False)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    path = _pdf(tmp_path / "汇编.pdf")
    assert win.open_pdf(path)
    entry = win.library.add(path)
    win.content_hash = entry.content_hash
    with pymupdf.open(path) as pdf:
        rects = [tuple(r) for r in pdf[0].search_for("推动氢能")]
    with AnnotationStore(win.library.annotations_db) as store:
        store.add(Annotation(entry.content_hash, 0, "推动氢能", rects={0: rects}, pdf=str(path), page_label="1",
                             note="关注", themes=["氢能"], document="某方案", doc_number="某〔2024〕1 号"))
    yield win
    win.runner.wait(5000)
    win.close()


def _open(window, qtbot):
    action = window.findChild(type(window.export_action), "actionExportSummary")
    assert action in window.menu("file").actions() and action.shortcut().toString() == "Ctrl+E"
    action.trigger()
    dialog = window.export_dialog
    qtbot.waitUntil(dialog.isVisible)
    return dialog


def test_export_word_from_the_file_menu_and_remember_the_choices(window, qtbot, tmp_path):
    dialog = _open(window, qtbot)
    assert dialog.scope_current.isChecked()
    dialog.format_box.setCurrentIndex(dialog.format_box.findData("docx"))
    dialog.title_edit.setText("十二月摘要")
    dialog.footer_edit.setText("研究部")
    out = tmp_path / "月报.docx"
    dialog.output_edit.setText(str(out))
    dialog.export_button.click()
    qtbot.waitUntil(lambda: getattr(window, "last_export_message", None) is not None, timeout=15000)
    assert out.exists()
    document = docx.Document(str(out))
    assert document.paragraphs[0].text == "十二月摘要"
    assert any(p.style.name == "引文" and p.text == "推动氢能" for p in document.paragraphs)
    remembered = load_template(window.library.root)
    assert remembered["title"] == "十二月摘要" and remembered["footer_text"] == "研究部"
    assert remembered["output_dir"] == str(tmp_path)
    box = window.last_export_message
    assert box.isVisible() and str(out) in box.text()
    box.close()
    again = _open(window, qtbot)  # the next dialog starts from the last choices
    assert again.title_edit.text() == "十二月摘要" and again.format_box.currentData() == "docx"
    assert again.output_edit.text().startswith(str(tmp_path))
    again.reject()


def test_pdf_format_disables_grouping_and_word_only_fields(window, qtbot):
    dialog = _open(window, qtbot)
    dialog.format_box.setCurrentIndex(dialog.format_box.findData("pdf"))
    assert not dialog.group_box.isEnabled() and not dialog.footer_edit.isEnabled()
    assert dialog.output_edit.text().endswith(".pdf")
    hydrogen = next(dialog.theme_list.item(i) for i in range(dialog.theme_list.count())
                    if dialog.theme_list.item(i).data(Qt.ItemDataRole.UserRole) == "氢能")
    hydrogen.setCheckState(Qt.CheckState.Checked)
    dialog.scope_library.setChecked(True)
    options = dialog.options()
    assert options.format == "pdf" and options.themes == ["氢能"] and options.compilations is None
    dialog.reject()


def test_cancel_stops_a_running_export(window, qtbot, tmp_path, monkeypatch):
    started = threading.Event()

    def slow_export(library, options, output, progress=None, cancelled=None, **_sources):
        started.set()
        while not cancelled():
            threading.Event().wait(0.01)
        raise ExportCancelled("导出已取消 (export cancelled)")

    monkeypatch.setattr("reader.export.runner.run_export", slow_export)
    dialog = _open(window, qtbot)
    dialog.output_edit.setText(str(tmp_path / "x.md"))
    dialog.export_button.click()
    qtbot.waitUntil(started.is_set, timeout=15000)
    assert dialog.running and not dialog.export_button.isEnabled()
    dialog.cancel_button.click()
    qtbot.waitUntil(lambda: not dialog.running, timeout=15000)
    assert dialog.isVisible() and dialog.export_button.isEnabled()
    assert not (tmp_path / "x.md").exists()
    dialog.reject()


def test_an_export_error_is_shown_as_the_window_error(window, qtbot, tmp_path):
    dialog = _open(window, qtbot)
    blocker = tmp_path / "file"
    blocker.write_text("x")
    dialog.format_box.setCurrentIndex(dialog.format_box.findData("md"))
    dialog.output_edit.setText(str(blocker / "out.md"))
    dialog.export_button.click()
    qtbot.waitUntil(lambda: window.last_error is not None, timeout=10000)
    assert str(blocker) in window.last_error.message
    assert dialog.isVisible() and not dialog.running
    window.last_error_dialog.close()
    dialog.reject()


def test_office_choices_reach_the_word_file_and_a_slash_title_stays_one_name(window, qtbot, tmp_path):
    save = {"output_dir": str(tmp_path)}
    from reader.export.templates import template_path
    import json

    template_path(window.library.root).write_text(json.dumps(save), encoding="utf-8")
    window.language = "en"  # the UI language the dialog passes on
    dialog = _open(window, qtbot)
    dialog.format_box.setCurrentIndex(dialog.format_box.findData("md"))
    dialog.output_edit.clear()
    dialog.title_edit.setText("氢能/储能 月报")
    dialog.format_box.setCurrentIndex(dialog.format_box.findData("docx"))
    out = dialog.output_edit.text()
    assert out == str(tmp_path / "氢能-储能 月报.docx")  # never a 氢能/ subfolder
    assert dialog.page_size_box.currentData() == "A4"
    qtbot.keyClicks(dialog.author_edit, "Research Office")
    assert dialog.body_font.isEnabled()
    dialog.style_box.setCurrentIndex(dialog.style_box.findData("official"))
    assert not dialog.body_font.isEnabled()  # the 公文 template sets its own fonts
    dialog.page_size_box.setCurrentIndex(dialog.page_size_box.findData("Letter"))
    dialog.export_button.click()
    qtbot.waitUntil(lambda: getattr(window, "last_export_message", None) is not None, timeout=15000)
    window.last_export_message.close()
    document = docx.Document(out)
    section = document.sections[0]
    assert round(section.page_width.inches, 1) == 8.5 and round(section.top_margin.mm) == 37
    assert document.core_properties.author == "Research Office"
    assert any("\nSource: " in p.text for p in document.paragraphs)  # the English UI's export
    remembered = load_template(window.library.root)
    assert (remembered["page_size"], remembered["template"], remembered["document_author"]) == ("Letter", "official", "Research Office")


def test_date_range_starts_at_the_annotated_documents_dates(make_window, open_analysed, qtbot, sample_pdf):
    window = make_window()
    comp = open_analysed(window, sample_pdf)
    dated = sorted((d for d in comp.documents if d.date), key=lambda d: d.date)
    first, last = dated[0], dated[-1]
    for doc in (first, last):
        start = doc.start_offset + 40
        window.workspace.annotations.add(Annotation(comp.content_hash, comp.page_of_offset(start),
                                                    comp.text[start:start + 8], pdf=str(sample_pdf),
                                                    start_offset=start, end_offset=start + 8, themes=["氢能"]))
    dialog = _open(window, qtbot)
    qtbot.waitUntil(lambda: dialog.date_from.date().toString("yyyy-MM-dd") == first.date, timeout=15000)
    assert dialog.date_to.date().toString("yyyy-MM-dd") == last.date  # not today, not a month ago
    assert not dialog.date_check.isChecked()  # a default to start from, not a filter until ticked
    dialog.reject()

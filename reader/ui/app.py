"""Start the desktop app: ``python main.py [PDF] [--lang zh|en] [--page LABEL] [--quit-after-first-paint]``.

Only what the first paint needs is imported here; jieba, whoosh and the structure layer load later
in background threads.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Sequence

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

if TYPE_CHECKING:
    from reader.ui.main_window import MainWindow

EXIT_OK, EXIT_ERROR = 0, 2


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="main.py", description="政策汇编阅读器 (Policy Compilation Reader)")
    parser.add_argument("pdf", nargs="?", metavar="PDF", help="要打开的 PDF (PDF to open)")
    parser.add_argument("--lang", choices=("zh", "en"), help="界面语言 (interface language); 默认中文")
    parser.add_argument("--page", metavar="LABEL", help="打开后跳到的页码标签，#N 为页序号 (page label to open at; #N = physical page)")
    parser.add_argument("--quit-after-first-paint", action="store_true",
                        help="显示第一页后退出，用于测量启动时间 (exit once the first page is painted; for timing)")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    QGuiApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else "reader"])
    app.setApplicationName("policy-reader")
    app.setApplicationDisplayName("政策汇编阅读器")

    from reader.ui import i18n
    from reader.ui.settings import AppSettings

    settings = AppSettings()
    language = args.lang or settings.language()
    if args.lang:
        settings.set_language(args.lang)
    if not i18n.install_translators(app, language):
        sys.stderr.write("警告 (warning): 英文界面翻译尚未编译，请运行 scripts/setup (English translation not built; run scripts/setup)\n")

    from reader.ui.main_window import MainWindow

    window = MainWindow(language=language, settings=settings, background_analysis=not args.quit_after_first_paint)
    window.ask_passwords = not args.quit_after_first_paint
    window.show()
    exit_code = EXIT_OK
    if args.quit_after_first_paint:
        window.view.firstPagePainted.connect(lambda: QTimer.singleShot(0, app.quit))
    if args.pdf:
        if not window.open_pdf(args.pdf, page=args.page) and args.quit_after_first_paint:
            if window.last_error is not None:
                sys.stderr.write(f"错误 (error): {window.last_error}\n")
            window.close()
            return EXIT_ERROR
    elif args.quit_after_first_paint:
        QTimer.singleShot(0, app.quit)
    else:
        reopen_last(window)
    code = app.exec()
    if window.isVisible():
        window.close()
    return code or exit_code


def reopen_last(window: "MainWindow") -> bool:
    """Started without a file: open the one read last, where it was left (if it still exists)."""
    recent = window.settings.recent_files()
    if recent and Path(recent[0]).is_file():
        return window.open_pdf(recent[0])
    return False


if __name__ == "__main__":
    sys.exit(main())

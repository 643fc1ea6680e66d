"""`python -m reader …`: the headless command line over the core.

Each subcommand lives in its own module with a ``register(subparsers, common)`` function;
``common`` is a parent parser carrying the options every command shares (``--json``,
``--library``). Expected failures (:class:`reader.errors.ReaderError`) become one line on
stderr and exit code 2; nothing the user typed produces a traceback.
"""

from __future__ import annotations

import argparse
import importlib
import json
import sys
from typing import Any, Callable, Sequence

from reader.fsnames import readable, shown_path
from reader.guard import limit_process_memory
from reader.errors import ReaderError

COMMAND_MODULES = (
    "reader.cli.info",
    "reader.cli.structure",
    "reader.cli.search",
    "reader.cli.annotations",
    "reader.cli.export",
    "reader.cli.suggest",
    "reader.cli.team",
    "reader.cli.ocr",
)

EXIT_OK = 0
EXIT_ERROR = 2

DESCRIPTION = (
    "政策汇编阅读器命令行：大纲、全文索引与搜索、批注、导出。\n"
    "Policy Compilation Reader command line: outline, full-text index and search, annotations, export.\n"
    "图形界面请运行 main.py (run main.py for the desktop app)."
)


class _Parser(argparse.ArgumentParser):
    """Usage errors exit 2 with a bilingual one-line hint, as argparse does, minus the noise."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        sys.stderr.write(f"错误 (error): {message}\n")
        raise SystemExit(EXIT_ERROR)


def common_options() -> argparse.ArgumentParser:
    """Options shared by every subcommand."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--json", action="store_true", help="以 JSON 输出 (print JSON)")
    common.add_argument(
        "--library",
        metavar="DIR",
        help="资料库目录，默认取 $READER_LIBRARY 或用户数据目录 (library folder; default $READER_LIBRARY or the user data dir)",
    )
    return common


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="python -m reader", description=DESCRIPTION,
                     formatter_class=argparse.RawDescriptionHelpFormatter)
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    common = common_options()
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(subparsers, common)
    return parser


def emit(args: argparse.Namespace, data: Any, text: str | Callable[[], str]) -> int:
    """Print ``data`` as JSON with ``--json``, else the human-readable ``text``.

    File names that are not UTF-8 (GBK names from Windows zips) are printed as a person reads them;
    commands that need the exact bytes add them under a key of their own (``pdf_bytes``).
    """
    if getattr(args, "json", False):
        json.dump(readable(data), sys.stdout, ensure_ascii=False, indent=None if isinstance(data, list) else 1)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(shown_path((text() if callable(text) else text).rstrip("\n")) + "\n")
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    _utf8_stdio()
    limit_process_memory()  # a hostile file fails an allocation (a clear error) instead of eating the machine
    parser = build_parser()
    args, extras = parser.parse_known_args(argv)
    _take_dash_words(parser, args, extras)
    if not getattr(args, "func", None):
        parser.print_help()
        return EXIT_OK
    try:
        return int(args.func(args) or EXIT_OK)
    except ReaderError as exc:
        sys.stderr.write(f"错误 (error): {shown_path(exc.message)}\n")
        return EXIT_ERROR
    except KeyboardInterrupt:
        sys.stderr.write("已取消 (cancelled)\n")
        return 130
    except BrokenPipeError:
        return EXIT_OK


def _take_dash_words(parser: argparse.ArgumentParser, args: argparse.Namespace, extras: list[str]) -> None:
    """Free text may start with "-" (a search's excluded word, ``-解读``): give such words back to the
    command's text argument (named by its ``dash_words`` default) instead of failing as unknown options.
    A ``--mistyped`` option is still an error."""
    if not extras:
        return
    dest = getattr(args, "dash_words", None)
    words = [e for e in extras if e.startswith("-") and not e.startswith("--") and len(e) > 1]
    if dest is None or len(words) != len(extras):
        parser.error(f"无法识别的参数 (unrecognized arguments): {' '.join(extras)}")
    getattr(args, dest).extend(words)


def _utf8_stdio() -> None:
    """Chinese output must not crash on a C/POSIX locale terminal, nor a file name that is not UTF-8."""
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.reconfigure(encoding="utf-8", errors="backslashreplace")  # type: ignore[attr-defined]
        except (AttributeError, ValueError):
            pass

"""`export`: the end-of-month summary as Word or Markdown, or annotated PDF copies.

Title, header/footer text and fonts not given on the command line come from the last export's
choices (remembered per library); the choices used are remembered for next time.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from reader.cli import emit
from reader.cli.argtypes import iso_date
from reader.errors import FileMissingError, ReaderError, UsageError
from reader.export import FORMATS, GROUPINGS
from reader.export.model import PAGE_SIZES, TEMPLATES
from reader.export.wording import LANGUAGES
from reader.export.templates import REMEMBERED, options_from_template, save_template
from reader.library import Library
from reader.workspace import Workspace

PROGRESS_THRESHOLD = 500
"""Below this many annotations an export takes well under a second: no progress line."""


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "export", parents=[common],
        help="导出批注摘要：Word、Markdown 或标注 PDF (export a summary: Word, Markdown or annotated PDF)",
        description="导出批注摘要 (export the annotations). 标注 PDF：一份汇编时 -o 为文件，多份时 -o 为文件夹 "
                    "(annotated PDF: -o is a file for one compilation, a folder for several).",
    )
    parser.add_argument("--format", choices=FORMATS, default="docx", help="格式 (format), 默认 docx")
    parser.add_argument("--group", choices=GROUPINGS, default="theme",
                        help="分组：按主题或按文件 (group by theme or by document), 默认 theme")
    parser.add_argument("--theme", action="extend", nargs="+", default=[], metavar="NAME",
                        help="只导出这些主题，可重复 (only these themes; repeatable)")
    parser.add_argument("--pdf", action="extend", nargs="+", default=[], metavar="FILE",
                        help="只导出这些汇编，可重复；缺省为整个资料库 (only these compilations; default: whole library)")
    parser.add_argument("-o", "--output", required=True, metavar="OUT", help="输出文件或文件夹 (output file or folder)")
    parser.add_argument("--from", dest="date_from", type=iso_date, metavar="YYYY-MM-DD", help="文件日期起 (documents dated from)")
    parser.add_argument("--to", dest="date_to", type=iso_date, metavar="YYYY-MM-DD", help="文件日期止 (documents dated until)")
    parser.add_argument("--with-notes", action="store_true", help="只导出写了批注的条目 (only annotations with a note)")
    parser.add_argument("--author", metavar="WHO", help="mine、team 或某位同事的批注 (mine, team, or one colleague's)")
    parser.add_argument("--force", action="store_true",
                        help="覆盖已存在的输出文件 (replace an existing output file)")
    parser.add_argument("--title", help="标题 (title)")
    parser.add_argument("--header", dest="header_text", help="页眉文字 (header text, Word)")
    parser.add_argument("--footer", dest="footer_text", help="页脚文字 (footer text)")
    parser.add_argument("--body-font", help="正文中文字体，默认宋体 (East Asian body font)")
    parser.add_argument("--heading-font", help="标题中文字体，默认黑体 (East Asian heading font)")
    parser.add_argument("--page-size", choices=PAGE_SIZES,
                        help="Word 纸张大小，默认 A4 或上次所选 (Word paper size; default A4 or the last used)")
    parser.add_argument("--template", choices=TEMPLATES,
                        help="Word 样式：official 为公文样式（GB/T 9704），modern 为彩色标题 "
                             "(Word look: official = 公文 style, modern = coloured headings)")
    parser.add_argument("--document-author", metavar="NAME",
                        help="Word 文档属性中的作者，默认上次所填或本程序名 (author in the Word file's properties)")
    parser.add_argument("--ocr-layer", action="store_true",
                        help="标注 PDF：把扫描页的 OCR 文字作为隐藏文字层加入，副本可在其他阅读器中搜索 "
                             "(annotated PDF: add the OCR text of scanned pages as an invisible layer, "
                             "so the copy is searchable elsewhere)")
    parser.add_argument("--lang", choices=LANGUAGES, default="zh",
                        help="导出文字的语言 (language of the export's labels), 默认 zh")
    parser.set_defaults(func=run)


def _compilation_hashes(library: Library, pdfs: list[str]) -> list[str] | None:
    if not pdfs:
        return None
    hashes = []
    for pdf in pdfs:
        path = Path(pdf).expanduser()
        if not path.is_file():
            raise FileMissingError(f"文件不存在 (file not found): {pdf}", path=pdf)
        hashes.append(library.add(path).content_hash)
    return hashes


def _progress_printer(args: argparse.Namespace):
    if args.json or not sys.stderr.isatty():
        return None
    def show(done: int, total: int) -> None:
        if total >= PROGRESS_THRESHOLD:
            sys.stderr.write(f"\r导出中 (exporting) {done}/{total}")
            sys.stderr.flush()
            if done >= total:
                sys.stderr.write("\n")

    return show


def run(args: argparse.Namespace) -> int:
    library = Library(args.library)
    if library.read_only:
        sys.stderr.write(Library.READ_ONLY_NOTICE + "\n")
    options = options_from_template(
        library.root,
        format=args.format, group=args.group, title=args.title, header_text=args.header_text,
        footer_text=args.footer_text, body_font=args.body_font, heading_font=args.heading_font,
        date_from=args.date_from, date_to=args.date_to, page_size=args.page_size, template=args.template,
        document_author=args.document_author,
    )
    options.language = args.lang
    options.themes = list(args.theme)
    options.only_with_notes = args.with_notes
    options.author = args.author
    options.ocr_layer = args.ocr_layer
    if args.ocr_layer and args.format != "pdf":
        raise UsageError("--ocr-layer 只用于标注 PDF (only for the annotated PDF): --format pdf")
    if not (args.date_from or args.date_to):
        options.date_from = options.date_to = None  # a remembered range never narrows a CLI export silently
    options.compilations = _compilation_hashes(library, args.pdf)
    with Workspace(library, backup=False) as workspace:
        result = workspace.export(options, args.output, progress=_progress_printer(args), overwrite=args.force)
    try:
        save_template(library.root, options, REMEMBERED)
    except ReaderError:  # remembering is a convenience; the export itself succeeded
        pass
    data = result.to_json()

    def text() -> str:
        lines = [f"已导出 (exported) {result.annotations} 条批注，{result.entries} 个条目，{result.documents} 份文件 → "
                 + ", ".join(str(p) for p in result.outputs)]
        lines += [f"  {name}: {count}" for name, count in result.themes.items()]
        return "\n".join(lines)

    return emit(args, data, text)

"""The PDF bytes of team compilations: optionally shared, fetched by a colleague verified by content hash.

Sharing the bytes is a choice (a compilation may be licensed to one reader, and PDFs are large):
``team sync --with-pdf``, ``team share-pdf`` or the library's setting ``share_pdf`` (``team
share-pdf --always``). A file above the size limit (``pdf_limit_mb``, default
:data:`DEFAULT_LIMIT_MB`) is refused with a message naming both sizes. A fetched file is written
only when the SHA-256 of its bytes is the compilation's content hash, so what a colleague (or a
damaged server) sends can never pass for another compilation.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reader.atomicfile import atomic_path
from reader.document import file_content_hash
from reader.errors import UsageError
from reader.team.connection import TeamError

if TYPE_CHECKING:
    import psycopg

    from reader.team.state import TeamState

DEFAULT_LIMIT_MB = 100
SETTING_SHARE = "share_pdf"
SETTING_LIMIT = "pdf_limit_mb"
FETCH_FOLDER = "team-pdfs"  # inside the library folder, when no --to is given


class PdfTooLargeError(TeamError):
    code = "team_pdf_too_large"


def limit_bytes(state: "TeamState | None") -> int:
    value = state.get(SETTING_LIMIT) if state is not None else None
    return int(float(value or DEFAULT_LIMIT_MB) * 1024 * 1024)


def share_setting(state: "TeamState") -> bool:
    return state.get(SETTING_SHARE) == "1"


def _mb(size: int) -> str:
    return f"{size / 1024 / 1024:.1f} MB"


def upload_pdf(conn: "psycopg.Connection", content_hash: str, path: Path, limit: int) -> bool:
    """Put the PDF bytes of a shared compilation on the server; True when they were not there yet.

    Refused (:class:`PdfTooLargeError`) above ``limit`` bytes, and when the file is no longer the
    compilation (changed since it was added)."""
    size = path.stat().st_size
    if size > limit:
        raise PdfTooLargeError(f"PDF 超过团队库的大小上限，未上传 (the PDF is larger than the team's limit; not "
                               f"uploaded): {path.name} {_mb(size)} > {_mb(limit)}; 可用 team share-pdf --limit-mb "
                               f"调整 (change it with team share-pdf --limit-mb)")
    if file_content_hash(path) != content_hash:
        raise TeamError(f"文件已改变，不是团队库中的那份汇编 (the file changed; it is not the team's compilation): {path}")
    data = path.read_bytes()
    with conn.transaction():
        return conn.execute("UPDATE compilations SET pdf = %s, pdf_size = %s WHERE content_hash = %s AND pdf IS NULL "
                            "RETURNING 1", (data, len(data), content_hash)).fetchone() is not None


def find_compilation(conn: "psycopg.Connection", key: str) -> tuple[str, str, int | None]:
    """(content hash, title, PDF size or None) of the team compilation named by ``key``: its content
    hash, a prefix of it (6+ hex digits) or part of its title. Several matches: the choices are listed."""
    from reader.textfold import fold

    rows = conn.execute("SELECT content_hash, title, pdf_size FROM compilations ORDER BY title, content_hash").fetchall()
    key = key.strip()
    if re.fullmatch(r"[0-9a-fA-F]{6,64}", key):
        found = [r for r in rows if r[0].startswith(key.lower())]
    else:
        wanted = fold(key)
        found = [r for r in rows if wanted and wanted in fold(r[1])]
        exact = [r for r in found if fold(r[1]) == wanted]
        found = exact or found
    if not found:
        raise UsageError(f"团队库中没有这份汇编 (no such team compilation): {key}")
    if len(found) > 1:
        choices = "; ".join(f"{r[0][:12]} {r[1]}" for r in found[:10])
        raise UsageError(f"有 {len(found)} 份汇编符合，请给出内容哈希 (several compilations match; give the content "
                         f"hash): {choices}")
    return found[0][0], found[0][1], found[0][2]


def _file_name(title: str, content_hash: str) -> str:
    stem = re.sub(r'[\\/:*?"<>|\x00-\x1f]+', "_", title).strip(" .") or content_hash[:12]
    return stem[:120] + ".pdf"


def fetch_pdf(conn: "psycopg.Connection", key: str, folder: Path) -> dict[str, Any]:
    """Download a team compilation's PDF into ``folder``, verified by content hash.

    A file of that name already holding the same bytes is kept as it is; one with other bytes is
    left alone and the download gets the hash in its name."""
    content_hash, title, size = find_compilation(conn, key)
    if size is None:
        raise TeamError(f"同事没有共享这份汇编的 PDF，请添加者运行 team share-pdf (the PDF of this compilation was "
                        f"not shared; whoever added it runs team share-pdf): {title}")
    data = conn.execute("SELECT pdf FROM compilations WHERE content_hash = %s", (content_hash,)).fetchone()[0]
    data = bytes(data)
    if hashlib.sha256(data).hexdigest() != content_hash:
        raise TeamError(f"下载的 PDF 与内容哈希不符，未保存 (the downloaded PDF does not match its content hash; "
                        f"not saved): {title} {content_hash[:12]}")
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / _file_name(title, content_hash)
    if target.exists() and file_content_hash(target) != content_hash:
        target = target.with_name(f"{target.stem}-{content_hash[:8]}.pdf")
    if not (target.exists() and file_content_hash(target) == content_hash):
        with atomic_path(target) as temp:
            temp.write_bytes(data)
    return {"content_hash": content_hash, "title": title, "path": str(target), "size": len(data)}

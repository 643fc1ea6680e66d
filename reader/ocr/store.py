"""OCR results cached in the library: one small JSON file per page, so a page is OCR'd once.

Layout: ``<library>/cache/ocr/<content hash>/<engine key>/<page>.json``. The engine key names
the engine, its package version and our settings, so a better engine or other settings give
new results beside the old ones instead of mixing them. JSON, never pickle: the files are data
a newer or older version can read (or ignore) safely. Boxes are stored in PDF points.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from reader.atomicfile import replace_cache_file

Rect = tuple[float, float, float, float]
FORMAT = 1
# Version of the ink sampling (``reader.ocr.ink``) a page carries; pages cached before it (or by an
# older sampler) are given their ink again from the page image, without OCR'ing them again.
INK_VERSION = 1


@dataclass(slots=True)
class OcrLine:
    """One text box the engine read: its characters, their boxes (points) and confidences."""

    text: str
    score: float
    chars: list[str]
    rects: list[Rect]
    scores: list[float] = field(default_factory=list)
    ink: tuple[int, int, int] | None = None  # median RGB of the box's ink pixels (None: unknown)


@dataclass(slots=True)
class OcrPage:
    page: int
    engine: str
    width: float
    height: float
    lines: list[OcrLine]
    seconds: float = 0.0  # wall time of recognition
    cpu_seconds: float = 0.0  # CPU time of recognition, all threads (what an idle machine would take ÷ cores)
    ink_version: int = 0  # INK_VERSION of the boxes' ink colours, 0: never sampled

    def to_json(self) -> dict:
        return {
            "format": FORMAT, "page": self.page, "engine": self.engine, "width": self.width,
            "height": self.height, "seconds": round(self.seconds, 3), "cpu_seconds": round(self.cpu_seconds, 3),
            "ink": self.ink_version,
            "lines": [{"text": line.text, "score": round(line.score, 4), "chars": line.chars,
                       "rects": [[round(v, 2) for v in r] for r in line.rects],
                       "scores": [round(s, 3) for s in line.scores],
                       **({"ink": list(line.ink)} if line.ink is not None else {})} for line in self.lines],
        }

    @classmethod
    def from_json(cls, data: dict) -> "OcrPage":
        lines = [OcrLine(d["text"], float(d["score"]), list(d["chars"]), [tuple(r) for r in d["rects"]],
                         list(d.get("scores", [])), _ink(d.get("ink"))) for d in data["lines"]]
        return cls(int(data["page"]), str(data["engine"]), float(data["width"]), float(data["height"]),
                   lines, float(data.get("seconds", 0.0)), float(data.get("cpu_seconds", 0.0)),
                   int(data.get("ink", 0) or 0))

    @property
    def text(self) -> str:
        return "\n".join(line.text for line in self.lines)


def _ink(value) -> tuple[int, int, int] | None:
    """An RGB triple from the cache, None for anything else (absent, or written by something else)."""
    if isinstance(value, list) and len(value) == 3 and all(isinstance(v, int) for v in value):
        return value[0], value[1], value[2]
    return None


def ocr_root_for(structure_cache_dir: Path) -> Path:
    """The OCR cache sits beside the structure cache (``<library>/cache/ocr``)."""
    return Path(structure_cache_dir).parent / "ocr"


class OcrStore:
    """Read and write cached OCR pages under ``root``."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)

    def _path(self, content_hash: str, engine: str, page: int) -> Path:
        return self.root / content_hash / engine / f"{page:05d}.json"

    def save(self, content_hash: str, result: OcrPage) -> Path:
        """Write one page atomically (temp file + rename: a crash leaves no half file)."""
        target = self._path(content_hash, result.engine, result.page)
        data = json.dumps(result.to_json(), ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        replace_cache_file(target, data)
        return target

    def engines(self, content_hash: str) -> list[str]:
        """Engine keys with results for this file, newest first."""
        folder = self.root / content_hash
        try:
            found = [p for p in folder.iterdir() if p.is_dir()]
        except OSError:
            return []
        return [p.name for p in sorted(found, key=lambda p: p.stat().st_mtime, reverse=True)]

    def load(self, content_hash: str, page: int, engine: str | None = None) -> OcrPage | None:
        """The cached page from ``engine`` (or from the newest engine that has it), None if absent."""
        for key in [engine] if engine else self.engines(content_hash):
            try:
                with open(self._path(content_hash, key, page), encoding="utf-8") as handle:
                    data = json.load(handle)
                if data.get("format") == FORMAT:
                    return OcrPage.from_json(data)
            except (OSError, ValueError, KeyError, TypeError):
                continue  # absent, half-written by an old version, or foreign: not a result
        return None

    def pages(self, content_hash: str, engine: str | None = None) -> set[int]:
        """Pages with a cached result (from one engine, or any)."""
        keys = [engine] if engine else self.engines(content_hash)
        out: set[int] = set()
        for key in keys:
            try:
                out.update(int(p.stem) for p in (self.root / content_hash / key).glob("*.json"))
            except (OSError, ValueError):
                continue
        return out

"""Merge the pieces a source reports into visual rows.

MuPDF reports dot leaders in a 目录, table cells or a date split into spans as separate lines,
and an OCR engine reports one box per text run; a reader sees one row wherever pieces share
a baseline. Both sources go through this one function, so rows mean the same thing.
"""

from __future__ import annotations

from reader.textsource.model import Line, Piece, Rect


def _dominant(values: list[float]) -> float:
    counts: dict[float, int] = {}
    for v in values:
        key = round(v, 1)
        counts[key] = counts.get(key, 0) + 1
    return max(counts.items(), key=lambda kv: (kv[1], kv[0]))[0] if counts else 0.0


WIDE_GAP = 2.0  # em: a gap this wide between two pieces of a row is a tab stop, leaders or a cell border


def _same_height(a: Piece, b: Piece) -> bool:
    overlap = min(a.y1, b.y1) - max(a.y0, b.y0)
    return overlap >= 0.5 * (min(a.y1 - a.y0, b.y1 - b.y0) or 1.0)


def _span(piece: Piece) -> tuple[float, float]:
    return piece.rects[0][0], piece.rects[-1][2]


def _overlay_blocks(pieces: list[Piece]) -> set[int]:
    """Text blocks laid over other text: a text box of several lines set inside the blank run of a
    row (a signature block's "合肥工业大学计 / 算机与信息学院" in a Word text box over the spaces of
    "甲方：   乙方：   丙方："). Text side by side never shares its horizontal extent with other text
    at the same height, so a piece lying within the extent of another block's piece at its height
    is not part of that row; its block is read as rows of its own, kept together."""
    found: set[int] = set()
    known = sorted((p for p in pieces if p.block is not None), key=lambda p: p.y0)
    for i, upper in enumerate(known):
        for lower in known[i + 1:]:
            if lower.y0 >= upper.y1:
                break  # sorted by top edge: no later piece reaches this one's height
            if lower.block == upper.block or not _same_height(upper, lower):
                continue
            for inner, outer in ((upper, lower), (lower, upper)):
                (start, end), (outer_start, outer_end) = _span(inner), _span(outer)
                if outer_start < start - 1.0 and end < outer_end + 1.0:
                    found.add(inner.block)
    return {b for b in found if _stacked_lines([p for p in pieces if p.block == b])}


def _stacked_lines(block: list[Piece]) -> bool:
    """Several lines of text one under the other (a text box), not the scattered glyphs of an
    equation (sub- and superscripts, fraction bars), which stay in their rows."""
    if len(block) < 2 or any(sum(1 for c in p.chars if c.strip()) < 2 for p in block):
        return False
    ordered = sorted(block, key=lambda p: p.y0)
    return all(not _same_height(a, b) for a, b in zip(ordered, ordered[1:]))


def rows_from_pieces(pieces: list[Piece], page_index: int, wide_gaps: bool = False) -> list[Line]:
    """Visual rows of one page, top to bottom (see :func:`_rows`); a text box laid over other
    text (:func:`_overlay_blocks`) keeps its own rows, placed where its first row stands."""
    overlays = _overlay_blocks(pieces)
    if not overlays:
        return _rows(pieces, page_index, wide_gaps)
    lines = _rows([p for p in pieces if p.block not in overlays], page_index, wide_gaps)
    for block in sorted(overlays):
        boxed = _rows([p for p in pieces if p.block == block], page_index, wide_gaps)
        if not boxed:
            continue
        at = next((k for k, line in enumerate(lines) if line.y0 + line.y1 > boxed[0].y0 + boxed[0].y1), len(lines))
        lines[at:at] = boxed
    return lines


def _rows(pieces: list[Piece], page_index: int, wide_gaps: bool = False) -> list[Line]:
    """Visual rows of one page, top to bottom, each row's pieces left to right.

    A gap between pieces becomes a space. With ``wide_gaps`` (a source that reports no spaces of
    its own, as OCR), a gap of WIDE_GAP em or more becomes three, the way a text layer spells the
    run of spaces or the dot leaders an OCR engine does not read (a 目录 line "…实施指南》   18")."""
    ordered = sorted(pieces, key=lambda p: ((p.y0 + p.y1) / 2, p.x0))
    rows: list[list[Piece]] = []
    for piece in ordered:
        if rows:
            row = rows[-1]
            top = min(p.y0 for p in row)
            bottom = max(p.y1 for p in row)
            overlap = min(bottom, piece.y1) - max(top, piece.y0)
            smaller = min(bottom - top, piece.y1 - piece.y0) or 1.0
            if overlap >= 0.5 * smaller:
                row.append(piece)
                continue
        rows.append([piece])
    lines: list[Line] = []
    for row in rows:
        row.sort(key=lambda p: p.x0)
        chars: list[str] = []
        rects: list[Rect] = []
        sizes: list[float] = []
        bolds: list[bool] = []
        reds: list[bool | None] = []
        for piece in row:
            if chars:
                gap = piece.rects[0][0] - rects[-1][2]
                if gap > 0.3 * (sizes[-1] or 10) and chars[-1] != " " and piece.chars[0] != " ":
                    r = rects[-1]
                    count = 3 if wide_gaps and gap >= WIDE_GAP * (sizes[-1] or 10) else 1
                    step = (piece.rects[0][0] - r[2]) / count
                    for k in range(count):
                        chars.append(" ")
                        rects.append((r[2] + k * step, r[1], r[2] + (k + 1) * step, r[3]))
                        sizes.append(sizes[-1])
                        bolds.append(False)
                        reds.append(None)
            chars.extend(piece.chars)
            rects.extend(piece.rects)
            sizes.extend(piece.sizes)
            bolds.extend(piece.bolds)
            reds.extend([piece.red] * len(piece.chars))
        visible = [i for i, c in enumerate(chars) if c.strip()]
        size = _dominant([sizes[i] for i in visible])
        bold = sum(1 for i in visible if bolds[i]) / max(1, len(visible))
        known = [i for i in visible if reds[i] is not None]
        red = sum(1 for i in known if reds[i]) / len(known) if known else None
        line = Line(page_index, chars, rects, size, bold, red=red).finish()
        if line.chars:
            lines.append(line)
    return lines

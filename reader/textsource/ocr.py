"""Text source 2: OCR results of the page image (cached by ``reader.ocr``), as visual rows.

Each OCR text box becomes a piece with one box per character, and pieces are merged into rows
by the same rule as the text layer's; the font size is estimated from the character boxes
(OCR knows no fonts), rounded so that lines of one size agree.
"""

from __future__ import annotations

import re
from statistics import median

from reader.ocr.ink import is_red
from reader.ocr.store import OcrPage
from reader.textsource.model import Line, Piece
from reader.textsource.rows import rows_from_pieces

# A glyph's ink box is a little smaller than its em square: Chinese glyphs fill ~92 % of it.
_INK_TO_EM = 1 / 0.92


# 文号 put the year in hexagonal brackets (GB/T 9704-2012 7.2.4: 〔2024〕15号), and recognisers
# trained on mixed text often read one of the pair as ] [ 】 【 ) ）. When one side reads 〔 or 〕,
# the other is made to match; a year printed in square brackets on both sides ([2018]) is left
# as printed. One character for one, so the boxes stay where they were.
_DOC_NUMBER_YEAR = re.compile(r"([〔\[【(（])((?:19|20)\d\d)([〕\]】)）])(?=\s*\d{1,4}\s*号)")


_PAIRS = {"[": "]", "【": "】", "(": ")", "（": "）"}

# A year range in a title or a citation, "（2025—2027 年）", is set with a dash that recognisers read
# as 一 (the numeral one), - or –. Between two years inside brackets and before 年, or as 一 between two
# years (a numeral cannot stand there), it can only be the dash.
_YEAR_RANGE = re.compile(r"(?<=[（(])\s*(?:19|20)\d\d\s*([-－–一~～])\s*(?:19|20)\d\d\s*(?=年\s*[）)])"
                         r"|(?:19|20)\d\d\s*(一)\s*(?:19|20)\d\d")


def _fix_doc_number_brackets(chars: list[str]) -> list[str]:
    """文号 year brackets read as ] [ 】 【 ) ）: made 〔〕 when one side reads 〔 or 〕, or when the two
    sides are no pair ("【2024]": a misread of one of them); a matched pair is left as printed."""
    text = "".join(chars)
    if "号" not in text:
        return chars
    out = list(chars)
    for match in _DOC_NUMBER_YEAR.finditer(text):
        opening, closing = match.group(1), match.group(3)
        if opening == "〔" or closing == "〕" or _PAIRS.get(opening) != closing:
            out[match.start()] = "〔"
            out[match.end() - 1] = "〕"
    return out


def _fix_year_range_dash(chars: list[str]) -> list[str]:
    text = "".join(chars)
    if "20" not in text and "19" not in text:
        return chars
    out = list(chars)
    for match in _YEAR_RANGE.finditer(text):
        group = 1 if match.group(1) else 2
        out[match.start(group)] = "—"
    return out


def _height(rect) -> float:
    return rect[3] - rect[1]


def _snap(sizes: list[float], weights: list[int] | None = None) -> list[float]:
    """Sizes within 10 % of a common size become that size, the commonest first.

    Estimates of one font size wobble by a point or so (skew, detection, rounding, and justified
    lines whose characters are spread apart to fill the measure); the structure
    compares sizes to tell titles (公文: 2号, 22 pt) from body text (3号, 16 pt), so the wobble is
    taken out before it sees them. Groups grow around the sizes most characters have (``weights``),
    never by chaining neighbours: 12.5, 13, …, 17.5 (body and title sizes with estimates in between)
    must not become one group."""
    weights = weights or [1] * len(sizes)
    out = list(sizes)
    left = set(range(len(sizes)))
    while left:
        votes: dict[float, int] = {}
        for i in left:
            votes[sizes[i]] = votes.get(sizes[i], 0) + weights[i]
        seed = max(votes, key=lambda size: (votes[size], size))
        group = [i for i in left if abs(sizes[i] - seed) <= 0.10 * seed]
        middle = median(size for i in group for size in [sizes[i]] * weights[i])
        for i in group:
            out[i] = round(middle * 2) / 2
        left -= set(group)
    return out


def _cjk(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff"


def _pitch(chars: list[str], rects) -> float | None:
    """Median advance between neighbouring Chinese characters of a box, None with fewer than three.

    Chinese type is set on a square body, one character per em, so the advance is the font size;
    the detector's box height is not (it pads each line by a varying amount: a 12 pt body line
    reads 13–15 pt high, a 16 pt title line 16–17 pt, which the size groups can no longer tell apart).
    Spaced-out text ("通　知") advances more than its size, so the height still caps the estimate.
    The advance is measured over each run of neighbouring Chinese characters (its span ÷ its steps),
    not step by step: a recogniser places single characters on a coarse grid (a 16 pt line's steps
    read 14.4, 17.8, 14.9, …), and a median of such steps put one title line a size below the next."""
    span = steps = 0.0
    run_start: float | None = None
    previous: float | None = None
    count = 0
    for char, rect in zip([*chars, ""], [*rects, None]):
        centre = (rect[0] + rect[2]) / 2 if rect is not None else None
        if rect is not None and _cjk(char):
            if run_start is None:
                run_start, count = centre, 0
            else:
                count += 1
            previous = centre
            continue
        if run_start is not None and count:
            span += previous - run_start
            steps += count
        run_start = None
    return span / steps if steps >= 2 else None


def _size(box) -> float:
    """Estimated font size of one OCR box: the smaller of its Chinese advance and its ink height."""
    heights = [_height(r) for c, r in zip(box.chars, box.rects) if c.strip() and not c.isascii()]
    heights = heights or [_height(r) for r in box.rects]
    size = median(heights) * _INK_TO_EM
    pitch = _pitch(box.chars, box.rects)
    if pitch is not None and pitch > 0.5 * size:
        size = min(size, pitch)
    return round(size * 2) / 2


_BOLD_RATIO = 0.7  # a bold line's strokes are this much darker (or more) than its size's usual ink
_BOLD_MIN_STEP = 25  # … and at least this many grey levels darker: a pale scan's noise is no weight


def _luminance(ink) -> float:
    r, g, b = ink
    return 0.299 * r + 0.587 * g + 0.114 * b


def _bold_boxes(boxes, sizes: list[float]) -> list[bool]:
    """Which boxes are set in a bold face, from their ink (``reader.ocr.ink``).

    OCR reports no weight, but a bold stroke is wider, so at the sampling resolution its ink reads
    darker than that of a regular line of the same size on the same page (a notice's title set
    in 黑体 or bold at the body size). Larger type reads darker too, so a box is compared only with
    boxes of about its own size; red ink (a 版头, a seal) is left out of the comparison."""
    lum = [(_luminance(box.ink) if box.ink is not None and not is_red(box.ink) else None) for box in boxes]
    out = [False] * len(boxes)
    for i, (own, size) in enumerate(zip(lum, sizes)):
        if own is None:
            continue
        peers = sorted((lum[k], len(boxes[k].chars)) for k in range(len(boxes))
                       if lum[k] is not None and abs(sizes[k] - size) <= 0.15 * size)
        total = sum(n for _, n in peers)
        seen, usual = 0, own
        for value, n in peers:  # the character-weighted median: the page's usual ink at this size
            seen += n
            if seen * 2 >= total:
                usual = value
                break
        out[i] = own <= _BOLD_RATIO * usual and usual - own >= _BOLD_MIN_STEP
    return out


def _fix_vertical_bar(chars: list[str]) -> list[str]:
    """丨 (U+4E28, a dictionary radical no running text uses) is how recognisers read a printed
    vertical bar "|", the separator of headings such as 解读|《…》: made the bar again."""
    return ["|" if c == "丨" else c for c in chars]


def ocr_lines(result: OcrPage, page_index: int) -> list[Line]:
    """Rows of one page from its OCR result."""
    boxes = [box for box in result.lines if box.chars and any(c.strip() for c in box.chars)]
    sizes = [_size(box) for box in boxes]
    sizes = _snap(sizes, [sum(1 for c in box.chars if c.strip()) for box in boxes])
    bolds = _bold_boxes(boxes, sizes)
    pieces: list[Piece] = []
    for box, size, bold in zip(boxes, sizes, bolds):
        rects = list(box.rects)
        y0 = min(r[1] for r in rects)
        y1 = max(r[3] for r in rects)
        chars = list(box.chars)
        if len("".join(chars)) == len(chars):  # one character per box: repairs keep every box in place
            chars = _fix_vertical_bar(_fix_year_range_dash(_fix_doc_number_brackets(chars)))
        red = is_red(box.ink) if box.ink is not None else None
        pieces.append(Piece(chars, rects, [size] * len(rects), [bold] * len(rects), y0, y1, rects[0][0], red))
    return rows_from_pieces(pieces, page_index, wide_gaps=True)

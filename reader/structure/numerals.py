"""Chinese numerals as official documents print them: 一 … 九千九百九十九.

Laws number their articles, chapters and 编 in Chinese (第一千二百六十条, 第一百零五条, 第二十条);
headings use the same numerals (十二、, （二十）). Both 零 and 〇 occur as zero, 两 for two in
front of a unit, and older texts set digits one by one (一〇五). One parser serves every level, so a
sequence check (第九百九十九条 → 第一千条) compares numbers, not strings.
"""

from __future__ import annotations

DIGITS: dict[str, int] = {"零": 0, "〇": 0, "○": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4,
                          "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
UNITS: dict[str, int] = {"十": 10, "百": 100, "千": 1000}
# Characters a Chinese numeral is made of, for regular expressions.
NUMERAL_CHARS = "".join(DIGITS) + "".join(UNITS)
_SMALL = "零一二三四五六七八九"


def parse_chinese(text: str) -> int | None:
    """The value (1 … 9999) of a Chinese numeral (or of ASCII / full-width digits), or ``None``
    when ``text`` is zero or not a well-formed numeral: a value that cannot be read one way only is no
    number, so a heading pattern that happens to match a word is rejected."""
    text = text.strip()
    if not text:
        return None
    ascii_digits = text.translate({0xFF10 + i: 0x30 + i for i in range(10)})
    if ascii_digits.isascii() and ascii_digits.isdigit():
        return int(ascii_digits) or None
    if any(ch not in DIGITS and ch not in UNITS for ch in text):
        return None
    if not any(ch in UNITS for ch in text):
        # Digit by digit (一〇五 = 105); a lone digit is itself.
        return int("".join(str(DIGITS[ch]) for ch in text)) or None
    total = 0
    current: int | None = None
    last_unit = 10_000
    zero_seen = False
    for ch in text:
        if ch in DIGITS:
            if current is not None:
                return None  # two digits in a row (一二十) is not a numeral
            value = DIGITS[ch]
            if value == 0:
                if zero_seen or total == 0:
                    return None
                zero_seen = True
                continue
            current = value
        else:
            unit = UNITS[ch]
            if unit >= last_unit:
                return None  # units fall strictly: 千 → 百 → 十
            if current is None:
                # A unit needs its digit, except 十 opening a numeral (十二) or after a zero
                # (一千零十 is how some laws print 1010).
                if unit != 10 or (total and not zero_seen):
                    return None
                current = 1
            total += current * unit
            current = None
            last_unit = unit
            zero_seen = False
    if text[-1] in "零〇○":
        return None  # a trailing zero (一百零) reads nothing
    if current is not None:
        total += current
    return total or None


def to_chinese(number: int) -> str:
    """How official documents write ``number`` (1 ≤ number ≤ 9999): 十二 (not 一十二), but
    一百一十二 and 一千零一十; the inverse of :func:`parse_chinese`."""
    if not 1 <= number <= 9999:
        raise ValueError(f"out of range: {number}")
    parts: list[str] = []
    zero_pending = False
    for unit, name in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit = number // unit % 10
        if digit == 0:
            if parts:
                zero_pending = True
            continue
        if zero_pending:
            parts.append("零")
            zero_pending = False
        if not (unit == 10 and digit == 1 and not parts):
            parts.append(_SMALL[digit])
        parts.append(name)
        if number % unit == 0:
            break
    return "".join(parts)

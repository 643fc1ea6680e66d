"""What the user typed → the literal strings a page must (or must not) contain.

Rules, chosen so that any input is a valid query:
- words separated by spaces must all occur on the page (``氢能 交通``);
- ``"…"`` is a phrase (spaces inside are ignored, as everywhere); an unclosed quote runs to the end;
- ``-word`` excludes pages containing ``word``; a lone ``-`` is searched literally;
- ``AND`` between two words is the default and is dropped; anything else (``OR``, ``*``, ``(``,
  emoji, 10 kB of text) is searched literally.
Every string is folded with :func:`reader.index.normalize.fold`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from reader.index.normalize import fold

MAX_QUERY_CHARS = 20000
_QUOTES = {'"': '"', "“": "”", "”": "”", "「": "」", "『": "』"}


@dataclass
class ParsedQuery:
    include: list[str] = field(default_factory=list)  # folded strings that must all occur
    exclude: list[str] = field(default_factory=list)  # folded strings that must not occur
    display: list[str] = field(default_factory=list)  # include terms as typed, for messages
    message: str | None = None  # why nothing can be searched (empty input …)

    @property
    def empty(self) -> bool:
        return not self.include


def _split(text: str) -> list[tuple[str, bool, bool]]:
    """(token, negated, quoted) in order of appearance."""
    tokens: list[tuple[str, bool, bool]] = []
    i, n = 0, len(text)
    while i < n:
        char = text[i]
        if char.isspace():
            i += 1
            continue
        negated = False
        if char in "-－" and i + 1 < n and not text[i + 1].isspace():
            negated, i = True, i + 1
            char = text[i]
        if char in _QUOTES:
            close = _QUOTES[char]
            end = text.find(close, i + 1)
            if end < 0 and close != '"':
                end = text.find('"', i + 1)
            end = n if end < 0 else end
            inner = text[i + 1 : end]
            if fold(inner):
                tokens.append((inner, negated, True))
            elif negated or len(text.strip()) == 1:
                tokens.append((text[i : end + 1], negated, False))  # a bare `"` is searched literally
            i = end + 1
            continue
        start = i
        while i < n and not text[i].isspace() and text[i] not in _QUOTES:
            i += 1
        word = text[start:i]
        if not word and negated:
            word = "-"
            negated = False
        tokens.append((word, negated, False))
    return tokens


def parse_query(text: str) -> ParsedQuery:
    """Parse ``text`` (never raises)."""
    parsed = ParsedQuery()
    text = (text or "")[:MAX_QUERY_CHARS]
    if not fold(text):
        parsed.message = "请输入要搜索的内容 (enter something to search)"
        return parsed
    tokens = _split(text)
    # `AND` is the default connective; drop it when it stands between other words.
    if len(tokens) > 1:
        tokens = [t for t in tokens if t[2] or t[1] or t[0] != "AND"] or tokens
    for word, negated, _quoted in tokens:
        folded = fold(word)
        if not folded:
            continue
        target = parsed.exclude if negated else parsed.include
        if folded not in target:
            target.append(folded)
            if not negated:
                parsed.display.append(word)
    if not parsed.include:
        if parsed.exclude:
            parsed.message = "只有排除词，请再输入要查找的词 (only excluded words: add a word to find)"
        else:
            parsed.message = "请输入要搜索的内容 (enter something to search)"
    return parsed

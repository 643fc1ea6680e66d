"""Theme suggestions: the clauses of a compilation that mention a theme's keywords.

An analyst tags clauses by theme; each theme carries keywords (氢能: 氢燃料 制氢 …). This module
proposes, for one theme, every innermost clause whose text contains one of them, so the analyst
reviews a list instead of reading the whole compilation.

How keywords are matched (stated once, relied on by the UI and the CLI):
- on the compilation's folded clean text (NFKC width folding, Latin lower-cased, whitespace and
  line breaks removed), so ``5G 工厂`` and ``５Ｇ工厂`` match ``5G`` and a keyword broken over a
  line or page break is still found;
- Chinese keywords match as substrings (Chinese has no spaces to mark word boundaries);
- a keyword that begins or ends with a Latin letter or digit matches only as a whole word on that
  side (``AI`` does not match inside ``MAIN``, ``5G`` not inside ``15G``);
- negations are not excluded (``不得使用氢燃料`` is proposed: the analyst rejects it).

Each keyword occurrence proposes the innermost clause around it (``Compilation.clause_path_at``);
text outside any clause (a 通知's opening paragraph) proposes its paragraph, except the title
line, which names the topic rather than states a provision. Cover and 目录 pages
are outside every document and propose nothing. Clauses already tagged with the theme and
clauses the analyst rejected before (:mod:`reader.annotations.suggestion_memory`) are left out.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Iterable

from reader.annotations.spans import trim_span
from reader.annotations.textmatch import fold, folded_text_of

if TYPE_CHECKING:
    from reader.annotations.model import Annotation, Theme
    from reader.structure import Compilation

EXCERPT_CHARS = 60


@dataclass
class Suggestion:
    """One clause proposed for one theme."""

    theme: str
    content_hash: str
    start_offset: int  # the clause's clean-text span (what tagging it would highlight)
    end_offset: int
    page_index: int
    page_label: str
    document: str
    doc_number: str
    clause_label: str  # "" for a paragraph outside any clause
    clause_path: list[str]
    heading: str
    keywords: list[str]  # the theme's keywords found in it, in the theme's order
    occurrences: int
    excerpt: str  # text around the first keyword
    key: str = ""  # stable identity for remembering a rejection (see suggestion_key)
    match_spans: list[tuple[int, int]] = field(default_factory=list)  # clean-text spans of the keywords

    def to_json(self) -> dict:
        return {
            "key": self.key, "theme": self.theme, "content_hash": self.content_hash,
            "page_index": self.page_index, "page_label": self.page_label,
            "document": self.document, "doc_number": self.doc_number,
            "clause_label": self.clause_label, "clause_path": self.clause_path, "heading": self.heading,
            "keywords": self.keywords, "occurrences": self.occurrences, "excerpt": self.excerpt,
            "start_offset": self.start_offset, "end_offset": self.end_offset,
        }


def suggestion_key(theme: str, document: str, clause_text: str) -> str:
    """Identity of a (theme, clause) pair that survives a new edition of the file.

    Built from folded text, not offsets or the file's hash, so a rejection made on one
    edition of a compilation still holds on a corrected re-issue or in another compilation
    that binds the same document.
    """
    material = "\0".join((fold(theme), fold(document), fold(clause_text)))
    return hashlib.sha1(material.encode("utf-8")).hexdigest()[:20]


def _is_word_char(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


def keyword_positions(folded: str, keyword: str) -> list[int]:
    """Start positions of ``keyword`` (folded) in ``folded``, whole-word on Latin/digit edges."""
    needle = fold(keyword)
    if not needle:
        return []
    check_left, check_right = _is_word_char(needle[0]), _is_word_char(needle[-1])
    found, at = [], folded.find(needle)
    while at != -1:
        end = at + len(needle)
        left_ok = not check_left or at == 0 or not _is_word_char(folded[at - 1])
        right_ok = not check_right or end == len(folded) or not _is_word_char(folded[end])
        if left_ok and right_ok:
            found.append(at)
        at = folded.find(needle, at + 1)
    return found


def _paragraph_span(text: str, offset: int, lo: int, hi: int) -> tuple[int, int]:
    start = text.rfind("\n", lo, offset) + 1 or lo
    end = text.find("\n", offset, hi)
    return max(start, lo), (end if end != -1 else hi)


def _tagged_spans(annotations: Iterable["Annotation"], theme: str) -> list[tuple[int, int]]:
    return [(a.start_offset, a.end_offset) for a in annotations
            if theme in a.themes and a.start_offset is not None and a.end_offset is not None]


def suggest_clauses(comp: "Compilation", theme: "Theme", *, annotations: Iterable["Annotation"] = (),
                    rejected: set[str] | frozenset[str] = frozenset()) -> list[Suggestion]:
    """The clauses of ``comp`` that mention ``theme``'s keywords, in reading order.

    ``annotations`` are the compilation's annotations: a clause overlapping one already tagged
    with the theme is not proposed again. ``rejected`` holds keys the analyst turned down.
    """
    folded = folded_text_of(comp)
    text = comp.text
    hits: dict[tuple[int, int], list[tuple[str, int, int]]] = {}
    for keyword in theme.keywords:
        length = len(fold(keyword))
        for pos in keyword_positions(folded.text, keyword):
            start, end = folded.to_original(pos, pos + length)
            doc = comp.document_at(start)
            if doc is None:
                continue
            path = comp.clause_path_at(start)
            if path:
                span = (path[-1].start_offset, path[-1].end_offset)
            else:
                span = _paragraph_span(text, start, doc.start_offset, doc.end_offset)
                if fold(text[span[0]:span[1]]) == fold(doc.title):
                    continue  # the title line names the topic; it is not a provision to tag
            hits.setdefault(span, []).append((keyword, start, end))
    tagged = _tagged_spans(annotations, theme.name)
    out: list[Suggestion] = []
    for (lo, hi), found in sorted(hits.items()):
        start, end = trim_span(comp, lo, hi)
        if end <= start or any(a < end and start < b for a, b in tagged):
            continue
        doc = comp.document_at(start)
        title = doc.title if doc else ""
        key = suggestion_key(theme.name, title, text[start:end])
        if key in rejected:
            continue
        path = comp.clause_path_at(start)
        clause = path[-1] if path and (path[-1].start_offset, path[-1].end_offset) == (lo, hi) else None
        first = min(s for _k, s, _e in found)
        page = comp.page_of_offset(start)
        excerpt_from = max(start, first - EXCERPT_CHARS // 3)
        words = [k for k in theme.keywords if any(k == f[0] for f in found)]
        out.append(Suggestion(
            theme=theme.name, content_hash=comp.content_hash, start_offset=start, end_offset=end,
            page_index=page, page_label=comp.page_labels[page] if page < len(comp.page_labels) else str(page + 1),
            document=title, doc_number=(doc.doc_number or "") if doc else "",
            clause_label=clause.label if clause else "", clause_path=[c.label for c in path] if clause else [],
            heading=clause.heading if clause else "", keywords=words, occurrences=len(found),
            excerpt=" ".join(text[excerpt_from:min(end, excerpt_from + EXCERPT_CHARS)].split()),
            key=key, match_spans=sorted((s, e) for _k, s, e in found)))
    return out


def themes_matching(text: str, themes: Iterable["Theme"]) -> list["Theme"]:
    """Themes whose keywords occur in ``text`` (matched as above), most keyword hits first, ties
    in the store's order: what the theme picker ticks for a new highlight."""
    folded = fold(text)
    scored = []
    for order, theme in enumerate(themes):
        hits = sum(len(keyword_positions(folded, k)) for k in theme.keywords if k)
        if hits:
            scored.append((-hits, order, theme))
    return [theme for *_key, theme in sorted(scored, key=lambda s: (s[0], s[1]))]

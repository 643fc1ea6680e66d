"""Page labels that never name two pages, and looking a page up by its label.

Where printed page numbers restart with every document of a compilation (documents inserted
whole with their own numbers), ``Compilation.page_labels`` keeps what is printed, so a bare number
names several pages. The qualified label names the document too ("2-3": document 2, its printed
page 3); a lookup by a bare number that fits several pages is an error listing them, never a
silent choice.
"""

from __future__ import annotations

from collections import Counter

from reader.errors import UsageError
from reader.structure.model import DocumentInfo


def qualified_labels(labels: list[str], documents: list[DocumentInfo]) -> list[str]:
    """``labels`` with every repeated one qualified by its document's number (1-based, in order);
    pages outside any document, or still repeated, get their position as well ("3 (#12)")."""
    counts = Counter(labels)
    if all(n == 1 for n in counts.values()):
        return list(labels)
    owner: dict[int, int] = {}
    for number, doc in enumerate(documents, start=1):
        for page in range(doc.start_page, doc.end_page + 1):
            owner.setdefault(page, number)
    out = [f"{owner[p]}-{label}" if counts[label] > 1 and p in owner else label for p, label in enumerate(labels)]
    again = Counter(out)
    return [f"{label} (#{p + 1})" if again[label] > 1 else label for p, label in enumerate(out)]


def pages_for_label(labels: list[str], label: str, documents: list[DocumentInfo] | None = None) -> list[int]:
    """Pages that ``label`` names: a printed label, or a qualified one ("2-3")."""
    wanted = label.strip()
    exact = [p for p, value in enumerate(labels) if value == wanted]
    if exact:
        return exact
    qualified = qualified_labels(labels, documents or [])
    return [p for p, value in enumerate(qualified) if value == wanted]


def page_for_label(labels: list[str], label: str, documents: list[DocumentInfo] | None = None) -> int:
    """The one page ``label`` names; a UsageError when it names none or several (listing them by
    their qualified labels, which can be given instead)."""
    pages = pages_for_label(labels, label, documents)
    if not pages:
        raise UsageError(f"没有页码标签“{label}” (no page labelled {label!r})")
    if len(pages) > 1:
        qualified = qualified_labels(labels, documents or [])
        listed = "，".join(f"{qualified[p]} (#{p + 1})" for p in pages[:12])
        raise UsageError(f"页码标签“{label}”对应多页，请指明 (label {label!r} names several pages): {listed}")
    return pages[0]

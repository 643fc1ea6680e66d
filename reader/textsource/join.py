"""The one rule for joining two lines of a paragraph, used by the structure and by selection.

Chinese is written without spaces, so a line break between CJK characters (or punctuation)
is no character at all; a break between two Latin words or numbers stood for a space.
Before this rule lived here, the analysis and the pre-analysis selection disagreed, and a
copy of the same lines gave different text before and after the analysis finished.
"""

from __future__ import annotations


def latinish(ch: str) -> bool:
    """Letters and digits of Latin script (also full-width ones) and the signs set beside numbers."""
    return ch.isascii() and ch.isalnum() or ch in "%‰℃°" or ("\uff10" <= ch <= "\uff5a")


def join_separator(before: str, after: str) -> str:
    """What goes between the last character of one line and the first of the next: ``" "`` or ``""``."""
    if not before or not after:
        return ""
    return " " if latinish(before[-1]) and latinish(after[0]) else ""

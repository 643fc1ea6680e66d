"""Argument types shared by the commands, so a mistyped value is a usage error, not an empty result."""

from __future__ import annotations

import argparse
from datetime import date


def iso_date(text: str) -> str:
    """A real calendar date written ``YYYY-MM-DD`` (``2024-13-45`` is refused, not matched against nothing)."""
    try:
        if len(text) != 10:
            raise ValueError(text)
        date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"日期应为有效的 YYYY-MM-DD (a date must be a valid YYYY-MM-DD): {text!r}") from None
    return text

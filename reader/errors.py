"""Errors the core raises for expected bad input.

Each carries a stable ``code`` so the GUI can show a translated dialog and the CLI a
one-line message (exit code 2), without either parsing message text.
"""

from __future__ import annotations


class ReaderError(Exception):
    """Base for every expected failure: bad input, missing files, storage trouble."""

    code = "error"

    def __init__(self, message: str, *, path: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = path

    def __str__(self) -> str:
        return self.message


class DocumentError(ReaderError):
    """A PDF could not be opened or used."""

    code = "document"


class FileMissingError(DocumentError):
    code = "missing"


class NotPdfError(DocumentError):
    code = "not_pdf"


class CorruptPdfError(DocumentError):
    code = "corrupt"


class PageTooCostlyError(CorruptPdfError):
    """A page whose content would cost far more than any real page to extract or render (reader.guard)."""


class EmptyPdfError(DocumentError):
    code = "empty"


class EmptyFileError(NotPdfError):
    """A file with nothing in it (a failed download or copy): saying "not a PDF" would mislead."""

    code = "empty_file"


class PasswordRequiredError(DocumentError):
    """The PDF is encrypted; ``wrong_password`` tells a retry from the first ask."""

    code = "password"

    def __init__(self, message: str, *, path: str | None = None, wrong_password: bool = False) -> None:
        super().__init__(message, path=path)
        self.wrong_password = wrong_password


class StorageError(ReaderError):
    """The environment's fault while reading or writing user data (disk full, read-only, corrupt)."""

    code = "storage"


class DamagedStoreError(StorageError):
    """A database file is damaged (zero-length, not SQLite, failing its integrity check).

    A subclass, not a new code: every place that shows a storage error still does; the ones that
    can offer a way out (restore a backup) catch this one.
    """


class UsageError(ReaderError):
    """The user asked for something that cannot be done as asked (unknown theme, bad page …)."""

    code = "usage"

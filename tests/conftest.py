"""Shared test set-up: offscreen Qt, a throw-away library and config per test, the shared corpus."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO = Path(__file__).resolve().parent.parent
SHARED_CORPUS = REPO.parent / "shared" / "corpus"
SAMPLE_PDF = SHARED_CORPUS / "policy-2024-12.pdf"
SAMPLE_TRUTH = SHARED_CORPUS / "policy-2024-12.truth.json"


@pytest.fixture(autouse=True)
def isolated_user_dirs(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Never touch the real library or settings: each test gets its own."""
    root = tmp_path_factory.mktemp("user")
    monkeypatch.setenv("READER_LIBRARY", str(root / "library"))
    monkeypatch.setenv("READER_CONFIG", str(root / "config"))
    return root


@pytest.fixture(scope="session")
def sample_pdf() -> Path:
    if not SAMPLE_PDF.exists():
        pytest.skip("the shared sample compilation (../shared/corpus/policy-2024-12.pdf) is not next to the repo")
    return SAMPLE_PDF


@pytest.fixture(scope="session")
def sample_truth() -> dict:
    import json

    if not SAMPLE_TRUTH.exists():
        pytest.skip("the shared truth file (../shared/corpus/policy-2024-12.truth.json) is not next to the repo")
    return json.loads(SAMPLE_TRUTH.read_text(encoding="utf-8"))

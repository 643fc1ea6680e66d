"""The fast subset of the hostile-input probe (tests/reliability/probe.py runs the whole set).

Every command of the CLI on odd text, broken structure, non-PDFs, bombs and undecodable file names,
a few fuzzed files, and the situations (damaged store and index, SIGKILL while indexing, a planted
package in the working directory): each try must end clean — a result, or one clear error line —
never a traceback, hang, crash, memory blow-up or lost annotation.
"""

from __future__ import annotations

import pytest

from tests.builders import hostile
from tests.reliability.probe import FILE_COMMANDS, Tally, Try, probe_file, probe_situations, run

pytestmark = pytest.mark.slow

#: the commands that read a file's pages (search and list only read the library)
READING = [c for c in FILE_COMMANDS if c[0] in ("info", "outline", "text", "index", "annotations add")]


def _assert_clean(tally: Tally) -> None:
    bad = [f"{t.category}: {t.what} → {t.outcome}: {t.detail.strip()[-300:]}" for t in tally.bad()]
    assert not bad, "\n".join(bad)


@pytest.mark.parametrize("category", ["odd-text", "broken-structure", "not-a-pdf", "names"])
def test_every_command_answers_cleanly(category, tmp_path):
    tally = Tally()
    for maker in hostile.FILE_CATEGORIES[category]:
        pdf = maker(tmp_path)
        probe_file(tally, category, pdf, tmp_path / f"lib-{pdf.stem[:16]}", window=category in ("odd-text", "not-a-pdf"),
                   commands=READING)
    assert tally.tries
    _assert_clean(tally)


def test_bombs_are_refused_quickly_and_within_memory(tmp_path):
    tally = Tally()
    for maker in hostile.FILE_CATEGORIES["bombs"]:
        pdf = maker(tmp_path)
        probe_file(tally, "bombs", pdf, tmp_path / f"lib-{pdf.stem}", window=True, time_limit=45, commands=READING)
    _assert_clean(tally)
    assert max(t.peak_mb for t in tally.tries) < 1500


def test_fuzzed_files(tmp_path):
    base = hostile.text_pdf(tmp_path / "base.pdf").read_bytes()
    tally = Tally()
    for seed in range(4):
        pdf = hostile.fuzzed(tmp_path / f"fuzz-{seed}.pdf", seed, base)
        for name, template, want_json in FILE_COMMANDS[:4]:
            argv = [str(pdf) if part == "{pdf}" else part for part in template]
            outcome, seconds, peak, detail = run(argv, tmp_path / f"lib-{seed}", want_json=want_json)
            tally.add(Try("fuzzed", f"{name} {seed}", outcome, seconds, peak, detail))
    _assert_clean(tally)


def test_situations(tmp_path):
    tally = Tally()
    probe_situations(tally, tmp_path)
    assert len(tally.tries) >= 7
    _assert_clean(tally)

"""Helpers for team tests: members as separate library folders driven through the real CLI."""

from __future__ import annotations

import contextlib
import io
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]

from tests.builders.annotations_pdfs import make_documents, typeset  # noqa: E402

from reader.annotations.service import open_store  # noqa: E402
from reader.cli import main  # noqa: E402
from reader.library import Library  # noqa: E402
from reader.team.state import TeamState  # noqa: E402


def cli(*argv: str) -> tuple[int, Any, str]:
    """Run ``python -m reader`` in-process; JSON output parsed when ``--json`` was given."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(argv))
    text = out.getvalue()
    data: Any = text
    if "--json" in argv and text.strip():
        data = json.loads(text)
    return code, data, err.getvalue()


def ok(*argv: str) -> Any:
    code, data, err = cli(*argv)
    assert code == 0, err
    return data


def compilation_pdf(folder: Path, seed: int = 6) -> Path:
    return typeset(folder / f"c{seed}.pdf", make_documents(seed=seed, documents=2, heads=3, subs=3))


@dataclass
class Member:
    name: str  # the name colleagues see
    library: Path
    url: str = ""
    role: str = ""  # the PostgreSQL login role (NAME@database)

    def run(self, *argv: str) -> Any:
        return ok(*argv, "--library", str(self.library))

    def try_run(self, *argv: str) -> tuple[int, Any, str]:
        return cli(*argv, "--library", str(self.library))

    def join(self) -> dict:
        return self.run("team", "join", self.url, "--name", self.name, "--json")

    def sync(self) -> dict:
        return self.run("team", "sync", "--json")

    def status(self) -> dict:
        return self.run("team", "status", "--json")

    def add(self, pdf: Path, quote: str, *extra: str, page: int = 0) -> dict:
        return self.run("annotations", "add", str(pdf), "--page", str(page), "--quote", quote, "--json", *extra)

    def annotations(self) -> dict[str, dict]:
        with open_store(Library(self.library), backup=False) as store:
            return {a.id: a.to_json() for a in store.list()}

    def state(self) -> TeamState:
        return TeamState(self.library)


def make_team(admin_url: str, tmp_path: Path, tag: str, names: list[str]) -> list[Member]:
    """A team database with members ``names`` (suffixed with ``tag``), each joined from its own library."""
    admin_lib = tmp_path / "admin"
    ok("team", "init", admin_url, "--json", "--library", str(admin_lib))
    members = []
    for name in names:
        shown = f"{name}{tag}"
        added = ok("team", "add-member", shown, "--json", "--library", str(admin_lib))
        member = Member(shown, tmp_path / f"lib-{shown}", added["url"], added["member"])
        member.join()
        members.append(member)
    return members


def comparable(annotations: dict[str, dict]) -> dict[str, dict]:
    """What must agree between members after a sync (paths and local status differ per laptop)."""
    return {i: {k: v for k, v in a.items() if k not in ("pdf", "modified")} for i, a in annotations.items()}

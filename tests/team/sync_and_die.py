"""Run one team sync of LIBRARY and SIGKILL this process at STEP ("pulled", "pushing" inside the push
transaction, "pushed" after the server committed but before the bookkeeping is written)."""

from __future__ import annotations

import os
import signal
import sys

from reader.annotations.service import open_store
from reader.library import Library
from reader.team.sync import TeamSync


def main(library_dir: str, step: str) -> None:
    library = Library(library_dir)

    def between(reached: str) -> None:
        if reached == step:
            sys.stdout.flush()
            os.kill(os.getpid(), signal.SIGKILL)

    with open_store(library, backup=False) as store:
        TeamSync(library, store).sync(between=between)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])

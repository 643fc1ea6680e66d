"""Fixtures for the team library: a real PostgreSQL cluster (no mocks), one fresh database per test."""

from __future__ import annotations

import itertools
import os
from contextlib import contextmanager
from typing import Iterator

import pytest


from tests.team.pgcluster import PgCluster, find_bindir  # noqa: E402

_counter = itertools.count(1)


def _new_cluster() -> PgCluster:
    bindir = find_bindir()
    if bindir is None:
        pytest.skip("PostgreSQL is not installed (scripts/setup installs Debian's postgresql package)")
    cluster = PgCluster(bindir)
    cluster.start()
    return cluster


@contextmanager
def _running_cluster() -> Iterator[PgCluster]:
    cluster = _new_cluster()
    try:
        yield cluster
    finally:
        cluster.destroy()


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[PgCluster]:
    """One cluster for the session (initdb takes seconds); each test gets its own database in it."""
    with _running_cluster() as cluster:
        yield cluster


@pytest.fixture
def own_cluster() -> Iterator[PgCluster]:
    """A cluster of this test's own, for tests that stop or kill the server."""
    with _running_cluster() as cluster:
        yield cluster


@pytest.fixture
def team_tag() -> str:
    """A short tag unique within the session: databases and member roles are named with it
    (roles are global to a cluster, so two tests must not both create 张三)."""
    return f"t{os.getpid() % 1000}{next(_counter)}"


@pytest.fixture
def team_db(pg_cluster: PgCluster, team_tag: str) -> str:
    """Admin URL of an empty database for this test's team."""
    return pg_cluster.create_database(f"team_{team_tag}")

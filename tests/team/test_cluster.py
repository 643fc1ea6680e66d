"""The throwaway cluster itself: it runs as an unprivileged user, on loopback, with pg_trgm."""

from __future__ import annotations

import os
from pathlib import Path

import psycopg


def test_cluster_runs_unprivileged_with_pg_trgm(pg_cluster, team_db: str) -> None:
    with psycopg.connect(team_db, autocommit=True) as conn:
        data_dir = conn.execute("SHOW data_directory").fetchone()[0]
        pid = int(conn.execute("SELECT pg_backend_pid()").fetchone()[0])
        conn.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        assert conn.execute("SELECT similarity('数字经济发展', '数字经济')").fetchone()[0] > 0.3
        assert os.stat(f"/proc/{pid}").st_uid != 0  # while connected: the backend exits with the connection
    assert Path(data_dir) == pg_cluster.data
    assert os.stat(data_dir).st_uid != 0

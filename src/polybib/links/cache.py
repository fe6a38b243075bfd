"""A SQLite cache of what the network said, so a re-run does not ask again.

Only successes are stored (a 2xx that is not a soft-404): a 404, a timeout or a 503 may
be gone tomorrow, and remembering it would turn a hiccup into a finding for a whole day.
Entries older than ``max_age`` are misses.  The cache stores observations, not verdicts,
so an edited record is judged afresh against the cached page metadata.

The file lives in ``.polybib/`` of the working directory unless a path is given; one
connection is shared by the workers behind a lock (writes are tiny and rare next to the
network time they save).

A cache file that is not a readable SQLite database (truncated, overwritten, another
program's file given by ``--cache``) is treated as empty, with a
:class:`~polybib.errors.PolybibWarning`: the run goes on with an in-memory cache and the
file is left as it is (it may not be ours to delete).
"""
from __future__ import annotations

import json
import os
import sqlite3
import threading
import time
import warnings
from pathlib import Path

from ..errors import PolybibWarning
from .model import Observation

DEFAULT_DIR = ".polybib"
DEFAULT_NAME = "links.sqlite3"
SCHEMA_VERSION = 1


def default_path(directory: str | os.PathLike = ".") -> str:
    return str(Path(directory) / DEFAULT_DIR / DEFAULT_NAME)


class LinkCache:
    def __init__(self, path: str | os.PathLike, max_age: float = 86400.0):
        self.path = Path(path)
        self.max_age = max_age
        self.path.parent.mkdir(parents=True, exist_ok=True)
        if self.path.parent.name == DEFAULT_DIR:
            ignore = self.path.parent / ".gitignore"
            if not ignore.exists():
                ignore.write_text("*\n", encoding="utf-8")
        self._lock = threading.Lock()
        try:
            self._db = self._open(str(self.path))
        except sqlite3.DatabaseError as exc:
            self._db = self._ignore_corrupt(exc)

    def _open(self, where: str) -> sqlite3.Connection:
        db = sqlite3.connect(where, check_same_thread=False, isolation_level=None, timeout=10.0)
        try:
            try:
                db.execute("PRAGMA journal_mode=WAL")
            except sqlite3.OperationalError:
                pass
            version = db.execute("PRAGMA user_version").fetchone()[0]
            if version != SCHEMA_VERSION:
                db.execute("DROP TABLE IF EXISTS observations")
                db.execute(f"PRAGMA user_version={SCHEMA_VERSION}")
            db.execute("CREATE TABLE IF NOT EXISTS observations ("
                       "key TEXT PRIMARY KEY, checked_at REAL NOT NULL, data TEXT NOT NULL)")
            db.execute("SELECT COUNT(*) FROM observations").fetchone()
        except sqlite3.DatabaseError:
            db.close()
            raise
        return db

    def _ignore_corrupt(self, exc: Exception) -> sqlite3.Connection:
        """Go on with an empty in-memory cache, and say so once."""
        warnings.warn(PolybibWarning(f"{self.path}: link cache is not a readable SQLite database "
                                     f"({exc}); treated as empty for this run (delete the file "
                                     f"to start a new cache)"), stacklevel=3)
        return self._open(":memory:")

    def _execute(self, sql: str, params: tuple = ()) -> sqlite3.Cursor:
        """Run ``sql`` (under the lock); a database found corrupt mid-run is replaced by an
        empty in-memory one, as at opening."""
        try:
            return self._db.execute(sql, params)
        except sqlite3.DatabaseError as exc:
            if isinstance(exc, sqlite3.OperationalError) and "locked" in str(exc):
                raise
            try:
                self._db.close()
            except sqlite3.Error:
                pass
            self._db = self._ignore_corrupt(exc)
            return self._db.execute(sql, params)

    def get(self, key: str, now: float | None = None) -> Observation | None:
        """The stored observation, or None when absent or older than ``max_age``."""
        with self._lock:
            row = self._execute("SELECT checked_at, data FROM observations WHERE key = ?", (key,)).fetchone()
        if row is None:
            return None
        checked_at, data = row
        if (now if now is not None else time.time()) - checked_at > self.max_age:
            return None
        try:
            obs = Observation.from_dict(json.loads(data))
        except (ValueError, TypeError):
            return None
        obs.from_cache = True
        return obs

    def put(self, key: str, obs: Observation) -> bool:
        """Store a success; failures are refused (and an old success for the key removed,
        since it is no longer true)."""
        with self._lock:
            if not obs.cacheable:
                self._execute("DELETE FROM observations WHERE key = ?", (key,))
                return False
            self._execute("INSERT OR REPLACE INTO observations (key, checked_at, data) VALUES (?, ?, ?)",
                          (key, obs.checked_at or time.time(), json.dumps(obs.to_dict(), ensure_ascii=False)))
        return True

    def __len__(self) -> int:
        with self._lock:
            return self._execute("SELECT COUNT(*) FROM observations").fetchone()[0]

    def close(self) -> None:
        with self._lock:
            self._db.close()

    def __enter__(self) -> "LinkCache":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

"""``OUTDIR/manifest.json``: the plan, and which partitions are written.

A partition is done when the manifest says so under the same plan hash and every file it
lists exists; a rerun skips those (resumable).  The manifest is rewritten atomically after
each partition, and each partition's files are written atomically before it is marked, so
an interrupted run leaves partitions that are either whole and marked, or not marked.
"""
from __future__ import annotations

import json
from pathlib import Path

from ..fileio import write_atomic

NAME = "manifest.json"
VERSION = 1


class Manifest:
    def __init__(self, outdir: Path, plan: str, partitions: list[dict], settings: dict):
        self.path = Path(outdir) / NAME
        self.data = {"manifest": VERSION, "plan": plan, "complete": False, "settings": settings,
                     "partitions": partitions, "done": {}}

    @classmethod
    def resume(cls, outdir: Path, plan: str, partitions: list[dict], settings: dict) -> "Manifest":
        """The manifest for this plan, keeping what an earlier run of the same plan finished."""
        manifest = cls(outdir, plan, partitions, settings)
        try:
            old = json.loads(manifest.path.read_bytes())
        except (OSError, ValueError):
            return manifest
        if old.get("manifest") == VERSION and old.get("plan") == plan:
            for name, entry in (old.get("done") or {}).items():
                if all((manifest.path.parent / f).exists() for f in entry.get("files", [])):
                    manifest.data["done"][name] = entry
        return manifest

    def done(self, name: str) -> dict | None:
        return self.data["done"].get(name)

    def mark(self, entry: dict) -> None:
        self.data["done"][entry["name"]] = {k: v for k, v in entry.items() if k != "pid"}
        self.save()

    def finish(self, summary: dict) -> None:
        self.data["complete"] = True
        self.data["summary"] = "summary.json"
        self.save()

    def save(self) -> None:
        write_atomic(self.path, (json.dumps(self.data, ensure_ascii=False, indent=1) + "\n").encode("utf-8"))

"""Configuration from ``polybib.toml`` or ``[tool.polybib]`` in ``pyproject.toml``.

The nearest file wins, looking from the current folder upwards (``polybib.toml`` before
``pyproject.toml`` in the same folder).  Each command owns one table (``[lint]``,
``[build]``, ``[check]`` …, or ``[tool.polybib.lint]`` …); the keys each table knows are
listed here, and an unknown key or table is an error that names it, so a typo never
silently does nothing.
"""
from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from .errors import PolybibError


class ConfigError(PolybibError):
    """A configuration file that cannot be used (exit code 2)."""


#: Known keys of each table.
SCHEMA: dict[str, set[str]] = {
    "lint": {"select", "ignore", "extend-select", "per-file-ignores", "severity",
             "required-fields", "fail-on", "links", "output-format"},
    "check": {"timeout", "retries", "concurrency", "per-host", "delay", "cache", "max-age",
              "allow-private", "exclude", "doi-base", "archive"},
    "build": {"styles", "scheme", "formats", "offline", "locale"},
    "render": {"style", "locale", "script", "scheme", "format"},
    "translit": {"scheme", "fields"},
    "import": {"to"},
}


@dataclass
class Config:
    path: Path | None = None
    tables: dict[str, dict] = field(default_factory=dict)

    def table(self, name: str) -> dict:
        return self.tables.get(name, {})


def find_config_file(start: Path | None = None) -> Path | None:
    folder = (start or Path.cwd()).resolve()
    for candidate in (folder, *folder.parents):
        own = candidate / "polybib.toml"
        if own.is_file():
            return own
        project = candidate / "pyproject.toml"
        if project.is_file() and _has_tool_table(project):
            return project
    return None


def _has_tool_table(path: Path) -> bool:
    try:
        return "polybib" in tomllib.loads(path.read_text(encoding="utf-8")).get("tool", {})
    except (tomllib.TOMLDecodeError, OSError, UnicodeDecodeError):
        return True   # let load_config report the broken file


def load_config(path: Path | str | None = None, start: Path | None = None) -> Config:
    """Read and validate the configuration (an empty one when there is no file)."""
    file = Path(path) if path else find_config_file(start)
    if file is None:
        return Config()
    try:
        data = tomllib.loads(file.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError("configuration file not found", file=str(file)) from None
    except tomllib.TOMLDecodeError as exc:
        line = getattr(exc, "lineno", 0) or 0
        raise ConfigError(f"not valid TOML: {exc}", file=str(file), line=line) from None
    if file.name == "pyproject.toml":
        data = data.get("tool", {}).get("polybib", {})
        prefix = "tool.polybib."
    else:
        prefix = ""
    tables: dict[str, dict] = {}
    for name, value in data.items():
        if name not in SCHEMA:
            known = ", ".join(sorted(SCHEMA)) or "none"
            raise ConfigError(f"unknown table [{prefix}{name}] (known: {known})", file=str(file))
        if not isinstance(value, dict):
            raise ConfigError(f"[{prefix}{name}] must be a table", file=str(file))
        for key in value:
            if key not in SCHEMA[name]:
                known = ", ".join(sorted(SCHEMA[name]))
                raise ConfigError(f"unknown key '{key}' in [{prefix}{name}] (known: {known})", file=str(file))
        tables[name] = value
    return Config(file, tables)

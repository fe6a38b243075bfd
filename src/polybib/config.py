"""Configuration from ``polybib.toml`` or ``[tool.polybib]`` in ``pyproject.toml``.

The nearest file wins, looking from the current folder upwards (``polybib.toml`` before
``pyproject.toml`` in the same folder).  Each command owns one table (``[lint]``,
``[build]``, ``[check]`` …, or ``[tool.polybib.lint]`` …); the keys each table knows are
listed here, and an unknown key or table is an error that names it, so a typo never
silently does nothing.  Values of the tables a command applies directly have their types
checked here; what a value means (a scheme, a style, a locale) is checked by the command
through :meth:`Config.setting`, whose errors name the file, the table and the key.
"""
from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

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

#: The value type of each key whose table is applied as it is (``list`` means a list of
#: strings; a tuple, either type).
TYPES: dict[str, dict[str, Any]] = {
    "render": {"style": str, "locale": str, "script": str, "scheme": str, "format": str},
    "translit": {"scheme": str, "fields": (str, list)},
    "build": {"styles": list, "scheme": str, "formats": list, "offline": bool, "locale": str},
}


@dataclass
class Config:
    path: Path | None = None
    tables: dict[str, dict] = field(default_factory=dict)
    prefix: str = ""            # "tool.polybib." in pyproject.toml

    def table(self, name: str) -> dict:
        return self.tables.get(name, {})

    def setting(self, table: str, key: str, check: Callable[[Any], Any] | None = None) -> Any:
        """``[table] key`` (None when not set), after ``check(value)``; a PolybibError from
        the check becomes a ConfigError that says where the value came from."""
        value = self.table(table).get(key)
        if value is None or check is None:
            return value
        try:
            check(value)
        except PolybibError as exc:
            raise ConfigError(f"[{self.prefix}{table}] {key}: {exc.message}", file=str(self.path)) from None
        return value

    def relative_path(self, value: str) -> str:
        """A file named in the configuration, relative to the configuration's folder."""
        if self.path is None or Path(value).is_absolute():
            return value
        return str(self.path.parent / value)


def _type_name(kind: Any) -> str:
    names = {str: "a string", list: "a list of strings", bool: "true or false"}
    return " or ".join(names[k] for k in kind) if isinstance(kind, tuple) else names[kind]


def _has_type(value: Any, kind: Any) -> bool:
    if isinstance(kind, tuple):
        return any(_has_type(value, k) for k in kind)
    if kind is list:
        return isinstance(value, list) and all(isinstance(v, str) for v in value)
    return isinstance(value, kind)


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
            kind = TYPES.get(name, {}).get(key)
            if kind is not None and not _has_type(value[key], kind):
                raise ConfigError(f"[{prefix}{name}] {key} must be {_type_name(kind)}, not {value[key]!r}",
                                  file=str(file))
        tables[name] = value
    return Config(file, tables, prefix)

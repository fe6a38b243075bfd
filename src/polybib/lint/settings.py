"""Which rules run and how loud they are: the ``[lint]`` table plus command-line options."""
from __future__ import annotations

import datetime as _dt
import fnmatch
from dataclasses import dataclass, field
from pathlib import PurePath

from ..config import Config, ConfigError
from .findings import SEVERITIES
from .registry import Rule, all_rules


@dataclass
class LintSettings:
    select: list[str] = field(default_factory=list)        # code prefixes; empty: the defaults
    ignore: list[str] = field(default_factory=list)
    extend_select: list[str] = field(default_factory=list)
    per_file_ignores: dict[str, list[str]] = field(default_factory=dict)
    severity: dict[str, str] = field(default_factory=dict)
    required_fields: dict[str, list[str]] = field(default_factory=dict)
    fail_on: str = "warning"
    links: bool = False
    today: _dt.date | None = None                          # for tests of date rules

    @classmethod
    def from_config(cls, config: Config) -> "LintSettings":
        table = config.table("lint")
        where = str(config.path) if config.path else ""
        settings = cls(
            select=_codes(table.get("select", []), "select", where),
            ignore=_codes(table.get("ignore", []), "ignore", where),
            extend_select=_codes(table.get("extend-select", []), "extend-select", where),
            per_file_ignores={str(k): _codes(v, f"per-file-ignores.{k}", where)
                              for k, v in table.get("per-file-ignores", {}).items()},
            severity={k.upper(): v for k, v in table.get("severity", {}).items()},
            required_fields={k.lower(): list(v) for k, v in table.get("required-fields", {}).items()},
            fail_on=table.get("fail-on", "warning"),
            links=bool(table.get("links", False)),
        )
        for code, severity in settings.severity.items():
            if severity not in SEVERITIES:
                raise ConfigError(f"severity of {code} must be one of {', '.join(SEVERITIES)}, "
                                  f"not '{severity}'", file=where)
        if settings.fail_on not in SEVERITIES + ("never",):
            raise ConfigError(f"fail-on must be one of {', '.join(SEVERITIES)} or never", file=where)
        return settings

    def rules(self) -> list[Rule]:
        chosen = []
        for r in all_rules():
            if self.select:
                on = _matches(r.code, self.select)
            else:
                on = r.default or (self.links and r.code.startswith("K"))
            on = on or _matches(r.code, self.extend_select)
            if self.links and r.code.startswith("K") and not _matches(r.code, self.ignore):
                on = True
            if on and not _matches(r.code, self.ignore):
                chosen.append(r)
        return chosen

    def ignored_in(self, path: str, code: str) -> bool:
        if not self.per_file_ignores:
            return False        # (asked once per finding: no path object for nothing to match)
        pure = PurePath(path)
        for pattern, codes in self.per_file_ignores.items():
            if (fnmatch.fnmatch(str(pure), pattern) or fnmatch.fnmatch(pure.name, pattern)
                    or pure.match(pattern)) and _matches(code, codes):
                return True
        return False

    def severity_of(self, rule: Rule) -> str:
        return self.severity.get(rule.code, rule.severity)


def _matches(code: str, prefixes: list[str]) -> bool:
    return any(code.startswith(p) for p in prefixes) or "ALL" in prefixes


def _codes(value, key: str, where: str) -> list[str]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"lint.{key} must be a list of rule codes or prefixes", file=where)
    known = {r.code for r in all_rules()}
    for code in value:
        upper = code.upper()
        if upper != "ALL" and not any(k.startswith(upper) for k in known):
            raise ConfigError(f"lint.{key}: no rule code starts with '{code}'", file=where)
    return [c.upper() for c in value]

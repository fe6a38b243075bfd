"""SARIF 2.1.0, as GitHub code scanning reads it: rules with help, results with locations
and stable fingerprints (that survive lines moving, since they do not include the line)."""
from __future__ import annotations

import hashlib
import json

from ... import __version__
from ..registry import all_rules

LEVELS = {"error": "error", "warning": "warning", "info": "note"}
SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"


def fingerprint(f) -> str:
    """Same problem, same fingerprint: file, rule, entry, field and message — no line."""
    key = "\x1f".join([f.file, f.code, f.entry or "", f.field or "", f.message])
    return hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:32]


def render(result, color: bool = False) -> str:
    rules = all_rules()
    index = {r.code: i for i, r in enumerate(rules)}
    descriptors = [{
        "id": r.code,
        "name": r.name,
        "shortDescription": {"text": r.summary},
        "fullDescription": {"text": r.doc},
        "help": {"text": r.doc, "markdown": r.doc},
        "defaultConfiguration": {"level": LEVELS[r.severity], "enabled": r.default},
        "properties": {"fix": r.fix or "none"},
    } for r in rules]
    results = []
    for f in result.findings:
        item = {
            "ruleId": f.code,
            "ruleIndex": index[f.code],
            "level": LEVELS[f.severity],
            "message": {"text": f.message},
            "locations": [{"physicalLocation": {
                "artifactLocation": {"uri": f.file.replace("\\", "/")},
                "region": {"startLine": max(1, f.line), "startColumn": max(1, f.column)},
            }}],
            "partialFingerprints": {"polybibFinding/v1": fingerprint(f)},
        }
        if f.entry:
            item["locations"][0]["logicalLocations"] = [{"name": f.entry, "kind": "member"}]
        results.append(item)
    log = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "polybib", "version": __version__,
                                "informationUri": "https://pypi.org/project/polybib/",
                                "rules": descriptors}},
            "results": results,
            "columnKind": "unicodeCodePoints",
        }],
    }
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"

"""JUnit XML: one test case per finding (a failure), or one passing case per clean file,
for CI systems that show test reports."""
from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import defaultdict

from ...printable import escape_controls


def render(result, color: bool = False) -> str:
    suites = ET.Element("testsuites", name="polybib lint")
    by_file = defaultdict(list)
    for f in result.findings:
        by_file[f.file].append(f)
    total = failures = 0
    for ctx in result.files:
        findings = by_file.get(ctx.path, [])
        path = escape_controls(ctx.path)
        suite = ET.SubElement(suites, "testsuite", name=path, tests=str(max(1, len(findings))),
                              failures=str(len(findings)), errors="0", skipped="0")
        if not findings:
            ET.SubElement(suite, "testcase", classname=path, name="polybib lint")
            total += 1
        for f in findings:
            case = ET.SubElement(suite, "testcase", classname=path,
                                 name=escape_controls(f"{f.code} {f.entry or ''} line {f.line}".replace("  ", " ")))
            message = escape_controls(f.message)        # XML 1.0 cannot hold most controls
            failure = ET.SubElement(case, "failure", message=message, type=f"{f.code} {f.name}")
            failure.text = escape_controls(f"{f.file}:{f.line}:{f.column}: {f.code} [{f.severity}] {f.message}")
            total += 1
            failures += 1
    suites.set("tests", str(total))
    suites.set("failures", str(failures))
    ET.indent(suites)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suites, encoding="unicode") + "\n"

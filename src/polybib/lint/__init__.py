"""``polybib lint``: rules with codes over references, safe fixes, machine-readable reports.

    from polybib.lint import lint_paths, LintSettings
    result = lint_paths(["refs.bib"], LintSettings())
    for finding in result.findings:
        print(finding.code, finding.file, finding.line, finding.message)
"""
from .engine import LintResult, lint_libraries, lint_paths
from .findings import Edit, Finding, Fix
from .registry import Rule, all_rules, find_rule
from .settings import LintSettings

__all__ = ["lint_paths", "lint_libraries", "LintResult", "LintSettings", "Finding", "Fix", "Edit",
           "Rule", "all_rules", "find_rule"]

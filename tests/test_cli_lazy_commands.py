"""The CLI imports only the command it runs, and ``--help`` still lists every command."""
from __future__ import annotations

import subprocess
import sys

from polybib.cli import COMMANDS, build_parser


def _imports_after(args: list[str]) -> set[str]:
    """polybib modules loaded by running ``polybib ARGS`` in a fresh interpreter."""
    code = ("import sys; from polybib.cli import main\n"
            "try:\n    main(sys.argv[1:])\nexcept SystemExit:\n    pass\n"
            "print(' '.join(m for m in sys.modules if m.startswith('polybib')), file=sys.stderr)")
    done = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True)
    return set(done.stderr.strip().splitlines()[-1].split())


def test_lint_does_not_import_the_other_commands_or_the_render_engine(tmp_path):
    bib = tmp_path / "one.bib"
    bib.write_text("@book{a,\n  title = {Анализ},\n  date = {2020},\n  langid = {russian},\n}\n",
                   encoding="utf-8")
    loaded = _imports_after(["lint", str(bib)])
    assert "polybib.cli.lint" in loaded and "polybib.lint.engine" in loaded
    assert not {m for m in loaded if m.startswith("polybib.render")}
    assert not {"polybib.pipeline", "polybib.cli.build", "polybib.cli.render",
                "polybib.cli.check", "polybib.cli.translit"} & loaded


def test_help_imports_no_command_and_lists_each_with_its_summary():
    loaded = _imports_after(["--help"])
    assert not {m for m in loaded if m.startswith("polybib.cli.")}
    done = subprocess.run([sys.executable, "-m", "polybib", "--help"], capture_output=True, text=True)
    for name, _module, summary in COMMANDS:
        assert any(line.split() == [name, *summary.split()] for line in done.stdout.splitlines()), name


def test_the_static_summaries_are_the_commands_own():
    """Each row of the table says what the command's module itself says."""
    full = build_parser()._subparsers._group_actions[0]
    own = {action.dest: action.help for action in full._choices_actions}
    assert own == {name: summary for name, _module, summary in COMMANDS}


def test_a_command_gets_its_full_parser_when_named():
    sub = build_parser(["lint", "x.bib"])._subparsers._group_actions[0].choices
    assert "--fix" in sub["lint"].format_help()
    assert "--fix" not in sub["convert"].format_help()

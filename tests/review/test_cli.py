"""``polybib review`` as a command: it serves the page on 127.0.0.1, keeps its work beside
the input, is registered lazily, and reports bad use in one line with exit 2."""
from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys

import httpx

from .conftest import SEED


def _polybib(*args, **kw):
    return subprocess.Popen([sys.executable, "-m", "polybib", *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, **kw)


def test_the_command_serves_the_review_of_a_file(tmp_path):
    listing = tmp_path / "refs.txt"
    listing.write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    process = _polybib("review", str(listing), "--no-browser", "--port", "0",
                       env={**os.environ, "POLYBIB_REVIEW_DIR": str(tmp_path / "data")})
    try:
        line = process.stderr.readline()
        while "http://" not in line and line:
            line = process.stderr.readline()
        url = re.search(r"http://127\.0\.0\.1:\d+/", line).group(0)
        page = httpx.get(url, timeout=30)
        assert page.status_code == 200 and "polybib review" in page.text
        token = re.search(r'name="polybib-token" content="([^"]+)"', page.text).group(1)
        records = httpx.get(url + "api/records", headers={"X-Polybib-Token": token}, timeout=30).json()["records"]
        assert [r["id"] for r in records][:2] == ["gazul2011biznes", "matvienko2019analiz"]
        assert (tmp_path / "refs.txt.polybib-review.json").is_file()
    finally:
        process.send_signal(signal.SIGINT)
        process.wait(timeout=30)


def test_a_port_in_use_is_a_one_line_error(tmp_path):
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen(1)
        port = busy.getsockname()[1]
        process = _polybib("review", "--no-browser", "--port", str(port),
                           env={**os.environ, "POLYBIB_REVIEW_DIR": str(tmp_path)})
        _, err = process.communicate(timeout=60)
    assert process.returncode == 2
    assert err.startswith(f"polybib: cannot listen on 127.0.0.1:{port}") and err.count("\n") == 1


def test_a_missing_input_is_an_input_error(tmp_path, run_cli):
    code, _, err = run_cli("review", str(tmp_path / "missing.txt"), "--no-browser")
    assert code == 2 and "missing.txt" in err and "no such file" in err


def test_help_names_the_command_and_lint_does_not_load_it(run_cli):
    from polybib.cli import COMMANDS
    assert ("review", "review", "review and correct parsed references in the browser") in COMMANDS
    done = subprocess.run([sys.executable, "-c", "import sys; from polybib.cli import build_parser; "
                           "build_parser(['lint', 'x.bib']); "
                           "print(any(m.startswith(('polybib.review', 'starlette', 'uvicorn')) for m in sys.modules))"],
                          capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"

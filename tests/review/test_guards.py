"""The app refuses what a hostile page or file could send: another Host (DNS rebinding),
no or a wrong token (cross-site requests), another Origin, oversized bodies; and every
answer carries a strict Content-Security-Policy."""
from __future__ import annotations

import re

import httpx
import pytest

from polybib.review.app import BODY_LIMIT, UPLOAD_LIMIT, static_dir


@pytest.fixture
def client(server):
    with httpx.Client(base_url=server.url, timeout=30) as c:
        yield c


def _token(client) -> str:
    page = client.get("/").text
    return re.search(r'name="polybib-token" content="([^"]+)"', page).group(1)


def test_the_server_listens_on_loopback_only(server):
    assert server.sock.getsockname()[0] == "127.0.0.1"


@pytest.mark.parametrize("host", ["evil.example", "evil.example:{port}", "127.0.0.1", "localhost:1",
                                  "127.0.0.1.nip.io:{port}", "[::1]:{port}", ""])
def test_a_request_for_another_host_is_refused(server, client, host):
    token = _token(client)
    for path in ("/", "/api/records", "/static/app.js"):
        response = client.get(path, headers={"Host": host.format(port=server.port), "X-Polybib-Token": token})
        assert response.status_code == 421, (host, path)
        assert "polybib-token" not in response.text


def test_the_own_addresses_are_served(server, client):
    assert client.get("/").status_code == 200
    assert client.get("/", headers={"Host": f"localhost:{server.port}"}).status_code == 200


def test_the_api_needs_the_session_token(server, client):
    token = _token(client)
    assert client.get("/api/records").status_code == 403
    assert client.get("/api/records", headers={"X-Polybib-Token": token + "x"}).status_code == 403
    assert client.get("/api/export/bib").status_code == 403
    assert client.post("/api/import", json={"text": "Smith J. A title. 2001."}).status_code == 403
    assert client.post("/api/records/0/field", json={"name": "title", "value": "pwned"},
                       headers={"X-Polybib-Token": ""}).status_code == 403
    assert client.get("/api/records", headers={"X-Polybib-Token": token}).status_code == 200
    assert server.app.token == token


def test_the_token_changes_with_every_server(seeded):
    from polybib.review.server import ReviewServer
    tokens = set()
    for _ in range(2):
        s = ReviewServer(seeded).start()
        tokens.add(s.token)
        s.stop()
    assert len(tokens) == 2


def test_a_cross_site_request_is_refused_even_with_the_token(server, client):
    token = _token(client)
    headers = {"X-Polybib-Token": token, "Origin": "http://evil.example"}
    assert client.post("/api/records/0/type", json={"type": "book"}, headers=headers).status_code == 403
    headers = {"X-Polybib-Token": token, "Sec-Fetch-Site": "cross-site"}
    assert client.post("/api/records/0/type", json={"type": "book"}, headers=headers).status_code == 403
    same = {"X-Polybib-Token": token, "Origin": f"http://127.0.0.1:{server.port}"}
    assert client.post("/api/records/0/type", json={"type": "book"}, headers=same).status_code == 200


def test_oversized_bodies_are_refused(server, client):
    token = _token(client)
    headers = {"X-Polybib-Token": token}
    big = b"x" * (UPLOAD_LIMIT + 1)
    assert client.post("/api/upload?name=a.txt", content=big, headers=headers).status_code == 413
    assert client.post("/api/import", content=b'{"text": "' + b"a" * BODY_LIMIT + b'"}',
                       headers=headers).status_code == 413

    def chunks():                                      # no Content-Length: counted as it streams
        for _ in range(UPLOAD_LIMIT // 2**20 + 2):
            yield b"y" * 2**20
    assert client.post("/api/upload?name=a.txt", content=chunks(), headers=headers).status_code == 413
    assert client.get("/api/records", headers=headers).status_code == 200


def test_every_answer_has_a_strict_csp_and_no_sniffing(server, client):
    token = _token(client)
    for response in (client.get("/"), client.get("/static/app.js"), client.get("/api/meta", headers={"X-Polybib-Token": token}),
                     client.get("/api/records"), client.get("/", headers={"Host": "evil.example"})):
        csp = response.headers["content-security-policy"]
        assert "script-src 'self'" in csp and "default-src 'none'" in csp
        assert "unsafe-inline" not in csp and "unsafe-eval" not in csp and "http" not in csp
        assert response.headers["x-content-type-options"] == "nosniff"
        assert response.headers["x-frame-options"] == "DENY"


def test_the_page_has_no_inline_script_or_style_and_loads_nothing_from_outside():
    for path in static_dir().iterdir():
        text = path.read_text(encoding="utf-8")
        assert "http://" not in text.replace("http://www.w3.org", "") and "https://" not in text, path.name
        assert "@import" not in text and "url(" not in text, path.name
    page = (static_dir() / "index.html").read_text(encoding="utf-8")
    assert re.findall(r"<script[^>]*>", page) == ['<script src="/static/app.js" defer>']
    assert "<style" not in page and " style=" not in page
    assert not re.search(r"<[^>]*\son[a-z]+\s*=", page), "an inline event handler"


def test_the_script_never_writes_data_as_html():
    script = (static_dir() / "app.js").read_text(encoding="utf-8")
    for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function"):
        assert sink not in script, sink


def test_hostile_data_goes_out_as_json_never_as_html(server, client):
    token = _token(client)
    headers = {"X-Polybib-Token": token}
    hostile = '</script><script>alert(1)</script><img src=x onerror=alert(2)>'
    assert client.post("/api/records/0/field", json={"name": "title", "value": hostile}, headers=headers).status_code == 200
    response = client.get("/api/records", headers=headers)
    assert response.headers["content-type"].startswith("application/json")
    assert hostile not in client.get("/").text
    assert any(f["name"] == "title" and f["value"] == hostile for f in response.json()["records"][0]["fields"])


def test_a_bad_request_is_one_line_not_a_crash(server, client):
    headers = {"X-Polybib-Token": _token(client)}
    assert client.post("/api/records/0/field", content=b"{not json", headers=headers).json()["error"]
    assert client.post("/api/records/99/field", json={"name": "title", "value": "x"}, headers=headers).status_code == 404
    assert client.post("/api/records/0/label", json={"start": "a", "end": 3, "field": "title"},
                       headers=headers).status_code == 400
    bad = client.post("/api/records/0/fix", json={"index": 5, "code": "V004"}, headers=headers)
    assert bad.status_code == 400 and "no longer there" in bad.json()["error"]
    assert client.get("/api/export/exe", headers=headers).status_code == 400


def test_a_hostile_docx_upload_is_refused_in_one_line(server, client):
    import io
    import zipfile
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("word/document.xml", b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
                   b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
                   b'<w:body><w:p><w:r><w:t>&e;</w:t></w:r></w:p></w:body></w:document>')
        z.writestr("word/big.bin", b"\0" * (40 * 2**20))       # also: a member that inflates far
    headers = {"X-Polybib-Token": _token(client)}
    response = client.post("/api/upload?name=evil.docx", content=buffer.getvalue(), headers=headers)
    assert response.status_code == 400
    error = response.json()["error"]
    assert "evil.docx" in error and "\n" not in error and "root:" not in error
    count = len(client.get("/api/records", headers=headers).json()["records"])
    assert count == 5

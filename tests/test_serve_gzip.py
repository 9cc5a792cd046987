"""The audit's server answers like GitHub Pages: gzip for text, caching, charsets, folders and 404.html."""

from __future__ import annotations

import gzip
import http.client
from pathlib import Path

import pytest

from bench.serve_gzip import accepts_gzip, compressible, content_type, resolve, serve


@pytest.fixture
def site(tmp_path: Path) -> Path:
    (tmp_path / "guide").mkdir()
    (tmp_path / "index.html").write_text("<h1>Home</h1>" * 50, encoding="utf-8")
    (tmp_path / "guide" / "index.html").write_text("<h1>Guide</h1>", encoding="utf-8")
    (tmp_path / "404.html").write_text("<h1>Not here</h1>", encoding="utf-8")
    (tmp_path / "logo.png").write_bytes(b"\x89PNG fake")
    (tmp_path / "app.js").write_text("console.log(1);", encoding="utf-8")
    return tmp_path


@pytest.fixture
def server(site: Path):
    running, url = serve(site)
    yield running.server_address[1]
    running.shutdown()
    running.server_close()


def get(port: int, path: str, gzip_ok: bool = True, method: str = "GET"):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    connection.request(method, path, headers={"Accept-Encoding": "gzip, br"} if gzip_ok else {})
    response = connection.getresponse()
    body = response.read()
    connection.close()
    return response, body


def test_html_is_gzipped_cached_and_names_its_charset(server):
    response, body = get(server, "/")
    assert response.status == 200
    assert response.getheader("Content-Encoding") == "gzip"
    assert response.getheader("Content-Type") == "text/html; charset=utf-8"
    assert response.getheader("Cache-Control") == "max-age=600"
    assert response.getheader("Vary") == "Accept-Encoding"
    assert gzip.decompress(body).decode() == "<h1>Home</h1>" * 50
    assert int(response.getheader("Content-Length")) == len(body)


def test_plain_when_the_browser_does_not_accept_gzip(server):
    response, body = get(server, "/app.js", gzip_ok=False)
    assert response.getheader("Content-Encoding") is None
    assert response.getheader("Content-Type") == "application/javascript; charset=utf-8"
    assert body == b"console.log(1);"


def test_images_are_sent_as_they_are(server):
    response, body = get(server, "/logo.png")
    assert response.getheader("Content-Type") == "image/png"
    assert response.getheader("Content-Encoding") is None
    assert body == b"\x89PNG fake"
    assert response.getheader("Cache-Control") == "max-age=600"


def test_a_folder_redirects_to_its_slash_and_serves_its_index(server):
    response, _ = get(server, "/guide?x=1")
    assert response.status == 301
    assert response.getheader("Location") == "/guide/?x=1"
    response, body = get(server, "/guide/")
    assert response.status == 200
    assert gzip.decompress(body) == b"<h1>Guide</h1>"


def test_missing_pages_get_the_site_404_page(server):
    response, body = get(server, "/nowhere/")
    assert response.status == 404
    assert gzip.decompress(body) == b"<h1>Not here</h1>"


def test_nothing_outside_the_site_is_served(server):
    response, _ = get(server, "/../../etc/passwd")
    assert response.status == 404


def test_head_sends_headers_without_a_body(server):
    response, body = get(server, "/", method="HEAD")
    assert response.status == 200
    assert body == b""


def test_resolve_maps_paths_to_files(site: Path):
    assert resolve(site.resolve(), "/") == ("file", site.resolve() / "index.html")
    assert resolve(site.resolve(), "/guide") == ("redirect", None)
    assert resolve(site.resolve(), "/gu%69de/") == ("file", site.resolve() / "guide" / "index.html")
    assert resolve(site.resolve(), "/missing.css") == ("missing", None)


@pytest.mark.parametrize(
    ("header", "expected"),
    [("gzip, deflate, br", True), ("br", False), (None, False), ("gzip;q=0", False), ("*", True),
     ("gzip;q=0.5", True), ("gzip;q=nonsense", False)],
)
def test_accept_encoding(header, expected):
    assert accepts_gzip(header) is expected


def test_text_types_are_compressible_and_binary_ones_are_not():
    assert compressible(content_type(Path("a.css")))
    assert compressible(content_type(Path("a.svg")))
    assert compressible(content_type(Path("a.json")))
    assert not compressible(content_type(Path("a.png")))
    assert not compressible(content_type(Path("a.unknown")))

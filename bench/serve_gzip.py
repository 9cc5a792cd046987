"""Serve a built site the way GitHub Pages does: gzip for text, ten-minute caching, 404.html.

What a reader's browser gets from GitHub Pages, and what Lighthouse should measure, differs from
``python -m http.server`` in four ways this server copies:

- text types (HTML, CSS, JavaScript, JSON, SVG, XML, plain text) are sent with
  ``Content-Encoding: gzip`` when the browser accepts it;
- every response carries ``Cache-Control: max-age=600``;
- content types name their charset (``text/html; charset=utf-8``);
- a folder without a trailing slash redirects to it, a folder serves its ``index.html``, and a
  missing file answers 404 with the site's own ``404.html``.

Standard library only. ``serve(folder)`` runs it in a thread (for ``make audit`` and tests);
``python -m bench.serve_gzip FOLDER [--port N]`` runs it in the foreground.
"""

from __future__ import annotations

import argparse
import gzip
import threading
from email.utils import formatdate
from functools import partial
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

CACHE_CONTROL = "max-age=600"

#: Content types by file suffix (GitHub Pages' choices for what a built MkDocs site holds).
CONTENT_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".js": "application/javascript; charset=utf-8",
    ".mjs": "application/javascript; charset=utf-8",
    ".json": "application/json; charset=utf-8",
    ".xml": "application/xml",
    ".svg": "image/svg+xml",
    ".txt": "text/plain; charset=utf-8",
    ".csv": "text/csv; charset=utf-8",
    ".ics": "text/calendar; charset=utf-8",
    ".md": "text/markdown; charset=utf-8",
    ".map": "application/json; charset=utf-8",
    ".webmanifest": "application/manifest+json",
    ".wasm": "application/wasm",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".gif": "image/gif",
    ".webp": "image/webp",
    ".ico": "image/x-icon",
    ".woff": "font/woff",
    ".woff2": "font/woff2",
    ".gz": "application/gzip",
    ".zip": "application/zip",
}
DEFAULT_TYPE = "application/octet-stream"
#: Content types worth compressing (the others are compressed already or binary).
COMPRESSIBLE = ("text/", "application/javascript", "application/json", "application/xml", "image/svg+xml",
                "application/manifest+json", "application/wasm")


def content_type(path: Path) -> str:
    """The Content-Type header for a file, from its suffix."""
    return CONTENT_TYPES.get(path.suffix.lower(), DEFAULT_TYPE)


def compressible(kind: str) -> bool:
    """Whether a response of this content type is sent gzipped to a browser that accepts gzip."""
    return kind.startswith(COMPRESSIBLE)


def accepts_gzip(header: str | None) -> bool:
    """Whether an Accept-Encoding header admits gzip (and does not refuse it with q=0)."""
    for part in (header or "").split(","):
        name, _, params = part.strip().partition(";")
        if name.strip().lower() in ("gzip", "*"):
            weight = params.strip()
            if not weight.startswith("q="):
                return True
            try:
                return float(weight[2:]) > 0
            except ValueError:
                return False
    return False


def resolve(root: Path, url_path: str) -> tuple[str, Path | None]:
    """What a request path maps to under ``root``: ("file", path), ("redirect", None) or ("missing", None).

    A folder is served by its index.html; a folder asked for without its trailing slash is a
    redirect; anything outside ``root`` (``..``) or absent is missing.
    """
    relative = unquote(url_path).lstrip("/")
    target = (root / relative).resolve()
    if target != root and root not in target.parents:
        return "missing", None
    if target.is_dir():
        if not url_path.endswith("/"):
            return "redirect", None
        target = target / "index.html"
    return ("file", target) if target.is_file() else ("missing", None)


class PagesHandler(BaseHTTPRequestHandler):
    """Answers GET and HEAD for files under ``root`` as GitHub Pages would."""

    protocol_version = "HTTP/1.1"

    def __init__(self, *args, root: Path, **kwargs):
        self.root = root
        super().__init__(*args, **kwargs)

    def do_GET(self) -> None:  # noqa: N802 (the name http.server calls)
        self.answer(with_body=True)

    def do_HEAD(self) -> None:  # noqa: N802
        self.answer(with_body=False)

    def answer(self, with_body: bool) -> None:
        url = urlsplit(self.path)
        kind, path = resolve(self.root, url.path)
        if kind == "redirect":
            location = url.path + "/" + (f"?{url.query}" if url.query else "")
            self.send(HTTPStatus.MOVED_PERMANENTLY, b"", "text/html; charset=utf-8", with_body,
                      {"Location": location})
            return
        status = HTTPStatus.OK
        if path is None:
            status = HTTPStatus.NOT_FOUND
            path = self.root / "404.html"
            if not path.is_file():
                self.send(status, b"Not found", "text/plain; charset=utf-8", with_body)
                return
        headers = {"Last-Modified": formatdate(path.stat().st_mtime, usegmt=True)}
        self.send(status, path.read_bytes(), content_type(path), with_body, headers)

    def send(self, status: HTTPStatus, body: bytes, kind: str, with_body: bool,
             headers: dict[str, str] | None = None) -> None:
        """Send one response, gzipped when the type is text and the browser accepts gzip."""
        extra = dict(headers or {})
        if compressible(kind):
            extra["Vary"] = "Accept-Encoding"
            if body and accepts_gzip(self.headers.get("Accept-Encoding")):
                body = gzip.compress(body, compresslevel=6, mtime=0)
                extra["Content-Encoding"] = "gzip"
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", CACHE_CONTROL)
        for name, value in extra.items():
            self.send_header(name, value)
        self.end_headers()
        if with_body:
            self.wfile.write(body)

    def log_message(self, format: str, *args) -> None:  # noqa: A002 (http.server's signature)
        """Quiet: a benchmark's output is its report, not a request log."""


def make_server(folder: Path, port: int = 0) -> ThreadingHTTPServer:
    """A server for ``folder`` on 127.0.0.1 (``port`` 0: any free port), not yet started."""
    handler = partial(PagesHandler, root=Path(folder).resolve())
    server = ThreadingHTTPServer(("127.0.0.1", port), handler)
    server.daemon_threads = True
    return server


def serve(folder: Path, port: int = 0) -> tuple[ThreadingHTTPServer, str]:
    """Serve ``folder`` in a background thread; return the server (``.shutdown()`` stops it) and its URL."""
    server = make_server(folder, port)
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, help="the built site, e.g. site/")
    parser.add_argument("--port", type=int, default=8000)
    args = parser.parse_args(argv)
    server = make_server(args.folder, args.port)
    print(f"Serving {args.folder} at http://127.0.0.1:{server.server_address[1]}/ (Ctrl+C stops)")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


if __name__ == "__main__":
    main()

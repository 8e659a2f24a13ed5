"""A local static HTTP server for one site: 127.0.0.1, an ephemeral port, one thread per connection.

It behaves like the static hosting the portal is published on: ``/a/`` serves ``a/index.html``, ``/a``
redirects to ``/a/``, a missing path answers 404 with the site's own ``404.html``, and content types
do not depend on the machine's ``/etc/mime.types``.
"""

from __future__ import annotations

import http.server
import os
import threading
from functools import partial
from pathlib import Path

CONTENT_TYPES: dict[str, str] = {
    ".html": "text/html; charset=utf-8",
    ".htm": "text/html; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".mjs": "text/javascript; charset=utf-8",
    ".json": "application/json",
    ".map": "application/json",
    ".webmanifest": "application/manifest+json",
    ".xml": "application/xml",
    ".atom": "application/atom+xml",
    ".rss": "application/rss+xml",
    ".xsl": "application/xslt+xml",
    ".svg": "image/svg+xml",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".gif": "image/gif",
    ".webp": "image/webp",
    ".avif": "image/avif",
    ".ico": "image/x-icon",
    ".woff": "font/woff",
    ".woff2": "font/woff2",
    ".txt": "text/plain; charset=utf-8",
    ".md": "text/markdown; charset=utf-8",
    ".csv": "text/csv; charset=utf-8",
    ".ics": "text/calendar; charset=utf-8",
    ".pdf": "application/pdf",
    ".zip": "application/zip",
}
DEFAULT_CONTENT_TYPE = "application/octet-stream"


class _SiteRequestHandler(http.server.SimpleHTTPRequestHandler):
    """Serves files below ``directory``; anything missing gets the site's ``404.html`` with status 404."""

    protocol_version = "HTTP/1.1"
    server_version = "PortalTestServer"
    sys_version = ""

    def guess_type(self, path: str | os.PathLike[str]) -> str:
        return CONTENT_TYPES.get(Path(path).suffix.lower(), DEFAULT_CONTENT_TYPE)

    def send_head(self):  # noqa: ANN201 - signature of the base class
        path = Path(self.translate_path(self.path))
        ends_with_slash = self.path.split("?", 1)[0].split("#", 1)[0].endswith("/")
        if path.is_dir():
            if not ends_with_slash:
                return super().send_head()  # the base class answers 301 to the path with a slash
            if not (path / "index.html").is_file():
                return self._send_not_found()
        elif ends_with_slash or not path.is_file():
            return self._send_not_found()
        return super().send_head()

    def list_directory(self, path):  # noqa: ANN001, ANN201 - signature of the base class
        return self._send_not_found()

    def _send_not_found(self):  # noqa: ANN202
        page = Path(self.directory) / "404.html"
        body = page.read_bytes() if page.is_file() else b"404 Not Found\n"
        content_type = CONTENT_TYPES[".html"] if page.is_file() else CONTENT_TYPES[".txt"]
        self.send_response(404)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command == "HEAD":
            return None
        self.wfile.write(body)
        return None

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - base class name
        """Quiet: browser tests look at the browser's own network log instead."""


class SiteServer:
    """Serves one folder on ``http://127.0.0.1:<ephemeral port>/`` from a background thread.

    Use as a context manager, or call ``start()`` and ``stop()``.
    """

    def __init__(self, root: Path) -> None:
        self.root = Path(root).resolve()
        if not self.root.is_dir():
            raise FileNotFoundError(f"site folder does not exist: {self.root}")
        handler = partial(_SiteRequestHandler, directory=str(self.root))
        self._server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, name=f"site-server {self.root.name}", daemon=True)

    @property
    def origin(self) -> str:
        """``http://127.0.0.1:<port>``, without a trailing slash."""
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    def url(self, path: str = "/") -> str:
        """The absolute URL of ``path`` (which starts with ``/``) on this server."""
        return self.origin + path

    def start(self) -> SiteServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)

    def __enter__(self) -> SiteServer:
        return self.start()

    def __exit__(self, *exception: object) -> None:
        self.stop()

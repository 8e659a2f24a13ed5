"""Tests of the suite's own machinery: the site server, page discovery, the PNG reader, the Nu filters."""

from __future__ import annotations

import struct
import urllib.error
import urllib.request
import zlib
from email.message import Message
from pathlib import Path

import pytest

from portal_nu import NU_FALSE_POSITIVES, NuChecker, attribute_value
from portal_png import decode_png
from portal_server import SiteServer
from portal_sites import (
    DEFAULT_SITES_FOLDER,
    FIXTURES,
    Page,
    Site,
    discover_pages,
    matches_any,
    screenshot_pages,
    sites_from_folders,
    url_path_for,
)

MUSTERSTADT = DEFAULT_SITES_FOLDER / "musterstadt"


# ---------------------------------------------------------------------------------------------------
# The local server


@pytest.fixture(scope="module")
def server():
    with SiteServer(MUSTERSTADT) as running:
        yield running


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *arguments, **keywords):  # noqa: ANN002, ANN003, ANN201
        return None


def _get(url: str) -> tuple[int, Message, bytes]:
    """Status, headers (case-insensitive) and body of a GET, without following redirects."""
    opener = urllib.request.build_opener(_NoRedirects)
    try:
        with opener.open(url, timeout=10) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def test_server_listens_on_loopback_with_an_ephemeral_port(server):
    assert server.origin.startswith("http://127.0.0.1:")
    assert int(server.origin.rsplit(":", 1)[1]) > 0


@pytest.mark.parametrize(
    ("path", "content_type"),
    [
        ("/", "text/html; charset=utf-8"),
        ("/massnahmen/", "text/html; charset=utf-8"),
        ("/css/site.css", "text/css; charset=utf-8"),
        ("/js/search.mjs", "text/javascript; charset=utf-8"),
        ("/search-index.json", "application/json"),
        ("/feed.xml", "application/xml"),
        ("/favicon.svg", "image/svg+xml"),
        ("/suche/?q=chatbot", "text/html; charset=utf-8"),
    ],
)
def test_server_answers_files_with_their_content_type(server, path, content_type):
    status, headers, body = _get(server.url(path))
    assert status == 200
    assert headers["Content-Type"] == content_type
    assert len(body) > 0


@pytest.mark.parametrize("path", ["/gibt-es-nicht/", "/gibt-es-nicht.html", "/css/", "/index.html/", "/img/"])
def test_server_answers_missing_paths_with_the_sites_404_page(server, path):
    status, headers, body = _get(server.url(path))
    assert status == 404
    assert headers["Content-Type"] == "text/html; charset=utf-8"
    assert body == (MUSTERSTADT / "404.html").read_bytes()


def test_server_redirects_a_folder_without_trailing_slash(server):
    status, headers, _ = _get(server.url("/massnahmen"))
    assert status == 301
    assert headers["Location"] == "/massnahmen/"


def test_server_does_not_serve_files_outside_the_site(server):
    status, _, body = _get(server.url("/../../../README.md"))
    assert status == 404
    assert body == (MUSTERSTADT / "404.html").read_bytes()


def test_server_without_404_page_answers_plain_text(tmp_path):
    (tmp_path / "index.html").write_text("<!doctype html><title>x</title>", encoding="utf-8")
    with SiteServer(tmp_path) as bare:
        status, headers, body = _get(bare.url("/fehlt/"))
    assert status == 404
    assert headers["Content-Type"] == "text/plain; charset=utf-8"
    assert body == b"404 Not Found\n"


# ---------------------------------------------------------------------------------------------------
# Sites and pages


@pytest.mark.parametrize(
    ("file", "url_path"),
    [
        ("index.html", "/"),
        ("massnahmen/index.html", "/massnahmen/"),
        ("404.html", "/404.html"),
        ("a/b/c.html", "/a/b/c.html"),
    ],
)
def test_url_path_for_html_files(file, url_path):
    assert url_path_for(file) == url_path


def test_discover_pages_puts_the_start_page_first_and_sorts_the_rest():
    site = Site("musterstadt", MUSTERSTADT)
    paths = [page.url_path for page in discover_pages(site)]
    assert paths == [
        "/",
        "/404.html",
        "/antraege/at-0047-2025/",
        "/barrierefreiheit/",
        "/massnahmen/",
        "/massnahmen/ki-assistenz-buergerservice/",
        "/suche/",
    ]


def test_sites_with_the_same_folder_name_get_unique_names(tmp_path):
    first, second = tmp_path / "one" / "site", tmp_path / "two" / "site"
    first.mkdir(parents=True)
    second.mkdir(parents=True)
    assert [site.name for site in sites_from_folders([first, second, first])] == ["site", "site-2", "site-3"]


def test_screenshot_pages_are_each_first_page_plus_matching_paths():
    one, two = Site("eins", Path("/eins")), Site("zwei", Path("/zwei"))
    pages = {
        one: [Page(one, "index.html", "/"), Page(one, "a/index.html", "/a/"), Page(one, "m/x/index.html", "/m/x/")],
        two: [Page(two, "index.html", "/"), Page(two, "m/y/index.html", "/m/y/")],
    }
    chosen = screenshot_pages(pages, ("/m/*/",))
    assert [(page.site.name, page.url_path) for page in chosen] == [("eins", "/"), ("eins", "/m/x/"), ("zwei", "/"), ("zwei", "/m/y/")]


def test_matches_any_takes_exact_paths_and_patterns():
    assert matches_any("/suche/", ("/suche/",))
    assert matches_any("/massnahmen/ki/", ("/massnahmen/*/",))
    assert not matches_any("/suche/ergebnisse/", ("/suche/",))


def test_artifact_names_are_flat():
    site = Site("s", Path("/s"))
    assert Page(site, "index.html", "/").artifact_name == "index"
    assert Page(site, "a/b/index.html", "/a/b/").artifact_name == "a__b"
    assert Page(site, "404.html", "/404.html").artifact_name == "404"


# ---------------------------------------------------------------------------------------------------
# The PNG reader


def _png(width: int, height: int, channels: int, rows: list[bytes], filters: list[int]) -> bytes:
    """Encodes rows with the given PNG filter per row (a reference encoder for the reader's tests)."""

    def paeth(left: int, above: int, upper_left: int) -> int:
        estimate = left + above - upper_left
        distances = (abs(estimate - left), abs(estimate - above), abs(estimate - upper_left))
        if distances[0] <= distances[1] and distances[0] <= distances[2]:
            return left
        return above if distances[1] <= distances[2] else upper_left

    raw = bytearray()
    previous = bytes(width * channels)
    for row, kind in zip(rows, filters):
        encoded = bytearray()
        for index, value in enumerate(row):
            left = row[index - channels] if index >= channels else 0
            above = previous[index]
            upper_left = previous[index - channels] if index >= channels else 0
            predictor = {0: 0, 1: left, 2: above, 3: (left + above) >> 1, 4: paeth(left, above, upper_left)}[kind]
            encoded.append((value - predictor) & 0xFF)
        raw += bytes([kind]) + encoded
        previous = row

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    colour_type = {3: 2, 4: 6}[channels]
    header = struct.pack(">IIBBBBB", width, height, 8, colour_type, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(bytes(raw))) + chunk(b"IEND", b"")


@pytest.mark.parametrize("channels", [3, 4])
def test_png_reader_undoes_every_filter_type(channels):
    width, height = 7, 10
    rows = [bytes((x * 37 + y * 91 + c * 13 + x * y * 5) % 256 for x in range(width) for c in range(channels)) for y in range(height)]
    filters = [0, 1, 2, 3, 4, 2, 4, 3, 1, 0]
    pixels = decode_png(_png(width, height, channels, rows, filters))
    assert (pixels.width, pixels.height, pixels.channels) == (width, height, channels)
    assert list(pixels.rows) == rows


def test_png_reader_crops_and_clamps_rectangles():
    rows = [bytes(range(y * 12, y * 12 + 12)) for y in range(4)]  # 4 × 4 RGB
    pixels = decode_png(_png(4, 4, 3, rows, [2, 2, 2, 2]))
    assert pixels.crop(1, 1, 2, 2) == rows[1][3:9] + rows[2][3:9]
    assert pixels.crop(3, 3, 5, 5) == rows[3][9:12]
    assert pixels.crop(5, 0, 1, 1) == b""


def test_png_reader_rejects_other_files():
    with pytest.raises(ValueError):
        decode_png(b"GIF89a")


# ---------------------------------------------------------------------------------------------------
# Nu Html Checker false-positive filters

NU_FIXTURES = FIXTURES / "nu-checker"


@pytest.fixture(scope="module")
def nu_report():
    checker = NuChecker(Site("nu-checker", NU_FIXTURES), ["modern-features.html", "still-errors.html"]).start()
    yield checker.report()
    checker.close()


def test_newer_html_features_pass_the_nu_checker(nu_report):
    findings = nu_report.findings_by_file["modern-features.html"]
    assert findings == [], "\n".join(finding.message for finding in findings)


def test_every_filter_is_needed(nu_report):
    # modern-features.html uses each feature once or twice; 15 messages there, 1 in still-errors.html.
    assert nu_report.filtered == 16


def test_filters_keep_every_other_error(nu_report):
    found = [(finding.message, finding.rule) for finding in nu_report.findings_by_file["still-errors.html"]]
    assert found == [
        ("line 5, column 1", "Attribute “media” not allowed on element “meta” at this point."),  # name=description
        ("line 11, column 5", "Attribute “autocomplet” not allowed on element “input” at this point."),  # inside <search>
        ("line 11, column 5", "Attribute “enterkeyhint” not allowed on element “input” at this point."),  # "jump"
        ("line 15, column 3", "Attribute “opened” not allowed on element “details” at this point."),
        ("line 16, column 3", "Attribute “inert” not allowed on element “div” at this point."),  # inert="yes"
        ("line 16, column 3", "Attribute “popover” not allowed on element “div” at this point."),  # "sometimes"
        ("line 17, column 3", "Bad value “until-lost” for attribute “hidden” on element “p”."),
    ]
    assert nu_report.findings_by_file["still-errors.html"][0].targets == (
        '<meta name="description" content="Medien sind nur bei theme-color erlaubt" media="print">',
    )


def test_every_filter_documents_its_feature():
    for candidate in NU_FALSE_POSITIVES:
        assert candidate.feature and candidate.reference.startswith("https://html.spec.whatwg.org/")


@pytest.mark.parametrize(
    ("tag", "name", "value"),
    [
        ('<div inert class="x">', "inert", ""),
        ("<div data-x='1' popover=manual>", "popover", "manual"),
        ('<meta name="theme-color" media="(prefers-color-scheme: dark)">', "media", "(prefers-color-scheme: dark)"),
        ('<meta content="theme-color" name=description>', "name", "description"),
        ('<p hidden="until-found">', "inert", None),
    ],
)
def test_attribute_value_reads_start_tags(tag, name, value):
    assert attribute_value(tag, name) == value

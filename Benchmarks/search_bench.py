#!/usr/bin/env python3
"""Measures portal's search against Pagefind on the same generated German site.

Usage: Benchmarks/search_bench.py [--size 10000] [--rounds 3] [--portal PATH] [--scratch-path DIR]

Steps (everything lives in Benchmarks/work/, which git ignores):
1. Writes the corpus with generate_corpus.py (N articles, as portal content and as a Hugo site).
2. Builds it with portal (release build, `--timings`) and with Hugo; runs Pagefind on the Hugo site's article
   pages (`--glob 'posts/*/index.html'`, the same N articles portal indexes).
3. Index build time, alternating portal and Pagefind each round:
   - portal: a small Swift program (written and compiled here against the release build's PortalSearch module)
     times `SearchIndexBuilder().build(documents)` in memory, and build plus writing the files; the documents
     are the corpus' articles as plain text, as `SearchDocuments.make` in PortalRender makes them. The build's
     whole "render" phase (pages, feeds and index) is reported too.
   - Pagefind: wall time of `python3 -m pagefind --site … --glob … --silent`.
4. First-query transfer: both sites are served from 127.0.0.1 and loaded in headless Chromium; for each query,
   on a freshly loaded page with the HTTP cache disabled, the engine is loaded and run:
   - portal: `import('/js/search/engine.js')`, `engine.search(q, {limit: 1})` (first result), then
     `engine.search(q, {limit: 10})` (first page of ten, same engine, so nothing is fetched twice);
   - Pagefind: `import('/pagefind/pagefind.js')`, `await pagefind.search(q)`, `await results[0].data()` (first
     result), then `data()` of the first ten (first page).
   Every request is recorded at the local server (Pagefind 1.5 searches in a Web Worker, whose requests neither
   the page's Resource Timing nor ChromeDriver's network log show); the page fetches a marker URL when the first
   result is there. The server sends `Cache-Control: no-store`. Each requested file is counted at its gzip -6
   size (Python zlib, the same rule for both; Pagefind stores its index gzipped already, so for those files
   gzip -6 adds little more than its header). Engine code (portal: engine.js, analysis.js, stemmer.js; Pagefind:
   pagefind.js, pagefind-worker.js and its WASM) is reported separately: with and without it.
5. Prints a Markdown report (medians, ratios, the goals) for BENCHMARKS.md.

Needs: a release build of portal (`swift build -c release --product portal --scratch-path .build-searchbench`;
built here unless --portal is given), hugo, `python3 -m pagefind` (PyPI `pagefind[extended]`), Chromium,
/usr/bin/chromedriver and Selenium (see Tests/browser/README.md).
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import time
import urllib.parse
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
WORK = HERE / "work"
sys.path.insert(0, str(ROOT / "Tests" / "browser"))

# Realistic queries for the generated corpus: single words, inflected forms, compounds (known whole, and
# unknown ones that need splitting), two-word queries, and two words the corpus does not contain.
QUERIES = [
    "Bauantrag", "Bauanträge", "Baugenehmigungen", "Datenschutz", "Verwaltung", "Verwaltungen",
    "Straßenschäden", "Straßenschaden", "Gesichtserkennung", "Sprachmodelle", "Einsparungen",
    "Bearbeitungszeiten", "Wohngeld", "Datenschutzprüfung", "Pilotprojekte", "Chatbot Bürgerservice",
    "Künstliche Intelligenz", "künstlicher Intelligenz", "Haushalt Einsparung", "Barrierefreiheit Leichte Sprache",
    "Bescheid Widerspruch", "Rechenzentrum Hochschule", "Feuerwehr", "Kita Anmeldung",
]

PORTAL_ENGINE_CODE = ("/js/search/engine.js", "/js/search/analysis.js", "/js/search/stemmer.js")
PAGEFIND_ENGINE_CODE = ("/pagefind/pagefind.js", "/pagefind/pagefind-worker.js")
PAGE_SIZE = 10

# The Swift program that times SearchIndexBuilder (compiled against the release build's PortalSearch module).
TIMING_PROGRAM = r"""
import Foundation
import PortalSearch

// usage: search-index-timing DOCUMENTS.json OUTPUT_FOLDER
let arguments = CommandLine.arguments
let data = try Data(contentsOf: URL(fileURLWithPath: arguments[1]))
let documents = try JSONDecoder().decode([SearchDocument].self, from: data)
let output = URL(fileURLWithPath: arguments[2])
let start = DispatchTime.now().uptimeNanoseconds
let files = SearchIndexBuilder().build(documents)
let built = DispatchTime.now().uptimeNanoseconds
try? FileManager.default.removeItem(at: output)
for file in files {
    let url = output.appendingPathComponent(file.path)
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(file.bytes).write(to: url)
}
let written = DispatchTime.now().uptimeNanoseconds
let bytes = files.reduce(0) { $0 + $1.bytes.count }
print("documents \(documents.count) files \(files.count) bytes \(bytes) build \(Double(built - start) / 1e9) write \(Double(written - built) / 1e9)")
"""

HARNESS = "<!doctype html><html lang=de><meta charset=utf-8><title>search benchmark</title><p>search benchmark</p>\n"

MEASURE_SCRIPT = r"""
const [engineName, query, pageSize, marker, done] = arguments;
// The server records every request; this one marks where the first result was there.
const mark = () => fetch(marker, { cache: 'no-store' });
(async () => {
  try {
    const started = performance.now();
    let firstMilliseconds, total, titles;
    if (engineName === 'portal') {
      const { SearchEngine } = await import('/js/search/engine.js');
      const engine = new SearchEngine({ baseURL: '/suche/index/' });
      await engine.search(query, { limit: 1 });
      firstMilliseconds = performance.now() - started;
      await mark();
      const page = await engine.search(query, { limit: pageSize });
      total = page.total;
      titles = page.results.map((result) => result.title);
    } else {
      const pagefind = await import('/pagefind/pagefind.js');
      const search = await pagefind.search(query);
      if (search.results.length > 0) await search.results[0].data();
      firstMilliseconds = performance.now() - started;
      await mark();
      const page = await Promise.all(search.results.slice(0, pageSize).map((result) => result.data()));
      total = search.results.length;
      titles = page.map((data) => data.meta.title);
    }
    done({ ok: true, firstMilliseconds,
           pageMilliseconds: performance.now() - started, total, titles });
  } catch (error) {
    done({ ok: false, error: String(error && error.stack || error) });
  }
})();
"""


def run(command, cwd=None):
    """Runs a command; exits with its stderr when it fails. Returns (wall seconds, CPU seconds, stdout)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.monotonic()
    result = subprocess.run(command, cwd=cwd, capture_output=True, text=True)
    wall = time.monotonic() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode != 0:
        sys.exit(f"command failed ({result.returncode}): {' '.join(map(str, command))}\n{result.stderr[-3000:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, result.stdout


def gzip_size(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=6, mtime=0))


def folder_stats(folder: Path):
    """(file count, raw bytes, gzip -6 bytes) of every file below folder."""
    files = [path for path in sorted(folder.rglob("*")) if path.is_file()]
    raw = sum(path.stat().st_size for path in files)
    packed = sum(gzip_size(path.read_bytes()) for path in files)
    return len(files), raw, packed


def load_average() -> str:
    return " ".join(open("/proc/loadavg").read().split()[:3])


# Corpus → search documents, as PortalRender's SearchDocuments.make builds them ---------------------------------

def split_front_matter(text: str):
    _, front, body = text.split("---\n", 2)
    fields = {}
    for line in front.splitlines():
        key, _, value = line.partition(": ")
        value = value.strip()
        if value.startswith('"') and value.endswith('"'):
            value = value[1:-1]
        fields[key] = value
    return fields, body


def plain_text(markdown: str) -> str:
    """Markdown of the generated corpus as PortalMarkdown's plainText gives it: one line per block or list item."""
    lines = []
    for block in markdown.strip().split("\n\n"):
        for line in block.split("\n"):
            line = re.sub(r"^(#+ |- )", "", line)
            lines.append(re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", line))
    return "\n".join(lines)


def bracket_list(value: str):
    return [item.strip().strip('"') for item in value.strip("[]").split(",") if item.strip()]


def search_documents(content: Path):
    area_labels = dict(re.findall(r"- id: (\S+)\n\s+label: (.+)", (content / "site.yml").read_text()))
    documents = []
    for path in sorted((content / "measures").glob("*.md")):
        fields, body = split_front_matter(path.read_text())
        text = "\n".join(part for part in [
            plain_text(body), fields["humanOversight"], " ".join(bracket_list(fields["legalBasis"])),
            " ".join(bracket_list(fields["tags"])), fields["responsibleUnit"], area_labels.get(fields["area"], ""),
        ] if part)
        documents.append({"url": f"/massnahmen/{path.stem}/", "title": fields["title"], "summary": fields["summary"],
                          "body": text, "kind": "measure", "area": fields["area"], "status": fields["status"],
                          "date": fields["updated"]})
    for path in sorted((content / "updates").glob("*.md")):
        fields, body = split_front_matter(path.read_text())
        documents.append({"url": f"/aktuelles/{path.stem}/", "title": fields["title"], "summary": fields["summary"],
                          "body": plain_text(body) + "\n" + " ".join(bracket_list(fields["tags"])),
                          "kind": "update", "date": fields["date"]})
    documents.append({"url": "/gremien/stadtrat/", "title": "Stadtrat", "summary": "", "body": " Rat", "kind": "body"})
    return documents


# Builds -----------------------------------------------------------------------------------------------------------

def portal_binary(args) -> Path:
    if args.portal:
        return Path(args.portal).resolve()
    run(["swift", "build", "-c", "release", "--product", "portal", "--scratch-path", args.scratch_path], cwd=ROOT)
    return (ROOT / args.scratch_path / "release" / "portal").resolve()


def timing_program(args, portal: Path) -> Path:
    """Compiles the SearchIndexBuilder timing program against the release build's PortalSearch objects."""
    release = portal.parent
    objects = sorted(str(path) for path in (release / "PortalSearch.build").glob("*.o"))
    if not objects:
        sys.exit(f"no PortalSearch objects in {release}/PortalSearch.build (build portal in release first)")
    source = WORK / "search-index-timing.swift"
    binary = WORK / "search-index-timing"
    source.write_text(TIMING_PROGRAM)
    run(["swiftc", "-O", "-swift-version", "6", "-module-name", "SearchIndexTiming", "-I", str(release / "Modules"),
         str(source), *objects, "-o", str(binary)])
    return binary


def portal_build(portal: Path, corpus: Path):
    """Builds the portal site; returns (wall seconds, render phase seconds)."""
    output = corpus / "portal-site"
    wall, _, stdout = run([str(portal), "build", "--content", str(corpus / "portal" / "content"), "--output", str(output),
                        "--templates", str(ROOT / "templates"), "--as-of", "2026-11-26", "--timings"], cwd=ROOT)
    render = float(re.search(r"render\s+([\d.]+) s", stdout).group(1))
    return wall, render


def pagefind_command(site: Path):
    return [sys.executable, "-m", "pagefind", "--site", str(site), "--glob", "posts/*/index.html", "--silent"]


# Browser measurement ------------------------------------------------------------------------------------------------

MARKER = "/__search_bench_first_result"


class Site:
    """One served site: its folder, a static server that records every request, and what counts as engine code.

    The requests are recorded at the server because Pagefind runs its search in a Web Worker, whose requests
    appear neither in the page's Resource Timing nor in ChromeDriver's network log. The server answers with
    `Cache-Control: no-store`, so every file the engine needs is requested.
    """

    def __init__(self, name: str, folder: Path, engine_code):
        import http.server
        import threading
        from functools import partial
        from portal_server import _SiteRequestHandler

        self.name = name
        self.folder = folder
        self.engine_code = engine_code
        self.requests: list[str] = []
        self.sizes: dict[str, int] = {}
        (folder / "__search_bench.html").write_text(HARNESS)
        requests = self.requests

        class RecordingHandler(_SiteRequestHandler):
            def send_head(self):  # noqa: ANN202 - signature of the base class
                path = urllib.parse.unquote(urllib.parse.urlsplit(self.path).path)
                requests.append(path)
                if path == MARKER:
                    self.send_response(204)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return None
                return super().send_head()

            def end_headers(self) -> None:
                self.send_header("Cache-Control", "no-store")
                super().end_headers()

        handler = partial(RecordingHandler, directory=str(folder))
        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.server.daemon_threads = True
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.origin = f"http://127.0.0.1:{self.server.server_address[1]}"

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()
        (self.folder / "__search_bench.html").unlink(missing_ok=True)

    def gzip_of(self, path: str) -> int:
        if path not in self.sizes:
            self.sizes[path] = gzip_size((self.folder / path.lstrip("/")).read_bytes())
        return self.sizes[path]

    def summary(self, paths):
        engine = [path for path in paths if self.engine_code(path)]
        index = [path for path in paths if not self.engine_code(path)]
        return {"requests": len(paths), "index_requests": len(index),
                "with_code": sum(map(self.gzip_of, paths)), "without_code": sum(map(self.gzip_of, index)),
                "code": sum(map(self.gzip_of, engine)), "paths": paths}


def measure_queries(sites, queries):
    from portal_browser import new_chrome
    driver = new_chrome()
    driver.set_script_timeout(120)
    driver.execute_cdp_cmd("Network.enable", {})
    driver.execute_cdp_cmd("Network.setCacheDisabled", {"cacheDisabled": True})
    rows = []
    try:
        for number, query in enumerate(queries):
            row = {"query": query}
            order = sites if number % 2 == 0 else list(reversed(sites))
            for site in order:
                driver.execute_cdp_cmd("Network.clearBrowserCache", {})
                driver.get(site.origin + "/__search_bench.html")
                site.requests.clear()
                result = driver.execute_async_script(MEASURE_SCRIPT, site.name, query, PAGE_SIZE, MARKER)
                if not result["ok"]:
                    sys.exit(f"{site.name} failed on {query!r}: {result['error']}")
                time.sleep(0.2)  # requests still arriving (there should be none) are counted too
                log = [path for path in site.requests if path != "/favicon.ico"]
                marker = log.index(MARKER)
                first, page = log[:marker], log[:marker] + log[marker + 1:]
                row[site.name] = {"first": site.summary(first), "page": site.summary(page),
                                  "total": result["total"], "titles": result["titles"],
                                  "first_ms": result["firstMilliseconds"], "page_ms": result["pageMilliseconds"],
                                  "repeated": len(page) - len(set(page))}
            rows.append(row)
    finally:
        driver.quit()
    return rows


# Report -------------------------------------------------------------------------------------------------------------

def kb(value: float) -> str:
    return f"{value / 1024:.1f}"


def report(args, corpus, builds, index_stats, rows, loads):
    median = statistics.median
    lines = []
    say = lines.append
    portal_index, pagefind_index = index_stats["portal"], index_stats["pagefind"]
    say(f"Corpus: {args.size} generated German articles (`Benchmarks/generate_corpus.py`), "
        f"{builds['documents']} search documents for portal, {builds['pagefind_pages']} pages for Pagefind. "
        f"{args.rounds} rounds, portal and Pagefind alternating; medians. Load average (1, 5, 15 min) before: "
        f"{loads[0]}; after: {loads[-1]}. Machine: {os.cpu_count()} CPUs, shared.")
    say("")
    say("**Index build**")
    say("")
    say("| | portal | Pagefind | portal/Pagefind |")
    say("|---|---|---|---|")
    index_build = median(builds["portal_index"])
    index_write = median(builds["portal_index_write"])
    pagefind = median(builds["pagefind"])
    say(f"| index build, in memory (s) | {index_build:.2f} | – | {index_build / pagefind:.3f} |")
    say(f"| index build + writing files (s) | {index_build + index_write:.2f} | {pagefind:.2f} (CLI wall) | "
        f"{(index_build + index_write) / pagefind:.3f} |")
    say(f"| CPU time of the whole process, user + system (s) | {median(builds['portal_process_cpu']):.2f} "
        f"(timing program: reads JSON, builds, writes) | {median(builds['pagefind_cpu']):.2f} | "
        f"{median(builds['portal_process_cpu']) / median(builds['pagefind_cpu']):.3f} |")
    say(f"| whole portal render phase: {args.size} pages + feeds + index (s) | {median(builds['portal_render']):.2f} | – | "
        f"{median(builds['portal_render']) / pagefind:.3f} |")
    say(f"| files | {portal_index[0]} | {pagefind_index[0]} | {portal_index[0] / pagefind_index[0]:.2f} |")
    say(f"| size, raw (MB) | {portal_index[1] / 1e6:.1f} | {pagefind_index[1] / 1e6:.1f} | "
        f"{portal_index[1] / pagefind_index[1]:.2f} |")
    say(f"| size, gzip -6 per file (MB) | {portal_index[2] / 1e6:.1f} | {pagefind_index[2] / 1e6:.1f} | "
        f"{portal_index[2] / pagefind_index[2]:.2f} |")
    say("")
    say(f"Single runs (s): portal index {', '.join(f'{v:.2f}' for v in builds['portal_index'])}; "
        f"Pagefind {', '.join(f'{v:.2f}' for v in builds['pagefind'])} (CPU "
        f"{', '.join(f'{v:.2f}' for v in builds['pagefind_cpu'])}); portal whole build "
        f"{', '.join(f'{v:.1f}' for v in builds['portal_wall'])}. The timing program's index: {builds['check']}.")
    say("")
    say("**First query** (gzip -6 KB transferred; requests; fresh page, HTTP cache off)")
    say("")
    say("| query | portal hits | Pagefind hits | portal 1st result | Pagefind 1st result | portal 1st page | "
        "Pagefind 1st page | portal requests | Pagefind requests |")
    say("|---|---|---|---|---|---|---|---|---|")
    for row in rows:
        p, f = row["portal"], row["pagefind"]
        say(f"| {row['query']} | {p['total']} | {f['total']} | {kb(p['first']['with_code'])} ({kb(p['first']['without_code'])}) | "
            f"{kb(f['first']['with_code'])} ({kb(f['first']['without_code'])}) | "
            f"{kb(p['page']['with_code'])} ({kb(p['page']['without_code'])}) | "
            f"{kb(f['page']['with_code'])} ({kb(f['page']['without_code'])}) | "
            f"{p['first']['requests']} / {p['page']['requests']} | {f['first']['requests']} / {f['page']['requests']} |")
    say("")
    say("Cells: with engine code (without it, index and metadata only). Requests: until the first result / until "
        "the first page of ten.")
    say("")
    say("| median over queries | portal | Pagefind | portal/Pagefind |")
    say("|---|---|---|---|")
    for stage, label in (("first", "first result"), ("page", "first page of ten")):
        for key, what in (("with_code", "with engine code"), ("without_code", "without engine code")):
            mine = median(row["portal"][stage][key] for row in rows)
            theirs = median(row["pagefind"][stage][key] for row in rows)
            say(f"| {label}, {what} (KB) | {kb(mine)} | {kb(theirs)} | {mine / theirs:.2f} |")
        mine = median(row["portal"][stage]["requests"] for row in rows)
        theirs = median(row["pagefind"][stage]["requests"] for row in rows)
        say(f"| {label}, requests | {mine:g} | {theirs:g} | {mine / theirs:.2f} |")
    code_portal = rows[0]["portal"]["page"]["code"]
    code_pagefind = rows[0]["pagefind"]["page"]["code"]
    say(f"| engine code (KB) | {kb(code_portal)} | {kb(code_pagefind)} | {code_portal / code_pagefind:.2f} |")
    for stage, label in (("first_ms", "first result, ms in Chromium"), ("page_ms", "first page, ms in Chromium")):
        mine = median(row["portal"][stage] for row in rows)
        theirs = median(row["pagefind"][stage] for row in rows)
        say(f"| {label} | {mine:.0f} | {theirs:.0f} | {mine / theirs:.2f} |")
    say("")
    worst = max(rows, key=lambda row: row["portal"]["page"]["with_code"] / row["pagefind"]["page"]["with_code"])
    say(f"Worst query for portal (first page, with code): {worst['query']!r}, "
        f"{worst['portal']['page']['with_code'] / worst['pagefind']['page']['with_code']:.2f} of Pagefind.")
    repeated = [row["query"] for row in rows if row["portal"]["repeated"] or row["pagefind"]["repeated"]]
    if repeated:
        say(f"Files requested twice for: {', '.join(repeated)}.")
    first_with = median(row["portal"]["first"]["with_code"] for row in rows) / median(
        row["pagefind"]["first"]["with_code"] for row in rows)
    say("")
    say("**Goals**")
    say("")
    say(f"- First-query bytes at most half of Pagefind's: median first result {first_with:.2f} of Pagefind "
        f"(with engine code) — {'met' if first_with <= 0.5 else 'MISSED'}.")
    verdict = lambda ratio: "met" if ratio <= 0.1 else "MISSED"  # noqa: E731
    in_memory = index_build / pagefind
    end_to_end = (index_build + index_write) / pagefind
    cpu = median(builds["portal_process_cpu"]) / median(builds["pagefind_cpu"])
    say(f"- Index build at most a tenth of Pagefind's time: in memory {in_memory:.3f} of Pagefind's wall time "
        f"({verdict(in_memory)}); with writing the files {end_to_end:.3f} ({verdict(end_to_end)}); CPU time of the "
        f"whole process {cpu:.3f} ({verdict(cpu)}).")
    say(f"- At most 2,000 files: {portal_index[0]} — {'met' if portal_index[0] <= 2000 else 'MISSED'}.")
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--size", type=int, default=10000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--portal", help="a release build of portal (else built with --scratch-path)")
    parser.add_argument("--scratch-path", default=".build-searchbench")
    parser.add_argument("--json", help="also write every measurement to this file")
    args = parser.parse_args()
    WORK.mkdir(exist_ok=True)
    loads = [load_average()]
    corpus = WORK / f"corpus-{args.size}"
    if not (corpus / "portal").exists():
        run([sys.executable, str(HERE / "generate_corpus.py"), str(args.size), str(corpus)])
    portal = portal_binary(args)
    timing = timing_program(args, portal)
    documents_file = WORK / f"search-documents-{args.size}.json"
    documents = search_documents(corpus / "portal" / "content")
    documents_file.write_text(json.dumps(documents, ensure_ascii=False))
    hugo_site = corpus / "hugo-site"
    if not (hugo_site / "index.html").exists():
        run(["hugo", "--quiet", "-d", str(hugo_site)], cwd=corpus / "hugo")

    builds = {"portal_index": [], "portal_index_write": [], "pagefind": [], "portal_render": [], "portal_wall": [],
              "pagefind_cpu": [], "portal_process_cpu": [],
              "documents": len(documents)}
    timing_output = WORK / "timing-index"
    for round_number in range(args.rounds):
        steps = ["portal", "pagefind"] if round_number % 2 == 0 else ["pagefind", "portal"]
        for step in steps:
            if step == "pagefind":
                shutil.rmtree(hugo_site / "pagefind", ignore_errors=True)
                wall, cpu, _ = run(pagefind_command(hugo_site))
                builds["pagefind"].append(wall)
                builds["pagefind_cpu"].append(cpu)
            else:
                _, cpu, stdout = run([str(timing), str(documents_file), str(timing_output)])
                builds["portal_process_cpu"].append(cpu)
                numbers = dict(re.findall(r"(\w+) ([\d.e-]+)", stdout))
                builds["portal_index"].append(float(numbers["build"]))
                builds["portal_index_write"].append(float(numbers["write"]))
                builds["check"] = f"{numbers['files']} files, {int(numbers['bytes']):,} bytes"
        wall, render = portal_build(portal, corpus)
        builds["portal_wall"].append(wall)
        builds["portal_render"].append(render)
        loads.append(load_average())
    portal_site = corpus / "portal-site"
    index_stats = {"portal": folder_stats(portal_site / "suche" / "index"),
                   "pagefind": folder_stats(hugo_site / "pagefind")}
    builds["check"] += (f"; the portal build's own /suche/index/: {index_stats['portal'][0]} files, "
                        f"{index_stats['portal'][1]:,} bytes")
    builds["pagefind_pages"] = len(list(hugo_site.glob("posts/*/index.html")))

    sites = [Site("portal", portal_site, lambda path: path in PORTAL_ENGINE_CODE),
             Site("pagefind", hugo_site, lambda path: path in PAGEFIND_ENGINE_CODE or path.startswith("/pagefind/wasm."))]
    try:
        rows = measure_queries(sites, QUERIES)
    finally:
        for site in sites:
            site.stop()
    loads.append(load_average())
    if args.json:
        Path(args.json).write_text(json.dumps({"builds": builds, "index": index_stats, "rows": rows, "loads": loads},
                                              ensure_ascii=False, indent=1))
    print(report(args, corpus, builds, index_stats, rows, loads))


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Builds the same generated corpus with portal and with Hugo (+ Pagefind) side by side, alternating A B A B,
and reports medians and portal/Hugo ratios of wall time and peak RSS.

Usage: Benchmarks/bench.py [--sizes 1000,10000] [--rounds 3] [--portal PATH] [--markdown]

Needs: hugo (Debian package), /usr/bin/time (Debian package `time`), python3 -m pagefind (PyPI `pagefind[extended]`)
for the search-index comparison (skipped when missing), and a release build of portal
(`swift build -c release --product portal`; the script builds it when --portal is not given).
These machines are noisy: read the ratios, not the absolute seconds.
"""
import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
WORK = os.path.join(HERE, "work")


def timed(command, cwd):
    """Runs a command under /usr/bin/time -v; returns (wall seconds, peak RSS in MiB)."""
    report = os.path.join(WORK, "time.txt")
    start = time.monotonic()
    result = subprocess.run(["/usr/bin/time", "-v", "-o", report] + command, cwd=cwd,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    wall = time.monotonic() - start
    if result.returncode != 0:
        sys.exit(f"command failed ({result.returncode}): {' '.join(command)}\n{result.stderr[-2000:]}")
    text = open(report).read()
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", text).group(1)) / 1024
    return wall, rss


TRASH = os.path.join(WORK, "trash")


def discard(path):
    """Moves a previous output aside instead of deleting it; `empty_trash` deletes everything at the end of the run.

    On this machine's ext4 (no journal), creating files within about a minute of deleting many others is slow:
    the kernel skips every recently freed inode one by one for each new one (`recently_deleted()`). Creating
    20,000 files and folders took 0.75 s of system time on a quiet disk and 4.3 s right after deleting 20,000
    (7.7 s after deleting 40,000). Deleting each output just before the next build would charge every build for
    the deletions before it, in an order-dependent way (portal's output and kept site are 44,000 inodes, Hugo's
    28,000), so no build here runs right after a large deletion, as in CI's fresh checkout.
    """
    if not os.path.lexists(path):
        return
    os.makedirs(TRASH, exist_ok=True)
    os.rename(path, os.path.join(TRASH, f"{len(os.listdir(TRASH))}-{os.path.basename(path)}"))


def empty_trash():
    shutil.rmtree(TRASH, ignore_errors=True)


def count_files(folder):
    return sum(len(files) for _, _, files in os.walk(folder))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="1000,10000")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--portal")
    parser.add_argument("--markdown", action="store_true", help="print a Markdown table for BENCHMARKS.md")
    args = parser.parse_args()
    os.makedirs(WORK, exist_ok=True)
    portal = args.portal
    if not portal:
        subprocess.run(["swift", "build", "-c", "release", "--product", "portal"], cwd=ROOT, check=True,
                       stdout=subprocess.DEVNULL)
        portal = os.path.join(ROOT, ".build", "release", "portal")
    if not shutil.which("hugo"):
        sys.exit("hugo is missing: apt-get install hugo")
    has_pagefind = subprocess.run([sys.executable, "-m", "pagefind", "--version"], capture_output=True).returncode == 0
    hugo_version = subprocess.run(["hugo", "version"], capture_output=True, text=True).stdout.split()[1]
    rows = []
    phases = []
    load_before = os.getloadavg()
    for size in [int(s) for s in args.sizes.split(",")]:
        corpus = os.path.join(WORK, f"corpus-{size}")
        if not os.path.exists(os.path.join(corpus, "portal")):
            subprocess.run([sys.executable, os.path.join(HERE, "generate_corpus.py"), str(size), corpus], check=True)
        results = {"portal": [], "hugo": [], "pagefind": [], "noop": [], "first edit": [], "edit": []}
        portal_out = os.path.join(corpus, "portal-site")
        hugo_out = os.path.join(corpus, "hugo-site")
        env_args = ["build", "--content", os.path.join(corpus, "portal", "content"),
                    "--output", portal_out, "--templates", os.path.join(ROOT, "templates"), "--as-of", "2026-11-26"]
        for _ in range(args.rounds):
            discard(portal_out)
            discard(os.path.join(ROOT, ".portal-cache"))
            results["portal"].append(timed([portal] + env_args, ROOT))
            discard(hugo_out)
            results["hugo"].append(timed(["hugo", "--quiet", "-d", hugo_out], os.path.join(corpus, "hugo")))
            if has_pagefind:
                results["pagefind"].append(timed([sys.executable, "-m", "pagefind", "--site", hugo_out, "--silent"], corpus))
            # A no-op rebuild, then rebuilds after editing one article: the first edit after a clean build, and
            # the next one (the steady state while an author works: it builds in the site the previous build
            # replaced, kept in .portal-cache).
            results["noop"].append(timed([portal] + env_args, ROOT))
            article = sorted(os.listdir(os.path.join(corpus, "portal", "content", "updates")))[0]
            path = os.path.join(corpus, "portal", "content", "updates", article)
            for key in ("first edit", "edit"):
                with open(path, "a", encoding="utf-8") as handle:
                    handle.write("\nEin zusätzlicher Satz für die Messung.\n")
                results[key].append(timed([portal] + env_args, ROOT))
        med = {k: (statistics.median(w for w, _ in v), statistics.median(r for _, r in v)) for k, v in results.items() if v}
        rows.append((size, med, count_files(portal_out), count_files(hugo_out)))
        # How a clean build's time splits across phases (`portal build --timings`).
        discard(portal_out)
        discard(os.path.join(ROOT, ".portal-cache"))
        output = subprocess.run([portal] + env_args + ["--timings"], cwd=ROOT, capture_output=True, text=True).stdout
        phases.append((size, [line.strip() for line in output.splitlines() if line.startswith("  ")]))
    load_after = os.getloadavg()
    empty_trash()
    print(f"portal {portal}; Hugo {hugo_version}; {args.rounds} rounds, alternating; medians; "
          f"load average before {load_before[0]:.2f} {load_before[1]:.2f} {load_before[2]:.2f}, "
          f"after {load_after[0]:.2f} {load_after[1]:.2f} {load_after[2]:.2f}")
    header = "| articles | portal s | Hugo s | portal/Hugo time | portal MiB | Hugo MiB | portal/Hugo RSS | Hugo+Pagefind s | portal/(Hugo+Pagefind) | no-op/full | one edit/full |"
    print(header)
    print("|---" * 11 + "|")
    for size, med, portal_files, hugo_files in rows:
        pw, pr = med["portal"]
        hw, hr = med["hugo"]
        pf = med.get("pagefind", (0, 0))[0]
        both = hw + pf
        print(f"| {size} | {pw:.2f} | {hw:.2f} | {pw / hw:.2f} | {pr:.0f} | {hr:.0f} | {pr / hr:.2f} | "
              f"{both:.2f} | {pw / both:.2f} | {med['noop'][0] / pw:.2f} | {med['edit'][0] / pw:.2f} |")
    print()
    print("Median no-op and one-edit rebuilds (s): " + "; ".join(
        f"{size}: no-op {med['noop'][0]:.2f}, first edit after a clean build {med['first edit'][0]:.2f}, "
        f"next edit {med['edit'][0]:.2f}" for size, med, _, _ in rows))
    for size, lines in phases:
        print(f"Phases of a clean build, {size} articles: " + "; ".join(" ".join(line.split()) for line in lines))


if __name__ == "__main__":
    main()

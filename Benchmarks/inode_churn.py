#!/usr/bin/env python3
"""Measures what creating a site-shaped tree costs right after deleting one, against creating it on a quiet disk.

Usage: Benchmarks/inode_churn.py [FOLDER]   (default: Benchmarks/work/churn; needs a few hundred MB)

Creates 10,000 folders with one 20 KB file each (about a portal site of 10,000 pages), then deletes it and at once
creates another, and prints the system time of each creation. On ext4 without a journal (this project's machines)
the kernel skips every recently freed inode one by one when it allocates a new one (`recently_deleted()` in
fs/ext4/ialloc.c), so the second creation costs more than the first, and every run costs more while the last
runs' deletions are recent (a few minutes). Run it on a disk where nothing was deleted in the last few minutes;
BENCHMARKS.md explains why bench.py moves old outputs aside instead.
"""
import os
import shutil
import sys
import time


def create(root):
    """Creates the tree below `root`; returns (wall seconds, system seconds)."""
    start, before = time.monotonic(), os.times()
    os.mkdir(root)
    for top in ("m", "u"):
        os.mkdir(os.path.join(root, top))
        for number in range(5000):
            folder = os.path.join(root, top, f"p{number}")
            os.mkdir(folder)
            with open(os.path.join(folder, "index.html"), "wb") as handle:
                handle.write(b"x" * 20000)
    after = os.times()
    return time.monotonic() - start, after.system - before.system


def main():
    base = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)), "work", "churn")
    os.makedirs(base, exist_ok=True)
    first, second = os.path.join(base, "first"), os.path.join(base, "second")
    for path in (first, second):
        shutil.rmtree(path, ignore_errors=True)
    wall, system = create(first)
    print(f"on a quiet disk:          {wall:.2f} s wall, {system:.2f} s system")
    shutil.rmtree(first)
    wall, system = create(second)
    print(f"right after deleting one: {wall:.2f} s wall, {system:.2f} s system")
    shutil.rmtree(second)


if __name__ == "__main__":
    main()

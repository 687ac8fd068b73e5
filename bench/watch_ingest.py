"""Run one long ``budgetkg ingest`` and record how it goes: the figures past 1,000 documents.

Why a separate watcher: ``bench/scale.py`` measures a run as a whole (wall, CPU, peak memory),
which says nothing about whether the rate falls as the store grows. A 10,000-document run takes
over an hour on the shared 2-core machine, so this script keeps, while it runs:
- every line the command prints, with the UTC time it arrived (``--progress`` status lines say
  how many documents are done), in ``LOG``;
- every ``--every`` seconds a sample (JSON line in ``SAMPLES``): UTC time, elapsed seconds,
  documents done and unchanged (the last status line), ``du -sm`` of the store, the 1-minute load
  average, resident memory of the whole process tree and of the writer (the ``budgetkg`` process),
  the writer's CPU seconds so far;
- the peak resident memory of the process tree (sampled every second) and of the writer.
With ``--stop-at HH:MM`` (UTC) it sends SIGINT — what ``budgetkg`` turns into a clean exit (130),
the same as Ctrl-C — to the writer at that time, and still waits for it to end.

Usage: ``python bench/watch_ingest.py --store DIR --log LOG --samples SAMPLES [--every 300]
[--stop-at 10:05] -- COMMAND...``; the summary (exit code, wall, peaks, last status) is printed
as JSON on stdout.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import re
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import psutil

STATUS = re.compile(r"(\d+)/(\d+) documents, (\d+) pages, (\d+) errors, (\d+) unchanged, ([\d.]+) documents/s")


def utc() -> str:
    """Now in UTC, to the second, as ISO 8601."""
    return dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def du_mib(path: Path) -> int | None:
    """Disk use of ``path`` in MiB (``du -sm``), None while it does not exist."""
    if not path.exists():
        return None
    out = subprocess.run(["du", "-sm", str(path)], capture_output=True, text=True).stdout.split()
    return int(out[0]) if out else None


def writer_of(root: psutil.Process) -> psutil.Process | None:
    """The ``budgetkg`` process under ``root`` (nice and /usr/bin/time exec or fork it), not its readers."""
    def is_cli(p: psutil.Process) -> bool:
        try:
            return any(part.endswith("budgetkg") for part in p.cmdline()[:2])
        except psutil.Error:
            return False

    try:
        procs = [root] + root.children(recursive=True)
    except psutil.Error:
        return None
    for p in procs:  # the topmost one: forked readers have the same command line
        try:
            if is_cli(p) and not is_cli(p.parent()):
                return p
        except psutil.Error:
            continue
    return None


def tree_rss(root: psutil.Process) -> int:
    """Resident bytes of ``root`` and every descendant alive now."""
    total = 0
    try:
        procs = [root] + root.children(recursive=True)
    except psutil.Error:
        return 0
    for p in procs:
        try:
            total += p.memory_info().rss
        except psutil.Error:
            pass
    return total


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--store", type=Path, required=True)
    ap.add_argument("--log", type=Path, required=True)
    ap.add_argument("--samples", type=Path, required=True)
    ap.add_argument("--every", type=float, default=300.0)
    ap.add_argument("--stop-at", help="HH:MM UTC: send SIGINT to the writer then")
    ap.add_argument("command", nargs=argparse.REMAINDER)
    args = ap.parse_args()
    cmd = args.command[1:] if args.command[:1] == ["--"] else args.command

    started = time.monotonic()
    state = {"done": 0, "unchanged": 0, "status": "", "tree_peak": 0, "writer_peak": 0, "stopped_at": None}
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, bufsize=1)
    root = psutil.Process(proc.pid)
    lock = threading.Lock()
    finished = threading.Event()

    def sample(kind: str) -> None:
        writer = writer_of(root)
        cpu = rss = None
        if writer is not None:
            try:
                t = writer.cpu_times()
                cpu, rss = round(t.user + t.system, 1), writer.memory_info().rss
            except psutil.Error:
                pass
        row = {"kind": kind, "utc": utc(), "elapsed_s": round(time.monotonic() - started, 1),
               "done": state["done"], "unchanged": state["unchanged"], "store_mib": du_mib(args.store),
               "load1": round(os.getloadavg()[0], 2), "tree_rss_mib": round(tree_rss(root) / 2**20),
               "writer_rss_mib": round(rss / 2**20) if rss else None, "writer_cpu_s": cpu}
        with lock, open(args.samples, "a") as out:
            out.write(json.dumps(row) + "\n")

    def watch() -> None:
        next_sample = time.monotonic()
        stop_at = None
        if args.stop_at:
            h, m = map(int, args.stop_at.split(":"))
            now = dt.datetime.now(dt.timezone.utc)
            stop_at = now.replace(hour=h, minute=m, second=0, microsecond=0)
        while not finished.is_set():
            state["tree_peak"] = max(state["tree_peak"], tree_rss(root))
            writer = writer_of(root)
            if writer is not None:
                try:
                    state["writer_peak"] = max(state["writer_peak"], writer.memory_info().rss)
                except psutil.Error:
                    pass
            if time.monotonic() >= next_sample:
                sample("periodic")
                next_sample += args.every
            if stop_at and state["stopped_at"] is None and dt.datetime.now(dt.timezone.utc) >= stop_at:
                if writer is not None:
                    state["stopped_at"] = utc()
                    sample("before SIGINT")
                    writer.send_signal(signal.SIGINT)
            finished.wait(1.0)

    thread = threading.Thread(target=watch, daemon=True)
    thread.start()
    with open(args.log, "a") as log:
        log.write(f"{utc()} watch_ingest: {' '.join(cmd)}\n")
        for line in proc.stdout:
            m = STATUS.search(line)
            if m:
                state["done"], state["unchanged"], state["status"] = int(m[1]), int(m[5]), line.strip()
            log.write(f"{utc()} {line}")
            log.flush()
    code = proc.wait()
    finished.set()
    thread.join()
    sample("end")
    summary = {"exit": code, "wall_s": round(time.monotonic() - started, 1), "stopped_at": state["stopped_at"],
               "tree_peak_rss_mib": round(state["tree_peak"] / 2**20),
               "writer_peak_rss_mib": round(state["writer_peak"] / 2**20), "last_status": state["status"]}
    print(json.dumps(summary))
    return code


if __name__ == "__main__":
    sys.exit(main())

"""What the hostile documents of issue 8 cost to refuse: wall time, CPU and peak memory.

For each case (at the sizes the issue reports: a 300 MB decompression bomb, a 14,400-point page,
a 50 MB one-line text, a PDF of a million characters, ``/dev/zero`` and a FIFO named ``.txt``)
the script times ``budgetkg extract FILE`` as a user runs it (``/usr/bin/time``: the command and
the processes it waits for) and reads the file once more through ``kg.extract.worker`` to print
what the worker itself used (its own CPU seconds and peak resident memory, as it reported them).

    python scripts/bench_hostile.py [--keep DIR]

Prints a table; nothing is asserted (figures belong in reports, not in tests).
"""
from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))


def cases(folder: Path) -> list[tuple[str, Path, list[str]]]:
    from tests.fixtures import hostile_inputs as hostile
    from tests.fixtures.records import qingshan_ecology

    text = hostile.budget_text(qingshan_ecology(2025))
    good = folder / "good.txt"
    good.write_text(text, encoding="utf-8")
    return [
        ("good budget (text)", good, []),
        ("decompression bomb 300 MB", hostile.decompression_bomb_pdf(folder, 300 << 20), []),
        ("14,400-point page", hostile.huge_page_pdf(folder), []),
        ("50 MB one-line text", hostile.big_text(folder, text, 50), []),
        ("1M characters, --max-memory-mb 500", hostile.many_chars_pdf(folder, 1_000_000), ["--max-memory-mb", "500"]),
        ("/dev/zero as .txt", hostile.device_txt(folder), []),
        ("FIFO as .txt", hostile.fifo_txt(folder), []),
    ]


def timed(command: list[str]) -> tuple[float, float, int, int, str]:
    """(wall s, CPU s, peak RSS KB, exit code, last stderr line) of a command under /usr/bin/time."""
    fmt = "BENCH %e %U %S %M"
    started = time.monotonic()
    proc = subprocess.run(["/usr/bin/time", "-f", fmt, *command], capture_output=True, text=True, timeout=1200)
    wall = time.monotonic() - started
    lines = proc.stderr.splitlines()
    stats = next((line.split() for line in reversed(lines) if line.startswith("BENCH ")), None)
    other = [line for line in lines if not line.startswith("BENCH ") and "exited with non-zero" not in line]
    if stats is None:
        return wall, 0.0, 0, proc.returncode, (other[-1] if other else "")
    return wall, float(stats[2]) + float(stats[3]), int(stats[4]), proc.returncode, (other[-1] if other else "")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    parser.add_argument("--keep", metavar="DIR", help="write the files here and keep them")
    args = parser.parse_args()
    folder = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="budgetkg-hostile-"))
    folder.mkdir(parents=True, exist_ok=True)
    from kg.extract.limits import DEFAULT_LIMITS
    from kg.extract.worker import read_isolated

    try:
        print(f"{'case':38} {'exit':>4} {'wall s':>7} {'cli CPU s':>9} {'cli RSS MB':>10} "
              f"{'worker CPU s':>12} {'worker RSS MB':>13}  reason")
        for name, path, options in cases(folder):
            wall, cpu, rss, code, line = timed([sys.executable, "-m", "kg.cli", "extract", str(path), *options])
            limits = DEFAULT_LIMITS
            if options:
                limits = limits.replace(**{options[0][2:].replace("-", "_"): float(options[1])})
            (outcome,) = list(read_isolated([str(path)], limits))
            reason = (line.split(": ", 1)[1] if ": " in line else line) if code else "read"
            print(f"{name:38} {code:>4} {wall:7.2f} {cpu:9.2f} {rss / 1024:10.0f} "
                  f"{outcome.cpu_seconds:12.2f} {outcome.peak_rss_mb:13.0f}  {reason}")
    finally:
        if not args.keep:
            shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())

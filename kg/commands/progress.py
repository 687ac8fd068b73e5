"""How a long ingest shows where it stands: a live bar on a terminal, plain lines otherwise.

Why two forms: on a terminal a researcher watching 10,000 documents wants one line that moves
(documents, pages, errors, rate, time left) with failures printed above it as they happen; in a
log file or a CI job a bar is noise, so the same figures come as one plain line every
``every`` seconds. Both read the run's ``Tally`` (``kg.graph.ingest``) and nothing else.
"""
from __future__ import annotations

import sys
import time
from typing import TextIO

from kg.graph.ingest import Tally


def _eta(tally: Tally) -> str:
    """Time left at the rate so far, as ``1h02m``, ``3m05s`` or ``12s``; ``?`` before any rate."""
    if not tally.done or tally.total <= tally.done:
        return "0s" if tally.total and tally.total <= tally.done else "?"
    seconds = (tally.total - tally.done) * tally.seconds / tally.done
    hours, rest = divmod(int(seconds), 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}h{minutes:02d}m" if hours else f"{minutes}m{secs:02d}s" if minutes else f"{secs}s"


def status_line(tally: Tally) -> str:
    """``120/1000 documents, 2400 pages, 2 errors, 2.41 documents/s, about 6m05s left``."""
    rate = tally.done / tally.seconds if tally.seconds > 0 else 0.0
    return (f"{tally.done}/{tally.total} documents, {tally.pages} pages, {tally.failed} errors, "
            f"{tally.skipped} unchanged, {rate:.2f} documents/s, about {_eta(tally)} left")


class PlainProgress:
    """One status line on ``stream`` at most every ``every`` seconds, and one at the end."""

    def __init__(self, stream: TextIO = sys.stderr, every: float = 10.0, prefix: str = "budgetkg ingest") -> None:
        self.stream, self.every, self.prefix = stream, every, prefix
        self._last = time.monotonic()

    def update(self, tally: Tally) -> None:
        now = time.monotonic()
        if now - self._last >= self.every:
            self._last = now
            print(f"{self.prefix}: {status_line(tally)}", file=self.stream, flush=True)

    def print(self, text: str, stream: TextIO | None = None) -> None:
        print(text, file=stream or sys.stdout, flush=True)

    def close(self, tally: Tally) -> None:
        print(f"{self.prefix}: {status_line(tally)}", file=self.stream, flush=True)


class BarProgress:
    """A rich progress bar on the terminal (stderr), messages printed above it."""

    def __init__(self, stream: TextIO = sys.stderr) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        self.console = Console(file=stream)
        self.bar = Progress(TextColumn("[bold]ingest"), BarColumn(), MofNCompleteColumn(),
                            TextColumn("{task.fields[pages]} pages · {task.fields[failed]} errors · "
                                       "{task.fields[rate]:.2f} docs/s"),
                            TimeRemainingColumn(), console=self.console, transient=False)
        self.task = self.bar.add_task("ingest", total=None, pages=0, failed=0, rate=0.0)
        self.bar.start()

    def update(self, tally: Tally) -> None:
        rate = tally.done / tally.seconds if tally.seconds > 0 else 0.0
        self.bar.update(self.task, total=tally.total or None, completed=tally.done, pages=tally.pages,
                        failed=tally.failed, rate=rate)

    def print(self, text: str, stream: TextIO | None = None) -> None:
        self.bar.console.print(text, markup=False, highlight=False, soft_wrap=True)

    def close(self, tally: Tally) -> None:
        self.update(tally)
        self.bar.stop()


def make_progress(show: bool, every: float = 10.0) -> PlainProgress | BarProgress | None:
    """The display for this run: a bar when stderr is a terminal, plain lines when ``show`` is
    asked for without one, none otherwise (per-document lines still go to stdout)."""
    if sys.stderr.isatty():
        return BarProgress()
    return PlainProgress(every=every) if show else None

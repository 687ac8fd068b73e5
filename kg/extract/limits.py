"""How much of the machine one document may take, and the checks that hold a reader to it.

Why: a budget reader is pointed at folders of downloads. One hostile or broken file — a stream
that inflates from 300 KB to 300 MB, a page of 14,400 points ruled into a million cells, a
50 MB line of text, a FIFO or ``/dev/zero`` behind a ``.txt`` name — must cost a bounded amount
of memory and time, be named in one line with the limit it broke, and leave the other documents
of the run alone. The limits are one validated settings object (in the manner of pdfplumber's
``TableSettings``) so that the CLI, the tests (small limits: bombs fail fast) and a parallel
ingest (``--jobs``) pass the same thing around; it is a frozen dataclass of plain numbers, so it
pickles into worker processes.

Three kinds of checks, cheapest first:
- ``check_path``: what the operating system says (``os.stat``, never ``open`` first): regular
  file, readable, not too big. FIFOs, devices and sockets are refused by name without blocking.
- ``check_pdf``: what the file says before anything is parsed: page count, page size, and every
  deflated stream inflated with a bound (a decompression bomb stops at the bound).
- ``apply_process_limits``: what the kernel enforces while the document is read in its worker
  process (``kg.extract.worker``): address space and CPU seconds; the wall clock is watched by
  the parent.
"""
from __future__ import annotations

import dataclasses
import os
import re
import resource
import signal
import stat
import threading
import time
import zlib
from dataclasses import dataclass, fields
from typing import Callable

from kg.extract.errors import ExtractionError

MB = 1 << 20


@dataclass(frozen=True)
class ReadLimits:
    """Per-document limits. Each field has a CLI option of the same name (``--max-file-mb`` …).

    Defaults leave room for the largest real disclosures seen (171 pages, 1,446-point pages,
    4.4 MB inflated streams, 36 s of CPU and 0.5 GB for the longest) and stop what no budget is.
    """

    max_file_mb: float = 200.0       # any input file, as stored
    max_text_mb: float = 16.0        # a plain-text extraction (a 200-page budget is < 1 MB)
    max_pages: int = 2000
    max_page_side: float = 5000.0    # points: A0 is 3,370; the PDF format allows 14,400
    max_stream_mb: float = 64.0      # one PDF stream after inflating
    max_memory_mb: float = 2048.0    # address space one reader may add to its own start-up size
    max_cpu_seconds: float = 300.0
    max_seconds: float = 900.0       # wall clock, watched by the parent process

    def __post_init__(self) -> None:
        for f in fields(self):
            value = getattr(self, f.name)
            if isinstance(value, bool) or not isinstance(value, (int, float)):
                raise ValueError(f"{f.name} must be a number, not {value!r}")
            if not value > 0 or value != value or value == float("inf"):
                raise ValueError(f"{f.name} must be a positive number, not {value!r}")

    def replace(self, **changes: float | None) -> "ReadLimits":
        """A copy with the given fields changed (``None`` values are ignored: an unset option)."""
        return dataclasses.replace(self, **{k: v for k, v in changes.items() if v is not None})

    @staticmethod
    def option(name: str) -> str:
        """The CLI option of a field: ``max_stream_mb`` -> ``--max-stream-mb``."""
        return "--" + name.replace("_", "-")

    def exceeded(self, name: str, what: str) -> str:
        """The one-line reason for a broken limit, naming the limit and its option."""
        value = getattr(self, name)
        shown = f"{value:g}"
        return f"{what} (limit {self.option(name)} {shown})"


DEFAULT_LIMITS = ReadLimits()


def add_limit_arguments(parser) -> None:
    """The ``--max-…`` options of every command that reads documents (extract, audit, ingest)."""
    group = parser.add_argument_group("limits per document", "a document past any of them is refused "
                                      "by name and the others are still read")
    helps = {
        "max_file_mb": "largest input file, in MB",
        "max_text_mb": "largest plain-text file, in MB",
        "max_pages": "most pages of a PDF",
        "max_page_side": "largest page width or height, in points",
        "max_stream_mb": "largest PDF stream after inflating, in MB",
        "max_memory_mb": "memory one document may use, in MB",
        "max_cpu_seconds": "CPU seconds one document may use",
        "max_seconds": "wall-clock seconds one document may take",
    }
    for f in fields(ReadLimits):
        kind = int if f.type in (int, "int") else float
        group.add_argument(ReadLimits.option(f.name), dest=f.name, type=_positive(kind), default=None,
                           metavar="N", help=f"{helps[f.name]} (default {f.default:g})")


def _positive(kind):
    def parse(text: str):
        try:
            value = kind(text)
        except ValueError:
            raise _argparse_error(f"not a number: {text!r}") from None
        if not value > 0 or value == float("inf"):
            raise _argparse_error(f"must be positive: {text!r}")
        return value

    parse.__name__ = kind.__name__
    return parse


def _argparse_error(message: str):
    import argparse

    return argparse.ArgumentTypeError(message)


def limits_from_args(args) -> ReadLimits:
    """The defaults with the ``--max-…`` options the user gave."""
    return DEFAULT_LIMITS.replace(**{f.name: getattr(args, f.name, None) for f in fields(ReadLimits)})


# ----------------------------------------------------------------------------- the file itself

_KINDS = (
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISDIR, "a folder"),
)


def describe_special(mode: int) -> str | None:
    """What a non-regular file is (``None`` for a regular file)."""
    for test, name in _KINDS:
        if test(mode):
            return name
    return None if stat.S_ISREG(mode) else "not a regular file"


def check_path(path: str, limits: ReadLimits = DEFAULT_LIMITS) -> int:
    """Refuse what is not a readable regular file of acceptable size; returns the size in bytes.

    ``os.stat`` first (it follows symlinks and never blocks), so a FIFO is refused before anyone
    opens it; then an ``open`` that cannot block (``O_NONBLOCK``) proves the file is readable.
    """
    try:
        info = os.stat(path)
    except FileNotFoundError:
        if os.path.islink(path):
            raise ExtractionError(path, f"broken symlink (to {os.readlink(path)})") from None
        raise ExtractionError(path, "no such file") from None
    except PermissionError:
        raise ExtractionError(path, "cannot read: permission denied") from None
    except OSError as exc:
        raise ExtractionError(path, f"cannot read: {exc.strerror}") from None
    special = describe_special(info.st_mode)
    if special:
        target = f" ({os.path.realpath(path)})" if os.path.islink(path) else ""
        raise ExtractionError(path, f"{special}{target}, not a document file: refused")
    if info.st_size > limits.max_file_mb * MB:
        raise ExtractionError(path, limits.exceeded("max_file_mb", f"file of {_size(info.st_size)} is too large"))
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except PermissionError:
        raise ExtractionError(path, "cannot read: permission denied") from None
    except OSError as exc:
        raise ExtractionError(path, f"cannot read: {exc.strerror}") from None
    os.close(fd)
    return info.st_size


def check_text_size(path: str, size: int, limits: ReadLimits) -> None:
    if size > limits.max_text_mb * MB:
        raise ExtractionError(path, limits.exceeded("max_text_mb", f"text of {_size(size)} is too large"))


def _size(count: int) -> str:
    return f"{count / MB:.1f} MB" if count >= MB // 10 else f"{count / 1024:.0f} KB"


# ----------------------------------------------------------------------------- inside a PDF

# ``stream`` followed by its end of line, not the tail of ``endstream``
_STREAM_RE = re.compile(rb"(?<!end)stream(?:\r\n|\n|\r)")
_CHUNK = 1 << 16


def check_streams(path: str, limits: ReadLimits, data: bytes | None = None) -> None:
    """Inflate every deflated stream of the file with a bound: one that would grow past
    ``max_stream_mb`` is refused before any PDF library inflates it whole.

    The streams are found in the raw bytes (``stream`` … ``endstream``), so object streams and
    streams the cross-reference table does not list are covered too; what is not zlib data (a
    JPEG, an uncompressed stream) stops the inflater at once and is left to the other limits.
    """
    if data is None:
        with open(path, "rb") as handle:
            data = handle.read()
    bound = int(limits.max_stream_mb * MB)
    view = memoryview(data)
    for match in _STREAM_RE.finditer(data):
        start = match.end()
        end = data.find(b"endstream", start)
        if end < 0:
            end = len(data)
        if _inflated_size(view[start:end], bound) > bound:
            raise ExtractionError(path, limits.exceeded(
                "max_stream_mb", f"a stream at byte {start} inflates past {limits.max_stream_mb:g} MB "
                                 f"(from {(end - start) / 1024:.0f} KB: a decompression bomb?)"))


def _inflated_size(raw: memoryview, bound: int) -> int:
    """The inflated size of ``raw`` (zlib), counting at most ``bound + 1`` bytes; 0 when ``raw``
    is not zlib data."""
    inflater = zlib.decompressobj()
    total = 0
    pos = 0
    try:
        while pos < len(raw) or inflater.unconsumed_tail:
            if inflater.unconsumed_tail:
                chunk = inflater.decompress(inflater.unconsumed_tail, _CHUNK)
            else:
                chunk = inflater.decompress(raw[pos:pos + _CHUNK], _CHUNK)
                pos += _CHUNK
            total += len(chunk)
            if total > bound:
                return total
            if inflater.eof:
                break
    except zlib.error:
        return total
    return total


def check_pages(path: str, reader, limits: ReadLimits) -> None:
    """Page count and page size (MediaBox times UserUnit), read from pypdf's page tree."""
    pages = reader.pages
    count = len(pages)
    if count > limits.max_pages:
        raise ExtractionError(path, limits.exceeded("max_pages", f"{count} pages"))
    for number, page in enumerate(pages, start=1):
        try:
            box = page.mediabox
            unit = float(page.get("/UserUnit", 1) or 1)
            width, height = abs(float(box.width)) * unit, abs(float(box.height)) * unit
        except Exception:  # noqa: BLE001 - a broken box is left to the parser
            continue
        check_page_size(path, number, width, height, limits)


def check_page_size(path: str, number: int, width: float, height: float, limits: ReadLimits) -> None:
    if max(width, height) > limits.max_page_side:
        raise ExtractionError(path, limits.exceeded(
            "max_page_side", f"page {number} is {width:.0f} x {height:.0f} points"))


# ----------------------------------------------------------------------------- the process


class CpuLimitExceeded(BaseException):
    """Raised in a worker by SIGXCPU (a BaseException, so parsers' ``except Exception`` cannot
    swallow it)."""


def _on_sigxcpu(signum, frame):  # noqa: ARG001 - signal handler signature
    raise CpuLimitExceeded()


def _address_space() -> int:
    """This process's current virtual size in bytes (what RLIMIT_AS counts)."""
    try:
        with open("/proc/self/statm") as handle:
            return int(handle.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 0


# How far past ``max_memory_mb`` the kernel's hard limit stands: the watcher reports the limit
# cleanly first; the kernel stops a reader that outgrows it inside one long C call.
_BACKSTOP_MARGIN = 0.25
_BACKSTOP_MIN_BYTES = 128 * MB
_WATCH_INTERVAL = 0.02


def watch_memory(limits: ReadLimits, on_exceeded: Callable[[int], None]) -> None:
    """Call ``on_exceeded(bytes_used)`` from a watcher thread as soon as this process has grown
    by more than ``max_memory_mb`` since the call.

    Why a watcher as well as RLIMIT_AS: a Python process that hits RLIMIT_AS seldom survives to
    report it (a MemoryError while unwinding aborts the interpreter), so the limit is reported
    by the watcher while memory is still left, and the kernel limit (set a margin higher by
    ``apply_process_limits``) only stops what the watcher cannot see in time.
    """
    baseline = _address_space()
    allowance = int(limits.max_memory_mb * MB)

    def watch() -> None:
        while True:
            used = _address_space() - baseline
            if used > allowance:
                on_exceeded(used)
                return
            time.sleep(_WATCH_INTERVAL)

    threading.Thread(target=watch, name="budgetkg-memory-watch", daemon=True).start()


def apply_process_limits(limits: ReadLimits) -> None:
    """Hold the calling (worker) process to its memory and CPU allowance, in the kernel.

    The address-space limit is the size the process already has plus the allowance (and a
    margin: ``watch_memory`` reports the limit itself), so it means the same whether the worker
    was forked from a small or a large parent. Past the CPU limit the kernel sends SIGXCPU,
    which raises ``CpuLimitExceeded``; a hard limit a few seconds later kills a reader stuck in
    C code. No core files.
    """
    allowance = int(limits.max_memory_mb * MB)
    memory = _address_space() + allowance + max(int(allowance * _BACKSTOP_MARGIN), _BACKSTOP_MIN_BYTES)
    _lower(resource.RLIMIT_AS, memory, memory)
    used = resource.getrusage(resource.RUSAGE_SELF)
    soft = int(used.ru_utime + used.ru_stime + limits.max_cpu_seconds + 0.999)
    _lower(resource.RLIMIT_CPU, soft, soft + 3)
    _lower(resource.RLIMIT_CORE, 0, 0)
    signal.signal(signal.SIGXCPU, _on_sigxcpu)


def _lower(which: int, soft: int, hard: int) -> None:
    """Set a limit, never above the one already in force (an unprivileged process cannot raise
    its hard limit)."""
    old_soft, old_hard = resource.getrlimit(which)
    if old_hard != resource.RLIM_INFINITY:
        hard = min(hard, old_hard)
        soft = min(soft, hard)
    resource.setrlimit(which, (soft, hard))

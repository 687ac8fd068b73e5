"""Read each document in a worker process of its own, under its limits, and hand back the record
or a one-line failure.

Why a process per document: memory (``RLIMIT_AS``) and CPU (``RLIMIT_CPU``) can only be limited
per process, a reader stuck in C code can only be stopped from outside, and a document that
exhausts its allowance must not take the run — or the documents already read — with it. The
parent watches the wall clock and kills a worker that overstays. A fresh process per document
also returns its memory to the system, so a long run stays flat.

The unit of work is ``read_document(path, limits) -> DocumentOutcome``: plain, picklable inputs
and outputs, the body a worker runs. ``read_isolated`` runs many of them, ``jobs`` at a time,
and yields the outcomes in input order; ``--jobs N`` of a parallel ingest is that argument.
Workers come from a ``forkserver`` that has imported the readers once, so starting one costs a
fork, not an interpreter, and never copies the parent's open store or threads.
"""
from __future__ import annotations

import multiprocessing
import os
import queue
import resource
import signal
import threading
import time
from dataclasses import dataclass
from multiprocessing.connection import wait
from typing import Iterable, Iterator

from kg.extract.errors import ExtractionError
from kg.extract.limits import (DEFAULT_LIMITS, CpuLimitExceeded, ReadLimits, apply_process_limits,
                               watch_memory)
from kg.extract.model import Record

# What the forkserver imports once, so that every worker starts with the readers loaded (the
# module imports them, keeping any failure instead of ending the server: see its docstring).
_PRELOAD = ["kg.extract.preload"]


@dataclass
class DocumentOutcome:
    """One document's result: its record, or the one-line reason it was not read."""

    path: str
    record: Record | None = None
    reason: str | None = None
    seconds: float = 0.0          # wall clock, as the parent saw it
    cpu_seconds: float = 0.0      # the worker's own, where it reported back
    peak_rss_mb: float = 0.0      # the worker's peak resident memory, where it reported back
    pages: int = 0                # pages of the document read (0 when it was not read)

    @property
    def ok(self) -> bool:
        return self.record is not None

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}" if self.reason else f"{self.path}: read"


def read_document(path: str, limits: ReadLimits = DEFAULT_LIMITS) -> DocumentOutcome:
    """Read one document in this process, turning every way it can fail into a reason.

    Called inside a worker after ``apply_process_limits``; also usable in-process (tests,
    ``extract_paths(isolate=False)``), where only the checks of the file itself apply.
    """
    started = time.monotonic()
    try:
        from kg.extract.pipeline import extract_file_pages
    except Exception as exc:  # noqa: BLE001 - the readers themselves cannot be loaded: say why, per document
        return DocumentOutcome(path, reason=f"the reader cannot be loaded ({_one_line(exc)})",
                               seconds=time.monotonic() - started)
    try:
        record, pages = extract_file_pages(path, limits)
        outcome = DocumentOutcome(path, record=record, pages=pages)
    except ExtractionError as exc:
        outcome = DocumentOutcome(exc.path, reason=exc.reason)
    except MemoryError:
        outcome = DocumentOutcome(path, reason=_memory_reason(limits))
    except CpuLimitExceeded:
        outcome = DocumentOutcome(path, reason=_cpu_reason(limits))
    outcome.seconds = time.monotonic() - started
    usage = resource.getrusage(resource.RUSAGE_SELF)
    outcome.cpu_seconds = usage.ru_utime + usage.ru_stime
    outcome.peak_rss_mb = usage.ru_maxrss / 1024
    return outcome


def _one_line(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {' '.join(str(exc).split())[:200]}".rstrip(": ")


def _cpu_reason(limits: ReadLimits) -> str:
    return limits.exceeded("max_cpu_seconds", f"took more than {limits.max_cpu_seconds:g} s of CPU")


def _memory_reason(limits: ReadLimits) -> str:
    return limits.exceeded("max_memory_mb", f"needs more than {limits.max_memory_mb:g} MB of memory")


def _worker_main(conn, path: str, limits: ReadLimits) -> None:
    """The body of a worker process: limits first, then the document, then one message back.

    The memory watcher may answer instead (and end the process at once); the lock makes sure
    the parent receives exactly one message.
    """
    lock = threading.Lock()
    sent = False

    def send_once(outcome: DocumentOutcome) -> None:
        nonlocal sent
        with lock:
            if not sent:
                sent = True
                conn.send(outcome)

    def over_memory(used: int) -> None:  # noqa: ARG001 - the watcher says how much; the report says RSS
        try:
            usage = resource.getrusage(resource.RUSAGE_SELF)
            send_once(DocumentOutcome(path, reason=_memory_reason(limits), cpu_seconds=usage.ru_utime + usage.ru_stime,
                                      peak_rss_mb=usage.ru_maxrss / 1024))
        finally:
            os._exit(0)

    watch_memory(limits, over_memory)
    apply_process_limits(limits)
    with lock:
        conn.send(_READY)  # the wall clock of this document starts now, not at the fork request
    try:
        outcome = read_document(path, limits)
    except CpuLimitExceeded:  # past the limit in the worker's own bookkeeping
        outcome = DocumentOutcome(path, reason=_cpu_reason(limits))
    except MemoryError:
        outcome = DocumentOutcome(path, reason=_memory_reason(limits))
    try:
        send_once(outcome)
    except MemoryError:  # the record itself does not fit in what is left to pickle it
        send_once(DocumentOutcome(path, reason=_memory_reason(limits)))
    finally:
        conn.close()


_context = None
_READY = "ready"
# How long a worker may take to start (the forkserver imports the readers once, on first use,
# and a busy machine can be slow to fork): past it, the document fails as not started.
START_ALLOWANCE = 120.0


def _mp_context():
    """The forkserver context, its server preloaded with the readers (started on first use)."""
    global _context
    if _context is None:
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload(_PRELOAD)
        _context = ctx
    return _context


@dataclass
class _Running:
    index: int
    path: str
    process: multiprocessing.process.BaseProcess
    conn: object
    requested: float               # when the worker was asked for
    started: float | None = None   # when it said it was ready: the document's clock starts

    def deadline(self, limits: ReadLimits) -> float:
        if self.started is None:
            return self.requested + START_ALLOWANCE
        return self.started + limits.max_seconds


def _death_reason(exitcode: int | None, limits: ReadLimits) -> str:
    """Why a worker ended without sending its result."""
    if exitcode is not None and exitcode < 0:
        sig = -exitcode
        if sig == signal.SIGXCPU:
            return _cpu_reason(limits)
        try:
            name = signal.Signals(sig).name
        except ValueError:
            name = f"signal {sig}"
        if sig in (signal.SIGKILL, signal.SIGABRT, signal.SIGSEGV, signal.SIGBUS):
            return (f"the reader was stopped by {name}: out of memory or CPU "
                    f"(limits --max-memory-mb {limits.max_memory_mb:g}, "
                    f"--max-cpu-seconds {limits.max_cpu_seconds:g})")
        return f"the reader was stopped by {name}"
    return f"the reader ended without a result (exit code {exitcode})"


def read_isolated(paths: Iterable[str], limits: ReadLimits = DEFAULT_LIMITS,
                  jobs: int = 1) -> Iterator[DocumentOutcome]:
    """Read every path in a worker process of its own, at most ``jobs`` at a time; yield the
    outcomes in the order of ``paths`` as soon as each and all before it are done.

    A worker past ``max_seconds`` of wall clock is killed and its document failed; a worker
    that dies (memory, CPU, a crash in C code) or cannot be started at all (``_start_reason``)
    fails its document only, and the next document tries again. A document's clock
    starts when its worker says it is ready (limits applied), so the one-time start of the
    forkserver on a busy machine is not charged to the first document.
    """
    if jobs < 1:
        raise ValueError(f"jobs must be at least 1, not {jobs}")
    ctx = _mp_context()
    pending = list(enumerate(paths))
    pending.reverse()
    running: dict[object, _Running] = {}
    done: dict[int, DocumentOutcome] = {}
    next_out = 0
    try:
        while pending or running:
            while pending and len(running) < jobs:
                index, path = pending.pop()
                requested = time.monotonic()
                try:
                    receiver, process = _start_retrying(ctx, path, limits, index)
                except Exception as exc:  # noqa: BLE001 - this document fails; the next one tries again
                    done[index] = DocumentOutcome(path, reason=_start_reason(exc),
                                                  seconds=time.monotonic() - requested)
                    continue
                running[receiver] = _Running(index, path, process, receiver, requested)
            if running:
                _wait_step(running, done, limits)
            while next_out in done:
                yield done.pop(next_out)
                next_out += 1
    finally:
        for job in running.values():
            _stop(job)


def _start_retrying(ctx, path: str, limits: ReadLimits, index: int):
    """``_start``, once more where it failed: a forkserver killed since the last worker (out of
    memory) is found dead, or still dying, only when a worker is asked of it; the second attempt
    starts a new one. Raises what the second attempt raised."""
    try:
        return _start(ctx, path, limits, index)
    except Exception:  # noqa: BLE001 - tried again below; its failure is the one reported
        time.sleep(0.2)  # a server that closed its socket may not be reapable yet
        return _start(ctx, path, limits, index)


def _start(ctx, path: str, limits: ReadLimits, index: int):
    """A worker started on ``path``: (the end of its pipe the parent reads, the process). Raises
    what starting raised, the pipe closed again."""
    receiver, sender = ctx.Pipe(duplex=False)
    process = ctx.Process(target=_worker_main, args=(sender, path, limits), daemon=True,
                          name=f"budgetkg-read-{index}")
    try:
        process.start()
    except BaseException:
        receiver.close()
        raise
    finally:
        sender.close()
    return receiver, process


def _start_reason(exc: BaseException) -> str:
    """Why a worker could not be started. ``EOFError`` (or a refused connection) means the
    forkserver that forks the workers ended before it answered: killed (out of memory), or ended
    while loading the readers by something worse than an exception (``kg.extract.preload`` keeps
    those); its own message, if any, is on stderr above. The next document starts a new server."""
    if isinstance(exc, (EOFError, ConnectionError, FileNotFoundError)):
        return (f"the reader could not be started: the process that starts the readers ended before "
                f"starting it ({_one_line(exc)})")
    return f"the reader could not be started ({_one_line(exc)})"


def _wait_step(running: dict[object, _Running], done: dict[int, DocumentOutcome], limits: ReadLimits) -> None:
    """Wait for the first message of a running worker or the first deadline, whichever comes
    first; move the workers that finished or overstayed from ``running`` to ``done``."""
    now = time.monotonic()
    deadline = min(job.deadline(limits) for job in running.values())
    for conn in wait(list(running), timeout=max(0.0, deadline - now)):
        job = running[conn]
        message = _receive(job)
        if message == _READY and job.started is None:
            job.started = time.monotonic()
            continue
        running.pop(conn)
        done[job.index] = _finish(job, message, limits)
    now = time.monotonic()
    for conn, job in list(running.items()):
        if now >= job.deadline(limits):
            running.pop(conn)
            _stop(job)
            if job.started is None:
                reason = f"the reader did not start within {START_ALLOWANCE:g} s"
            else:
                reason = limits.exceeded("max_seconds", f"took longer than {limits.max_seconds:g} s")
            done[job.index] = DocumentOutcome(job.path, reason=reason, seconds=now - job.requested)


def _receive(job: _Running):
    """The next message of a worker, or ``None`` when it ended without one (it died)."""
    try:
        return job.conn.recv()
    except (EOFError, OSError):
        return None


def _finish(job: _Running, message, limits: ReadLimits) -> DocumentOutcome:
    """The outcome of a worker that sent its result (or died), the worker reaped."""
    job.conn.close()
    job.process.join(5)
    if job.process.is_alive():
        _stop(job)
    if isinstance(message, DocumentOutcome):
        outcome = message
    else:
        outcome = DocumentOutcome(job.path, reason=_death_reason(job.process.exitcode, limits))
    outcome.seconds = time.monotonic() - (job.started or job.requested)
    return outcome


def _stop(job: _Running) -> None:
    """Kill a worker and reap it (no zombies left behind)."""
    try:
        job.process.kill()
    except (OSError, ValueError):
        pass
    job.process.join(5)
    try:
        job.conn.close()
    except OSError:
        pass


_END = object()


def read_ahead(paths: Iterable[str], limits: ReadLimits = DEFAULT_LIMITS, jobs: int = 1,
               depth: int | None = None) -> Iterator[DocumentOutcome]:
    """``read_isolated`` run by a thread of its own, at most ``depth`` outcomes (default
    ``2 * jobs``) ahead of the caller, in the same order.

    Why: ``read_isolated`` starts the next worker only when its caller asks for the next outcome,
    so a caller that writes each outcome to a store leaves the cores idle while it writes. Ahead,
    the workers keep reading while the caller writes; the bound keeps memory flat (a fast reader
    waits for a slow writer). Closing the iterator (or an exception in the caller) stops the
    thread, and with it every running worker.
    """
    depth = depth or 2 * jobs
    outcomes: queue.Queue = queue.Queue(maxsize=depth)
    stop = threading.Event()
    failure: list[BaseException] = []

    def put(item) -> bool:
        while not stop.is_set():
            try:
                outcomes.put(item, timeout=0.2)
                return True
            except queue.Full:
                continue
        return False

    def produce() -> None:
        reader = read_isolated(paths, limits, jobs)
        try:
            for outcome in reader:
                if not put(outcome):
                    break
        except BaseException as exc:  # noqa: BLE001 - handed to the caller, raised there
            failure.append(exc)
        finally:
            reader.close()
            put(_END)

    thread = threading.Thread(target=produce, name="budgetkg-read-ahead", daemon=True)
    thread.start()
    try:
        while True:
            item = outcomes.get()
            if item is _END:
                break
            yield item
        if failure:
            raise failure[0]
    finally:
        stop.set()
        thread.join()


__all__ = ["DocumentOutcome", "read_ahead", "read_document", "read_isolated"]

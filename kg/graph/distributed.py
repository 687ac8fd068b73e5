"""``budgetkg ingest --executor dask://HOST:PORT | dask-local``: reading and mapping as Dask tasks.

Why Dask: it is the engine researchers already run on their clusters, and a task is exactly the
unit ``kg.extract.worker`` defines — one document, read within its limits in a process of its
own — followed by its mapping to RDF. Each task writes its document's graph as an N-Quads shard
(``kg.graph.load.write_shard``) into a folder the cluster shares with this machine and hands back
the record and the shard's name; this process (the one writer) then makes every decision the
local ingest makes — unchanged files skipped, garbled or poorer versions refused, budgets of two
files combined — through the same ``kg.graph.ingest`` run, and bulk-loads the shards batch after
batch (``bulk_commit_documents``). Nothing here is a second ingest path: only the reader differs.

A store that already holds documents is written in transactions as usual (the records are
mapped again there; the shards serve the bulk loader only).
"""
from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from collections import deque
from typing import Callable, Iterable, Iterator

from kg.extract.limits import ReadLimits
from kg.extract.worker import DocumentOutcome, read_document, read_isolated
from kg.graph.ingest import Event, IngestOptions, IngestSummary, Tally, ingest_paths
from kg.graph.load import Shard, write_shard
from kg.store.base import Store

LOCAL = "dask-local"
SCHEME = "dask://"


def scheduler_address(executor: str) -> str | None:
    """``dask://HOST:PORT`` -> ``tcp://HOST:PORT``; ``dask-local`` -> None (a LocalCluster here);
    ValueError for anything else."""
    if executor == LOCAL:
        return None
    if executor.startswith(SCHEME):
        hostport = executor[len(SCHEME):]
        host, sep, port = hostport.rpartition(":")
        if sep and host and port.isdigit() and "/" not in hostport:
            return f"tcp://{hostport}"
    raise ValueError(f"unknown executor {executor!r} (use dask://HOST:PORT or {LOCAL})")


def read_and_map(path: str, content_hash: str, limits: ReadLimits, shard_dir: str) -> tuple[DocumentOutcome, Shard | None]:
    """The task: read one document in a worker process within ``limits`` (as the local ingest
    does), map its record and write the shard ``shard_dir/<hash>.nq``. Runs on a Dask worker."""
    import multiprocessing

    if multiprocessing.current_process().daemon:
        # a daemonic worker (Dask's default for nanny-started workers) may not start processes:
        # read here, with the checks of the file itself only. Start workers with
        # DASK_DISTRIBUTED__WORKER__DAEMON=False to keep each document in a process of its own.
        outcome = read_document(path, limits)
    else:
        (outcome,) = list(read_isolated([path], limits, 1))
    if outcome.record is None:
        return outcome, None
    name = hashlib.sha256(content_hash.encode("utf-8")).hexdigest()[:32] + ".nq"
    try:
        shard = write_shard(os.path.join(shard_dir, name), outcome.record)
    except Exception:  # noqa: BLE001 - a record the mapping refuses: the writer maps it again and says why
        return outcome, None
    return outcome, shard


def dask_reader(client, options: IngestOptions, shard_dir: str, in_flight: int | None = None):
    """A ``kg.graph.ingest.Reader`` submitting one task per file to ``client``, at most
    ``in_flight`` at once (memory stays flat however long the corpus), and yielding outcomes in
    the order of the files (the writer's decisions then do not depend on the cluster's timing)."""
    from distributed import wait

    slots = in_flight or max(2, 2 * sum(client.nthreads().values()))

    def read(paths: list[str], hashes: dict[str, str]) -> Iterator[tuple[DocumentOutcome, Shard | None]]:
        queue: deque = deque()
        todo = iter(paths)
        try:
            for path in todo:
                queue.append(client.submit(read_and_map, path, hashes[path], options.limits, shard_dir,
                                           key=f"budgetkg-read-{hashes[path]}-{len(queue)}-{os.getpid()}",
                                           pure=False))
                if len(queue) >= slots:
                    yield _result(queue.popleft(), wait)
            while queue:
                yield _result(queue.popleft(), wait)
        finally:
            for future in queue:
                future.cancel()
    return read


def _result(future, wait) -> tuple[DocumentOutcome, Shard | None]:
    wait([future])
    try:
        return future.result()
    finally:
        future.release()


def ingest_distributed(store: Store, paths: Iterable[str], executor: str, options: IngestOptions = IngestOptions(),
                       report: Callable[[Event], None] = lambda event: None,
                       progress: Callable[[Tally], None] = lambda tally: None,
                       shard_dir: str | None = None, local_workers: int = 2,
                       local_processes: bool = True) -> IngestSummary:
    """``ingest_paths`` with the documents read and mapped as tasks on a Dask cluster:
    ``dask://HOST:PORT`` (its scheduler) or ``dask-local`` (a LocalCluster of ``local_workers``
    started and stopped here). Shards go to ``shard_dir`` (it must be visible to the workers and
    to this process), else to a temporary folder removed at the end."""
    from distributed import Client, LocalCluster

    address = scheduler_address(executor)
    own_dir = shard_dir is None
    shard_dir = shard_dir or tempfile.mkdtemp(prefix="budgetkg-shards-")
    os.makedirs(shard_dir, exist_ok=True)
    cluster = None
    try:
        if address is None:
            import dask

            # non-daemonic workers may start the per-document reader processes
            dask.config.set({"distributed.worker.daemon": False})
            # loopback only (processes), or in-process communication (threads)
            where = {"host": "127.0.0.1"} if local_processes else {}
            cluster = LocalCluster(n_workers=local_workers, threads_per_worker=1, processes=local_processes,
                                   dashboard_address=None, **where)
            client = Client(cluster)
        else:
            try:
                client = Client(address, timeout=30)
            except (OSError, TimeoutError) as exc:
                raise ValueError(f"cannot reach the Dask scheduler at {address}: {exc}") from exc
        try:
            return ingest_paths(store, paths, options, report, progress,
                                reader=dask_reader(client, options, shard_dir))
        finally:
            client.close()
    finally:
        if cluster is not None:
            cluster.close()
        if own_dir:
            shutil.rmtree(shard_dir, ignore_errors=True)


__all__ = ["LOCAL", "ingest_distributed", "read_and_map", "scheduler_address"]

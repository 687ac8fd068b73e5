"""``web.admission.FairGate`` with real threads: only a client over its share is refused, and a
freed worker goes to the client served least recently."""
from __future__ import annotations

import threading

import pytest

from web.admission import AdmissionRefused, FairGate


def hold(gate: FairGate, client: str, release: threading.Event, log: list, started: threading.Event | None = None):
    """A request of ``client`` that, once running, stays until ``release``; logs how it ended."""
    def run() -> None:
        try:
            with gate.admit(client):
                log.append((client, "ran"))
                if started is not None:
                    started.set()
                release.wait(30)
        except AdmissionRefused as exc:
            log.append((client, exc.kind))
    t = threading.Thread(target=run, daemon=True)
    t.start()
    return t


def wait_for(predicate, seconds: float = 10.0) -> None:
    done = threading.Event()
    for _ in range(int(seconds / 0.01)):
        if predicate():
            return
        done.wait(0.01)
    raise AssertionError("condition not reached")


def test_per_client_limit_and_eviction_of_the_heaviest_client():
    gate = FairGate(slots=1, queue=1, per_client=2, max_wait=30, retry_after=3)
    release_a, release_b, log = threading.Event(), threading.Event(), []
    running = threading.Event()
    a1 = hold(gate, "A", release_a, log, running)
    running.wait(10)
    a2 = hold(gate, "A", release_a, log)  # A waits for the slot: both places are A's
    wait_for(lambda: gate.held("A") == 2)
    with pytest.raises(AdmissionRefused) as exc:  # A's third request: over its share
        with gate.admit("A"):
            pass
    assert exc.value.kind == "too-many-queries" and exc.value.retry_after == 3
    b = hold(gate, "B", release_b, log)  # B, a newcomer, takes A's waiting place
    wait_for(lambda: ("A", "over-share") in log)
    release_a.set()  # A's running query ends: the slot goes to B, not to anyone of A's
    wait_for(lambda: ("B", "ran") in log)
    release_b.set()
    for t in (a1, a2, b):
        t.join(10)
    assert sorted(log) == [("A", "over-share"), ("A", "ran"), ("B", "ran")]


def test_freed_slot_goes_to_the_client_served_least_recently():
    gate = FairGate(slots=1, queue=3, per_client=3, max_wait=30)
    release, log = [threading.Event() for _ in range(4)], []
    first = threading.Event()
    threads = [hold(gate, "A", release[0], log, first)]
    first.wait(10)
    threads += [hold(gate, "A", release[1], log), hold(gate, "A", release[2], log)]
    wait_for(lambda: gate.held("A") == 3)
    threads.append(hold(gate, "B", release[3], log))  # B arrives last …
    wait_for(lambda: gate.held("B") == 1)
    release[0].set()
    wait_for(lambda: len([x for x in log if x[1] == "ran"]) == 2)
    assert log[1] == ("B", "ran")  # … and runs next: A was served, B never
    for r in release:
        r.set()
    for t in threads:
        t.join(10)
    assert [x[1] for x in log].count("ran") == 4

"""Fair admission to the public SPARQL endpoint's workers: nobody's expensive queries crowd out
everybody else.

Why: the endpoint runs any query a caller writes, up to the time limit. Eight clients sending
expensive queries used to take every query worker *and* every server thread, so pages, the question
API and even static files waited or failed with 503. Now:

- the endpoint has its own workers (``SPARQL_WORKERS``); pages and the JSON API use others and never
  wait for these;
- at most ``slots + queue`` endpoint requests are admitted (running or waiting); the server has
  that many threads more than the pages need (``budgetkg serve``), so waiting SPARQL requests can
  never hold every thread;
- one client (remote address) holds at most ``per_client`` of those places; its next request is
  refused at once with 503 and ``Retry-After``;
- when the places are full, a newcomer holding fewer places than the heaviest client takes that
  client's most recent *waiting* place (which is answered 503): only a client over its fair share is
  ever refused;
- a freed worker goes to the waiting request whose client has the fewest running queries, then
  to the client served least recently (a newcomer first), then the oldest: every client's queries
  make progress, and a client that keeps the queue full cannot keep a newcomer waiting behind it.
"""
from __future__ import annotations

import itertools
import math
import threading
import time
from collections import OrderedDict
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Iterator


class AdmissionRefused(Exception):
    """503 for this client: ``kind`` says why, ``retry_after`` how many seconds to wait."""

    def __init__(self, kind: str, message: str, retry_after: int) -> None:
        super().__init__(message)
        self.kind = kind
        self.message = message
        self.retry_after = retry_after


@dataclass(eq=False)
class _Ticket:
    client: str
    seq: int
    granted: bool = False
    evicted: bool = False


@dataclass
class FairGate:
    """``slots`` requests run at once, ``queue`` more wait at most ``max_wait`` seconds each; one
    client holds at most ``per_client`` places (running or waiting)."""

    slots: int
    queue: int
    per_client: int
    max_wait: float
    retry_after: int = 5
    _cond: threading.Condition = field(default_factory=threading.Condition, repr=False)
    _running: dict[str, int] = field(default_factory=dict, repr=False)
    _waiting: list[_Ticket] = field(default_factory=list, repr=False)
    _seq: Iterator[int] = field(default_factory=itertools.count, repr=False)
    _served: OrderedDict[str, int] = field(default_factory=OrderedDict, repr=False)  # client → last grant
    REMEMBERED_CLIENTS = 4096

    def __post_init__(self) -> None:
        if self.slots < 1 or self.queue < 0 or self.per_client < 1:
            raise ValueError(f"FairGate needs slots ≥ 1, queue ≥ 0, per_client ≥ 1: {self!r}")

    @property
    def capacity(self) -> int:
        """Requests admitted at most (running + waiting): threads they may hold."""
        return self.slots + self.queue

    def held(self, client: str) -> int:
        return self._running.get(client, 0) + sum(1 for t in self._waiting if t.client == client)

    def _refuse(self, kind: str, message: str) -> AdmissionRefused:
        return AdmissionRefused(kind, message, self.retry_after)

    @contextmanager
    def admit(self, client: str) -> Iterator[None]:
        """Hold one running place for ``client`` for the ``with`` block, or raise
        :class:`AdmissionRefused`."""
        ticket = self._enter(client)
        try:
            yield
        finally:
            with self._cond:
                self._running[ticket.client] -= 1
                if not self._running[ticket.client]:
                    del self._running[ticket.client]
                self._grant()

    def _enter(self, client: str) -> _Ticket:
        with self._cond:
            mine = self.held(client)
            if mine >= self.per_client:
                raise self._refuse("too-many-queries",
                                   f"此客户端已有 {mine} 个查询在进行，请等待其完成 (this client already has "
                                   f"{mine} queries running or waiting; at most {self.per_client})")
            ticket = _Ticket(client, next(self._seq))
            if sum(self._running.values()) + len(self._waiting) >= self.capacity:
                victim = self._heaviest_waiting(mine)
                if victim is None:
                    raise self._refuse("busy", "查询繁忙，所有名额都被占用，请稍后再试 (every query place is "
                                               "held by clients with no more than your share)")
                self._waiting.remove(victim)
                victim.evicted = True
            self._waiting.append(ticket)
            self._grant()
            deadline = time.monotonic() + self.max_wait
            while not ticket.granted and not ticket.evicted:
                left = deadline - time.monotonic()
                if left <= 0:
                    self._waiting.remove(ticket)
                    self._grant()
                    raise self._refuse("busy", f"等待查询名额超过 {self.max_wait:g} 秒 "
                                               f"(waited {self.max_wait:g} s for a query worker)")
                self._cond.wait(left)
            if ticket.evicted:
                raise self._refuse("over-share", "其他客户端在等待，本客户端的查询超过了公平份额 "
                                                 "(other clients are waiting and this client holds more "
                                                 "than its share)")
            return ticket

    def _heaviest_waiting(self, mine: int) -> _Ticket | None:
        """The newest waiting ticket of the client holding the most places, if that client holds
        at least two more than the newcomer (evicting then moves towards equal shares)."""
        waiting_clients = {t.client for t in self._waiting}
        if not waiting_clients:
            return None
        heaviest = max(waiting_clients, key=self.held)
        if self.held(heaviest) < mine + 2:
            return None
        return max((t for t in self._waiting if t.client == heaviest), key=lambda t: t.seq)

    def _grant(self) -> None:
        """Give free slots to waiting tickets: fewest running queries of their client first, then
        the oldest. Called with the lock held after every change."""
        while self._waiting and sum(self._running.values()) < self.slots:
            best = min(self._waiting, key=lambda t: (self._running.get(t.client, 0),
                                                     self._served.get(t.client, -1), t.seq))
            self._waiting.remove(best)
            best.granted = True
            self._running[best.client] = self._running.get(best.client, 0) + 1
            self._served[best.client] = best.seq
            self._served.move_to_end(best.client)
            while len(self._served) > self.REMEMBERED_CLIENTS:
                self._served.popitem(last=False)
        self._cond.notify_all()  # granted and evicted tickets alike wake up


def retry_after_seconds(timeout: float) -> int:
    """A worker frees at the latest when its query hits the time limit."""
    return max(1, math.ceil(timeout))

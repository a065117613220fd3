"""What the renewing providers (online, onsite) share: a cached grant, renewed once for every
thread and task waiting. A module of its own, so that a plain session never imports asyncio."""

from __future__ import annotations

import asyncio
import threading
import time
from dataclasses import dataclass

from .credentials import Credential
from .errors import copied


@dataclass
class Grant:
    credential: Credential
    obtained: float  # time.monotonic()
    expires: float  # renew before this monotonic time
    last_used: float = 0.0


class _Renewal:
    """A renewal in flight: threads wait on ``done``; tasks of the loop running it await
    ``future``, tasks of another loop wait for ``done`` in a worker thread."""

    def __init__(self, loop: asyncio.AbstractEventLoop | None) -> None:
        self.done = threading.Event()
        self.loop = loop
        self.future: asyncio.Future[None] | None = loop.create_future() if loop else None
        self.thread = threading.get_ident()
        self.error: BaseException | None = None


class Renewing:
    """The base of renewing providers: a subclass gives ``_fetch``/``_afetch`` (a new Grant).

    Caches a grant; one renewal at a time for every thread and task. No lock is held while
    the login is called, so a sync caller in an event loop's thread cannot deadlock with a task
    of that loop (it renews by itself instead of waiting for its own thread)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._grant: Grant | None = None
        self._stale = False
        self._renewal: _Renewal | None = None

    def _fetch(self) -> Grant:
        raise NotImplementedError

    async def _afetch(self) -> Grant:
        raise NotImplementedError

    def _fresh(self, grant: Grant, now: float) -> bool:
        return now < grant.expires

    def _usable(self) -> Credential | None:  # under self._lock
        now = time.monotonic()
        grant = self._grant
        if grant is None or self._stale or not self._fresh(grant, now):
            return None
        grant.last_used = now
        return grant.credential

    def _finish(self, mine: _Renewal, grant: Grant | None, error: BaseException | None) -> None:
        with self._lock:
            if grant is not None:
                grant.last_used = grant.obtained
                self._grant, self._stale = grant, False
            if self._renewal is mine:
                self._renewal = None
        mine.error = error
        mine.done.set()
        if mine.future is not None and not mine.future.done():
            mine.future.set_result(None)

    def current(self) -> Credential:
        while True:
            with self._lock:
                found = self._usable()
                if found is not None:
                    return found
                waiting = self._renewal
                if waiting is None or waiting.thread == threading.get_ident():
                    mine = _Renewal(None)
                    if waiting is None:
                        self._renewal = mine
                    break
            waiting.done.wait()
            if waiting.error is not None:
                raise copied(waiting.error)
        try:
            grant = self._fetch()
        except BaseException as error:
            self._finish(mine, None, copied(error))  # as it was, before this caller's call names it
            raise
        self._finish(mine, grant, None)
        return grant.credential

    async def acurrent(self) -> Credential:
        loop = asyncio.get_running_loop()
        while True:
            with self._lock:
                found = self._usable()
                if found is not None:
                    return found
                waiting = self._renewal
                if waiting is None:
                    mine = self._renewal = _Renewal(loop)
                    break
            if waiting.future is not None and waiting.loop is loop:
                await asyncio.shield(waiting.future)
            else:
                await asyncio.to_thread(waiting.done.wait)
            if waiting.error is not None:
                raise copied(waiting.error)
        try:
            grant = await self._afetch()
        except BaseException as error:
            self._finish(mine, None, copied(error))  # as it was, before this caller's call names it
            raise
        self._finish(mine, grant, None)
        return grant.credential

    def rejected(self, used: Credential) -> None:
        with self._lock:
            grant = self._grant
            if grant is not None and _same(grant.credential, used):
                self._stale = True  # else another caller renewed since ``used`` was handed out

    async def arejected(self, used: Credential) -> None:
        self.rejected(used)


def _same(a: Credential, b: Credential) -> bool:
    return (a.ticket, a.bearer) == (b.ticket, b.bearer)

"""Worker processes that never outlive the run that started them.

Every process pool of a run (reading pages, building versions, formatting, compiling the
output) comes from :func:`worker_pool` or :func:`new_pool`. Their workers:

- die with their parent, however it ends (SIGKILL, the OOM killer): on Linux the kernel
  kills them (``PR_SET_PDEATHSIG``), and everywhere a thread of theirs waits on the pipe that
  multiprocessing gives each child of a living parent (its "parent sentinel") and exits when
  it reaches end of file. The pipe also covers a parent that died before the worker asked
  for the signal, and a worker forked by a fork server (whose parent is the server);
- ignore Ctrl-C: a terminal sends SIGINT to the whole process group, and the parent alone
  handles it, stopping the workers (:func:`stop`) instead of waiting for their work.

``PR_SET_PDEATHSIG`` fires when the *thread* that forked the worker ends: a pool must be used
by the thread that made it, for as long as it is open (as every pool here is).
"""

from __future__ import annotations

import ctypes
import multiprocessing
import multiprocessing.connection
import os
import signal
import sys
import threading
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from multiprocessing.context import BaseContext

_PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>


@contextmanager
def worker_pool(max_workers: int, mp_context: BaseContext | None = None) -> Iterator[ProcessPoolExecutor]:
    """A process pool for a ``with`` block: shut down normally at its end, stopped at once
    (:func:`stop`) when the block ends by an exception or an interrupt."""
    pool = new_pool(max_workers, mp_context)
    try:
        yield pool
    except BaseException:
        stop(pool)
        raise
    pool.shutdown(wait=True)


def new_pool(max_workers: int, mp_context: BaseContext | None = None) -> ProcessPoolExecutor:
    """A process pool whose workers die with this process and ignore Ctrl-C."""
    return ProcessPoolExecutor(max_workers=max_workers, mp_context=mp_context, initializer=_start_worker)


def stop(pool: ProcessPoolExecutor) -> None:
    """Cancel the work not started and kill the workers: after an error or an interrupt
    nothing they would return is wanted, and a version's build can take many seconds."""
    # no public way to reach the workers before Python 3.14's terminate_workers()
    workers = list((getattr(pool, "_processes", None) or {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    for worker in workers:
        worker.kill()
    for worker in workers:
        worker.join()


def _start_worker() -> None:
    """A worker's first step (the pool's initializer)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if sys.platform == "linux":
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    parent = multiprocessing.parent_process()
    sentinel = parent.sentinel if parent is not None else None
    if sentinel is not None:
        threading.Thread(target=_exit_with_parent, args=(sentinel,), name="codegen-parent-watch", daemon=True).start()


def _exit_with_parent(sentinel: int) -> None:
    multiprocessing.connection.wait([sentinel])  # returns once the parent's end is closed
    os._exit(1)


__all__ = ["new_pool", "stop", "worker_pool"]

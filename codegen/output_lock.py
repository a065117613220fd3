"""The output's lock: one writer at a time per parent folder, free the moment its owner dies.

The lock is an ``flock`` on the output's parent folder. The kernel drops it when the last
descriptor of it closes, so the descriptor is closed in every child forked while it is held
(``os.register_at_fork``): the workers of a run never keep it, and a run killed with SIGKILL
(the OOM killer, ``kill -9``) frees it at once, whatever its workers do meanwhile
(codegen.processes makes them die too).

While a run holds the lock, a record beside the output (``.<name>.codegen-lock``) names it
(its process id); the run removes the record before letting go. A run that gets the lock and
finds a record knows that the run before it died holding the lock: it takes the lock over,
says so (:attr:`Lock.taken_over`), and the output's recovery cleans up what that run left.
A run refused the lock is told which process holds it, where the record says.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

RECORD_GENERATOR = "superoffice-codegen"

_held: set[int] = set()  # the descriptors holding a lock in this process


def _close_held_locks() -> None:
    # closing a forked copy leaves the parent's lock in place: it drops when the parent's closes
    for fd in _held:
        try:
            os.close(fd)
        except OSError:
            pass
    _held.clear()


if hasattr(os, "register_at_fork"):  # not on Windows, where there is no flock either
    os.register_at_fork(after_in_child=_close_held_locks)


class LockBusy(Exception):
    """Another process holds the lock; ``owner`` is its process id where its record says."""

    def __init__(self, folder: Path, owner: int | None) -> None:
        super().__init__(folder, owner)
        self.folder = folder
        self.owner = owner


@dataclass
class Lock:
    taken_over: str = ""  # a message where the run before died holding the lock, else ""


def record_path(out: Path) -> Path:
    return out.with_name(f".{out.name}.codegen-lock")


@contextmanager
def locked(out: Path) -> Iterator[Lock]:
    """Hold the lock of ``out``'s parent folder for the block (:class:`LockBusy` if another
    process holds it), with this run's record beside ``out``."""
    if sys.platform == "win32":
        yield Lock()
        return
    import fcntl

    folder = out.parent
    record = record_path(out)
    fd = os.open(folder, os.O_RDONLY)
    _held.add(fd)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise LockBusy(folder, _owner(record)) from None
        lock = Lock(_taken_over(record, folder))
        _write_record(record)
        try:
            yield lock
        finally:
            record.unlink(missing_ok=True)  # before the lock goes: a record always names its holder
    finally:
        _held.discard(fd)
        os.close(fd)  # closing releases the lock


def _write_record(record: Path) -> None:
    record.unlink(missing_ok=True)  # a dead run's, or anything else there: never written through
    fd = os.open(record, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o644)
    with open(fd, "w", encoding="utf-8") as stream:
        stream.write(json.dumps({"generator": RECORD_GENERATOR, "pid": os.getpid()}) + "\n")


def _owner(record: Path) -> int | None:
    """The process id a record names, if it is a readable record of ours."""
    try:
        document = json.loads(record.read_bytes())
    except (OSError, ValueError):
        return None
    if not isinstance(document, dict) or document.get("generator") != RECORD_GENERATOR:
        return None
    pid = document.get("pid")
    return pid if isinstance(pid, int) and not isinstance(pid, bool) and pid > 0 else None


def _taken_over(record: Path, folder: Path) -> str:
    """The message for a record left by a run that died holding the lock, or ""."""
    if not record.exists() and not record.is_symlink():
        return ""
    owner = _owner(record)
    who = f"the codegen run with process id {owner}" if owner is not None else "a codegen run"
    return f"{who} ended without releasing its lock on {folder} (it was killed); the lock is taken over and what it left is cleaned up"


__all__ = ["Lock", "LockBusy", "locked", "record_path"]

"""A content-addressed cache of the generator's expensive steps, so that a run after a one-page
change redoes only what depends on that page, and a run with no change does almost nothing.

Every key is a hash of everything the cached value depends on: the bytes of the pages, the
generator's own code and templates (``generator_fingerprint``), black's version and the
settings. So a hit is always the value a clean run would compute, and a cache can be deleted at
any time. Storage is one SQLite file (transactions make a run killed mid-write harmless; a
corrupt or foreign file is set aside and rebuilt, never trusted).

The cache file sits beside the docs, where a pull request can plant one. So every entry carries
an HMAC-SHA256 of its kind, key and value under a key that only this machine's user holds,
outside any repository (``cache_key_file``); an entry that fails the check is deleted unread,
before anything unpickles it, and counted in ``rejected`` for the run to report. Values that
pass are also checked for their type by the code that asks for them.
"""

from __future__ import annotations

import hashlib
import hmac
import importlib.metadata
import io
import os
import pickle
import re
import secrets
import sqlite3
import sys
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple, Protocol, TypeVar

from . import __version__
from .model import Diagnostic

CACHE_FILE = "codegen-cache.sqlite3"
SCHEMA_VERSION = 2  # 2: entries carry their HMAC
KEY_FILE_VARIABLE = "CODEGEN_CACHE_KEY_FILE"
_MAC_SIZE = 32

T = TypeVar("T")


class Memo(Protocol):
    """memo(kind, key, compute): compute() or a value computed before for the same key (the
    pipeline's cache). The key names everything the value depends on."""

    def __call__(self, kind: str, key: str, compute: Callable[[], T], /) -> T: ...


def no_memo(kind: str, key: str, compute: Callable[[], T], /) -> T:
    return compute()


def digest(*values: object) -> str:
    """A key for values of the model: the hash of their pickle, made without the pickle's memo
    so that equal values give equal bytes whichever objects they share (a value read from the
    cache shares fewer than a fresh one). The model is a tree: no cycle needs the memo."""
    stream = io.BytesIO()
    pickler = pickle.Pickler(stream, protocol=pickle.HIGHEST_PROTOCOL)
    pickler.fast = True
    pickler.dump(values)
    return hashlib.sha256(stream.getbuffer()).hexdigest()


@lru_cache(maxsize=1)
def generator_fingerprint() -> str:
    """The generator as it is now: the code of the pipeline (the modules pipeline.py imports,
    transitively, not the command line or lint), the templates, black's version and Python's."""
    black_version = importlib.metadata.version("black")
    digest = hashlib.sha256(f"{__version__}|{black_version}|{sys.version_info[:2]}|{SCHEMA_VERSION}".encode())
    here = Path(__file__).resolve().parent
    for path in _pipeline_modules(here):
        digest.update(path.relative_to(here).as_posix().encode())
        digest.update(path.read_bytes())
    from .render import TEMPLATES  # the templates may live beside the package or inside it

    for path in sorted(TEMPLATES.rglob("*")):
        if path.is_file() and path.suffix in (".py", ".jinja") and "__pycache__" not in path.parts:
            digest.update(path.relative_to(TEMPLATES).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


# a relative import: "from .x import a, b", "from .. import x", "from .x import (\n a,\n b\n)"
_RELATIVE_IMPORT = re.compile(r"^[ \t]*from[ \t]+(\.+)([\w.]*)[ \t]+import[ \t]+(\([^)]*\)|[^\n]*)", re.M)


def _pipeline_modules(package: Path) -> list[Path]:
    """codegen/pipeline.py and the codegen modules it imports, directly or not (read with a
    pattern: parsing them all took a tenth of a no-change run)."""
    seen: set[Path] = set()
    todo = [package / "pipeline.py"]
    while todo:
        path = todo.pop()
        if path in seen or not path.is_file():
            continue
        seen.add(path)
        for dots, module, names in _RELATIVE_IMPORT.findall(path.read_text(encoding="utf-8")):
            base = path.parent
            for _ in range(len(dots) - 1):
                base = base.parent
            listed = re.sub(r"#[^\n]*", "", names).strip("()").replace("\n", " ")  # comments out
            aliases = [name.split()[0] for name in listed.split(",") if name.strip()]
            target = base.joinpath(*module.split(".")) if module else base
            todo.append(target.with_suffix(".py") if module else target / "__init__.py")
            if target.is_dir():
                todo.append(target / "__init__.py")
                todo.extend(target / f"{alias}.py" for alias in aliases)
            elif not module:
                todo.extend(base / f"{alias}.py" for alias in aliases)
    return sorted(seen)


def key(*parts: str | bytes) -> str:
    digest = hashlib.sha256()
    for part in parts:
        data = part.encode() if isinstance(part, str) else part
        digest.update(len(data).to_bytes(8, "big"))
        digest.update(data)
    return digest.hexdigest()


def cache_key_file() -> Path:
    """Where this user's cache key lives: ``$CODEGEN_CACHE_KEY_FILE``, or
    ``$XDG_CONFIG_HOME/superoffice-codegen/cache.key`` (``~/.config`` by default): outside any
    docs folder or repository, so that no pull request can hold it."""
    given = os.environ.get(KEY_FILE_VARIABLE)
    if given:
        return Path(given)
    config = os.environ.get("XDG_CONFIG_HOME") or os.path.join(os.path.expanduser("~"), ".config")
    return Path(config) / "superoffice-codegen" / "cache.key"


def machine_key(path: Path | None = None) -> bytes | None:
    """The key that authenticates cache entries, made on first use (32 random bytes, a file
    only its owner can read); None when it can neither be read nor made."""
    path = path or cache_key_file()
    try:
        data = path.read_bytes()
        if len(data) >= _MAC_SIZE:
            return data
    except OSError:
        pass
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        made = secrets.token_bytes(_MAC_SIZE)
        # O_EXCL: a process that made it at the same moment wins, and both use its key
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "wb") as stream:
            stream.write(made)
        return made
    except FileExistsError:
        try:
            data = path.read_bytes()
        except OSError:
            return None
        return data if len(data) >= _MAC_SIZE else None
    except OSError:
        return None


class CacheUse(NamedTuple):
    used: frozenset[tuple[str, str]]
    hits: int
    misses: int
    rejected: int


class Cache:
    """Values by (kind, key). ``Cache(None)`` keeps them for this run only, and so does a cache
    whose key cannot be had (``unkeyed`` then says so)."""

    def __init__(self, folder: Path | None, secret: bytes | None = None) -> None:
        self.folder = folder
        self.memory: dict[tuple[str, str], bytes] = {}
        self.objects: dict[tuple[str, str], object] = {}  # this run's values, never unpickled twice
        self.used: set[tuple[str, str]] = set()  # what this run read or wrote: what pruning keeps
        self.hits = self.misses = 0
        self.rejected = 0  # entries that failed their check: planted, or from another machine
        self.unkeyed = False
        self.db: sqlite3.Connection | None = None
        if folder is not None:
            self.secret = secret or machine_key()
            if self.secret is None:
                self.unkeyed = True
            else:
                self.db = self._open(folder)

    def _mac(self, kind: str, name: str, value: bytes) -> bytes:
        return hmac.new(self.secret or b"", key(kind, name, value).encode(), hashlib.sha256).digest()

    def _checked(self, kind: str, name: str, stored: object) -> bytes | None:
        """The value of a stored entry whose HMAC holds; else the entry is deleted, unread."""
        if isinstance(stored, bytes) and len(stored) >= _MAC_SIZE:
            mac, value = stored[:_MAC_SIZE], stored[_MAC_SIZE:]
            if hmac.compare_digest(mac, self._mac(kind, name, value)):
                return value
        self.rejected += 1
        if self.db is not None:
            try:
                self.db.execute("DELETE FROM entries WHERE kind = ? AND key = ?", (kind, name))
            except sqlite3.DatabaseError:
                pass
        return None

    def _store(self, kind: str, name: str, value: bytes) -> None:
        if self.db is not None:
            try:
                stored = self._mac(kind, name, value) + value
                self.db.execute("INSERT OR REPLACE INTO entries VALUES (?, ?, ?)", (kind, name, stored))
            except sqlite3.DatabaseError:
                pass  # a cache that cannot be written only costs time

    def _open(self, folder: Path) -> sqlite3.Connection | None:
        try:
            folder.mkdir(parents=True, exist_ok=True)
            gitignore = folder / ".gitignore"
            if not gitignore.exists():
                gitignore.write_text("# the generator's cache: safe to delete\n*\n", encoding="utf-8")
            path = folder / CACHE_FILE
            db = self._connect(path)
            if db is None:
                path.replace(path.with_suffix(".corrupt"))  # keep it for a post-mortem, start afresh
                db = self._connect(path)
            return db
        except OSError:
            return None  # an unwritable cache folder only costs time

    @staticmethod
    def _connect(path: Path) -> sqlite3.Connection | None:
        try:
            db = sqlite3.connect(path, timeout=30, isolation_level=None)
            db.execute("PRAGMA journal_mode=WAL")
            # no sync per write: a power cut may lose the last entries, never the file's
            # consistency (WAL), and a lost entry is only recomputed
            db.execute("PRAGMA synchronous=NORMAL")
            db.execute("CREATE TABLE IF NOT EXISTS entries (kind TEXT, key TEXT, value BLOB, PRIMARY KEY (kind, key))")
            db.execute("SELECT count(*) FROM entries").fetchone()
            return db
        except sqlite3.DatabaseError:
            return None

    @property
    def persistent(self) -> bool:
        """Whether values outlive the run (there is a cache file)."""
        return self.db is not None

    def get(self, kind: str, name: str) -> bytes | None:
        value = self.memory.get((kind, name))
        if value is None and self.db is not None:
            try:
                row = self.db.execute("SELECT value FROM entries WHERE kind = ? AND key = ?", (kind, name)).fetchone()
            except sqlite3.DatabaseError:
                row = None
            value = self._checked(kind, name, row[0]) if row else None
        if value is None:
            self.misses += 1
        else:
            self.hits += 1
            self.used.add((kind, name))
        return value

    def put(self, kind: str, name: str, value: bytes) -> None:
        self.memory[(kind, name)] = value
        self.used.add((kind, name))
        self._store(kind, name, value)

    def has(self, kind: str, name: str) -> bool:
        """Whether there is a value, without reading it."""
        if (kind, name) in self.objects or (kind, name) in self.memory:
            return True
        if self.db is None:
            return False
        try:
            row = self.db.execute("SELECT 1 FROM entries WHERE kind = ? AND key = ?", (kind, name)).fetchone()
        except sqlite3.DatabaseError:
            return False
        return row is not None

    def get_object(self, kind: str, name: str) -> object | None:
        found = self.objects.get((kind, name))
        if found is not None:
            self.hits += 1
            self.used.add((kind, name))
            return found
        data = self.get(kind, name)
        if data is None:
            return None
        try:
            value: object = pickle.loads(data)  # only what this user's generator wrote (its HMAC held)
        except Exception:  # written by another version of a class: recompute
            return None
        self.objects[(kind, name)] = value
        return value

    def put_object(self, kind: str, name: str, value: object) -> None:
        """Keep ``value`` for this run, and pickled in the cache file where there is one (a
        run without a cache folder never pickles)."""
        self.objects[(kind, name)] = value
        self.used.add((kind, name))
        if self.db is not None:
            self._store(kind, name, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))

    def use(self) -> CacheUse:
        """What this run read and wrote, for the process that runs the whole (``adopt``)."""
        return CacheUse(frozenset(self.used), self.hits, self.misses, self.rejected)

    def adopt(self, use: CacheUse) -> None:
        """Count another process's use of the cache file as this run's."""
        self.used |= use.used
        self.hits += use.hits
        self.misses += use.misses
        self.rejected += use.rejected

    def remember(self, kind: str, name: str, value: object) -> None:
        """Keep for this run a value that another process has put in the cache file."""
        self.objects[(kind, name)] = value
        self.used.add((kind, name))

    def prune(self) -> None:
        """Forget every entry this run did not use, so that the cache holds one generation's
        worth (a new generator or new pages would otherwise pile up beside the old)."""
        if self.db is None:
            return
        try:
            rows = self.db.execute("SELECT kind, key FROM entries").fetchall()
            stale = [row for row in rows if (row[0], row[1]) not in self.used]
            self.db.executemany("DELETE FROM entries WHERE kind = ? AND key = ?", stale)
        except sqlite3.DatabaseError:
            pass

    def close(self) -> None:
        if self.db is not None:
            self.db.close()
            self.db = None


def cache_diagnostics(cache: Cache) -> list[Diagnostic]:
    """What a run says about its cache: entries that failed their check (C001), or no key to
    check them with (C002)."""
    if cache.folder is None:
        return []
    where = str(cache.folder / CACHE_FILE)
    if cache.unkeyed:
        message = f"no cache key could be read or made at {cache_key_file()}: the cache was not used"
        return [Diagnostic(where, 1, "C002", "warning", message)]
    if cache.rejected:
        entries = "entry" if cache.rejected == 1 else "entries"
        message = (
            f"{cache.rejected} cache {entries} failed the check against this user's key (planted, "
            "or copied from another machine): deleted unread and computed afresh"
        )
        return [Diagnostic(where, 1, "C001", "warning", message)]
    return []

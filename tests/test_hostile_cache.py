"""A cache file planted beside the docs (a pull request can force-add one) runs nothing and
reaches no generated file: every entry must carry the HMAC of this user's key, kept outside
any repository; one that does not is deleted unread, reported (C001) and computed afresh."""

from __future__ import annotations

import os
import pickle
import sqlite3
import stat
from pathlib import Path

import pytest

from codegen.cache import CACHE_FILE, Cache, machine_key
from codegen.pipeline import Settings, build_output
from conftest import require_corpus
from test_determinism import small_docs


class RunsCode:
    """A pickle that, unpickled, writes ``marker``: what a planted entry would do."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[object, tuple[str]]:
        return (exec, (f"open({str(self.marker)!r}, 'w').write('ran')",))


def plant(cache: Path, marker: Path) -> int:
    """Replace every entry of a real cache with code: the worst case, an attacker who knows
    every key (they are hashes of public things) but not this user's secret. Formatted file
    contents become a module that runs code on import."""
    payload = pickle.dumps(RunsCode(marker))
    injected = f"import os\nopen({str(marker)!r}, 'w').write('PLANTED-ON-IMPORT')\n".encode()
    with sqlite3.connect(cache / CACHE_FILE) as db:
        rows = db.execute("SELECT kind, key FROM entries").fetchall()
        for kind, name in rows:
            value = injected if kind == "formatted" else payload
            db.execute("UPDATE entries SET value = ? WHERE kind = ? AND key = ?", (value, kind, name))
    return len(rows)


def test_a_planted_cache_runs_nothing_and_is_discarded(tmp_path: Path) -> None:
    docs = small_docs(require_corpus(), tmp_path / "docs")
    clean = build_output(Settings(docs=docs, out=tmp_path / "out", cache=None)).files
    cache = tmp_path / "cache"
    settings = Settings(docs=docs, out=tmp_path / "out", cache=cache)
    build_output(settings)
    marker = tmp_path / "ran"
    planted = plant(cache, marker)
    assert planted > 20

    again = build_output(settings)
    assert not marker.exists()  # nothing was unpickled
    assert again.files == clean  # nothing planted reached a file
    assert b"PLANTED-ON-IMPORT" not in b"".join(again.files.values())
    [news] = [d for d in again.diagnostics if d.code == "C001"]
    assert news.severity == "warning" and news.path == str(cache / CACHE_FILE)
    assert "failed the check" in news.message
    third = build_output(settings)  # the planted entries are gone, the cache good again
    assert not [d for d in third.diagnostics if d.code == "C001"] and third.cache_misses == 0
    assert third.files == clean


def test_an_entry_written_under_another_key_is_refused_and_deleted(tmp_path: Path) -> None:
    """A cache copied from another machine (or written by another user) is not trusted."""
    elsewhere = Cache(tmp_path, secret=os.urandom(32))
    elsewhere.put_object("file-stats", "k", {"page.md": ((1, 2, 3, 4), "0" * 64)})
    elsewhere.put("formatted", "f", b"x = 1\n")
    elsewhere.close()
    here = Cache(tmp_path, secret=os.urandom(32))
    assert here.get_object("file-stats", "k") is None and here.get("formatted", "f") is None
    assert here.rejected == 2
    with sqlite3.connect(tmp_path / CACHE_FILE) as db:
        assert db.execute("SELECT count(*) FROM entries").fetchone() == (0,)
    here.put("formatted", "f", b"x = 2\n")
    here.close()
    assert Cache(tmp_path, secret=here.secret).get("formatted", "f") == b"x = 2\n"


def test_an_entry_moved_to_another_key_is_refused(tmp_path: Path) -> None:
    """The HMAC covers kind and key too: a genuine value cannot stand in for another."""
    secret = os.urandom(32)
    cache = Cache(tmp_path, secret=secret)
    cache.put("formatted", "genuine", b"print('a genuine file')\n")
    cache.close()
    with sqlite3.connect(tmp_path / CACHE_FILE) as db:
        db.execute("UPDATE entries SET key = 'other'")
    assert Cache(tmp_path, secret=secret).get("formatted", "other") is None


def test_the_key_is_made_once_readable_only_by_its_owner(tmp_path: Path) -> None:
    path = tmp_path / "config" / "superoffice-codegen" / "cache.key"
    made = machine_key(path)
    assert made is not None and len(made) == 32
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert machine_key(path) == made


def test_without_a_key_the_cache_is_not_used_and_the_run_says_so(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("")
    monkeypatch.setenv("CODEGEN_CACHE_KEY_FILE", str(blocked / "cache.key"))  # under a file: cannot be made
    docs = small_docs(require_corpus(), tmp_path / "docs")
    outcome = build_output(Settings(docs=docs, out=tmp_path / "out", cache=tmp_path / "cache"))
    assert [d.code for d in outcome.diagnostics if d.code.startswith("C00")] == ["C002"]
    assert not (tmp_path / "cache" / CACHE_FILE).exists()

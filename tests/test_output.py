"""codegen.output.write_tree: all-or-nothing replacement of the output folder."""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import re
import stat
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

from codegen import output
from codegen.output import MANIFEST_NAME, NotOwnedError, OutputError, write_tree

REPO = Path(__file__).resolve().parents[1]

OLD = {
    "pkg/__init__.py": b"",
    "pkg/a.py": b"A = 1\n",
    "pkg/sub/b.py": b"B = 2\n",
    "pkg/gone/c.py": b"C = 3\n",
}
NEW = {
    "pkg/__init__.py": b"",  # unchanged
    "pkg/a.py": b"A = 10\n",  # changed
    "pkg/sub/b.py": b"B = 2\n",  # unchanged
    "pkg/new.py": b"N = 4\n",  # new
    # pkg/gone/c.py removed
}
LONG_AGO = 1_000_000_000  # 2001: an mtime no run of the tests can produce


def snapshot(folder: Path) -> dict[str, tuple[bytes, int, int]]:
    """Every file under ``folder``: content, permission bits and mtime."""
    found = {}
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            info = path.stat()
            found[path.relative_to(folder).as_posix()] = (
                path.read_bytes(),
                stat.S_IMODE(info.st_mode),
                info.st_mtime_ns,
            )
    return found


def siblings(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.parent.iterdir())


@pytest.fixture
def old_tree(tmp_path: Path) -> Iterator[Path]:
    out = tmp_path / "generated"
    write_tree(out, OLD)
    for path in out.rglob("*"):
        os.utime(path, (LONG_AGO, LONG_AGO))
    yield out


def test_first_run_writes_exactly_the_given_bytes_with_mode_0644(tmp_path: Path) -> None:
    out = tmp_path / "missing" / "generated"
    report = write_tree(out, OLD)
    files = snapshot(out)
    assert {path: content for path, (content, _, _) in files.items()} == {
        **OLD,
        MANIFEST_NAME: files[MANIFEST_NAME][0],
    }
    assert {mode for _, mode, _ in files.values()} == {0o644}
    assert report.written == ("pkg/__init__.py", "pkg/a.py", "pkg/gone/c.py", "pkg/sub/b.py")
    assert report.unchanged == () and report.removed == ()


def test_file_mode_is_0644_whatever_the_umask(tmp_path: Path) -> None:
    previous = os.umask(0o077)
    try:
        write_tree(tmp_path / "out", {"a.py": b"x"})
    finally:
        os.umask(previous)
    assert stat.S_IMODE((tmp_path / "out" / "a.py").stat().st_mode) == 0o644


def test_manifest_lists_every_file_with_its_sha256(tmp_path: Path) -> None:
    write_tree(tmp_path / "out", OLD)
    manifest = json.loads((tmp_path / "out" / MANIFEST_NAME).read_text())
    assert manifest["generator"] == "superoffice-codegen"
    assert manifest["files"] == {
        path: "sha256:" + hashlib.sha256(content).hexdigest() for path, content in OLD.items()
    }


def test_same_files_give_byte_identical_trees(tmp_path: Path) -> None:
    write_tree(tmp_path / "one", OLD)
    write_tree(tmp_path / "two", dict(reversed(OLD.items())))
    one = {p: c for p, (c, _, _) in snapshot(tmp_path / "one").items()}
    two = {p: c for p, (c, _, _) in snapshot(tmp_path / "two").items()}
    assert one == two


def test_report_names_written_unchanged_and_removed_files(old_tree: Path) -> None:
    report = write_tree(old_tree, NEW)
    assert report.written == ("pkg/a.py", "pkg/new.py")
    assert report.unchanged == ("pkg/__init__.py", "pkg/sub/b.py")
    assert report.removed == ("pkg/gone/c.py",)
    assert {p: c for p, (c, _, _) in snapshot(old_tree).items() if p != MANIFEST_NAME} == NEW
    assert not (old_tree / "pkg" / "gone").exists()


def test_unchanged_files_keep_their_mtime(old_tree: Path) -> None:
    write_tree(old_tree, NEW)
    files = snapshot(old_tree)
    assert files["pkg/sub/b.py"][2] == LONG_AGO * 10**9
    assert files["pkg/__init__.py"][2] == LONG_AGO * 10**9
    assert files["pkg/a.py"][2] != LONG_AGO * 10**9


def test_a_run_that_changes_nothing_leaves_the_folder_itself_in_place(old_tree: Path) -> None:
    inode = old_tree.stat().st_ino
    report = write_tree(old_tree, OLD)
    assert report.written == () and report.removed == ()
    assert report.unchanged == tuple(sorted(OLD))
    assert old_tree.stat().st_ino == inode


def test_a_file_the_user_added_to_the_output_is_kept_and_reported(old_tree: Path) -> None:
    (old_tree / "notes.txt").write_text("mine")
    report = write_tree(old_tree, NEW)
    assert report.removed == ("pkg/gone/c.py",) and report.kept == ("notes.txt",)
    assert (old_tree / "notes.txt").read_text() == "mine"
    assert json.loads((old_tree / MANIFEST_NAME).read_bytes())["files"].keys() == NEW.keys()  # not listed as ours


def test_a_git_folder_in_the_output_survives_a_run_that_changes_files(old_tree: Path) -> None:
    """Issue 15 case 7: the output kept as a git repository of its own loses nothing."""
    git = old_tree / ".git"
    (git / "objects" / "ab").mkdir(parents=True)
    (git / "refs" / "heads").mkdir(parents=True)
    (git / "HEAD").write_text("ref: refs/heads/main\n")
    (git / "objects" / "ab" / "cdef").write_bytes(b"\x78\x01blob")
    os.chmod(git / "objects" / "ab" / "cdef", 0o444)
    (git / "hooks").mkdir()
    (git / "hooks" / "pre-commit").write_text("#!/bin/sh\n")
    os.chmod(git / "hooks" / "pre-commit", 0o755)
    os.chmod(git / "objects", 0o700)
    (git / "current").symlink_to("refs/heads")
    (old_tree / "pkg" / "gone" / "NOTES.md").write_text("a note beside a file the next run removes")
    before = {p.relative_to(old_tree).as_posix(): (p.lstat().st_mode, p.lstat().st_ino) for p in git.rglob("*")}
    old_files = snapshot(git)

    report = write_tree(old_tree, NEW)

    assert report.written == ("pkg/a.py", "pkg/new.py") and report.removed == ("pkg/gone/c.py",)
    after = {p.relative_to(old_tree).as_posix(): (p.lstat().st_mode, p.lstat().st_ino) for p in git.rglob("*")}
    assert sorted(after) == sorted(before) and (git / "refs" / "heads").is_dir()  # the empty folder too
    assert {p: mode for p, (mode, _) in after.items()} == {p: mode for p, (mode, _) in before.items()}
    assert snapshot(git) == old_files  # bytes, modes and mtimes
    files_before = {p: ino for p, (mode, ino) in before.items() if stat.S_ISREG(mode)}
    assert {p: after[p][1] for p in files_before} == files_before  # the same inodes: linked, not copied
    assert os.readlink(git / "current") == "refs/heads"
    assert (old_tree / "pkg" / "gone" / "NOTES.md").exists() and not (old_tree / "pkg" / "gone" / "c.py").exists()
    assert report.kept == (".git/HEAD", ".git/current", ".git/hooks/pre-commit", ".git/objects/ab/cdef", "pkg/gone/NOTES.md")
    assert siblings(old_tree) == ["generated"]


def test_a_file_of_the_user_where_the_new_output_puts_one_is_refused_and_named(old_tree: Path) -> None:
    (old_tree / "pkg" / "new.py").write_text("mine, not generated")
    before = snapshot(old_tree)
    with pytest.raises(OutputError, match=r"generated/pkg/new\.py was not written by codegen, and the new output has pkg/new\.py there"):
        write_tree(old_tree, NEW)
    assert snapshot(old_tree) == before


def test_a_file_of_the_user_where_the_new_output_needs_a_folder_is_refused(old_tree: Path) -> None:
    (old_tree / "pkg" / "extra").write_text("mine")
    with pytest.raises(OutputError, match=r"pkg/extra was not written by codegen, and the new output has pkg/extra/x\.py there"):
        write_tree(old_tree, {**NEW, "pkg/extra/x.py": b""})
    assert (old_tree / "pkg" / "extra").read_text() == "mine"


def test_check_mode_does_not_count_what_codegen_did_not_write(old_tree: Path) -> None:
    (old_tree / "notes.txt").write_text("mine")
    assert output.compare_tree(old_tree, OLD).changed is False
    assert output.compare_tree(old_tree, NEW).removed == ("pkg/gone/c.py",)


def test_a_file_whose_mode_was_changed_is_rewritten_with_0644(old_tree: Path) -> None:
    os.chmod(old_tree / "pkg" / "a.py", 0o600)
    report = write_tree(old_tree, OLD)
    assert report.written == ("pkg/a.py",)
    assert stat.S_IMODE((old_tree / "pkg" / "a.py").stat().st_mode) == 0o644


def test_refuses_to_replace_a_folder_it_did_not_write(tmp_path: Path) -> None:
    out = tmp_path / "src"
    out.mkdir()
    (out / "precious.py").write_text("work of a week")
    with pytest.raises(NotOwnedError, match=r"src is not empty and has no \.codegen-manifest"):
        write_tree(out, OLD)
    assert (out / "precious.py").read_text() == "work of a week"
    assert siblings(out) == ["src"]


def test_refuses_a_folder_whose_manifest_another_tool_wrote(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / MANIFEST_NAME).write_text('{"generator": "something-else"}')
    (out / "x.py").write_text("x")
    with pytest.raises(NotOwnedError):
        write_tree(out, OLD)
    assert (out / "x.py").read_text() == "x"


def test_writes_into_an_existing_empty_folder(tmp_path: Path) -> None:
    (tmp_path / "out").mkdir()
    assert write_tree(tmp_path / "out", {"a.py": b"a"}).written == ("a.py",)


def test_refuses_an_output_path_that_is_a_file(tmp_path: Path) -> None:
    (tmp_path / "out").write_text("a file")
    with pytest.raises(OutputError, match="is not a folder"):
        write_tree(tmp_path / "out", OLD)
    assert (tmp_path / "out").read_text() == "a file"


@pytest.mark.parametrize(
    "bad_path",
    ["../escape.py", "/etc/passwd", "a//b.py", "a/./b.py", "a\\b.py", "", MANIFEST_NAME],
)
def test_rejects_paths_that_would_leave_or_corrupt_the_tree(tmp_path: Path, bad_path: str) -> None:
    with pytest.raises(OutputError):
        write_tree(tmp_path / "out", {bad_path: b"x"})
    assert list(tmp_path.iterdir()) == []


def test_rejects_a_path_that_is_both_a_file_and_a_folder(tmp_path: Path) -> None:
    with pytest.raises(OutputError, match="'pkg' both as a file and as a folder"):
        write_tree(tmp_path / "out", {"pkg": b"x", "pkg/a.py": b"y"})


def test_a_failure_while_writing_leaves_the_old_tree_byte_identical(
    old_tree: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = snapshot(old_tree)
    real_write = output._write_file
    calls = []

    def failing_write(path: Path, content: bytes) -> None:
        calls.append(path)
        if len(calls) == 2:
            raise OSError(28, "No space left on device", str(path))
        real_write(path, content)

    monkeypatch.setattr(output, "_write_file", failing_write)
    with pytest.raises(OutputError, match="No space left on device"):
        write_tree(old_tree, NEW)
    assert len(calls) == 2
    assert snapshot(old_tree) == before
    assert siblings(old_tree) == ["generated"]


def test_an_interrupt_while_writing_leaves_the_old_tree_byte_identical(
    old_tree: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = snapshot(old_tree)

    def interrupted(path: Path, content: bytes) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(output, "_write_file", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_tree(old_tree, NEW)
    assert snapshot(old_tree) == before
    assert siblings(old_tree) == ["generated"]


def test_a_failed_swap_puts_the_old_tree_back(
    old_tree: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = snapshot(old_tree)
    real_rename = os.rename

    def rename(source: str | Path, destination: str | Path) -> None:
        if Path(source).name.endswith("codegen-staging"):
            raise OSError(13, "Permission denied", str(source))
        real_rename(source, destination)

    monkeypatch.setattr(os, "rename", rename)
    monkeypatch.setattr(output, "_exchange", lambda first, second: False)  # the two renames
    with pytest.raises(OutputError, match="Permission denied"):
        write_tree(old_tree, NEW)
    assert snapshot(old_tree) == before
    assert siblings(old_tree) == ["generated"]


def crash_at(out: Path, files: dict[str, bytes], moment: str, *, exchange: bool = False) -> None:
    """Run write_tree in a child process that dies (os._exit: no clean-up, no finally) at
    ``moment``: "commit" is the rename of the staging folder, "clean" the removal of the
    previous tree (after the clean-up removed the previous tree's manifest, the worst
    moment); "clean-exchanged" the removal of the staging folder after the exchange. Without
    ``exchange``, the two renames are used."""
    script = textwrap.dedent(f"""
        import os, shutil, sys
        from pathlib import Path
        sys.path.insert(0, {str(REPO)!r})
        from codegen import output
        real_rename, real_rmtree = os.rename, shutil.rmtree
        def rename(source, destination):
            if {moment!r} == "commit" and str(source).endswith("codegen-staging"):
                os._exit(9)
            real_rename(source, destination)
        def rmtree(path, *args, **kwargs):
            if {moment!r} == "clean" and str(path).endswith("codegen-previous"):
                os.remove(os.path.join(path, output.MANIFEST_NAME))
                os._exit(9)
            if {moment!r} == "clean-exchanged" and str(path).endswith("codegen-staging"):
                os._exit(9)
            real_rmtree(path, *args, **kwargs)
        os.rename = rename
        shutil.rmtree = rmtree
        if not {exchange!r}:
            output._exchange = lambda first, second: False
        output.write_tree(Path({str(out)!r}), {files!r})
        """)
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert result.returncode == 9, result.stderr


def test_a_crash_between_the_renames_is_rolled_back_by_the_next_run(
    old_tree: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = snapshot(old_tree)
    crash_at(old_tree, NEW, "commit")
    assert not old_tree.exists()  # the crash left the output folder renamed away
    # the lock's record too: it tells the next run that this one died holding the lock
    assert siblings(old_tree) == [".generated.codegen-lock", ".generated.codegen-previous", ".generated.codegen-staging"]

    # The next run recovers first; here it then fails, so what is left is what it recovered.
    def failing_write(path: Path, content: bytes) -> None:
        raise OSError(28, "No space left on device", str(path))

    monkeypatch.setattr(output, "_write_file", failing_write)
    with pytest.raises(OutputError):
        write_tree(old_tree, NEW)
    assert snapshot(old_tree) == before
    assert siblings(old_tree) == ["generated"]


def test_a_crash_after_the_commit_is_finished_by_the_next_run(old_tree: Path) -> None:
    crash_at(old_tree, NEW, "clean")
    assert siblings(old_tree) == [".generated.codegen-lock", ".generated.codegen-previous", "generated"]
    with output.TreeWriter(old_tree) as writer:
        assert re.fullmatch(
            rf"the codegen run with process id \d+ ended without releasing its lock on {re.escape(str(old_tree.parent))} "
            r"\(it was killed\); the lock is taken over and what it left is cleaned up",
            writer.taken_over,
        )
        report = writer.commit(NEW)
    assert report.written == () and report.removed == ()  # the crashed run had written NEW
    assert siblings(old_tree) == ["generated"]
    with output.TreeWriter(old_tree) as writer:
        assert writer.taken_over == ""  # the run before let go


@pytest.mark.skipif(sys.platform != "linux", reason="renameat2 is Linux's")
def test_the_exchange_leaves_no_moment_without_a_complete_output(old_tree: Path) -> None:
    """Killed after the atomic exchange, before the clean-up: the output folder already holds
    the complete new tree; the staging folder holds the old one, and the next run removes it."""
    crash_at(old_tree, NEW, "clean-exchanged", exchange=True)
    assert {path: content for path, (content, _, _) in snapshot(old_tree).items() if path != MANIFEST_NAME} == NEW
    staging = old_tree.with_name(".generated.codegen-staging")
    assert {path for path in snapshot(staging) if path != MANIFEST_NAME} == set(OLD)
    report = write_tree(old_tree, NEW)
    assert report.written == () and report.removed == ()
    assert siblings(old_tree) == ["generated"]


def test_a_file_that_does_not_compile_is_refused_naming_file_and_line(old_tree: Path) -> None:
    before = snapshot(old_tree)
    broken = {**NEW, "pkg/new.py": b"N = 4\ndef f(a, a):\n    pass\n"}  # compile(), not ast.parse, finds it
    with pytest.raises(output.UncompilableError, match=r"pkg/new\.py:2: .*duplicate argument"):
        write_tree(old_tree, broken)
    escape = {**NEW, "pkg/new.py": b'"""C:\\d is no escape"""\n'}
    with pytest.raises(output.UncompilableError, match=r"pkg/new\.py:1: .*escape"):
        write_tree(old_tree, escape)
    assert snapshot(old_tree) == before
    assert siblings(old_tree) == ["generated"]


def test_many_files_are_checked_in_processes_and_the_first_broken_one_is_named(
    old_tree: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Past a few hundred files, the check runs in one process per core; the file it names is
    the first broken one by path, however the files were split between the processes."""
    monkeypatch.setattr(output, "_PARALLEL_CHECK", 0)
    monkeypatch.setattr(output.os, "cpu_count", lambda: 2)
    before = snapshot(old_tree)
    many = {**NEW, **{f"pkg/m{n:03}.py": f"N = {n}\n".encode() for n in range(40)}}
    broken = {**many, "pkg/m007.py": b"def f(a, a):\n    pass\n", "pkg/m030.py": b"x = (\n"}
    with pytest.raises(output.UncompilableError, match=r"pkg/m007\.py:1: .*duplicate argument"):
        write_tree(old_tree, broken)
    assert snapshot(old_tree) == before
    assert siblings(old_tree) == ["generated"]  # the staging folder, written meanwhile, is gone
    report = write_tree(old_tree, many)
    assert "pkg/m039.py" in report.written


def test_a_leftover_staging_folder_is_removed(old_tree: Path) -> None:
    staging = old_tree.with_name(".generated.codegen-staging")
    (staging / "pkg").mkdir(parents=True)
    (staging / "pkg" / "half.py").write_bytes(b"half wr")
    report = write_tree(old_tree, NEW)
    assert report.written == ("pkg/a.py", "pkg/new.py")
    assert siblings(old_tree) == ["generated"]


def test_a_second_writer_is_refused_while_the_first_holds_the_lock(old_tree: Path) -> None:
    before = snapshot(old_tree)
    fd = os.open(old_tree.parent, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        with pytest.raises(OutputError, match="another codegen run is writing"):
            write_tree(old_tree, NEW)
    finally:
        os.close(fd)
    assert snapshot(old_tree) == before


def test_a_symlinked_output_folder_is_written_where_it_points(tmp_path: Path) -> None:
    real = tmp_path / "elsewhere" / "real"
    write_tree(real, OLD)
    link = tmp_path / "generated"
    link.symlink_to(real, target_is_directory=True)
    write_tree(link, NEW)
    assert link.is_symlink()
    assert (real / "pkg" / "new.py").read_bytes() == NEW["pkg/new.py"]
    assert sorted(p.name for p in (tmp_path / "elsewhere").iterdir()) == ["real"]


def test_progress_counts_the_files_written(tmp_path: Path) -> None:
    calls: list[tuple[str, int, int]] = []
    write_tree(tmp_path / "out", OLD, progress=lambda *call: calls.append(call))
    assert calls[0] == ("write files", 0, 4)
    assert calls[-1] == ("write files", 4, 4)


def test_an_output_folder_under_a_file_gives_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("mine")
    with pytest.raises(OutputError, match="cannot create .*notes.txt"):
        write_tree(tmp_path / "notes.txt" / "out", OLD)
    assert (tmp_path / "notes.txt").read_text() == "mine"


def test_a_symlink_to_a_folder_inside_the_output_is_kept_not_followed(
    old_tree: Path, tmp_path: Path
) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "keep.txt").write_text("not codegen's")
    (old_tree / "link").symlink_to(elsewhere, target_is_directory=True)
    report = write_tree(old_tree, NEW)
    assert report.kept == ("link",) and report.removed == ("pkg/gone/c.py",)
    assert os.readlink(old_tree / "link") == str(elsewhere)
    assert sorted(p.name for p in elsewhere.iterdir()) == ["keep.txt"]


# -- the tree handed over in parts (TreeWriter: what `codegen generate` does while it builds) ---


def test_parts_handed_over_while_building_give_the_same_tree_as_one_write(old_tree: Path, tmp_path: Path) -> None:
    """Parts are staged as they come (unchanged files linked, mtime kept); the commit adds the
    rest and swaps: the same files, report and manifest as write_tree with everything."""
    with output.TreeWriter(old_tree) as writer:
        writer.add({"pkg/a.py": NEW["pkg/a.py"], "pkg/sub/b.py": NEW["pkg/sub/b.py"]})
        writer.add({"pkg/new.py": NEW["pkg/new.py"]})
        # the unchanged file is linked at once (new ones are written by threads meanwhile)
        assert (old_tree.with_name(".generated.codegen-staging") / "pkg" / "sub" / "b.py").exists()
        assert snapshot(old_tree)["pkg/a.py"][0] == OLD["pkg/a.py"]  # nothing swapped in yet
        report = writer.commit(NEW)
    assert report.written == ("pkg/a.py", "pkg/new.py")
    assert report.unchanged == ("pkg/__init__.py", "pkg/sub/b.py")
    assert report.removed == ("pkg/gone/c.py",)
    files = snapshot(old_tree)
    assert files["pkg/sub/b.py"][2] == LONG_AGO * 10**9
    write_tree(tmp_path / "reference", NEW)
    assert {p: c for p, (c, _, _) in files.items()} == {p: c for p, (c, _, _) in snapshot(tmp_path / "reference").items()}
    assert siblings(old_tree) == ["generated", "reference"]


def test_a_build_that_fails_after_handing_over_parts_leaves_the_output_as_it_was(old_tree: Path) -> None:
    before = snapshot(old_tree)
    with pytest.raises(RuntimeError, match="the build failed"):
        with output.TreeWriter(old_tree) as writer:
            writer.add({"pkg/a.py": b"A = 99\n", "pkg/new.py": b"N = 4\n"})
            raise RuntimeError("the build failed")
    assert snapshot(old_tree) == before
    assert siblings(old_tree) == ["generated"]


def test_a_part_that_does_not_compile_is_refused_at_the_commit_and_nothing_is_written(
    old_tree: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A big part is compiled in processes as soon as it is handed over; its error comes out
    at the commit, naming the first broken file by path, and nothing is swapped in."""
    monkeypatch.setattr(output, "_PARALLEL_CHECK", 5)
    monkeypatch.setattr(output.os, "cpu_count", lambda: 2)
    before = snapshot(old_tree)
    part = {f"pkg/m{n:03}.py": f"N = {n}\n".encode() for n in range(20)}
    part["pkg/m013.py"] = b"def f(a, a):\n    pass\n"
    with pytest.raises(output.UncompilableError, match=r"pkg/m013\.py:1: .*duplicate argument"):
        with output.TreeWriter(old_tree) as writer:
            writer.add(part)
            assert writer.checks, "a part this big is sent to the processes when it is handed over"
            writer.commit({**NEW, **part})
    assert snapshot(old_tree) == before
    assert siblings(old_tree) == ["generated"]


def test_handing_over_a_file_the_output_does_not_have_is_an_error(old_tree: Path) -> None:
    before = snapshot(old_tree)
    with pytest.raises(OutputError, match="pkg/stray.py"):
        with output.TreeWriter(old_tree) as writer:
            writer.add({"pkg/stray.py": b""})
            writer.commit(NEW)
    with pytest.raises(OutputError, match="twice, with different content"):
        with output.TreeWriter(old_tree) as writer:
            writer.add({"pkg/a.py": b"A = 1\n"})
            writer.add({"pkg/a.py": b"A = 2\n"})
    assert snapshot(old_tree) == before


def test_unchanged_parts_handed_over_leave_the_output_untouched(old_tree: Path) -> None:
    before = snapshot(old_tree)
    with output.TreeWriter(old_tree) as writer:
        writer.add({"pkg/a.py": OLD["pkg/a.py"]})
        report = writer.commit(OLD)
    assert not report.changed
    assert snapshot(old_tree) == before
    assert siblings(old_tree) == ["generated"]


def test_the_lock_is_held_from_the_first_part_to_the_commit(old_tree: Path) -> None:
    with output.TreeWriter(old_tree) as writer:
        writer.add({"pkg/a.py": NEW["pkg/a.py"]})
        with pytest.raises(OutputError, match="another codegen run"):
            write_tree(old_tree, OLD)
        writer.commit(NEW)
    assert snapshot(old_tree)["pkg/a.py"][0] == NEW["pkg/a.py"]


def test_a_stub_is_parsed_not_compiled_and_still_refused_when_broken(old_tree: Path) -> None:
    """Stubs are never compiled, only parsed (by type checkers): the check parses them and
    resolves their scopes, which still finds what a broken stub would hold."""
    before = snapshot(old_tree)
    for stub, reason in (
        (b"def f(a: int, a: int) -> None: ...\n", r"duplicate argument"),
        (b'X: str = "C:\\d"\n', r"escape"),
        (b"def f(\n", r"never closed"),
    ):
        with pytest.raises(output.UncompilableError, match=rf"pkg/new\.pyi:1: .*{reason}"):
            write_tree(old_tree, {**NEW, "pkg/new.pyi": stub})
    assert snapshot(old_tree) == before
    report = write_tree(old_tree, {**NEW, "pkg/new.pyi": b"def f(a: int) -> None: ...\n"})
    assert "pkg/new.pyi" in report.written


def test_each_old_file_is_compared_once(old_tree: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Deciding what changed reads the old files; staging does not read them again."""
    compared: list[Path] = []
    real = output._same_file

    def counting(path: Path, content: bytes) -> bool:
        compared.append(path)
        return real(path, content)

    monkeypatch.setattr(output, "_same_file", counting)
    report = write_tree(old_tree, NEW)
    assert report.unchanged == ("pkg/__init__.py", "pkg/sub/b.py")
    assert sorted(p.relative_to(old_tree).as_posix() for p in compared) == ["pkg/__init__.py", "pkg/a.py", "pkg/sub/b.py"]

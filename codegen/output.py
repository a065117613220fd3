"""Writing the generated package to disk, all or nothing.

The output folder is owned by the generator: every run replaces what the last run wrote
with exactly the files it was given, plus a manifest (:data:`MANIFEST_NAME`, the paths and
their SHA-256) that marks the folder as ours. A non-empty folder without that manifest is
refused, so a typo in ``--out`` never deletes a user's work. What the folder holds that the
manifest does not list (a ``.git`` folder, notes, a build's leftovers) is kept: it is linked
into the new tree before the swap. Where the new tree needs its place (a file of the same
name, or a folder where it is a file) the run is refused, naming it.

The protocol, for ``out = <parent>/<name>``:

1. **lock**: an exclusive ``flock`` on ``<parent>``, from before the build begins to the
   end (codegen.output_lock); a second writer fails at once instead of racing through the
   steps below; the lock of a run that died is free at once and taken over, with a message.
2. **recover** what a crashed run left behind:

   - ``.<name>.codegen-previous`` exists and ``out`` does not: the crash came between the two
     renames of step 5, so the previous tree is renamed back to ``out``;
   - ``.<name>.codegen-previous`` exists and so does ``out``, ours: the crash came after the
     commit, during the clean-up, so the rest of the previous tree is removed;
   - ``.<name>.codegen-staging`` exists: the crash came before the commit, or after an
     exchange (it then holds the previous tree); either way it is removed.

3. **plan and stage**, part by part as the build hands them over (:class:`TreeWriter`), in
   the sibling ``.<name>.codegen-staging`` (same file system, so the renames below are
   atomic): a file is unchanged when the old one is a regular file with mode 0644 and the
   same bytes, and is staged as a hard link to it (content and mtime kept, nothing
   copied); new and changed files are written with mode 0644 and fsynced, by threads, and
   their Python is compiled, by processes, while the build goes on.
4. **commit**: the rest of the tree is staged, then what codegen did not write; every Python source and stub written must
   have compiled: one that does not is an :class:`UncompilableError` naming the file and
   line, and nothing is swapped in. With nothing written and nothing removed, the run stops
   here and touches nothing. Else the manifest comes last, then every folder is fsynced.
5. **swap**: on Linux, exchange ``out`` and the staging folder in one step (``renameat2``
   with ``RENAME_EXCHANGE``, the commit point), so that ``out`` always exists and is always
   complete; the staging folder then holds the previous tree. Elsewhere (or on a file
   system without the exchange): rename ``out`` to ``.<name>.codegen-previous``, rename the
   staging folder to ``out`` (the commit point); for a moment between the two renames
   ``out`` does not exist. Then fsync ``<parent>``.
6. **clean**: remove the previous tree.

A failure or interrupt before the commit removes the staging folder and leaves ``out``
exactly as it was; a failure between the two renames renames the previous tree back.
"""

from __future__ import annotations

import ctypes
import errno
import hashlib
import json
import multiprocessing
import os
import shutil
import stat
import symtable
import sys
import warnings
from collections.abc import Callable, Mapping
from concurrent.futures import Future, ProcessPoolExecutor, ThreadPoolExecutor
from contextlib import ExitStack
from multiprocessing.context import BaseContext
from dataclasses import dataclass
from pathlib import Path

from .output_lock import LockBusy, locked
from .processes import new_pool, stop

MANIFEST_NAME = ".codegen-manifest.json"
MANIFEST_GENERATOR = "superoffice-codegen"
MANIFEST_FORMAT = 1

FILE_MODE = 0o644
DIR_MODE = 0o755

# progress(stage, done, total), the same shape as codegen.pipeline.Progress.
WriteProgress = Callable[[str, int, int], None]

# fsync is the slow part of writing thousands of small files, and it releases the GIL:
# a few threads let the file system batch the flushes into fewer journal commits.
_WRITER_THREADS = 8
_PARALLEL_CHECK = 200  # files to compile before it pays to start processes


class OutputError(Exception):
    """The output folder cannot be written; it was left as it was."""


class NotOwnedError(OutputError):
    """The output folder holds files the generator did not write."""


class UncompilableError(OutputError):
    """A generated Python file does not compile (a bug in codegen); nothing was written."""


@dataclass(frozen=True)
class WriteReport:
    """What a run did to the output folder, as sorted relative POSIX paths. The manifest
    is bookkeeping and appears in none of them."""

    written: tuple[str, ...]  # new or changed
    unchanged: tuple[str, ...]
    removed: tuple[str, ...]  # written by the last run, not in the new tree
    kept: tuple[str, ...] = ()  # files and links in the folder that codegen did not write

    @property
    def changed(self) -> bool:
        return bool(self.written or self.removed)


def staging_path(out: Path) -> Path:
    return out.with_name(f".{out.name}.codegen-staging")


def previous_path(out: Path) -> Path:
    return out.with_name(f".{out.name}.codegen-previous")


def manifest_bytes(files: Mapping[str, bytes]) -> bytes:
    """The manifest for a tree: deterministic, one path per line, sorted."""
    document = {
        "generator": MANIFEST_GENERATOR,
        "format": MANIFEST_FORMAT,
        "files": {
            path: "sha256:" + hashlib.sha256(files[path]).hexdigest() for path in sorted(files)
        },
    }
    return (json.dumps(document, indent=1, ensure_ascii=False) + "\n").encode("utf-8")


def write_tree(
    out: Path, files: Mapping[str, bytes], *, progress: WriteProgress | None = None
) -> WriteReport:
    """Replace the folder ``out`` with exactly ``files`` (relative POSIX path -> bytes).

    Raises :class:`OutputError` (or its :class:`NotOwnedError`) with a message naming the
    problem; the folder is then left as it was.
    """
    with TreeWriter(out) as writer:
        return writer.commit(files, progress=progress)


class TreeWriter:
    """Replaces the folder ``out`` with a tree handed over in parts as they are made
    (:meth:`add`), so that writing and compiling overlap the making; :meth:`commit` swaps
    the complete tree in. Leaving the ``with`` block without a commit (an error, an
    interrupt) removes what was staged: ``out`` is left as it was. The lock is held from
    entering to leaving. :func:`write_tree` is the case of one part."""

    def __init__(self, out: Path) -> None:
        self.out = out
        self.target = Path(os.path.abspath(out))
        self.staging = staging_path(self.target)
        self.old_files: set[str] = set()
        self.staged: dict[str, bytes] = {}
        self.written: list[str] = []
        self.unchanged: list[str] = []
        self.folders: set[str] = set()  # made in the staging folder
        self.writes: list[Future[None]] = []
        self.checks: list[Future[list[tuple[str, int, str]]]] = []
        self.unchecked: list[str] = []  # sources to compile at the commit
        self.committed = False
        self.taken_over = ""  # the message where a run that died holding the lock was taken over
        self.kept_folders: set[str] = set()  # made in the staging folder for what codegen did not write
        self._stack = ExitStack()
        self._threads: ThreadPoolExecutor | None = None
        self._processes: ProcessPoolExecutor | None = None

    def __enter__(self) -> TreeWriter:
        if self.target.parent == self.target:
            raise OutputError(f"{self.out}: cannot write the output into the root of a file system")
        try:
            self.target.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise OutputError(f"cannot create {self.target.parent}: {_reason(error)}") from error
        # Follow a symlinked output folder to where it points, so the staging folder sits
        # beside the real one, on its file system.
        self.target = self.target.resolve()
        self.staging = staging_path(self.target)
        try:
            self.taken_over = self._stack.enter_context(locked(self.target)).taken_over
            _recover(self.target)
            self.old_files = _current_tree(self.target, shown_as=self.out).generated
        except BaseException as error:
            self._stack.close()
            if isinstance(error, LockBusy):
                owner = f" (process id {error.owner})" if error.owner is not None else ""
                raise OutputError(
                    f"another codegen run{owner} is writing into {error.folder}; try again when it has finished"
                ) from None
            if isinstance(error, OSError):
                raise OutputError(f"cannot write {self.out}: {_reason(error)}") from error
            raise
        return self

    def __exit__(self, *exc_info: object) -> None:
        try:
            if self._threads is not None:
                # on a failure or an interrupt, drop the queued writes instead of finishing them
                self._threads.shutdown(wait=True, cancel_futures=True)
            if self._processes is not None:
                if exc_info[0] is None:
                    self._processes.shutdown(wait=True)
                else:
                    stop(self._processes)  # their checks are not wanted any more
            if not self.committed:
                shutil.rmtree(self.staging, ignore_errors=True)
        finally:
            self._stack.close()

    def add(self, files: Mapping[str, bytes]) -> None:
        """Stage a part of the new tree, final bytes: unchanged files are linked at once, the
        others written by threads, and their Python compiled by processes meanwhile."""
        _check_paths(files)
        try:
            self._add(files)
        except OSError as error:
            raise OutputError(f"cannot write {self.out}: {_reason(error)}") from error

    def _add(self, files: Mapping[str, bytes], unchanged: set[str] | None = None) -> None:
        """Stage ``files``; ``unchanged``, where given, is which of them a plan found equal
        to the old ones (else each is compared here)."""
        if not self.staged:
            self.staging.mkdir(mode=DIR_MODE)
            os.chmod(self.staging, DIR_MODE)  # mkdir's mode is filtered by the umask
        for path in sorted(files):
            content = files[path]
            if path in self.staged:
                if self.staged[path] != content:
                    raise OutputError(f"the build handed over {path!r} twice, with different content")
                continue
            self.staged[path] = content
            self._make_folder(path.rpartition("/")[0])
            # links are cheap system calls, made here; writes wait for the disk, in threads
            same = path in unchanged if unchanged is not None else path in self.old_files and _same_file(self.target / path, content)
            if same:
                _link_or_copy(self.target / path, self.staging / path)
                self.unchanged.append(path)
                continue
            self.written.append(path)
            self.writes.append(self._writer().submit(_write_file, self.staging / path, content))
            if path.endswith((".py", ".pyi")):
                self.unchecked.append(path)
        self._send_to_check()

    def _send_to_check(self) -> None:
        """Compile the sources not yet checked in one process per core, where there are
        enough to pay for starting them."""
        jobs = os.cpu_count() or 1
        if jobs > 1 and len(self.unchecked) > _PARALLEL_CHECK:
            if self._processes is None:
                # from a fork server where there is one: by now this process has threads (the
                # writers, the build's pool), and forking a process with threads may deadlock
                context: BaseContext = multiprocessing.get_context(None)
                if "forkserver" in multiprocessing.get_all_start_methods():
                    context = multiprocessing.get_context("forkserver")
                    # the server imports this module only, not the __main__ script (for the
                    # codegen command, all of codegen: a third of a second for nothing)
                    context.set_forkserver_preload([__name__])
                self._processes = new_pool(jobs, context)
            for batch in (self.unchecked[i::jobs] for i in range(jobs)):
                self.checks.append(self._processes.submit(_compile_problems, [(path, self.staged[path]) for path in batch]))
            self.unchecked = []

    def _make_folder(self, folder: str) -> None:
        if folder and folder not in self.folders:
            self._make_folder(folder.rpartition("/")[0])
            (self.staging / folder).mkdir(mode=DIR_MODE)
            os.chmod(self.staging / folder, DIR_MODE)
            self.folders.add(folder)

    def _keep(self, foreign: list[tuple[str, bool]]) -> None:
        """Put into the staged tree what the old tree holds that codegen did not write, each
        file as a hard link to it (its inode, mode and times kept; copied where a link cannot
        be made): at every moment one of the two trees has it, whatever interrupts the run."""
        for path, is_folder in foreign:
            source, destination = self.target / path, self.staging / path
            try:
                info = source.lstat()
            except FileNotFoundError:
                continue  # removed by its owner meanwhile
            self._make_kept_folder(path.rpartition("/")[0])
            if stat.S_ISDIR(info.st_mode):
                self._make_kept_folder(path)
            elif stat.S_ISLNK(info.st_mode):
                os.symlink(os.readlink(source), destination)
            else:
                _link_or_copy(source, destination, stat.S_IMODE(info.st_mode))

    def _make_kept_folder(self, folder: str) -> None:
        """A folder for what codegen keeps, with the mode of the old tree's."""
        if folder and folder not in self.folders and folder not in self.kept_folders:
            self._make_kept_folder(folder.rpartition("/")[0])
            (self.staging / folder).mkdir()
            os.chmod(self.staging / folder, stat.S_IMODE((self.target / folder).lstat().st_mode))
            self.kept_folders.add(folder)

    def _writer(self) -> ThreadPoolExecutor:
        if self._threads is None:
            self._threads = ThreadPoolExecutor(max_workers=_WRITER_THREADS)
        return self._threads

    def commit(self, files: Mapping[str, bytes], *, progress: WriteProgress | None = None) -> WriteReport:
        """Make ``out`` exactly ``files`` (the parts added, and the rest of the tree): every
        Python file written compiles (else :class:`UncompilableError`, nothing written), then
        the staged tree is swapped in. With nothing to write or remove, ``out`` is not touched."""
        _check_paths(files)
        extra = sorted(set(self.staged).difference(files))
        if extra:
            raise OutputError(f"the build handed over {extra[0]!r}, which is not in its output")
        try:
            # listed now, not when the run began: what the user put there meanwhile is kept too
            foreign = _current_tree(self.target, shown_as=self.out).foreign
            _check_kept(self.out, foreign, files)
            kept = tuple(path for path, is_folder in foreign if not is_folder)
            unchanged = None
            if not self.staged:  # nothing handed over: no staging folder unless something changed
                report = _plan(self.target, files, self.old_files, kept)
                if not report.changed and _manifest_matches(self.target, files):
                    return report
                unchanged = set(report.unchanged)  # compared once, not again while staging
            self._add({path: content for path, content in files.items() if path not in self.staged}, unchanged)
            self._check_compiles()
            report = WriteReport(
                tuple(sorted(self.written)), tuple(sorted(self.unchanged)), tuple(sorted(self.old_files.difference(files))), kept
            )
            if not report.changed and _manifest_matches(self.target, files):
                return report  # leaving the block removes the staged links
            self._keep(foreign)
            total = len(files)
            done = len(self.unchanged)
            if progress is not None:
                progress("write files", done, total)
            for write in self.writes:
                write.result()
                done += 1
                if progress is not None:
                    progress("write files", done, total)
            _write_file(self.staging / MANIFEST_NAME, manifest_bytes(files))
            for folder in sorted(self.folders | self.kept_folders, key=lambda f: f.count("/"), reverse=True):
                _fsync_dir(self.staging / folder)
            _fsync_dir(self.staging)
            _swap(self.staging, self.target)
            self.committed = True
        except OSError as error:
            raise OutputError(f"cannot write {self.out}: {_reason(error)}") from error
        return report

    def _check_compiles(self) -> None:
        """Every ``.py`` and ``.pyi`` written compiles, warnings (an invalid escape in a
        docstring) included; else :class:`UncompilableError` naming the first bad file by
        path, and its line. Only written files are checked: an unchanged file has the bytes a
        checked run wrote. Cost, measured: 2.3 s of CPU for the whole output (2,870 files,
        23 MB), so big parts are checked in processes, while the next parts are made."""
        self._send_to_check()
        problems = _compile_problems([(path, self.staged[path]) for path in self.unchecked])
        self.unchecked = []
        problems += [problem for check in self.checks for problem in check.result()]
        if problems:
            path, line, reason = min(problems)  # the first by path, however the work was split
            raise UncompilableError(
                f"{path}:{line}: the generated file does not compile ({reason}); this is a bug in codegen"
            )


def _compile_problems(batch: list[tuple[str, bytes]]) -> list[tuple[str, int, str]]:
    """(path, line, reason) of each file of ``batch`` that does not compile. A stub is never
    compiled, only parsed by type checkers: it is parsed, its scopes resolved (duplicate
    parameters, say), without making bytecode (a third of compile()'s time)."""
    problems = []
    for path, source in batch:
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("error")
                if path.endswith(".pyi"):
                    symtable.symtable(source.decode("utf-8"), path, "exec")
                else:
                    compile(source, path, "exec", dont_inherit=True)
        except (SyntaxError, ValueError, Warning) as error:
            line = getattr(error, "lineno", None) or 1
            reason = getattr(error, "msg", None) or str(error)
            problems.append((path, line, reason))
    return problems


@dataclass(frozen=True)
class TreeChanges:
    """What writing ``files`` to a folder would change (sorted relative paths)."""

    added: tuple[str, ...]
    modified: tuple[str, ...]
    removed: tuple[str, ...]

    @property
    def changed(self) -> bool:
        return bool(self.added or self.modified or self.removed)


def compare_tree(out: Path, files: Mapping[str, bytes]) -> TreeChanges:
    """What :func:`write_tree` would change, without writing anything (``generate --check``)."""
    target = Path(os.path.abspath(out))
    try:
        old_files = _current_tree(target.resolve() if target.exists() else target, shown_as=out).generated
        report = _plan(target, files, old_files)
    except OSError as error:
        raise OutputError(f"cannot read {out}: {_reason(error)}") from error
    added = tuple(path for path in report.written if path not in old_files)
    modified = tuple(path for path in report.written if path in old_files)
    return TreeChanges(added, modified, report.removed)


def _check_paths(files: Mapping[str, bytes]) -> None:
    """Every path is relative, POSIX, normalised, and no file is also another's folder."""
    folders: set[str] = set()
    for path in files:
        parts = path.split("/")
        bad = (
            not path
            or "\\" in path
            or "\0" in path
            or any(part in ("", ".", "..") for part in parts)
        )
        if bad:
            raise OutputError(f"the build produced an invalid output path {path!r}")
        if path == MANIFEST_NAME:
            raise OutputError(f"the build produced {MANIFEST_NAME!r}, a name codegen reserves")
        folders.update("/".join(parts[:i]) for i in range(1, len(parts)))
    clashes = sorted(folders.intersection(files))
    if clashes:
        raise OutputError(f"the build produced {clashes[0]!r} both as a file and as a folder")


def _recover(target: Path) -> None:
    staging = staging_path(target)
    previous = previous_path(target)
    if previous.exists():
        if not target.exists():
            os.rename(previous, target)  # crashed between the two renames: roll back
            _fsync_dir(target.parent)
        elif _owned(previous) or _owned(target):
            # crashed after the commit: finish the clean-up (which may have removed the
            # previous tree's manifest already; the committed tree is ours)
            shutil.rmtree(previous)
        else:
            raise OutputError(
                f"{previous} is left over from an interrupted run but does not look like "
                "codegen output; move it away by hand"
            )
    if staging.exists():
        shutil.rmtree(staging)  # crashed before the commit: the new tree was never used


def _owned(folder: Path) -> bool:
    """An empty folder, or one holding a manifest that codegen wrote."""
    if not any(folder.iterdir()):
        return True
    manifest = folder / MANIFEST_NAME
    if not manifest.is_file() or manifest.is_symlink():
        return False
    try:
        document = json.loads(manifest.read_bytes())
    except (OSError, ValueError):
        return False
    return isinstance(document, dict) and document.get("generator") == MANIFEST_GENERATOR


@dataclass(frozen=True)
class _Tree:
    """The existing output: what the last run wrote, and the rest."""

    generated: set[str]  # files (or what replaced them) at paths the manifest lists
    foreign: list[tuple[str, bool]]  # (path, is a folder) of the files, links and empty folders it does not


def _current_tree(target: Path, *, shown_as: Path) -> _Tree:
    """The existing output (relative POSIX paths), after checking it is ours."""
    if not target.exists():
        return _Tree(set(), [])
    if not target.is_dir():
        raise OutputError(f"{shown_as} exists and is not a folder; refusing to replace it")
    if not _owned(target):
        raise NotOwnedError(
            f"{shown_as} is not empty and has no {MANIFEST_NAME}, so it was not written by "
            "codegen; refusing to replace it. Choose another output folder, or empty this "
            "one if it is really meant for the generated package."
        )
    listed = _manifest_files(target)
    generated: set[str] = set()
    foreign: list[tuple[str, bool]] = []
    for folder, dirs, names in os.walk(target):
        dirs.sort()
        relative = Path(folder).relative_to(target)
        # os.walk lists a symlink to a folder among the folders, but never enters it.
        links = [d for d in dirs if os.path.islink(os.path.join(folder, d))]
        for name in sorted([*names, *links]):
            path = (relative / name).as_posix()
            if path in listed:
                generated.add(path)
            elif path != MANIFEST_NAME:
                foreign.append((path, False))
        if not dirs and not names and relative.parts:
            foreign.append((relative.as_posix(), True))  # codegen never leaves an empty folder
    return _Tree(generated, foreign)


def _manifest_files(target: Path) -> set[str]:
    """The paths the manifest of an owned folder lists (none for an empty folder)."""
    try:
        document = json.loads((target / MANIFEST_NAME).read_bytes())
    except (OSError, ValueError):
        return set()
    files = document.get("files") if isinstance(document, dict) else None
    return {path for path in files if isinstance(path, str)} if isinstance(files, dict) else set()


def _check_kept(out: Path, foreign: list[tuple[str, bool]], files: Mapping[str, bytes]) -> None:
    """What codegen keeps must not stand where the new tree puts a file, nor be a file where
    it needs a folder, nor be what no tree can hold (a socket, a device): else the run is
    refused, naming it, and the user's file is not touched."""
    folders = {path.rsplit("/", i)[0] for path in files for i in range(1, path.count("/") + 1)}
    for path, is_folder in foreign:
        parts = path.split("/")
        clash = next((p for p in ("/".join(parts[:i]) for i in range(1, len(parts) + 1)) if p in files), None)
        if clash is None and path in folders and not is_folder:
            clash = next(f for f in sorted(files) if f.startswith(path + "/"))
        if clash is not None:
            raise OutputError(
                f"{out}/{path} was not written by codegen, and the new output has {clash} there; "
                "move it away, then run again"
            )
        try:
            mode = (out / path).lstat().st_mode
        except FileNotFoundError:
            continue
        if not (stat.S_ISREG(mode) or stat.S_ISDIR(mode) or stat.S_ISLNK(mode)):
            raise OutputError(
                f"{out}/{path} was not written by codegen and is not a file, folder or symlink, "
                "so it cannot be kept in the new output; move it away, then run again"
            )


def _plan(target: Path, files: Mapping[str, bytes], old_files: set[str], kept: tuple[str, ...] = ()) -> WriteReport:
    written: list[str] = []
    unchanged: list[str] = []
    for path in sorted(files):
        if path in old_files and _same_file(target / path, files[path]):
            unchanged.append(path)
        else:
            written.append(path)
    removed = sorted(old_files.difference(files))
    return WriteReport(tuple(written), tuple(unchanged), tuple(removed), kept)


def _same_file(path: Path, content: bytes) -> bool:
    info = path.lstat()
    if not stat.S_ISREG(info.st_mode) or stat.S_IMODE(info.st_mode) != FILE_MODE:
        return False
    return info.st_size == len(content) and path.read_bytes() == content


def _manifest_matches(target: Path, files: Mapping[str, bytes]) -> bool:
    manifest = target / MANIFEST_NAME
    try:
        return manifest.read_bytes() == manifest_bytes(files)
    except OSError:
        return False


def _write_file(path: Path, content: bytes) -> None:
    with open(path, "xb") as stream:
        stream.write(content)
        stream.flush()
        os.fsync(stream.fileno())
    os.chmod(path, FILE_MODE)  # the umask must not decide the mode


def _link_or_copy(source: Path, destination: Path, mode: int = FILE_MODE) -> None:
    """A hard link keeps the unchanged file's inode, so its mtime survives the swap."""
    try:
        os.link(source, destination, follow_symlinks=False)
    except OSError as error:
        if error.errno not in (errno.EXDEV, errno.EPERM, errno.EMLINK, errno.ENOTSUP, errno.EACCES):
            raise
        shutil.copy2(source, destination)  # copy2 keeps the mtime too
        os.chmod(destination, mode)
        with open(destination, "rb") as stream:
            os.fsync(stream.fileno())


def _swap(staging: Path, target: Path) -> None:
    if not target.exists():
        os.rename(staging, target)
        _fsync_dir(target.parent)
        return
    if _exchange(staging, target):  # the commit point; staging now holds the previous tree
        _fsync_dir(target.parent)
        shutil.rmtree(staging)
        return
    previous = previous_path(target)
    os.rename(target, previous)
    try:
        os.rename(staging, target)  # the commit point
    except BaseException:
        os.rename(previous, target)  # put the old tree back; _recover does it if this fails
        shutil.rmtree(staging, ignore_errors=True)
        raise
    _fsync_dir(target.parent)
    shutil.rmtree(previous)


_AT_FDCWD = -100
_RENAME_EXCHANGE = 2


def _exchange(first: Path, second: Path) -> bool:
    """Swap two folders atomically (Linux ``renameat2(RENAME_EXCHANGE)``); False where the
    system or the file system cannot, and the caller falls back to two renames."""
    if sys.platform != "linux":
        return False
    renameat2 = getattr(ctypes.CDLL(None, use_errno=True), "renameat2", None)  # glibc >= 2.28
    if renameat2 is None:
        return False
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    if renameat2(_AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), _RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.ENOTSUP):
        return False
    raise OSError(code, os.strerror(code), str(second))


def _fsync_dir(folder: Path) -> None:
    """Make renames and new entries in ``folder`` durable (POSIX only)."""
    if sys.platform == "win32":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _reason(error: OSError) -> str:
    where = f" ({error.filename})" if error.filename else ""
    return f"{error.strerror or error}{where}"


__all__ = [
    "MANIFEST_NAME",
    "TreeChanges",
    "TreeWriter",
    "UncompilableError",
    "compare_tree",
    "NotOwnedError",
    "OutputError",
    "WriteReport",
    "manifest_bytes",
    "previous_path",
    "staging_path",
    "write_tree",
]

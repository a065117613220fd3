"""One generation run, from a docs folder to the files of the output package, in memory.

The command line (``codegen.cli``) reads settings, calls :func:`build_output`, writes the
files with ``codegen.output`` and reports. Nothing here touches the output folder.

With a cache folder (``Settings.cache``), each step is skipped where its inputs are unchanged:
pages are parsed once per content, a version is rebuilt only when one of its pages (or the
generator) changed, a service's files are re-rendered only when its part of the model changed,
and each distinct text is formatted once. Several versions to build are built in parallel
processes. The output is the same bytes either way (tests/test_incremental.py and
tests/test_determinism.py check it).
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
import time
from collections.abc import Callable, Iterator, Mapping
from concurrent.futures import as_completed
from dataclasses import dataclass, field, replace
from itertools import repeat
from pathlib import Path
from typing import NamedTuple, TypeVar

from . import __version__, naming
from .build import VersionPages, build_version, group_pages, refused_version
from .name_gate import DEFAULT_MAX_NAME_LENGTH, version_problem
from .versions import nearest_documented, newest_version, version_number
from .wsdl_choice import wsdl_choices
from .build_rest import build_webapi
from .cache import Cache, CacheUse, Memo, cache_diagnostics, generator_fingerprint, key
from .limits import DEFAULT_LIMITS, Limits
from .model import Diagnostic, Version
from .processes import worker_pool
from .render import Renderer, format_file, format_files
from .sources.documents import Reading, read_file, reads
from .sources.pages import Page
from .sources.walk import refused_link, walk
from .sources.rest import RestPage

# progress(stage, done, total): called as work advances, so that a front end can draw a bar.
Progress = Callable[[str, int, int], None]
# finished(files): called with each part of the output (a version, the WebAPI, the rest) once
# its files are final, so that a front end can write them while the next parts are built.
Finished = Callable[[Mapping[str, bytes]], None]

T = TypeVar("T")


@dataclass(frozen=True)
class Settings:
    docs: Path
    out: Path
    versions: tuple[str, ...] = ()  # empty: every version found in the docs
    package: str = "superoffice_services"
    cache: Path | None = None  # where to keep the cache; None: no cache between runs
    wsdl: tuple[Path, ...] = ()  # WSDL files, folders of them or zips, besides the docs folder
    follow_links_to: tuple[Path, ...] = ()  # folders outside the docs that symbolic links may reach
    limits: Limits = DEFAULT_LIMITS  # what one docs file may hold (codegen.limits)
    max_name_length: int = DEFAULT_MAX_NAME_LENGTH  # longer names of the docs are refused (codegen.name_gate)


@dataclass
class Outcome:
    files: dict[str, bytes]  # relative POSIX path inside the output folder -> content
    diagnostics: list[Diagnostic] = field(default_factory=list)
    pages_read: int = 0  # files read (a zip of WSDLs counts once)
    skipped: tuple[tuple[str, str], ...] = ()  # (file, why) of the files that gave nothing
    versions: int = 0
    services: int = 0
    operations: int = 0
    types: int = 0
    endpoints: int = 0
    cache_hits: int = 0
    cache_misses: int = 0

    @property
    def errors(self) -> int:
        return sum(1 for d in self.diagnostics if d.severity == "error")


class FatalError(Exception):
    """The run cannot produce anything (no docs folder, no pages, bad settings)."""


@dataclass(frozen=True)
class _Source:
    """A docs file: where it is and a hash of its bytes."""

    path: str  # not a Path: making ten thousand costs more than the rest of a no-change run
    relative: str
    digest: str
    key: str  # of the page's cached readings: the generator, the place and the digest


class _SourceFacts(NamedTuple):
    """What a run needs to know of every file without loading it: what it documents (the
    kind and version of each page, WSDL or endpoint), what its readers reported, and why it
    gave nothing, if it did. The cache keeps them all in one index."""

    identities: tuple[tuple[str, str], ...]  # (kind, version)
    diagnostics: tuple[tuple[str, Diagnostic], ...]  # (version, "" for none; diagnostic)
    skipped: str

    @property
    def versions(self) -> set[str]:
        return {version for kind, version in self.identities if version and kind.startswith("soap")}


@dataclass
class _VersionResult:
    files: dict[str, bytes]
    diagnostics: list[Diagnostic]
    outline: Version  # the model without operations, types or schemas: all the package's top needs
    operations: int
    types: int
    key: str  # the cache key of the version, and of its full model
    wsdl_choices: tuple[str, ...] = ()  # which WSDL each service with several used


@dataclass
class _WebApiResult:
    files: dict[str, bytes]
    diagnostics: list[Diagnostic]
    endpoints: int
    key: str


@dataclass
class _RunRecord:
    """A run, for a later run with the same inputs: its outcome without the files, which stay
    in the parts' results (no second copy of some 60 MB), and the few files of its own."""

    outcome: Outcome
    parts: list[tuple[str, str]]  # (kind, key) of the version and WebAPI results
    common: dict[str, bytes]


def build_output(settings: Settings, progress: Progress | None = None, finished: Finished | None = None) -> Outcome:
    cache = Cache(settings.cache)
    try:
        return _Run(settings, cache, progress or (lambda stage, done, total: None), finished or (lambda files: None)).run()
    finally:
        cache.close()


class _Run:
    def __init__(self, settings: Settings, cache: Cache, progress: Progress, finished: Finished) -> None:
        self.settings = settings
        self.cache = cache
        self.progress = progress
        self.finished = finished
        # what is read and built depends on the limits too: every cache key has them
        self.generator = key(generator_fingerprint(), settings.limits.describe())
        self.renderer: Renderer | None = None
        self.reused_versions = False
        self.parts: list[tuple[str, str]] = []
        self.common_paths: list[str] = []
        self.facts: dict[str, _SourceFacts] = {}  # by source key: what the run needs of every file
        self.readings: dict[str, Reading] = {}  # by source key: the files loaded in this run
        self.jobs = os.cpu_count() or 1  # processes for the parts that run in parallel
        self.refused_links: list[str] = []  # symbolic links that lead outside the docs folder
        self.refused: set[str] = set()  # versions whose names the gate refuses

    def memo(self, kind: str, name: str, compute: Callable[[], T], /) -> T:
        """The cache as build.py's memo: values keyed by what they depend on."""
        cache_key = key(self.generator, kind, name)
        found = self.cache.get_object(kind, cache_key)
        if found is not None:
            return found  # type: ignore[return-value]
        value = compute()
        self.cache.put_object(kind, cache_key, value)
        return value

    def render_memo(self) -> Memo | None:
        """The memo for the renderer where there is a cache folder: its keys cost a pickle of
        the model, which only pays where the values outlive the run."""
        return self.memo if self.cache.persistent else None

    # -- reading --------------------------------------------------------------------------------

    def sources(self) -> list[_Source]:
        root = self.settings.docs
        if not root.is_dir():
            raise FatalError(f"the docs folder {root} does not exist")
        # a file whose size, times and inode are those of the last run keeps its digest, as
        # black's and mypy's caches do: a run with no change reads no page
        stats_key = key(str(root.resolve()), *map(str, self.settings.wsdl))
        cached = self.cache.get_object("file-stats", stats_key)
        known: dict[str, tuple[tuple[int, ...], str]] = cached if isinstance(cached, dict) else {}
        seen: dict[str, tuple[tuple[int, ...], str]] = {}
        found = []
        # a file changed in the last seconds may change again within the file system's time
        # granularity, keeping size and times: its digest is not trusted ("racily clean" in git)
        settled = time.time_ns() - 2_000_000_000
        for relative, full, stat in self.files():
            signature = (stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns, stat.st_ino)
            previous = known.get(relative)
            if not reads(relative):
                digest = ""  # skipped unread: its bytes cannot change what is generated
            elif previous is not None and previous[0] == signature and max(signature[1:3]) < settled:
                digest = previous[1]
            else:
                try:
                    with open(full, "rb") as stream:
                        # in chunks: a file over the page-size limit is never held whole
                        digest = hashlib.file_digest(stream, "sha256").hexdigest()
                except OSError:
                    digest = hashlib.sha256(b"").hexdigest()  # read_file reports it
            seen[relative] = (signature, digest)
            found.append(_Source(full, relative, digest, key(self.generator, relative, digest)))
        if seen != known:
            self.cache.put_object("file-stats", stats_key, seen)
        return found

    def files(self) -> list[tuple[str, str, os.stat_result]]:
        """The docs folder's files, then the WSDL files given apart (``--wsdl``), named as given;
        the links that lead outside are kept in ``refused_links``."""
        walked = walk(self.settings.docs, self.settings.follow_links_to)
        found, self.refused_links = walked.files, walked.refused_links
        for given in self.settings.wsdl:
            if given.is_dir():
                inside = walk(given, self.settings.follow_links_to)
                found += [(f"{given.as_posix()}/{relative}", full, stat) for relative, full, stat in inside.files]
                self.refused_links += [f"{given.as_posix()}/{relative}" for relative in inside.refused_links]
            else:
                try:
                    found.append((given.as_posix(), os.fspath(given), given.stat()))
                except OSError as error:
                    raise FatalError(f"the WSDL file {given} cannot be read: {error.strerror or error}") from error
        return found

    def identities(self, sources: list[_Source]) -> dict[str, _SourceFacts]:
        """What each file documents, by relative path, from the cache's index where possible:
        enough to know which versions a change touches without parsing anything."""
        index = self.cache.get_object("source-index", self.generator)
        known: dict[str, _SourceFacts] = index if isinstance(index, dict) else {}
        self.facts = {}
        unread = []
        for source in sources:
            facts = known.get(source.key)
            if facts is None:
                unread.append(source)
            else:
                self.facts[source.key] = facts
        self.progress("read pages", len(self.facts), len(sources))
        for source, reading in zip(unread, self.read_files(unread, len(self.facts), len(sources))):
            self.remember(source, reading)
        if unread or len(known) != len(self.facts):
            self.cache.put_object("source-index", self.generator, self.facts)  # this run's files only
        return {s.relative: self.facts[s.key] for s in sources}

    def read_files(self, sources: list[_Source], done: int, total: int) -> Iterator[Reading]:
        """Read files, in as many processes as there are cores when there are many: markdown
        parsing is most of a cold run's reading, and files are independent."""
        jobs = self.jobs
        if jobs == 1 or len(sources) < 400:
            for index, source in enumerate(sources, done + 1):
                yield self.read(source)
                self.progress("read pages", index, total)
            return
        batches = [sources[i : i + 100] for i in range(0, len(sources), 100)]
        with worker_pool(jobs) as pool:
            paths = ([(s.path, s.relative) for s in batch] for batch in batches)
            for batch in pool.map(_read_files, paths, repeat(self.settings.docs), repeat(self.settings.limits)):
                for read in batch:
                    done += 1
                    yield read
                self.progress("read pages", done, total)

    def read(self, source: _Source) -> Reading:
        return _read_file(source.path, source.relative, self.settings.docs, self.settings.limits)

    def remember(self, source: _Source, reading: Reading) -> None:
        self.readings[source.key] = reading
        self.cache.put_object("reading", source.key, reading)
        diagnostics = [("", d) for d in reading.diagnostics]
        for page in reading.pages:
            diagnostics += [(page.version, d) for d in page.diagnostics]
        for rest_page in reading.rest_pages:
            diagnostics += [("", d) for d in rest_page.diagnostics]
        identities = [(page.kind, page.version) for page in reading.pages]
        if reading.rest_pages:
            identities.append(("rest-endpoint", ""))
        self.facts[source.key] = _SourceFacts(tuple(dict.fromkeys(identities)), tuple(diagnostics), reading.skipped)

    def reading(self, source: _Source) -> Reading:
        """What a file documents, from this run's memory, the cache or the file."""
        found = self.readings.get(source.key) or self.cache.get_object("reading", source.key)
        if not isinstance(found, Reading):
            found = self.read(source)
            self.remember(source, found)
        self.readings[source.key] = found
        return found

    def pages(self, sources: list[_Source], version: str) -> list[Page]:
        return [page for source in sources for page in self.reading(source).pages if page.version == version]

    def rest_pages(self, sources: list[_Source]) -> list[RestPage]:
        return [page for source in sources for page in self.reading(source).rest_pages]

    # -- the run ----------------------------------------------------------------------------------

    def run(self) -> Outcome:
        sources = self.sources()
        # the same pages and generator as a run before: its outcome, without looking further
        run_key = key(
            self.generator, self.settings.package, str(self.settings.max_name_length), *self.settings.versions, "|", *_inputs(sources)
        )
        record = self.cache.get_object("run", run_key)
        if isinstance(record, _RunRecord):
            replayed = self.replay(record)
            if replayed is not None:
                return self.with_run_news(replayed)
        outcome = self.build(sources)
        common = {path: outcome.files[path] for path in self.common_paths}
        self.cache.put_object("run", run_key, _RunRecord(replace(outcome, files={}), self.parts, common))
        if not self.settings.versions and not self.reused_versions:
            # every version was built afresh (a new generator, say): what it used is all an
            # up-to-date cache needs, and the rest would only pile up
            self.cache.prune()
        return self.with_run_news(outcome)  # after the record: a later run has no such news

    def with_run_news(self, outcome: Outcome) -> Outcome:
        """What this run found that a replayed run does not know: links not followed, and the
        cache's entries that failed their check."""
        news = [*map(refused_link, self.refused_links), *cache_diagnostics(self.cache)]
        return replace(outcome, diagnostics=[*outcome.diagnostics, *news]) if news else outcome

    def replay(self, record: _RunRecord) -> Outcome | None:
        """The outcome of a run with the same inputs, its files taken from the versions' and the
        WebAPI's cached results (None where one is gone)."""
        files = dict(record.common)
        for kind, part_key in record.parts:
            part = self.cache.get_object(kind, part_key)
            if not isinstance(part, (_VersionResult, _WebApiResult)):
                return None
            files.update(part.files)
        return replace(record.outcome, files=dict(sorted(files.items())), cache_hits=self.cache.hits, cache_misses=self.cache.misses)

    def build(self, sources: list[_Source]) -> Outcome:
        facts = self.identities(sources)
        kinds = {kind for f in facts.values() for kind, _ in f.identities}
        if not kinds & {"soap-operation", "soap-wsdl", "rest-endpoint"}:
            raise FatalError(f"no SOAP operation, WSDL or WebAPI pages found in {self.settings.docs}")
        diagnostics = self.refuse_versions(sources, facts)
        found_versions = sorted({v for f in facts.values() for v in f.versions} - self.refused, key=version_number)
        wanted = [v for v in found_versions if not self.settings.versions or v in self.settings.versions]
        missing = sorted(set(self.settings.versions) - set(found_versions))
        if missing:
            raise FatalError(f"no pages of {', '.join(missing)} in {self.settings.docs}")
        newest = newest_version(found_versions)
        rest_sources = [s for s in sources if ("rest-endpoint", "") in facts[s.relative].identities]
        documented = {v for f in facts.values() for kind, v in f.identities if kind == "soap-operation"} - self.refused

        renderer = self.get_renderer(sources)
        diagnostics += self.reading_diagnostics(sources, wanted)
        files: dict[str, bytes] = {}
        by_version = {name: [s for s in sources if name in facts[s.relative].versions] for name in wanted}
        # a version with no operation pages borrows the descriptions of the nearest one that has
        lenders = {name: nearest_documented(name, documented) for name in wanted if name not in documented}
        lent = {
            name: (lender, [s for s in sources if lender in facts[s.relative].versions])
            for name, lender in lenders.items()
            if lender
        }
        results = self.versions(by_version, rest_sources, newest, lent)
        for name in wanted:
            result = results[name]
            self.parts.append(("version", result.key))
            files.update(result.files)
            diagnostics.extend(result.diagnostics)

        endpoints = 0
        if rest_sources:
            webapi = self.webapi(rest_sources, results.get(newest), newest)
            self.finished(webapi.files)
            self.parts.append(("webapi", webapi.key))
            files.update(webapi.files)
            diagnostics.extend(webapi.diagnostics)
            endpoints = webapi.endpoints
        outlines = [results[name].outline for name in wanted]
        choices = [choice for name in wanted for choice in results[name].wsdl_choices]
        # the docs' fingerprint says which WSDLs were used, not only what the files hold
        renderer.fingerprint = hashlib.sha256("\n".join([renderer.fingerprint, *choices]).encode()).hexdigest()
        webapi_built = bool(endpoints or (rest_sources and newest in results))
        common = self.format(renderer.render_common(outlines, webapi=webapi_built, wsdl_choices=choices))
        common.update(renderer.runtime_files())
        self.finished(common)
        files.update(common)
        self.common_paths = sorted(common)

        if not results and not endpoints:
            raise FatalError(f"no SOAP version or WebAPI could be built from {self.settings.docs}")
        return Outcome(
            files=dict(sorted(files.items())),
            diagnostics=sorted(set(diagnostics)),
            pages_read=sum(1 for s in sources if not facts[s.relative].skipped),
            skipped=tuple((s.relative, facts[s.relative].skipped) for s in sources if facts[s.relative].skipped),
            versions=len(results),
            services=sum(len(v.services) for v in outlines),
            operations=sum(r.operations for r in results.values()),
            types=sum(r.types for r in results.values()),
            endpoints=endpoints,
            cache_hits=self.cache.hits,
            cache_misses=self.cache.misses,
        )

    def refuse_versions(self, sources: list[_Source], facts: dict[str, _SourceFacts]) -> list[Diagnostic]:
        """An N001 for each version whose name the gate refuses (its pages are not built)."""
        limit = self.settings.max_name_length
        found = {v for f in facts.values() for v in f.versions}
        self.refused = {name for name in found if version_problem(name, limit)}
        return [
            refused_version(name, [p for s in sources if name in facts[s.relative].versions for p in self.pages([s], name)], limit)
            for name in sorted(self.refused)
        ]

    def get_renderer(self, sources: list[_Source]) -> Renderer:
        if self.renderer is None:
            # what the docs say, whatever the files are called or where they are
            fingerprint = hashlib.sha256("\n".join(sorted(s.digest for s in sources)).encode()).hexdigest()
            self.renderer = Renderer(self.settings.package, __version__, fingerprint)
        return self.renderer

    def get_fingerprint(self) -> str:
        assert self.renderer is not None, "run() makes the renderer first"
        return self.renderer.fingerprint

    def reading_diagnostics(
        self, sources: list[_Source], wanted: list[str]
    ) -> list[Diagnostic]:
        """The page readers' diagnostics of the pages that take part in this run (every page
        but those of versions not asked for)."""
        found: list[Diagnostic] = []
        for source in sources:
            found += [d for version, d in self.facts[source.key].diagnostics if not version or version in wanted]
        return found

    def versions(
        self,
        by_version: dict[str, list[_Source]],
        rest_sources: list[_Source],
        newest: str,
        lent: dict[str, tuple[str, list[_Source]]],
    ) -> dict[str, _VersionResult]:
        """Each version's result: from the cache where its pages are unchanged, else built;
        several versions to build are built in parallel processes, one version each. ``lent``:
        for a version without operation pages, the version whose descriptions it borrows."""
        results: dict[str, _VersionResult] = {}
        todo: list[_VersionJob] = []
        for name, sources in by_version.items():
            rest = rest_sources if name == newest else []
            lender, lender_sources = lent.get(name, ("", []))
            # the newest version lends the WebAPI's descriptions too
            lender_rest = rest_sources if lender and lender == newest else []
            inputs = _inputs(sources + rest) + ["|", lender, *_inputs(lender_sources + lender_rest)]
            version_key = key(self.generator, self.settings.package, str(self.settings.max_name_length), name, *inputs)
            cached = self.cache.get_object("version", version_key)
            # the newest version's model must be at hand too, for the WebAPI
            if isinstance(cached, _VersionResult) and (not rest or self.cache.has("model", version_key)):
                self.reused_versions = True
                results[name] = cached
            else:
                borrowed = (lender, self.pages(lender_sources, lender)) if lender else None
                job = _VersionJob(name, version_key, self.pages(sources, name), self.rest_pages(rest), borrowed, self.rest_pages(lender_rest))
                todo.append(job)
        if self.jobs > 1 and len(todo) > 1:
            self.build_in_processes(todo, rest_sources, results)
        else:
            for result in list(results.values()):
                self.finished(result.files)
            for job in todo:
                results[job.name] = self.version(job)
                self.finished(results[job.name].files)
        return results

    def build_in_processes(self, todo: list[_VersionJob], rest_sources: list[_Source], results: dict[str, _VersionResult]) -> None:
        """Build the versions of ``todo`` in worker processes, one each, into ``results`` (which
        holds the cached ones, handed over to be written while the workers work)."""
        for job in todo:
            # the worker that builds the newest version builds the WebAPI from its model
            # too: five versions keep one of two processes idle at the end, this fills it
            webapi_key = self.webapi_key(rest_sources, job.key) if job.rest_pages else ""
            if webapi_key and not self.cache.has("webapi", webapi_key):
                job.webapi_key = webapi_key
        # the biggest first, so that the last to start is a small one
        todo.sort(key=lambda job: -len(job.pages) - len(job.rest_pages))
        self.progress("build versions", 0, len(todo))
        # forked workers have the pages already, in the memory they were forked with: they are
        # sent the version's name, and a version's pages are not pickled both ways
        inherited = multiprocessing.get_start_method() == "fork"
        if inherited:
            _FORKED_JOBS.update((job.name, job) for job in todo)
        try:
            with worker_pool(min(self.jobs, len(todo))) as pool:
                fingerprint = self.get_fingerprint()
                futures = [pool.submit(_build_version_job, self.settings, fingerprint, job.name if inherited else job) for job in todo]
                for result in results.values():
                    self.finished(result.files)
                for done, future in enumerate(as_completed(futures), 1):
                    result, model, webapi, used = future.result()
                    self.cache.adopt(used)
                    self.cache.remember("version", result.key, result)
                    if model is not None:
                        self.cache.remember("model", result.key, model)
                    if webapi is not None:
                        self.cache.remember("webapi", webapi.key, webapi)
                    results[result.outline.name] = result
                    self.finished(result.files)
                    self.progress("build versions", done, len(todo))
        finally:
            _FORKED_JOBS.clear()

    def version(self, job: _VersionJob) -> _VersionResult:
        """Build, render and format one version, and keep its result and model in the cache."""
        grouped = group_pages(job.pages).get(job.name, VersionPages())
        borrowed = None
        if job.borrowed is not None:
            lender, pages = job.borrowed
            borrowed = (lender, group_pages(pages).get(lender, VersionPages()))
        model, diagnostics = build_version(
            job.name, grouped, job.rest_pages, self.memo, borrowed, job.borrowed_rest, self.settings.limits, self.settings.max_name_length
        )
        module = naming.module_names([job.name])[0]
        renderer = self.renderer
        assert renderer is not None, "run() makes the renderer first"
        texts = renderer.render_version(model, module, self.render_memo())
        outline = replace(
            model, services=tuple(replace(s, operations=()) for s in model.services), types=(), schemas=(), schema_entries=()
        )
        operations = sum(len(s.operations) for s in model.services)
        result = _VersionResult(self.format(texts), diagnostics, outline, operations, len(model.types), job.key, wsdl_choices(job.pages))
        self.cache.put_object("version", job.key, result)
        self.cache.put_object("model", job.key, model)  # apart: only the WebAPI needs it again
        return result

    def webapi(self, rest_sources: list[_Source], paired: _VersionResult | None, newest: str) -> _WebApiResult:
        """The WebAPI package, rebuilt only when a REST page or the paired version changed."""
        webapi_key = self.webapi_key(rest_sources, paired.key if paired else "")
        cached = self.cache.get_object("webapi", webapi_key)
        if isinstance(cached, _WebApiResult):
            return cached
        found = self.cache.get_object("model", paired.key) if paired else None
        model = found if isinstance(found, Version) else None  # version() made sure it is there
        return self.make_webapi(self.rest_pages(rest_sources), model, newest, webapi_key)

    def webapi_key(self, rest_sources: list[_Source], paired_key: str) -> str:
        return key(self.generator, self.settings.package, paired_key, *_inputs(rest_sources))

    def make_webapi(self, rest_pages: list[RestPage], model: Version | None, newest: str, webapi_key: str) -> _WebApiResult:
        """Build, render and format the WebAPI package, and keep it in the cache."""
        webapi, diagnostics = build_webapi(rest_pages, model, newest)
        result = _WebApiResult({}, diagnostics, 0, webapi_key)
        if webapi is not None:
            renderer = self.renderer
            assert renderer is not None
            texts = renderer.render_webapi(webapi, model, self.render_memo())
            endpoints = sum(len(agent.endpoints) for agent in (*webapi.agents, *webapi.entities))
            result = _WebApiResult(self.format(texts), diagnostics, endpoints, webapi_key)
        self.cache.put_object("webapi", webapi_key, result)
        return result

    def format(self, texts: dict[str, str]) -> dict[str, bytes]:
        """The files formatted (``render.format_files``), each distinct text once across runs."""
        formatted: dict[str, bytes] = {}
        todo: dict[str, str] = {}
        keys: dict[str, str] = {}
        for path, text in texts.items():
            text_key = key(self.generator, path.rsplit(".", 1)[-1], text)
            keys[path] = text_key
            found = self.cache.get("formatted", text_key)
            if found is not None:
                formatted[path] = found
            else:
                todo[path] = text
        done = format_files(todo, lambda n, total: self.progress("format", n, total), self.jobs) if len(todo) > 1 else {
            path: format_file(path, text) for path, text in todo.items()
        }
        for path, data in done.items():
            self.cache.put("formatted", keys[path], data)
            formatted[path] = data
        return formatted


@dataclass
class _VersionJob:
    """A version to build: its pages, and for the newest the WebAPI pages' descriptions."""

    name: str
    key: str
    pages: list[Page]
    rest_pages: list[RestPage]
    borrowed: tuple[str, list[Page]] | None = None  # the version lending descriptions, its pages
    borrowed_rest: list[RestPage] = field(default_factory=list)  # the WebAPI pages of that version
    webapi_key: str = ""  # where the WebAPI is to be built with the version: its cache key


_FORKED_JOBS: dict[str, _VersionJob] = {}  # the jobs of the run that forks version workers


def _build_version_job(
    settings: Settings, fingerprint: str, job: _VersionJob | str
) -> tuple[_VersionResult, Version | None, _WebApiResult | None, CacheUse]:
    """One version in a worker process (and the WebAPI where the job says so): the same steps
    as in the main process, with the cache file opened here (SQLite serialises the writers) and
    formatting in this process alone. The model comes back only where the WebAPI needs it; the
    cache entries used, so that the main process does not prune them. A forked worker is
    given the job's name and finds the job in the memory it was forked with."""
    if isinstance(job, str):
        job = _FORKED_JOBS[job]
    cache = Cache(settings.cache)
    try:
        run = _Run(settings, cache, lambda stage, done, total: None, lambda files: None)
        run.jobs = 1
        run.renderer = Renderer(settings.package, __version__, fingerprint)
        result = run.version(job)
        found = cache.get_object("model", job.key) if job.rest_pages else None
        model = found if isinstance(found, Version) else None
        webapi = run.make_webapi(job.rest_pages, model, job.name, job.webapi_key) if job.webapi_key else None
        return result, model, webapi, cache.use()
    finally:
        cache.close()


def _read_file(path: str, relative: str, root: Path, limits: Limits) -> Reading:
    reading = read_file(Path(path), root, limits)
    # files given apart (--wsdl) are named as the run names them, whatever read_file makes of them
    return reading if reading.path == relative else replace(reading, path=relative)


def _read_files(paths: list[tuple[str, str]], root: Path, limits: Limits) -> list[Reading]:
    return [_read_file(path, relative, root, limits) for path, relative in paths]


def _inputs(sources: list[_Source]) -> list[str]:
    """What a result depends on of its pages: their places and contents."""
    return [f"{s.relative}:{s.digest}" for s in sorted(sources, key=lambda s: s.relative)]


__all__ = ["FatalError", "Finished", "Outcome", "Progress", "Settings", "build_output"]

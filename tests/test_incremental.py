"""Incremental regeneration gives the same bytes as a clean run, whatever is edited.

Random edits (seeded, so a failure can be replayed) are applied to copies of real pages, one
after another; after each, a run with the cache of all previous runs is compared with a run
without any cache, file by file."""

from __future__ import annotations

import os
import random
import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from codegen.pipeline import Settings, build_output
from conftest import require_corpus

Edit = Callable[[Path, random.Random], str]


def pages(docs: Path, pattern: str = "*.md") -> list[Path]:
    return sorted(p for p in docs.rglob(pattern) if p.is_file())


def describe_an_operation(docs: Path, rng: random.Random) -> str:
    candidates = [p for p in pages(docs) if re.search(r"^## \w+\n", p.read_text(), re.M) and "Request" in p.read_text()]
    page = rng.choice(candidates)
    text = page.read_text()
    heading = re.search(r"^## (\w+)\n", text, re.M)
    assert heading is not None
    words = " ".join(rng.choice(["Reads", "the", "hook", "and", "its", "settings", "quickly"]) for _ in range(6))
    page.write_text(text.replace(heading.group(0), f"{heading.group(0)}\n{words}.\n", 1))
    return f"description in {page.name}"


def change_an_example_value(docs: Path, rng: random.Random) -> str:
    page = rng.choice([p for p in pages(docs) if 'xsi:type="xsd:int">0<' in p.read_text()])
    page.write_text(page.read_text().replace('xsi:type="xsd:int">0<', f'xsi:type="xsd:int">{rng.randint(1, 99)}<', 1))
    return f"example value in {page.name}"


def rename_a_page(docs: Path, rng: random.Random) -> str:
    page = rng.choice(pages(docs))
    target = docs / "moved" / f"renamed-{rng.randint(0, 10**6)}.md"
    target.parent.mkdir(exist_ok=True)
    page.rename(target)
    return f"renamed {page.name}"


def delete_an_operation_page(docs: Path, rng: random.Random) -> str:
    page = rng.choice([p for p in pages(docs) if "## " in p.read_text() and "Request" in p.read_text()])
    page.unlink()
    return f"deleted {page.name}"


def copy_a_page(docs: Path, rng: random.Random) -> str:
    page = rng.choice(pages(docs))
    shutil.copy(page, docs / f"copy-{rng.randint(0, 10**6)}.md")
    return f"copied {page.name}"


def add_a_field_to_the_wsdl(docs: Path, rng: random.Random) -> str:
    wsdl = next(p for p in pages(docs) if "<wsdl:definitions" in p.read_text())
    text = wsdl.read_text()
    sequences = [m.start() for m in re.finditer(r'<xs:complexType name="\w+">\s*<xs:sequence>', text)]
    at = rng.choice(sequences)
    end = text.index("<xs:sequence>", at) + len("<xs:sequence>")
    name = f"Extra{rng.randint(0, 999)}"
    wsdl.write_text(text[:end] + f'\n<xs:element minOccurs="0" name="{name}" nillable="true" type="xs:string" />' + text[end:])
    return f"field {name} added to the WSDL"


def rename_an_enum_value(docs: Path, rng: random.Random) -> str:
    wsdl = next(p for p in pages(docs) if "<wsdl:definitions" in p.read_text())
    text = wsdl.read_text()
    values = sorted(set(re.findall(r'<xs:enumeration value="(\w+)"', text)))
    value = rng.choice(values)
    wsdl.write_text(text.replace(f'<xs:enumeration value="{value}"', f'<xs:enumeration value="{value}X"', 1))
    return f"enum value {value} renamed"


def break_an_example(docs: Path, rng: random.Random) -> str:
    page = rng.choice([p for p in pages(docs) if "<SOAP-ENV:Body>" in p.read_text()])
    page.write_text(page.read_text().replace("<SOAP-ENV:Body>", "<SOAP-ENV:Body><broken", 1))
    return f"broken example in {page.name}"


def edit_a_rest_page(docs: Path, rng: random.Random) -> str:
    page = rng.choice([p for p in pages(docs) if "POST /api/v1/Agents/" in p.read_text()])
    text = page.read_text()
    page.write_text(re.sub(r"(```\n\n)([A-Z])", rf"\g<1>Now {rng.randint(0, 99)}: \2", text, count=1))
    return f"REST description in {page.name}"


EDITS: list[Edit] = [
    describe_an_operation, change_an_example_value, rename_a_page, delete_an_operation_page, copy_a_page,
    add_a_field_to_the_wsdl, rename_an_enum_value, break_an_example, edit_a_rest_page,
]


def test_incremental_output_equals_a_clean_run_after_random_edits(tmp_path: Path) -> None:
    corpus = require_corpus()
    docs = tmp_path / "docs"
    shutil.copytree(corpus / "soap/Services88/Webhook", docs / "soap88")
    shutil.copy(corpus / "soap/Services88/Services88-Webhook.md", docs / "soap88")
    shutil.copytree(corpus / "soap/Services87/Webhook", docs / "soap87-no-wsdl")  # inferred from examples
    shutil.copytree(corpus / "restful/agent/Webhook_Agent", docs / "rest")
    cache = tmp_path / "cache"
    rng = random.Random(20261123)
    incremental_settings = Settings(docs=docs, out=tmp_path / "out", cache=cache)
    clean_settings = Settings(docs=docs, out=tmp_path / "out", cache=None)
    build_output(incremental_settings)  # fill the cache

    trials = []
    for trial in range(10):
        applied = [rng.choice(EDITS)(docs, rng) for _ in range(rng.randint(1, 3))]
        trials.append(applied)
        incremental = build_output(incremental_settings)
        clean = build_output(clean_settings)
        assert incremental.cache_hits > 0
        assert sorted(incremental.files) == sorted(clean.files), applied
        different = [path for path in clean.files if clean.files[path] != incremental.files[path]]
        assert different == [], f"trial {trial} ({applied}): {different[:5]}"
        assert incremental.diagnostics == clean.diagnostics, applied
    print(f"{len(trials)} trials, {sum(len(t) for t in trials)} edits: {trials}")


def webhook_docs(tmp_path: Path, *, with_wsdl: bool = True) -> Path:
    """A small docs folder: Services88 Webhook's operation pages, and its WSDL page."""
    corpus = require_corpus()
    docs = tmp_path / "docs"
    shutil.copytree(corpus / "soap/Services88/Webhook", docs)
    if with_wsdl:
        shutil.copy(corpus / "soap/Services88/Services88-Webhook.md", docs)
    return docs


def test_a_run_with_nothing_changed_takes_everything_from_the_cache(tmp_path: Path) -> None:
    docs = webhook_docs(tmp_path)
    settings = Settings(docs=docs, out=tmp_path / "out", cache=tmp_path / "cache")
    first = build_output(settings)
    second = build_output(settings)
    assert second.files == first.files
    # nothing parsed or formatted again: only the cheap lookups of the run itself missed
    assert second.cache_misses == 0, second.cache_misses


@pytest.mark.parametrize("damage", ["garbage", "truncated", "empty"])
def test_a_damaged_cache_is_rebuilt_not_trusted(tmp_path: Path, damage: str) -> None:
    docs = webhook_docs(tmp_path)
    cache = tmp_path / "cache"
    expected = build_output(Settings(docs=docs, out=tmp_path / "out", cache=None)).files
    build_output(Settings(docs=docs, out=tmp_path / "out", cache=cache))
    database = next(cache.glob("*.sqlite3"))
    data = database.read_bytes()
    database.write_bytes({"garbage": b"not a database" * 100, "truncated": data[: len(data) // 3], "empty": b""}[damage])
    for leftover in cache.glob("*.sqlite3-*"):
        leftover.unlink()
    assert build_output(Settings(docs=docs, out=tmp_path / "out", cache=cache)).files == expected


def test_a_run_with_nothing_changed_reads_no_page(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The pages' digests are kept by size, times and inode: an unchanged docs tree is not read."""
    docs = webhook_docs(tmp_path, with_wsdl=False)
    settings = Settings(docs=docs, out=tmp_path / "out", cache=tmp_path / "cache")
    build_output(settings)
    read: list[Path] = []
    original = Path.read_bytes

    def counting(self: Path) -> bytes:
        read.append(self)
        return original(self)

    monkeypatch.setattr(Path, "read_bytes", counting)
    build_output(settings)
    assert [p for p in read if docs in p.parents] == []


def test_an_edit_that_keeps_size_and_modification_time_is_still_seen(tmp_path: Path) -> None:
    """An editor or a checkout can restore a file's mtime; its change time still moves."""
    docs = webhook_docs(tmp_path)
    settings = Settings(docs=docs, out=tmp_path / "out", cache=tmp_path / "cache")
    before = build_output(settings)
    page = next(p for p in pages(docs) if 'xsi:type="xsd:int">0<' in p.read_text())
    stat = page.stat()
    page.write_text(page.read_text().replace('xsi:type="xsd:int">0<', 'xsi:type="xsd:int">7<', 1))
    os.utime(page, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert page.stat().st_size == stat.st_size and page.stat().st_mtime_ns == stat.st_mtime_ns
    after = build_output(settings)
    clean = build_output(Settings(docs=docs, out=tmp_path / "out", cache=None))
    assert after.files == clean.files
    assert after.files != before.files  # the version string follows the pages' contents

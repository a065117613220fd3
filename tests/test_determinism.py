"""The same docs give byte-identical output: across runs, hash seeds, file names and the order
in which pages are found."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

from conftest import require_corpus


def tree(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def generate(docs: Path, out: Path, seed: str) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "codegen", "generate", "--docs", str(docs), "--out", str(out), "--quiet", "--no-progress"],
        env={**os.environ, "PYTHONHASHSEED": seed}, capture_output=True, text=True, timeout=600,
    )
    assert result.returncode == 0, result.stderr


def test_the_same_pages_under_other_names_and_hash_seeds_give_byte_identical_output(tmp_path: Path) -> None:
    corpus = require_corpus()
    pages = sorted((corpus / "soap/Services88/SoPrincipal").glob("*.md")) + sorted((corpus / "soap/Services88/License").glob("*.md"))
    pages += [corpus / "soap/Services88/Services88-SoPrincipal.md", corpus / "soap/Services88/Services88-License.md"]
    pages += sorted((corpus / "soap/Services87/Webhook").glob("*.md"))  # a service without its WSDL: inferred
    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir()
    second.mkdir()
    for index, page in enumerate(pages):
        shutil.copy(page, first / f"{index:03d}.md")
        # reversed order of names, nested folders: a different discovery order
        (second / f"z{len(pages) - index}").mkdir()
        shutil.copy(page, second / f"z{len(pages) - index}" / "page.md")

    generate(first, tmp_path / "out1", "1")
    generate(second, tmp_path / "out2", "2")
    generate(first, tmp_path / "out3", "3")

    one = tree(tmp_path / "out1")
    assert len(one) > 50
    assert one == tree(tmp_path / "out2") == tree(tmp_path / "out3")

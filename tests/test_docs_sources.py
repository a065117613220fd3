"""A run over a docs folder that holds more than pages: WSDL files and zips (inside the folder or
given with --wsdl), files that give nothing (counted and named), and which WSDL wins."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from codegen.cli import main
from codegen.pipeline import Settings, build_output
from shop_docs import NS, REST_PAGES, VERSION, shop, wsdl_text

OLDER = "Services89"  # a version only a WSDL describes


def older_wsdl(operations: tuple[str, ...] = ("PlaceOrder", "CancelOrder", "FindOrders")) -> bytes:
    return wsdl_text(operations).replace(VERSION, OLDER).encode("utf-8")


def wsdl_zip(members: dict[str, tuple[bytes, tuple[int, int, int, int, int, int]]]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, (data, date) in members.items():
            archive.writestr(zipfile.ZipInfo(name, date), data)
    return buffer.getvalue()


def services_of(files: dict[str, bytes], version: str) -> bytes:
    return files[f"superoffice_services/{version.lower()}/shop.py"]


def test_a_version_only_a_zip_describes_is_generated_in_full(tmp_path: Path) -> None:
    folder = shop(tmp_path, rest=REST_PAGES)  # the WebAPI pages describe Services90's operations
    folder.write_bytes("downloads/wsdl.zip", wsdl_zip({"WSDL\\WSDL-Services89-Shop.xml": (older_wsdl(), (2026, 4, 16, 0, 0, 0))}))
    outcome = build_output(Settings(docs=folder.root, out=tmp_path / "out"))
    assert outcome.versions == 2 and outcome.errors == 0
    module = services_of(outcome.files, OLDER).decode()
    for method in ("def place_order", "def cancel_order", "def find_orders"):
        assert method in module
    assert f"{NS.replace(VERSION, OLDER)}/Shop/PlaceOrder" in module  # its own SOAP actions
    assert "Does PlaceOrder." in module and f"Described from the {VERSION} docs." in module


def test_wsdl_files_given_apart_are_read_as_if_they_were_in_the_docs(tmp_path: Path) -> None:
    folder = shop(tmp_path)
    outside = tmp_path / "elsewhere" / "older.wsdl"
    outside.parent.mkdir()
    outside.write_bytes(older_wsdl())
    inside = shop(tmp_path / "inside")
    inside.write_bytes("older.wsdl", older_wsdl())
    given = build_output(Settings(docs=folder.root, out=tmp_path / "out", wsdl=(outside,)))
    within = build_output(Settings(docs=inside.root, out=tmp_path / "out2"))
    assert given.versions == within.versions == 2
    assert services_of(given.files, OLDER) == services_of(within.files, OLDER)


def test_a_newer_wsdl_in_a_zip_wins_over_the_page_and_the_readme_says_so(tmp_path: Path) -> None:
    folder = shop(tmp_path)
    plain = build_output(Settings(docs=folder.root, out=tmp_path / "out"))
    newer = wsdl_text(("PlaceOrder", "CancelOrder", "FindOrders", "ShipOrder")).encode()
    folder.write_bytes("downloads/wsdl.zip", wsdl_zip({"WSDL/WSDL-Services90-Shop.xml": (newer, (2026, 7, 10, 3, 20, 10))}))
    outcome = build_output(Settings(docs=folder.root, out=tmp_path / "out"))
    assert b"def ship_order" in services_of(outcome.files, VERSION)
    assert b"def ship_order" not in services_of(plain.files, VERSION)
    chosen = [d for d in outcome.diagnostics if d.code == "B011"]
    assert len(chosen) == 1 and "downloads/wsdl.zip!WSDL/WSDL-Services90-Shop.xml" in chosen[0].message
    readme = outcome.files["README.md"].decode()
    assert f"- {VERSION} Shop: downloads/wsdl.zip!WSDL/WSDL-Services90-Shop.xml" in readme


def test_the_fingerprint_changes_with_the_wsdl_that_wins(tmp_path: Path) -> None:
    folder = shop(tmp_path)
    same_text = wsdl_text().encode()  # the page's own WSDL: no conflict, nothing to choose
    folder.write_bytes("downloads/wsdl.zip", wsdl_zip({"WSDL/x.xml": (same_text, (2026, 7, 10, 0, 0, 0))}))
    first = build_output(Settings(docs=folder.root, out=tmp_path / "out")).files["README.md"]
    newer = wsdl_text(("PlaceOrder", "CancelOrder", "FindOrders", "ShipOrder")).encode()
    folder.write_bytes("downloads/wsdl.zip", wsdl_zip({"WSDL/x.xml": (newer, (2026, 7, 10, 0, 0, 0))}))
    second = build_output(Settings(docs=folder.root, out=tmp_path / "out")).files["README.md"]
    assert b"the newer was used" not in first and b"the newer was used" in second
    assert first.split(b"fingerprint `")[1][:64] != second.split(b"fingerprint `")[1][:64]


def test_files_that_give_nothing_are_counted_and_named_with_verbose(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = shop(tmp_path)
    folder.write_bytes("images/logo.png", b"\x89PNG\r\n\x1a\n")
    folder.write("data/settings.json", '{"theme": "dark"}')
    folder.write("notes.xml", "<notes><note>not a WSDL</note></notes>")
    outcome = build_output(Settings(docs=folder.root, out=tmp_path / "out"))
    skipped = dict(outcome.skipped)
    assert set(skipped) == {"images/logo.png", "data/settings.json", "notes.xml"}
    assert "not a page, spec or WSDL" in skipped["images/logo.png"]
    monkeypatch.chdir(tmp_path)
    assert main(["generate", "--docs", "docs", "--out", "out", "--no-progress", "--no-cache"]) == 0
    shown = capsys.readouterr().out
    assert "  skipped      3 files (--verbose names them)" in shown and "logo.png" not in shown
    assert main(["generate", "--docs", "docs", "--out", "out", "--no-progress", "--no-cache", "-v"]) == 0
    shown = capsys.readouterr().out
    assert "  skipped      images/logo.png: not a page, spec or WSDL" in shown


def test_a_wsdl_setting_in_pyproject_is_read_relative_to_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = shop(tmp_path)
    (tmp_path / "wsdls").mkdir()
    (tmp_path / "wsdls" / "older.wsdl").write_bytes(older_wsdl())
    (tmp_path / "pyproject.toml").write_text('[tool.codegen]\ndocs = "docs"\nwsdl = ["wsdls"]\n', encoding="utf-8")
    (tmp_path / ".git").mkdir()
    monkeypatch.chdir(tmp_path)
    assert main(["generate", "--no-progress", "--no-cache", "-q"]) == 0
    assert (tmp_path / "generated" / "superoffice_services" / OLDER.lower() / "shop.py").is_file()
    assert folder.root.is_dir()


def test_a_changed_zip_is_noticed_by_a_cached_run_and_an_unchanged_one_is_replayed(tmp_path: Path) -> None:
    folder = shop(tmp_path, rest=REST_PAGES)
    archive = folder.write_bytes("downloads/wsdl.zip", wsdl_zip({"WSDL/a.xml": (older_wsdl(), (2026, 4, 16, 0, 0, 0))}))
    settings = Settings(docs=folder.root, out=tmp_path / "out", cache=tmp_path / "cache")
    first = build_output(settings)
    again = build_output(settings)
    assert again.files == first.files and again.cache_misses == 0
    archive.write_bytes(wsdl_zip({"WSDL/a.xml": (older_wsdl(("PlaceOrder", "CancelOrder", "FindOrders", "ShipOrder")), (2026, 4, 17, 0, 0, 0))}))
    changed = build_output(settings)
    assert b"def ship_order" in services_of(changed.files, OLDER) and b"def ship_order" not in services_of(first.files, OLDER)
    assert services_of(changed.files, VERSION) == services_of(first.files, VERSION)  # the other version as it was
    fresh = build_output(Settings(docs=folder.root, out=tmp_path / "out"))
    assert changed.files == fresh.files


def _mutations(data: bytes, seed: int, count: int) -> list[bytes]:
    """``count`` copies of ``data``, each with a few bytes flipped, cut or repeated."""
    import random

    chance = random.Random(seed)
    found = []
    for _ in range(count):
        mutated = bytearray(data)
        for _ in range(chance.randint(1, 6)):
            at = chance.randrange(len(mutated))
            action = chance.randrange(3)
            if action == 0:
                mutated[at] = chance.randrange(256)
            elif action == 1:
                del mutated[at : at + chance.randint(1, 64)]
            else:
                mutated[at:at] = mutated[at : at + chance.randint(1, 64)] * chance.randint(1, 50)
        found.append(bytes(mutated))
    return found


def test_mangled_specs_wsdls_and_zips_give_diagnostics_never_an_exception() -> None:
    from codegen.sources.documents import read_bytes

    spec = (
        b'{"openapi": "3.0.0", "paths": {"/api/v1/Agents/Shop/PlaceOrder": {"post": {"summary": "Places.",'
        b' "operationId": "v1ShopAgent_PlaceOrder", "parameters": [{"name": "id", "in": "query", "required": true,'
        b' "schema": {"type": "integer", "format": "int32"}}], "requestBody": {"content": {"application/json":'
        b' {"schema": {"$ref": "#/components/schemas/R"}}}}, "responses": {"200": {"description": "OK",'
        b' "content": {"application/json": {"schema": {"type": "array", "items": {"$ref": "#/components/schemas/R"}}}}}}}}},'
        b' "components": {"schemas": {"R": {"type": "object", "properties": {"A": {"$ref": "#/components/schemas/R"},'
        b' "B": {"type": "string", "enum": ["x", "y"]}}}}}}'
    )
    wsdl = wsdl_text().encode()
    archive = wsdl_zip({"WSDL/a.xml": (wsdl, (2026, 4, 16, 0, 0, 0)), "WSDL/b.xml": (older_wsdl(), (2026, 4, 16, 0, 0, 0))})
    for seed, data in enumerate((spec, wsdl, archive)):
        for mutated in _mutations(data, seed, 150):
            reading = read_bytes(mutated, "docs/file")
            for diagnostic in reading.all_diagnostics:
                assert diagnostic.path.startswith("docs/file") and diagnostic.line >= 1

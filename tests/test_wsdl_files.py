"""WSDL files and zips of WSDLs: known by their content, read in memory within bounds, and bad
zips become diagnostics. The corpus test reads SuperOffice's own wsdl.zip."""

from __future__ import annotations

import io
import random
import re
import time
import zipfile
from collections import Counter
from pathlib import Path

import pytest

from codegen.sources.wsdl import read_wsdl
from codegen.sources.wsdl_files import (
    ZipLimits,
    display_name,
    looks_like_wsdl,
    looks_like_zip,
    read_wsdl_file,
    read_wsdl_zip,
)

from shop_docs import VERSION, wsdl_text

WSDL = wsdl_text().encode("utf-8")
CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "superoffice-docs-current"
WSDL_ZIP = CORPUS / "downloads" / "wsdl.zip"
DATE = (2026, 7, 10, 3, 20, 10)


def make_zip(members: list[tuple[str, bytes]], method: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", method) as archive:
        for name, data in members:
            archive.writestr(zipfile.ZipInfo(name, DATE), data, compress_type=method)
    return buffer.getvalue()


def codes(diagnostics: tuple[object, ...]) -> list[str]:
    return [d.code for d in diagnostics]  # type: ignore[attr-defined]


# -- one WSDL file -------------------------------------------------------------------------------


def test_a_wsdl_file_becomes_the_wsdl_page_of_its_service() -> None:
    pages, problems = read_wsdl_file("wsdl/shop.wsdl", WSDL)
    assert problems == ()
    [page] = pages
    assert (page.kind, page.version, page.service, page.path) == ("soap-wsdl", VERSION, "Shop", "wsdl/shop.wsdl")
    assert page.endpoint == f"Remote/{VERSION}/Shop.svc"
    assert page.title == f"{VERSION}.ShopAgent WSDL" and page.uid == f"wsdl-{VERSION}-Shop"
    assert page.wsdl is not None and page.wsdl.line == 1 and page.wsdl.text == WSDL.decode()
    assert page.published == "" and page.diagnostics == ()
    parsed, _ = read_wsdl(page.wsdl.text, page.path, page.wsdl.line)
    assert parsed is not None and parsed.name == page.service and parsed.version == page.version


def test_a_file_is_known_by_its_content_not_its_name() -> None:
    [page], _ = read_wsdl_file("WSDL-Services88-ErpSync.xml", WSDL)
    assert (page.version, page.service) == (VERSION, "Shop")
    assert looks_like_wsdl(WSDL) and not looks_like_zip(WSDL)


def test_byte_order_marks_and_utf16_are_read() -> None:
    [page], _ = read_wsdl_file("bom.xml", b"\xef\xbb\xbf" + WSDL)
    assert page.wsdl is not None and page.wsdl.text == WSDL.decode()
    utf16 = WSDL.decode().replace('encoding="utf-8"', 'encoding="utf-16"').encode("utf-16")
    assert looks_like_wsdl(utf16)
    [page], problems = read_wsdl_file("utf16.xml", utf16)
    assert problems == () and page.service == "Shop"


def test_xml_that_is_no_wsdl_gives_nothing() -> None:
    assert read_wsdl_file("notes.xml", b"<?xml version='1.0'?><notes><definitions/></notes>") == ([], ())
    assert read_wsdl_file("empty.xml", b"") == ([], ())
    assert not looks_like_wsdl(b"<notes/>")


def test_a_wsdl_of_no_netserver_service_gives_nothing() -> None:
    other = WSDL.decode().replace("www.superoffice.net/ws/crm/NetServer/" + VERSION, "example.com/ws")
    other = other.replace(f"/Remote/{VERSION}/Shop.svc", "/shop")
    assert read_wsdl_file("other.wsdl", other.encode()) == ([], ())


def test_a_broken_or_hostile_wsdl_is_a_w001() -> None:
    pages, problems = read_wsdl_file("broken.wsdl", WSDL[: len(WSDL) // 2])
    assert pages == [] and codes(problems) == ["W001"] and problems[0].path == "broken.wsdl"
    hostile = WSDL.decode().replace("?>", '?><!DOCTYPE x [<!ENTITY e "boom">]>', 1).replace("<wsdl:types>", "<wsdl:types>&e;")
    pages, problems = read_wsdl_file("hostile.wsdl", hostile.encode())
    assert pages == [] and codes(problems) == ["W001"]


def test_names_that_disagree_are_reported_and_the_address_wins() -> None:
    text = WSDL.decode().replace('name="WcfShopService"', 'name="WcfStoreService"')
    [page], _ = read_wsdl_file("shop.wsdl", text.encode())
    assert page.service == "Shop"
    assert codes(page.diagnostics) == ["Z010"]
    assert "the wsdl:service name names the service 'Store'" in page.diagnostics[0].message


def test_a_wsdl_without_address_is_named_by_its_service_element() -> None:
    text = re.sub(r"<soap:address [^>]*/>", "", WSDL.decode())
    [page], _ = read_wsdl_file("shop.wsdl", text.encode())
    assert (page.version, page.service, page.endpoint) == (VERSION, "Shop", "")


def test_invalid_utf8_is_decoded_with_a_warning() -> None:
    text = WSDL.replace(b"<wsdl:types>", b"<!-- \xff --><wsdl:types>")
    [page], _ = read_wsdl_file("latin.wsdl", text)
    assert codes(page.diagnostics) == ["Z009"]


# -- zips ---------------------------------------------------------------------------------------------


def test_each_wsdl_in_a_zip_is_a_page_dated_by_its_member() -> None:
    data = make_zip([("WSDL\\WSDL-Services90-Shop.xml", WSDL), ("WSDL\\readme.txt", b"hello"), ("WSDL/", b"")])
    assert looks_like_zip(data) and not looks_like_wsdl(data)
    pages, problems = read_wsdl_zip("downloads/wsdl.zip", data)
    [page] = pages
    assert page.path == "downloads/wsdl.zip!WSDL/WSDL-Services90-Shop.xml"
    assert page.published == "2026-07-10T03:20:10"
    assert (page.version, page.service) == (VERSION, "Shop")
    assert codes(problems) == ["Z008"] and "'WSDL/readme.txt'" in problems[0].message


def test_a_member_whose_name_lies_is_known_by_its_content() -> None:
    [page], _ = read_wsdl_zip("w.zip", make_zip([("WSDL-Services88-ErpSync.txt", WSDL)]))
    assert (page.version, page.service) == (VERSION, "Shop")
    assert page.path == "w.zip!WSDL-Services88-ErpSync.txt"


@pytest.mark.parametrize(
    "name",
    ["../shop.xml", "WSDL/../../shop.xml", "..\\shop.xml", "/etc/shop.xml", "\\\\server\\share\\shop.xml", "C:\\shop.xml", "c:shop.xml"],
)
def test_member_names_that_leave_the_zip_are_refused(name: str) -> None:
    pages, problems = read_wsdl_zip("downloads/wsdl.zip", make_zip([(name, WSDL), ("ok.xml", WSDL)]))
    assert [p.path for p in pages] == ["downloads/wsdl.zip!ok.xml"]
    assert codes(problems) == ["Z003"]
    assert problems[0].path == "downloads/wsdl.zip" and repr(display_name(name)) in problems[0].message


def test_member_names_are_shown_with_odd_characters_escaped() -> None:
    name = "WSDL\\shop\x1b[31m\u202e.xml"
    [page], _ = read_wsdl_zip("w.zip", make_zip([(name, WSDL)]))
    assert page.path == "w.zip!WSDL/shop\\x1b[31m\\u202e.xml"
    assert display_name("a" * 500).endswith("…") and len(display_name("a" * 500)) == 200


def test_a_zip_with_too_many_members_is_not_read() -> None:
    members = [(f"m{i}.txt", b"") for i in range(10_001)]
    pages, problems = read_wsdl_zip("many.zip", make_zip(members, zipfile.ZIP_STORED))
    assert pages == [] and codes(problems) == ["Z002"] and "10001 members" in problems[0].message
    pages, problems = read_wsdl_zip("few.zip", make_zip([(f"{i}.xml", WSDL) for i in range(3)]), ZipLimits(members=2))
    assert pages == [] and codes(problems) == ["Z002"]


def _bomb(size: int) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        info = zipfile.ZipInfo("bomb.xml", DATE)
        info.compress_type = zipfile.ZIP_DEFLATED
        with archive.open(info, "w") as stream:
            chunk = b" " * (1 << 20)
            for _ in range(size >> 20):
                stream.write(chunk)
        archive.writestr(zipfile.ZipInfo("shop.xml", DATE), WSDL, compress_type=zipfile.ZIP_DEFLATED)
    return buffer.getvalue()


def test_a_zip_bomb_is_refused_without_inflating_it() -> None:
    data = _bomb(80 << 20)  # 80 MB of spaces, over the 64 MB cap, deflated about 1000:1
    assert len(data) < 200_000
    started = time.perf_counter()
    pages, problems = read_wsdl_zip("bomb.zip", data)
    assert time.perf_counter() - started < 2
    assert [p.path for p in pages] == ["bomb.zip!shop.xml"]
    assert codes(problems) == ["Z006"] and "'bomb.xml'" in problems[0].message


def test_members_over_the_size_caps_are_refused() -> None:
    data = _bomb(3 << 20)
    pages, problems = read_wsdl_zip("big.zip", data, ZipLimits(member_size=2 << 20, ratio=10**6))
    assert len(pages) == 1 and codes(problems) == ["Z005"] and "more than 2,097,152 bytes" in problems[0].message
    # the members together: the cap is the total's rest, and reading stops there
    data = make_zip([("a.xml", WSDL), ("b.xml", WSDL), ("c.xml", WSDL)])
    pages, problems = read_wsdl_zip("total.zip", data, ZipLimits(total_size=len(WSDL) * 2 + 10))
    assert [p.path for p in pages] == ["total.zip!a.xml", "total.zip!b.xml"]
    assert codes(problems) == ["Z005"] and "together" in problems[0].message and "'c.xml'" in problems[0].message


def test_a_truncated_or_corrupt_zip_is_a_diagnostic() -> None:
    data = make_zip([("shop.xml", WSDL)])
    for broken in (data[: len(data) // 2], data[:-10], b"PK\x03\x04" + b"\0" * 100, b"PK\x05\x06"):
        pages, problems = read_wsdl_zip("broken.zip", broken)
        assert pages == [] and codes(problems) == ["Z001"], broken[:20]


def test_a_member_with_a_bad_crc_or_bad_data_is_a_diagnostic() -> None:
    stored = bytearray(make_zip([("shop.xml", WSDL), ("ok.xml", WSDL)], zipfile.ZIP_STORED))
    at = stored.index(b"<wsdl:types>")
    stored[at + 1] ^= 0x20  # the first member's text, after its local header
    pages, problems = read_wsdl_zip("crc.zip", bytes(stored))
    assert [p.path for p in pages] == ["crc.zip!ok.xml"]
    assert codes(problems) == ["Z007"] and "CRC" in problems[0].message
    deflated = bytearray(make_zip([("shop.xml", WSDL)]))
    for offset in range(40, 60):
        deflated[offset] ^= 0xFF  # inside the deflate stream
    pages, problems = read_wsdl_zip("bad.zip", bytes(deflated))
    assert pages == [] and codes(problems) == ["Z007"]


def test_an_encrypted_member_is_not_read() -> None:
    data = bytearray(make_zip([("secret.xml", WSDL), ("ok.xml", WSDL)], zipfile.ZIP_STORED))
    central = data.index(b"PK\x01\x02")  # the first member's central directory entry
    data[central + 8] |= 0x01  # general purpose flag bit 0: encrypted
    pages, problems = read_wsdl_zip("enc.zip", bytes(data))
    assert [p.path for p in pages] == ["enc.zip!ok.xml"]
    assert codes(problems) == ["Z004"] and "'secret.xml'" in problems[0].message


def test_mangled_zips_never_raise() -> None:
    data = make_zip([("a.xml", WSDL), ("b\\c.xml", WSDL[:2000]), ("d.txt", b"x" * 5000)])
    rng = random.Random(20260710)
    for _ in range(400):
        mangled = bytearray(data)
        for _ in range(rng.randint(1, 8)):
            mangled[rng.randrange(len(mangled))] = rng.randrange(256)
        cut = rng.choice([len(mangled), rng.randrange(len(mangled))])
        pages, problems = read_wsdl_zip("m.zip", bytes(mangled[:cut]))
        assert all(p.kind == "soap-wsdl" for p in pages)
        assert all(d.path.startswith("m.zip") for d in problems)


# -- SuperOffice's wsdl.zip ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def corpus_zip() -> bytes:
    if not WSDL_ZIP.is_file():
        pytest.skip(f"the current docs corpus is not at {CORPUS} (its downloads/wsdl.zip is read from there)")
    return WSDL_ZIP.read_bytes()


def test_the_site_wsdl_zip_gives_every_wsdl_of_every_version(corpus_zip: bytes) -> None:
    started = time.perf_counter()
    pages, problems = read_wsdl_zip("downloads/wsdl.zip", corpus_zip)
    elapsed = time.perf_counter() - started
    assert problems == () and all(p.diagnostics == () for p in pages)
    assert len(pages) == 263
    assert Counter(p.version for p in pages) == {
        "Services84": 48, "Services85": 49, "Services86": 53, "Services87": 53, "Services88": 60,
    }
    dates = {p.version: p.published[:10] for p in pages}
    assert dates == {"Services84": "2026-04-16", "Services85": "2026-04-16", "Services86": "2026-04-16",
                     "Services87": "2026-04-16", "Services88": "2026-07-10"}
    for page in pages:
        member = page.path.removeprefix("downloads/wsdl.zip!")
        assert re.fullmatch(rf"WSDL/WSDL-{page.version}-{page.service}\.xml", member), page.path
    assert len({p.path for p in pages}) == 263
    assert elapsed < 3, f"reading wsdl.zip took {elapsed:.2f} s"


def test_every_wsdl_of_the_site_zip_reads_with_all_its_operations(corpus_zip: bytes) -> None:
    pages, _ = read_wsdl_zip("downloads/wsdl.zip", corpus_zip)
    for page in pages:
        assert page.wsdl is not None
        port_type = re.search(r"<wsdl:portType\b.*?</wsdl:portType>", page.wsdl.text, re.S)
        assert port_type is not None, page.path
        expected = len(re.findall(r"<wsdl:operation\b", port_type.group()))
        parsed, problems = read_wsdl(page.wsdl.text, page.path, page.wsdl.line)
        assert parsed is not None and [d for d in problems if d.severity == "error"] == [], page.path
        assert (parsed.name, parsed.version) == (page.service, page.version)
        assert len(parsed.operations) == expected, page.path

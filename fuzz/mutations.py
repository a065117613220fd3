"""Mutations of real SuperOffice pages, as hypothesis strategies.

Shared by ``tests/test_fuzz_pages.py`` (bounded, in CI) and ``fuzz/run.py`` (long campaigns).
A drawn input is a small docs folder: a few real pages from the corpus (read at run time,
never copied into the repository), each possibly damaged the way real docs get damaged or
the way an attacker would damage them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from hypothesis import strategies as st

# Small pages of every kind, relative to the corpus: WSDL pages with their operation pages,
# operation pages whose service has no WSDL here (types inferred from the examples), and
# WebAPI pages. A handful of them make one input, so one run of the pipeline stays cheap.
POOL = (
    "soap/Services88/Services88-Tooltips.md",
    "soap/Services88/Tooltips/GetTooltip.md",
    "soap/Services88/Services88-Database.md",
    "soap/Services88/Database/GetStepsInDatabase.md",
    "soap/Services88/Relation/SaveContactRelation.md",
    "soap/Services88/Relation/GetContactRelationEntity.md",
    "soap/Services87/Tooltips/GetTooltip.md",
    "restful/agent/Tooltips_Agent/v1TooltipsAgent_GetTooltip.md",
    "restful/agent/Relation_Agent/v1RelationAgent_GetContactRelationEntity.md",
)

Draw = Callable[[st.SearchStrategy[Any]], Any]  # hypothesis' draw
Docs = dict[str, bytes]


def load_pool(corpus: Path) -> dict[str, bytes]:
    """The pool's pages as bytes, by corpus-relative path (those present in this copy)."""
    return {name: (corpus / name).read_bytes() for name in POOL if (corpus / name).is_file()}


# -- what goes in -----------------------------------------------------------------------------

# Names that break naive code generators: keywords, soft keywords, builtins and names the
# generated code uses itself, dunders, digits first, non-ASCII, punctuation, empty.
TRICKY_NAMES = (
    b"class", b"None", b"True", b"def", b"lambda", b"async", b"await", b"match", b"type",
    b"self", b"session", b"cls", b"list", b"dict", b"str", b"int", b"object", b"typing",
    b"dataclass", b"field", b"Enum", b"__init__", b"__slots__", b"_", b"__", b"1st",
    b"9", b"a-b", b"a.b", b"a b", b"\xc3\x86\xc3\x98\xc3\x85", b"x" * 300, b"", b"Get",
    b"GetTooltip", b"Response", b"ArrayOfstring", b"SoCredentials", b"ApplicationToken",
    # issue 15: names the generated modules import or define, and names too long for a file
    b"wire", b"SCHEMA", b"Any", b"importlib", b"annotations", b"Async", b"Agent", b"Operation",
    b"TYPE_CHECKING", b"Optional", b"datetime", b"Decimal", b"x" * 95, b"A" * 301,
    b"a&b", b"a<b", b"1a", "\uff18\uff16".encode(),
)
TRICKY_VALUES = (
    b"", b"0", b"-1", b"unbounded", b"true", b"abc", b"xs:nothing", b"tns:Missing", b"tns:",
    b":", b"xs:string xs:int", b"tns:ArrayOfMissing", b"tns:SoCredentials", b"9" * 40,
    b"http://example.invalid/ns", b"&amp;", b"\xc3\xa9",
    # issue 15: namespaces and SOAPActions that are not plain URIs
    b"urn:a&amp;b", b"urn:a b", "http://\u00e9xample/\u200b".encode(), b"urn:&quot;",
)
NAMESPACES = (
    b"http://www.superoffice.net/ws/crm/NetServer/Services87",
    b"http://www.superoffice.net/ws/crm/NetServer/Services88",
    b"http://schemas.xmlsoap.org/soap/envelope/",
    b"http://www.w3.org/2003/05/soap-envelope",
    b"http://www.w3.org/2001/XMLSchema",
    b"http://www.w3.org/2001/XMLSchema-instance",
    b"http://schemas.microsoft.com/2003/10/Serialization/Arrays",
    b"urn:unknown", b"",
)
XSI_TYPES = (
    b"xsd:nothing", b"xsd:", b":", b"", b"nope:int", b"xsd:string", b"xsd:int", b"xsd:dateTime",
    b"Tooltips:Unknown", b"Relation:ArrayOfNothing", b"Relation:ContactRelationEntity",
    b"NetServerServices881:guid", b"Relation:class", b"xsd:anyType",
)
BAD_BYTES = (b"\xff", b"\xfe\xff", b"\xc3", b"\xe9t\xe9", b"\xed\xa0\x80", b"\x00", b"\x1b[2J", b"\r", b"\x0b\x0c")
# Hostile XML: what must be refused without reading a file, the network or all the memory.
HOSTILE_PROLOGUES = (
    b'<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
    b'<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]>',
    b'<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>',
    b'<!DOCTYPE x [<!ENTITY e SYSTEM "http://127.0.0.1:9/e">]>',
    b'<!DOCTYPE x SYSTEM "http://127.0.0.1:9/x.dtd">',
    b'<!DOCTYPE x [<!ENTITY % p SYSTEM "file:///etc/hostname"> %p;]>',
)
HOSTILE_BODIES = (b"&d;", b"&e;", b'<xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="/etc/passwd" parse="text"/>')

_FENCE = re.compile(rb"^[ \t]*(```|~~~)", re.M)
_WORD = re.compile(rb"(?<=[<:/\" ])[A-Z][A-Za-z0-9]+")
_ATTRIBUTE = re.compile(rb'\b[\w:]+="([^"]*)"')
_URI = re.compile(rb'"(https?://[^"]*|urn:[^"]*)"')
_XSI_TYPE = re.compile(rb'xsi:type="([^"]*)"')


def _position(draw: Draw, data: bytes) -> int:
    return draw(st.integers(0, len(data)))


def _pick(draw: Draw, matches: list[re.Match[bytes]]) -> re.Match[bytes] | None:
    return matches[draw(st.integers(0, len(matches) - 1))] if matches else None


def _replace_group(data: bytes, match: re.Match[bytes], group: int, new: bytes) -> bytes:
    return data[: match.start(group)] + new + data[match.end(group) :]


def truncate(draw: Draw, data: bytes) -> bytes:
    return data[: _position(draw, data)]  # may cut a UTF-8 sequence, a fence, a tag


def fences(draw: Draw, data: bytes) -> bytes:
    """Drop, duplicate, swap or unbalance fenced blocks."""
    lines = data.split(b"\n")
    marks = [i for i, line in enumerate(lines) if _FENCE.match(line)]
    if not marks:
        return data
    blocks = [(marks[i], marks[i + 1]) for i in range(0, len(marks) - 1, 2)]
    how = draw(st.sampled_from(["drop-line", "duplicate-line", "drop", "duplicate", "swap", "reverse"]))
    mark = draw(st.sampled_from(marks))
    if how == "drop-line" or not blocks:
        del lines[mark]
    elif how == "duplicate-line":
        lines.insert(mark, lines[mark])
    else:
        first, last = blocks[draw(st.integers(0, len(blocks) - 1))]
        block = lines[first : last + 1]
        if how == "drop":
            del lines[first : last + 1]
        elif how == "duplicate":
            lines[last + 1 : last + 1] = block
        elif how == "reverse":
            lines[first : last + 1] = block[::-1]  # closing fence first, content upside down
        else:
            other_first, other_last = blocks[draw(st.integers(0, len(blocks) - 1))]
            if (other_first, other_last) != (first, last):
                (a, b), (c, d) = sorted([(first, last), (other_first, other_last)])
                lines[a : d + 1] = lines[c : d + 1] + lines[b + 1 : c] + lines[a : b + 1]
    return b"\n".join(lines)


def lines(draw: Draw, data: bytes) -> bytes:
    """Delete, duplicate or move a run of lines (duplicate operations, reordered elements)."""
    rows = data.split(b"\n")
    start = draw(st.integers(0, len(rows) - 1))
    size = draw(st.integers(1, 12))
    chunk = rows[start : start + size]
    how = draw(st.sampled_from(["delete", "duplicate", "move"]))
    if how != "duplicate":
        del rows[start : start + size]
    if how != "delete":
        at = draw(st.integers(0, len(rows)))
        rows[at:at] = chunk
    return b"\n".join(rows)


def break_xml(draw: Draw, data: bytes) -> bytes:
    """A lost or stray angle bracket, quote or ampersand; a mismatched closing tag."""
    how = draw(st.sampled_from(["delete", "insert", "close"]))
    if how == "close":
        match = _pick(draw, list(re.finditer(rb"</([\w:.-]+)>", data)))
        return data if match is None else _replace_group(data, match, 1, b"Wrong")
    spots = [m.start() for m in re.finditer(rb'[<>"/=&]', data)]
    if not spots:
        return data
    at = draw(st.sampled_from(spots))
    if how == "delete":
        return data[:at] + data[at + 1 :]
    return data[:at] + draw(st.sampled_from([b"<", b">", b"&", b'"', b"</x>", b"<x>"])) + data[at:]


def namespaces(draw: Draw, data: bytes) -> bytes:
    """One namespace URI, everywhere it occurs or just once, swapped for another."""
    match = _pick(draw, list(_URI.finditer(data)))
    if match is None:
        return data
    new = draw(st.sampled_from(NAMESPACES))
    if draw(st.booleans()):
        return data.replace(match.group(0), b'"' + new + b'"')
    return _replace_group(data, match, 1, new)


def xsi_types(draw: Draw, data: bytes) -> bytes:
    match = _pick(draw, list(_XSI_TYPE.finditer(data)))
    new = draw(st.sampled_from(XSI_TYPES))
    return data if match is None else _replace_group(data, match, 1, new)


def attributes(draw: Draw, data: bytes) -> bytes:
    """An attribute's value (type=, name=, minOccurs=, soapAction=, ...) made odd."""
    match = _pick(draw, list(_ATTRIBUTE.finditer(data)))
    new = draw(st.sampled_from(TRICKY_VALUES + TRICKY_NAMES))
    return data if match is None else _replace_group(data, match, 1, new)


def rename(draw: Draw, data: bytes) -> bytes:
    """A name (operation, type, field, service) renamed: everywhere, so that the page stays
    consistent and the new name reaches the generated code, or in one place only."""
    match = _pick(draw, list(_WORD.finditer(data)))
    if match is None:
        return data
    new = draw(st.sampled_from(TRICKY_NAMES))
    if draw(st.booleans()):
        return re.sub(rb"\b" + re.escape(match.group(0)) + rb"\b", new.replace(b"\\", b"\\\\"), data)
    return _replace_group(data, match, 0, new)


def junk(draw: Draw, data: bytes) -> bytes:
    at = _position(draw, data)
    size = draw(st.integers(0, 64))
    return data[:at] + draw(st.binary(max_size=64)) + data[at + size :]


def bad_bytes(draw: Draw, data: bytes) -> bytes:
    at = _position(draw, data)
    return data[:at] + draw(st.sampled_from(BAD_BYTES)) + data[at:]


def text(draw: Draw, data: bytes) -> bytes:
    """Arbitrary text, markdown and XML punctuation likely, at a random place."""
    at = _position(draw, data)
    alphabet = st.sampled_from(list("<>/&\"'`#|*_[]{}()=:;!\\\n \t-aZ0é\u200b\ufeff\u2028"))
    return data[:at] + draw(st.text(alphabet, max_size=40)).encode("utf-8") + data[at:]


def empty(draw: Draw, data: bytes) -> bytes:
    return b""


def hostile(draw: Draw, data: bytes) -> bytes:
    """A DTD, entities (a small billion laughs, files, URLs) or an XInclude in a fence."""
    declaration = data.find(b"<?xml")
    end = data.find(b"?>", declaration)
    if declaration < 0 or end < 0:
        return data
    start = end + 2
    prologue = draw(st.sampled_from(HOSTILE_PROLOGUES))
    data = data[:start] + b"\n" + prologue + data[start:]
    close = data.find(b"</", start + len(prologue))
    body = draw(st.sampled_from(HOSTILE_BODIES))
    return data if close < 0 else data[:close] + body + data[close:]


_BREAKERS = ['"""', "'''", "\\", '"', '""""""', "\\N{", "\\x", '\\"""']


def docstring_breakers(draw: Draw, data: bytes) -> bytes:
    """Text that would end a docstring or a string literal early, at the end of a line of prose
    (a description, or a table row's last cell)."""
    rows = data.split(b"\n")
    prose = [n for n, row in enumerate(rows) if row[:1].isalpha() or row.startswith(b"|")]
    if not prose:
        return data
    at = draw(st.sampled_from(prose))
    breaker = draw(st.sampled_from(_BREAKERS)).encode()
    table = rows[at].startswith(b"|")
    rows[at] = rows[at].rstrip(b" |") + b" " + breaker + (b" |" if table else b"")
    return b"\n".join(rows)


_COMPLEX = re.compile(rb'<xs:complexType name="([^"]+)"')
_EXTENSION = re.compile(rb'<xs:extension base="([^"]+)"')
_SCHEMA_OPEN = re.compile(rb"<xs:schema [^>]*>")


def extends_itself(draw: Draw, data: bytes) -> bytes:
    """A type whose base is itself, or the type before it (a cycle where that one extends it)."""
    match = _pick(draw, list(_EXTENSION.finditer(data)))
    owners = list(_COMPLEX.finditer(data[: match.start()])) if match else []
    if match is None or not owners:
        return data
    chosen = owners[-1] if draw(st.booleans()) or len(owners) < 2 else owners[-2]
    return _replace_group(data, match, 1, b"tns:" + chosen.group(1))


def deep_chain(draw: Draw, data: bytes) -> bytes:
    """Tens to thousands of types, each extending the one before."""
    match = _SCHEMA_OPEN.search(data)
    if match is None:
        return data
    depth = draw(st.sampled_from([50, 300, 1500]))
    chain = [b'<xs:complexType name="Deep0"><xs:sequence><xs:element name="V" type="xs:int"/></xs:sequence></xs:complexType>']
    chain += [
        b'<xs:complexType name="Deep%d"><xs:complexContent><xs:extension base="tns:Deep%d"><xs:sequence>'
        b'<xs:element name="F%d" type="xs:string"/></xs:sequence></xs:extension></xs:complexContent></xs:complexType>'
        % (n, n - 1, n)
        for n in range(1, depth)
    ]
    return data[: match.end()] + b"".join(chain) + data[match.end() :]


def huge_enum(draw: Draw, data: bytes) -> bytes:
    """An enumeration, a flags one (xs:list) or not, with more members than a page should hold."""
    match = _SCHEMA_OPEN.search(data)
    if match is None:
        return data
    members = draw(st.sampled_from([100, 20_000]))
    values = b"".join(b'<xs:enumeration value="M%d"/>' % n for n in range(members))
    inner = b'<xs:restriction base="xs:string">' + values + b"</xs:restriction>"
    if draw(st.booleans()):
        inner = b"<xs:list><xs:simpleType>" + inner + b"</xs:simpleType></xs:list>"
    return data[: match.end()] + b'<xs:simpleType name="Huge">' + inner + b"</xs:simpleType>" + data[match.end() :]


_VERSION = re.compile(rb"Services8[4-8]")
_VERSIONS = (b"Services" + b"9" * 300, b"Services" + b"7" * 5000, "Services\uff18\uff16".encode(), b"Services0")


def version_names(draw: Draw, data: bytes) -> bytes:
    """Version numbers far too long, or digits that only look like ASCII ones."""
    return _VERSION.sub(draw(st.sampled_from(_VERSIONS)), data)


def huge(draw: Draw, data: bytes) -> bytes:
    """The page's fenced blocks repeated until the page is a few hundred kilobytes, or one
    very long line: big enough to find quadratic work, small enough for a quick example."""
    if draw(st.booleans()):
        return data + b"\n" + b"x" * 400_000 + b"\n"
    copies = max(1, 300_000 // max(len(data), 1))
    return data + (b"\n" + data) * copies


# Mutations of one page, by name; the name is part of the drawn input, so that reports and
# shrunk failures say what was done.
PAGE_MUTATIONS: Mapping[str, Callable[[Draw, bytes], bytes]] = {
    "truncate": truncate,
    "fences": fences,
    "lines": lines,
    "break-xml": break_xml,
    "namespaces": namespaces,
    "xsi-types": xsi_types,
    "attributes": attributes,
    "rename": rename,
    "junk": junk,
    "bad-bytes": bad_bytes,
    "text": text,
    "empty": empty,
    "hostile": hostile,
    "huge": huge,
    "docstring-breakers": docstring_breakers,
    "extends-itself": extends_itself,
    "deep-chain": deep_chain,
    "huge-enum": huge_enum,
    "version-names": version_names,
}
# Mutations of the folder: the same page twice (duplicate operations across files), or a
# file that is all binary junk.
FOLDER_MUTATIONS = ("duplicate", "binary-file")


@st.composite
def docs_folders(draw: Draw, pool: Mapping[str, bytes], max_pages: int = 4, max_mutations: int = 3) -> Docs:
    """A docs folder (relative path -> bytes): a few pages of ``pool``, then 1 to
    ``max_mutations`` mutations, each of one page or of the folder."""
    names = draw(st.lists(st.sampled_from(sorted(pool)), min_size=1, max_size=max_pages, unique=True))
    docs: Docs = {name: pool[name] for name in names}
    kinds = st.sampled_from(sorted(PAGE_MUTATIONS) + list(FOLDER_MUTATIONS))
    for kind in draw(st.lists(kinds, min_size=1, max_size=max_mutations)):
        target = draw(st.sampled_from(sorted(docs)))
        if kind == "duplicate":
            docs[f"copy/{len(docs)}/{target.rsplit('/', 1)[-1]}"] = docs[target]
        elif kind == "binary-file":
            docs[f"junk/{len(docs)}.md"] = draw(st.binary(min_size=1, max_size=512))
        else:
            docs[target] = PAGE_MUTATIONS[kind](draw, docs[target])
    return docs


def write_docs(folder: Path, docs: Mapping[str, bytes]) -> None:
    for name, data in docs.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)

"""WSDL files and zips of WSDLs -> the WSDL pages they amount to.

SuperOffice publishes the WSDLs of every NetServer version as files too (the site's
``wsdl.zip``: ``WSDL\\WSDL-Services88-ErpSync.xml`` and so on), and for Services84-87 that is
all it publishes. A WSDL file becomes a ``soap-wsdl`` :class:`Page`, as a WSDL page with the
file's text in a fence would: the builder cannot tell them apart but for ``published`` (a zip
member's date) and the fence's line (1: a markdown fence starts at line 2 at the earliest).

A file is known by its content, never by its name: the version comes from the WSDL's
targetNamespace (``.../NetServer/Services88``, else the address), the service from its SOAP
address ``Remote/Services88/ErpSync.svc`` (what ``codegen.sources.wsdl`` names the service,
and what the WSDL pages' titles say), else the ``wsdl:service`` (``WcfErpSyncService``),
portType or binding name. A file that is no WSDL, or a WSDL of no NetServer service, gives
no page and no diagnostic: the caller says why it was skipped (inside a zip, Z008 does).

A zip is untrusted input: its members are read in memory only (no name from inside it is
ever used as a file name; the names are sanitised for display), their number and their
uncompressed sizes are bounded while decompressing (the headers' sizes are not trusted), and
a member that inflates past a ratio that deflate reaches only on junk is refused.

Diagnostics about one WSDL are on its page; the others are returned beside the pages.

Diagnostic codes:
  Z001 error    the zip cannot be read (truncated, corrupt, not a zip after all)
  Z002 error    the zip has more members than allowed (none is read)
  Z003 error    a member name that is absolute, has a drive letter or goes up (..): refused
  Z004 error    an encrypted member (not read)
  Z005 error    a member larger than allowed uncompressed, or the members together (not read)
  Z006 error    a member compressed more than deflate does real text (a zip bomb; not read)
  Z007 error    a member that cannot be decompressed (bad CRC, truncated, unknown method)
  Z008 info     members that are not WSDLs of NetServer services (skipped), named
  Z009 warning  a WSDL that is not UTF-8 or UTF-16 text (decoded with replacement characters)
  Z010 warning  two names of a WSDL disagree on its version or service (the stronger is used)
  Z011 error    a NetServer WSDL whose service cannot be told (not used)
  W001 error    (as codegen.sources.wsdl) a WSDL that is not well-formed XML, or holds a DTD
"""

from __future__ import annotations

import io
import lzma
import re
import struct
import zipfile
import zlib
from dataclasses import dataclass

from lxml import etree

from ..model import SUPEROFFICE_NS_PREFIX, Diagnostic, Severity
from .pages import Fence, Page
from .wsdl import SOAP_BINDING_NS, WSDL_NS, parse_xml

_WSDL = f"{{{WSDL_NS}}}"
_ADDRESS = f"{_WSDL}service/{_WSDL}port/{{{SOAP_BINDING_NS}}}address"
_WSDL_ROOT = re.compile(r"<(?:[\w.\-]+:)?definitions\b[^>]*schemas\.xmlsoap\.org/wsdl/")
_ENDPOINT = re.compile(r"Remote/(Services\d+)/([A-Za-z0-9_]+)\.svc")  # as codegen.sources.wsdl reads it
_NAMESPACE = re.compile(re.escape(SUPEROFFICE_NS_PREFIX) + r"(Services\d+)/?")
_SERVICE_NAME = re.compile(r"Wcf([A-Za-z0-9_]+)Service")
_BINDING_NAME = re.compile(r"BasicHttpBinding_([A-Za-z0-9_]+)")
_PLAIN_NAME = re.compile(r"([A-Za-z0-9_]+)")
_DECLARED_ENCODING = re.compile(r"""^(<\?xml[^>]*?\sencoding\s*=\s*)(["'])[^"']*\2""")
_SNIFF = 64 * 1024  # the root start tag of a real WSDL is about 1 KB into the file

# the errors zipfile and its decompressors raise on bad input (a truncated stream, a bad
# header, an unknown method, a wrong CRC): each becomes a diagnostic, never a traceback
_ZIP_ERRORS = (
    zipfile.BadZipFile, zlib.error, lzma.LZMAError, EOFError, NotImplementedError,
    RuntimeError, ValueError, OSError, struct.error, IndexError, KeyError, OverflowError,
)


@dataclass(frozen=True)
class ZipLimits:
    """What a zip may hold before it is refused (tests make them small)."""

    members: int = 10_000
    member_size: int = 64 << 20  # uncompressed, per member
    total_size: int = 512 << 20  # uncompressed, all members
    # deflate shrinks real XML about 20:1 (wsdl.zip); 200:1 past the first MB is a bomb
    ratio: int = 200
    ratio_after: int = 1 << 20


ZIP_LIMITS = ZipLimits()
_CHUNK = 4 << 20


def looks_like_zip(data: bytes) -> bool:
    """A zip's local file header or (empty zip) end of central directory signature."""
    return data[:4] in (b"PK\x03\x04", b"PK\x05\x06")


def looks_like_wsdl(data: bytes) -> bool:
    """A ``wsdl:definitions`` start tag near the beginning (cheap; the reader then parses)."""
    head = _decode(data[:_SNIFF], sniff=True)[0]
    return "definitions" in head and _WSDL_ROOT.search(head) is not None


def read_wsdl_file(path: str, data: bytes) -> tuple[list[Page], tuple[Diagnostic, ...]]:
    """The WSDL page a WSDL file amounts to (``path``: the file's POSIX path relative to the
    docs root, for diagnostics). No page, and no diagnostic, where the file is no WSDL of a
    NetServer service; a WSDL that cannot be parsed gives W001."""
    return _read_wsdl(path, data, "")


def read_wsdl_zip(
    path: str, data: bytes, limits: ZipLimits = ZIP_LIMITS
) -> tuple[list[Page], tuple[Diagnostic, ...]]:
    """The WSDL pages of the WSDLs inside a zip, each with ``path`` ``<zip>!<member>`` and the
    member's date as ``published``."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
    except _ZIP_ERRORS as error:
        return [], (_diag(path, "Z001", "error", f"not a readable zip: {_shown(str(error))}"),)
    if len(members) > limits.members:
        message = f"{len(members)} members, more than the {limits.members} allowed; none is read"
        return [], (_diag(path, "Z002", "error", message),)
    pages: list[Page] = []
    problems: list[Diagnostic] = []
    skipped: list[str] = []
    budget = limits.total_size
    for info in members:
        if info.is_dir():
            continue
        name = display_name(info.filename)
        where = f"{path}!{name}"
        if _unsafe(info.filename):
            problems.append(_diag(path, "Z003", "error", f"member {name!r}: an absolute name or one that goes up (..); refused"))
            continue
        if info.flag_bits & 0x1:
            problems.append(_diag(path, "Z004", "error", f"member {name!r} is encrypted; not read"))
            continue
        # zipfile reads no more of the stream than the header says, nor than there is
        compressed = max(1, min(info.compress_size, len(data)))
        content = _inflate(archive, info, compressed, min(limits.member_size, budget), limits)
        if isinstance(content, tuple):
            code, reason = content
            if code == "Z005" and budget < limits.member_size:
                reason = f"the members together are over {limits.total_size:,} bytes uncompressed; this and the rest not read"
                problems.append(_diag(path, code, "error", f"member {name!r}: {reason}"))
                break
            problems.append(_diag(path, code, "error", f"member {name!r}: {reason}; not read"))
            continue
        budget -= len(content)
        found, own = _read_wsdl(where, content, _iso(info.date_time))
        pages += found
        problems += own
        if not found and not own:
            skipped.append(name)
    if skipped:
        listed = ", ".join(repr(n) for n in skipped[:5]) + (f" and {len(skipped) - 5} more" if len(skipped) > 5 else "")
        problems.append(_diag(path, "Z008", "info", f"members that are not WSDLs of NetServer services, skipped ({len(skipped)}): {listed}"))
    return pages, tuple(problems)


def display_name(name: str) -> str:
    """A zip member's name for messages and page paths only: ``/`` for ``\\``, control and
    other invisible characters escaped, at most 200 characters."""
    shown = _shown(name.replace("\\", "/"))
    return shown if len(shown) <= 200 else shown[:199] + "…"


# -- one WSDL --------------------------------------------------------------------------------------


def _read_wsdl(path: str, data: bytes, published: str) -> tuple[list[Page], tuple[Diagnostic, ...]]:
    if not looks_like_wsdl(data):
        return [], ()
    text, problems = _decode(data)
    root, errors = parse_xml(text, path, 1, "W001")
    if root is None:
        return [], tuple(errors)
    if root.tag != f"{_WSDL}definitions":
        return [], ()
    diagnostics = [_diag(path, "Z009", "warning", problem) for problem in problems]
    address = root.find(_ADDRESS)
    endpoint = _ENDPOINT.search(address.get("location", "")) if address is not None else None
    namespace = _NAMESPACE.fullmatch(root.get("targetNamespace", ""))
    versions = [("the targetNamespace", namespace.group(1) if namespace else ""), ("the address", endpoint.group(1) if endpoint else "")]
    version = _settle(versions, "version", path, diagnostics)
    if not version:
        return [], ()  # no NetServer WSDL
    service_names = [("the address", endpoint.group(2) if endpoint else ""), *_service_claims(root)]
    service = _settle(service_names, "service", path, diagnostics)
    if not service:
        message = f"a {version} WSDL whose service cannot be told from its address, service, portType or binding"
        return [], (_diag(path, "Z011", "error", message),)
    fence = Fence("xml", text, 1)
    page = Page(
        path,
        "soap-wsdl",
        version=version,
        service=service,
        endpoint=endpoint.group(0) if endpoint else "",
        endpoint_line=_line(address) if endpoint and address is not None else 0,
        title=f"{version}.{service}Agent WSDL",
        uid=f"wsdl-{version}-{service}",
        fences=(fence,),
        wsdl=fence,
        published=published,
        diagnostics=tuple(diagnostics),
    )
    return [page], ()


def _service_claims(root: etree._Element) -> list[tuple[str, str]]:
    """The service as the wsdl:service, portType and binding names say it, weakest last."""
    claims = []
    for what, tag, pattern in (
        ("the wsdl:service name", f"{_WSDL}service", _SERVICE_NAME),
        ("the portType name", f"{_WSDL}portType", _PLAIN_NAME),
        ("the binding name", f"{_WSDL}binding", _BINDING_NAME),
    ):
        node = root.find(tag)
        match = pattern.fullmatch(node.get("name", "")) if node is not None else None
        claims.append((what, match.group(1) if match else ""))
    return claims


def _settle(claims: list[tuple[str, str]], what: str, path: str, diagnostics: list[Diagnostic]) -> str:
    """The first claim that says something; a Z010 for each later one that disagrees."""
    chosen = next(((source, value) for source, value in claims if value), None)
    if chosen is None:
        return ""
    for source, value in claims:
        if value and value != chosen[1]:
            message = f"{source} names the {what} {value!r}, but {chosen[0]} names {chosen[1]!r}; {chosen[1]!r} is used"
            diagnostics.append(_diag(path, "Z010", "warning", message))
    return chosen[1]


def _decode(data: bytes, sniff: bool = False) -> tuple[str, list[str]]:
    """UTF-8 (with or without a BOM) or UTF-16 with a BOM, newlines normalised; the XML
    declaration then says utf-8, as the text is handed on as such. Other bytes are replaced."""
    problems: list[str] = []
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        if sniff:
            data = data[: len(data) // 2 * 2]  # a cut head may end inside a code unit
        text = data.decode("utf-16", "replace")
        text = _DECLARED_ENCODING.sub(r"\1\2utf-8\2", text, count=1)
    else:
        data = data.removeprefix(b"\xef\xbb\xbf")
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as error:
            text = data.decode("utf-8", "replace")
            if not sniff:
                problems.append(f"not UTF-8 (byte 0x{data[error.start]:02x} at offset {error.start}); decoded with replacement characters")
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text, problems


def _line(node: etree._Element) -> int:
    return node.sourceline if isinstance(node.sourceline, int) else 1


# -- the zip ---------------------------------------------------------------------------------------


def _unsafe(name: str) -> bool:
    """An absolute name, a drive letter or a step up: refused though never used as a path."""
    name = name.replace("\\", "/")
    return name.startswith("/") or re.match(r"[A-Za-z]:", name) is not None or ".." in name.split("/")


def _inflate(
    archive: zipfile.ZipFile, info: zipfile.ZipInfo, compressed: int, cap: int, limits: ZipLimits
) -> bytes | tuple[str, str]:
    """The member's bytes, or (code, reason). Decompressed in chunks with the size and ratio
    checked as it grows: the sizes in the headers are the zip's word, not a fact."""
    chunks: list[bytes] = []
    size = 0
    try:
        with archive.open(info) as stream:
            while chunk := stream.read(min(_CHUNK, cap + 1 - size)):
                size += len(chunk)
                if size > cap:
                    return "Z005", f"more than {cap:,} bytes uncompressed"
                if size > limits.ratio_after and size > limits.ratio * compressed:
                    return "Z006", f"compressed more than {limits.ratio}:1 (a zip bomb?)"
                chunks.append(chunk)
    except _ZIP_ERRORS as error:
        return "Z007", f"cannot be decompressed: {_shown(str(error))}"
    return b"".join(chunks)


def _iso(date_time: tuple[int, int, int, int, int, int]) -> str:
    year, month, day, hour, minute, second = date_time
    return f"{year:04d}-{month:02d}-{day:02d}T{hour:02d}:{minute:02d}:{second:02d}"


def _shown(text: str) -> str:
    """Invisible and control characters as escapes (a name may hold anything)."""
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() else c.encode("unicode_escape").decode("ascii") for c in text)


def _diag(path: str, code: str, severity: Severity, message: str) -> Diagnostic:
    return Diagnostic(path, 1, code, severity, message)


__all__ = ["ZIP_LIMITS", "ZipLimits", "display_name", "looks_like_wsdl", "looks_like_zip", "read_wsdl_file", "read_wsdl_zip"]

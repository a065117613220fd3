"""Helpers for the WebAPI tests: the corpus' REST pages and their samples, the Services88 WSDL
read with plain lxml, and the generated agents' methods found by calling them.

Everything here is read independently of codegen: the samples are cut out of the markdown with
a regular expression, the data contracts are read from the ``xs:schema`` elements the WSDL pages
embed, and a value is judged valid for its type by lxml's XML Schema validator (with the WSDL's
own simple types) or, for TimeSpan in JSON, by .NET's documented TimeSpan format.
"""

from __future__ import annotations

import importlib
import inspect
import json
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl

from lxml import etree

from conftest import PACKAGE

XS = "http://www.w3.org/2001/XMLSchema"
SER = "http://schemas.microsoft.com/2003/10/Serialization/"
ARRAYS = "http://schemas.microsoft.com/2003/10/Serialization/Arrays"
NS88 = "http://www.superoffice.net/ws/crm/NetServer/Services88"
WSDL = "http://schemas.xmlsoap.org/wsdl/"

QN = tuple[str, str]  # (namespace, local name)


# -- the pages and their samples ------------------------------------------------------------------

_FENCE = re.compile(r"^```(http[!_]?)[ \t]*\n(.*?)\n```", re.S | re.M)
_ENDPOINT = re.compile(r"^POST /api/v1/Agents/(\w+)/(\w+)(?:\?(\S*))?\s*$")


@dataclass(frozen=True)
class Message:
    """One sample: the request line or status line, the headers, and the body as text."""

    start: str
    headers: tuple[tuple[str, str], ...]
    body: str

    @staticmethod
    def parse(text: str) -> Message:
        head, _, body = text.replace("\r\n", "\n").partition("\n\n")
        start, *lines = head.strip("\n").split("\n")
        headers = tuple((name.strip(), value.strip()) for name, _, value in (line.partition(":") for line in lines if line.strip()))
        return Message(start.strip(), headers, body.strip())

    def json(self) -> Any:
        return json.loads(self.body) if self.body else None

    @property
    def status(self) -> int:
        return int(self.start.split()[1])


@dataclass(frozen=True)
class SamplePage:
    """A REST endpoint page of the corpus, as this module reads it."""

    path: Path
    folder: str  # "Appointment_Agent"
    agent: str  # from the sample request line
    method: str
    request: Message
    response: Message
    query: tuple[tuple[str, str], ...]  # the query string example of the page, $select aside
    select: str | None  # the $select example, where the page shows one

    @property
    def name(self) -> str:
        return f"{self.agent}/{self.method}"


def endpoint_files(corpus: Path) -> list[Path]:
    """Every endpoint page: the .md files in the agent folders, their index pages aside."""
    return sorted(p for p in (corpus / "restful" / "agent").glob("*/*.md") if p.name != "index.md")


def read_sample_page(path: Path) -> SamplePage:
    text = path.read_text(encoding="utf-8")
    request = response = None
    query: list[tuple[str, str]] = []
    select = None
    for match in _FENCE.finditer(text):
        info, content = match.groups()
        if info == "http!" and request is None:
            request = Message.parse(content)
        elif info == "http_" and response is None:
            response = Message.parse(content)
        elif info == "http":  # the endpoint line, and the query string examples
            for line in content.splitlines():
                found = _ENDPOINT.match(line.strip())
                if found and found.group(3):
                    for key, value in parse_qsl(found.group(3), keep_blank_values=True):
                        if key == "$select":
                            select = value
                        else:
                            query.append((key, value))
    assert request is not None and response is not None, f"{path}: no sample request or response"
    found = _ENDPOINT.match(request.start)
    assert found is not None, f"{path}: sample request line {request.start!r}"
    return SamplePage(path, path.parent.name, found.group(1), found.group(2), request, response, tuple(query), select)


# -- the WSDL's types, read with lxml --------------------------------------------------------------


@dataclass
class ComplexDef:
    base: QN | None = None
    fields: dict[str, QN] = field(default_factory=dict)  # element name -> type
    item: QN | None = None  # ArrayOfX: the repeated element's type
    dictionary: tuple[QN, QN] | None = None  # IsDictionary: the Key and Value types


@dataclass
class Operation:
    inputs: dict[str, QN]  # the request wrapper's children
    outputs: list[QN]  # the response wrapper's children: none (void), one, or several parts

    @property
    def output(self) -> QN | None:
        assert len(self.outputs) <= 1, "several output parts"
        return self.outputs[0] if self.outputs else None


def _qname(node: etree._Element, value: str) -> QN:
    prefix, _, local = value.rpartition(":")
    return (node.nsmap.get(prefix or None, "") or "", local)


class Wsdl88:
    """The data contracts and operations of every Services88 WSDL page, merged; and a validator
    for simple values, built from the WSDL's own simple types."""

    def __init__(self, corpus: Path) -> None:
        self.complex: dict[QN, ComplexDef] = {}
        self.simple: dict[QN, etree._Element] = {}  # xs:simpleType definitions
        self.lists: set[QN] = set()  # flags: xs:list types
        self.operations: dict[tuple[str, str], Operation] = {}
        self.serialization: etree._Element | None = None
        for page in sorted((corpus / "soap" / "Services88").glob("Services88-*.md")):
            service = page.stem.removeprefix("Services88-")
            xml = re.search(r"^```xml\n(.*?)\n```", page.read_text(encoding="utf-8"), re.S | re.M)
            assert xml is not None, page
            self._read(service, etree.fromstring(xml.group(1).strip().encode("utf-8")))

    def _read(self, service: str, root: etree._Element) -> None:
        wrappers: dict[str, etree._Element] = {}
        for schema in root.iter(f"{{{XS}}}schema"):
            namespace = schema.get("targetNamespace", "")
            if namespace == SER and self.serialization is None:
                self.serialization = schema
            for node in schema.iterchildren(f"{{{XS}}}complexType"):
                self.complex.setdefault((namespace, node.get("name", "")), self._complex(node))
            for node in schema.iterchildren(f"{{{XS}}}simpleType"):
                name = (namespace, node.get("name", ""))
                self.simple.setdefault(name, node)
                if node.find(f"{{{XS}}}list") is not None:
                    self.lists.add(name)
            if namespace == NS88:
                for node in schema.iterchildren(f"{{{XS}}}element"):
                    if node.find(f"{{{XS}}}complexType") is not None:
                        wrappers[node.get("name", "")] = node
        messages = {
            message.get("name", ""): [part.get("element", "").rpartition(":")[2] for part in message.iterfind(f"{{{WSDL}}}part")]
            for message in root.iterfind(f"{{{WSDL}}}message")
        }

        def children(direction: str, operation: etree._Element) -> list[etree._Element]:
            message = operation.find(f"{{{WSDL}}}{direction}").get("message", "").rpartition(":")[2]  # type: ignore[union-attr]
            (element,) = messages[message]
            wrapper = wrappers[element]
            return [child for child in wrapper.iter(f"{{{XS}}}element") if child is not wrapper]

        for operation in root.iterfind(f"{{{WSDL}}}portType/{{{WSDL}}}operation"):
            inputs = {child.get("name", ""): _qname(child, child.get("type", "")) for child in children("input", operation)}
            outputs = [_qname(child, child.get("type", "")) for child in children("output", operation)]
            self.operations[(service, operation.get("name", ""))] = Operation(inputs, outputs)

    def _complex(self, node: etree._Element) -> ComplexDef:
        made = ComplexDef()
        extension = node.find(f"{{{XS}}}complexContent/{{{XS}}}extension")
        if extension is not None:
            made.base = _qname(extension, extension.get("base", ""))
            node = extension
        sequence = node.find(f"{{{XS}}}sequence")
        children = list(sequence.iterchildren(f"{{{XS}}}element")) if sequence is not None else []
        if node.find(f"{{{XS}}}annotation/{{{XS}}}appinfo/{{{SER}}}IsDictionary") is not None:
            pair = children[0].findall(f"{{{XS}}}complexType/{{{XS}}}sequence/{{{XS}}}element")
            types = {p.get("name"): _qname(p, p.get("type", "")) for p in pair}
            made.dictionary = (types["Key"], types["Value"])
        elif len(children) == 1 and children[0].get("maxOccurs") == "unbounded" and made.base is None:
            made.item = _qname(children[0], children[0].get("type", ""))
        else:
            made.fields = {c.get("name", ""): _qname(c, c.get("type", "")) for c in children}
        return made

    def fields_of(self, name: QN) -> dict[str, QN]:
        """A complex type's elements, its bases' first."""
        typedef = self.complex[name]
        inherited = self.fields_of(typedef.base) if typedef.base else {}
        return {**inherited, **typedef.fields}

    # -- validity of one simple value ------------------------------------------------------------

    @cached_property
    def _validator(self) -> etree.XMLSchema:
        """One schema: the WSDL's simple types, the Serialization schema, and a global element
        ``v0``, ``v1``, … per simple type, so that one value is validated as ``<vN>text</vN>``."""
        self._slots: dict[QN, str] = {}
        names = [(XS, n) for n in ("string", "int", "long", "short", "byte", "unsignedByte", "unsignedShort", "unsignedInt",
                                   "unsignedLong", "boolean", "double", "QName",
                                   "float", "decimal", "dateTime", "base64Binary", "anyURI")]
        names += [(SER, n) for n in ("guid", "char", "duration")] + sorted(self.simple)
        root = etree.Element(f"{{{XS}}}schema", nsmap={"xs": XS, "so": NS88, "ser": SER}, targetNamespace=NS88,
                             elementFormDefault="qualified")
        etree.SubElement(root, f"{{{XS}}}import", namespace=SER)
        for index, name in enumerate(names):
            slot = f"v{index}"
            self._slots[name] = slot
            prefix = {XS: "xs", SER: "ser", NS88: "so"}[name[0]]
            etree.SubElement(root, f"{{{XS}}}element", name=slot, type=f"{prefix}:{name[1]}")
        for (namespace, _), node in sorted(self.simple.items()):
            if namespace == NS88:
                root.append(_standalone(node))
        assert self.serialization is not None
        resolver = _Inline({SER: etree.tostring(_standalone(self.serialization))})
        parser = etree.XMLParser(resolve_entities=False, no_network=True)
        parser.resolvers.add(resolver)
        for node in root.iterfind(f"{{{XS}}}import"):
            node.set("schemaLocation", f"inline:{node.get('namespace')}")
        return etree.XMLSchema(etree.fromstring(etree.tostring(root), parser))

    def valid_text(self, name: QN, text: str) -> bool:
        schema = self._validator
        slot = self._slots[name]
        document = etree.Element(f"{{{NS88}}}{slot}")
        document.text = text
        return bool(schema.validate(document))


class _Inline(etree.Resolver):
    def __init__(self, documents: Mapping[str, bytes]) -> None:
        super().__init__()
        self.documents = documents

    def resolve(self, url: str, pubid: str | None, context: Any) -> Any:
        if url.startswith("inline:"):
            return self.resolve_string(self.documents[url.removeprefix("inline:")], context)
        return None


def _standalone(node: etree._Element) -> etree._Element:
    """A copy that keeps the namespace declarations in scope where it stood."""
    return etree.fromstring(etree.tostring(node))


# .NET's TimeSpan in JSON: Json.NET writes TimeSpan.ToString(), the constant ("c") format
# [-][d.]hh:mm:ss[.fffffff] (learn.microsoft.com: "Standard TimeSpan format strings").
NET_TIMESPAN = re.compile(r"-?(\d+\.)?([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d{1,7})?")


# -- artefacts: values invalid for the WSDL's type -------------------------------------------------


@dataclass(frozen=True)
class Artefact:
    where: str  # a JSON path
    kind: str  # "xs:duration as JSON TimeSpan", …
    value: Any


def _json_text(value: Any) -> str | None:
    """A JSON scalar as the text an XML element would hold (None for objects and arrays)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return json.dumps(value)
    if isinstance(value, str):
        return value
    return None


_PREFIX = {XS: "xs", SER: "ser", NS88: "so", ARRAYS: "arr"}


def _kind(name: QN) -> str:
    return f"{_PREFIX.get(name[0], name[0])}:{name[1]}"


class Cleaner:
    """Walks a sample's JSON along the WSDL's type and nulls every value that is not valid for
    its type (the samples' generator filled weakly typed rows with lorem-ipsum words)."""

    def __init__(self, wsdl: Wsdl88) -> None:
        self.wsdl = wsdl

    def clean(self, value: Any, type_name: QN | None, where: str) -> tuple[Any, list[Artefact]]:
        found: list[Artefact] = []
        return self._walk(value, type_name, where, found), found

    def _walk(self, value: Any, name: QN | None, where: str, found: list[Artefact]) -> Any:
        if value is None or name is None or name == (XS, "anyType"):
            return value
        wsdl = self.wsdl
        typedef = wsdl.complex.get(name)
        if typedef is not None:
            if typedef.item is not None:
                if not isinstance(value, list):
                    return self._bad(value, f"{_kind(name)} (not an array)", where, found)
                return [self._walk(v, typedef.item, f"{where}[{i}]", found) for i, v in enumerate(value)]
            if typedef.dictionary is not None:
                if not isinstance(value, dict):
                    return self._bad(value, f"{_kind(name)} (not an object)", where, found)
                key_type, value_type = typedef.dictionary
                kept = {}
                for key, item in value.items():
                    kind = self.invalid(key, key_type)
                    if kind is not None:
                        found.append(Artefact(f"{where}.{key}", f"{kind} dictionary key (entry left out)", key))
                        continue
                    kept[key] = self._walk(item, value_type, f"{where}.{key}", found)
                return kept
            if not isinstance(value, dict):
                return self._bad(value, f"{_kind(name)} (not an object)", where, found)
            fields = wsdl.fields_of(name)
            kept = {}
            for key, item in value.items():
                if key not in fields:  # the type has no such element: the WSDL does not know it
                    found.append(Artefact(f"{where}.{key}", f"{_kind(name)} has no element {key} (key left out)", item))
                    continue
                kept[key] = self._walk(item, fields[key], f"{where}.{key}", found)
            return kept
        return self._simple(value, name, where, found)

    def _simple(self, value: Any, name: QN, where: str, found: list[Artefact]) -> Any:
        kind = self.invalid(value, name)
        return value if kind is None else self._bad(value, kind, where, found)

    def invalid(self, value: Any, name: QN) -> str | None:
        """Why ``value`` (JSON) is not valid for the simple type ``name``; None when it is."""
        text = _json_text(value)
        if text is None:
            return f"{_kind(name)} (an object or array)"
        if name == (SER, "duration"):  # JSON carries .NET's TimeSpan text, not xs:duration
            return None if isinstance(value, str) and NET_TIMESPAN.fullmatch(value) else "ser:duration (not a .NET TimeSpan)"
        if name == (SER, "char") and isinstance(value, str) and len(value) == 1:
            return None  # Json.NET writes a char as a one-character string
        if name in self.wsdl.lists:  # flags: Json.NET's "A, B" is the xs:list "A B"
            text = " ".join(word.strip() for word in text.split(","))
        return None if self.wsdl.valid_text(name, text) else _kind(name)

    @staticmethod
    def _bad(value: Any, kind: str, where: str, found: list[Artefact]) -> None:
        found.append(Artefact(where, kind, value))
        return None


# -- comparing JSON --------------------------------------------------------------------------------

_DATE = re.compile(r"^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(?:\.(\d+))?(Z|[+-]\d\d:\d\d)?$")


def _same_date(ours: str, theirs: str) -> bool:
    """Python's datetime holds microseconds: a 7th fractional digit (.NET's 100 ns tick) of the
    sample is lost on the way in, and only that; trailing zeros are not written (.NET's
    ``FFFFFFF``)."""
    mine, given = _DATE.match(ours), _DATE.match(theirs)
    if mine is None or given is None or mine.group(1) != given.group(1) or mine.group(3) != given.group(3):
        return False
    if len(given.group(2) or "") != 7:
        return False
    expected = (given.group(2) or "")[:6].rstrip("0")
    return (mine.group(2) or "") == expected


@dataclass
class Comparison:
    """Where our JSON differs from a sample's, and which allowances made the rest equal."""

    problems: list[str] = field(default_factory=list)
    allowed: list[str] = field(default_factory=list)  # one entry per allowance used, by kind


CARRIER_FIELDS = ("TableRight", "FieldProperties")  # the Carrier base's, filled by the server


def compare(ours: Any, theirs: Any, *, nulled: frozenset[str] = frozenset()) -> Comparison:
    """``ours`` against the sample's JSON ``theirs``, key for key. Numbers compare numerically;
    a date may lose the sample's 7th fractional digit (Python holds microseconds). Allowed, and
    counted: a key of ours with a null value that the sample leaves out where the sample's
    object is ``{}`` (the samples' generator stops at a depth and writes empty objects) or
    where it is the Carrier's TableRight/FieldProperties (the request samples never show them).
    Where the sample's value was an artefact replaced by
    null (``nulled``: JSON paths), ours may leave the key out."""
    result = Comparison()
    _compare(ours, theirs, "$", result, nulled)
    return result


def _compare(ours: Any, theirs: Any, where: str, result: Comparison, nulled: frozenset[str]) -> None:
    def differ() -> None:
        result.problems.append(f"{where}: ours {ours!r} != sample {theirs!r}"[:240])

    if isinstance(theirs, bool) or isinstance(ours, bool):
        if ours is not theirs:
            differ()
    elif isinstance(theirs, (int, float)) and isinstance(ours, (int, float)):
        if ours != theirs and not math.isclose(ours, theirs, rel_tol=1e-15):
            differ()
    elif isinstance(theirs, dict) and isinstance(ours, dict):
        for key in theirs.keys() - ours.keys():
            if theirs[key] is None and f"{where}.{key}" in nulled:
                result.allowed.append("an artefact nulled in the sample, left out by us (a value type)")
            else:
                result.problems.append(f"{where}.{key}: not written (sample has {theirs[key]!r})"[:240])
        for key in ours.keys() - theirs.keys():
            if ours[key] is not None:
                result.problems.append(f"{where}.{key}: written as {ours[key]!r}, not in the sample"[:240])
            elif not theirs:
                result.allowed.append("null in an object the sample shows as {}")
            elif key in CARRIER_FIELDS:
                result.allowed.append(f"Carrier.{key} null, not in the sample")
            else:
                result.problems.append(f"{where}.{key}: written as null, not in the sample")
        for key in theirs.keys() & ours.keys():
            _compare(ours[key], theirs[key], f"{where}.{key}", result, nulled)
    elif isinstance(theirs, list) and isinstance(ours, list):
        if len(ours) != len(theirs):
            result.problems.append(f"{where}: {len(ours)} items, the sample {len(theirs)}")
        else:
            for index, (mine, given) in enumerate(zip(ours, theirs)):
                _compare(mine, given, f"{where}[{index}]", result, nulled)
    elif isinstance(theirs, str) and isinstance(ours, str) and ours != theirs:
        if _same_date(ours, theirs):
            result.allowed.append("a date's 7th fractional digit")
        else:
            differ()
    elif type(ours) is not type(theirs) or ours != theirs:
        differ()


# -- the generated agents and their methods --------------------------------------------------------


@dataclass(frozen=True)
class Method:
    agent: type  # the sync agent class
    async_agent: type
    name: str  # the Python method name (the same on both)
    endpoint: Any  # the runtime's Endpoint


class _Recorder:
    """A stand-in session: records the Endpoint a method hands over instead of calling."""

    def __init__(self) -> None:
        self.seen: Any = None

    def call(self, endpoint: Any, args: tuple[Any, ...], select: Any, options: Any) -> None:
        self.seen = endpoint


def _own_methods(cls: type) -> dict[str, Any]:
    return {name: value for name, value in vars(cls).items() if inspect.isfunction(value) and not name.startswith("_")}


def _positional(function: Any) -> int:
    parameters = list(inspect.signature(function).parameters.values())[1:]
    return sum(p.kind is inspect.Parameter.POSITIONAL_OR_KEYWORD for p in parameters)


def generated_methods() -> dict[str, Method]:
    """Every method of every generated WebAPI agent, by the path of the endpoint it calls
    (``Appointment/Accept``), found by calling it with a recording session."""
    webapi = importlib.import_module(f"{PACKAGE}.webapi")
    found: dict[str, Method] = {}
    for name in webapi.__all__:
        if not name.endswith("Agent") or name.startswith("Async"):
            continue
        agent = getattr(webapi, name)
        async_agent = getattr(webapi, f"Async{name}")
        methods, async_methods = _own_methods(agent), _own_methods(async_agent)
        assert methods.keys() == async_methods.keys(), name
        recorder = _Recorder()
        for method, function in methods.items():
            function(agent(recorder), *[None] * _positional(function))  # type: ignore[arg-type]
            endpoint = recorder.seen
            async_session = _AsyncRecorder()
            coroutine = async_methods[method](async_agent(async_session), *[None] * _positional(function))  # type: ignore[arg-type]
            _run(coroutine)
            assert async_session.seen is endpoint, f"{name}.{method}: the async twin calls another endpoint"
            assert endpoint.path not in found, f"two methods call {endpoint.path}"
            found[endpoint.path] = Method(agent, async_agent, method, endpoint)
    return found


class _AsyncRecorder:
    def __init__(self) -> None:
        self.seen: Any = None

    async def call(self, endpoint: Any, args: tuple[Any, ...], select: Any, options: Any) -> None:
        self.seen = endpoint


def _run(coroutine: Any) -> Any:
    try:
        coroutine.send(None)
    except StopIteration as stop:
        return stop.value
    raise AssertionError("the coroutine awaited something real")

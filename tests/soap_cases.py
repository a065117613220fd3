"""The operations of the generated package beside their operation pages in the docs, and a way
to send a call through the real generated agent to a mock server (httpx.MockTransport).

Shared by test_examples_roundtrip.py and test_schema_validation.py. Nothing here uses the
generator's naming: operations are found as the ``Operation`` objects of the generated
service modules (service from the agent's endpoint, operation from its own name), and the
agent method of each operation is found by calling every method once on a recording session.
"""

from __future__ import annotations

import asyncio
import importlib
import inspect
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import httpx
from lxml import etree

from codegen.sources.pages import Page, discover, read_page
from conftest import PACKAGE, TODAY
from xmlcompare import NON_STRING_PRIMITIVES, XSD, XSI_NIL, has_no_value

SOAP11 = "http://schemas.xmlsoap.org/soap/envelope/"
SOAP12 = "http://www.w3.org/2003/05/soap-envelope"
ARRAYS = "http://schemas.microsoft.com/2003/10/Serialization/Arrays"
BASE_URL = "https://tenant.example/Cust12345"
TICKET = "7T:ticket<&>example=="
APPLICATION_TOKEN = "app-token-1234"
TIME_ZONE_ID = 7
TIME_ZONE_CODE = "Europe/Oslo"

# The one operation page whose operation its WSDL does not define (not generated).
NOT_GENERATED = {("Services88", "AI", "TrainCategorizer")}


@dataclass(frozen=True)
class Case:
    """One operation of one version: its page and what the generated package made of it."""

    version: str
    service: str
    name: str
    page: Page
    operation: Any  # superoffice_services._runtime.soap.Operation
    agent: type
    async_agent: type
    method: str

    @property
    def label(self) -> str:
        return f"{self.version} {self.service}.{self.name}"


@lru_cache(maxsize=None)
def pages_of(corpus: Path, version: str) -> tuple[Page, ...]:
    """The SOAP pages of one version (operation pages and WSDL pages)."""
    # the 2023 layout, or today's site's
    folder = next((f for f in (corpus / "soap" / version, corpus / "endpoints" / "soap" / "reference" / version) if f.is_dir()))
    return tuple(read_page(path, corpus) for path in discover(folder))


def operation_pages(corpus: Path, version: str) -> list[Page]:
    return [p for p in pages_of(corpus, version) if p.kind == "soap-operation" and p.version == version]


def wsdl_pages(corpus: Path, version: str) -> dict[str, Page]:
    return {p.service: p for p in pages_of(corpus, version) if p.kind == "soap-wsdl" and p.version == version}


class _Recorder:
    """A stand-in session: records the Operation a method hands over instead of calling."""

    def __init__(self) -> None:
        self.seen: Any = None

    def call(self, endpoint: str, operation: Any, args: tuple[Any, ...]) -> None:
        self.seen = operation


def _operation_methods(agent_class: type) -> dict[int, str]:
    """id(Operation) -> the name of the agent method that sends it."""
    recorder = _Recorder()
    agent = agent_class(recorder)
    found: dict[int, str] = {}
    for name, function in inspect.getmembers(agent_class, inspect.isfunction):
        if name.startswith("_"):
            continue
        parameters = list(inspect.signature(function).parameters)[1:]
        recorder.seen = None
        getattr(agent, name)(*([None] * len(parameters)))
        if recorder.seen is not None:
            found[id(recorder.seen)] = name
    return found


@lru_cache(maxsize=None)
def generated_operations(version: str) -> dict[tuple[str, str], tuple[Any, type, type, str]]:
    """(service, operation) -> (Operation, agent class, async agent class, method name), read
    from the generated package (which must be on sys.path: the ``generated`` fixture)."""
    soap = importlib.import_module(f"{PACKAGE}._runtime.soap")
    session = importlib.import_module(f"{PACKAGE}._runtime.session")
    package = importlib.import_module(f"{PACKAGE}.{version.lower()}")
    found: dict[tuple[str, str], tuple[Any, type, type, str]] = {}
    for info in pkgutil.iter_modules(package.__path__):
        if info.name.startswith("_") or info.name == "types":
            continue
        module = importlib.import_module(f"{package.__name__}.{info.name}")
        agents = [v for v in vars(module).values() if isinstance(v, type) and v.__module__ == module.__name__]
        sync = next((a for a in agents if issubclass(a, session.Agent)), None)
        if sync is None:
            continue  # not a service module (testing: the test double)
        async_ = next(a for a in agents if issubclass(a, session.AsyncAgent))
        service = sync.endpoint.rsplit("/", 1)[-1].removesuffix(".svc")
        methods = _operation_methods(sync)
        for value in vars(module).values():
            if isinstance(value, soap.Operation):
                found[(service, value.name)] = (value, sync, async_, methods[id(value)])
    return found


def cases(corpus: Path, version: str) -> tuple[list[Case], list[str]]:
    """Every operation page of the version with its generated operation; and, as problems,
    the pages without one (but the known NOT_GENERATED page) and the generated operations
    without a page (their examples cannot be checked)."""
    generated = generated_operations(version)
    result, problems = [], []
    not_generated = zip_lacks(corpus) if TODAY else NOT_GENERATED
    for page in operation_pages(corpus, version):
        entry = generated.get((page.service, page.operation))
        if entry is None:
            if (page.version, page.service, page.operation) not in not_generated:
                problems.append(f"{version} {page.service}.{page.operation}: no generated operation")
            continue
        operation, agent, async_agent, method = entry
        result.append(Case(version, page.service, page.operation, page, operation, agent, async_agent, method))
    documented = {(case.service, case.name) for case in result}
    if TODAY:
        return result, problems  # the zip's WSDLs are newer than the pages: new operations have none
    problems += [f"{version} {service}.{name}: no operation page" for service, name in sorted(set(generated) - documented)]
    return result, problems


@lru_cache(maxsize=None)
def zip_operations(corpus: Path) -> dict[tuple[str, str], frozenset[str]]:
    """Today's docs: (version, service) -> the operations of the portType of its WSDL in
    downloads/wsdl.zip, found by regular expressions (not by the generator's readers)."""
    import re
    import zipfile

    defined: dict[tuple[str, str], frozenset[str]] = {}
    with zipfile.ZipFile(corpus / "downloads" / "wsdl.zip") as archive:
        for name in archive.namelist():
            match = re.search(r"WSDL-(Services\d+)-(\w+)\.xml$", name)
            if match:
                text = archive.read(name).decode("utf-8-sig")
                port_type = re.search(r"<wsdl:portType.*?</wsdl:portType>", text, re.S)
                assert port_type is not None, name
                defined[(match[1], match[2])] = frozenset(re.findall(r'<wsdl:operation name="(\w+)"', port_type[0]))
    return defined


@lru_cache(maxsize=None)
def zip_lacks(corpus: Path) -> set[tuple[str, str, str]]:
    """Today's docs: the operation pages whose operation the (newer, winning) WSDL of
    downloads/wsdl.zip does not define, so that they are not generated (B002)."""
    defined = zip_operations(corpus)
    lacking = set()
    for version in {version for version, _ in defined}:
        for page in operation_pages(corpus, version) if (corpus / "endpoints" / "soap" / "reference" / version).is_dir() else ():
            if page.operation not in defined.get((version, page.service), {page.operation}):
                lacking.add((version, page.service, page.operation))
    return lacking


# -- envelopes ----------------------------------------------------------------------------------


def example_bytes(text: str) -> bytes:
    return text.strip().encode("utf-8")


def body_child(envelope: etree._Element) -> etree._Element | None:
    """The first element inside the envelope's Body (either SOAP version)."""
    for child in envelope:
        if isinstance(child.tag, str) and etree.QName(child).localname == "Body":
            return next((c for c in child if isinstance(c.tag, str)), None)
    return None


def as_soap11(example: bytes) -> bytes:
    """The docs' SOAP 1.2 example as the SOAP 1.1 envelope a NetServer sends: the same Body
    content, the headers dropped (the docs' response examples have none)."""
    root = etree.fromstring(example)
    envelope = etree.Element(f"{{{SOAP11}}}Envelope", nsmap={"s": SOAP11})
    body = etree.SubElement(envelope, f"{{{SOAP11}}}Body")
    for source in root:
        if isinstance(source.tag, str) and etree.QName(source).localname == "Body":
            for child in source:
                if isinstance(child.tag, str):
                    body.append(standalone(child))
    return etree.tostring(envelope, xml_declaration=True, encoding="utf-8")


def standalone(element: etree._Element) -> etree._Element:
    """A copy of ``element`` as a document of its own, keeping every namespace declaration in
    scope (``xsi:type`` values name types by prefix; a deepcopy keeps only the used ones)."""
    return etree.fromstring(etree.tostring(element))


def values_without_a_place(element: etree._Element) -> list[str]:
    """Values of a docs' example that the schema has no way to carry, so that the client must
    refuse to write them (SerializationError) rather than leave them out:

    * an empty ``Key`` of a non-string primitive type beside a ``Value``: a dictionary key
      without a value (TimeZoneRuleDictionary's dateTime keys); the schema requires the key;
    * an ``xsi:nil`` item of an Arrays-namespace array of a non-string primitive (``<a:int
      xsi:nil="true"/>`` where the docs cut off recursion): those items are not nillable, and
      leaving one out would change the list.
    """
    found = []
    for node in element.iter():
        if not isinstance(node.tag, str):
            continue
        name = etree.QName(node)
        parent = node.getparent()
        if name.localname == "Key" and has_no_value(node) and parent is not None:
            if any(isinstance(c.tag, str) and etree.QName(c).localname == "Value" for c in parent):
                found.append(f"{etree.QName(parent).localname}/Key is empty")
        elif name.namespace == ARRAYS and node.get(XSI_NIL) == "true" and (XSD, name.localname) in NON_STRING_PRIMITIVES:
            found.append(f"{etree.QName(parent).localname if parent is not None else ''} holds a nil {name.localname}")
    return found


# -- calls through the generated agents ---------------------------------------------------------


@dataclass
class Sent:
    """One call: the request the mock server received (None: nothing was sent), its body, and
    what the method returned or raised."""

    request: httpx.Request | None
    content: bytes
    result: Any = None
    error: BaseException | None = None


class MockServer:
    """An httpx.MockTransport that records each request and answers with ``self.reply``."""

    def __init__(self) -> None:
        self.reply = b""
        self.requests: list[tuple[httpx.Request, bytes]] = []

    def handler(self, request: httpx.Request) -> httpx.Response:
        self.requests.append((request, request.read()))
        return httpx.Response(200, headers={"Content-Type": "text/xml; charset=utf-8"}, content=self.reply)


def session_class(name: str) -> Any:
    return getattr(importlib.import_module(f"{PACKAGE}._runtime.session"), name)


class Caller:
    """A synchronous SoapSession with all credentials set, on a mock server."""

    def __init__(self) -> None:
        self.server = MockServer()
        self.session = session_class("SoapSession")(
            BASE_URL, ticket=TICKET, application_token=APPLICATION_TOKEN, time_zone_id=TIME_ZONE_ID,
            time_zone_code=TIME_ZONE_CODE, client=httpx.Client(transport=httpx.MockTransport(self.server.handler)),
        )

    def send(self, case: Case, args: list[Any], reply: bytes) -> Sent:
        self.server.reply = reply
        agent = case.agent(self.session)
        return _sent(self.server, lambda: getattr(agent, case.method)(*args))

    def close(self) -> None:
        self.session.client.close()


def send_async(cases_and_args: list[tuple[Case, list[Any], bytes]]) -> list[Sent]:
    """The same calls through the async agents on an AsyncSoapSession, one after another."""

    async def run() -> list[Sent]:
        server = MockServer()
        client = httpx.AsyncClient(transport=httpx.MockTransport(server.handler))
        session = session_class("AsyncSoapSession")(
            BASE_URL, ticket=TICKET, application_token=APPLICATION_TOKEN, time_zone_id=TIME_ZONE_ID,
            time_zone_code=TIME_ZONE_CODE, client=client,
        )
        results = []
        async with client:
            for case, args, reply in cases_and_args:
                server.reply = reply
                agent = case.async_agent(session)
                before = len(server.requests)
                try:
                    result, error = await getattr(agent, case.method)(*args), None
                except Exception as raised:  # reported by the test
                    result, error = None, raised
                request, content = server.requests[before] if len(server.requests) > before else (None, b"")
                results.append(Sent(request, content, result, error))
        return results

    return asyncio.run(run())


def _sent(server: MockServer, call: Callable[[], Any]) -> Sent:
    before = len(server.requests)
    try:
        result, error = call(), None
    except Exception as raised:  # reported by the test
        result, error = None, raised
    request, content = server.requests[before] if len(server.requests) > before else (None, b"")
    return Sent(request, content, result, error)


def result_parts(operation: Any, value: Any) -> list[Any]:
    """The method's return value as the list of the response's parts, in order."""
    parts = operation.response.parts
    if not parts:
        return []
    if len(parts) == 1:
        return [value]
    return [getattr(value, part.attr) for part in parts]


def write_wrapper(operation: Any, body: Any, values: list[Any]) -> etree._Element:
    """A request or response wrapper written with the runtime's own element writers, parsed
    (the prefixes the writers use are declared the way the envelope declares them)."""
    if not operation.ready:
        operation.prepare()
    wire = importlib.import_module(f"{PACKAGE}._runtime.wire")
    out = [body.open]
    for part, value in zip(body.parts, values):
        part.write(out, value)
    out.append(body.close)
    namespace = operation.schema.namespace
    declarations = "".join(f' xmlns:{prefix}="{uri}"' for uri, prefix in wire.PREFIXES.items())
    text = f'<root xmlns="{namespace}" xmlns:s="{namespace}"{declarations}>{"".join(out)}</root>'
    return etree.fromstring(text.encode("utf-8"))[0]

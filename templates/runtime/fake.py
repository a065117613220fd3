"""Test doubles: a fake NetServer (SOAP) and a fake WebAPI that answer every operation with the
reply the docs show for it, check each request the way the real server would, and record the
calls with their typed arguments.

Use one in process, as an httpx transport (no sockets)::

    fake = services88.testing.fake()
    with fake.session() as session:          # a SoapSession on fake.transport()
        ErpSyncAgent(session).get_connection(1)   # the documented example reply

or as a real HTTP server on 127.0.0.1 (``with fake.serve() as server: server.url``). Program
replies with ``fake.reply(ErpSyncAgent.get_connection, value)`` and failures with
``fake.fail(ErpSyncAgent.get_connection, "message")`` (Succeeded false with an ExceptionInfo),
``status=503`` (an HTTP error), ``fault="..."`` (a SOAP fault) or ``delay=2.0``; inspect
``fake.calls``. Nothing here is imported unless a test imports it.

Requests are checked against the XML Schema of the service's WSDL where the docs had one
(shipped beside the version as ``_doubles/*.xsd``); a service the docs described by its
examples alone is checked by decoding the request strictly with the operation's typed wire
specs (unknown or missing elements, values of the wrong type). A request that fails the check
is answered as NetServer answers it, with a SOAP fault (HTTP 500) naming the element, and is
listed in ``fake.rejected``.
"""

from __future__ import annotations

import asyncio
import importlib
import inspect
import json
import threading
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlsplit
from xml.sax.saxutils import escape as escape_text

import httpx
from lxml import etree

from . import jsonwire
from .errors import ProtocolError
from .rest import AsyncWebApiSession, Endpoint, WebApiSession
from .session import AsyncSoapSession, SoapSession
from .soap import SOAP11, SOAP12, Operation, parse_xml
from .wire import ArrayOf, ComplexCodec, DictOf, Element

BASE_URL = "https://fake.superoffice.test/Cust00000"
_EXAMPLE = object()  # a program's value: the documented example


@dataclass(frozen=True)
class Call:
    """One accepted request: the service (SOAP) or agent (WebAPI), the operation or method,
    the typed arguments in parameter order and by parameter name, and the HTTP headers."""

    service: str
    operation: str
    args: tuple[Any, ...]
    arguments: dict[str, Any]
    headers: dict[str, str] = field(repr=False)


@dataclass(frozen=True)
class _Program:
    value: Any = _EXAMPLE
    message: str | None = None  # Succeeded false (SOAP) or a JSON error (WebAPI) with this text
    exception_info: Any = None
    status: int | None = None
    body: str | None = None
    fault: str | None = None
    delay: float = 0.0


@dataclass(frozen=True)
class _Answer:
    status: int
    content: bytes
    content_type: str
    delay: float = 0.0


class _Stand:
    """Stands in for an agent: a generated method hands its Operation or Endpoint to
    ``_call``, which records it instead of calling."""

    def __init__(self) -> None:
        self.target: Any = None

    def _call(self, target: Any, *args: Any) -> _Done:
        self.target = target
        return _Done()


class _Done:
    def __await__(self) -> Iterator[None]:
        return iter(())


def _target_of(method: Callable[..., Any]) -> Any:
    """The Operation (or Endpoint) an agent method sends, found by calling it on a stand-in."""
    function = getattr(method, "__func__", method)
    stand = _Stand()
    parameters = [
        p
        for p in list(inspect.signature(function).parameters.values())[1:]
        if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)
    ]
    result = function(stand, *([None] * len(parameters)))
    if inspect.iscoroutine(result):
        try:
            result.send(None)
        except StopIteration:
            pass
    if stand.target is None:
        raise TypeError(f"{method!r} is not a method of a generated agent")
    return stand.target


class Server:
    """A fake listening on 127.0.0.1 (a free port); ``url`` is the tenant's base URL."""

    def __init__(self, fake: _Fake) -> None:
        handler = type("Handler", (_Handler,), {"fake": fake})
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.httpd.daemon_threads = True
        host, port = self.httpd.server_address[:2]
        self.url = f"http://{host!s}:{port}/Cust00000"
        self.thread = threading.Thread(
            target=self.httpd.serve_forever, name="superoffice-fake", daemon=True
        )
        self.thread.start()

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join()

    def __enter__(self) -> Server:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class _Handler(BaseHTTPRequestHandler):
    fake: _Fake
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True  # headers and body go out in two writes: no 40 ms wait between

    def do_POST(self) -> None:
        self._answer()

    def do_GET(self) -> None:
        self._answer()

    def _answer(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        content = self.rfile.read(length) if length else b""
        answer = self.fake.respond(self.command, self.path, dict(self.headers.items()), content)
        if answer.delay:
            time.sleep(answer.delay)
        self.send_response(answer.status)
        self.send_header("Content-Type", answer.content_type)
        self.send_header("Content-Length", str(len(answer.content)))
        self.end_headers()
        self.wfile.write(answer.content)

    def log_message(self, format: str, *args: Any) -> None:
        pass  # a test's output is no place for an access log


class _Fake:
    """What the SOAP and the WebAPI doubles share: programs, recorded calls, transports and
    loopback servers."""

    def __init__(self, validate: bool) -> None:
        self.validate = validate
        self.calls: list[Call] = []
        self.rejected: list[str] = []  # why each rejected request was rejected
        self._programs: dict[tuple[str, str], _Program] = {}
        self._lock = threading.Lock()
        self._servers: list[Server] = []

    # -- programming ----------------------------------------------------------------------------

    def key(self, method: Callable[..., Any] | str) -> tuple[str, str]:
        raise NotImplementedError

    def reply(self, method: Callable[..., Any] | str, value: Any, *, delay: float = 0.0) -> None:
        """Answer ``method`` (an agent method, e.g. ``ErpSyncAgent.get_connection``, or
        ``"ErpSync.GetConnection"``) with ``value``, of the method's return type, instead of the
        documented example; after ``delay`` seconds."""
        self._programs[self.key(method)] = _Program(value=value, delay=delay)

    def fail(
        self,
        method: Callable[..., Any] | str,
        message: str | None = None,
        *,
        exception_info: Any = None,
        status: int | None = None,
        body: str | None = None,
        fault: str | None = None,
        delay: float = 0.0,
    ) -> None:
        """Make ``method`` fail: with ``message`` or ``exception_info`` (a SoExceptionInfo) the
        reply says Succeeded false (SOAP) or is a 500 JSON error (WebAPI); with ``status`` an
        HTTP error whose body is ``body``; with ``fault`` a SOAP fault. ``delay`` alone delays
        the documented reply (past the client's timeout, a TransportError through ``serve()``)."""
        self._programs[self.key(method)] = _Program(
            message=message,
            exception_info=exception_info,
            status=status,
            body=body,
            fault=fault,
            delay=delay,
        )

    def reset(self, method: Callable[..., Any] | str | None = None) -> None:
        """Forget the program of ``method`` (of every method: None), and the recorded calls."""
        if method is None:
            self._programs.clear()
            self.calls.clear()
            self.rejected.clear()
        else:
            self._programs.pop(self.key(method), None)

    def calls_to(self, method: Callable[..., Any] | str) -> list[Call]:
        service, operation = self.key(method)
        return [c for c in self.calls if c.service == service and c.operation == operation]

    def program(self, service: str, operation: str) -> _Program:
        return self._programs.get((service, operation), _Program())

    def record(self, call: Call) -> None:
        with self._lock:
            self.calls.append(call)

    def reject(self, why: str) -> None:
        with self._lock:
            self.rejected.append(why)

    # -- serving --------------------------------------------------------------------------------

    def answer(self, method: str, url: str, headers: Mapping[str, str], content: bytes) -> _Answer:
        raise NotImplementedError

    def broken(self, message: str) -> _Answer:
        """The reply to a request the fake could not answer."""
        raise NotImplementedError

    def respond(self, method: str, url: str, headers: Mapping[str, str], content: bytes) -> _Answer:
        try:
            return self.answer(method, url, headers, content)
        except Exception as error:
            # a programmed value of the wrong type, a broken example: a server error, not a crash
            return self.broken(f"the fake could not answer: {type(error).__name__}: {error}")

    def _handle(self, request: httpx.Request) -> _Answer:
        return self.respond(
            request.method, str(request.url), dict(request.headers.items()), request.read()
        )

    def transport(self) -> httpx.MockTransport:
        """An httpx transport (sync) answering in process."""

        def handler(request: httpx.Request) -> httpx.Response:
            answer = self._handle(request)
            if answer.delay:
                time.sleep(answer.delay)
            return httpx.Response(
                answer.status, headers={"Content-Type": answer.content_type}, content=answer.content
            )

        return httpx.MockTransport(handler)

    def async_transport(self) -> httpx.MockTransport:
        """An httpx transport for ``httpx.AsyncClient``, answering in process."""

        async def handler(request: httpx.Request) -> httpx.Response:
            await request.aread()
            answer = self._handle(request)
            if answer.delay:
                await asyncio.sleep(answer.delay)
            return httpx.Response(
                answer.status, headers={"Content-Type": answer.content_type}, content=answer.content
            )

        return httpx.MockTransport(handler)

    @contextmanager
    def serve(self) -> Iterator[Server]:
        """A real HTTP server on 127.0.0.1 for the block (a free port: ``server.url``)."""
        server = Server(self)
        self._servers.append(server)
        try:
            yield server
        finally:
            server.close()
            self._servers.remove(server)

    def start(self) -> Server:
        """A loopback server that runs until ``close()`` (what the pytest fixtures use)."""
        server = Server(self)
        self._servers.append(server)
        return server

    def close(self) -> None:
        """Stop the servers of ``start()``."""
        for server in self._servers:
            server.close()
        self._servers.clear()

    def __enter__(self) -> _Fake:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


@lru_cache(maxsize=None)
def _defined(module: str, kind: type) -> tuple[Any, ...]:
    """The Operations or Endpoints a generated module defines (importing it)."""
    return tuple(v for v in vars(importlib.import_module(module)).values() if isinstance(v, kind))


def _data(package: str) -> Path:
    module = importlib.import_module(package)
    return Path(str(module.__file__)).parent / "_doubles"


@lru_cache(maxsize=None)
def _load_json(path: Path) -> dict[str, str]:
    if not path.is_file():
        return {}
    loaded: dict[str, str] = json.loads(path.read_text(encoding="utf-8"))
    return loaded


_SCHEMA_LOCK = threading.Lock()


class _ShippedOnly(etree.Resolver):
    """Lets a shipped schema reach only the documents shipped beside it: never a file or URL
    that a docs page named."""

    def __init__(self, folder: Path) -> None:
        super().__init__()
        self.folder = folder.resolve()

    def resolve(self, system_url: str, public_id: str, context: Any = None) -> Any:
        # (lxml-stubs leave out the context argument lxml passes, and resolve_filename)
        path = urlsplit(system_url).path if "://" in system_url else system_url
        found = Path(path).resolve()
        if found.parent != self.folder or found.suffix != ".xsd" or not found.is_file():
            raise ProtocolError(f"a shipped schema refers to {system_url!r}, outside {self.folder}")
        return self.resolve_filename(str(found), context)  # type: ignore[attr-defined]


@lru_cache(maxsize=None)
def _load_schema(entry: Path) -> etree.XMLSchema | None:
    if not entry.is_file():
        return None
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    parser.resolvers.add(_ShippedOnly(entry.parent))
    return etree.XMLSchema(etree.parse(str(entry), parser))


def _error_text(schema: etree.XMLSchema) -> str:
    errors: Any = schema.error_log  # iterable at run time; lxml-stubs do not say so
    return "; ".join(error.message for error in list(errors)[:3])


# -- SOAP --------------------------------------------------------------------------------------------


class FakeSoap(_Fake):
    """A fake NetServer of one version. ``services`` maps each service's endpoint
    (``Remote/Services88/ErpSync.svc``) to its name, its module in ``package`` and the schema
    document in ``_doubles`` its requests are checked against ("": the docs had no WSDL, the
    requests are decoded strictly)."""

    def __init__(
        self, package: str, services: Mapping[str, tuple[str, str, str]], *, validate: bool = True
    ) -> None:
        super().__init__(validate)
        self.package = package
        self.services = dict(services)
        self._modules = {name: module for name, module, _ in services.values()}
        self._schemas = {name: schema for name, _, schema in services.values()}

    def operations(self, service: str) -> dict[str, Operation[Any]]:
        """The service's operations by SOAPAction."""
        return {
            op.action: op for op in _defined(f"{self.package}.{self._modules[service]}", Operation)
        }

    def key(self, method: Callable[..., Any] | str) -> tuple[str, str]:
        if isinstance(method, str):
            service, _, operation = method.partition(".")
            return service, operation
        operation = _target_of(method)
        for service in self._modules:
            if operation in self.operations(service).values():
                return service, operation.name
        raise TypeError(f"{method!r} is not a method of {self.package}")

    def session(self, **options: Any) -> SoapSession:
        """A SoapSession on this fake's transport (``options``: ticket, application_token, …)."""
        return SoapSession(options.pop("base_url", BASE_URL), transport=self.transport(), **options)

    def async_session(self, **options: Any) -> AsyncSoapSession:
        return AsyncSoapSession(
            options.pop("base_url", BASE_URL), transport=self.async_transport(), **options
        )

    # -- answering -----------------------------------------------------------------------------

    def answer(self, method: str, url: str, headers: Mapping[str, str], content: bytes) -> _Answer:
        headers = {name.lower(): value for name, value in headers.items()}
        path = urlsplit(url).path
        endpoint = next((e for e in self.services if path.endswith("/" + e)), None)
        if method != "POST" or endpoint is None:
            return _Answer(404, f"no service at {path}".encode(), "text/plain; charset=utf-8")
        service = self.services[endpoint][0]
        content_type = headers.get("content-type", "")
        if not content_type.startswith("text/xml"):
            return _Answer(
                415,
                f"the content type {content_type!r} is not the expected 'text/xml; charset=utf-8'".encode(),
                "text/plain; charset=utf-8",
            )
        action = headers.get("soapaction", "").strip('"')
        operation = self.operations(service).get(action)
        if operation is None:
            return self._refuse(f"{service}: no operation has the SOAPAction {action!r}")
        problem = self.check(service, operation, content)
        if problem:
            return self._refuse(f"{service}.{operation.name}: {problem}")
        args = operation.read_request(content)
        names = [part.attr for part in operation.request.parts]
        self.record(
            Call(service, operation.name, tuple(args), dict(zip(names, args)), dict(headers))
        )
        return self.reply_for(service, operation)

    def broken(self, message: str) -> _Answer:
        return _fault_answer("s:Server", message)

    def _refuse(self, why: str) -> _Answer:
        self.reject(why)
        return _fault_answer("s:Client", why)

    def check(self, service: str, operation: Operation[Any], content: bytes) -> str:
        """Why the request would fail on the real server ("": it would not)."""
        try:
            envelope = parse_xml(content)
        except ProtocolError as error:
            return str(error).replace("the reply", "the request")
        if envelope.tag != f"{{{SOAP11}}}Envelope":
            return f"the root element is {envelope.tag}, not a SOAP 1.1 Envelope"
        children = [c for c in envelope if isinstance(c.tag, str)]
        blocks = [
            b
            for c in children
            if c.tag == f"{{{SOAP11}}}Header"
            for b in c
            if isinstance(b.tag, str)
        ]
        bodies = [c for c in children if c.tag == f"{{{SOAP11}}}Body"]
        wrappers = [w for w in bodies[0] if isinstance(w.tag, str)] if bodies else []
        if len(wrappers) != 1:
            return f"the Body holds {len(wrappers)} elements, not one"
        wrapper = wrappers[0]
        if not operation.ready:
            operation.prepare()
        if wrapper.tag != operation.request.tag:
            return f"the Body holds {etree.QName(wrapper).localname}, not {operation.request.name}"
        if not self.validate:
            return ""
        entry = self._schemas.get(service)
        schema = _load_schema(_data(self.package) / entry) if entry else None
        if schema is None:
            return _decode_problems(operation, wrapper)
        # an lxml validator is not to be shared by threads (the loopback server's)
        with _SCHEMA_LOCK:
            for element in blocks + [wrapper]:
                if not schema.validate(
                    etree.ElementTree(etree.fromstring(etree.tostring(element)))
                ):
                    return _error_text(schema)
        return ""

    def reply_for(self, service: str, operation: Operation[Any]) -> _Answer:
        program = self.program(service, operation.name)
        if program.status is not None:
            return _Answer(
                program.status,
                (program.body or "").encode("utf-8"),
                "text/plain; charset=utf-8",
                program.delay,
            )
        if program.fault is not None:
            return _delayed(_fault_answer("s:Server", program.fault), program.delay)
        headers: dict[str, str] = {}
        body: str
        if program.message is not None or program.exception_info is not None:
            info = program.exception_info
            if info is None:
                info = _exception_info_class(operation)(message=program.message)
            headers = {
                "ExceptionInfo": _write(operation, "ExceptionInfo", info),
                "Succeeded": _write(operation, "Succeeded", False),
            }
            body = operation.response.open.removesuffix(">") + "/>"
        elif program.value is _EXAMPLE:
            example = _load_json(_data(self.package) / f"{self._modules[service]}.json").get(
                operation.name
            )
            if not example:
                why = f"{service}.{operation.name} has no documented example reply: program one with reply()"
                return _fault_answer("s:Server", why)
            headers = {"Succeeded": _write(operation, "Succeeded", True)}
            body = _example_body(example)
        else:
            headers = {"Succeeded": _write(operation, "Succeeded", True)}
            body = _response_body(operation, program.value)
        blocks = "".join(
            headers.get(element.name, element.nil) for element in operation.reply_headers
        )
        envelope = (
            operation.envelope_open
            + f"<soap:Header>{blocks}</soap:Header><soap:Body>{body}</soap:Body></soap:Envelope>"
        )
        return _Answer(200, envelope.encode("utf-8"), "text/xml; charset=utf-8", program.delay)


def _delayed(answer: _Answer, delay: float) -> _Answer:
    return _Answer(answer.status, answer.content, answer.content_type, delay)


def _fault_answer(code: str, message: str) -> _Answer:
    text = (
        f'<?xml version="1.0" encoding="utf-8"?><s:Envelope xmlns:s="{SOAP11}"><s:Body><s:Fault>'
        f"<faultcode>{code}</faultcode><faultstring>{escape_text(message)}</faultstring></s:Fault></s:Body></s:Envelope>"
    )
    return _Answer(500, text.encode("utf-8"), "text/xml; charset=utf-8")


def _write(operation: Operation[Any], name: str, value: Any) -> str:
    element = next(e for e in operation.reply_headers if e.name == name)
    out: list[str] = []
    element.write(out, value)
    return "".join(out)


def _exception_info_class(operation: Operation[Any]) -> Callable[..., Any]:
    element = next(e for e in operation.reply_headers if e.name == "ExceptionInfo")
    cls: Callable[..., Any] = getattr(element.codec, "cls")
    return cls


def _response_body(operation: Operation[Any], value: Any) -> str:
    parts = operation.response.parts
    values: Sequence[Any] = (
        [] if not parts else [value] if len(parts) == 1 else [getattr(value, p.attr) for p in parts]
    )
    out = [operation.response.open]
    for part, item in zip(parts, values):
        part.write(out, item)
    out.append(operation.response.close)
    return "".join(out)


@lru_cache(maxsize=256)
def _example_body(example: str) -> str:
    """The Body content of a documented reply (the docs show a SOAP 1.2 illustration), with
    the namespace declarations in scope where it stood."""
    root = parse_xml(example.strip().encode("utf-8"))
    for child in root:
        if isinstance(child.tag, str) and child.tag in (f"{{{SOAP11}}}Body", f"{{{SOAP12}}}Body"):
            return "".join(
                etree.tostring(c, encoding="unicode", with_tail=False)
                for c in child
                if isinstance(c.tag, str)
            )
    return ""


def _decode_problems(operation: Operation[Any], wrapper: etree._Element) -> str:
    """The strict check of a service without a WSDL: the typed wire specs decide (unknown,
    missing or nil elements where the specs allow none, values of the wrong type)."""
    return _sequence(operation.request.parts, wrapper, operation.request.name)


_NIL = "{http://www.w3.org/2001/XMLSchema-instance}nil"


def _sequence(elements: Sequence[Element], node: etree._Element, where: str) -> str:
    by_tag = {element.tag: element for element in elements}
    seen = set()
    for child in node:
        if not isinstance(child.tag, str):
            continue
        element = by_tag.get(child.tag)
        if element is None:
            return f"{where}: unexpected element {etree.QName(child).localname}"
        seen.add(child.tag)
        problem = _strict(element, child, f"{where}/{element.name}")
        if problem:
            return problem
    missing = next((e.name for e in elements if e.required and e.tag not in seen), None)
    return f"{where}: the required element {missing} is missing" if missing else ""


def _strict(element: Element, node: etree._Element, where: str) -> str:
    if node.get(_NIL) == "true":
        return "" if element.nillable else f"{where}: nil where the element is not nillable"
    codec = element.codec
    if isinstance(codec, ComplexCodec):
        actual = codec
        declared = node.get("{http://www.w3.org/2001/XMLSchema-instance}type")
        if declared is not None:
            prefix, _, local = declared.rpartition(":")
            found = codec.schema.codec_by_xml_name((node.nsmap.get(prefix or None) or "", local))
            if found is None or not issubclass(found.cls, codec.cls):
                return f"{where}: xsi:type {declared} is not a {codec.name}"
            actual = found
        actual.prepare()
        return _sequence(actual.elements, node, where)
    if isinstance(codec, ArrayOf):
        return _repeated(codec.item, node, where)
    if isinstance(codec, DictOf):
        for pair in node:
            if isinstance(pair.tag, str):
                problem = (
                    _sequence([codec.key, codec.value], pair, f"{where}/{codec.pair.name}")
                    if pair.tag == codec.pair.tag
                    else f"{where}: unexpected element {etree.QName(pair).localname}"
                )
                if problem:
                    return problem
        return ""
    try:
        assert codec is not None
        codec.read(node)
    except (ProtocolError, ValueError, LookupError) as error:
        return f"{where}: {error}"
    return ""


def _repeated(item: Element, node: etree._Element, where: str) -> str:
    for child in node:
        if isinstance(child.tag, str):
            problem = (
                _strict(item, child, f"{where}/{item.name}")
                if child.tag == item.tag
                else f"{where}: unexpected element {etree.QName(child).localname}"
            )
            if problem:
                return problem
    return ""


# -- the WebAPI -----------------------------------------------------------------------------------------

_PREFIX = "/api/v1/Agents/"


class FakeWebApi(_Fake):
    """A fake WebAPI: ``agents`` maps each agent's name to its module in ``package``."""

    def __init__(self, package: str, agents: Mapping[str, str], *, validate: bool = True) -> None:
        super().__init__(validate)
        self.package = package
        self.agents = dict(agents)

    def endpoints(self, agent: str) -> dict[str, Endpoint[Any]]:
        """The agent's endpoints by path ("Agent/Method")."""
        return {e.path: e for e in _defined(f"{self.package}.{self.agents[agent]}", Endpoint)}

    def key(self, method: Callable[..., Any] | str) -> tuple[str, str]:
        path = method.replace(".", "/") if isinstance(method, str) else _target_of(method).path
        agent, _, name = path.partition("/")
        return agent, name

    def session(self, **options: Any) -> WebApiSession:
        """A WebApiSession on this fake's transport (``options``: bearer_token, …)."""
        return WebApiSession(
            options.pop("base_url", BASE_URL), transport=self.transport(), **options
        )

    def async_session(self, **options: Any) -> AsyncWebApiSession:
        return AsyncWebApiSession(
            options.pop("base_url", BASE_URL), transport=self.async_transport(), **options
        )

    def answer(self, method: str, url: str, headers: Mapping[str, str], content: bytes) -> _Answer:
        parts = urlsplit(url)
        path = (
            parts.path[parts.path.find(_PREFIX) + len(_PREFIX) :] if _PREFIX in parts.path else ""
        )
        agent = path.partition("/")[0]
        endpoint = self.endpoints(agent).get(path) if agent in self.agents else None
        if endpoint is None:
            return _json_error(404, "NotFound", f"no endpoint at {parts.path}")
        if method != "POST":
            return _json_error(405, "MethodNotAllowed", f"{path} takes POST, not {method}")
        query = dict(parse_qsl(parts.query, keep_blank_values=True))
        problem = self.check(endpoint, content, query) if self.validate else ""
        if problem:
            self.reject(f"{path}: {problem}")
            return _json_error(400, "ValidationException", f"{path}: {problem}")
        args = endpoint.read_request(content, query)
        names = [p.element.attr for p in endpoint.params]
        headers = {name.lower(): value for name, value in headers.items()}
        self.record(
            Call(agent, path.partition("/")[2], tuple(args), dict(zip(names, args)), headers)
        )
        return self.reply_for(agent, endpoint)

    def broken(self, message: str) -> _Answer:
        return _json_error(500, "FakeError", message)

    @staticmethod
    def check(endpoint: Endpoint[Any], content: bytes, query: Mapping[str, str]) -> str:
        """Why the request would fail on the real server ("": it would not)."""
        if not endpoint.ready:
            endpoint.prepare()
        try:
            data = json.loads(content) if content.strip() else None
        except ValueError as error:
            return f"the body is not JSON: {error}"
        names = {p.element.name for p in endpoint.params if p.location == "property"}
        if (
            isinstance(data, dict)
            and names
            and not any(p.location == "body" for p in endpoint.params)
        ):
            unknown = sorted(set(data) - names)
            if unknown:
                return f"the body has no property {unknown[0]!r}"
        allowed = {p.element.name for p in endpoint.params if p.location == "query"} | {"$select"}
        unknown = sorted(set(query) - allowed)
        if unknown:
            return f"unknown query parameter {unknown[0]!r}"
        try:
            endpoint.read_request(content, query)
        except (ProtocolError, ValueError, LookupError) as error:
            return str(error)
        return ""

    def reply_for(self, agent: str, endpoint: Endpoint[Any]) -> _Answer:
        program = self.program(agent, endpoint.path.partition("/")[2])
        if program.status is not None:
            if program.body is None:
                return _delayed(
                    _json_error(program.status, "HttpError", f"HTTP {program.status}"),
                    program.delay,
                )
            return _Answer(
                program.status,
                program.body.encode("utf-8"),
                "application/json; charset=utf-8",
                program.delay,
            )
        if program.message is not None or program.exception_info is not None:
            message = program.message or str(getattr(program.exception_info, "message", "") or "")
            return _delayed(_json_error(500, "SoException", message), program.delay)
        if program.value is _EXAMPLE:
            sample = _load_json(_data(self.package) / f"{self.agents[agent]}.json").get(
                endpoint.path.partition("/")[2]
            )
            if sample is None:
                if endpoint.returns is None:
                    return _Answer(204, b"", "application/json; charset=utf-8", program.delay)
                return _json_error(
                    500,
                    "NotProgrammed",
                    f"{endpoint.path} has no documented sample reply: program one with reply()",
                )
            status, body = _sample(sample)
            return _Answer(
                status, body.encode("utf-8"), "application/json; charset=utf-8", program.delay
            )
        if endpoint.returns is None or program.value is None:
            return _Answer(204, b"", "application/json; charset=utf-8", program.delay)
        if not endpoint.ready:
            endpoint.prepare()
        encoded = jsonwire.encode(endpoint.returns.codec, program.value)  # type: ignore[arg-type]
        return _Answer(
            200,
            json.dumps(encoded, ensure_ascii=False).encode("utf-8"),
            "application/json; charset=utf-8",
            program.delay,
        )


def _json_error(status: int, kind: str, message: str) -> _Answer:
    details = {"Error": message, "ErrorType": kind, "ErrorMessage": message, "ErrorSource": "fake"}
    return _Answer(status, json.dumps(details).encode("utf-8"), "application/json; charset=utf-8")


def _sample(text: str) -> tuple[int, str]:
    """The status and body of a documented sample response (``HTTP/1.1 200 OK``, headers, a
    blank line, the JSON)."""
    head, _, body = text.replace("\r\n", "\n").strip("\n").partition("\n\n")
    words = head.split("\n", 1)[0].split()
    status = int(words[1]) if len(words) > 1 and words[1].isdigit() else 200
    return status, body.strip()


__all__ = ["BASE_URL", "Call", "FakeSoap", "FakeWebApi", "Server"]

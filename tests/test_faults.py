"""The generated client against a server that misbehaves on purpose (tests/faulty_server.py, real
sockets on 127.0.0.1): every fault gives a typed error that names the call and says what went
wrong, within the timeout, sync and async, SOAP and WebAPI; no secret shows in anything a test
can capture; nothing that may have reached the server is sent twice; and the same session then
serves the next call. The sessions retry (``retries=3``) in every scenario, so a fault that was
retried would show as a third request at the server.

The figures in the README's "Guarantees under faults and secrets" come from the tables here
(``test_the_readme_states_the_figures_of_these_tests`` keeps them in step).
"""

from __future__ import annotations

import asyncio
import base64
import gzip
import importlib
import json
import logging
import re
import warnings
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from types import ModuleType
from typing import Any

import httpx
import pytest
from lxml import etree

from conftest import PACKAGE, ROOT, Generated
from faulty_server import FaultyServer, Reply, Request
from test_loopback_server import CONNECTION, FAULT, HTML_500, NS88, SUCCEEDED, envelope, exception_info
from test_webapi_server import CONNECTION as JSON_CONNECTION
from test_webapi_server import ERROR as JSON_ERROR

# Secrets with characters XML escapes: a server echoing the request writes them escaped.
TICKET = "7T:fault&<ticket>=="
APP_TOKEN = "SECRET-APPTOKEN-fault-77"
BEARER = "SECRET-BEARER-fault.ey.J0"
PASSWORD = "SECRET-PASSWORD-fault-pw"
SECRETS = (TICKET, APP_TOKEN, BEARER, PASSWORD, "7T:fault&amp;&lt;ticket&gt;==")
TIMEOUT = 1.5  # seconds; the slow faults stall for far longer
CAP = 64 * 1024  # max_reply_bytes of every session here; the normal replies are a few KB
XML = "text/xml; charset=utf-8"
JSON = "application/json; charset=utf-8"

BOMB = (
    b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    + b"".join(b'<!ENTITY lol%d "%s">' % (n, (b"&lol%d;" % (n - 1) if n > 1 else b"&lol;") * 10) for n in range(1, 10))
    + b']><s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body>&lol9;</s:Body></s:Envelope>'
)
XXE = (
    b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
    b'<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body>&x;</s:Body></s:Envelope>'
)

GZIP_BOMB = gzip.compress(b"<" + b" " * 20_000_000, 9)  # 20 KB that decode to 20 MB

@dataclass(frozen=True)
class Fault:
    """One misbehaviour: what the server sends instead of the normal reply, the error it must
    give, and a pattern its message must match."""

    name: str
    send: Callable[[Request, Reply], Reply]
    error: str  # the class's name in the package's errors
    says: str


def half(request: Request, normal: Reply) -> int:
    return len(normal.body) // 2


# Faults of the connection and of HTTP: the same for SOAP and the WebAPI.
TRANSPORT_FAULTS = [
    Fault("slow reply", lambda r, n: replace(n, delay=60), "TransportTimeout", r"no reply .* within the timeout"),
    Fault("stalls mid-body", lambda r, n: replace(n, sent=half(r, n), pause=60), "TransportTimeout", r"within the timeout"),
    Fault("reset mid-body", lambda r, n: replace(n, sent=half(r, n), end="reset"), "TransportError", r"ReadError|reset"),
    Fault("closed mid-body", lambda r, n: replace(n, sent=half(r, n), end="close"), "TransportError", r"incomplete|complete message body"),
    Fault("closed without a reply", lambda r, n: replace(n, raw=b""), "TransportError", r"disconnected without sending a response"),
    Fault("not HTTP", lambda r, n: replace(n, raw=b"SSH-2.0-OpenSSH_9.6\r\n\r\n"), "TransportError", r"RemoteProtocolError"),
    Fault("endless body", lambda r, n: replace(n, endless=True), "ReplyTooLarge", rf"larger than max_reply_bytes \({CAP} bytes\)"),
    Fault("huge Content-Length", lambda r, n: replace(n, declared_length=10**12), "ReplyTooLarge", r"max_reply_bytes"),
    Fault("gzip bomb", lambda r, n: replace(n, body=GZIP_BOMB, headers=(("Content-Encoding", "gzip"),)), "ReplyTooLarge", r"max_reply_bytes"),
    Fault(
        "HTML error page, HTTP 500", lambda r, n: Reply(500, "text/html", HTML_500), "HTTPStatusError",
        r"HTTP 500 Internal Server Error: .*Server Error in",
    ),
    Fault(
        "error page echoing the request",
        lambda r, n: Reply(500, "text/html", b"<pre>%s\n%r</pre>" % (r.body, r.headers)),
        "HTTPStatusError", r"HTTP 500",
    ),
]

SOAP_FAULTS = [
    *TRANSPORT_FAULTS,
    Fault("SOAP Fault", lambda r, n: Reply(500, XML, FAULT), "SoapFault", r"ActionNotSupported: The message with Action"),
    Fault(
        "Succeeded false, nested ExceptionInfo", lambda r, n: replace(n, body=envelope("<GetConnectionResponse/>", exception_info())),
        "ServiceError", r"SoLockedException: Connection 42 is locked",
    ),
    Fault("truncated XML", lambda r, n: replace(n, body=n.body[: half(r, n)]), "ProtocolError", r"not well-formed XML"),
    Fault("wrong content type", lambda r, n: Reply(200, "application/json", b'{"ErpConnectionId": 1}'), "ProtocolError", r"expected an XML reply, got application/json"),
    Fault("empty body", lambda r, n: replace(n, body=b""), "ProtocolError", r"the reply is empty \(HTTP 200\)"),
    Fault("entity bomb", lambda r, n: replace(n, body=BOMB), "ProtocolError", r"DTD|[Ee]ntit"),
    Fault("external entity", lambda r, n: replace(n, body=XXE), "ProtocolError", r"DTD|[Ee]ntit"),
    Fault("nesting 5000 deep", lambda r, n: replace(n, body=envelope("<a>" * 5000 + "</a>" * 5000)), "ProtocolError", r"[Dd]epth|well-formed"),
]

WEBAPI_FAULTS = [
    *TRANSPORT_FAULTS,
    Fault("JSON error, HTTP 500", lambda r, n: Reply(500, JSON, json.dumps(JSON_ERROR).encode()), "WebApiError", r"HTTP 500 .*SoServerException: The appointment 935"),
    Fault("truncated JSON", lambda r, n: replace(n, body=n.body[: half(r, n)]), "ProtocolError", r"the reply is not JSON"),
    Fault("wrong content type", lambda r, n: Reply(200, "text/html", HTML_500), "ProtocolError", r"expected a JSON reply, got text/html"),
    Fault("empty body", lambda r, n: replace(n, body=b""), "ProtocolError", r"the reply is empty \(HTTP 200\)"),
    Fault("JSON nesting 20000 deep", lambda r, n: replace(n, body=b"[" * 20_000 + b"]" * 20_000), "ProtocolError", r"not JSON"),
    Fault("entity bomb", lambda r, n: Reply(200, "application/xml", BOMB), "ProtocolError", r"expected a JSON reply"),
    Fault("external entity", lambda r, n: Reply(200, "application/xml", XXE), "ProtocolError", r"expected a JSON reply"),
]


# -- the two protocols: a normal reply that echoes the request's marker, sessions, calls ------------


def soap_reply(request: Request) -> Reply:
    asked = etree.fromstring(request.body).findtext(f".//{{{NS88}}}ErpConnectionId")
    body = CONNECTION.replace("<ErpConnectionId>42</ErpConnectionId>", f"<ErpConnectionId>{asked}</ErpConnectionId>")
    return Reply(200, XML, envelope(body, SUCCEEDED))


def webapi_reply(request: Request) -> Reply:
    asked = json.loads(request.body)["ErpConnectionId"]
    return Reply(200, JSON, json.dumps({**JSON_CONNECTION, "ErpConnectionId": asked}).encode())


@dataclass(frozen=True)
class Side:
    name: str
    respond: Callable[[Request], Reply]
    faults: list[Fault]
    operation: str  # how errors name the call

    def session(self, mode: str, base_url: str, **options: Any) -> Any:
        options = {"timeout": TIMEOUT, "max_reply_bytes": CAP, "retries": 3, **options}
        if self.name == "soap":
            pkg = importlib.import_module(PACKAGE)
            cls = pkg.SoapSession if mode == "sync" else pkg.AsyncSoapSession
            if "credentials" not in options:
                options |= {"ticket": TICKET, "application_token": APP_TOKEN}
            return cls(base_url, **options)
        webapi = importlib.import_module(f"{PACKAGE}.webapi")
        cls = webapi.WebApiSession if mode == "sync" else webapi.AsyncWebApiSession
        if "credentials" in options:
            return cls(base_url, **options)
        options.setdefault("bearer_token", BEARER)
        return cls(base_url, application_token=APP_TOKEN, **options)

    def agent(self, mode: str, session: Any) -> Any:
        module = importlib.import_module(f"{PACKAGE}.services88" if self.name == "soap" else f"{PACKAGE}.webapi")
        return getattr(module, "ErpSyncAgent" if mode == "sync" else "AsyncErpSyncAgent")(session)


SOAP = Side("soap", soap_reply, SOAP_FAULTS, "GetConnection")
WEBAPI = Side("webapi", webapi_reply, WEBAPI_FAULTS, "ErpSync/GetConnection")
SIDES = (SOAP, WEBAPI)
MODES = ("sync", "async")
SCENARIOS = [(side, fault) for side in SIDES for fault in side.faults]


@pytest.fixture(scope="module")
def servers(generated: Generated) -> Iterator[dict[str, FaultyServer]]:
    running = {side.name: FaultyServer(side.respond) for side in SIDES}
    for server in running.values():
        server.listen()
    try:
        yield running
    finally:
        for server in running.values():
            server.stop()


def error_class(name: str) -> type[BaseException]:
    for module in ("_runtime.errors", "webapi"):
        found = getattr(importlib.import_module(f"{PACKAGE}.{module}"), name, None)
        if found is not None:
            return found  # type: ignore[no-any-return]
    raise LookupError(name)


def outcome(mode: str, session: Any, call: Callable[[Any], Any], *markers: int) -> list[Any]:
    """Calls ``call(agent, marker)`` for each marker in turn on one session (in one event loop
    when async); each result is the value returned or the exception raised."""
    results: list[Any] = []
    if mode == "sync":
        with session:
            for marker in markers:
                try:
                    results.append(call(marker))
                except Exception as error:  # noqa: BLE001 (what the test inspects)
                    results.append(error)
        return results

    async def run() -> None:
        async with session:
            for marker in markers:
                try:
                    results.append(await call(marker))
                except Exception as error:  # noqa: BLE001
                    results.append(error)

    asyncio.run(run())
    return results


# -- what a program can see of a failure -----------------------------------------------------------


def everything_shown(value: object, depth: int = 0) -> Iterator[str]:
    """str and repr of ``value`` and, for an exception, of its args, attributes, cause and
    context (an inner ServiceError's too)."""
    yield str(value)
    yield repr(value)
    if isinstance(value, BaseException) and depth < 10:
        for part in (*value.args, *vars(value).values(), value.__cause__, value.__context__):
            if part is not None:
                yield from everything_shown(part, depth + 1)
    elif isinstance(value, dict):
        for key, item in value.items():
            yield str(key)
            yield from everything_shown(item, depth + 1)


def leaked(*texts: str) -> list[str]:
    joined = "\n".join(texts)
    return [secret for secret in SECRETS if secret in joined]


@pytest.fixture
def capture_all(caplog: pytest.LogCaptureFixture, capsys: pytest.CaptureFixture[str]) -> Iterator[Callable[[], str]]:
    """Logs of every logger at DEBUG (httpx's and httpcore's too), stdout, stderr, warnings."""
    caplog.set_level(logging.DEBUG)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")

        def captured() -> str:
            out, err = capsys.readouterr()
            return "\n".join([caplog.text, out, err, *(str(w.message) for w in caught)])

        yield captured


# -- every fault, sync and async ---------------------------------------------------------------------


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize(("side", "fault"), SCENARIOS, ids=[f"{s.name}: {f.name}" for s, f in SCENARIOS])
def test_a_fault_gives_a_typed_error_naming_the_call_and_the_session_serves_the_next_call(
    servers: dict[str, FaultyServer], side: Side, fault: Fault, mode: str, capture_all: Callable[[], str]
) -> None:
    server = servers[side.name]
    session = side.session(mode, server.base_url)
    agent = side.agent(mode, session)
    before = server.count()
    server.queue(fault.send)
    failed, after = outcome(mode, session, agent.get_connection, 7, 8)

    expected = error_class(fault.error)
    assert type(failed) is expected, f"{fault.name}: {type(failed).__name__}: {failed}"  # no subclass, no crash
    message = str(failed)
    assert message.startswith(f"{side.operation}: ") and failed.operation == side.operation, message
    assert re.search(fault.says, message), message
    assert "root:" not in message  # nothing of /etc/passwd (the external entity)
    assert after.erp_connection_id == 8, after  # the same session, the next call: a whole, right reply
    assert server.count() - before == 2  # the fault's request was not sent again
    shown = [*everything_shown(failed), repr(session), repr(agent), capture_all()]
    assert not leaked(*shown), leaked(*shown)


def test_a_service_error_keeps_the_nested_exception_info(servers: dict[str, FaultyServer]) -> None:
    server = servers["soap"]
    server.queue(next(f for f in SOAP_FAULTS if f.name.startswith("Succeeded false")).send)
    session = SOAP.session("sync", server.base_url)
    [error] = outcome("sync", session, SOAP.agent("sync", session).get_connection, 7)
    assert [(e.exception_type, e.message) for e in error.chain] == [
        ("SoLockedException", "Connection 42 is locked"), ("SqlException", "row lock timeout"),
    ]
    assert error.parameters == {"ErpConnectionId": "42", "Owner": None}


# -- retries: only when the connection was never established -------------------------------------------


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("side", SIDES, ids=[s.name for s in SIDES])
def test_a_refused_connection_is_retried_until_the_server_listens(
    generated: Generated, side: Side, mode: str, caplog: pytest.LogCaptureFixture
) -> None:
    server = FaultyServer(side.respond)  # bound but not listening: connections are refused

    class ListenOnFirstRetry(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            if "retry 1 of" in record.getMessage():
                server.listen()

    handler = ListenOnFirstRetry()
    logger = logging.getLogger(PACKAGE)
    logger.addHandler(handler)
    caplog.set_level(logging.INFO, logger=PACKAGE)
    try:
        session = side.session(mode, server.base_url, retries=5)
        [result] = outcome(mode, session, side.agent(mode, session).get_connection, 5)
    finally:
        logger.removeHandler(handler)
        server.stop()
    assert getattr(result, "erp_connection_id", result) == 5
    assert server.count() == 1
    retries = [r.getMessage() for r in caplog.records if "retry" in r.getMessage()]
    assert retries and f"{side.operation}: cannot connect to http://127.0.0.1:{server.port}/" in retries[0], retries
    assert "ConnectError" in retries[0] and "retry 1 of 5" in retries[0]


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("side", SIDES, ids=[s.name for s in SIDES])
def test_a_connection_refused_for_good_fails_after_the_retries_and_says_the_request_was_not_sent(
    generated: Generated, side: Side, mode: str
) -> None:
    server = FaultyServer(side.respond)  # never listens
    try:
        session = side.session(mode, server.base_url, retries=2)
        session.retry = replace(session.retry, backoff=0.01)
        [error] = outcome(mode, session, side.agent(mode, session).get_connection, 5)
    finally:
        server.stop()
    assert type(error) is error_class("TransportError") and error.request_sent is False, error
    # httpx's sync transport says "Connection refused", anyio's "All connection attempts failed"
    assert re.match(rf"{side.operation}: http://127\.0\.0\.1:\d+/.*: ConnectError: .*(refused|attempts failed)", str(error)), error


@pytest.mark.parametrize("fault", ["closed without a reply", "reset mid-body", "slow reply"])
@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("side", SIDES, ids=[s.name for s in SIDES])
def test_a_request_that_reached_the_server_is_never_sent_again(
    servers: dict[str, FaultyServer], side: Side, mode: str, fault: str
) -> None:
    server = servers[side.name]
    session = side.session(mode, server.base_url, retries=5)
    before = server.count()
    server.queue(next(f for f in TRANSPORT_FAULTS if f.name == fault).send)
    [error] = outcome(mode, session, side.agent(mode, session).get_connection, 5)
    assert isinstance(error, error_class("TransportError")) and error.request_sent is True, error
    assert server.count() - before == 1


class Renewing:
    """A provider whose ticket a rejection renews (ticket 1, then 2, ...)."""

    def __init__(self) -> None:
        self.generation = 1

    def current(self) -> Any:
        pkg = importlib.import_module(PACKAGE)
        return pkg.Credential(ticket=f"{TICKET}{self.generation}", bearer=f"{BEARER}{self.generation}")

    async def acurrent(self) -> Any:
        return self.current()

    def rejected(self, used: Any) -> None:
        self.generation += 1

    async def arejected(self, used: Any) -> None:
        self.rejected(used)


def throttled(request: Request, normal: Reply) -> Reply:
    return Reply(429, "text/plain", b"slow down", headers=(("Retry-After", "0"),))


def unavailable(request: Request, normal: Reply) -> Reply:
    return Reply(503, "text/plain", b"busy", headers=(("Retry-After", "0"),))


def rejected(request: Request, normal: Reply) -> Reply:
    return Reply(401, "text/plain", b"the ticket has expired")


@pytest.mark.parametrize("first", [throttled, unavailable, rejected], ids=["429", "503", "401"])
@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("side", SIDES, ids=[s.name for s in SIDES])
def test_a_call_sent_again_after_a_throttle_or_a_rejection_is_not_sent_a_third_time_when_it_may_have_run(
    servers: dict[str, FaultyServer], side: Side, mode: str, first: Callable[[Request, Reply], Reply]
) -> None:
    server = servers[side.name]
    provider = Renewing()
    session = side.session(mode, server.base_url, retries=5, credentials=provider)
    before = server.count()
    server.queue(first, next(f for f in TRANSPORT_FAULTS if f.name == "reset mid-body").send)
    [error] = outcome(mode, session, side.agent(mode, session).get_connection, 5)
    assert isinstance(error, error_class("TransportError")) and error.request_sent is True, error
    assert server.count() - before == 2  # the throttled or rejected attempt, and the one reset
    assert provider.generation == (2 if first is rejected else 1)


def test_the_retry_policy_retries_only_errors_before_the_request_was_sent(generated: Generated) -> None:
    policy = importlib.import_module(f"{PACKAGE}._runtime.session").RetryPolicy(retries=3, backoff=0.5, max_backoff=1.5)
    request = httpx.Request("POST", "http://127.0.0.1/")
    connect = httpx.ConnectTimeout("no connection", request=request)
    assert [policy.delay(connect, attempt) for attempt in range(4)] == [0.5, 1.0, 1.5, None]
    for error in (httpx.ReadTimeout("", request=request), httpx.WriteTimeout("", request=request),
                  httpx.RemoteProtocolError("", request=request), httpx.ReadError("", request=request)):
        assert policy.delay(error, 0) is None, error


# -- secrets in the URL; a server that echoes the ticket back ------------------------------------------


@pytest.mark.parametrize("mode", MODES)
def test_a_password_in_the_url_is_shown_nowhere(
    servers: dict[str, FaultyServer], mode: str, capture_all: Callable[[], str]
) -> None:
    server = servers["webapi"]
    base_url = server.base_url.replace("127.0.0.1", f"user:{PASSWORD}@127.0.0.1")
    session = WEBAPI.session(mode, base_url, bearer_token=None)
    agent = WEBAPI.agent(mode, session)
    server.queue(next(f for f in TRANSPORT_FAULTS if f.name == "closed without a reply").send)
    failed, after = outcome(mode, session, agent.get_connection, 7, 8)
    assert "http://127.0.0.1:" in str(failed) and after.erp_connection_id == 8
    with server.lock:
        sent = server.requests[-1].headers["authorization"]
    assert sent == "Basic " + base64.b64encode(f"user:{PASSWORD}".encode()).decode()  # as a header, not in the URL
    shown = [*everything_shown(failed), repr(session), repr(agent), capture_all()]
    assert not leaked(*shown), leaked(*shown)


def test_a_soap_fault_that_quotes_the_ticket_shows_it_masked(servers: dict[str, FaultyServer]) -> None:
    quoting = FAULT.replace(b"The message with Action", b"Ticket " + TICKET.replace("&", "&amp;").replace("<", "&lt;").encode())
    server = servers["soap"]
    server.queue(lambda r, n: Reply(500, XML, quoting))
    session = SOAP.session("sync", server.base_url)
    [error] = outcome("sync", session, SOAP.agent("sync", session).get_connection, 7)
    assert type(error) is error_class("SoapFault") and "Ticket ***" in error.message, error
    assert not leaked(*everything_shown(error))


# -- one session shared by threads or tasks, faults among normal replies ---------------------------------


def marked(request: Request, normal: Reply) -> Reply:
    """Every third request gets an error page that names its marker."""
    marker = int(re.findall(rb"ErpConnectionId\D{1,3}(\d+)", request.body)[0])
    return Reply(500, "text/html", b"<p>failed request %d</p>" % marker) if marker % 3 == 0 else normal


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("side", SIDES, ids=[s.name for s in SIDES])
def test_one_session_shared_by_threads_or_tasks_gets_each_its_own_reply(
    servers: dict[str, FaultyServer], side: Side, mode: str
) -> None:
    server = servers[side.name]
    markers = range(1, 61)
    server.queue(*[marked] * len(markers))
    session = side.session(mode, server.base_url, timeout=30)
    agent = side.agent(mode, session)

    def check(marker: int, result: Any) -> None:
        if marker % 3 == 0:
            assert isinstance(result, error_class("HTTPStatusError")) and f"failed request {marker}" in result.body, result
        else:
            assert result.erp_connection_id == marker, (marker, result)

    if mode == "sync":
        with session, ThreadPoolExecutor(max_workers=8) as pool:
            results = list(pool.map(lambda m: outcome_of(agent.get_connection, m), markers))
    else:

        async def gather() -> list[Any]:
            async with session:
                return await asyncio.gather(*(agent.get_connection(m) for m in markers), return_exceptions=True)

        results = asyncio.run(gather())
    for marker, result in zip(markers, results, strict=True):
        check(marker, result)


def outcome_of(call: Callable[[int], Any], marker: int) -> Any:
    try:
        return call(marker)
    except Exception as error:  # noqa: BLE001
        return error


# -- the figures the README states ----------------------------------------------------------------------


def figures() -> str:
    faults = len(SCENARIOS)
    return (
        f"{faults} faults ({len(SOAP_FAULTS)} SOAP, {len(WEBAPI_FAULTS)} WebAPI), each sync and async: "
        f"{faults * len(MODES)} scenarios"
    )


def test_the_readme_states_the_figures_of_these_tests() -> None:
    readme = " ".join((ROOT / "README.md").read_text(encoding="utf-8").split())  # wrapped lines as one
    assert figures() in readme, f"README.md should say: {figures()}"

"""Credential providers, renewal on rejection, URL forms and throttling, against a real HTTP
server on 127.0.0.1 (the loopback server of tests/test_loopback_server.py), sync and async."""

from __future__ import annotations

import asyncio
import importlib
import json
import re
import threading
from concurrent.futures import ThreadPoolExecutor
from email.utils import format_datetime
from datetime import datetime, timezone
from typing import Any

import httpx
import pytest

from conftest import PACKAGE, Generated
from test_loopback_server import CONNECTION, SUCCEEDED, Canned, Recorded, SoapServer, envelope, server  # noqa: F401

TOKEN = "SECRET-APP-TOKEN-77"
JSON = "application/json; charset=utf-8"
REJECTED_SOAP = envelope(
    "",
    "<ExceptionInfo><Message>The ticket is invalid or has expired</Message>"
    "<ExceptionType>SuperOffice.Exceptions.SoSessionException</ExceptionType></ExceptionInfo>"
    "<Succeeded>false</Succeeded>",
)


@pytest.fixture(scope="module")
def pkg(generated: Generated) -> Any:
    return importlib.import_module(PACKAGE)


@pytest.fixture(scope="module")
def webapi(generated: Generated) -> Any:
    return importlib.import_module(f"{PACKAGE}.webapi")


class Counting:
    """A provider handing out ticket T<n>; a rejection of the current one renews it once."""

    def __init__(self, pkg: Any) -> None:
        self.pkg = pkg
        self.lock = threading.Lock()
        self.generation = 1
        self.asked = self.rejections = self.renewals = 0

    def current(self) -> Any:
        with self.lock:
            self.asked += 1
            return self.pkg.Credential(ticket=f"SECRET-T{self.generation}", application_token=TOKEN)

    async def acurrent(self) -> Any:
        return self.current()

    def rejected(self, used: Any) -> None:
        with self.lock:
            self.rejections += 1
            if used.ticket == f"SECRET-T{self.generation}":  # not renewed since: renew, once
                self.generation += 1
                self.renewals += 1

    async def arejected(self, used: Any) -> None:
        self.rejected(used)


class Tenant:
    """Accepts one ticket or access token (SOTicket or Bearer, or the SOAP Credentials/Ticket);
    counts requests."""

    def __init__(self, server: SoapServer, soap: bool) -> None:
        self.valid = "SECRET-T1"
        self.soap = soap
        self.count = 0
        server.answer(respond=self.respond)

    def respond(self, recorded: Recorded) -> Canned:
        self.count += 1
        if self.soap:
            found = re.search(rb"<Ticket>([^<]*)</Ticket>", recorded.body)
            ok = found is not None and found.group(1).decode() == self.valid
            return Canned(envelope(CONNECTION, SUCCEEDED)) if ok else Canned(REJECTED_SOAP)
        if recorded.headers.get("authorization") in (f"SOTicket {self.valid}", f"Bearer {self.valid}"):
            assert recorded.headers.get("so-apptoken") == TOKEN
            return Canned(b"null", 200, JSON)
        return Canned(b'{"Error": "denied"}', 401, JSON)


def calls(pkg: Any, webapi: Any, server: SoapServer, soap: bool, mode: str, provider: Any, n: int) -> list[Any]:
    services88 = importlib.import_module(f"{PACKAGE}.services88")
    if mode == "threads":
        session = (pkg.SoapSession if soap else webapi.WebApiSession)(server.base_url, credentials=provider)
        agent = (services88.ErpSyncAgent if soap else webapi.ErpSyncAgent)(session)
        with session, ThreadPoolExecutor(8) as pool:
            return list(pool.map(lambda _: agent.get_connection(42), range(n)))

    async def run() -> list[Any]:
        # 100 tasks at once, 8 connections: http.server's listen backlog is 5
        async with httpx.AsyncClient(limits=httpx.Limits(max_connections=8)) as client:
            session = (pkg.AsyncSoapSession if soap else webapi.AsyncWebApiSession)(server.base_url, credentials=provider, client=client)
            agent = (services88.AsyncErpSyncAgent if soap else webapi.AsyncErpSyncAgent)(session)
            return await asyncio.gather(*(agent.get_connection(42) for _ in range(n)))

    return asyncio.run(run())


@pytest.mark.parametrize("soap", [False, True], ids=["webapi", "soap"])
@pytest.mark.parametrize("mode", ["threads", "tasks"])
def test_a_provider_is_asked_per_call_and_renews_once_when_the_server_starts_rejecting(
    pkg: Any, webapi: Any, server: SoapServer, soap: bool, mode: str
) -> None:
    provider = Counting(pkg)
    tenant = Tenant(server, soap)
    first = calls(pkg, webapi, server, soap, mode, provider, 100)
    assert provider.asked == 100 and provider.rejections == 0 and tenant.count == 100
    tenant.valid = "SECRET-T2"  # the ticket expired at the server
    second = calls(pkg, webapi, server, soap, mode, provider, 100)
    assert provider.renewals == 1
    assert provider.rejections >= 1  # each call refused with T1 says so; only the first renews
    assert provider.asked == 200 + provider.rejections  # a retried call asks again
    assert tenant.count == 200 + provider.rejections
    assert len(first) == len(second) == 100 and all((r is not None) == soap for r in first + second)


@pytest.mark.parametrize("soap", [False, True], ids=["webapi", "soap"])
def test_a_second_rejection_is_the_typed_error(pkg: Any, webapi: Any, server: SoapServer, soap: bool) -> None:
    provider = Counting(pkg)
    tenant = Tenant(server, soap)
    tenant.valid = "nothing the provider has"
    with pytest.raises(pkg.ServiceError if soap else pkg.HTTPStatusError) as caught:
        calls(pkg, webapi, server, soap, "threads", provider, 1)
    assert provider.renewals == 1 and tenant.count == 2
    assert "SECRET" not in str(caught.value) + repr(caught.value)


def test_fixed_credentials_are_not_retried_and_credentials_with_ticket_is_an_error(pkg: Any, webapi: Any, server: SoapServer) -> None:
    tenant = Tenant(server, soap=False)
    with webapi.WebApiSession(server.base_url, ticket="SECRET-T9") as session:
        with pytest.raises(pkg.HTTPStatusError):
            webapi.ErpSyncAgent(session).get_connection(1)
    assert tenant.count == 1
    with pytest.raises(ValueError, match="credentials= or ticket="):
        webapi.WebApiSession(server.base_url, credentials=Counting(pkg), ticket="x")
    with pytest.raises(ValueError, match="credentials= or"):
        pkg.SoapSession(server.base_url, credentials=Counting(pkg), application_token="x")


@pytest.mark.parametrize("suffix", ["", "/", "/api", "/api/", "/api/v1/"])
def test_webapi_url_forms_do_not_double_path_segments(webapi: Any, server: SoapServer, suffix: str) -> None:
    server.answer(Canned(b"null", 200, JSON))
    with webapi.WebApiSession(server.base_url + suffix, ticket="SECRET-T0") as session:
        webapi.ErpSyncAgent(session).get_connection(1)
    assert server.requests[-1].path.split("?")[0] == "/Cust12345/api/v1/Agents/ErpSync/GetConnection"


@pytest.mark.parametrize("suffix", ["", "/", "/Remote/Services88/", "/remote/services86", "/api/"])
def test_netserver_url_forms_do_not_double_path_segments(pkg: Any, server: SoapServer, suffix: str) -> None:
    services88 = importlib.import_module(f"{PACKAGE}.services88")
    server.answer(Canned(envelope(CONNECTION, SUCCEEDED)))
    with pkg.SoapSession(server.base_url + suffix, ticket="SECRET-T0") as session:
        services88.ErpSyncAgent(session).get_connection(42)
    assert server.requests[-1].path == "/Cust12345/Remote/Services88/ErpSync.svc"


THROTTLE_CASES = {
    "429 seconds": Canned(b"{}", 429, JSON),
    "503 retry-after": Canned(b"busy", 503, "text/plain"),
}


@pytest.mark.parametrize("status", [429, 503])
@pytest.mark.parametrize("mode", ["sync", "async"])
def test_throttled_calls_are_retried_within_the_count_and_the_server_counts_each(
    pkg: Any, webapi: Any, server: SoapServer, status: int, mode: str
) -> None:
    seen: list[int] = []

    def respond(recorded: Recorded) -> Canned:
        seen.append(1)
        return Canned(b"null", 200, JSON) if len(seen) == 3 else Canned(b"slow down", status, "text/plain")

    server.answer(respond=respond)
    original = server.httpd.RequestHandlerClass.send_header

    def with_retry_after(self: Any, name: str, value: str) -> None:  # every reply says: 0 s
        original(self, name, value)
        if name == "Content-Type":
            original(self, "Retry-After", "0")

    server.httpd.RequestHandlerClass.send_header = with_retry_after  # type: ignore[method-assign]
    try:
        policy = pkg.RetryPolicy(throttle_retries=2)
        if mode == "sync":
            with webapi.WebApiSession(server.base_url, ticket="SECRET-T0", retries=policy) as session:
                assert webapi.ErpSyncAgent(session).get_connection(1) is None
        else:

            async def run() -> None:
                async with webapi.AsyncWebApiSession(server.base_url, ticket="SECRET-T0", retries=policy) as session:
                    assert await webapi.AsyncErpSyncAgent(session).get_connection(1) is None

            asyncio.run(run())
        assert len(seen) == 3
        seen.clear()
        server.answer(respond=lambda recorded: (seen.append(1), Canned(b"slow", status, "text/plain"))[1])
        with webapi.WebApiSession(server.base_url, ticket="SECRET-T0", retries=policy) as session:
            with pytest.raises(pkg.HTTPStatusError) as caught:
                webapi.ErpSyncAgent(session).get_connection(1)
        assert len(seen) == 3  # the first attempt and 2 retries
        assert caught.value.status_code == status and caught.value.headers["retry-after"] == "0"
    finally:
        server.httpd.RequestHandlerClass.send_header = original  # type: ignore[method-assign]


def test_retry_after_as_an_http_date_and_the_total_wait_bound(pkg: Any) -> None:
    policy = pkg.RetryPolicy(max_wait=5.0)
    past = format_datetime(datetime(2020, 1, 1, tzinfo=timezone.utc), usegmt=True)
    assert policy.throttle_delay(503, past, 0, 0.0) == 0.0
    assert policy.throttle_delay(503, "3", 0, 0.0) == 3.0
    assert policy.throttle_delay(503, "3", 1, 3.0) is None  # would wait 6 s in all
    assert policy.throttle_delay(503, None, 0, 0.0) is None  # a 503 without Retry-After: an outage
    assert policy.throttle_delay(429, None, 0, 0.0) == policy.backoff
    assert policy.throttle_delay(429, "1", 3, 0.0) is None  # throttle_retries (3) used up
    assert policy.throttle_delay(500, "1", 0, 0.0) is None


@pytest.mark.parametrize("soap", [False, True], ids=["webapi", "soap"])
def test_an_authorization_set_by_the_users_own_httpx_auth_or_client_is_masked(pkg: Any, webapi: Any, soap: bool) -> None:
    bearer = "SECRET-OWN-BEARER-123"

    def echo(request: httpx.Request) -> httpx.Response:  # an error page quoting the request
        return httpx.Response(401, headers={"content-type": "text/plain"}, text=f"refused: {request.headers.get('authorization')}")

    class OwnAuth(httpx.Auth):
        def auth_flow(self, request: httpx.Request) -> Any:
            request.headers["Authorization"] = f"Bearer {bearer}"
            yield request

    for client in (
        httpx.Client(transport=httpx.MockTransport(echo), auth=OwnAuth()),
        httpx.Client(transport=httpx.MockTransport(echo), headers={"Authorization": f"Bearer {bearer}"}),
    ):
        if soap:
            session = pkg.SoapSession("https://crm.example/Cust1", client=client)
            agent = importlib.import_module(f"{PACKAGE}.services88").ErpSyncAgent(session)
        else:
            session = webapi.WebApiSession("https://crm.example/Cust1", client=client)
            agent = webapi.ErpSyncAgent(session)
        with pytest.raises(pkg.HTTPStatusError) as caught:
            agent.get_connection(1)
        shown = " ".join([str(caught.value), repr(caught.value), caught.value.body, json.dumps(caught.value.headers), repr(session)])
        assert bearer not in shown and "***" in caught.value.body


def test_credentials_and_providers_show_no_values(pkg: Any) -> None:
    credential = pkg.Credential(ticket="SECRET-1", bearer="SECRET-2", basic=("u", "SECRET-3"), application_token="SECRET-4")
    assert "SECRET" not in repr(credential) + repr(pkg.StaticCredentials(credential))


@pytest.mark.parametrize("soap", [False, True], ids=["webapi", "soap"])
def test_a_system_user_session_gets_one_ticket_for_threads_and_tasks_and_renews_it_once(
    pkg: Any, webapi: Any, server: SoapServer, soap: bool
) -> None:
    from cryptography.hazmat.primitives import serialization

    from fake_login import SYSTEM_USER_PATH, FakeLogin, new_key

    app_key = new_key()
    login = FakeLogin(app_key.public_key())
    try:
        login.delay = 0.1  # the first callers arrive while the ticket is being fetched
        pem = app_key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
        provider = pkg.SystemUserCredentials("My App-SYSTEM-TOKEN", TOKEN, "Cust12345", pem, login.url)
        tenant = Tenant(server, soap)
        tenant.valid = "7T:ticket-1=="  # the first ticket the fake login hands out
        threads = calls(pkg, webapi, server, soap, "threads", provider, 100)
        tasks = calls(pkg, webapi, server, soap, "tasks", provider, 100)
        assert login.counts[SYSTEM_USER_PATH] == 1 and tenant.count == 200
        tenant.valid = "7T:ticket-2=="  # the tenant rejects the first ticket from now on
        renewed = calls(pkg, webapi, server, soap, "threads", provider, 100) + calls(pkg, webapi, server, soap, "tasks", provider, 100)
        assert login.counts[SYSTEM_USER_PATH] == 2  # one renewal for every thread and task
        assert tenant.count > 400  # the calls refused with the old ticket were sent again
        assert all((r is not None) == soap for r in threads + tasks + renewed)
    finally:
        login.close()


@pytest.mark.parametrize("bad", ["signature", "issuer", "audience", "expired"])
@pytest.mark.parametrize("soap", [False, True], ids=["webapi", "soap"])
def test_a_ticket_from_a_jwt_that_fails_validation_is_never_sent(
    pkg: Any, webapi: Any, server: SoapServer, soap: bool, bad: str
) -> None:
    from cryptography.hazmat.primitives import serialization

    from fake_login import FakeLogin, new_key

    app_key = new_key()
    login = FakeLogin(app_key.public_key())
    try:
        setattr(login, *{"signature": ("signing_key", new_key()), "issuer": ("issuer", "https://evil.example"),
                         "audience": ("audience", "spn:999"), "expired": ("lifetime", -3600)}[bad])
        pem = app_key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
        provider = pkg.SystemUserCredentials("My App-SYSTEM-TOKEN", TOKEN, "Cust12345", pem, login.url)
        tenant = Tenant(server, soap)
        for mode in ("threads", "tasks"):
            with pytest.raises(pkg.TokenValidationError) as caught:
                calls(pkg, webapi, server, soap, mode, provider, 1)
            assert "ticket-" not in str(caught.value) and "GetConnection" in str(caught.value)
        assert tenant.count == 0  # no call was made with the ticket the JWT holds
    finally:
        login.close()


@pytest.mark.parametrize("soap", [False, True], ids=["webapi", "soap"])
def test_a_refused_login_shared_by_many_callers_gives_each_its_own_error_naming_its_call(
    pkg: Any, webapi: Any, server: SoapServer, soap: bool
) -> None:
    from cryptography.hazmat.primitives import serialization

    from fake_login import SYSTEM_USER_PATH, FakeLogin, new_key

    app_key = new_key()
    login = FakeLogin(app_key.public_key())
    try:
        login.delay = 0.2  # every caller waits for the one login in flight
        login.refuse_system_user = "Denied: the app is not approved"
        pem = app_key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
        provider = pkg.SystemUserCredentials("My App-SYSTEM-TOKEN", TOKEN, "Cust12345", pem, login.url)
        tenant = Tenant(server, soap)
        session = (pkg.SoapSession if soap else webapi.WebApiSession)(server.base_url, credentials=provider)
        agent = (importlib.import_module(f"{PACKAGE}.services88").ErpSyncAgent if soap else webapi.ErpSyncAgent)(session)

        def call(_: int) -> BaseException:
            with pytest.raises(pkg.SystemUserError) as caught:
                agent.get_connection(42)
            return caught.value

        with session, ThreadPoolExecutor(8) as pool:
            errors = list(pool.map(call, range(16)))
        operation = "GetConnection" if soap else "ErpSync/GetConnection"
        assert {str(e) for e in errors} == {f"{operation}: the system user ticket was refused (DENIED): Denied: the app is not approved"}, errors
        assert len({id(e) for e in errors}) == 16 and {e.error_name for e in errors} == {"DENIED"}  # type: ignore[attr-defined]
        assert login.counts[SYSTEM_USER_PATH] < 16 and tenant.count == 0
    finally:
        login.close()


@pytest.mark.parametrize("soap", [False, True], ids=["webapi", "soap"])
def test_an_oidc_session_refreshes_once_for_threads_and_tasks(pkg: Any, webapi: Any, server: SoapServer, soap: bool) -> None:
    from fake_login import TOKEN_PATH, FakeLogin, new_key

    login = FakeLogin(new_key().public_key())
    try:
        login.delay = 0.1
        provider = pkg.OidcCredentials("8A:Cust12345.expired", "refresh-1", login.client_id, TOKEN, login.url, expires_in=0)
        tenant = Tenant(server, soap)
        tenant.valid = "8A:Cust12345.access-1"  # what the first refresh gives
        first = calls(pkg, webapi, server, soap, "threads", provider, 100) + calls(pkg, webapi, server, soap, "tasks", provider, 100)
        assert login.counts[TOKEN_PATH] == 1 and tenant.count == 200  # the expired token was never sent
        tenant.valid = "8A:Cust12345.access-2"  # revoked at the server
        second = calls(pkg, webapi, server, soap, "tasks", provider, 100) + calls(pkg, webapi, server, soap, "threads", provider, 100)
        assert login.counts[TOKEN_PATH] == 2
        assert all((r is not None) == soap for r in first + second)
    finally:
        login.close()

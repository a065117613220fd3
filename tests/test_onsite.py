"""On-site login (templates/runtime/onsite.py): OnsiteCredentials logs in through the generated
SoPrincipal agent, against the generated SOAP fake on 127.0.0.1, sync and async."""

from __future__ import annotations

import asyncio
import importlib
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import httpx
import pytest

from conftest import PACKAGE, Generated

PASSWORD = "SECRET-PASSWORD-31"
TICKET = "7T:SECRET-ONSITE-TICKET"


@pytest.fixture(scope="module")
def pkg(generated: Generated) -> Any:
    return importlib.import_module(PACKAGE)


@pytest.fixture(scope="module")
def v88(generated: Generated) -> Any:
    return importlib.import_module(f"{PACKAGE}.services88")


@pytest.fixture
def fake(v88: Any) -> Any:
    fake = importlib.import_module(f"{PACKAGE}.services88.testing").fake()
    fake.reply(
        v88.SoPrincipalAgent.authenticate_username_password,
        importlib.import_module(f"{PACKAGE}.services88.so_principal").AuthenticateResult(
            response=None, credentials=v88.SoCredentials(ticket=TICKET), authentication_succeeded=True
        ),
    )
    return fake


def logins(fake: Any, v88: Any) -> list[Any]:
    return fake.calls_to(v88.SoPrincipalAgent.authenticate_username_password)


def test_login_once_for_many_calls_from_threads(pkg: Any, v88: Any, fake: Any) -> None:
    with fake.serve() as server:
        credentials = pkg.OnsiteCredentials(v88, server.url, "jdoe", PASSWORD)
        with pkg.SoapSession(server.url, credentials=credentials) as session:
            agent = v88.ErpSyncAgent(session)
            with ThreadPoolExecutor(8) as pool:
                list(pool.map(lambda _: agent.get_all_connectors(), range(40)))
            assert session.ticket == TICKET
    (login,) = logins(fake, v88)
    assert login.arguments == {"user_name": "jdoe", "password": PASSWORD}
    assert len(fake.calls_to(v88.ErpSyncAgent.get_all_connectors)) == 40
    assert fake.rejected == []


def test_renews_once_when_the_ticket_is_rejected(pkg: Any, v88: Any, fake: Any) -> None:
    with fake.serve() as server:
        credentials = pkg.OnsiteCredentials(v88, server.url, "jdoe", PASSWORD)
        with pkg.SoapSession(server.url, credentials=credentials) as session:
            agent = v88.ErpSyncAgent(session)
            agent.get_all_connectors()
            fake.fail(v88.ErpSyncAgent.get_all_connectors, status=401, body="ticket expired")
            with pytest.raises(pkg.HTTPStatusError) as caught:
                agent.get_all_connectors()  # rejected, renewed, rejected again
            assert len(logins(fake, v88)) == 2
            fake.reset(v88.ErpSyncAgent.get_all_connectors)
            agent.get_all_connectors()
    assert len(logins(fake, v88)) == 2
    for text in (str(caught.value), repr(caught.value), repr(credentials)):
        assert PASSWORD not in text and "SECRET-ONSITE" not in text


def test_async_tasks_share_one_login(pkg: Any, v88: Any, fake: Any) -> None:
    async def main(url: str) -> None:
        # few connections: the fake's server has a small listen backlog
        async with httpx.AsyncClient(limits=httpx.Limits(max_connections=4)) as client:
            credentials = pkg.OnsiteCredentials(v88, url, "jdoe", PASSWORD, async_client=client)
            async with pkg.AsyncSoapSession(url, credentials=credentials, client=client) as session:
                agent = v88.AsyncErpSyncAgent(session)
                await asyncio.gather(*(agent.get_all_connectors() for _ in range(50)))

    with fake.serve() as server:
        asyncio.run(main(server.url))
    assert len(logins(fake, v88)) == 1
    assert len(fake.calls_to(v88.ErpSyncAgent.get_all_connectors)) == 50


def test_a_refused_login_is_a_typed_error_without_the_password(
    pkg: Any, v88: Any, fake: Any
) -> None:
    result = importlib.import_module(f"{PACKAGE}.services88.so_principal").AuthenticateResult
    fake.reply(
        v88.SoPrincipalAgent.authenticate_username_password,
        result(response=None, credentials=None, authentication_succeeded=False),
    )
    errors = importlib.import_module(f"{PACKAGE}._runtime.errors")
    credentials = pkg.OnsiteCredentials(
        v88, "http://tenant.invalid", "jdoe", PASSWORD, transport=fake.transport()
    )
    with pytest.raises(errors.LoginError, match="jdoe") as caught:
        credentials.current()
    assert PASSWORD not in str(caught.value)
    fake.fail(v88.SoPrincipalAgent.authenticate_username_password, f"bad password {PASSWORD}")
    with pytest.raises(pkg.ServiceError) as failed:
        credentials.current()
    assert PASSWORD not in str(failed.value) and PASSWORD not in repr(failed.value)


def test_needs_a_version_module(pkg: Any, generated: Generated) -> None:
    webapi = importlib.import_module(f"{PACKAGE}.webapi")
    with pytest.raises(TypeError, match="SoPrincipal"):
        pkg.OnsiteCredentials(webapi, "http://x.invalid", "jdoe", PASSWORD)


def test_the_ticket_serves_the_webapi_as_soticket(pkg: Any, v88: Any, fake: Any) -> None:
    webapi = importlib.import_module(f"{PACKAGE}.webapi")
    rest = importlib.import_module(f"{PACKAGE}.webapi.testing").fake().transport()
    seen: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request.headers.get("Authorization", ""))
        return rest.handle_request(request)

    credentials = pkg.OnsiteCredentials(
        v88, "http://tenant.invalid", "jdoe", PASSWORD, transport=fake.transport()
    )
    with webapi.WebApiSession(
        "http://tenant.invalid", credentials=credentials, transport=httpx.MockTransport(handler)
    ) as session:
        webapi.ErpSyncAgent(session).get_connection(1)
    assert seen == [f"SOTicket {TICKET}"]
    assert repr(credentials.current()) == "Credential(ticket)"

"""Sessions given ``locator=`` (a TenantLocator) follow the tenant to its new address after a
421 Misdirected Request, sync and async, SOAP and WebAPI: the fake login of tests/fake_login.py
gives the state, the generated fakes on 127.0.0.1 are the tenant's two hosts."""

from __future__ import annotations

import asyncio
import importlib
import socket
import time
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from typing import Any

import pytest

from conftest import PACKAGE, Generated
from fake_login import FakeLogin, new_key


@pytest.fixture
def login() -> Iterator[FakeLogin]:
    fake = FakeLogin(new_key().public_key())
    yield fake
    fake.close()


def at(login: FakeLogin, url: str) -> None:
    login.states["Cust12345"] = {"Endpoint": url, "State": "Running", "IsRunning": True}


@pytest.mark.parametrize("asynchronous", [False, True])
def test_a_soap_session_follows_a_moved_tenant_after_421(
    generated: Generated, login: FakeLogin, asynchronous: bool
) -> None:
    pkg = importlib.import_module(PACKAGE)
    v88 = importlib.import_module(f"{PACKAGE}.services88")
    testing = importlib.import_module(f"{PACKAGE}.services88.testing")
    old, new = testing.fake(), testing.fake()
    with old.serve() as first, new.serve() as second:
        at(login, first.url)
        locator = pkg.TenantLocator("Cust12345", login.url)

        def moved() -> None:
            old.fail(v88.ErpSyncAgent.get_all_connectors, status=421, body="Misdirected")
            at(login, second.url)

        if asynchronous:

            async def main() -> None:
                async with pkg.AsyncSoapSession(
                    await locator.aendpoint(), ticket="7T:x", locator=locator
                ) as session:
                    agent = v88.AsyncErpSyncAgent(session)
                    await agent.get_all_connectors()
                    moved()
                    await agent.get_all_connectors()
                    await agent.get_all_connectors()

            asyncio.run(main())
        else:
            with pkg.SoapSession(locator.endpoint(), ticket="7T:x", locator=locator) as session:
                agent = v88.ErpSyncAgent(session)
                agent.get_all_connectors()
                moved()
                agent.get_all_connectors()
                agent.get_all_connectors()
                assert session.base_url == second.url.rstrip("/")
    assert len(old.calls_to(v88.ErpSyncAgent.get_all_connectors)) == 2  # one answered 421
    assert len(new.calls_to(v88.ErpSyncAgent.get_all_connectors)) == 2
    assert login.counts["/api/state/Cust12345"] == 2


def test_a_webapi_session_follows_a_moved_tenant_after_421(
    generated: Generated, login: FakeLogin
) -> None:
    pkg = importlib.import_module(PACKAGE)
    webapi = importlib.import_module(f"{PACKAGE}.webapi")
    testing = importlib.import_module(f"{PACKAGE}.webapi.testing")
    old, new = testing.fake(), testing.fake()
    with old.serve() as first, new.serve() as second:
        at(login, first.url)
        locator = pkg.TenantLocator("Cust12345", login.url)
        with webapi.WebApiSession(locator.endpoint(), ticket="7T:x", locator=locator) as session:
            agent = webapi.ErpSyncAgent(session)
            agent.get_connection(1)
            old.fail(webapi.ErpSyncAgent.get_connection, status=421, body="Misdirected")
            at(login, second.url)
            agent.get_connection(1)
    assert len(old.calls_to(webapi.ErpSyncAgent.get_connection)) == 2
    assert len(new.calls_to(webapi.ErpSyncAgent.get_connection)) == 1


def test_without_a_locator_a_421_is_the_calls_error(generated: Generated) -> None:
    pkg = importlib.import_module(PACKAGE)
    v88 = importlib.import_module(f"{PACKAGE}.services88")
    fake = importlib.import_module(f"{PACKAGE}.services88.testing").fake()
    fake.fail(v88.ErpSyncAgent.get_all_connectors, status=421, body="Misdirected")
    with fake.session(ticket="7T:x") as session:
        with pytest.raises(pkg.HTTPStatusError) as caught:
            v88.ErpSyncAgent(session).get_all_connectors()
    assert caught.value.status_code == 421


def closed_port_url() -> str:
    with socket.socket() as sock:  # a port nothing listens on: the connection is refused
        sock.bind(("127.0.0.1", 0))
        return f"http://127.0.0.1:{sock.getsockname()[1]}/Cust12345"


@pytest.mark.parametrize("down", ["503", "refused"])
def test_a_host_that_cannot_take_the_call_sends_it_to_the_tenants_new_address(
    generated: Generated, login: FakeLogin, down: str
) -> None:
    pkg = importlib.import_module(PACKAGE)
    v88 = importlib.import_module(f"{PACKAGE}.services88")
    testing = importlib.import_module(f"{PACKAGE}.services88.testing")
    old, new = testing.fake(), testing.fake()
    with old.serve() as first, new.serve() as second:
        at(login, first.url if down == "503" else closed_port_url())
        locator = pkg.TenantLocator("Cust12345", login.url)
        if down == "503":
            old.fail(v88.ErpSyncAgent.get_all_connectors, status=503, body="Service Unavailable")
        with pkg.SoapSession(locator.endpoint(), ticket="7T:x", locator=locator) as session:
            at(login, second.url)  # moved while the session still holds the old address
            v88.ErpSyncAgent(session).get_all_connectors()
    assert len(old.calls_to(v88.ErpSyncAgent.get_all_connectors)) == (1 if down == "503" else 0)
    assert len(new.calls_to(v88.ErpSyncAgent.get_all_connectors)) == 1
    assert login.counts["/api/state/Cust12345"] == 2


def test_a_503_at_the_same_address_is_the_calls_error_and_is_not_sent_again(
    generated: Generated, login: FakeLogin
) -> None:
    pkg = importlib.import_module(PACKAGE)
    webapi = importlib.import_module(f"{PACKAGE}.webapi")
    fake = importlib.import_module(f"{PACKAGE}.webapi.testing").fake()
    with fake.serve() as server:
        at(login, server.url)
        fake.fail(webapi.ErpSyncAgent.get_connection, status=503, body="Service Unavailable")
        locator = pkg.TenantLocator("Cust12345", login.url)
        with webapi.WebApiSession(locator.endpoint(), ticket="7T:x", locator=locator) as session:
            with pytest.raises(pkg.HTTPStatusError) as caught:
                webapi.ErpSyncAgent(session).get_connection(1)
    assert caught.value.status_code == 503
    assert len(fake.calls_to(webapi.ErpSyncAgent.get_connection)) == 1
    assert login.counts["/api/state/Cust12345"] == 2  # asked again: still there


@pytest.mark.parametrize("asynchronous", [False, True])
def test_a_tenant_that_stopped_running_is_the_typed_error_until_it_runs_again(
    generated: Generated, login: FakeLogin, asynchronous: bool
) -> None:
    pkg = importlib.import_module(PACKAGE)
    v88 = importlib.import_module(f"{PACKAGE}.services88")
    fake = importlib.import_module(f"{PACKAGE}.services88.testing").fake()
    method = v88.ErpSyncAgent.get_all_connectors
    outcomes: list[Any] = []
    with fake.serve() as server:
        at(login, server.url)
        locator = pkg.TenantLocator("Cust12345", login.url)
        assert locator.endpoint() == server.url.rstrip("/")  # running, and kept
        fake.fail(method, status=503, body="Service Unavailable")
        login.states["Cust12345"] = {"Endpoint": server.url, "State": "MigrationPending", "IsRunning": False}

        def step(number: int) -> None:
            if number == 2:  # running again
                at(login, server.url)
                fake.reset(method)

        if asynchronous:

            async def main() -> None:
                async with pkg.AsyncSoapSession(server.url, ticket="7T:x", locator=locator) as session:
                    agent = v88.AsyncErpSyncAgent(session)
                    for number in range(3):
                        step(number)
                        try:
                            outcomes.append(await agent.get_all_connectors())
                        except pkg.SuperOfficeError as error:
                            outcomes.append(error)

            asyncio.run(main())
        else:
            with pkg.SoapSession(server.url, ticket="7T:x", locator=locator) as session:
                agent = v88.ErpSyncAgent(session)
                for number in range(3):
                    step(number)
                    try:
                        outcomes.append(agent.get_all_connectors())
                    except pkg.SuperOfficeError as error:
                        outcomes.append(error)
    first, second, third = outcomes
    assert isinstance(first, pkg.TenantUnavailable) and first.state.name == "MIGRATION_PENDING"
    assert "MigrationPending" in str(first) or "MIGRATION_PENDING" in str(first)
    assert isinstance(first.__cause__, pkg.HTTPStatusError) and first.__cause__.status_code == 503
    assert isinstance(second, pkg.TenantUnavailable) and second.__cause__ is None  # asked before calling
    assert not isinstance(third, BaseException)
    assert len(fake.calls_to(method)) == 2  # the 503 and the last call
    assert login.counts["/api/state/Cust12345"] == 4  # a state that is not running is not kept


def test_a_session_asks_again_when_valid_until_passes_and_goes_where_the_tenant_now_is(
    generated: Generated, login: FakeLogin
) -> None:
    pkg = importlib.import_module(PACKAGE)
    webapi = importlib.import_module(f"{PACKAGE}.webapi")
    testing = importlib.import_module(f"{PACKAGE}.webapi.testing")
    old, new = testing.fake(), testing.fake()

    def at_until(url: str, until: str) -> None:
        login.states["Cust12345"] = {"Endpoint": url, "State": "Running", "IsRunning": True, "ValidUntil": until}

    with old.serve() as first, new.serve() as second:
        soon = datetime.now(timezone.utc) + timedelta(seconds=1)
        at_until(first.url, soon.strftime("%Y-%m-%dT%H:%M:%S.%f0Z"))  # .NET's 7 fraction digits
        locator = pkg.TenantLocator("Cust12345", login.url)
        with webapi.WebApiSession(locator.endpoint(), ticket="7T:x", locator=locator) as session:
            agent = webapi.ErpSyncAgent(session)
            agent.get_connection(1)
            at_until(second.url, "2000-01-01T00:00:00Z")  # moved: the old host still answers
            agent.get_connection(1)  # the kept state is still valid: the old host
            time.sleep(max(0.0, (soon - datetime.now(timezone.utc)).total_seconds()) + 0.05)  # it passes
            agent.get_connection(1)
            agent.get_connection(1)  # the new state's ValidUntil passed too: asked again
    assert len(old.calls_to(webapi.ErpSyncAgent.get_connection)) == 2
    assert len(new.calls_to(webapi.ErpSyncAgent.get_connection)) == 2
    assert login.counts["/api/state/Cust12345"] == 3

"""The secret sweep of tests/test_secrets.py and tests/test_faults.py, extended to every
credential the renewing providers hold or obtain: the system user token, the client secret,
the app's private key, the signed system user token, the JWTs and tickets the login hands out,
OpenID Connect access and refresh tokens, and the on-site password and ticket.

Each provider serves a session (SOAP and WebAPI, sync and async) against a misbehaving tenant
that quotes the request back in its error pages, including two refusals in a row that make the
provider renew; and each provider's own login quotes the request back in an error. Nothing a
program can see shows a secret: errors with their args, attributes, causes and contexts, the
reprs of sessions, agents and providers, every logger at DEBUG (httpx's too), stdout, stderr
and warnings."""

from __future__ import annotations

import asyncio
import importlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

from conftest import PACKAGE, Generated
from fake_login import FakeLogin, new_key
from faulty_server import FaultyServer, Reply, Request
from test_faults import MODES, SIDES, TRANSPORT_FAULTS, Side, capture_all, everything_shown, outcome  # noqa: F401

SYSTEM_TOKEN = "My App-SECRET-SYSTEM-TOKEN-5"
CLIENT_SECRET = "SECRET-CLIENT-SECRET-sweep"
OLD_ACCESS = "8A:Cust12345.SECRET-OLD-ACCESS"
REFRESH = "refresh-1"  # the one refresh token the fake login accepts
PASSWORD = "SECRET-ONSITE-PASSWORD-sw"
ONSITE_TICKET = "7T:SECRET-ONSITE-TICKET-sw"


def quoting(status: int) -> Callable[[Request, Reply], Reply]:
    """An error page that quotes the request: its body and every header."""
    return lambda request, normal: Reply(status, "text/html", b"<pre>%s\n%r</pre>" % (request.body, request.headers))


TENANT_FAULTS = {
    "error page quoting the request": (quoting(500),),
    "refused twice, quoting the request": (quoting(401), quoting(401)),
    "closed without a reply": (next(f for f in TRANSPORT_FAULTS if f.name == "closed without a reply").send,),
}


@dataclass
class Kind:
    """One kind of provider: how to make it, and the secrets it holds or obtained."""

    name: str
    make: Callable[[Any], Any]
    secrets: Callable[[Any], list[str]]


@pytest.fixture(scope="module")
def app_key() -> rsa.RSAPrivateKey:
    return new_key()


@pytest.fixture(scope="module")
def key_text(app_key: rsa.RSAPrivateKey) -> str:
    return app_key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    ).decode()


@pytest.fixture
def login(app_key: rsa.RSAPrivateKey) -> Iterator[FakeLogin]:
    fake = FakeLogin(app_key.public_key())
    yield fake
    fake.close()


@pytest.fixture(scope="module")
def onsite_login(generated: Generated) -> Iterator[str]:
    """The on-site NetServer that logs users in: the generated SOAP fake on 127.0.0.1."""
    v88 = importlib.import_module(f"{PACKAGE}.services88")
    fake = importlib.import_module(f"{PACKAGE}.services88.testing").fake()
    result = importlib.import_module(f"{PACKAGE}.services88.so_principal").AuthenticateResult(
        response=None, credentials=v88.SoCredentials(ticket=ONSITE_TICKET), authentication_succeeded=True
    )
    fake.reply(v88.SoPrincipalAgent.authenticate_username_password, result)
    with fake.serve() as server:
        yield server.url


@pytest.fixture(scope="module")
def tenants(generated: Generated) -> Iterator[dict[str, FaultyServer]]:
    from test_faults import soap_reply, webapi_reply

    running = {"soap": FaultyServer(soap_reply), "webapi": FaultyServer(webapi_reply)}
    for server in running.values():
        server.listen()
    yield running
    for server in running.values():
        server.stop()


def kinds(login: FakeLogin, key_text: str, onsite_url: str) -> dict[str, Kind]:
    pkg = importlib.import_module(PACKAGE)
    v88 = importlib.import_module(f"{PACKAGE}.services88")
    pem_lines = [line for line in key_text.splitlines() if line and not line.startswith("-----")]

    def from_login(provider: Any) -> list[str]:
        signed = [str(body["SignedSystemToken"]) for body in login.bodies]
        return [SYSTEM_TOKEN, CLIENT_SECRET, *pem_lines, *signed, *login.issued]

    return {
        "system user": Kind(
            "system user",
            lambda url: pkg.SystemUserCredentials(SYSTEM_TOKEN, CLIENT_SECRET, "Cust12345", key_text, url),
            from_login,
        ),
        "OpenID Connect": Kind(
            "OpenID Connect",
            lambda url: pkg.OidcCredentials(OLD_ACCESS, REFRESH, login.client_id, CLIENT_SECRET, url, expires_in=3600),
            lambda provider: [OLD_ACCESS, REFRESH, CLIENT_SECRET, *login.issued],
        ),
        "on-site": Kind(
            "on-site",
            lambda url: pkg.OnsiteCredentials(v88, url, "jdoe", PASSWORD),
            lambda provider: [PASSWORD, ONSITE_TICKET],
        ),
    }


KINDS = ("system user", "OpenID Connect", "on-site")


def leaked(secrets: list[str], *shown: str) -> list[str]:
    joined = "\n".join(shown)
    return [secret for secret in secrets if secret and secret in joined]


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("side", SIDES, ids=[s.name for s in SIDES])
@pytest.mark.parametrize("fault", TENANT_FAULTS)
@pytest.mark.parametrize("kind", KINDS)
def test_a_failing_tenant_shows_no_secret_of_the_provider(
    tenants: dict[str, FaultyServer],
    login: FakeLogin,
    key_text: str,
    onsite_login: str,
    capture_all: Callable[[], str],
    kind: str,
    fault: str,
    side: Side,
    mode: str,
) -> None:
    chosen = kinds(login, key_text, onsite_login)[kind]
    provider = chosen.make(onsite_login if kind == "on-site" else login.url)
    server = tenants[side.name]
    server.queue(*TENANT_FAULTS[fault])
    session = side.session(mode, server.base_url, credentials=provider)
    agent = side.agent(mode, session)
    failed, after = outcome(mode, session, agent.get_connection, 7, 8)
    assert isinstance(failed, importlib.import_module(PACKAGE).SuperOfficeError), failed
    assert after.erp_connection_id == 8  # the session, and the provider, serve the next call
    if fault.startswith("refused"):
        assert failed.status_code == 401  # after one renewal
    secrets = chosen.secrets(provider)
    assert len(secrets) >= 2
    shown = [*everything_shown(failed), repr(session), repr(agent), repr(provider), capture_all()]
    assert not leaked(secrets, *shown), leaked(secrets, *shown)


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("kind", KINDS)
def test_a_login_that_quotes_the_request_in_its_error_shows_no_secret(
    login: FakeLogin,
    key_text: str,
    generated: Generated,
    capture_all: Callable[[], str],
    kind: str,
    mode: str,
) -> None:
    pkg = importlib.import_module(PACKAGE)
    login.echo = True
    quoting_netserver = FaultyServer(lambda request: quoting(500)(request, Reply()))
    quoting_netserver.listen()
    try:
        chosen = kinds(login, key_text, quoting_netserver.base_url)[kind]
        provider = chosen.make(quoting_netserver.base_url if kind == "on-site" else login.url)
        if kind == "OpenID Connect":
            provider.rejected(provider.current())  # the old token refused: refresh it
        with pytest.raises(pkg.SuperOfficeError) as caught:
            provider.current() if mode == "sync" else asyncio.run(provider.acurrent())
        requests = login.counts.total() + quoting_netserver.count()
    finally:
        quoting_netserver.stop()
    assert requests >= 1 and "500" in str(caught.value)  # the login was asked, and refused
    secrets = chosen.secrets(provider) + ([OLD_ACCESS] if kind == "OpenID Connect" else [])
    shown = [*everything_shown(caught.value), repr(provider), capture_all()]
    assert not leaked(secrets, *shown), leaked(secrets, *shown)

"""The Online providers of the runtime (templates/runtime: login.py, system_user.py, oidc.py,
tenant.py) against a fake SuperOffice
login on 127.0.0.1: the system user flow, OpenID Connect, tenant discovery, secrets."""

from __future__ import annotations

import asyncio
import base64
import builtins
import importlib
import json
import importlib.util
import sys
import threading
import types
import urllib.parse
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timedelta, timezone
from typing import Any

import httpx
import pytest
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa

from conftest import ROOT, runtime_template
from fake_login import SYSTEM_USER_PATH, TOKEN_PATH, FakeLogin, new_key

login_host = runtime_template("login")
system_users = runtime_template("system_user")
oidc_flow = runtime_template("oidc")
tenants = runtime_template("tenant")
errors = runtime_template("errors")
credentials = runtime_template("credentials")

SYSTEM_TOKEN = "My App-SECRETSYSTEMTOKEN42"
CLIENT_SECRET = "SECRET-CLIENT-SECRET-99"
REFRESH = "refresh-1"


@pytest.fixture(scope="module")
def app_key() -> rsa.RSAPrivateKey:
    return new_key()


@pytest.fixture
def login(app_key: rsa.RSAPrivateKey) -> Iterator[FakeLogin]:
    fake = FakeLogin(app_key.public_key())
    yield fake
    fake.close()


def pem(key: rsa.RSAPrivateKey) -> bytes:
    return key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )


def rsa_xml(key: rsa.RSAPrivateKey) -> str:
    numbers = key.private_numbers()

    def b64(value: int) -> str:
        return base64.b64encode(value.to_bytes((value.bit_length() + 7) // 8, "big")).decode()

    parts = {
        "Modulus": numbers.public_numbers.n,
        "Exponent": numbers.public_numbers.e,
        "P": numbers.p,
        "Q": numbers.q,
        "DP": numbers.dmp1,
        "DQ": numbers.dmq1,
        "InverseQ": numbers.iqmp,
        "D": numbers.d,
    }
    return "<RSAKeyValue>" + "".join(f"<{k}>{b64(v)}</{k}>" for k, v in parts.items()) + "</RSAKeyValue>"


def system_user(login: FakeLogin, key: rsa.RSAPrivateKey, **options: Any) -> Any:
    return system_users.SystemUserCredentials(
        SYSTEM_TOKEN, CLIENT_SECRET, "Cust12345", pem(key), environment=login.url, **options
    )


def test_a_system_user_gets_one_ticket_for_100_calls_from_8_threads(login: FakeLogin, app_key: Any) -> None:
    login.delay = 0.2  # the callers arrive while the first request is in flight
    provider = system_user(login, app_key)
    with ThreadPoolExecutor(8) as pool:
        got = list(pool.map(lambda _: provider.current(), range(100)))
    assert login.counts[SYSTEM_USER_PATH] == 1
    assert {c.ticket for c in got} == {"7T:ticket-1=="}
    assert {c.application_token for c in got} == {CLIENT_SECRET}


async def test_100_tasks_share_one_ticket_and_a_rejection_renews_it_once(login: FakeLogin, app_key: Any) -> None:
    login.delay = 0.2
    provider = system_user(login, app_key)
    got = await asyncio.gather(*(provider.acurrent() for _ in range(100)))
    assert login.counts[SYSTEM_USER_PATH] == 1 and len({c.ticket for c in got}) == 1
    old = got[0]

    async def rejected_then_current() -> Any:
        await provider.arejected(old)
        return await provider.acurrent()

    renewed = await asyncio.gather(*(rejected_then_current() for _ in range(100)))
    assert login.counts[SYSTEM_USER_PATH] == 2
    assert {c.ticket for c in renewed} == {"7T:ticket-2=="}
    provider.rejected(old)  # a late rejection of the old ticket renews nothing
    assert provider.current().ticket == "7T:ticket-2==" and login.counts[SYSTEM_USER_PATH] == 2


def test_sync_rejections_from_many_threads_renew_once(login: FakeLogin, app_key: Any) -> None:
    provider = system_user(login, app_key)
    old = provider.current()
    login.delay = 0.2

    def reject_and_call(_: int) -> str | None:
        provider.rejected(old)
        return provider.current().ticket  # type: ignore[no-any-return]

    with ThreadPoolExecutor(8) as pool:
        tickets = set(pool.map(reject_and_call, range(100)))
    assert login.counts[SYSTEM_USER_PATH] == 2 and tickets == {"7T:ticket-2=="}


def test_the_ticket_is_renewed_at_max_age_not_per_call(login: FakeLogin, app_key: Any) -> None:
    provider = system_user(login, app_key, max_age=timedelta(seconds=0))
    provider.current()
    provider.current()
    assert login.counts[SYSTEM_USER_PATH] == 2
    provider = system_user(login, app_key)
    for _ in range(10):
        provider.current()
    assert login.counts[SYSTEM_USER_PATH] == 3


def test_the_signed_token_verifies_over_the_documented_string_with_a_utc_timestamp(
    login: FakeLogin, app_key: rsa.RSAPrivateKey
) -> None:
    before = datetime.now(timezone.utc).replace(second=0, microsecond=0)
    system_user(login, app_key).current()
    after = datetime.now(timezone.utc)
    body = login.bodies[0]
    assert body["ApplicationToken"] == CLIENT_SECRET and body["ContextIdentifier"] == "Cust12345"
    assert body["ReturnTokenType"] == "JWT"
    token, stamp, signature = body["SignedSystemToken"].rsplit(".", 2)
    assert token == SYSTEM_TOKEN and len(stamp) == 12
    app_key.public_key().verify(
        base64.b64decode(signature), f"{token}.{stamp}".encode(), padding.PKCS1v15(), hashes.SHA256()
    )
    sent = datetime.strptime(stamp, "%Y%m%d%H%M").replace(tzinfo=timezone.utc)
    assert before <= sent <= after


def test_an_rsa_xml_private_key_as_the_developer_portal_gives_it(login: FakeLogin, app_key: Any) -> None:
    provider = system_users.SystemUserCredentials(
        SYSTEM_TOKEN, CLIENT_SECRET, "Cust12345", rsa_xml(app_key), environment=login.url
    )
    assert provider.current().ticket == "7T:ticket-1=="


@pytest.mark.parametrize("bad", ["signature", "issuer", "audience", "expired"])
def test_a_jwt_that_fails_validation_gives_no_ticket(login: FakeLogin, app_key: Any, bad: str) -> None:
    if bad == "signature":
        login.signing_key = new_key()
    elif bad == "issuer":
        login.issuer = "https://evil.example"
    elif bad == "audience":
        login.audience = "spn:999"
    else:
        login.lifetime = -3600
    provider = system_user(login, app_key)
    for _ in range(2):  # nothing was cached: the second call asks again
        with pytest.raises(errors.TokenValidationError) as caught:
            provider.current()
        assert isinstance(caught.value, errors.SuperOfficeError)
        assert "ticket-" not in str(caught.value)
    assert login.counts[SYSTEM_USER_PATH] == 2


def test_is_successful_false_is_a_typed_error_with_the_documented_code(login: FakeLogin, app_key: Any) -> None:
    login.refuse_system_user = "InvalidSignature: the signature does not match"
    with pytest.raises(errors.SystemUserError) as caught:
        system_user(login, app_key).current()
    assert caught.value.error_code == 7 and caught.value.error_name == "INVALID_SIGNATURE"
    assert "the signature does not match" in str(caught.value)


async def test_a_login_host_that_cannot_be_reached(app_key: Any) -> None:
    provider = system_users.SystemUserCredentials(
        SYSTEM_TOKEN, CLIENT_SECRET, "Cust12345", pem(app_key), environment="http://127.0.0.1:9"
    )
    with pytest.raises(errors.LoginUnreachable) as caught:
        provider.current()
    assert isinstance(caught.value, errors.TransportError) and "127.0.0.1" in str(caught.value)
    with pytest.raises(errors.LoginUnreachable):
        await provider.acurrent()


def test_environment_names_follow_the_newest_pages() -> None:
    assert login_host.login_base_url("qaonline") == "https://qaonline.superoffice.com"
    assert login_host.login_base_url("stage") == "https://qaonline.superoffice.com"  # older pages
    assert login_host.login_base_url("sod") == "https://sod.superoffice.com"
    assert login_host.login_base_url("http://127.0.0.1:5/") == "http://127.0.0.1:5"
    with pytest.raises(ValueError):
        login_host.login_base_url("nowhere")


# --- OpenID Connect -------------------------------------------------------------------------


def oidc(login: FakeLogin, **options: Any) -> Any:
    return oidc_flow.OidcCredentials(
        "8A:Cust12345.old", REFRESH, login.client_id, CLIENT_SECRET, login.url, **options
    )


def test_an_expired_access_token_is_refreshed_once_for_concurrent_callers(login: FakeLogin) -> None:
    login.delay = 0.2
    provider = oidc(login, expires_in=0)
    with ThreadPoolExecutor(8) as pool:
        got = list(pool.map(lambda _: provider.current(), range(50)))
    assert login.counts[TOKEN_PATH] == 1
    assert {c.bearer for c in got} == {"8A:Cust12345.access-1"}
    assert {c.application_token for c in got} == {CLIENT_SECRET} and got[0].ticket is None


async def test_tasks_share_the_refresh_and_a_rejection_refreshes_again(login: FakeLogin) -> None:
    login.delay = 0.1
    provider = oidc(login, expires_at=datetime.now(timezone.utc) - timedelta(seconds=1))
    got = await asyncio.gather(*(provider.acurrent() for _ in range(100)))
    assert login.counts[TOKEN_PATH] == 1 and len({c.bearer for c in got}) == 1
    await provider.arejected(got[0])
    assert (await provider.acurrent()).bearer == "8A:Cust12345.access-2"
    assert login.counts[TOKEN_PATH] == 2


def test_a_valid_access_token_is_used_as_it_is(login: FakeLogin) -> None:
    provider = oidc(login, expires_in=3600)
    assert provider.current().bearer == "8A:Cust12345.old"
    assert login.counts[TOKEN_PATH] == 0


def test_without_a_refresh_token_a_rejection_cannot_be_renewed(login: FakeLogin) -> None:
    provider = oidc_flow.OidcCredentials("8A:x", None, login.client_id, CLIENT_SECRET, login.url)
    provider.rejected(provider.current())
    with pytest.raises(credentials.CredentialsRejected):
        provider.current()


def test_the_code_flow_with_pkce_and_the_id_token_claims(login: FakeLogin) -> None:
    app = oidc_flow.OidcClient(login.client_id, CLIENT_SECRET, login.url, redirect_uri="http://127.0.0.1:1/cb")
    verifier, challenge = oidc_flow.pkce_pair()
    url = urllib.parse.urlsplit(app.authorize_url(state="s1", code_challenge=challenge, tenant="Cust12345"))
    query = dict(urllib.parse.parse_qsl(url.query))
    assert url.path == "/login/common/oauth/authorize"
    assert query["code_challenge_method"] == "S256" and query["acr_values"] == "tenant:Cust12345"
    assert query["scope"] == "openid" and query["response_type"] == "code"
    provider = app.exchange_code("the-code", verifier)
    claims = provider.claims
    assert claims.ctx == "Cust12345" and claims.associate_id == 5
    assert claims.webapi_url.endswith("/Cust12345/api/")
    assert claims.netserver_url.endswith("/Remote/Services88/")
    assert provider.current().bearer.startswith("8A:")


def test_an_id_token_for_another_client_is_refused(login: FakeLogin) -> None:
    app = oidc_flow.OidcClient(login.client_id, CLIENT_SECRET, login.url)
    token = login.jwt({"iss": login.url}, audience="another-app")
    with pytest.raises(errors.TokenValidationError):
        app.validate_id_token(token)


def test_the_loopback_redirect_takes_the_form_post() -> None:
    with oidc_flow.LoopbackRedirect() as redirect:
        assert redirect.redirect_uri.startswith("http://127.0.0.1:")
        reply = httpx.post(redirect.redirect_uri, data={"code": "c0de", "state": "s1"})
        assert reply.status_code == 200
        assert redirect.wait(5) == {"code": "c0de", "state": "s1"}


# --- tenant discovery -----------------------------------------------------------------------


def state(endpoint: str, name: str = "Running", until: str = "2099-02-23T09:52:01.9342965Z") -> dict[str, Any]:
    return {
        "ContextIdentifier": "Cust12345",
        "Endpoint": endpoint,
        "State": name,
        "IsRunning": name in ("Running", "OnlineMaintenance"),
        "ValidUntil": until,
        "Api": f"{endpoint}/api",
        "Version": "Release_11.10",
    }


async def test_the_tenant_state_is_typed(login: FakeLogin) -> None:
    login.states["Cust12345"] = state("https://online2.superoffice.com/Cust12345")
    found = tenants.tenant_state("Cust12345", login.url)
    assert found.state is tenants.TenantStatus.RUNNING and found.is_running
    assert found.endpoint == "https://online2.superoffice.com/Cust12345"
    assert found.valid_until == datetime(2099, 2, 23, 9, 52, 1, 934296, tzinfo=timezone.utc)
    assert (await tenants.atenant_state("Cust12345", login.url)) == found


@pytest.mark.parametrize("name", ["Suspended", "OfflineMaintenance", "Deleted"])
def test_an_unavailable_tenant_raises_naming_its_state(login: FakeLogin, name: str) -> None:
    login.states["Cust12345"] = state("https://online2.superoffice.com/Cust12345", name)
    with pytest.raises(errors.TenantUnavailable) as caught:
        tenants.tenant_state("Cust12345", login.url)
    assert caught.value.state is tenants.TenantStatus.parse(name)
    assert caught.value.state.name in str(caught.value)


def test_the_locator_asks_again_after_valid_until_and_after_a_move(login: FakeLogin) -> None:
    login.states["Cust12345"] = state("https://online2.superoffice.com/Cust12345")
    locator = tenants.TenantLocator("Cust12345", login.url)
    assert locator.endpoint() == locator.endpoint() == "https://online2.superoffice.com/Cust12345"
    assert login.counts["/api/state/Cust12345"] == 1
    login.states["Cust12345"] = state("https://app.superoffice.com/Cust12345", until="2000-01-01T00:00:00Z")
    locator.moved()  # a 421 Misdirected Request
    assert locator.endpoint() == "https://app.superoffice.com/Cust12345"
    locator.endpoint()  # its ValidUntil has passed: asked again
    assert login.counts["/api/state/Cust12345"] == 3


# --- the optional extra and secrets ---------------------------------------------------------


def test_without_the_extra_the_module_imports_and_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    real_import = builtins.__import__

    def no_extra(name: str, *args: Any, **kwargs: Any) -> Any:
        if name.split(".")[0] in ("jwt", "cryptography"):
            raise ImportError(f"No module named {name!r}")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_extra)
    bare_package = types.ModuleType("rt_bare")  # the runtime imported afresh, without the extra
    bare_package.__path__ = [str(ROOT / "templates" / "runtime")]
    monkeypatch.setitem(sys.modules, "rt_bare", bare_package)
    for name in ("errors", "credentials", "renewing", "login", "system_user", "oidc", "tenant"):
        monkeypatch.delitem(sys.modules, f"rt_bare.{name}", raising=False)
    bare = importlib.import_module("rt_bare.system_user")
    for name in ("oidc", "tenant"):
        importlib.import_module(f"rt_bare.{name}")
    with pytest.raises(sys.modules["rt_bare.errors"].MissingExtra) as caught:
        bare.SystemUserCredentials(SYSTEM_TOKEN, CLIENT_SECRET, "Cust12345", "<RSAKeyValue/>", "sod")
    assert 'pip install "rt_bare[online]"' in str(caught.value)
    assert isinstance(caught.value, ImportError)
    assert sys.modules["rt_bare.login"].login_base_url("sod") == "https://sod.superoffice.com"  # the rest works


def test_no_secret_shows_in_reprs_or_messages(login: FakeLogin, app_key: Any) -> None:
    key_text = pem(app_key).decode()
    provider = system_user(login, app_key)
    ticket = provider.current()
    oidc_provider = oidc(login, expires_in=0)
    bearer = oidc_provider.current()
    login.refuse_system_user = f"bad token {SYSTEM_TOKEN} for {CLIENT_SECRET}"  # echoed back
    with pytest.raises(errors.SystemUserError) as refused:
        system_user(login, app_key).current()
    login.signing_key = new_key()
    login.refuse_system_user = None
    with pytest.raises(errors.TokenValidationError) as invalid:
        system_user(login, app_key).current()
    printed = "\n".join(
        [
            repr(provider),
            repr(ticket),
            repr(oidc_provider),
            repr(bearer),
            repr(oidc_provider.claims),
            str(refused.value),
            repr(refused.value),
            str(invalid.value),
            repr(invalid.value),
            repr(oidc_flow.OidcClient(login.client_id, CLIENT_SECRET, login.url)),
        ]
    )
    signed = [body["SignedSystemToken"] for body in login.bodies]
    for secret in [SYSTEM_TOKEN, CLIENT_SECRET, REFRESH, ticket.ticket, bearer.bearer, *signed]:
        assert secret not in printed
    assert key_text[40:80] not in printed
    assert "***" in str(refused.value)


def test_a_sync_caller_in_the_loop_thread_does_not_deadlock(login: FakeLogin, app_key: Any) -> None:
    provider = system_user(login, app_key)
    login.delay = 0.2

    async def both() -> tuple[Any, Any]:
        task = asyncio.ensure_future(provider.acurrent())
        await asyncio.sleep(0.05)  # the async renewal is in flight
        return provider.current(), await task  # a sync call from the loop's own thread

    done: list[Any] = []
    thread = threading.Thread(target=lambda: done.append(asyncio.run(both())), daemon=True)
    thread.start()
    thread.join(10)
    assert done, "deadlocked"


@pytest.mark.parametrize(
    "metadata", [["not", "an", "object"], {"issuer": 7}, {"token_endpoint": None}], ids=["a list", "a number", "null"]
)
def test_openid_metadata_of_the_wrong_shape_is_a_login_error(login: FakeLogin, metadata: object) -> None:
    """The login's metadata is a server's bytes: a shape the flows cannot use is our error."""
    provider = oidc(login, expires_in=0)
    original = login._answer

    def answer(handler: Any, method: str, body: bytes) -> None:
        if handler.path.endswith("openid-configuration"):
            data = json.dumps(metadata).encode()
            handler.send_response(200)
            handler.send_header("Content-Type", "application/json")
            handler.send_header("Content-Length", str(len(data)))
            handler.end_headers()
            handler.wfile.write(data)
        else:
            original(handler, method, body)

    login._answer = answer  # type: ignore[method-assign]
    with pytest.raises(errors.LoginError, match="OpenID metadata"):
        provider.current()
    with pytest.raises(errors.LoginError, match="OpenID metadata"):
        oidc_flow.OidcClient(login.client_id, CLIENT_SECRET, login.url).validate_id_token("x.y.z")

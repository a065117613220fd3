"""The SuperOffice Online login that the online providers share: the environments' hosts,
HTTP to the login with typed errors that show no secret, and JWT validation against the
environment's JWKS.

Signing and JWT validation need the ``online`` extra (cryptography and PyJWT). Without it
these modules still load, and using them says which extra to install. Where SuperOffice's
pages disagree this follows the newest one: the stage environment is ``qaonline`` (``stage``
is accepted as an older name). Nothing here logs.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from enum import IntEnum
from typing import Any

import httpx

from .errors import (
    LoginError,
    LoginUnreachable,
    MissingExtra,
    TokenValidationError,
    redact,
    snippet,
)

try:  # the optional extra: checked on use, so that the base install imports this module
    import jwt
    import cryptography  # noqa: F401 (the other online modules import its parts)

    _HAVE_EXTRA = True
except ImportError:
    _HAVE_EXTRA = False

__all__ = ["AuthorizeErrorCode", "login_base_url"]

ENVIRONMENTS = {
    "sod": "https://sod.superoffice.com",
    "qaonline": "https://qaonline.superoffice.com",
    "online": "https://online.superoffice.com",
}
_ALIASES = {"stage": "qaonline", "production": "online", "prod": "online"}  # older pages' names
CLAIM = "http://schemes.superoffice.net/identity/"
_TIMEOUT = 30.0


def require_extra() -> None:
    if not _HAVE_EXTRA:
        package = __name__.split(".")[0]
        raise MissingExtra(
            "signing and validating SuperOffice Online tokens needs cryptography and PyJWT: "
            f'pip install "{package}[online]"'
        )


def login_base_url(environment: str) -> str:
    """The login host of ``environment`` (sod, qaonline or online), or ``environment`` itself
    when it is a URL (a fake login in tests, a proxy)."""
    if "://" in environment:
        return environment.rstrip("/")
    name = _ALIASES.get(environment.lower(), environment.lower())
    if name not in ENVIRONMENTS:
        raise ValueError(f"unknown environment {environment!r}: sod, qaonline, online or a URL")
    return ENVIRONMENTS[name]


class AuthorizeErrorCode(IntEnum):
    """The login's documented error codes."""

    NO_ERROR = 0
    REVOKED = 1
    INVALID_REDIRECT_URL = 2
    EXPIRED = 3
    DENIED = 4
    NEEDS_REAPPROVAL = 5
    INVALID_TIMESTAMP = 6
    INVALID_SIGNATURE = 7


def error_code(reply: Mapping[str, Any]) -> AuthorizeErrorCode | None:
    # No reply schema is documented: take an ErrorCode field, else a code named in the message.
    raw = reply.get("ErrorCode")
    if isinstance(raw, int) and raw in AuthorizeErrorCode._value2member_map_:
        return AuthorizeErrorCode(raw)
    text = f"{raw or ''} {reply.get('ErrorMessage') or ''}".lower()
    for code in AuthorizeErrorCode:
        if code and code.name.replace("_", "").lower() in text.replace(" ", ""):
            return code
    return None


# --- HTTP to the login ----------------------------------------------------------------------


def _check(response: httpx.Response, what: str, hidden: list[str]) -> Any:
    if response.status_code >= 400:
        raise redact(
            LoginError(
                f"{what}: HTTP {response.status_code} {response.reason_phrase}: "
                f"{snippet(response.text)}",
                status_code=response.status_code,
            ),
            hidden,
        )
    try:
        return response.json()
    except ValueError:
        raise redact(LoginError(f"{what}: the reply is not JSON: {snippet(response.text)}"), hidden)


def _unreachable(url: str, error: httpx.TransportError) -> LoginUnreachable:
    host = httpx.URL(url).host
    return LoginUnreachable(f"cannot reach the SuperOffice login at {host}: {type(error).__name__}")


def send(
    client: httpx.Client | None, method: str, url: str, what: str, hidden: list[str], **kw: Any
) -> Any:
    try:
        if client is not None:
            response = client.request(method, url, **kw)
        else:
            with httpx.Client(timeout=_TIMEOUT) as own:
                response = own.request(method, url, **kw)
    except httpx.TransportError as error:
        raise _unreachable(url, error) from None
    return _check(response, what, hidden)


async def asend(
    client: httpx.AsyncClient | None, method: str, url: str, what: str, hidden: list[str], **kw: Any
) -> Any:
    try:
        if client is not None:
            response = await client.request(method, url, **kw)
        else:
            async with httpx.AsyncClient(timeout=_TIMEOUT) as own:
                response = await own.request(method, url, **kw)
    except httpx.TransportError as error:
        raise _unreachable(url, error) from None
    return _check(response, what, hidden)


class Login:
    """One login host: its OpenID metadata and JWKS, fetched once (the JWKS again for a key id
    it does not hold: SuperOffice rotates certificates)."""

    def __init__(
        self, environment: str, client: httpx.Client | None, async_client: httpx.AsyncClient | None
    ) -> None:
        self.base = login_base_url(environment)
        self.client = client
        self.async_client = async_client
        self._metadata: dict[str, Any] | None = None
        self._keys: list[dict[str, Any]] | None = None  # the JWKS's keys that are JSON objects

    @property
    def metadata_url(self) -> str:
        return f"{self.base}/login/.well-known/openid-configuration"

    def _kept_metadata(self, reply: object) -> dict[str, Any]:
        if not isinstance(reply, dict):
            raise LoginError(
                f"the OpenID metadata of {httpx.URL(self.base).host} is not a JSON object"
            )
        self._metadata = reply
        return reply

    def _endpoint(self, metadata: Mapping[str, Any], name: str) -> str:
        value = metadata.get(name)
        if not isinstance(value, str) or not value:
            raise LoginError(f"the OpenID metadata of {httpx.URL(self.base).host} gives no {name}")
        return value

    def endpoint(self, name: str) -> str:
        """A URL or value of the OpenID metadata (``token_endpoint``, ``issuer``...), fetched
        once; LoginError when the metadata does not give it as a string."""
        metadata = self._metadata
        if metadata is None:
            reply = send(self.client, "GET", self.metadata_url, "OpenID metadata", [])
            metadata = self._kept_metadata(reply)
        return self._endpoint(metadata, name)

    async def aendpoint(self, name: str) -> str:
        metadata = self._metadata
        if metadata is None:
            reply = await asend(self.async_client, "GET", self.metadata_url, "OpenID metadata", [])
            metadata = self._kept_metadata(reply)
        return self._endpoint(metadata, name)

    def jwks(self, kid: str | None) -> list[dict[str, Any]]:
        """The signing keys, fetched again for a key id they lack (certificates rotate)."""
        if self._keys is None or not _has_kid(self._keys, kid):
            self._keys = _keys_of(send(self.client, "GET", self.endpoint("jwks_uri"), "JWKS", []))
        return self._keys

    async def ajwks(self, kid: str | None) -> list[dict[str, Any]]:
        if self._keys is None or not _has_kid(self._keys, kid):
            url = await self.aendpoint("jwks_uri")
            self._keys = _keys_of(await asend(self.async_client, "GET", url, "JWKS", []))
        return self._keys


def _keys_of(reply: object) -> list[dict[str, Any]]:
    found = reply.get("keys") if isinstance(reply, dict) else None
    return [key for key in found if isinstance(key, dict)] if isinstance(found, list) else []


def _has_kid(keys: Sequence[Mapping[str, Any]], kid: str | None) -> bool:
    return kid is None or any(key.get("kid") == kid for key in keys)


def header_kid(token: str) -> str | None:
    require_extra()
    try:
        kid = jwt.get_unverified_header(token).get("kid")
    except jwt.PyJWTError:
        raise TokenValidationError("the token is not a JWT") from None
    return str(kid) if kid is not None else None


def validate(
    token: str,
    jwks: Sequence[Mapping[str, Any]],
    *,
    issuer: str,
    audience: str | None,
    leeway: float,
    what: str,
) -> dict[str, Any]:
    """The verified claims of ``token``: RS256 signature against the JWKS, issuer, expiry (when
    present, with ``leeway``), then the audience (``None``: ``spn:`` and the token's serial,
    as the docs give for system user tokens, compared only after the signature holds)."""
    kid = header_kid(token)
    keys = [key for key in jwks if kid is None or key.get("kid") == kid]
    if not keys:
        raise TokenValidationError(f"{what}: no key of the login's JWKS signed it")
    try:
        signing_key = jwt.PyJWK.from_dict(dict(keys[0])).key
        claims: dict[str, Any] = jwt.decode(
            token,
            signing_key,
            algorithms=["RS256"],
            issuer=issuer,
            leeway=leeway,
            options={"verify_aud": False},
        )
    except jwt.PyJWTError as error:  # names the check that failed, never the token
        raise TokenValidationError(f"{what} failed validation: {type(error).__name__}") from None
    expected = audience if audience is not None else f"spn:{claims.get(CLAIM + 'serial', '')}"
    found = claims.get("aud")
    if expected not in (found if isinstance(found, list) else [found]):
        raise TokenValidationError(f"{what} failed validation: InvalidAudienceError")
    return claims

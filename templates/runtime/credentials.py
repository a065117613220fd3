"""Credentials as providers: a session asks its provider for the current credentials before
each call, and tells it when the server rejected them, so that the provider renews them (once,
for every caller waiting) and the call is tried once more.

A provider is anything with the four methods of ``CredentialProvider``. ``StaticCredentials``
is the simplest: fixed values that cannot be renewed (what ``ticket=``, ``bearer_token=`` and
``basic=`` give). Renewing providers (a system user, OpenID Connect, an on-site login) live in
``online`` and ``onsite``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol, runtime_checkable

from .errors import SuperOfficeError

__all__ = [
    "Credential",
    "CredentialProvider",
    "CredentialsRejected",
    "StaticCredentials",
    "provider_of",
]


@dataclass(frozen=True, repr=False)
class Credential:
    """What one call is sent with. Each is None where the provider has none of it.

    - ``ticket``: SOAP ``Credentials/Ticket``; WebAPI ``Authorization: SOTicket <ticket>``;
    - ``bearer``: an OpenID Connect access token: WebAPI ``Authorization: Bearer <token>``;
    - ``basic``: (user, password): WebAPI ``Authorization: Basic ...`` (on-site);
    - ``application_token``: SOAP ``ApplicationToken``; WebAPI ``SO-AppToken``.
    """

    ticket: str | None = None
    bearer: str | None = None
    basic: tuple[str, str] | None = None
    application_token: str | None = None

    def secrets(self) -> list[str]:
        """The values no message may show."""
        found = [self.ticket, self.bearer, self.application_token]
        if self.basic is not None:
            found += list(self.basic)
        return [secret for secret in found if secret]

    def __repr__(self) -> str:  # never the values
        held = [
            name
            for name in ("ticket", "bearer", "basic", "application_token")
            if getattr(self, name)
        ]
        return f"Credential({', '.join(held) or 'nothing'})"


@runtime_checkable
class CredentialProvider(Protocol):
    """Where a session gets the credentials of each call.

    ``current``/``acurrent`` give the credentials to send now, obtaining or renewing them if
    need be (many threads or tasks asking at once share one renewal). ``rejected``/``arejected``
    say that the server refused ``used`` (a 401 or 403, or NetServer's fault for an invalid or
    expired ticket): the next ``current`` renews, unless another caller already renewed since
    ``used`` was handed out. A provider that cannot renew raises ``CredentialsRejected``.
    """

    def current(self) -> Credential: ...

    async def acurrent(self) -> Credential: ...

    def rejected(self, used: Credential) -> None: ...

    async def arejected(self, used: Credential) -> None: ...


class CredentialsRejected(SuperOfficeError):
    """The server refused the credentials and the provider has no way to renew them.

    Sessions raise the server's refusal for the call instead (it names no secret)."""


class StaticCredentials:
    """Fixed credentials: a ticket, a bearer token or a user and password given as they are."""

    def __init__(self, credential: Credential) -> None:
        self._credential = credential

    def current(self) -> Credential:
        return self._credential

    async def acurrent(self) -> Credential:
        return self._credential

    def rejected(self, used: Credential) -> None:
        raise CredentialsRejected(
            "the server refused the credentials given, which cannot be renewed"
        )

    async def arejected(self, used: Credential) -> None:
        self.rejected(used)

    def __repr__(self) -> str:
        return f"StaticCredentials({self._credential!r})"


def provider_of(credentials: CredentialProvider | None, **fixed: object) -> CredentialProvider:
    """The session's provider: ``credentials``, or the fixed values given instead
    (``ticket=``, ``bearer=``, ``basic=``, ``application_token=``) as StaticCredentials."""
    given = {name: value for name, value in fixed.items() if value is not None}
    if credentials is None:
        return StaticCredentials(Credential(**given))  # type: ignore[arg-type]
    if given:
        names = ", ".join(f"{name}=" for name in given).replace("bearer=", "bearer_token=")
        raise ValueError(f"give credentials= or {names}, not both")
    if not isinstance(credentials, CredentialProvider):
        raise TypeError(
            "credentials= must be a CredentialProvider (current, acurrent, rejected, arejected)"
        )
    return credentials

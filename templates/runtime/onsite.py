"""On-site NetServer: a ticket from a user name and password.

``OnsiteCredentials`` logs in through the version's own SoPrincipal agent
(``AuthenticateUsernamePassword``) and logs in again the same way when the server rejects the
ticket. Its ticket serves SOAP sessions (Credentials/Ticket) and the WebAPI (``SOTicket``); the
WebAPI also takes ``basic=(user, password)`` as it is. Windows (implicit) authentication is
not supported. No message or repr shows the password or the ticket.
"""

from __future__ import annotations

import math
import time
from datetime import timedelta
from types import ModuleType
from typing import Any

import httpx

from .credentials import Credential
from .errors import LoginError
from .renewing import Grant, Renewing
from .session import DEFAULT_TIMEOUT, AsyncSoapSession, SoapSession

__all__ = ["OnsiteCredentials"]


class OnsiteCredentials(Renewing):
    """A user's ticket, from ``AuthenticateUsernamePassword`` of ``version`` (a generated
    version module, e.g. ``superoffice_services.services88``) at ``base_url`` (the NetServer
    site root, e.g. ``https://crm.example.com/SuperOffice``)::

        credentials = OnsiteCredentials(services88, url, "jdoe", password)
        with SoapSession(url, credentials=credentials) as session: ...

    The ticket is kept until the server rejects it, or for ``max_age`` when given.
    ``client``/``async_client`` or ``transport``/``async_transport`` carry the login calls.
    """

    def __init__(
        self,
        version: ModuleType,
        base_url: str,
        user: str,
        password: str,
        *,
        application_token: str | None = None,
        max_age: timedelta | None = None,
        timeout: float | httpx.Timeout = DEFAULT_TIMEOUT,
        client: httpx.Client | None = None,
        async_client: httpx.AsyncClient | None = None,
        transport: httpx.BaseTransport | None = None,
        async_transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        super().__init__()
        try:
            self._agent: Any = getattr(version, "SoPrincipalAgent")
            self._async_agent: Any = getattr(version, "AsyncSoPrincipalAgent")
        except AttributeError:
            raise TypeError(
                f"{getattr(version, '__name__', version)!r} is not a NetServer version module "
                "with a SoPrincipal agent"
            ) from None
        self.version = getattr(version, "__name__", "")
        self.base_url = base_url
        self.user = user
        self._password = password
        self._application_token = application_token
        self.max_age = max_age
        self._options: dict[str, Any] = {"timeout": timeout, "client": client}
        self._async_options: dict[str, Any] = {"timeout": timeout, "client": async_client}
        if transport is not None:
            self._options["transport"] = transport
        if async_transport is not None:
            self._async_options["transport"] = async_transport

    def __repr__(self) -> str:
        return f"OnsiteCredentials({self.version!r}, {self.base_url!r}, user={self.user!r})"

    def _take(self, result: Any) -> Grant:
        ticket = getattr(result.credentials, "ticket", None)
        if not result.authentication_succeeded or not ticket:
            raise LoginError(f"NetServer refused the login of user {self.user!r}")
        now = time.monotonic()
        expires = math.inf if self.max_age is None else now + self.max_age.total_seconds()
        credential = Credential(ticket=ticket, application_token=self._application_token)
        return Grant(credential, now, expires)

    def _login(self, session: SoapSession | AsyncSoapSession) -> None:
        session.remember([self._password])  # no error of the login shows it

    def _fetch(self) -> Grant:
        token = self._application_token
        with SoapSession(self.base_url, application_token=token, **self._options) as session:
            self._login(session)
            result = self._agent(session).authenticate_username_password(self.user, self._password)
        return self._take(result)

    async def _afetch(self) -> Grant:
        token = self._application_token
        async with AsyncSoapSession(
            self.base_url, application_token=token, **self._async_options
        ) as session:
            self._login(session)
            agent = self._async_agent(session)
            result = await agent.authenticate_username_password(self.user, self._password)
        return self._take(result)

"""Tenant discovery: the tenant status endpoint (``api/state/<ctx>``) gives the tenant's
current Endpoint and State; a ``TenantLocator`` keeps it for sessions and asks again when it
may have changed."""

from __future__ import annotations

import re
import threading
import urllib.parse
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from enum import Enum
from typing import Any

import httpx

from .errors import LoginError, TenantUnavailable
from .login import asend, login_base_url, send

__all__ = ["TenantLocator", "TenantState", "TenantStatus", "atenant_state", "tenant_state"]


class TenantStatus(Enum):
    """The tenant status endpoint's State."""

    UNKNOWN = 0
    PROVISIONING = 1
    RUNNING = 2
    DELETED = 3
    SUSPENDED = 4  # APIs not available
    ONLINE_MAINTENANCE = 5  # API available
    OFFLINE_MAINTENANCE = 6  # APIs not available
    PROVISIONING_FAILED = 8
    DELETING = 10
    DELETE_FAILED = 11
    MIGRATION_PENDING = 12

    @classmethod
    def parse(cls, value: object) -> TenantStatus:
        if isinstance(value, int) and value in cls._value2member_map_:
            return cls(value)
        wanted = str(value).replace("_", "").lower()
        for status in cls:
            if status.name.replace("_", "").lower() == wanted:
                return status
        return cls.UNKNOWN


UNAVAILABLE = frozenset(
    {TenantStatus.SUSPENDED, TenantStatus.OFFLINE_MAINTENANCE, TenantStatus.DELETED}
)


@dataclass(frozen=True)
class TenantState:
    context_identifier: str
    endpoint: str  # the tenant root, e.g. https://online2.superoffice.com/Cust12345
    state: TenantStatus
    is_running: bool
    valid_until: datetime | None  # when to ask again
    api: str | None = None
    version: str | None = None


def _when(value: object) -> datetime | None:
    if not isinstance(value, str) or not value:
        return None
    # .NET writes 7 fraction digits and a Z; fromisoformat wants at most 6 before 3.11
    text = re.sub(r"(\.\d{6})\d+", r"\1", value.strip()).replace("Z", "+00:00")
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)


def _text(value: object) -> str | None:
    return value if isinstance(value, str) else None


def _state(context_identifier: str, reply: Any, raise_unavailable: bool) -> TenantState:
    if not isinstance(reply, dict) or not isinstance(reply.get("Endpoint"), str):
        raise LoginError(f"the tenant state of {context_identifier} holds no Endpoint")
    status = TenantStatus.parse(reply.get("State"))
    found = TenantState(
        context_identifier=str(reply.get("ContextIdentifier") or context_identifier),
        endpoint=str(reply["Endpoint"]).rstrip("/"),
        state=status,
        is_running=bool(reply.get("IsRunning")),
        valid_until=_when(reply.get("ValidUntil")),
        api=_text(reply.get("Api")),
        version=_text(reply.get("Version")),
    )
    if raise_unavailable and status in UNAVAILABLE:
        raise TenantUnavailable(found.context_identifier, status)
    return found


def _state_url(context_identifier: str, environment: str) -> str:
    ctx = urllib.parse.quote(context_identifier, safe="")
    return f"{login_base_url(environment)}/api/state/{ctx}"


def tenant_state(
    context_identifier: str,
    environment: str = "online",
    *,
    client: httpx.Client | None = None,
    raise_unavailable: bool = True,
) -> TenantState:
    """The tenant's current Endpoint and State; ``TenantUnavailable`` for a Suspended, Deleted
    or OfflineMaintenance tenant (unless ``raise_unavailable`` is false)."""
    url = _state_url(context_identifier, environment)
    reply = send(client, "GET", url, "tenant state", [], headers={"Accept": "application/json"})
    return _state(context_identifier, reply, raise_unavailable)


async def atenant_state(
    context_identifier: str,
    environment: str = "online",
    *,
    client: httpx.AsyncClient | None = None,
    raise_unavailable: bool = True,
) -> TenantState:
    url = _state_url(context_identifier, environment)
    headers = {"Accept": "application/json"}
    reply = await asend(client, "GET", url, "tenant state", [], headers=headers)
    return _state(context_identifier, reply, raise_unavailable)


class TenantLocator:
    """The tenant's endpoint for sessions: asked again when ValidUntil passes (or after
    ``max_age`` when the reply gives none), and after ``moved()`` (a 421 Misdirected Request,
    or a call the tenant's host could not take). A state that is not running is never kept:
    ``endpoint()`` asks again each time and raises ``TenantUnavailable`` naming the state
    until the tenant runs again."""

    def __init__(
        self,
        context_identifier: str,
        environment: str = "online",
        *,
        max_age: timedelta = timedelta(minutes=5),
        client: httpx.Client | None = None,
        async_client: httpx.AsyncClient | None = None,
    ) -> None:
        self.context_identifier = context_identifier
        self.environment = environment
        self.max_age = max_age
        self._client = client
        self._async_client = async_client
        self._lock = threading.Lock()
        self._state: TenantState | None = None
        self._until = datetime.min.replace(tzinfo=timezone.utc)

    def __repr__(self) -> str:
        return f"TenantLocator({self.context_identifier!r}, environment={self.environment!r})"

    def _cached(self) -> TenantState | None:
        with self._lock:
            if self._state is not None and datetime.now(timezone.utc) < self._until:
                return self._state
            return None

    def _keep(self, state: TenantState) -> TenantState:
        if state.is_running:
            until = state.valid_until or datetime.now(timezone.utc) + self.max_age
            with self._lock:
                self._state, self._until = state, until
        return state

    def _running(self, state: TenantState) -> str:
        if not state.is_running:
            raise TenantUnavailable(state.context_identifier, state.state)
        return state.endpoint

    def state(self) -> TenantState:
        cached = self._cached()
        if cached is not None:
            return cached
        return self._keep(
            tenant_state(self.context_identifier, self.environment, client=self._client)
        )

    async def astate(self) -> TenantState:
        cached = self._cached()
        if cached is not None:
            return cached
        found = await atenant_state(
            self.context_identifier, self.environment, client=self._async_client
        )
        return self._keep(found)

    def endpoint(self) -> str:
        """The running tenant's root URL; ``TenantUnavailable`` when it is not running."""
        return self._running(self.state())

    async def aendpoint(self) -> str:
        return self._running(await self.astate())

    def moved(self) -> None:
        """Forget the endpoint: the next ``endpoint()`` asks the state endpoint again."""
        with self._lock:
            self._state = None

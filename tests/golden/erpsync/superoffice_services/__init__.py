"""Typed SuperOffice clients, generated from SuperOffice's API reference docs.

NetServer SOAP versions: services86, services88. Each version is a subpackage
with one agent class per service (sync and asyncio) and a dataclass or enum per data contract::

    from superoffice_services import SoapSession
    from superoffice_services.services88 import ErpSyncAgent

    with SoapSession(base_url, ticket=ticket, application_token=token) as session:
        agent = ErpSyncAgent(session)

The WebAPI (REST, JSON) agents are in ``superoffice_services.webapi``, with ``WebApiSession``.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from ._runtime.credentials import (
    Credential,
    CredentialProvider,
    CredentialsRejected,
    StaticCredentials,
)
from ._runtime.errors import (
    HTTPStatusError,
    LoginError,
    LoginUnreachable,
    MissingExtra,
    ProtocolError,
    ReplyTooLarge,
    SerializationError,
    ServiceError,
    SoapFault,
    SuperOfficeError,
    SystemUserError,
    TenantUnavailable,
    TokenValidationError,
    TransportError,
    TransportTimeout,
)
from ._runtime.session import AsyncSoapSession, RetryPolicy, SoapSession
from ._runtime.soap import Reply, capture_replies

if TYPE_CHECKING:
    from ._runtime.oidc import LoopbackRedirect, OidcClient, OidcCredentials, pkce_pair
    from ._runtime.onsite import OnsiteCredentials
    from ._runtime.system_user import SystemUserCredentials
    from ._runtime.tenant import TenantLocator, TenantStatus, tenant_state

# loaded on first use: they import httpx and lxml, which a session delays until its first call
_LAZY = {
    "LoopbackRedirect": "oidc",
    "OidcClient": "oidc",
    "OidcCredentials": "oidc",
    "SystemUserCredentials": "system_user",
    "TenantLocator": "tenant",
    "TenantStatus": "tenant",
    "tenant_state": "tenant",
    "pkce_pair": "oidc",
    "OnsiteCredentials": "onsite",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(importlib.import_module(f"._runtime.{_LAZY[name]}", __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__version__ = "0.1.0+docs.da31c690f538"
VERSIONS = ("services86", "services88")

__all__ = [
    "AsyncSoapSession",
    "Credential",
    "CredentialProvider",
    "CredentialsRejected",
    "HTTPStatusError",
    "LoginError",
    "LoginUnreachable",
    "LoopbackRedirect",
    "MissingExtra",
    "OidcClient",
    "OidcCredentials",
    "OnsiteCredentials",
    "ProtocolError",
    "Reply",
    "ReplyTooLarge",
    "RetryPolicy",
    "SerializationError",
    "ServiceError",
    "SoapFault",
    "SoapSession",
    "StaticCredentials",
    "SuperOfficeError",
    "SystemUserCredentials",
    "SystemUserError",
    "TenantLocator",
    "TenantStatus",
    "TenantUnavailable",
    "TokenValidationError",
    "TransportError",
    "TransportTimeout",
    "VERSIONS",
    "capture_replies",
    "pkce_pair",
    "tenant_state",
]

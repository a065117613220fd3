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

from ._runtime.credentials import (
    Credential,
    CredentialProvider,
    CredentialsRejected,
    StaticCredentials,
)
from ._runtime.errors import (
    HTTPStatusError,
    ProtocolError,
    ReplyTooLarge,
    SerializationError,
    ServiceError,
    SoapFault,
    SuperOfficeError,
    TransportError,
    TransportTimeout,
)
from ._runtime.session import AsyncSoapSession, RetryPolicy, SoapSession
from ._runtime.soap import Reply, capture_replies

__version__ = "0.1.0+docs.da31c690f538"
VERSIONS = ("services86", "services88")

__all__ = [
    "AsyncSoapSession",
    "Credential",
    "CredentialProvider",
    "CredentialsRejected",
    "HTTPStatusError",
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
    "TransportError",
    "TransportTimeout",
    "VERSIONS",
    "capture_replies",
]

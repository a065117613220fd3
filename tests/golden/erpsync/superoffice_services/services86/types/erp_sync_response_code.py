"""ErpSyncResponseCode: an enumeration of Services86."""

from __future__ import annotations

from ..._runtime import wire
from .._schema import SCHEMA


class ErpSyncResponseCode(wire.XmlEnum):
    """The ErpSyncResponseCode enumeration."""

    NO_ERROR = "NoError"
    ERROR_CONNECTOR_HAS_CONNECTIONS = "ErrorConnectorHasConnections"
    ERROR_NOT_FOUND = "ErrorNotFound"


SCHEMA.define_enum(ErpSyncResponseCode)

"""ErpConnection: a data contract of Services88."""

from __future__ import annotations

from dataclasses import dataclass

from ..._runtime import wire
from .._schema import SCHEMA
from .carrier import Carrier


@dataclass(slots=True, kw_only=True)
class ErpConnection(Carrier):
    """The ErpConnection data contract of Services88."""

    erp_connection_id: int | None = None
    """Primary key"""

    erp_connector_id: int | None = None
    """The connector that this connection should call"""

    display_name: str | None = None
    """Connection name shown to user; multi-language support"""

    display_description: str | None = None
    """Tooltip/description shown to user; multi-language support"""

    active: bool | None = None
    """Is this connection currently active"""

    connection_id: str | None = None
    """The GUID that uniquely identifies this connection; passed to the Connector in every call"""

    most_recent_timestamp: str | None = None
    """Datetime, transaction number or other identification of the point in time of the
    most-recently seen actor in the ERP system
    """

    config_fields: dict[str, str] | None = None
    """The config fields needed to establish a connection to the connector"""

    deleted: bool | None = None
    """If true, the connection has been deleted and should not be shown to the users."""

    all_access: bool | None = None
    """Is this connection accessible to everyone? If not, then the ErpConnectionAccess table tells
    us who can access it
    """

    user_group_access_ids: list[int] | None = None
    """Array of ids containing usergroups that will have access to this connection."""

    associate_access_ids: list[int] | None = None
    """Array of ids containing associates that will have access to this connection."""


SCHEMA.define(
    ErpConnection,
    "ErpConnection",
    wire.Element("erp_connection_id", "ErpConnectionId", wire.INT),
    wire.Element("erp_connector_id", "ErpConnectorId", wire.INT),
    wire.Element("display_name", "DisplayName", wire.STRING, nillable=True),
    wire.Element("display_description", "DisplayDescription", wire.STRING, nillable=True),
    wire.Element("active", "Active", wire.BOOLEAN),
    wire.Element("connection_id", "ConnectionId", wire.STRING, nillable=True),
    wire.Element("most_recent_timestamp", "MostRecentTimestamp", wire.STRING, nillable=True),
    wire.Element(
        "config_fields",
        "ConfigFields",
        wire.DictOf("StringKeyValuePair", wire.STRING, wire.STRING),
        nillable=True,
    ),
    wire.Element("deleted", "Deleted", wire.BOOLEAN),
    wire.Element("all_access", "AllAccess", wire.BOOLEAN),
    wire.Element(
        "user_group_access_ids",
        "UserGroupAccessIds",
        wire.ArrayOf("int", wire.INT, namespace=wire.ARRAYS),
        nillable=True,
    ),
    wire.Element(
        "associate_access_ids",
        "AssociateAccessIds",
        wire.ArrayOf("int", wire.INT, namespace=wire.ARRAYS),
        nillable=True,
    ),
)

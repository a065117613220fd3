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
    erp_connector_id: int | None = None
    display_name: str | None = None
    display_description: str | None = None
    active: bool | None = None
    connection_id: str | None = None
    most_recent_timestamp: str | None = None
    config_fields: dict[str, str] | None = None
    deleted: bool | None = None
    all_access: bool | None = None
    user_group_access_ids: list[int] | None = None
    associate_access_ids: list[int] | None = None


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

"""ErpConnectionData: a data contract of Services86."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..._runtime import wire
from .._schema import SCHEMA
from .carrier import Carrier

if TYPE_CHECKING:
    from .crm_actor_type import CrmActorType
    from .erp_actor_type import ErpActorType
    from .field_metadata import FieldMetadata


@dataclass(slots=True, kw_only=True)
class ErpConnectionData(Carrier):
    """The ErpConnectionData data contract of Services86."""

    erp_connection_id: int | None = None
    connection_name: str | None = None
    connected: bool | None = None
    erp_fields: list[FieldMetadata] | None = None
    crm_actor_type: CrmActorType | None = None
    erp_actor_type: ErpActorType | None = None
    erp_actor_types: list[ErpActorType] | None = None


SCHEMA.define(
    ErpConnectionData,
    "ErpConnectionData",
    wire.Element("erp_connection_id", "ErpConnectionId", wire.INT),
    wire.Element("connection_name", "ConnectionName", wire.STRING, nillable=True),
    wire.Element("connected", "Connected", wire.BOOLEAN),
    wire.Element(
        "erp_fields",
        "ErpFields",
        wire.ArrayOf("FieldMetadata", "FieldMetadata", nillable=True),
        nillable=True,
    ),
    wire.Element("crm_actor_type", "CrmActorType", "CrmActorType"),
    wire.Element("erp_actor_type", "ErpActorType", "ErpActorType"),
    wire.Element(
        "erp_actor_types",
        "ErpActorTypes",
        wire.ArrayOf("ErpActorType", "ErpActorType"),
        nillable=True,
    ),
)

"""ErpSyncActorTypeMapping: a data contract of Services88."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..._runtime import wire
from .._schema import SCHEMA
from .carrier import Carrier

if TYPE_CHECKING:
    from .crm_actor_type import CrmActorType
    from .erp_actor_type import ErpActorType
    from .erp_sync_field_mapping import ErpSyncFieldMapping


@dataclass(slots=True, kw_only=True)
class ErpSyncActorTypeMapping(Carrier):
    """The ErpSyncActorTypeMapping data contract of Services88."""

    erp_connection_id: int | None = None
    """Primary key"""

    is_active: bool | None = None
    """Is this sync mapping active"""

    field_mappings: list[ErpSyncFieldMapping] | None = None
    """Array of individual field mappings; explicitly map to empty CrmFieldKey to indicate non-sync
    """

    actor_type_erp: ErpActorType | None = None
    """The actor type (ERP side)"""

    actor_type_crm: CrmActorType | None = None
    """The actor type (CRM side)"""


SCHEMA.define(
    ErpSyncActorTypeMapping,
    "ErpSyncActorTypeMapping",
    wire.Element("erp_connection_id", "ErpConnectionId", wire.INT),
    wire.Element("is_active", "IsActive", wire.BOOLEAN),
    wire.Element(
        "field_mappings",
        "FieldMappings",
        wire.ArrayOf("ErpSyncFieldMapping", "ErpSyncFieldMapping", nillable=True),
        nillable=True,
    ),
    wire.Element("actor_type_erp", "ActorTypeErp", "ErpActorType"),
    wire.Element("actor_type_crm", "ActorTypeCrm", "CrmActorType"),
)

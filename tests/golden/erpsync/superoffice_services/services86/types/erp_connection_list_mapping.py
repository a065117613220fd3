"""ErpConnectionListMapping: a data contract of Services86."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..._runtime import wire
from .._schema import SCHEMA
from .carrier import Carrier

if TYPE_CHECKING:
    from .erp_crm_list_item_mapping import ErpCrmListItemMapping
    from .mdo_list_item import MDOListItem


@dataclass(slots=True, kw_only=True)
class ErpConnectionListMapping(Carrier):
    """The ErpConnectionListMapping data contract of Services86."""

    crm_list: MDOListItem | None = None
    erp_list_name: str | None = None
    erp_crm_list_item_mappings: list[ErpCrmListItemMapping] | None = None
    erp_actor_type_name: str | None = None
    erp_field_id: int | None = None


SCHEMA.define(
    ErpConnectionListMapping,
    "ErpConnectionListMapping",
    wire.Element("crm_list", "CrmList", "MDOListItem", nillable=True),
    wire.Element("erp_list_name", "ErpListName", wire.STRING, nillable=True),
    wire.Element(
        "erp_crm_list_item_mappings",
        "ErpCrmListItemMappings",
        wire.ArrayOf("ErpCrmListItemMapping", "ErpCrmListItemMapping", nillable=True),
        nillable=True,
    ),
    wire.Element("erp_actor_type_name", "ErpActorTypeName", wire.STRING, nillable=True),
    wire.Element("erp_field_id", "ErpFieldId", wire.INT),
)

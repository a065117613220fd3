"""ErpCrmListItemMapping: a data contract of Services86."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..._runtime import wire
from .._schema import SCHEMA
from .carrier import Carrier

if TYPE_CHECKING:
    from .mdo_list_item import MDOListItem


@dataclass(slots=True, kw_only=True)
class ErpCrmListItemMapping(Carrier):
    """The ErpCrmListItemMapping data contract of Services86."""

    erp_list_item_id: str | None = None
    erp_list_item_name: str | None = None
    crm_list_item: MDOListItem | None = None


SCHEMA.define(
    ErpCrmListItemMapping,
    "ErpCrmListItemMapping",
    wire.Element("erp_list_item_id", "ErpListItemId", wire.STRING, nillable=True),
    wire.Element("erp_list_item_name", "ErpListItemName", wire.STRING, nillable=True),
    wire.Element("crm_list_item", "CrmListItem", "MDOListItem", nillable=True),
)

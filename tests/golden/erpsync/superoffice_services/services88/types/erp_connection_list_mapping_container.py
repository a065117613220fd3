"""ErpConnectionListMappingContainer: a data contract of Services88."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..._runtime import wire
from .._schema import SCHEMA
from .carrier import Carrier

if TYPE_CHECKING:
    from .erp_connection_list_mapping import ErpConnectionListMapping


@dataclass(slots=True, kw_only=True)
class ErpConnectionListMappingContainer(Carrier):
    """The ErpConnectionListMappingContainer data contract of Services88."""

    erp_list_item_mappings: list[ErpConnectionListMapping] | None = None
    """Array of ErpConnectionListMapping"""

    erp_connection_id: int | None = None
    """Primary key"""

    erp_connection_name: str | None = None
    """The name of the erp connection"""


SCHEMA.define(
    ErpConnectionListMappingContainer,
    "ErpConnectionListMappingContainer",
    wire.Element(
        "erp_list_item_mappings",
        "ErpListItemMappings",
        wire.ArrayOf("ErpConnectionListMapping", "ErpConnectionListMapping", nillable=True),
        nillable=True,
    ),
    wire.Element("erp_connection_id", "ErpConnectionId", wire.INT),
    wire.Element("erp_connection_name", "ErpConnectionName", wire.STRING, nillable=True),
)

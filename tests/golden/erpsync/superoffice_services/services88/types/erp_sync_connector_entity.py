"""ErpSyncConnectorEntity: a data contract of Services88."""

from __future__ import annotations

from dataclasses import dataclass

from ..._runtime import wire
from .._schema import SCHEMA
from .carrier import Carrier


@dataclass(slots=True, kw_only=True)
class ErpSyncConnectorEntity(Carrier):
    """The ErpSyncConnectorEntity data contract of Services88."""

    erp_connector_id: int | None = None
    """Primary key"""

    display_name: str | None = None
    """Name shown in the list"""

    url: str | None = None
    """The URL where the connector is located and can be called"""

    deleted: bool | None = None
    """True if the connector is deleted"""


SCHEMA.define(
    ErpSyncConnectorEntity,
    "ErpSyncConnectorEntity",
    wire.Element("erp_connector_id", "ErpConnectorId", wire.INT),
    wire.Element("display_name", "DisplayName", wire.STRING, nillable=True),
    wire.Element("url", "URL", wire.STRING, nillable=True),
    wire.Element("deleted", "Deleted", wire.BOOLEAN),
)

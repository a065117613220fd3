"""ErpSyncConnectorEntity: a data contract of Services86."""

from __future__ import annotations

from dataclasses import dataclass

from ..._runtime import wire
from .._schema import SCHEMA
from .carrier import Carrier


@dataclass(slots=True, kw_only=True)
class ErpSyncConnectorEntity(Carrier):
    """The ErpSyncConnectorEntity data contract of Services86."""

    erp_connector_id: int | None = None
    display_name: str | None = None
    url: str | None = None
    deleted: bool | None = None


SCHEMA.define(
    ErpSyncConnectorEntity,
    "ErpSyncConnectorEntity",
    wire.Element("erp_connector_id", "ErpConnectorId", wire.INT),
    wire.Element("display_name", "DisplayName", wire.STRING, nillable=True),
    wire.Element("url", "URL", wire.STRING, nillable=True),
    wire.Element("deleted", "Deleted", wire.BOOLEAN),
)

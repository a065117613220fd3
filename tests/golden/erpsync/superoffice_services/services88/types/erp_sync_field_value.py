"""ErpSyncFieldValue: a data contract of Services88."""

from __future__ import annotations

from dataclasses import dataclass

from ..._runtime import wire
from .._schema import SCHEMA
from .carrier import Carrier


@dataclass(slots=True, kw_only=True)
class ErpSyncFieldValue(Carrier):
    """The ErpSyncFieldValue data contract of Services88."""

    display_name: str | None = None
    crm_field_key: str | None = None
    value: str | None = None
    display_value: str | None = None
    sync_to_crm: bool | None = None
    sync_to_erp: bool | None = None


SCHEMA.define(
    ErpSyncFieldValue,
    "ErpSyncFieldValue",
    wire.Element("display_name", "DisplayName", wire.STRING, nillable=True),
    wire.Element("crm_field_key", "CrmFieldKey", wire.STRING, nillable=True),
    wire.Element("value", "Value", wire.STRING, nillable=True),
    wire.Element("display_value", "DisplayValue", wire.STRING, nillable=True),
    wire.Element("sync_to_crm", "SyncToCrm", wire.BOOLEAN),
    wire.Element("sync_to_erp", "SyncToErp", wire.BOOLEAN),
)

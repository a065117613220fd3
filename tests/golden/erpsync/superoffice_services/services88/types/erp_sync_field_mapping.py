"""ErpSyncFieldMapping: a data contract of Services88."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..._runtime import wire
from .._schema import SCHEMA
from .carrier import Carrier

if TYPE_CHECKING:
    from .field_access import FieldAccess
    from .field_metadata_type import FieldMetadataType


@dataclass(slots=True, kw_only=True)
class ErpSyncFieldMapping(Carrier):
    """The ErpSyncFieldMapping data contract of Services88."""

    erp_field_id: int | None = None
    crm_field_key: str | None = None
    crm_display_name: str | None = None
    crm_display_tooltip: str | None = None
    erp_field_key: str | None = None
    field_type: FieldMetadataType | None = None
    erp_display_name: str | None = None
    erp_display_tooltip: str | None = None
    sync_to_crm: bool | None = None
    sync_to_erp: bool | None = None
    show_in_gui: bool | None = None
    show_in_search: bool | None = None
    already_mapped: bool | None = None
    missing_in_erp: bool | None = None
    missing_in_crm: bool | None = None
    access: FieldAccess | None = None
    list_reference: str | None = None


SCHEMA.define(
    ErpSyncFieldMapping,
    "ErpSyncFieldMapping",
    wire.Element("erp_field_id", "ErpFieldId", wire.INT),
    wire.Element("crm_field_key", "CrmFieldKey", wire.STRING, nillable=True),
    wire.Element("crm_display_name", "CrmDisplayName", wire.STRING, nillable=True),
    wire.Element("crm_display_tooltip", "CrmDisplayTooltip", wire.STRING, nillable=True),
    wire.Element("erp_field_key", "ErpFieldKey", wire.STRING, nillable=True),
    wire.Element("field_type", "FieldType", "FieldMetadataType"),
    wire.Element("erp_display_name", "ErpDisplayName", wire.STRING, nillable=True),
    wire.Element("erp_display_tooltip", "ErpDisplayTooltip", wire.STRING, nillable=True),
    wire.Element("sync_to_crm", "SyncToCrm", wire.BOOLEAN),
    wire.Element("sync_to_erp", "SyncToErp", wire.BOOLEAN),
    wire.Element("show_in_gui", "ShowInGui", wire.BOOLEAN),
    wire.Element("show_in_search", "ShowInSearch", wire.BOOLEAN),
    wire.Element("already_mapped", "AlreadyMapped", wire.BOOLEAN),
    wire.Element("missing_in_erp", "MissingInERP", wire.BOOLEAN),
    wire.Element("missing_in_crm", "MissingInCRM", wire.BOOLEAN),
    wire.Element("access", "Access", "FieldAccess"),
    wire.Element("list_reference", "ListReference", wire.STRING, nillable=True),
)

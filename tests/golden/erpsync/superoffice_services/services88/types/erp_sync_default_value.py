"""ErpSyncDefaultValue: a data contract of Services88."""

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
class ErpSyncDefaultValue(Carrier):
    """The ErpSyncDefaultValue data contract of Services88."""

    erp_field_id: int | None = None
    default_value: str | None = None
    has_first_sync_default_value: bool | None = None
    first_sync_default_value: str | None = None
    prompt_user: bool | None = None
    mandatory: bool | None = None
    erp_field_key: str | None = None
    field_type: FieldMetadataType | None = None
    list_name: str | None = None
    access: FieldAccess | None = None


SCHEMA.define(
    ErpSyncDefaultValue,
    "ErpSyncDefaultValue",
    wire.Element("erp_field_id", "ErpFieldId", wire.INT),
    wire.Element("default_value", "DefaultValue", wire.STRING, nillable=True),
    wire.Element("has_first_sync_default_value", "HasFirstSyncDefaultValue", wire.BOOLEAN),
    wire.Element("first_sync_default_value", "FirstSyncDefaultValue", wire.STRING, nillable=True),
    wire.Element("prompt_user", "PromptUser", wire.BOOLEAN),
    wire.Element("mandatory", "Mandatory", wire.BOOLEAN),
    wire.Element("erp_field_key", "ErpFieldKey", wire.STRING, nillable=True),
    wire.Element("field_type", "FieldType", "FieldMetadataType"),
    wire.Element("list_name", "ListName", wire.STRING, nillable=True),
    wire.Element("access", "Access", "FieldAccess"),
)

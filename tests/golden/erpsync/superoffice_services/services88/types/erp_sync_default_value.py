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
    """Primary key"""

    default_value: str | None = None
    """Default value, stored using CultureDataFormatter format if it is not a string"""

    has_first_sync_default_value: bool | None = None
    """Should a default value be set on first sync"""

    first_sync_default_value: str | None = None
    """The default value to be set, can be blank"""

    prompt_user: bool | None = None
    """Should the field be shown in the first-sync GUI; independent of whether a default value
    should be set
    """

    mandatory: bool | None = None
    """Should the user be forced to set a value (the Erp Connector may declare fields mandatory as
    well)
    """

    erp_field_key: str | None = None
    """The ERP field key"""

    field_type: FieldMetadataType | None = None
    """Field type"""

    list_name: str | None = None
    """The ERP list name, if the field has a list of values supplied by the ERP Connector"""

    access: FieldAccess | None = None
    """Access restrictions for the field"""


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

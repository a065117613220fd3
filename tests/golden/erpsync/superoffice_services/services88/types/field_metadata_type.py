"""FieldMetadataType: an enumeration of Services88."""

from __future__ import annotations

from ..._runtime import wire
from .._schema import SCHEMA


class FieldMetadataType(wire.XmlEnum):
    """The FieldMetadataType enumeration."""

    CHECKBOX = "Checkbox"
    TEXT = "Text"
    PASSWORD = "Password"
    INTEGER = "Integer"
    DOUBLE = "Double"
    LIST = "List"
    DATE = "Date"
    LABEL = "Label"


SCHEMA.define_enum(FieldMetadataType)

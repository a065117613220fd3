"""FieldAccess: an enumeration of Services88."""

from __future__ import annotations

from ..._runtime import wire
from .._schema import SCHEMA


class FieldAccess(wire.XmlEnum):
    """The FieldAccess enumeration."""

    NORMAL = "Normal"
    MANDATORY = "Mandatory"
    READ_ONLY = "ReadOnly"


SCHEMA.define_enum(FieldAccess)

"""CrmActorType: an enumeration of Services86."""

from __future__ import annotations

from ..._runtime import wire
from .._schema import SCHEMA


class CrmActorType(wire.XmlEnum):
    """The CrmActorType enumeration."""

    UNKNOWN = "Unknown"
    CONTACT = "Contact"
    PERSON = "Person"
    PROJECT = "Project"
    SALE = "Sale"


SCHEMA.define_enum(CrmActorType)

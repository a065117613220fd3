"""ErpActorType: an enumeration of Services86."""

from __future__ import annotations

from ..._runtime import wire
from .._schema import SCHEMA


class ErpActorType(wire.XmlEnum):
    """The ErpActorType enumeration."""

    UNKNOWN = "Unknown"
    CUSTOMER = "Customer"
    SUPPLIER = "Supplier"
    PARTNER = "Partner"
    PERSON = "Person"
    PROJECT = "Project"
    EMPLOYEE = "Employee"
    SALE = "Sale"


SCHEMA.define_enum(ErpActorType)

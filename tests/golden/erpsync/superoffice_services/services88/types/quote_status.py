"""QuoteStatus: an enumeration of Services88."""

from __future__ import annotations

from ..._runtime import wire
from .._schema import SCHEMA


class QuoteStatus(wire.XmlEnum):
    """The QuoteStatus enumeration."""

    OK = "Ok"
    OK_WITH_INFO = "OkWithInfo"
    WARNING = "Warning"
    ERROR = "Error"


SCHEMA.define_enum(QuoteStatus)

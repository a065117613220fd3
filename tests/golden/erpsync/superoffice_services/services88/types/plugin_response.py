"""PluginResponse: a data contract of Services88."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..._runtime import wire
from .._schema import SCHEMA
from .carrier import Carrier

if TYPE_CHECKING:
    from .changed_data import ChangedData
    from .quote_status import QuoteStatus


@dataclass(slots=True, kw_only=True)
class PluginResponse(Carrier):
    """The PluginResponse data contract of Services88."""

    is_ok: bool | None = None
    """Answer to the question / An indication if the operation went well. Equivalent to Status !=
    Error
    """

    user_explanation: str | None = None
    """A localized explanation to the answer. Text here is displayed to the user."""

    tech_explanation: str | None = None
    """Always in English"""

    error_code: str | None = None
    """An error code, if available."""

    changes: ChangedData | None = None
    """Tablename/recordid of data changed by this method, that the client may need to reload"""

    status: QuoteStatus | None = None
    """QuoteStatus = Ok / OkWithInfo / Warn / Error. Error implies IsOk = false."""


SCHEMA.define(
    PluginResponse,
    "PluginResponse",
    wire.Element("is_ok", "IsOk", wire.BOOLEAN),
    wire.Element("user_explanation", "UserExplanation", wire.STRING, nillable=True),
    wire.Element("tech_explanation", "TechExplanation", wire.STRING, nillable=True),
    wire.Element("error_code", "ErrorCode", wire.STRING, nillable=True),
    wire.Element("changes", "Changes", "ChangedData", nillable=True),
    wire.Element("status", "Status", "QuoteStatus"),
)

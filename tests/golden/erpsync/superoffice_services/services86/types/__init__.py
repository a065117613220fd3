"""The data contracts of Services86: 32 classes, one module each, loaded on
first use so that importing one agent does not create every class of the version."""

from __future__ import annotations

import importlib
from typing import Any

from .._schema import SCHEMA

__all__ = [
    "Carrier",
    "ChangedData",
    "ChangedDataItem",
    "CrmActorType",
    "EFieldRight",
    "ErpActorType",
    "ErpConnection",
    "ErpConnectionData",
    "ErpConnectionListMapping",
    "ErpConnectionListMappingContainer",
    "ErpCrmListItemMapping",
    "ErpSyncActorSummary",
    "ErpSyncActorTypeMapping",
    "ErpSyncConnectionSummary",
    "ErpSyncConnectorEntity",
    "ErpSyncDefaultValue",
    "ErpSyncEngineStatus",
    "ErpSyncFieldMapping",
    "ErpSyncFieldValue",
    "ErpSyncResponseCode",
    "ETableRight",
    "FieldAccess",
    "FieldMetadata",
    "FieldMetadataType",
    "FieldProperty",
    "FieldRight",
    "MDOListItem",
    "PluginResponse",
    "SoCredentials",
    "SoExceptionInfo",
    "SoTimeZone",
    "TableRight",
]


def __getattr__(name: str) -> Any:
    module = SCHEMA.modules.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return list(__all__)

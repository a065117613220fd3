"""SuperOffice NetServer Services86: 1 agents, 44 operations.

Agents and data contracts are loaded on first use::

    from superoffice_services.services86 import ErpSyncAgent
"""

from __future__ import annotations

import importlib
from typing import Any

from ._schema import SCHEMA

_AGENTS = {
    "ErpSyncAgent": "erp_sync",
    "AsyncErpSyncAgent": "erp_sync",
}

__all__ = [
    "AsyncErpSyncAgent",
    "Carrier",
    "ChangedData",
    "ChangedDataItem",
    "CrmActorType",
    "EFieldRight",
    "ETableRight",
    "ErpActorType",
    "ErpConnection",
    "ErpConnectionData",
    "ErpConnectionListMapping",
    "ErpConnectionListMappingContainer",
    "ErpCrmListItemMapping",
    "ErpSyncActorSummary",
    "ErpSyncActorTypeMapping",
    "ErpSyncAgent",
    "ErpSyncConnectionSummary",
    "ErpSyncConnectorEntity",
    "ErpSyncDefaultValue",
    "ErpSyncEngineStatus",
    "ErpSyncFieldMapping",
    "ErpSyncFieldValue",
    "ErpSyncResponseCode",
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
    module = _AGENTS.get(name)
    if module is not None:
        value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    elif name in SCHEMA.modules:
        value = getattr(importlib.import_module(f"{__name__}.types"), name)
    else:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return list(__all__)

"""The ErpSync agent of the WebAPI: 49 endpoints."""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING

from .._runtime import rest, wire
from .._runtime.rest import AsyncWebApiAgent, CallOptions, Endpoint, Select, WebApiAgent
from ..services88._schema import SCHEMA

if TYPE_CHECKING:
    from ..services88.types.crm_actor_type import CrmActorType
    from ..services88.types.erp_actor_type import ErpActorType
    from ..services88.types.erp_connection import ErpConnection
    from ..services88.types.erp_connection_data import ErpConnectionData
    from ..services88.types.erp_connection_list_mapping_container import (
        ErpConnectionListMappingContainer,
    )
    from ..services88.types.erp_sync_actor_type_mapping import ErpSyncActorTypeMapping
    from ..services88.types.erp_sync_connection_summary import ErpSyncConnectionSummary
    from ..services88.types.erp_sync_connector_entity import ErpSyncConnectorEntity
    from ..services88.types.erp_sync_default_value import ErpSyncDefaultValue
    from ..services88.types.erp_sync_engine_status import ErpSyncEngineStatus
    from ..services88.types.erp_sync_field_value import ErpSyncFieldValue
    from ..services88.types.erp_sync_response_code import ErpSyncResponseCode
    from ..services88.types.field_metadata import FieldMetadata
    from ..services88.types.list_item import ListItem
    from ..services88.types.plugin_response import PluginResponse


_BREAK_ACTOR_LINK: Endpoint[bool] = Endpoint(
    SCHEMA,
    "ErpSync/BreakActorLink",
    rest.prop(wire.Element("erp_connection_id", "ErpConnectionId", wire.INT)),
    rest.prop(wire.Element("crm_record_id", "CrmRecordId", wire.INT)),
    rest.prop(wire.Element("crm_actor_type", "CrmActorType", "CrmActorType")),
    returns=wire.Element("response", "Response", wire.BOOLEAN),
    select=True,
)


_CAN_DELETE_ERP_SYNC_CONNECTOR_ENTITY: Endpoint[ErpSyncResponseCode] = Endpoint(
    SCHEMA,
    "ErpSync/CanDeleteErpSyncConnectorEntity",
    rest.prop(wire.Element("erp_sync_connector_id", "ErpSyncConnectorId", wire.INT)),
    returns=wire.Element("response", "Response", "ErpSyncResponseCode"),
    select=True,
)


_CHANGE_ENGINE_INTERVAL: Endpoint[None] = Endpoint(
    SCHEMA,
    "ErpSync/ChangeEngineInterval",
    rest.prop(wire.Element("interval", "Interval", wire.DURATION)),
    select=True,
)


_CHANGE_ENGINE_STATUS: Endpoint[ErpSyncEngineStatus | None] = Endpoint(
    SCHEMA,
    "ErpSync/ChangeEngineStatus",
    rest.prop(wire.Element("run", "Run", wire.BOOLEAN)),
    returns=wire.Element("response", "Response", "ErpSyncEngineStatus", nillable=True),
    select=True,
)


_CONNECT_ACTOR: Endpoint[None] = Endpoint(
    SCHEMA,
    "ErpSync/ConnectActor",
    rest.prop(wire.Element("erp_connection_id", "ErpConnectionId", wire.INT)),
    rest.prop(wire.Element("crm_record_id", "CrmRecordId", wire.INT)),
    rest.prop(wire.Element("crm_actor_type", "CrmActorType", "CrmActorType")),
    rest.prop(wire.Element("erp_key", "ErpKey", wire.STRING, nillable=True)),
    rest.prop(wire.Element("erp_actor_type", "ErpActorType", "ErpActorType")),
    rest.prop(
        wire.Element(
            "field_values",
            "FieldValues",
            wire.ArrayOf("ErpSyncFieldValue", "ErpSyncFieldValue", nillable=True),
            nillable=True,
        )
    ),
    select=True,
)


_CREATE_ACTOR_LINK: Endpoint[bool] = Endpoint(
    SCHEMA,
    "ErpSync/CreateActorLink",
    rest.prop(wire.Element("erp_connection_id", "ErpConnectionId", wire.INT)),
    rest.prop(wire.Element("crm_record_id", "CrmRecordId", wire.INT)),
    rest.prop(wire.Element("crm_actor_type", "CrmActorType", "CrmActorType")),
    rest.prop(wire.Element("erp_key", "ErpKey", wire.STRING, nillable=True)),
    rest.prop(wire.Element("erp_actor_type", "ErpActorType", "ErpActorType")),
    returns=wire.Element("response", "Response", wire.BOOLEAN),
    select=True,
)


_CREATE_DEFAULT_ERP_SYNC_CONNECTOR_ENTITY: Endpoint[ErpSyncConnectorEntity | None] = Endpoint(
    SCHEMA,
    "ErpSync/CreateDefaultErpSyncConnectorEntity",
    returns=wire.Element("response", "Response", "ErpSyncConnectorEntity", nillable=True),
)


_CREATE_ERP_ACTOR_FROM_CRM: Endpoint[bool] = Endpoint(
    SCHEMA,
    "ErpSync/CreateErpActorFromCrm",
    rest.prop(wire.Element("connection_id", "ConnectionId", wire.INT)),
    rest.prop(wire.Element("crm_entity_id", "CrmEntityId", wire.INT)),
    rest.prop(wire.Element("erp_actor_type", "ErpActorType", "ErpActorType")),
    rest.prop(wire.Element("crm_actor_type", "CrmActorType", "CrmActorType")),
    rest.prop(
        wire.Element(
            "erp_field_key_values",
            "ErpFieldKeyValues",
            wire.DictOf("StringKeyValuePair", wire.STRING, wire.STRING),
            nillable=True,
        )
    ),
    returns=wire.Element("response", "Response", wire.BOOLEAN),
    select=True,
)


_DELETE_CONNECTION: Endpoint[None] = Endpoint(
    SCHEMA,
    "ErpSync/DeleteConnection",
    rest.prop(wire.Element("erp_connection_id", "ErpConnectionId", wire.INT)),
    select=True,
)


_DELETE_ERP_SYNC_CONNECTOR_ENTITY: Endpoint[None] = Endpoint(
    SCHEMA,
    "ErpSync/DeleteErpSyncConnectorEntity",
    rest.query(
        wire.Element(
            "erp_sync_connector_entity_id", "ErpSyncConnectorEntityId", wire.INT, required=True
        )
    ),
)


_FORCE_RESYNC: Endpoint[PluginResponse | None] = Endpoint(
    SCHEMA,
    "ErpSync/ForceResync",
    rest.prop(wire.Element("erp_connection_id", "ErpConnectionId", wire.INT)),
    rest.prop(
        wire.Element(
            "internal_key_ids",
            "InternalKeyIds",
            wire.ArrayOf("int", wire.INT, namespace=wire.ARRAYS),
            nillable=True,
        )
    ),
    returns=wire.Element("response", "Response", "PluginResponse", nillable=True),
    select=True,
)


_FORCE_RESYNC_BATCH_TASK: Endpoint[None] = Endpoint(
    SCHEMA,
    "ErpSync/ForceResyncBatchTask",
    rest.prop(wire.Element("erp_connection_id", "ErpConnectionId", wire.INT)),
    rest.prop(
        wire.Element(
            "internal_key_ids",
            "InternalKeyIds",
            wire.ArrayOf("int", wire.INT, namespace=wire.ARRAYS),
            nillable=True,
        )
    ),
    select=True,
)


_FORCE_RESYNC_EXTERNAL: Endpoint[PluginResponse | None] = Endpoint(
    SCHEMA,
    "ErpSync/ForceResyncExternal",
    rest.prop(wire.Element("erp_connection_id", "ErpConnectionId", wire.INT)),
    rest.prop(wire.Element("erp_actor_type", "ErpActorType", "ErpActorType")),
    rest.prop(
        wire.Element(
            "external_keys",
            "ExternalKeys",
            wire.ArrayOf("string", wire.STRING, namespace=wire.ARRAYS, nillable=True),
            nillable=True,
        )
    ),
    returns=wire.Element("response", "Response", "PluginResponse", nillable=True),
    select=True,
)


_FORCE_RESYNC_EXTERNAL_NO_BLANK_VALUES: Endpoint[PluginResponse | None] = Endpoint(
    SCHEMA,
    "ErpSync/ForceResyncExternalNoBlankValues",
    rest.prop(wire.Element("erp_connection_id", "ErpConnectionId", wire.INT)),
    rest.prop(wire.Element("erp_actor_type", "ErpActorType", "ErpActorType")),
    rest.prop(
        wire.Element(
            "external_keys",
            "ExternalKeys",
            wire.ArrayOf("string", wire.STRING, namespace=wire.ARRAYS, nillable=True),
            nillable=True,
        )
    ),
    returns=wire.Element("response", "Response", "PluginResponse", nillable=True),
    select=True,
)


_FORCE_RESYNC_NO_BLANK_VALUES: Endpoint[PluginResponse | None] = Endpoint(
    SCHEMA,
    "ErpSync/ForceResyncNoBlankValues",
    rest.prop(wire.Element("erp_connection_id", "ErpConnectionId", wire.INT)),
    rest.prop(
        wire.Element(
            "internal_key_ids",
            "InternalKeyIds",
            wire.ArrayOf("int", wire.INT, namespace=wire.ARRAYS),
            nillable=True,
        )
    ),
    returns=wire.Element("response", "Response", "PluginResponse", nillable=True),
    select=True,
)


_FORCE_SYNC_ALL: Endpoint[PluginResponse | None] = Endpoint(
    SCHEMA,
    "ErpSync/ForceSyncAll",
    returns=wire.Element("response", "Response", "PluginResponse", nillable=True),
    select=True,
)


_GET_ACTOR_TYPE_MAPPING: Endpoint[ErpSyncActorTypeMapping | None] = Endpoint(
    SCHEMA,
    "ErpSync/GetActorTypeMapping",
    rest.prop(wire.Element("erp_connection_id", "ErpConnectionId", wire.INT)),
    rest.prop(wire.Element("actor_type", "ActorType", "ErpActorType")),
    returns=wire.Element("response", "Response", "ErpSyncActorTypeMapping", nillable=True),
    select=True,
)


_GET_ALL_CONNECTIONS: Endpoint[list[ErpConnection] | None] = Endpoint(
    SCHEMA,
    "ErpSync/GetAllConnections",
    rest.prop(wire.Element("include_deleted", "IncludeDeleted", wire.BOOLEAN)),
    returns=wire.Element(
        "response",
        "Response",
        wire.ArrayOf("ErpConnection", "ErpConnection", nillable=True),
        nillable=True,
    ),
    select=True,
)


_GET_ALL_CONNECTORS: Endpoint[list[ListItem] | None] = Endpoint(
    SCHEMA,
    "ErpSync/GetAllConnectors",
    returns=wire.Element(
        "response", "Response", wire.ArrayOf("ListItem", "ListItem", nillable=True), nillable=True
    ),
    select=True,
)


_GET_CONFIGURATION_FIELDS: Endpoint[list[FieldMetadata] | None] = Endpoint(
    SCHEMA,
    "ErpSync/GetConfigurationFields",
    rest.prop(wire.Element("erp_connector_id", "ErpConnectorId", wire.INT)),
    returns=wire.Element(
        "response",
        "Response",
        wire.ArrayOf("FieldMetadata", "FieldMetadata", nillable=True),
        nillable=True,
    ),
    select=True,
)


_GET_CONNECTION: Endpoint[ErpConnection | None] = Endpoint(
    SCHEMA,
    "ErpSync/GetConnection",
    rest.prop(wire.Element("erp_connection_id", "ErpConnectionId", wire.INT)),
    returns=wire.Element("response", "Response", "ErpConnection", nillable=True),
    select=True,
)


_GET_CONNECTION_LIST_MAPPINGS: Endpoint[ErpConnectionListMappingContainer | None] = Endpoint(
    SCHEMA,
    "ErpSync/GetConnectionListMappings",
    rest.prop(wire.Element("erp_connection_id", "ErpConnectionId", wire.INT)),
    returns=wire.Element(
        "response", "Response", "ErpConnectionListMappingContainer", nillable=True
    ),
    select=True,
)


_GET_CONNECTIONS_AND_DISPLAY_FIELDS: Endpoint[list[ErpConnectionData] | None] = Endpoint(
    SCHEMA,
    "ErpSync/GetConnectionsAndDisplayFields",
    rest.prop(wire.Element("crm_actor_type", "CrmActorType", "CrmActorType")),
    rest.prop(wire.Element("entity_id", "EntityId", wire.INT)),
    returns=wire.Element(
        "response",
        "Response",
        wire.ArrayOf("ErpConnectionData", "ErpConnectionData", nillable=True),
        nillable=True,
    ),
    select=True,
)


_GET_CRM_ACTOR_TYPE: Endpoint[CrmActorType] = Endpoint(
    SCHEMA,
    "ErpSync/GetCrmActorType",
    rest.prop(wire.Element("erp_connection_id", "ErpConnectionId", wire.INT)),
    rest.prop(wire.Element("erp_actor_type", "ErpActorType", "ErpActorType")),
    returns=wire.Element("response", "Response", "CrmActorType"),
    select=True,
)


_GET_DEFAULT_VALUE_INFO: Endpoint[ErpSyncDefaultValue | None] = Endpoint(
    SCHEMA,
    "ErpSync/GetDefaultValueInfo",
    rest.prop(wire.Element("erp_field_id", "ErpFieldId", wire.INT)),
    returns=wire.Element("response", "Response", "ErpSyncDefaultValue", nillable=True),
    select=True,
)


_GET_ENGINE_STATUS: Endpoint[ErpSyncEngineStatus | None] = Endpoint(
    SCHEMA,
    "ErpSync/GetEngineStatus",
    returns=wire.Element("response", "Response", "ErpSyncEngineStatus", nillable=True),
    select=True,
)


_GET_ERP_CONNECTION_CONFIG_FIELDS: Endpoint[dict[str, str] | None] = Endpoint(
    SCHEMA,
    "ErpSync/GetErpConnectionConfigFields",
    rest.prop(wire.Element("erp_connection_id", "ErpConnectionId", wire.INT)),
    returns=wire.Element(
        "response",
        "Response",
        wire.DictOf("StringKeyValuePair", wire.STRING, wire.STRING),
        nillable=True,
    ),
    select=True,
)


_GET_ERP_FIELD_VALUES: Endpoint[list[str] | None] = Endpoint(
    SCHEMA,
    "ErpSync/GetErpFieldValues",
    rest.prop(wire.Element("erp_connection_id", "ErpConnectionId", wire.INT)),
    rest.prop(wire.Element("crm_actor_type", "CrmActorType", "CrmActorType")),
    rest.prop(wire.Element("entity_id", "EntityId", wire.INT)),
    rest.prop(
        wire.Element(
            "field_keys",
            "FieldKeys",
            wire.ArrayOf("string", wire.STRING, namespace=wire.ARRAYS, nillable=True),
            nillable=True,
        )
    ),
    returns=wire.Element(
        "response",
        "Response",
        wire.ArrayOf("string", wire.STRING, namespace=wire.ARRAYS, nillable=True),
        nillable=True,
    ),
    select=True,
)


_GET_ERP_SYNC_CONNECTION_SUMMARY: Endpoint[ErpSyncConnectionSummary | None] = Endpoint(
    SCHEMA,
    "ErpSync/GetErpSyncConnectionSummary",
    rest.prop(wire.Element("erp_sync_connection_id", "ErpSyncConnectionId", wire.INT)),
    returns=wire.Element("response", "Response", "ErpSyncConnectionSummary", nillable=True),
    select=True,
)


_GET_ERP_SYNC_CONNECTOR_ENTITY: Endpoint[ErpSyncConnectorEntity | None] = Endpoint(
    SCHEMA,
    "ErpSync/GetErpSyncConnectorEntity",
    rest.query(
        wire.Element(
            "erp_sync_connector_entity_id", "erpSyncConnectorEntityId", wire.INT, required=True
        )
    ),
    returns=wire.Element("response", "Response", "ErpSyncConnectorEntity", nillable=True),
    select=True,
)


_GET_FIELD_VALUES_FROM_CRM: Endpoint[list[ErpSyncFieldValue] | None] = Endpoint(
    SCHEMA,
    "ErpSync/GetFieldValuesFromCrm",
    rest.prop(wire.Element("record_id", "RecordId", wire.INT)),
    rest.prop(wire.Element("actor_type_crm", "ActorTypeCrm", "CrmActorType")),
    returns=wire.Element(
        "response",
        "Response",
        wire.ArrayOf("ErpSyncFieldValue", "ErpSyncFieldValue", nillable=True),
        nillable=True,
    ),
    select=True,
)


_GET_FIELD_VALUES_FROM_ERP: Endpoint[list[ErpSyncFieldValue] | None] = Endpoint(
    SCHEMA,
    "ErpSync/GetFieldValuesFromErp",
    rest.prop(wire.Element("erp_connection_id", "ErpConnectionId", wire.INT)),
    rest.prop(wire.Element("actor_type_erp", "ActorTypeErp", "ErpActorType")),
    rest.prop(wire.Element("erp_key", "ErpKey", wire.STRING, nillable=True)),
    returns=wire.Element(
        "response",
        "Response",
        wire.ArrayOf("ErpSyncFieldValue", "ErpSyncFieldValue", nillable=True),
        nillable=True,
    ),
    select=True,
)


_GET_FIELDS_FOR_NEW_ERP_ACTOR: Endpoint[list[FieldMetadata] | None] = Endpoint(
    SCHEMA,
    "ErpSync/GetFieldsForNewErpActor",
    rest.prop(wire.Element("erp_connection_id", "ErpConnectionId", wire.INT)),
    rest.prop(wire.Element("erp_actor_type", "ErpActorType", "ErpActorType")),
    returns=wire.Element(
        "response",
        "Response",
        wire.ArrayOf("FieldMetadata", "FieldMetadata", nillable=True),
        nillable=True,
    ),
    select=True,
)


_MOVE_ERP_FIELD_ITEM: Endpoint[None] = Endpoint(
    SCHEMA,
    "ErpSync/MoveErpFieldItem",
    rest.prop(wire.Element("erp_field_id", "ErpFieldId", wire.INT)),
    rest.prop(wire.Element("direction", "Direction", wire.INT)),
    rest.prop(wire.Element("erp_connection_id", "ErpConnectionId", wire.INT)),
    rest.prop(wire.Element("erp_actor_type", "ErpActorType", "ErpActorType")),
    select=True,
)


_SAVE_ACTOR_TYPE_MAPPING: Endpoint[ErpSyncActorTypeMapping | None] = Endpoint(
    SCHEMA,
    "ErpSync/SaveActorTypeMapping",
    rest.prop(wire.Element("mapping", "Mapping", "ErpSyncActorTypeMapping", nillable=True)),
    returns=wire.Element("response", "Response", "ErpSyncActorTypeMapping", nillable=True),
    select=True,
)


_SAVE_CONNECTION: Endpoint[ErpConnection | None] = Endpoint(
    SCHEMA,
    "ErpSync/SaveConnection",
    rest.prop(wire.Element("connection", "Connection", "ErpConnection", nillable=True)),
    returns=wire.Element("response", "Response", "ErpConnection", nillable=True),
    select=True,
)


_SAVE_CONNECTION_LIST_MAPPINGS: Endpoint[ErpConnectionListMappingContainer | None] = Endpoint(
    SCHEMA,
    "ErpSync/SaveConnectionListMappings",
    rest.prop(
        wire.Element(
            "list_mapping", "ListMapping", "ErpConnectionListMappingContainer", nillable=True
        )
    ),
    returns=wire.Element(
        "response", "Response", "ErpConnectionListMappingContainer", nillable=True
    ),
    select=True,
)


_SAVE_DEFAULT_VALUE_INFO: Endpoint[ErpSyncDefaultValue | None] = Endpoint(
    SCHEMA,
    "ErpSync/SaveDefaultValueInfo",
    rest.prop(
        wire.Element(
            "erp_sync_default_value", "ErpSyncDefaultValue", "ErpSyncDefaultValue", nillable=True
        )
    ),
    returns=wire.Element("response", "Response", "ErpSyncDefaultValue", nillable=True),
    select=True,
)


_SAVE_ERP_CONNECTION_SYNC_PRIORITIES: Endpoint[bool] = Endpoint(
    SCHEMA,
    "ErpSync/SaveErpConnectionSyncPriorities",
    rest.prop(
        wire.Element(
            "erp_connection_ids",
            "ErpConnectionIds",
            wire.ArrayOf("int", wire.INT, namespace=wire.ARRAYS),
            nillable=True,
        )
    ),
    returns=wire.Element("response", "Response", wire.BOOLEAN),
    select=True,
)


_SAVE_ERP_SYNC_CONNECTOR_ENTITY: Endpoint[ErpSyncConnectorEntity | None] = Endpoint(
    SCHEMA,
    "ErpSync/SaveErpSyncConnectorEntity",
    rest.body(
        wire.Element(
            "erp_sync_connector_entity",
            "ErpSyncConnectorEntity",
            "ErpSyncConnectorEntity",
            nillable=True,
        )
    ),
    returns=wire.Element("response", "Response", "ErpSyncConnectorEntity", nillable=True),
)


_SUPPORTS_ADVANCED_SEARCH: Endpoint[bool] = Endpoint(
    SCHEMA,
    "ErpSync/SupportsAdvancedSearch",
    rest.prop(wire.Element("erp_connection_id", "ErpConnectionId", wire.INT)),
    rest.prop(wire.Element("erp_actor_type", "ErpActorType", "ErpActorType")),
    returns=wire.Element("response", "Response", wire.BOOLEAN),
    select=True,
)


_SYNC_ALL: Endpoint[PluginResponse | None] = Endpoint(
    SCHEMA,
    "ErpSync/SyncAll",
    returns=wire.Element("response", "Response", "PluginResponse", nillable=True),
    select=True,
)


_TEST_CONNECTION_BY_CONFIG: Endpoint[bool] = Endpoint(
    SCHEMA,
    "ErpSync/TestConnectionByConfig",
    rest.prop(wire.Element("erp_connection_id", "ErpConnectionId", wire.INT)),
    rest.prop(
        wire.Element(
            "config_fields",
            "ConfigFields",
            wire.DictOf("StringKeyValuePair", wire.STRING, wire.STRING),
            nillable=True,
        )
    ),
    returns=wire.Element("response", "Response", wire.BOOLEAN),
    select=True,
)


_TEST_CONNECTION_BY_ID: Endpoint[bool] = Endpoint(
    SCHEMA,
    "ErpSync/TestConnectionById",
    rest.prop(wire.Element("erp_connection_id", "ErpConnectionId", wire.INT)),
    returns=wire.Element("response", "Response", wire.BOOLEAN),
    select=True,
)


_TEST_CONNECTOR_URL: Endpoint[ErpSyncResponseCode] = Endpoint(
    SCHEMA,
    "ErpSync/TestConnectorUrl",
    rest.prop(wire.Element("url", "Url", wire.STRING, nillable=True)),
    returns=wire.Element("response", "Response", "ErpSyncResponseCode"),
    select=True,
)


_TOGGLE_ERP_CONNECTION_ACTIVE: Endpoint[list[str] | None] = Endpoint(
    SCHEMA,
    "ErpSync/ToggleErpConnectionActive",
    rest.prop(wire.Element("erp_connection_id", "ErpConnectionId", wire.INT)),
    returns=wire.Element(
        "response",
        "Response",
        wire.ArrayOf("string", wire.STRING, namespace=wire.ARRAYS, nillable=True),
        nillable=True,
    ),
    select=True,
)


_TRY_CONNECT_ACTOR: Endpoint[bool] = Endpoint(
    SCHEMA,
    "ErpSync/TryConnectActor",
    rest.prop(wire.Element("erp_connection_id", "ErpConnectionId", wire.INT)),
    rest.prop(wire.Element("crm_record_id", "CrmRecordId", wire.INT)),
    rest.prop(wire.Element("crm_actor_type", "CrmActorType", "CrmActorType")),
    rest.prop(wire.Element("erp_key", "ErpKey", wire.STRING, nillable=True)),
    rest.prop(wire.Element("erp_actor_type", "ErpActorType", "ErpActorType")),
    rest.prop(
        wire.Element(
            "field_values",
            "FieldValues",
            wire.ArrayOf("ErpSyncFieldValue", "ErpSyncFieldValue", nillable=True),
            nillable=True,
        )
    ),
    returns=wire.Element("response", "Response", wire.BOOLEAN),
    select=True,
)


_UPDATE_CONNECTION_FIELDS: Endpoint[bool] = Endpoint(
    SCHEMA,
    "ErpSync/UpdateConnectionFields",
    rest.prop(wire.Element("erp_connection_id", "ErpConnectionId", wire.INT)),
    returns=wire.Element("response", "Response", wire.BOOLEAN),
    select=True,
)


_VALIDATE_ARCHIVE_COLUMN_CONFIG: Endpoint[None] = Endpoint(
    SCHEMA,
    "ErpSync/ValidateArchiveColumnConfig",
    rest.prop(wire.Element("list_owner", "ListOwner", wire.STRING, nillable=True)),
    rest.prop(wire.Element("erp_connection_id", "ErpConnectionId", wire.INT)),
    select=True,
)


class ErpSyncAgent(WebApiAgent):
    """The ErpSync agent of the SuperOffice WebAPI. Mirrors the ErpSync SOAP agent of Services88
    and shares its data contracts.
    """

    def break_actor_link(
        self,
        erp_connection_id: int,
        crm_record_id: int,
        crm_actor_type: CrmActorType,
        *,
        select: Select = None,
        options: CallOptions | None = None,
    ) -> bool:
        """Remove the link between a CRM entity and an ERP entity

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.

        Args:
            select: Properties to include in the result (the others come back null), e.g.
                ["Name", "Department"].
            options: Language, culture and time zone for this call, over the session's defaults.
        """
        return self._call(
            _BREAK_ACTOR_LINK, (erp_connection_id, crm_record_id, crm_actor_type), select, options
        )

    def can_delete_erp_sync_connector_entity(
        self,
        erp_sync_connector_id: int,
        *,
        select: Select = None,
        options: CallOptions | None = None,
    ) -> ErpSyncResponseCode:
        """Can we delete the connector?

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.

        Args:
            select: Properties to include in the result (the others come back null), e.g.
                ["Name", "Department"].
            options: Language, culture and time zone for this call, over the session's defaults.
        """
        return self._call(
            _CAN_DELETE_ERP_SYNC_CONNECTOR_ENTITY, (erp_sync_connector_id,), select, options
        )

    def change_engine_interval(
        self, interval: timedelta, *, select: Select = None, options: CallOptions | None = None
    ) -> None:
        """Change the interval for each run of the Sync Engine

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.

        Args:
            select: Properties to include in the result (the others come back null), e.g.
                ["Name", "Department"].
            options: Language, culture and time zone for this call, over the session's defaults.
        """
        return self._call(_CHANGE_ENGINE_INTERVAL, (interval,), select, options)

    def change_engine_status(
        self, run: bool, *, select: Select = None, options: CallOptions | None = None
    ) -> ErpSyncEngineStatus | None:
        """Change the current running/stopped status of the Sync engine

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.

        Args:
            select: Properties to include in the result (the others come back null), e.g.
                ["Name", "Department"].
            options: Language, culture and time zone for this call, over the session's defaults.
        """
        return self._call(_CHANGE_ENGINE_STATUS, (run,), select, options)

    def connect_actor(
        self,
        erp_connection_id: int,
        crm_record_id: int,
        crm_actor_type: CrmActorType,
        erp_key: str | None,
        erp_actor_type: ErpActorType,
        field_values: list[ErpSyncFieldValue] | None,
        *,
        select: Select = None,
        options: CallOptions | None = None,
    ) -> None:
        """Create a link between Erp and Crm and set default values

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.

        Args:
            select: Properties to include in the result (the others come back null), e.g.
                ["Name", "Department"].
            options: Language, culture and time zone for this call, over the session's defaults.
        """
        return self._call(
            _CONNECT_ACTOR,
            (
                erp_connection_id,
                crm_record_id,
                crm_actor_type,
                erp_key,
                erp_actor_type,
                field_values,
            ),
            select,
            options,
        )

    def create_actor_link(
        self,
        erp_connection_id: int,
        crm_record_id: int,
        crm_actor_type: CrmActorType,
        erp_key: str | None,
        erp_actor_type: ErpActorType,
        *,
        select: Select = None,
        options: CallOptions | None = None,
    ) -> bool:
        """Link a crm entity to an erp entity

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.

        Args:
            select: Properties to include in the result (the others come back null), e.g.
                ["Name", "Department"].
            options: Language, culture and time zone for this call, over the session's defaults.
        """
        return self._call(
            _CREATE_ACTOR_LINK,
            (erp_connection_id, crm_record_id, crm_actor_type, erp_key, erp_actor_type),
            select,
            options,
        )

    def create_default_erp_sync_connector_entity(
        self, *, options: CallOptions | None = None
    ) -> ErpSyncConnectorEntity | None:
        """Set default values into a new ErpSyncConnectorEntity.

        NetServer calculates default values on the entity, which is required when
        creating/storing a new instance

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.

        Args:
            options: Language, culture and time zone for this call, over the session's defaults.
        """
        return self._call(_CREATE_DEFAULT_ERP_SYNC_CONNECTOR_ENTITY, (), None, options)

    def create_erp_actor_from_crm(
        self,
        connection_id: int,
        crm_entity_id: int,
        erp_actor_type: ErpActorType,
        crm_actor_type: CrmActorType,
        erp_field_key_values: dict[str, str] | None,
        *,
        select: Select = None,
        options: CallOptions | None = None,
    ) -> bool:
        """Create ErpActor from crm entity

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.

        Args:
            select: Properties to include in the result (the others come back null), e.g.
                ["Name", "Department"].
            options: Language, culture and time zone for this call, over the session's defaults.
        """
        return self._call(
            _CREATE_ERP_ACTOR_FROM_CRM,
            (connection_id, crm_entity_id, erp_actor_type, crm_actor_type, erp_field_key_values),
            select,
            options,
        )

    def delete_connection(
        self, erp_connection_id: int, *, select: Select = None, options: CallOptions | None = None
    ) -> None:
        """Deletes a connection from the database.

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.

        Args:
            select: Properties to include in the result (the others come back null), e.g.
                ["Name", "Department"].
            options: Language, culture and time zone for this call, over the session's defaults.
        """
        return self._call(_DELETE_CONNECTION, (erp_connection_id,), select, options)

    def delete_erp_sync_connector_entity(
        self, erp_sync_connector_entity_id: int, *, options: CallOptions | None = None
    ) -> None:
        """Deletes the ErpSyncConnectorEntity

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.

        Args:
            erp_sync_connector_entity_id: The id of the ErpSyncConnectorEntity to be deleted.
            options: Language, culture and time zone for this call, over the session's defaults.
        """
        return self._call(
            _DELETE_ERP_SYNC_CONNECTOR_ENTITY, (erp_sync_connector_entity_id,), None, options
        )

    def force_resync(
        self,
        erp_connection_id: int,
        internal_key_ids: list[int] | None,
        *,
        select: Select = None,
        options: CallOptions | None = None,
    ) -> PluginResponse | None:
        """Force resync from CRM or given Erp connection to all other connections

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.

        Args:
            select: Properties to include in the result (the others come back null), e.g.
                ["Name", "Department"].
            options: Language, culture and time zone for this call, over the session's defaults.
        """
        return self._call(_FORCE_RESYNC, (erp_connection_id, internal_key_ids), select, options)

    def force_resync_batch_task(
        self,
        erp_connection_id: int,
        internal_key_ids: list[int] | None,
        *,
        select: Select = None,
        options: CallOptions | None = None,
    ) -> None:
        """Start batch task to force resync from CRM or given Erp connection to all other
        connections

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.

        Args:
            select: Properties to include in the result (the others come back null), e.g.
                ["Name", "Department"].
            options: Language, culture and time zone for this call, over the session's defaults.
        """
        return self._call(
            _FORCE_RESYNC_BATCH_TASK, (erp_connection_id, internal_key_ids), select, options
        )

    def force_resync_external(
        self,
        erp_connection_id: int,
        erp_actor_type: ErpActorType,
        external_keys: list[str] | None,
        *,
        select: Select = None,
        options: CallOptions | None = None,
    ) -> PluginResponse | None:
        """Force resync from CRM or given Erp connection to all other connections, using external
        keys

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.

        Args:
            select: Properties to include in the result (the others come back null), e.g.
                ["Name", "Department"].
            options: Language, culture and time zone for this call, over the session's defaults.
        """
        return self._call(
            _FORCE_RESYNC_EXTERNAL,
            (erp_connection_id, erp_actor_type, external_keys),
            select,
            options,
        )

    def force_resync_external_no_blank_values(
        self,
        erp_connection_id: int,
        erp_actor_type: ErpActorType,
        external_keys: list[str] | None,
        *,
        select: Select = None,
        options: CallOptions | None = None,
    ) -> PluginResponse | None:
        """Force resync from CRM or given Erp connection to all other connections, using external
        keys, and tell the sync that you don't want blank values to overwrite non-blank values.

        Useful on import.

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.

        Args:
            select: Properties to include in the result (the others come back null), e.g.
                ["Name", "Department"].
            options: Language, culture and time zone for this call, over the session's defaults.
        """
        return self._call(
            _FORCE_RESYNC_EXTERNAL_NO_BLANK_VALUES,
            (erp_connection_id, erp_actor_type, external_keys),
            select,
            options,
        )

    def force_resync_no_blank_values(
        self,
        erp_connection_id: int,
        internal_key_ids: list[int] | None,
        *,
        select: Select = None,
        options: CallOptions | None = None,
    ) -> PluginResponse | None:
        """Force resync from CRM or given Erp connection to all other connections and tell the sync
        that you don't want blank values to overwrite non-blank values.

        Useful on import.

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.

        Args:
            select: Properties to include in the result (the others come back null), e.g.
                ["Name", "Department"].
            options: Language, culture and time zone for this call, over the session's defaults.
        """
        return self._call(
            _FORCE_RESYNC_NO_BLANK_VALUES, (erp_connection_id, internal_key_ids), select, options
        )

    def force_sync_all(
        self, *, select: Select = None, options: CallOptions | None = None
    ) -> PluginResponse | None:
        """Sync all active connections even when automatic sync is off

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.

        Args:
            select: Properties to include in the result (the others come back null), e.g.
                ["Name", "Department"].
            options: Language, culture and time zone for this call, over the session's defaults.
        """
        return self._call(_FORCE_SYNC_ALL, (), select, options)

    def get_actor_type_mapping(
        self,
        erp_connection_id: int,
        actor_type: ErpActorType,
        *,
        select: Select = None,
        options: CallOptions | None = None,
    ) -> ErpSyncActorTypeMapping | None:
        """Get the current mappings for one connection/actor; connection+actor type = unique key

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.

        Args:
            select: Properties to include in the result (the others come back null), e.g.
                ["Name", "Department"].
            options: Language, culture and time zone for this call, over the session's defaults.
        """
        return self._call(_GET_ACTOR_TYPE_MAPPING, (erp_connection_id, actor_type), select, options)

    def get_all_connections(
        self, include_deleted: bool, *, select: Select = None, options: CallOptions | None = None
    ) -> list[ErpConnection] | None:
        """Returns all ERP Sync connections without config field data.

        Uses the `ErpConnection` archive.

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.

        Args:
            select: Properties to include in the result (the others come back null), e.g.
                ["Name", "Department"].
            options: Language, culture and time zone for this call, over the session's defaults.
        """
        return self._call(_GET_ALL_CONNECTIONS, (include_deleted,), select, options)

    def get_all_connectors(
        self, *, select: Select = None, options: CallOptions | None = None
    ) -> list[ListItem] | None:
        """Returns all ERP Sync connectors.

        Uses the `ErpConnector` archive.

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.

        Args:
            select: Properties to include in the result (the others come back null), e.g.
                ["Name", "Department"].
            options: Language, culture and time zone for this call, over the session's defaults.
        """
        return self._call(_GET_ALL_CONNECTORS, (), select, options)

    def get_configuration_fields(
        self, erp_connector_id: int, *, select: Select = None, options: CallOptions | None = None
    ) -> list[FieldMetadata] | None:
        """Returns all fields needed to connect to the given connector

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.

        Args:
            select: Properties to include in the result (the others come back null), e.g.
                ["Name", "Department"].
            options: Language, culture and time zone for this call, over the session's defaults.
        """
        return self._call(_GET_CONFIGURATION_FIELDS, (erp_connector_id,), select, options)

    def get_connection(
        self, erp_connection_id: int, *, select: Select = None, options: CallOptions | None = None
    ) -> ErpConnection | None:
        """Returns the specified connection.

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.

        Args:
            select: Properties to include in the result (the others come back null), e.g.
                ["Name", "Department"].
            options: Language, culture and time zone for this call, over the session's defaults.
        """
        return self._call(_GET_CONNECTION, (erp_connection_id,), select, options)

    def get_connection_list_mappings(
        self, erp_connection_id: int, *, select: Select = None, options: CallOptions | None = None
    ) -> ErpConnectionListMappingContainer | None:
        """Returns the listmappings for the specified connection.

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.

        Args:
            select: Properties to include in the result (the others come back null), e.g.
                ["Name", "Department"].
            options: Language, culture and time zone for this call, over the session's defaults.
        """
        return self._call(_GET_CONNECTION_LIST_MAPPINGS, (erp_connection_id,), select, options)

    def get_connections_and_display_fields(
        self,
        crm_actor_type: CrmActorType,
        entity_id: int,
        *,
        select: Select = None,
        options: CallOptions | None = None,
    ) -> list[ErpConnectionData] | None:
        """Get all connection statuses and fields for a given entity

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.

        Args:
            select: Properties to include in the result (the others come back null), e.g.
                ["Name", "Department"].
            options: Language, culture and time zone for this call, over the session's defaults.
        """
        return self._call(
            _GET_CONNECTIONS_AND_DISPLAY_FIELDS, (crm_actor_type, entity_id), select, options
        )

    def get_crm_actor_type(
        self,
        erp_connection_id: int,
        erp_actor_type: ErpActorType,
        *,
        select: Select = None,
        options: CallOptions | None = None,
    ) -> CrmActorType:
        """Retrieves the CrmActorType that are mapped to a specific ErpActorType for this
        connection

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.

        Args:
            select: Properties to include in the result (the others come back null), e.g.
                ["Name", "Department"].
            options: Language, culture and time zone for this call, over the session's defaults.
        """
        return self._call(_GET_CRM_ACTOR_TYPE, (erp_connection_id, erp_actor_type), select, options)

    def get_default_value_info(
        self, erp_field_id: int, *, select: Select = None, options: CallOptions | None = None
    ) -> ErpSyncDefaultValue | None:
        """Get information about default value for an ERP field

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.

        Args:
            select: Properties to include in the result (the others come back null), e.g.
                ["Name", "Department"].
            options: Language, culture and time zone for this call, over the session's defaults.
        """
        return self._call(_GET_DEFAULT_VALUE_INFO, (erp_field_id,), select, options)

    def get_engine_status(
        self, *, select: Select = None, options: CallOptions | None = None
    ) -> ErpSyncEngineStatus | None:
        """Get the current status of the Sync engine

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.

        Args:
            select: Properties to include in the result (the others come back null), e.g.
                ["Name", "Department"].
            options: Language, culture and time zone for this call, over the session's defaults.
        """
        return self._call(_GET_ENGINE_STATUS, (), select, options)

    def get_erp_connection_config_fields(
        self, erp_connection_id: int, *, select: Select = None, options: CallOptions | None = None
    ) -> dict[str, str] | None:
        """Returns the config fields for the connection.

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.

        Args:
            select: Properties to include in the result (the others come back null), e.g.
                ["Name", "Department"].
            options: Language, culture and time zone for this call, over the session's defaults.
        """
        return self._call(_GET_ERP_CONNECTION_CONFIG_FIELDS, (erp_connection_id,), select, options)

    def get_erp_field_values(
        self,
        erp_connection_id: int,
        crm_actor_type: CrmActorType,
        entity_id: int,
        field_keys: list[str] | None,
        *,
        select: Select = None,
        options: CallOptions | None = None,
    ) -> list[str] | None:
        """Get the values for the specified fields from the ERP connection

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.

        Args:
            select: Properties to include in the result (the others come back null), e.g.
                ["Name", "Department"].
            options: Language, culture and time zone for this call, over the session's defaults.
        """
        return self._call(
            _GET_ERP_FIELD_VALUES,
            (erp_connection_id, crm_actor_type, entity_id, field_keys),
            select,
            options,
        )

    def get_erp_sync_connection_summary(
        self,
        erp_sync_connection_id: int,
        *,
        select: Select = None,
        options: CallOptions | None = None,
    ) -> ErpSyncConnectionSummary | None:
        """Get a summary of the current ErpSync configuration/setup

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.

        Args:
            select: Properties to include in the result (the others come back null), e.g.
                ["Name", "Department"].
            options: Language, culture and time zone for this call, over the session's defaults.
        """
        return self._call(
            _GET_ERP_SYNC_CONNECTION_SUMMARY, (erp_sync_connection_id,), select, options
        )

    def get_erp_sync_connector_entity(
        self,
        erp_sync_connector_entity_id: int,
        *,
        select: Select = None,
        options: CallOptions | None = None,
    ) -> ErpSyncConnectorEntity | None:
        """Gets a ErpSyncConnectorEntity object.

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.

        Args:
            erp_sync_connector_entity_id: The primary key.
            select: Properties to include in the result (the others come back null), e.g.
                ["Name", "Department"].
            options: Language, culture and time zone for this call, over the session's defaults.
        """
        return self._call(
            _GET_ERP_SYNC_CONNECTOR_ENTITY, (erp_sync_connector_entity_id,), select, options
        )

    def get_field_values_from_crm(
        self,
        record_id: int,
        actor_type_crm: CrmActorType,
        *,
        select: Select = None,
        options: CallOptions | None = None,
    ) -> list[ErpSyncFieldValue] | None:
        """Get Crm Field values

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.

        Args:
            select: Properties to include in the result (the others come back null), e.g.
                ["Name", "Department"].
            options: Language, culture and time zone for this call, over the session's defaults.
        """
        return self._call(_GET_FIELD_VALUES_FROM_CRM, (record_id, actor_type_crm), select, options)

    def get_field_values_from_erp(
        self,
        erp_connection_id: int,
        actor_type_erp: ErpActorType,
        erp_key: str | None,
        *,
        select: Select = None,
        options: CallOptions | None = None,
    ) -> list[ErpSyncFieldValue] | None:
        """Get Erp Field values

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.

        Args:
            select: Properties to include in the result (the others come back null), e.g.
                ["Name", "Department"].
            options: Language, culture and time zone for this call, over the session's defaults.
        """
        return self._call(
            _GET_FIELD_VALUES_FROM_ERP,
            (erp_connection_id, actor_type_erp, erp_key),
            select,
            options,
        )

    def get_fields_for_new_erp_actor(
        self,
        erp_connection_id: int,
        erp_actor_type: ErpActorType,
        *,
        select: Select = None,
        options: CallOptions | None = None,
    ) -> list[FieldMetadata] | None:
        """Get the fields that must be filled out when creating a new ERP actor

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.

        Args:
            select: Properties to include in the result (the others come back null), e.g.
                ["Name", "Department"].
            options: Language, culture and time zone for this call, over the session's defaults.
        """
        return self._call(
            _GET_FIELDS_FOR_NEW_ERP_ACTOR, (erp_connection_id, erp_actor_type), select, options
        )

    def move_erp_field_item(
        self,
        erp_field_id: int,
        direction: int,
        erp_connection_id: int,
        erp_actor_type: ErpActorType,
        *,
        select: Select = None,
        options: CallOptions | None = None,
    ) -> None:
        """Moves the rank of the erp field up or down

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.

        Args:
            select: Properties to include in the result (the others come back null), e.g.
                ["Name", "Department"].
            options: Language, culture and time zone for this call, over the session's defaults.
        """
        return self._call(
            _MOVE_ERP_FIELD_ITEM,
            (erp_field_id, direction, erp_connection_id, erp_actor_type),
            select,
            options,
        )

    def save_actor_type_mapping(
        self,
        mapping: ErpSyncActorTypeMapping | None,
        *,
        select: Select = None,
        options: CallOptions | None = None,
    ) -> ErpSyncActorTypeMapping | None:
        """Save mappings for a connection/actor

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.

        Args:
            mapping: Mapping information for one Actor, contains array of field mappings (ERP
                <-> SuperOffice) Carrier object for ErpSyncActorTypeMapping. Services for the
                ErpSyncActorTypeMapping Carrier is available from the ErpSync Agent.
            select: Properties to include in the result (the others come back null), e.g.
                ["Name", "Department"].
            options: Language, culture and time zone for this call, over the session's defaults.
        """
        return self._call(_SAVE_ACTOR_TYPE_MAPPING, (mapping,), select, options)

    def save_connection(
        self,
        connection: ErpConnection | None,
        *,
        select: Select = None,
        options: CallOptions | None = None,
    ) -> ErpConnection | None:
        """Saves a connection to the database.

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.

        Args:
            connection: Information about a connection to the ERP system. Carrier object for
                ErpConnection. Services for the ErpConnection Carrier is available from the
                ErpSync Agent.
            select: Properties to include in the result (the others come back null), e.g.
                ["Name", "Department"].
            options: Language, culture and time zone for this call, over the session's defaults.
        """
        return self._call(_SAVE_CONNECTION, (connection,), select, options)

    def save_connection_list_mappings(
        self,
        list_mapping: ErpConnectionListMappingContainer | None,
        *,
        select: Select = None,
        options: CallOptions | None = None,
    ) -> ErpConnectionListMappingContainer | None:
        """Saves a connection to the database.

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.

        Args:
            list_mapping: Information about all list connections for a connection between CRM
                and the ERP system. Carrier object for ErpConnectionListMappingContainer.
                Services for the ErpConnectionListMappingContainer Carrier is available from the
                ErpSync Agent.
            select: Properties to include in the result (the others come back null), e.g.
                ["Name", "Department"].
            options: Language, culture and time zone for this call, over the session's defaults.
        """
        return self._call(_SAVE_CONNECTION_LIST_MAPPINGS, (list_mapping,), select, options)

    def save_default_value_info(
        self,
        erp_sync_default_value: ErpSyncDefaultValue | None,
        *,
        select: Select = None,
        options: CallOptions | None = None,
    ) -> ErpSyncDefaultValue | None:
        """Save information about a default value for an ERP field

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.

        Args:
            erp_sync_default_value: Contains default value information for one ERP field Carrier
                object for ErpSyncDefaultValue. Services for the ErpSyncDefaultValue Carrier is
                available from the ErpSync Agent.
            select: Properties to include in the result (the others come back null), e.g.
                ["Name", "Department"].
            options: Language, culture and time zone for this call, over the session's defaults.
        """
        return self._call(_SAVE_DEFAULT_VALUE_INFO, (erp_sync_default_value,), select, options)

    def save_erp_connection_sync_priorities(
        self,
        erp_connection_ids: list[int] | None,
        *,
        select: Select = None,
        options: CallOptions | None = None,
    ) -> bool:
        """Takes an array of the ErpConnection ids and saves these as ordered sync priorities

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.

        Args:
            select: Properties to include in the result (the others come back null), e.g.
                ["Name", "Department"].
            options: Language, culture and time zone for this call, over the session's defaults.
        """
        return self._call(
            _SAVE_ERP_CONNECTION_SYNC_PRIORITIES, (erp_connection_ids,), select, options
        )

    def save_erp_sync_connector_entity(
        self,
        erp_sync_connector_entity: ErpSyncConnectorEntity | None,
        *,
        options: CallOptions | None = None,
    ) -> ErpSyncConnectorEntity | None:
        """Updates the existing ErpSyncConnectorEntity or creates a new ErpSyncConnectorEntity if
        the id parameter is empty

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.

        Args:
            erp_sync_connector_entity: The ErpSyncConnectorEntity to be saved.
            options: Language, culture and time zone for this call, over the session's defaults.
        """
        return self._call(
            _SAVE_ERP_SYNC_CONNECTOR_ENTITY, (erp_sync_connector_entity,), None, options
        )

    def supports_advanced_search(
        self,
        erp_connection_id: int,
        erp_actor_type: ErpActorType,
        *,
        select: Select = None,
        options: CallOptions | None = None,
    ) -> bool:
        """Indicates if the connection supports advanced search for the given erp actor

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.

        Args:
            select: Properties to include in the result (the others come back null), e.g.
                ["Name", "Department"].
            options: Language, culture and time zone for this call, over the session's defaults.
        """
        return self._call(
            _SUPPORTS_ADVANCED_SEARCH, (erp_connection_id, erp_actor_type), select, options
        )

    def sync_all(
        self, *, select: Select = None, options: CallOptions | None = None
    ) -> PluginResponse | None:
        """Sync all active connections

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.

        Args:
            select: Properties to include in the result (the others come back null), e.g.
                ["Name", "Department"].
            options: Language, culture and time zone for this call, over the session's defaults.
        """
        return self._call(_SYNC_ALL, (), select, options)

    def test_connection_by_config(
        self,
        erp_connection_id: int,
        config_fields: dict[str, str] | None,
        *,
        select: Select = None,
        options: CallOptions | None = None,
    ) -> bool:
        """Tests to see if the given connection has a valid connection to its connector

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.

        Args:
            select: Properties to include in the result (the others come back null), e.g.
                ["Name", "Department"].
            options: Language, culture and time zone for this call, over the session's defaults.
        """
        return self._call(
            _TEST_CONNECTION_BY_CONFIG, (erp_connection_id, config_fields), select, options
        )

    def test_connection_by_id(
        self, erp_connection_id: int, *, select: Select = None, options: CallOptions | None = None
    ) -> bool:
        """Tests to see if we can establish a connection with the given config fields

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.

        Args:
            select: Properties to include in the result (the others come back null), e.g.
                ["Name", "Department"].
            options: Language, culture and time zone for this call, over the session's defaults.
        """
        return self._call(_TEST_CONNECTION_BY_ID, (erp_connection_id,), select, options)

    def test_connector_url(
        self, url: str | None, *, select: Select = None, options: CallOptions | None = None
    ) -> ErpSyncResponseCode:
        """Test if connector urls anwers

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.

        Args:
            select: Properties to include in the result (the others come back null), e.g.
                ["Name", "Department"].
            options: Language, culture and time zone for this call, over the session's defaults.
        """
        return self._call(_TEST_CONNECTOR_URL, (url,), select, options)

    def toggle_erp_connection_active(
        self, erp_connection_id: int, *, select: Select = None, options: CallOptions | None = None
    ) -> list[str] | None:
        """Toggles the Active state of the connection

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.

        Args:
            select: Properties to include in the result (the others come back null), e.g.
                ["Name", "Department"].
            options: Language, culture and time zone for this call, over the session's defaults.
        """
        return self._call(_TOGGLE_ERP_CONNECTION_ACTIVE, (erp_connection_id,), select, options)

    def try_connect_actor(
        self,
        erp_connection_id: int,
        crm_record_id: int,
        crm_actor_type: CrmActorType,
        erp_key: str | None,
        erp_actor_type: ErpActorType,
        field_values: list[ErpSyncFieldValue] | None,
        *,
        select: Select = None,
        options: CallOptions | None = None,
    ) -> bool:
        """Create a link between Erp and Crm and set default values

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.

        Args:
            select: Properties to include in the result (the others come back null), e.g.
                ["Name", "Department"].
            options: Language, culture and time zone for this call, over the session's defaults.
        """
        return self._call(
            _TRY_CONNECT_ACTOR,
            (
                erp_connection_id,
                crm_record_id,
                crm_actor_type,
                erp_key,
                erp_actor_type,
                field_values,
            ),
            select,
            options,
        )

    def update_connection_fields(
        self, erp_connection_id: int, *, select: Select = None, options: CallOptions | None = None
    ) -> bool:
        """Gets all supported actor types, and all fields for each actor type, and save this state
        to the CRM database

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.

        Args:
            select: Properties to include in the result (the others come back null), e.g.
                ["Name", "Department"].
            options: Language, culture and time zone for this call, over the session's defaults.
        """
        return self._call(_UPDATE_CONNECTION_FIELDS, (erp_connection_id,), select, options)

    def validate_archive_column_config(
        self,
        list_owner: str | None,
        erp_connection_id: int,
        *,
        select: Select = None,
        options: CallOptions | None = None,
    ) -> None:
        """Clear field info from table SUPERLISTCOLUMNSIZE if field mapping changed on given
        connection

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.

        Args:
            select: Properties to include in the result (the others come back null), e.g.
                ["Name", "Department"].
            options: Language, culture and time zone for this call, over the session's defaults.
        """
        return self._call(
            _VALIDATE_ARCHIVE_COLUMN_CONFIG, (list_owner, erp_connection_id), select, options
        )


class AsyncErpSyncAgent(AsyncWebApiAgent):
    """The asyncio twin of ErpSyncAgent.

    The ErpSync agent of the SuperOffice WebAPI. Mirrors the ErpSync SOAP agent of Services88
    and shares its data contracts.
    """

    async def break_actor_link(
        self,
        erp_connection_id: int,
        crm_record_id: int,
        crm_actor_type: CrmActorType,
        *,
        select: Select = None,
        options: CallOptions | None = None,
    ) -> bool:
        """Remove the link between a CRM entity and an ERP entity

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.

        Args:
            select: Properties to include in the result (the others come back null), e.g.
                ["Name", "Department"].
            options: Language, culture and time zone for this call, over the session's defaults.
        """
        return await self._call(
            _BREAK_ACTOR_LINK, (erp_connection_id, crm_record_id, crm_actor_type), select, options
        )

    async def can_delete_erp_sync_connector_entity(
        self,
        erp_sync_connector_id: int,
        *,
        select: Select = None,
        options: CallOptions | None = None,
    ) -> ErpSyncResponseCode:
        """Can we delete the connector?

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.

        Args:
            select: Properties to include in the result (the others come back null), e.g.
                ["Name", "Department"].
            options: Language, culture and time zone for this call, over the session's defaults.
        """
        return await self._call(
            _CAN_DELETE_ERP_SYNC_CONNECTOR_ENTITY, (erp_sync_connector_id,), select, options
        )

    async def change_engine_interval(
        self, interval: timedelta, *, select: Select = None, options: CallOptions | None = None
    ) -> None:
        """Change the interval for each run of the Sync Engine

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.

        Args:
            select: Properties to include in the result (the others come back null), e.g.
                ["Name", "Department"].
            options: Language, culture and time zone for this call, over the session's defaults.
        """
        return await self._call(_CHANGE_ENGINE_INTERVAL, (interval,), select, options)

    async def change_engine_status(
        self, run: bool, *, select: Select = None, options: CallOptions | None = None
    ) -> ErpSyncEngineStatus | None:
        """Change the current running/stopped status of the Sync engine

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.

        Args:
            select: Properties to include in the result (the others come back null), e.g.
                ["Name", "Department"].
            options: Language, culture and time zone for this call, over the session's defaults.
        """
        return await self._call(_CHANGE_ENGINE_STATUS, (run,), select, options)

    async def connect_actor(
        self,
        erp_connection_id: int,
        crm_record_id: int,
        crm_actor_type: CrmActorType,
        erp_key: str | None,
        erp_actor_type: ErpActorType,
        field_values: list[ErpSyncFieldValue] | None,
        *,
        select: Select = None,
        options: CallOptions | None = None,
    ) -> None:
        """Create a link between Erp and Crm and set default values

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.

        Args:
            select: Properties to include in the result (the others come back null), e.g.
                ["Name", "Department"].
            options: Language, culture and time zone for this call, over the session's defaults.
        """
        return await self._call(
            _CONNECT_ACTOR,
            (
                erp_connection_id,
                crm_record_id,
                crm_actor_type,
                erp_key,
                erp_actor_type,
                field_values,
            ),
            select,
            options,
        )

    async def create_actor_link(
        self,
        erp_connection_id: int,
        crm_record_id: int,
        crm_actor_type: CrmActorType,
        erp_key: str | None,
        erp_actor_type: ErpActorType,
        *,
        select: Select = None,
        options: CallOptions | None = None,
    ) -> bool:
        """Link a crm entity to an erp entity

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.

        Args:
            select: Properties to include in the result (the others come back null), e.g.
                ["Name", "Department"].
            options: Language, culture and time zone for this call, over the session's defaults.
        """
        return await self._call(
            _CREATE_ACTOR_LINK,
            (erp_connection_id, crm_record_id, crm_actor_type, erp_key, erp_actor_type),
            select,
            options,
        )

    async def create_default_erp_sync_connector_entity(
        self, *, options: CallOptions | None = None
    ) -> ErpSyncConnectorEntity | None:
        """Set default values into a new ErpSyncConnectorEntity.

        NetServer calculates default values on the entity, which is required when
        creating/storing a new instance

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.

        Args:
            options: Language, culture and time zone for this call, over the session's defaults.
        """
        return await self._call(_CREATE_DEFAULT_ERP_SYNC_CONNECTOR_ENTITY, (), None, options)

    async def create_erp_actor_from_crm(
        self,
        connection_id: int,
        crm_entity_id: int,
        erp_actor_type: ErpActorType,
        crm_actor_type: CrmActorType,
        erp_field_key_values: dict[str, str] | None,
        *,
        select: Select = None,
        options: CallOptions | None = None,
    ) -> bool:
        """Create ErpActor from crm entity

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.

        Args:
            select: Properties to include in the result (the others come back null), e.g.
                ["Name", "Department"].
            options: Language, culture and time zone for this call, over the session's defaults.
        """
        return await self._call(
            _CREATE_ERP_ACTOR_FROM_CRM,
            (connection_id, crm_entity_id, erp_actor_type, crm_actor_type, erp_field_key_values),
            select,
            options,
        )

    async def delete_connection(
        self, erp_connection_id: int, *, select: Select = None, options: CallOptions | None = None
    ) -> None:
        """Deletes a connection from the database.

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.

        Args:
            select: Properties to include in the result (the others come back null), e.g.
                ["Name", "Department"].
            options: Language, culture and time zone for this call, over the session's defaults.
        """
        return await self._call(_DELETE_CONNECTION, (erp_connection_id,), select, options)

    async def delete_erp_sync_connector_entity(
        self, erp_sync_connector_entity_id: int, *, options: CallOptions | None = None
    ) -> None:
        """Deletes the ErpSyncConnectorEntity

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.

        Args:
            erp_sync_connector_entity_id: The id of the ErpSyncConnectorEntity to be deleted.
            options: Language, culture and time zone for this call, over the session's defaults.
        """
        return await self._call(
            _DELETE_ERP_SYNC_CONNECTOR_ENTITY, (erp_sync_connector_entity_id,), None, options
        )

    async def force_resync(
        self,
        erp_connection_id: int,
        internal_key_ids: list[int] | None,
        *,
        select: Select = None,
        options: CallOptions | None = None,
    ) -> PluginResponse | None:
        """Force resync from CRM or given Erp connection to all other connections

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.

        Args:
            select: Properties to include in the result (the others come back null), e.g.
                ["Name", "Department"].
            options: Language, culture and time zone for this call, over the session's defaults.
        """
        return await self._call(
            _FORCE_RESYNC, (erp_connection_id, internal_key_ids), select, options
        )

    async def force_resync_batch_task(
        self,
        erp_connection_id: int,
        internal_key_ids: list[int] | None,
        *,
        select: Select = None,
        options: CallOptions | None = None,
    ) -> None:
        """Start batch task to force resync from CRM or given Erp connection to all other
        connections

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.

        Args:
            select: Properties to include in the result (the others come back null), e.g.
                ["Name", "Department"].
            options: Language, culture and time zone for this call, over the session's defaults.
        """
        return await self._call(
            _FORCE_RESYNC_BATCH_TASK, (erp_connection_id, internal_key_ids), select, options
        )

    async def force_resync_external(
        self,
        erp_connection_id: int,
        erp_actor_type: ErpActorType,
        external_keys: list[str] | None,
        *,
        select: Select = None,
        options: CallOptions | None = None,
    ) -> PluginResponse | None:
        """Force resync from CRM or given Erp connection to all other connections, using external
        keys

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.

        Args:
            select: Properties to include in the result (the others come back null), e.g.
                ["Name", "Department"].
            options: Language, culture and time zone for this call, over the session's defaults.
        """
        return await self._call(
            _FORCE_RESYNC_EXTERNAL,
            (erp_connection_id, erp_actor_type, external_keys),
            select,
            options,
        )

    async def force_resync_external_no_blank_values(
        self,
        erp_connection_id: int,
        erp_actor_type: ErpActorType,
        external_keys: list[str] | None,
        *,
        select: Select = None,
        options: CallOptions | None = None,
    ) -> PluginResponse | None:
        """Force resync from CRM or given Erp connection to all other connections, using external
        keys, and tell the sync that you don't want blank values to overwrite non-blank values.

        Useful on import.

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.

        Args:
            select: Properties to include in the result (the others come back null), e.g.
                ["Name", "Department"].
            options: Language, culture and time zone for this call, over the session's defaults.
        """
        return await self._call(
            _FORCE_RESYNC_EXTERNAL_NO_BLANK_VALUES,
            (erp_connection_id, erp_actor_type, external_keys),
            select,
            options,
        )

    async def force_resync_no_blank_values(
        self,
        erp_connection_id: int,
        internal_key_ids: list[int] | None,
        *,
        select: Select = None,
        options: CallOptions | None = None,
    ) -> PluginResponse | None:
        """Force resync from CRM or given Erp connection to all other connections and tell the sync
        that you don't want blank values to overwrite non-blank values.

        Useful on import.

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.

        Args:
            select: Properties to include in the result (the others come back null), e.g.
                ["Name", "Department"].
            options: Language, culture and time zone for this call, over the session's defaults.
        """
        return await self._call(
            _FORCE_RESYNC_NO_BLANK_VALUES, (erp_connection_id, internal_key_ids), select, options
        )

    async def force_sync_all(
        self, *, select: Select = None, options: CallOptions | None = None
    ) -> PluginResponse | None:
        """Sync all active connections even when automatic sync is off

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.

        Args:
            select: Properties to include in the result (the others come back null), e.g.
                ["Name", "Department"].
            options: Language, culture and time zone for this call, over the session's defaults.
        """
        return await self._call(_FORCE_SYNC_ALL, (), select, options)

    async def get_actor_type_mapping(
        self,
        erp_connection_id: int,
        actor_type: ErpActorType,
        *,
        select: Select = None,
        options: CallOptions | None = None,
    ) -> ErpSyncActorTypeMapping | None:
        """Get the current mappings for one connection/actor; connection+actor type = unique key

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.

        Args:
            select: Properties to include in the result (the others come back null), e.g.
                ["Name", "Department"].
            options: Language, culture and time zone for this call, over the session's defaults.
        """
        return await self._call(
            _GET_ACTOR_TYPE_MAPPING, (erp_connection_id, actor_type), select, options
        )

    async def get_all_connections(
        self, include_deleted: bool, *, select: Select = None, options: CallOptions | None = None
    ) -> list[ErpConnection] | None:
        """Returns all ERP Sync connections without config field data.

        Uses the `ErpConnection` archive.

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.

        Args:
            select: Properties to include in the result (the others come back null), e.g.
                ["Name", "Department"].
            options: Language, culture and time zone for this call, over the session's defaults.
        """
        return await self._call(_GET_ALL_CONNECTIONS, (include_deleted,), select, options)

    async def get_all_connectors(
        self, *, select: Select = None, options: CallOptions | None = None
    ) -> list[ListItem] | None:
        """Returns all ERP Sync connectors.

        Uses the `ErpConnector` archive.

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.

        Args:
            select: Properties to include in the result (the others come back null), e.g.
                ["Name", "Department"].
            options: Language, culture and time zone for this call, over the session's defaults.
        """
        return await self._call(_GET_ALL_CONNECTORS, (), select, options)

    async def get_configuration_fields(
        self, erp_connector_id: int, *, select: Select = None, options: CallOptions | None = None
    ) -> list[FieldMetadata] | None:
        """Returns all fields needed to connect to the given connector

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.

        Args:
            select: Properties to include in the result (the others come back null), e.g.
                ["Name", "Department"].
            options: Language, culture and time zone for this call, over the session's defaults.
        """
        return await self._call(_GET_CONFIGURATION_FIELDS, (erp_connector_id,), select, options)

    async def get_connection(
        self, erp_connection_id: int, *, select: Select = None, options: CallOptions | None = None
    ) -> ErpConnection | None:
        """Returns the specified connection.

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.

        Args:
            select: Properties to include in the result (the others come back null), e.g.
                ["Name", "Department"].
            options: Language, culture and time zone for this call, over the session's defaults.
        """
        return await self._call(_GET_CONNECTION, (erp_connection_id,), select, options)

    async def get_connection_list_mappings(
        self, erp_connection_id: int, *, select: Select = None, options: CallOptions | None = None
    ) -> ErpConnectionListMappingContainer | None:
        """Returns the listmappings for the specified connection.

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.

        Args:
            select: Properties to include in the result (the others come back null), e.g.
                ["Name", "Department"].
            options: Language, culture and time zone for this call, over the session's defaults.
        """
        return await self._call(
            _GET_CONNECTION_LIST_MAPPINGS, (erp_connection_id,), select, options
        )

    async def get_connections_and_display_fields(
        self,
        crm_actor_type: CrmActorType,
        entity_id: int,
        *,
        select: Select = None,
        options: CallOptions | None = None,
    ) -> list[ErpConnectionData] | None:
        """Get all connection statuses and fields for a given entity

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.

        Args:
            select: Properties to include in the result (the others come back null), e.g.
                ["Name", "Department"].
            options: Language, culture and time zone for this call, over the session's defaults.
        """
        return await self._call(
            _GET_CONNECTIONS_AND_DISPLAY_FIELDS, (crm_actor_type, entity_id), select, options
        )

    async def get_crm_actor_type(
        self,
        erp_connection_id: int,
        erp_actor_type: ErpActorType,
        *,
        select: Select = None,
        options: CallOptions | None = None,
    ) -> CrmActorType:
        """Retrieves the CrmActorType that are mapped to a specific ErpActorType for this
        connection

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.

        Args:
            select: Properties to include in the result (the others come back null), e.g.
                ["Name", "Department"].
            options: Language, culture and time zone for this call, over the session's defaults.
        """
        return await self._call(
            _GET_CRM_ACTOR_TYPE, (erp_connection_id, erp_actor_type), select, options
        )

    async def get_default_value_info(
        self, erp_field_id: int, *, select: Select = None, options: CallOptions | None = None
    ) -> ErpSyncDefaultValue | None:
        """Get information about default value for an ERP field

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.

        Args:
            select: Properties to include in the result (the others come back null), e.g.
                ["Name", "Department"].
            options: Language, culture and time zone for this call, over the session's defaults.
        """
        return await self._call(_GET_DEFAULT_VALUE_INFO, (erp_field_id,), select, options)

    async def get_engine_status(
        self, *, select: Select = None, options: CallOptions | None = None
    ) -> ErpSyncEngineStatus | None:
        """Get the current status of the Sync engine

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.

        Args:
            select: Properties to include in the result (the others come back null), e.g.
                ["Name", "Department"].
            options: Language, culture and time zone for this call, over the session's defaults.
        """
        return await self._call(_GET_ENGINE_STATUS, (), select, options)

    async def get_erp_connection_config_fields(
        self, erp_connection_id: int, *, select: Select = None, options: CallOptions | None = None
    ) -> dict[str, str] | None:
        """Returns the config fields for the connection.

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.

        Args:
            select: Properties to include in the result (the others come back null), e.g.
                ["Name", "Department"].
            options: Language, culture and time zone for this call, over the session's defaults.
        """
        return await self._call(
            _GET_ERP_CONNECTION_CONFIG_FIELDS, (erp_connection_id,), select, options
        )

    async def get_erp_field_values(
        self,
        erp_connection_id: int,
        crm_actor_type: CrmActorType,
        entity_id: int,
        field_keys: list[str] | None,
        *,
        select: Select = None,
        options: CallOptions | None = None,
    ) -> list[str] | None:
        """Get the values for the specified fields from the ERP connection

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.

        Args:
            select: Properties to include in the result (the others come back null), e.g.
                ["Name", "Department"].
            options: Language, culture and time zone for this call, over the session's defaults.
        """
        return await self._call(
            _GET_ERP_FIELD_VALUES,
            (erp_connection_id, crm_actor_type, entity_id, field_keys),
            select,
            options,
        )

    async def get_erp_sync_connection_summary(
        self,
        erp_sync_connection_id: int,
        *,
        select: Select = None,
        options: CallOptions | None = None,
    ) -> ErpSyncConnectionSummary | None:
        """Get a summary of the current ErpSync configuration/setup

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.

        Args:
            select: Properties to include in the result (the others come back null), e.g.
                ["Name", "Department"].
            options: Language, culture and time zone for this call, over the session's defaults.
        """
        return await self._call(
            _GET_ERP_SYNC_CONNECTION_SUMMARY, (erp_sync_connection_id,), select, options
        )

    async def get_erp_sync_connector_entity(
        self,
        erp_sync_connector_entity_id: int,
        *,
        select: Select = None,
        options: CallOptions | None = None,
    ) -> ErpSyncConnectorEntity | None:
        """Gets a ErpSyncConnectorEntity object.

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.

        Args:
            erp_sync_connector_entity_id: The primary key.
            select: Properties to include in the result (the others come back null), e.g.
                ["Name", "Department"].
            options: Language, culture and time zone for this call, over the session's defaults.
        """
        return await self._call(
            _GET_ERP_SYNC_CONNECTOR_ENTITY, (erp_sync_connector_entity_id,), select, options
        )

    async def get_field_values_from_crm(
        self,
        record_id: int,
        actor_type_crm: CrmActorType,
        *,
        select: Select = None,
        options: CallOptions | None = None,
    ) -> list[ErpSyncFieldValue] | None:
        """Get Crm Field values

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.

        Args:
            select: Properties to include in the result (the others come back null), e.g.
                ["Name", "Department"].
            options: Language, culture and time zone for this call, over the session's defaults.
        """
        return await self._call(
            _GET_FIELD_VALUES_FROM_CRM, (record_id, actor_type_crm), select, options
        )

    async def get_field_values_from_erp(
        self,
        erp_connection_id: int,
        actor_type_erp: ErpActorType,
        erp_key: str | None,
        *,
        select: Select = None,
        options: CallOptions | None = None,
    ) -> list[ErpSyncFieldValue] | None:
        """Get Erp Field values

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.

        Args:
            select: Properties to include in the result (the others come back null), e.g.
                ["Name", "Department"].
            options: Language, culture and time zone for this call, over the session's defaults.
        """
        return await self._call(
            _GET_FIELD_VALUES_FROM_ERP,
            (erp_connection_id, actor_type_erp, erp_key),
            select,
            options,
        )

    async def get_fields_for_new_erp_actor(
        self,
        erp_connection_id: int,
        erp_actor_type: ErpActorType,
        *,
        select: Select = None,
        options: CallOptions | None = None,
    ) -> list[FieldMetadata] | None:
        """Get the fields that must be filled out when creating a new ERP actor

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.

        Args:
            select: Properties to include in the result (the others come back null), e.g.
                ["Name", "Department"].
            options: Language, culture and time zone for this call, over the session's defaults.
        """
        return await self._call(
            _GET_FIELDS_FOR_NEW_ERP_ACTOR, (erp_connection_id, erp_actor_type), select, options
        )

    async def move_erp_field_item(
        self,
        erp_field_id: int,
        direction: int,
        erp_connection_id: int,
        erp_actor_type: ErpActorType,
        *,
        select: Select = None,
        options: CallOptions | None = None,
    ) -> None:
        """Moves the rank of the erp field up or down

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.

        Args:
            select: Properties to include in the result (the others come back null), e.g.
                ["Name", "Department"].
            options: Language, culture and time zone for this call, over the session's defaults.
        """
        return await self._call(
            _MOVE_ERP_FIELD_ITEM,
            (erp_field_id, direction, erp_connection_id, erp_actor_type),
            select,
            options,
        )

    async def save_actor_type_mapping(
        self,
        mapping: ErpSyncActorTypeMapping | None,
        *,
        select: Select = None,
        options: CallOptions | None = None,
    ) -> ErpSyncActorTypeMapping | None:
        """Save mappings for a connection/actor

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.

        Args:
            mapping: Mapping information for one Actor, contains array of field mappings (ERP
                <-> SuperOffice) Carrier object for ErpSyncActorTypeMapping. Services for the
                ErpSyncActorTypeMapping Carrier is available from the ErpSync Agent.
            select: Properties to include in the result (the others come back null), e.g.
                ["Name", "Department"].
            options: Language, culture and time zone for this call, over the session's defaults.
        """
        return await self._call(_SAVE_ACTOR_TYPE_MAPPING, (mapping,), select, options)

    async def save_connection(
        self,
        connection: ErpConnection | None,
        *,
        select: Select = None,
        options: CallOptions | None = None,
    ) -> ErpConnection | None:
        """Saves a connection to the database.

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.

        Args:
            connection: Information about a connection to the ERP system. Carrier object for
                ErpConnection. Services for the ErpConnection Carrier is available from the
                ErpSync Agent.
            select: Properties to include in the result (the others come back null), e.g.
                ["Name", "Department"].
            options: Language, culture and time zone for this call, over the session's defaults.
        """
        return await self._call(_SAVE_CONNECTION, (connection,), select, options)

    async def save_connection_list_mappings(
        self,
        list_mapping: ErpConnectionListMappingContainer | None,
        *,
        select: Select = None,
        options: CallOptions | None = None,
    ) -> ErpConnectionListMappingContainer | None:
        """Saves a connection to the database.

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.

        Args:
            list_mapping: Information about all list connections for a connection between CRM
                and the ERP system. Carrier object for ErpConnectionListMappingContainer.
                Services for the ErpConnectionListMappingContainer Carrier is available from the
                ErpSync Agent.
            select: Properties to include in the result (the others come back null), e.g.
                ["Name", "Department"].
            options: Language, culture and time zone for this call, over the session's defaults.
        """
        return await self._call(_SAVE_CONNECTION_LIST_MAPPINGS, (list_mapping,), select, options)

    async def save_default_value_info(
        self,
        erp_sync_default_value: ErpSyncDefaultValue | None,
        *,
        select: Select = None,
        options: CallOptions | None = None,
    ) -> ErpSyncDefaultValue | None:
        """Save information about a default value for an ERP field

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.

        Args:
            erp_sync_default_value: Contains default value information for one ERP field Carrier
                object for ErpSyncDefaultValue. Services for the ErpSyncDefaultValue Carrier is
                available from the ErpSync Agent.
            select: Properties to include in the result (the others come back null), e.g.
                ["Name", "Department"].
            options: Language, culture and time zone for this call, over the session's defaults.
        """
        return await self._call(
            _SAVE_DEFAULT_VALUE_INFO, (erp_sync_default_value,), select, options
        )

    async def save_erp_connection_sync_priorities(
        self,
        erp_connection_ids: list[int] | None,
        *,
        select: Select = None,
        options: CallOptions | None = None,
    ) -> bool:
        """Takes an array of the ErpConnection ids and saves these as ordered sync priorities

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.

        Args:
            select: Properties to include in the result (the others come back null), e.g.
                ["Name", "Department"].
            options: Language, culture and time zone for this call, over the session's defaults.
        """
        return await self._call(
            _SAVE_ERP_CONNECTION_SYNC_PRIORITIES, (erp_connection_ids,), select, options
        )

    async def save_erp_sync_connector_entity(
        self,
        erp_sync_connector_entity: ErpSyncConnectorEntity | None,
        *,
        options: CallOptions | None = None,
    ) -> ErpSyncConnectorEntity | None:
        """Updates the existing ErpSyncConnectorEntity or creates a new ErpSyncConnectorEntity if
        the id parameter is empty

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.

        Args:
            erp_sync_connector_entity: The ErpSyncConnectorEntity to be saved.
            options: Language, culture and time zone for this call, over the session's defaults.
        """
        return await self._call(
            _SAVE_ERP_SYNC_CONNECTOR_ENTITY, (erp_sync_connector_entity,), None, options
        )

    async def supports_advanced_search(
        self,
        erp_connection_id: int,
        erp_actor_type: ErpActorType,
        *,
        select: Select = None,
        options: CallOptions | None = None,
    ) -> bool:
        """Indicates if the connection supports advanced search for the given erp actor

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.

        Args:
            select: Properties to include in the result (the others come back null), e.g.
                ["Name", "Department"].
            options: Language, culture and time zone for this call, over the session's defaults.
        """
        return await self._call(
            _SUPPORTS_ADVANCED_SEARCH, (erp_connection_id, erp_actor_type), select, options
        )

    async def sync_all(
        self, *, select: Select = None, options: CallOptions | None = None
    ) -> PluginResponse | None:
        """Sync all active connections

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.

        Args:
            select: Properties to include in the result (the others come back null), e.g.
                ["Name", "Department"].
            options: Language, culture and time zone for this call, over the session's defaults.
        """
        return await self._call(_SYNC_ALL, (), select, options)

    async def test_connection_by_config(
        self,
        erp_connection_id: int,
        config_fields: dict[str, str] | None,
        *,
        select: Select = None,
        options: CallOptions | None = None,
    ) -> bool:
        """Tests to see if the given connection has a valid connection to its connector

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.

        Args:
            select: Properties to include in the result (the others come back null), e.g.
                ["Name", "Department"].
            options: Language, culture and time zone for this call, over the session's defaults.
        """
        return await self._call(
            _TEST_CONNECTION_BY_CONFIG, (erp_connection_id, config_fields), select, options
        )

    async def test_connection_by_id(
        self, erp_connection_id: int, *, select: Select = None, options: CallOptions | None = None
    ) -> bool:
        """Tests to see if we can establish a connection with the given config fields

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.

        Args:
            select: Properties to include in the result (the others come back null), e.g.
                ["Name", "Department"].
            options: Language, culture and time zone for this call, over the session's defaults.
        """
        return await self._call(_TEST_CONNECTION_BY_ID, (erp_connection_id,), select, options)

    async def test_connector_url(
        self, url: str | None, *, select: Select = None, options: CallOptions | None = None
    ) -> ErpSyncResponseCode:
        """Test if connector urls anwers

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.

        Args:
            select: Properties to include in the result (the others come back null), e.g.
                ["Name", "Department"].
            options: Language, culture and time zone for this call, over the session's defaults.
        """
        return await self._call(_TEST_CONNECTOR_URL, (url,), select, options)

    async def toggle_erp_connection_active(
        self, erp_connection_id: int, *, select: Select = None, options: CallOptions | None = None
    ) -> list[str] | None:
        """Toggles the Active state of the connection

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.

        Args:
            select: Properties to include in the result (the others come back null), e.g.
                ["Name", "Department"].
            options: Language, culture and time zone for this call, over the session's defaults.
        """
        return await self._call(
            _TOGGLE_ERP_CONNECTION_ACTIVE, (erp_connection_id,), select, options
        )

    async def try_connect_actor(
        self,
        erp_connection_id: int,
        crm_record_id: int,
        crm_actor_type: CrmActorType,
        erp_key: str | None,
        erp_actor_type: ErpActorType,
        field_values: list[ErpSyncFieldValue] | None,
        *,
        select: Select = None,
        options: CallOptions | None = None,
    ) -> bool:
        """Create a link between Erp and Crm and set default values

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.

        Args:
            select: Properties to include in the result (the others come back null), e.g.
                ["Name", "Department"].
            options: Language, culture and time zone for this call, over the session's defaults.
        """
        return await self._call(
            _TRY_CONNECT_ACTOR,
            (
                erp_connection_id,
                crm_record_id,
                crm_actor_type,
                erp_key,
                erp_actor_type,
                field_values,
            ),
            select,
            options,
        )

    async def update_connection_fields(
        self, erp_connection_id: int, *, select: Select = None, options: CallOptions | None = None
    ) -> bool:
        """Gets all supported actor types, and all fields for each actor type, and save this state
        to the CRM database

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.

        Args:
            select: Properties to include in the result (the others come back null), e.g.
                ["Name", "Department"].
            options: Language, culture and time zone for this call, over the session's defaults.
        """
        return await self._call(_UPDATE_CONNECTION_FIELDS, (erp_connection_id,), select, options)

    async def validate_archive_column_config(
        self,
        list_owner: str | None,
        erp_connection_id: int,
        *,
        select: Select = None,
        options: CallOptions | None = None,
    ) -> None:
        """Clear field info from table SUPERLISTCOLUMNSIZE if field mapping changed on given
        connection

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.

        Args:
            select: Properties to include in the result (the others come back null), e.g.
                ["Name", "Department"].
            options: Language, culture and time zone for this call, over the session's defaults.
        """
        return await self._call(
            _VALIDATE_ARCHIVE_COLUMN_CONFIG, (list_owner, erp_connection_id), select, options
        )

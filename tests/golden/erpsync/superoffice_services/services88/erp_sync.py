"""ErpSync agent of Services88: 49 operations."""

from __future__ import annotations

from typing import TYPE_CHECKING
from .._runtime import wire
from .._runtime.session import Agent, AsyncAgent
from .._runtime.soap import Body, Operation
from ._schema import SCHEMA, REPLY_HEADERS, REQUEST_HEADERS

# for the annotations only: importing the agent imports none of these
if TYPE_CHECKING:
    from datetime import timedelta

    from .types.crm_actor_type import CrmActorType
    from .types.erp_actor_type import ErpActorType
    from .types.erp_connection import ErpConnection
    from .types.erp_connection_data import ErpConnectionData
    from .types.erp_connection_list_mapping_container import ErpConnectionListMappingContainer
    from .types.erp_sync_actor_type_mapping import ErpSyncActorTypeMapping
    from .types.erp_sync_connection_summary import ErpSyncConnectionSummary
    from .types.erp_sync_connector_entity import ErpSyncConnectorEntity
    from .types.erp_sync_default_value import ErpSyncDefaultValue
    from .types.erp_sync_engine_status import ErpSyncEngineStatus
    from .types.erp_sync_field_value import ErpSyncFieldValue
    from .types.erp_sync_response_code import ErpSyncResponseCode
    from .types.field_metadata import FieldMetadata
    from .types.list_item import ListItem
    from .types.plugin_response import PluginResponse


_CREATE_DEFAULT_ERP_SYNC_CONNECTOR_ENTITY: Operation[ErpSyncConnectorEntity | None] = Operation(
    SCHEMA,
    "CreateDefaultErpSyncConnectorEntity",
    "http://www.superoffice.net/ws/crm/NetServer/Services88/ErpSync/CreateDefaultErpSyncConnectorEntity",
    request=Body("CreateDefaultErpSyncConnectorEntity"),
    response=Body(
        "CreateDefaultErpSyncConnectorEntityResponse",
        wire.Element("response", "Response", "ErpSyncConnectorEntity", nillable=True),
    ),
    headers=REQUEST_HEADERS,
    reply_headers=REPLY_HEADERS,
)


_SAVE_ERP_SYNC_CONNECTOR_ENTITY: Operation[ErpSyncConnectorEntity | None] = Operation(
    SCHEMA,
    "SaveErpSyncConnectorEntity",
    "http://www.superoffice.net/ws/crm/NetServer/Services88/ErpSync/SaveErpSyncConnectorEntity",
    request=Body(
        "SaveErpSyncConnectorEntity",
        wire.Element(
            "erp_sync_connector_entity",
            "ErpSyncConnectorEntity",
            "ErpSyncConnectorEntity",
            nillable=True,
        ),
    ),
    response=Body(
        "SaveErpSyncConnectorEntityResponse",
        wire.Element("response", "Response", "ErpSyncConnectorEntity", nillable=True),
    ),
    headers=REQUEST_HEADERS,
    reply_headers=REPLY_HEADERS,
)


_DELETE_ERP_SYNC_CONNECTOR_ENTITY: Operation[None] = Operation(
    SCHEMA,
    "DeleteErpSyncConnectorEntity",
    "http://www.superoffice.net/ws/crm/NetServer/Services88/ErpSync/DeleteErpSyncConnectorEntity",
    request=Body(
        "DeleteErpSyncConnectorEntity",
        wire.Element("erp_sync_connector_entity_id", "ErpSyncConnectorEntityId", wire.INT),
    ),
    response=Body("DeleteErpSyncConnectorEntityResponse"),
    headers=REQUEST_HEADERS,
    reply_headers=REPLY_HEADERS,
)


_GET_CONNECTION: Operation[ErpConnection | None] = Operation(
    SCHEMA,
    "GetConnection",
    "http://www.superoffice.net/ws/crm/NetServer/Services88/ErpSync/GetConnection",
    request=Body("GetConnection", wire.Element("erp_connection_id", "ErpConnectionId", wire.INT)),
    response=Body(
        "GetConnectionResponse",
        wire.Element("response", "Response", "ErpConnection", nillable=True),
    ),
    headers=REQUEST_HEADERS,
    reply_headers=REPLY_HEADERS,
)


_SAVE_CONNECTION: Operation[ErpConnection | None] = Operation(
    SCHEMA,
    "SaveConnection",
    "http://www.superoffice.net/ws/crm/NetServer/Services88/ErpSync/SaveConnection",
    request=Body(
        "SaveConnection", wire.Element("connection", "Connection", "ErpConnection", nillable=True)
    ),
    response=Body(
        "SaveConnectionResponse",
        wire.Element("response", "Response", "ErpConnection", nillable=True),
    ),
    headers=REQUEST_HEADERS,
    reply_headers=REPLY_HEADERS,
)


_DELETE_CONNECTION: Operation[None] = Operation(
    SCHEMA,
    "DeleteConnection",
    "http://www.superoffice.net/ws/crm/NetServer/Services88/ErpSync/DeleteConnection",
    request=Body(
        "DeleteConnection", wire.Element("erp_connection_id", "ErpConnectionId", wire.INT)
    ),
    response=Body("DeleteConnectionResponse"),
    headers=REQUEST_HEADERS,
    reply_headers=REPLY_HEADERS,
)


_GET_CONFIGURATION_FIELDS: Operation[list[FieldMetadata] | None] = Operation(
    SCHEMA,
    "GetConfigurationFields",
    "http://www.superoffice.net/ws/crm/NetServer/Services88/ErpSync/GetConfigurationFields",
    request=Body(
        "GetConfigurationFields", wire.Element("erp_connector_id", "ErpConnectorId", wire.INT)
    ),
    response=Body(
        "GetConfigurationFieldsResponse",
        wire.Element(
            "response",
            "Response",
            wire.ArrayOf("FieldMetadata", "FieldMetadata", nillable=True),
            nillable=True,
        ),
    ),
    headers=REQUEST_HEADERS,
    reply_headers=REPLY_HEADERS,
)


_GET_ERP_CONNECTION_CONFIG_FIELDS: Operation[dict[str, str] | None] = Operation(
    SCHEMA,
    "GetErpConnectionConfigFields",
    "http://www.superoffice.net/ws/crm/NetServer/Services88/ErpSync/GetErpConnectionConfigFields",
    request=Body(
        "GetErpConnectionConfigFields",
        wire.Element("erp_connection_id", "ErpConnectionId", wire.INT),
    ),
    response=Body(
        "GetErpConnectionConfigFieldsResponse",
        wire.Element(
            "response",
            "Response",
            wire.DictOf("StringKeyValuePair", wire.STRING, wire.STRING),
            nillable=True,
        ),
    ),
    headers=REQUEST_HEADERS,
    reply_headers=REPLY_HEADERS,
)


_TOGGLE_ERP_CONNECTION_ACTIVE: Operation[list[str] | None] = Operation(
    SCHEMA,
    "ToggleErpConnectionActive",
    "http://www.superoffice.net/ws/crm/NetServer/Services88/ErpSync/ToggleErpConnectionActive",
    request=Body(
        "ToggleErpConnectionActive", wire.Element("erp_connection_id", "ErpConnectionId", wire.INT)
    ),
    response=Body(
        "ToggleErpConnectionActiveResponse",
        wire.Element(
            "response",
            "Response",
            wire.ArrayOf("string", wire.STRING, namespace=wire.ARRAYS, nillable=True),
            nillable=True,
        ),
    ),
    headers=REQUEST_HEADERS,
    reply_headers=REPLY_HEADERS,
)


_TEST_CONNECTION_BY_ID: Operation[bool] = Operation(
    SCHEMA,
    "TestConnectionById",
    "http://www.superoffice.net/ws/crm/NetServer/Services88/ErpSync/TestConnectionById",
    request=Body(
        "TestConnectionById", wire.Element("erp_connection_id", "ErpConnectionId", wire.INT)
    ),
    response=Body("TestConnectionByIdResponse", wire.Element("response", "Response", wire.BOOLEAN)),
    headers=REQUEST_HEADERS,
    reply_headers=REPLY_HEADERS,
)


_TEST_CONNECTION_BY_CONFIG: Operation[bool] = Operation(
    SCHEMA,
    "TestConnectionByConfig",
    "http://www.superoffice.net/ws/crm/NetServer/Services88/ErpSync/TestConnectionByConfig",
    request=Body(
        "TestConnectionByConfig",
        wire.Element("erp_connection_id", "ErpConnectionId", wire.INT),
        wire.Element(
            "config_fields",
            "ConfigFields",
            wire.DictOf("StringKeyValuePair", wire.STRING, wire.STRING),
            nillable=True,
        ),
    ),
    response=Body(
        "TestConnectionByConfigResponse", wire.Element("response", "Response", wire.BOOLEAN)
    ),
    headers=REQUEST_HEADERS,
    reply_headers=REPLY_HEADERS,
)


_SAVE_ERP_CONNECTION_SYNC_PRIORITIES: Operation[bool] = Operation(
    SCHEMA,
    "SaveErpConnectionSyncPriorities",
    "http://www.superoffice.net/ws/crm/NetServer/Services88/ErpSync/SaveErpConnectionSyncPriorities",
    request=Body(
        "SaveErpConnectionSyncPriorities",
        wire.Element(
            "erp_connection_ids",
            "ErpConnectionIds",
            wire.ArrayOf("int", wire.INT, namespace=wire.ARRAYS),
            nillable=True,
        ),
    ),
    response=Body(
        "SaveErpConnectionSyncPrioritiesResponse",
        wire.Element("response", "Response", wire.BOOLEAN),
    ),
    headers=REQUEST_HEADERS,
    reply_headers=REPLY_HEADERS,
)


_MOVE_ERP_FIELD_ITEM: Operation[None] = Operation(
    SCHEMA,
    "MoveErpFieldItem",
    "http://www.superoffice.net/ws/crm/NetServer/Services88/ErpSync/MoveErpFieldItem",
    request=Body(
        "MoveErpFieldItem",
        wire.Element("erp_field_id", "ErpFieldId", wire.INT),
        wire.Element("direction", "Direction", wire.INT),
        wire.Element("erp_connection_id", "ErpConnectionId", wire.INT),
        wire.Element("erp_actor_type", "ErpActorType", "ErpActorType"),
    ),
    response=Body("MoveErpFieldItemResponse"),
    headers=REQUEST_HEADERS,
    reply_headers=REPLY_HEADERS,
)


_SUPPORTS_ADVANCED_SEARCH: Operation[bool] = Operation(
    SCHEMA,
    "SupportsAdvancedSearch",
    "http://www.superoffice.net/ws/crm/NetServer/Services88/ErpSync/SupportsAdvancedSearch",
    request=Body(
        "SupportsAdvancedSearch",
        wire.Element("erp_connection_id", "ErpConnectionId", wire.INT),
        wire.Element("erp_actor_type", "ErpActorType", "ErpActorType"),
    ),
    response=Body(
        "SupportsAdvancedSearchResponse", wire.Element("response", "Response", wire.BOOLEAN)
    ),
    headers=REQUEST_HEADERS,
    reply_headers=REPLY_HEADERS,
)


_GET_ALL_CONNECTORS: Operation[list[ListItem] | None] = Operation(
    SCHEMA,
    "GetAllConnectors",
    "http://www.superoffice.net/ws/crm/NetServer/Services88/ErpSync/GetAllConnectors",
    request=Body("GetAllConnectors"),
    response=Body(
        "GetAllConnectorsResponse",
        wire.Element(
            "response",
            "Response",
            wire.ArrayOf("ListItem", "ListItem", nillable=True),
            nillable=True,
        ),
    ),
    headers=REQUEST_HEADERS,
    reply_headers=REPLY_HEADERS,
)


_GET_ALL_CONNECTIONS: Operation[list[ErpConnection] | None] = Operation(
    SCHEMA,
    "GetAllConnections",
    "http://www.superoffice.net/ws/crm/NetServer/Services88/ErpSync/GetAllConnections",
    request=Body(
        "GetAllConnections", wire.Element("include_deleted", "IncludeDeleted", wire.BOOLEAN)
    ),
    response=Body(
        "GetAllConnectionsResponse",
        wire.Element(
            "response",
            "Response",
            wire.ArrayOf("ErpConnection", "ErpConnection", nillable=True),
            nillable=True,
        ),
    ),
    headers=REQUEST_HEADERS,
    reply_headers=REPLY_HEADERS,
)


_GET_CONNECTIONS_AND_DISPLAY_FIELDS: Operation[list[ErpConnectionData] | None] = Operation(
    SCHEMA,
    "GetConnectionsAndDisplayFields",
    "http://www.superoffice.net/ws/crm/NetServer/Services88/ErpSync/GetConnectionsAndDisplayFields",
    request=Body(
        "GetConnectionsAndDisplayFields",
        wire.Element("crm_actor_type", "CrmActorType", "CrmActorType"),
        wire.Element("entity_id", "EntityId", wire.INT),
    ),
    response=Body(
        "GetConnectionsAndDisplayFieldsResponse",
        wire.Element(
            "response",
            "Response",
            wire.ArrayOf("ErpConnectionData", "ErpConnectionData", nillable=True),
            nillable=True,
        ),
    ),
    headers=REQUEST_HEADERS,
    reply_headers=REPLY_HEADERS,
)


_GET_ERP_FIELD_VALUES: Operation[list[str] | None] = Operation(
    SCHEMA,
    "GetErpFieldValues",
    "http://www.superoffice.net/ws/crm/NetServer/Services88/ErpSync/GetErpFieldValues",
    request=Body(
        "GetErpFieldValues",
        wire.Element("erp_connection_id", "ErpConnectionId", wire.INT),
        wire.Element("crm_actor_type", "CrmActorType", "CrmActorType"),
        wire.Element("entity_id", "EntityId", wire.INT),
        wire.Element(
            "field_keys",
            "FieldKeys",
            wire.ArrayOf("string", wire.STRING, namespace=wire.ARRAYS, nillable=True),
            nillable=True,
        ),
    ),
    response=Body(
        "GetErpFieldValuesResponse",
        wire.Element(
            "response",
            "Response",
            wire.ArrayOf("string", wire.STRING, namespace=wire.ARRAYS, nillable=True),
            nillable=True,
        ),
    ),
    headers=REQUEST_HEADERS,
    reply_headers=REPLY_HEADERS,
)


_GET_FIELDS_FOR_NEW_ERP_ACTOR: Operation[list[FieldMetadata] | None] = Operation(
    SCHEMA,
    "GetFieldsForNewErpActor",
    "http://www.superoffice.net/ws/crm/NetServer/Services88/ErpSync/GetFieldsForNewErpActor",
    request=Body(
        "GetFieldsForNewErpActor",
        wire.Element("erp_connection_id", "ErpConnectionId", wire.INT),
        wire.Element("erp_actor_type", "ErpActorType", "ErpActorType"),
    ),
    response=Body(
        "GetFieldsForNewErpActorResponse",
        wire.Element(
            "response",
            "Response",
            wire.ArrayOf("FieldMetadata", "FieldMetadata", nillable=True),
            nillable=True,
        ),
    ),
    headers=REQUEST_HEADERS,
    reply_headers=REPLY_HEADERS,
)


_GET_CONNECTION_LIST_MAPPINGS: Operation[ErpConnectionListMappingContainer | None] = Operation(
    SCHEMA,
    "GetConnectionListMappings",
    "http://www.superoffice.net/ws/crm/NetServer/Services88/ErpSync/GetConnectionListMappings",
    request=Body(
        "GetConnectionListMappings", wire.Element("erp_connection_id", "ErpConnectionId", wire.INT)
    ),
    response=Body(
        "GetConnectionListMappingsResponse",
        wire.Element("response", "Response", "ErpConnectionListMappingContainer", nillable=True),
    ),
    headers=REQUEST_HEADERS,
    reply_headers=REPLY_HEADERS,
)


_SAVE_CONNECTION_LIST_MAPPINGS: Operation[ErpConnectionListMappingContainer | None] = Operation(
    SCHEMA,
    "SaveConnectionListMappings",
    "http://www.superoffice.net/ws/crm/NetServer/Services88/ErpSync/SaveConnectionListMappings",
    request=Body(
        "SaveConnectionListMappings",
        wire.Element(
            "list_mapping", "ListMapping", "ErpConnectionListMappingContainer", nillable=True
        ),
    ),
    response=Body(
        "SaveConnectionListMappingsResponse",
        wire.Element("response", "Response", "ErpConnectionListMappingContainer", nillable=True),
    ),
    headers=REQUEST_HEADERS,
    reply_headers=REPLY_HEADERS,
)


_CONNECT_ACTOR: Operation[None] = Operation(
    SCHEMA,
    "ConnectActor",
    "http://www.superoffice.net/ws/crm/NetServer/Services88/ErpSync/ConnectActor",
    request=Body(
        "ConnectActor",
        wire.Element("erp_connection_id", "ErpConnectionId", wire.INT),
        wire.Element("crm_record_id", "CrmRecordId", wire.INT),
        wire.Element("crm_actor_type", "CrmActorType", "CrmActorType"),
        wire.Element("erp_key", "ErpKey", wire.STRING, nillable=True),
        wire.Element("erp_actor_type", "ErpActorType", "ErpActorType"),
        wire.Element(
            "field_values",
            "FieldValues",
            wire.ArrayOf("ErpSyncFieldValue", "ErpSyncFieldValue", nillable=True),
            nillable=True,
        ),
    ),
    response=Body("ConnectActorResponse"),
    headers=REQUEST_HEADERS,
    reply_headers=REPLY_HEADERS,
)


_TRY_CONNECT_ACTOR: Operation[bool] = Operation(
    SCHEMA,
    "TryConnectActor",
    "http://www.superoffice.net/ws/crm/NetServer/Services88/ErpSync/TryConnectActor",
    request=Body(
        "TryConnectActor",
        wire.Element("erp_connection_id", "ErpConnectionId", wire.INT),
        wire.Element("crm_record_id", "CrmRecordId", wire.INT),
        wire.Element("crm_actor_type", "CrmActorType", "CrmActorType"),
        wire.Element("erp_key", "ErpKey", wire.STRING, nillable=True),
        wire.Element("erp_actor_type", "ErpActorType", "ErpActorType"),
        wire.Element(
            "field_values",
            "FieldValues",
            wire.ArrayOf("ErpSyncFieldValue", "ErpSyncFieldValue", nillable=True),
            nillable=True,
        ),
    ),
    response=Body("TryConnectActorResponse", wire.Element("response", "Response", wire.BOOLEAN)),
    headers=REQUEST_HEADERS,
    reply_headers=REPLY_HEADERS,
)


_GET_FIELD_VALUES_FROM_CRM: Operation[list[ErpSyncFieldValue] | None] = Operation(
    SCHEMA,
    "GetFieldValuesFromCrm",
    "http://www.superoffice.net/ws/crm/NetServer/Services88/ErpSync/GetFieldValuesFromCrm",
    request=Body(
        "GetFieldValuesFromCrm",
        wire.Element("record_id", "RecordId", wire.INT),
        wire.Element("actor_type_crm", "ActorTypeCrm", "CrmActorType"),
    ),
    response=Body(
        "GetFieldValuesFromCrmResponse",
        wire.Element(
            "response",
            "Response",
            wire.ArrayOf("ErpSyncFieldValue", "ErpSyncFieldValue", nillable=True),
            nillable=True,
        ),
    ),
    headers=REQUEST_HEADERS,
    reply_headers=REPLY_HEADERS,
)


_GET_FIELD_VALUES_FROM_ERP: Operation[list[ErpSyncFieldValue] | None] = Operation(
    SCHEMA,
    "GetFieldValuesFromErp",
    "http://www.superoffice.net/ws/crm/NetServer/Services88/ErpSync/GetFieldValuesFromErp",
    request=Body(
        "GetFieldValuesFromErp",
        wire.Element("erp_connection_id", "ErpConnectionId", wire.INT),
        wire.Element("actor_type_erp", "ActorTypeErp", "ErpActorType"),
        wire.Element("erp_key", "ErpKey", wire.STRING, nillable=True),
    ),
    response=Body(
        "GetFieldValuesFromErpResponse",
        wire.Element(
            "response",
            "Response",
            wire.ArrayOf("ErpSyncFieldValue", "ErpSyncFieldValue", nillable=True),
            nillable=True,
        ),
    ),
    headers=REQUEST_HEADERS,
    reply_headers=REPLY_HEADERS,
)


_GET_ACTOR_TYPE_MAPPING: Operation[ErpSyncActorTypeMapping | None] = Operation(
    SCHEMA,
    "GetActorTypeMapping",
    "http://www.superoffice.net/ws/crm/NetServer/Services88/ErpSync/GetActorTypeMapping",
    request=Body(
        "GetActorTypeMapping",
        wire.Element("erp_connection_id", "ErpConnectionId", wire.INT),
        wire.Element("actor_type", "ActorType", "ErpActorType"),
    ),
    response=Body(
        "GetActorTypeMappingResponse",
        wire.Element("response", "Response", "ErpSyncActorTypeMapping", nillable=True),
    ),
    headers=REQUEST_HEADERS,
    reply_headers=REPLY_HEADERS,
)


_CREATE_ACTOR_LINK: Operation[bool] = Operation(
    SCHEMA,
    "CreateActorLink",
    "http://www.superoffice.net/ws/crm/NetServer/Services88/ErpSync/CreateActorLink",
    request=Body(
        "CreateActorLink",
        wire.Element("erp_connection_id", "ErpConnectionId", wire.INT),
        wire.Element("crm_record_id", "CrmRecordId", wire.INT),
        wire.Element("crm_actor_type", "CrmActorType", "CrmActorType"),
        wire.Element("erp_key", "ErpKey", wire.STRING, nillable=True),
        wire.Element("erp_actor_type", "ErpActorType", "ErpActorType"),
    ),
    response=Body("CreateActorLinkResponse", wire.Element("response", "Response", wire.BOOLEAN)),
    headers=REQUEST_HEADERS,
    reply_headers=REPLY_HEADERS,
)


_BREAK_ACTOR_LINK: Operation[bool] = Operation(
    SCHEMA,
    "BreakActorLink",
    "http://www.superoffice.net/ws/crm/NetServer/Services88/ErpSync/BreakActorLink",
    request=Body(
        "BreakActorLink",
        wire.Element("erp_connection_id", "ErpConnectionId", wire.INT),
        wire.Element("crm_record_id", "CrmRecordId", wire.INT),
        wire.Element("crm_actor_type", "CrmActorType", "CrmActorType"),
    ),
    response=Body("BreakActorLinkResponse", wire.Element("response", "Response", wire.BOOLEAN)),
    headers=REQUEST_HEADERS,
    reply_headers=REPLY_HEADERS,
)


_CREATE_ERP_ACTOR_FROM_CRM: Operation[bool] = Operation(
    SCHEMA,
    "CreateErpActorFromCrm",
    "http://www.superoffice.net/ws/crm/NetServer/Services88/ErpSync/CreateErpActorFromCrm",
    request=Body(
        "CreateErpActorFromCrm",
        wire.Element("connection_id", "ConnectionId", wire.INT),
        wire.Element("crm_entity_id", "CrmEntityId", wire.INT),
        wire.Element("erp_actor_type", "ErpActorType", "ErpActorType"),
        wire.Element("crm_actor_type", "CrmActorType", "CrmActorType"),
        wire.Element(
            "erp_field_key_values",
            "ErpFieldKeyValues",
            wire.DictOf("StringKeyValuePair", wire.STRING, wire.STRING),
            nillable=True,
        ),
    ),
    response=Body(
        "CreateErpActorFromCrmResponse", wire.Element("response", "Response", wire.BOOLEAN)
    ),
    headers=REQUEST_HEADERS,
    reply_headers=REPLY_HEADERS,
)


_SAVE_ACTOR_TYPE_MAPPING: Operation[ErpSyncActorTypeMapping | None] = Operation(
    SCHEMA,
    "SaveActorTypeMapping",
    "http://www.superoffice.net/ws/crm/NetServer/Services88/ErpSync/SaveActorTypeMapping",
    request=Body(
        "SaveActorTypeMapping",
        wire.Element("mapping", "Mapping", "ErpSyncActorTypeMapping", nillable=True),
    ),
    response=Body(
        "SaveActorTypeMappingResponse",
        wire.Element("response", "Response", "ErpSyncActorTypeMapping", nillable=True),
    ),
    headers=REQUEST_HEADERS,
    reply_headers=REPLY_HEADERS,
)


_VALIDATE_ARCHIVE_COLUMN_CONFIG: Operation[None] = Operation(
    SCHEMA,
    "ValidateArchiveColumnConfig",
    "http://www.superoffice.net/ws/crm/NetServer/Services88/ErpSync/ValidateArchiveColumnConfig",
    request=Body(
        "ValidateArchiveColumnConfig",
        wire.Element("list_owner", "ListOwner", wire.STRING, nillable=True),
        wire.Element("erp_connection_id", "ErpConnectionId", wire.INT),
    ),
    response=Body("ValidateArchiveColumnConfigResponse"),
    headers=REQUEST_HEADERS,
    reply_headers=REPLY_HEADERS,
)


_UPDATE_CONNECTION_FIELDS: Operation[bool] = Operation(
    SCHEMA,
    "UpdateConnectionFields",
    "http://www.superoffice.net/ws/crm/NetServer/Services88/ErpSync/UpdateConnectionFields",
    request=Body(
        "UpdateConnectionFields", wire.Element("erp_connection_id", "ErpConnectionId", wire.INT)
    ),
    response=Body(
        "UpdateConnectionFieldsResponse", wire.Element("response", "Response", wire.BOOLEAN)
    ),
    headers=REQUEST_HEADERS,
    reply_headers=REPLY_HEADERS,
)


_GET_CRM_ACTOR_TYPE: Operation[CrmActorType] = Operation(
    SCHEMA,
    "GetCrmActorType",
    "http://www.superoffice.net/ws/crm/NetServer/Services88/ErpSync/GetCrmActorType",
    request=Body(
        "GetCrmActorType",
        wire.Element("erp_connection_id", "ErpConnectionId", wire.INT),
        wire.Element("erp_actor_type", "ErpActorType", "ErpActorType"),
    ),
    response=Body("GetCrmActorTypeResponse", wire.Element("response", "Response", "CrmActorType")),
    headers=REQUEST_HEADERS,
    reply_headers=REPLY_HEADERS,
)


_GET_ERP_SYNC_CONNECTION_SUMMARY: Operation[ErpSyncConnectionSummary | None] = Operation(
    SCHEMA,
    "GetErpSyncConnectionSummary",
    "http://www.superoffice.net/ws/crm/NetServer/Services88/ErpSync/GetErpSyncConnectionSummary",
    request=Body(
        "GetErpSyncConnectionSummary",
        wire.Element("erp_sync_connection_id", "ErpSyncConnectionId", wire.INT),
    ),
    response=Body(
        "GetErpSyncConnectionSummaryResponse",
        wire.Element("response", "Response", "ErpSyncConnectionSummary", nillable=True),
    ),
    headers=REQUEST_HEADERS,
    reply_headers=REPLY_HEADERS,
)


_GET_ERP_SYNC_CONNECTOR_ENTITY: Operation[ErpSyncConnectorEntity | None] = Operation(
    SCHEMA,
    "GetErpSyncConnectorEntity",
    "http://www.superoffice.net/ws/crm/NetServer/Services88/ErpSync/GetErpSyncConnectorEntity",
    request=Body(
        "GetErpSyncConnectorEntity",
        wire.Element("erp_sync_connector_entity_id", "ErpSyncConnectorEntityId", wire.INT),
    ),
    response=Body(
        "GetErpSyncConnectorEntityResponse",
        wire.Element("response", "Response", "ErpSyncConnectorEntity", nillable=True),
    ),
    headers=REQUEST_HEADERS,
    reply_headers=REPLY_HEADERS,
)


_CAN_DELETE_ERP_SYNC_CONNECTOR_ENTITY: Operation[ErpSyncResponseCode] = Operation(
    SCHEMA,
    "CanDeleteErpSyncConnectorEntity",
    "http://www.superoffice.net/ws/crm/NetServer/Services88/ErpSync/CanDeleteErpSyncConnectorEntity",
    request=Body(
        "CanDeleteErpSyncConnectorEntity",
        wire.Element("erp_sync_connector_id", "ErpSyncConnectorId", wire.INT),
    ),
    response=Body(
        "CanDeleteErpSyncConnectorEntityResponse",
        wire.Element("response", "Response", "ErpSyncResponseCode"),
    ),
    headers=REQUEST_HEADERS,
    reply_headers=REPLY_HEADERS,
)


_TEST_CONNECTOR_URL: Operation[ErpSyncResponseCode] = Operation(
    SCHEMA,
    "TestConnectorUrl",
    "http://www.superoffice.net/ws/crm/NetServer/Services88/ErpSync/TestConnectorUrl",
    request=Body("TestConnectorUrl", wire.Element("url", "Url", wire.STRING, nillable=True)),
    response=Body(
        "TestConnectorUrlResponse", wire.Element("response", "Response", "ErpSyncResponseCode")
    ),
    headers=REQUEST_HEADERS,
    reply_headers=REPLY_HEADERS,
)


_SAVE_DEFAULT_VALUE_INFO: Operation[ErpSyncDefaultValue | None] = Operation(
    SCHEMA,
    "SaveDefaultValueInfo",
    "http://www.superoffice.net/ws/crm/NetServer/Services88/ErpSync/SaveDefaultValueInfo",
    request=Body(
        "SaveDefaultValueInfo",
        wire.Element(
            "erp_sync_default_value", "ErpSyncDefaultValue", "ErpSyncDefaultValue", nillable=True
        ),
    ),
    response=Body(
        "SaveDefaultValueInfoResponse",
        wire.Element("response", "Response", "ErpSyncDefaultValue", nillable=True),
    ),
    headers=REQUEST_HEADERS,
    reply_headers=REPLY_HEADERS,
)


_GET_DEFAULT_VALUE_INFO: Operation[ErpSyncDefaultValue | None] = Operation(
    SCHEMA,
    "GetDefaultValueInfo",
    "http://www.superoffice.net/ws/crm/NetServer/Services88/ErpSync/GetDefaultValueInfo",
    request=Body("GetDefaultValueInfo", wire.Element("erp_field_id", "ErpFieldId", wire.INT)),
    response=Body(
        "GetDefaultValueInfoResponse",
        wire.Element("response", "Response", "ErpSyncDefaultValue", nillable=True),
    ),
    headers=REQUEST_HEADERS,
    reply_headers=REPLY_HEADERS,
)


_SYNC_ALL: Operation[PluginResponse | None] = Operation(
    SCHEMA,
    "SyncAll",
    "http://www.superoffice.net/ws/crm/NetServer/Services88/ErpSync/SyncAll",
    request=Body("SyncAll"),
    response=Body(
        "SyncAllResponse", wire.Element("response", "Response", "PluginResponse", nillable=True)
    ),
    headers=REQUEST_HEADERS,
    reply_headers=REPLY_HEADERS,
)


_FORCE_SYNC_ALL: Operation[PluginResponse | None] = Operation(
    SCHEMA,
    "ForceSyncAll",
    "http://www.superoffice.net/ws/crm/NetServer/Services88/ErpSync/ForceSyncAll",
    request=Body("ForceSyncAll"),
    response=Body(
        "ForceSyncAllResponse",
        wire.Element("response", "Response", "PluginResponse", nillable=True),
    ),
    headers=REQUEST_HEADERS,
    reply_headers=REPLY_HEADERS,
)


_FORCE_RESYNC: Operation[PluginResponse | None] = Operation(
    SCHEMA,
    "ForceResync",
    "http://www.superoffice.net/ws/crm/NetServer/Services88/ErpSync/ForceResync",
    request=Body(
        "ForceResync",
        wire.Element("erp_connection_id", "ErpConnectionId", wire.INT),
        wire.Element(
            "internal_key_ids",
            "InternalKeyIds",
            wire.ArrayOf("int", wire.INT, namespace=wire.ARRAYS),
            nillable=True,
        ),
    ),
    response=Body(
        "ForceResyncResponse", wire.Element("response", "Response", "PluginResponse", nillable=True)
    ),
    headers=REQUEST_HEADERS,
    reply_headers=REPLY_HEADERS,
)


_FORCE_RESYNC_NO_BLANK_VALUES: Operation[PluginResponse | None] = Operation(
    SCHEMA,
    "ForceResyncNoBlankValues",
    "http://www.superoffice.net/ws/crm/NetServer/Services88/ErpSync/ForceResyncNoBlankValues",
    request=Body(
        "ForceResyncNoBlankValues",
        wire.Element("erp_connection_id", "ErpConnectionId", wire.INT),
        wire.Element(
            "internal_key_ids",
            "InternalKeyIds",
            wire.ArrayOf("int", wire.INT, namespace=wire.ARRAYS),
            nillable=True,
        ),
    ),
    response=Body(
        "ForceResyncNoBlankValuesResponse",
        wire.Element("response", "Response", "PluginResponse", nillable=True),
    ),
    headers=REQUEST_HEADERS,
    reply_headers=REPLY_HEADERS,
)


_FORCE_RESYNC_BATCH_TASK: Operation[None] = Operation(
    SCHEMA,
    "ForceResyncBatchTask",
    "http://www.superoffice.net/ws/crm/NetServer/Services88/ErpSync/ForceResyncBatchTask",
    request=Body(
        "ForceResyncBatchTask",
        wire.Element("erp_connection_id", "ErpConnectionId", wire.INT),
        wire.Element(
            "internal_key_ids",
            "InternalKeyIds",
            wire.ArrayOf("int", wire.INT, namespace=wire.ARRAYS),
            nillable=True,
        ),
    ),
    response=Body("ForceResyncBatchTaskResponse"),
    headers=REQUEST_HEADERS,
    reply_headers=REPLY_HEADERS,
)


_FORCE_RESYNC_EXTERNAL: Operation[PluginResponse | None] = Operation(
    SCHEMA,
    "ForceResyncExternal",
    "http://www.superoffice.net/ws/crm/NetServer/Services88/ErpSync/ForceResyncExternal",
    request=Body(
        "ForceResyncExternal",
        wire.Element("erp_connection_id", "ErpConnectionId", wire.INT),
        wire.Element("erp_actor_type", "ErpActorType", "ErpActorType"),
        wire.Element(
            "external_keys",
            "ExternalKeys",
            wire.ArrayOf("string", wire.STRING, namespace=wire.ARRAYS, nillable=True),
            nillable=True,
        ),
    ),
    response=Body(
        "ForceResyncExternalResponse",
        wire.Element("response", "Response", "PluginResponse", nillable=True),
    ),
    headers=REQUEST_HEADERS,
    reply_headers=REPLY_HEADERS,
)


_FORCE_RESYNC_EXTERNAL_NO_BLANK_VALUES: Operation[PluginResponse | None] = Operation(
    SCHEMA,
    "ForceResyncExternalNoBlankValues",
    "http://www.superoffice.net/ws/crm/NetServer/Services88/ErpSync/ForceResyncExternalNoBlankValues",
    request=Body(
        "ForceResyncExternalNoBlankValues",
        wire.Element("erp_connection_id", "ErpConnectionId", wire.INT),
        wire.Element("erp_actor_type", "ErpActorType", "ErpActorType"),
        wire.Element(
            "external_keys",
            "ExternalKeys",
            wire.ArrayOf("string", wire.STRING, namespace=wire.ARRAYS, nillable=True),
            nillable=True,
        ),
    ),
    response=Body(
        "ForceResyncExternalNoBlankValuesResponse",
        wire.Element("response", "Response", "PluginResponse", nillable=True),
    ),
    headers=REQUEST_HEADERS,
    reply_headers=REPLY_HEADERS,
)


_GET_ENGINE_STATUS: Operation[ErpSyncEngineStatus | None] = Operation(
    SCHEMA,
    "GetEngineStatus",
    "http://www.superoffice.net/ws/crm/NetServer/Services88/ErpSync/GetEngineStatus",
    request=Body("GetEngineStatus"),
    response=Body(
        "GetEngineStatusResponse",
        wire.Element("response", "Response", "ErpSyncEngineStatus", nillable=True),
    ),
    headers=REQUEST_HEADERS,
    reply_headers=REPLY_HEADERS,
)


_CHANGE_ENGINE_STATUS: Operation[ErpSyncEngineStatus | None] = Operation(
    SCHEMA,
    "ChangeEngineStatus",
    "http://www.superoffice.net/ws/crm/NetServer/Services88/ErpSync/ChangeEngineStatus",
    request=Body("ChangeEngineStatus", wire.Element("run", "Run", wire.BOOLEAN)),
    response=Body(
        "ChangeEngineStatusResponse",
        wire.Element("response", "Response", "ErpSyncEngineStatus", nillable=True),
    ),
    headers=REQUEST_HEADERS,
    reply_headers=REPLY_HEADERS,
)


_CHANGE_ENGINE_INTERVAL: Operation[None] = Operation(
    SCHEMA,
    "ChangeEngineInterval",
    "http://www.superoffice.net/ws/crm/NetServer/Services88/ErpSync/ChangeEngineInterval",
    request=Body("ChangeEngineInterval", wire.Element("interval", "Interval", wire.DURATION)),
    response=Body("ChangeEngineIntervalResponse"),
    headers=REQUEST_HEADERS,
    reply_headers=REPLY_HEADERS,
)


class ErpSyncAgent(Agent):
    """The ErpSync agent of SuperOffice NetServer Services88.

    Endpoint: ``Remote/Services88/ErpSync.svc``.
    """

    endpoint = "Remote/Services88/ErpSync.svc"

    def create_default_erp_sync_connector_entity(self) -> ErpSyncConnectorEntity | None:
        """Set default values into a new ErpSyncConnectorEntity.

        NetServer calculates default values on the entity, which is required when
        creating/storing a new instance

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.
        """
        return self._call(_CREATE_DEFAULT_ERP_SYNC_CONNECTOR_ENTITY)

    def save_erp_sync_connector_entity(
        self, erp_sync_connector_entity: ErpSyncConnectorEntity | None
    ) -> ErpSyncConnectorEntity | None:
        """Updates the existing ErpSyncConnectorEntity or creates a new ErpSyncConnectorEntity if
        the id parameter is empty

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.
        """
        return self._call(_SAVE_ERP_SYNC_CONNECTOR_ENTITY, erp_sync_connector_entity)

    def delete_erp_sync_connector_entity(self, erp_sync_connector_entity_id: int) -> None:
        """Deletes the ErpSyncConnectorEntity

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.

        Args:
            erp_sync_connector_entity_id: The id of the ErpSyncConnectorEntity to be deleted.
        """
        return self._call(_DELETE_ERP_SYNC_CONNECTOR_ENTITY, erp_sync_connector_entity_id)

    def get_connection(self, erp_connection_id: int) -> ErpConnection | None:
        """Returns the specified connection.

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.
        """
        return self._call(_GET_CONNECTION, erp_connection_id)

    def save_connection(self, connection: ErpConnection | None) -> ErpConnection | None:
        """Saves a connection to the database.

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.

        Args:
            connection: Information about a connection to the ERP system. Carrier object for
                ErpConnection. Services for the ErpConnection Carrier is available from the
                ErpSync Agent.
        """
        return self._call(_SAVE_CONNECTION, connection)

    def delete_connection(self, erp_connection_id: int) -> None:
        """Deletes a connection from the database.

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.
        """
        return self._call(_DELETE_CONNECTION, erp_connection_id)

    def get_configuration_fields(self, erp_connector_id: int) -> list[FieldMetadata] | None:
        """Returns all fields needed to connect to the given connector

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.
        """
        return self._call(_GET_CONFIGURATION_FIELDS, erp_connector_id)

    def get_erp_connection_config_fields(self, erp_connection_id: int) -> dict[str, str] | None:
        """Returns the config fields for the connection.

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.
        """
        return self._call(_GET_ERP_CONNECTION_CONFIG_FIELDS, erp_connection_id)

    def toggle_erp_connection_active(self, erp_connection_id: int) -> list[str] | None:
        """Toggles the Active state of the connection

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.
        """
        return self._call(_TOGGLE_ERP_CONNECTION_ACTIVE, erp_connection_id)

    def test_connection_by_id(self, erp_connection_id: int) -> bool:
        """Tests to see if we can establish a connection with the given config fields

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.
        """
        return self._call(_TEST_CONNECTION_BY_ID, erp_connection_id)

    def test_connection_by_config(
        self, erp_connection_id: int, config_fields: dict[str, str] | None
    ) -> bool:
        """Tests to see if the given connection has a valid connection to its connector

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.
        """
        return self._call(_TEST_CONNECTION_BY_CONFIG, erp_connection_id, config_fields)

    def save_erp_connection_sync_priorities(self, erp_connection_ids: list[int] | None) -> bool:
        """Takes an array of the ErpConnection ids and saves these as ordered sync priorities

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.
        """
        return self._call(_SAVE_ERP_CONNECTION_SYNC_PRIORITIES, erp_connection_ids)

    def move_erp_field_item(
        self,
        erp_field_id: int,
        direction: int,
        erp_connection_id: int,
        erp_actor_type: ErpActorType,
    ) -> None:
        """Moves the rank of the erp field up or down

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.
        """
        return self._call(
            _MOVE_ERP_FIELD_ITEM, erp_field_id, direction, erp_connection_id, erp_actor_type
        )

    def supports_advanced_search(
        self, erp_connection_id: int, erp_actor_type: ErpActorType
    ) -> bool:
        """Indicates if the connection supports advanced search for the given erp actor

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.
        """
        return self._call(_SUPPORTS_ADVANCED_SEARCH, erp_connection_id, erp_actor_type)

    def get_all_connectors(self) -> list[ListItem] | None:
        """Returns all ERP Sync connectors.

        Uses the `ErpConnector` archive.

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.
        """
        return self._call(_GET_ALL_CONNECTORS)

    def get_all_connections(self, include_deleted: bool) -> list[ErpConnection] | None:
        """Returns all ERP Sync connections without config field data.

        Uses the `ErpConnection` archive.

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.
        """
        return self._call(_GET_ALL_CONNECTIONS, include_deleted)

    def get_connections_and_display_fields(
        self, crm_actor_type: CrmActorType, entity_id: int
    ) -> list[ErpConnectionData] | None:
        """Get all connection statuses and fields for a given entity

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.
        """
        return self._call(_GET_CONNECTIONS_AND_DISPLAY_FIELDS, crm_actor_type, entity_id)

    def get_erp_field_values(
        self,
        erp_connection_id: int,
        crm_actor_type: CrmActorType,
        entity_id: int,
        field_keys: list[str] | None,
    ) -> list[str] | None:
        """Get the values for the specified fields from the ERP connection

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.
        """
        return self._call(
            _GET_ERP_FIELD_VALUES, erp_connection_id, crm_actor_type, entity_id, field_keys
        )

    def get_fields_for_new_erp_actor(
        self, erp_connection_id: int, erp_actor_type: ErpActorType
    ) -> list[FieldMetadata] | None:
        """Get the fields that must be filled out when creating a new ERP actor

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.
        """
        return self._call(_GET_FIELDS_FOR_NEW_ERP_ACTOR, erp_connection_id, erp_actor_type)

    def get_connection_list_mappings(
        self, erp_connection_id: int
    ) -> ErpConnectionListMappingContainer | None:
        """Returns the listmappings for the specified connection.

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.
        """
        return self._call(_GET_CONNECTION_LIST_MAPPINGS, erp_connection_id)

    def save_connection_list_mappings(
        self, list_mapping: ErpConnectionListMappingContainer | None
    ) -> ErpConnectionListMappingContainer | None:
        """Saves a connection to the database.

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.

        Args:
            list_mapping: Information about all list connections for a connection between CRM
                and the ERP system. Carrier object for ErpConnectionListMappingContainer.
                Services for the ErpConnectionListMappingContainer Carrier is available from the
                ErpSync Agent.
        """
        return self._call(_SAVE_CONNECTION_LIST_MAPPINGS, list_mapping)

    def connect_actor(
        self,
        erp_connection_id: int,
        crm_record_id: int,
        crm_actor_type: CrmActorType,
        erp_key: str | None,
        erp_actor_type: ErpActorType,
        field_values: list[ErpSyncFieldValue] | None,
    ) -> None:
        """Create a link between Erp and Crm and set default values

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.
        """
        return self._call(
            _CONNECT_ACTOR,
            erp_connection_id,
            crm_record_id,
            crm_actor_type,
            erp_key,
            erp_actor_type,
            field_values,
        )

    def try_connect_actor(
        self,
        erp_connection_id: int,
        crm_record_id: int,
        crm_actor_type: CrmActorType,
        erp_key: str | None,
        erp_actor_type: ErpActorType,
        field_values: list[ErpSyncFieldValue] | None,
    ) -> bool:
        """Create a link between Erp and Crm and set default values

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.
        """
        return self._call(
            _TRY_CONNECT_ACTOR,
            erp_connection_id,
            crm_record_id,
            crm_actor_type,
            erp_key,
            erp_actor_type,
            field_values,
        )

    def get_field_values_from_crm(
        self, record_id: int, actor_type_crm: CrmActorType
    ) -> list[ErpSyncFieldValue] | None:
        """Get Crm Field values

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.
        """
        return self._call(_GET_FIELD_VALUES_FROM_CRM, record_id, actor_type_crm)

    def get_field_values_from_erp(
        self, erp_connection_id: int, actor_type_erp: ErpActorType, erp_key: str | None
    ) -> list[ErpSyncFieldValue] | None:
        """Get Erp Field values

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.
        """
        return self._call(_GET_FIELD_VALUES_FROM_ERP, erp_connection_id, actor_type_erp, erp_key)

    def get_actor_type_mapping(
        self, erp_connection_id: int, actor_type: ErpActorType
    ) -> ErpSyncActorTypeMapping | None:
        """Get the current mappings for one connection/actor; connection+actor type = unique key

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.
        """
        return self._call(_GET_ACTOR_TYPE_MAPPING, erp_connection_id, actor_type)

    def create_actor_link(
        self,
        erp_connection_id: int,
        crm_record_id: int,
        crm_actor_type: CrmActorType,
        erp_key: str | None,
        erp_actor_type: ErpActorType,
    ) -> bool:
        """Link a crm entity to an erp entity

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.
        """
        return self._call(
            _CREATE_ACTOR_LINK,
            erp_connection_id,
            crm_record_id,
            crm_actor_type,
            erp_key,
            erp_actor_type,
        )

    def break_actor_link(
        self, erp_connection_id: int, crm_record_id: int, crm_actor_type: CrmActorType
    ) -> bool:
        """Remove the link between a CRM entity and an ERP entity

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.
        """
        return self._call(_BREAK_ACTOR_LINK, erp_connection_id, crm_record_id, crm_actor_type)

    def create_erp_actor_from_crm(
        self,
        connection_id: int,
        crm_entity_id: int,
        erp_actor_type: ErpActorType,
        crm_actor_type: CrmActorType,
        erp_field_key_values: dict[str, str] | None,
    ) -> bool:
        """Create ErpActor from crm entity

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.
        """
        return self._call(
            _CREATE_ERP_ACTOR_FROM_CRM,
            connection_id,
            crm_entity_id,
            erp_actor_type,
            crm_actor_type,
            erp_field_key_values,
        )

    def save_actor_type_mapping(
        self, mapping: ErpSyncActorTypeMapping | None
    ) -> ErpSyncActorTypeMapping | None:
        """Save mappings for a connection/actor

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.

        Args:
            mapping: Mapping information for one Actor, contains array of field mappings (ERP
                <-> SuperOffice) Carrier object for ErpSyncActorTypeMapping. Services for the
                ErpSyncActorTypeMapping Carrier is available from the ErpSync Agent.
        """
        return self._call(_SAVE_ACTOR_TYPE_MAPPING, mapping)

    def validate_archive_column_config(
        self, list_owner: str | None, erp_connection_id: int
    ) -> None:
        """Clear field info from table SUPERLISTCOLUMNSIZE if field mapping changed on given
        connection

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.
        """
        return self._call(_VALIDATE_ARCHIVE_COLUMN_CONFIG, list_owner, erp_connection_id)

    def update_connection_fields(self, erp_connection_id: int) -> bool:
        """Gets all supported actor types, and all fields for each actor type, and save this state
        to the CRM database

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.
        """
        return self._call(_UPDATE_CONNECTION_FIELDS, erp_connection_id)

    def get_crm_actor_type(
        self, erp_connection_id: int, erp_actor_type: ErpActorType
    ) -> CrmActorType:
        """Retrieves the CrmActorType that are mapped to a specific ErpActorType for this
        connection

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.
        """
        return self._call(_GET_CRM_ACTOR_TYPE, erp_connection_id, erp_actor_type)

    def get_erp_sync_connection_summary(
        self, erp_sync_connection_id: int
    ) -> ErpSyncConnectionSummary | None:
        """Get a summary of the current ErpSync configuration/setup

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.
        """
        return self._call(_GET_ERP_SYNC_CONNECTION_SUMMARY, erp_sync_connection_id)

    def get_erp_sync_connector_entity(
        self, erp_sync_connector_entity_id: int
    ) -> ErpSyncConnectorEntity | None:
        """Gets a ErpSyncConnectorEntity object.

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.

        Args:
            erp_sync_connector_entity_id: The primary key.
        """
        return self._call(_GET_ERP_SYNC_CONNECTOR_ENTITY, erp_sync_connector_entity_id)

    def can_delete_erp_sync_connector_entity(
        self, erp_sync_connector_id: int
    ) -> ErpSyncResponseCode:
        """Can we delete the connector?

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.
        """
        return self._call(_CAN_DELETE_ERP_SYNC_CONNECTOR_ENTITY, erp_sync_connector_id)

    def test_connector_url(self, url: str | None) -> ErpSyncResponseCode:
        """Test if connector urls anwers

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.
        """
        return self._call(_TEST_CONNECTOR_URL, url)

    def save_default_value_info(
        self, erp_sync_default_value: ErpSyncDefaultValue | None
    ) -> ErpSyncDefaultValue | None:
        """Save information about a default value for an ERP field

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.

        Args:
            erp_sync_default_value: Contains default value information for one ERP field Carrier
                object for ErpSyncDefaultValue. Services for the ErpSyncDefaultValue Carrier is
                available from the ErpSync Agent.
        """
        return self._call(_SAVE_DEFAULT_VALUE_INFO, erp_sync_default_value)

    def get_default_value_info(self, erp_field_id: int) -> ErpSyncDefaultValue | None:
        """Get information about default value for an ERP field

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.
        """
        return self._call(_GET_DEFAULT_VALUE_INFO, erp_field_id)

    def sync_all(self) -> PluginResponse | None:
        """Sync all active connections

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.
        """
        return self._call(_SYNC_ALL)

    def force_sync_all(self) -> PluginResponse | None:
        """Sync all active connections even when automatic sync is off

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.
        """
        return self._call(_FORCE_SYNC_ALL)

    def force_resync(
        self, erp_connection_id: int, internal_key_ids: list[int] | None
    ) -> PluginResponse | None:
        """Force resync from CRM or given Erp connection to all other connections

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.
        """
        return self._call(_FORCE_RESYNC, erp_connection_id, internal_key_ids)

    def force_resync_no_blank_values(
        self, erp_connection_id: int, internal_key_ids: list[int] | None
    ) -> PluginResponse | None:
        """Force resync from CRM or given Erp connection to all other connections and tell the sync
        that you don't want blank values to overwrite non-blank values.

        Useful on import.

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.
        """
        return self._call(_FORCE_RESYNC_NO_BLANK_VALUES, erp_connection_id, internal_key_ids)

    def force_resync_batch_task(
        self, erp_connection_id: int, internal_key_ids: list[int] | None
    ) -> None:
        """Start batch task to force resync from CRM or given Erp connection to all other
        connections

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.
        """
        return self._call(_FORCE_RESYNC_BATCH_TASK, erp_connection_id, internal_key_ids)

    def force_resync_external(
        self, erp_connection_id: int, erp_actor_type: ErpActorType, external_keys: list[str] | None
    ) -> PluginResponse | None:
        """Force resync from CRM or given Erp connection to all other connections, using external
        keys

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.
        """
        return self._call(_FORCE_RESYNC_EXTERNAL, erp_connection_id, erp_actor_type, external_keys)

    def force_resync_external_no_blank_values(
        self, erp_connection_id: int, erp_actor_type: ErpActorType, external_keys: list[str] | None
    ) -> PluginResponse | None:
        """Force resync from CRM or given Erp connection to all other connections, using external
        keys, and tell the sync that you don't want blank values to overwrite non-blank values.

        Useful on import.

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.
        """
        return self._call(
            _FORCE_RESYNC_EXTERNAL_NO_BLANK_VALUES, erp_connection_id, erp_actor_type, external_keys
        )

    def get_engine_status(self) -> ErpSyncEngineStatus | None:
        """Get the current status of the Sync engine

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.
        """
        return self._call(_GET_ENGINE_STATUS)

    def change_engine_status(self, run: bool) -> ErpSyncEngineStatus | None:
        """Change the current running/stopped status of the Sync engine

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.
        """
        return self._call(_CHANGE_ENGINE_STATUS, run)

    def change_engine_interval(self, interval: timedelta) -> None:
        """Change the interval for each run of the Sync Engine

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.
        """
        return self._call(_CHANGE_ENGINE_INTERVAL, interval)


class AsyncErpSyncAgent(AsyncAgent):
    """The asyncio twin of ErpSyncAgent.

    The ErpSync agent of SuperOffice NetServer Services88.

    Endpoint: ``Remote/Services88/ErpSync.svc``.
    """

    endpoint = "Remote/Services88/ErpSync.svc"

    async def create_default_erp_sync_connector_entity(self) -> ErpSyncConnectorEntity | None:
        """Set default values into a new ErpSyncConnectorEntity.

        NetServer calculates default values on the entity, which is required when
        creating/storing a new instance

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.
        """
        return await self._call(_CREATE_DEFAULT_ERP_SYNC_CONNECTOR_ENTITY)

    async def save_erp_sync_connector_entity(
        self, erp_sync_connector_entity: ErpSyncConnectorEntity | None
    ) -> ErpSyncConnectorEntity | None:
        """Updates the existing ErpSyncConnectorEntity or creates a new ErpSyncConnectorEntity if
        the id parameter is empty

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.
        """
        return await self._call(_SAVE_ERP_SYNC_CONNECTOR_ENTITY, erp_sync_connector_entity)

    async def delete_erp_sync_connector_entity(self, erp_sync_connector_entity_id: int) -> None:
        """Deletes the ErpSyncConnectorEntity

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.

        Args:
            erp_sync_connector_entity_id: The id of the ErpSyncConnectorEntity to be deleted.
        """
        return await self._call(_DELETE_ERP_SYNC_CONNECTOR_ENTITY, erp_sync_connector_entity_id)

    async def get_connection(self, erp_connection_id: int) -> ErpConnection | None:
        """Returns the specified connection.

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.
        """
        return await self._call(_GET_CONNECTION, erp_connection_id)

    async def save_connection(self, connection: ErpConnection | None) -> ErpConnection | None:
        """Saves a connection to the database.

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.

        Args:
            connection: Information about a connection to the ERP system. Carrier object for
                ErpConnection. Services for the ErpConnection Carrier is available from the
                ErpSync Agent.
        """
        return await self._call(_SAVE_CONNECTION, connection)

    async def delete_connection(self, erp_connection_id: int) -> None:
        """Deletes a connection from the database.

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.
        """
        return await self._call(_DELETE_CONNECTION, erp_connection_id)

    async def get_configuration_fields(self, erp_connector_id: int) -> list[FieldMetadata] | None:
        """Returns all fields needed to connect to the given connector

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.
        """
        return await self._call(_GET_CONFIGURATION_FIELDS, erp_connector_id)

    async def get_erp_connection_config_fields(
        self, erp_connection_id: int
    ) -> dict[str, str] | None:
        """Returns the config fields for the connection.

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.
        """
        return await self._call(_GET_ERP_CONNECTION_CONFIG_FIELDS, erp_connection_id)

    async def toggle_erp_connection_active(self, erp_connection_id: int) -> list[str] | None:
        """Toggles the Active state of the connection

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.
        """
        return await self._call(_TOGGLE_ERP_CONNECTION_ACTIVE, erp_connection_id)

    async def test_connection_by_id(self, erp_connection_id: int) -> bool:
        """Tests to see if we can establish a connection with the given config fields

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.
        """
        return await self._call(_TEST_CONNECTION_BY_ID, erp_connection_id)

    async def test_connection_by_config(
        self, erp_connection_id: int, config_fields: dict[str, str] | None
    ) -> bool:
        """Tests to see if the given connection has a valid connection to its connector

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.
        """
        return await self._call(_TEST_CONNECTION_BY_CONFIG, erp_connection_id, config_fields)

    async def save_erp_connection_sync_priorities(
        self, erp_connection_ids: list[int] | None
    ) -> bool:
        """Takes an array of the ErpConnection ids and saves these as ordered sync priorities

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.
        """
        return await self._call(_SAVE_ERP_CONNECTION_SYNC_PRIORITIES, erp_connection_ids)

    async def move_erp_field_item(
        self,
        erp_field_id: int,
        direction: int,
        erp_connection_id: int,
        erp_actor_type: ErpActorType,
    ) -> None:
        """Moves the rank of the erp field up or down

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.
        """
        return await self._call(
            _MOVE_ERP_FIELD_ITEM, erp_field_id, direction, erp_connection_id, erp_actor_type
        )

    async def supports_advanced_search(
        self, erp_connection_id: int, erp_actor_type: ErpActorType
    ) -> bool:
        """Indicates if the connection supports advanced search for the given erp actor

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.
        """
        return await self._call(_SUPPORTS_ADVANCED_SEARCH, erp_connection_id, erp_actor_type)

    async def get_all_connectors(self) -> list[ListItem] | None:
        """Returns all ERP Sync connectors.

        Uses the `ErpConnector` archive.

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.
        """
        return await self._call(_GET_ALL_CONNECTORS)

    async def get_all_connections(self, include_deleted: bool) -> list[ErpConnection] | None:
        """Returns all ERP Sync connections without config field data.

        Uses the `ErpConnection` archive.

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.
        """
        return await self._call(_GET_ALL_CONNECTIONS, include_deleted)

    async def get_connections_and_display_fields(
        self, crm_actor_type: CrmActorType, entity_id: int
    ) -> list[ErpConnectionData] | None:
        """Get all connection statuses and fields for a given entity

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.
        """
        return await self._call(_GET_CONNECTIONS_AND_DISPLAY_FIELDS, crm_actor_type, entity_id)

    async def get_erp_field_values(
        self,
        erp_connection_id: int,
        crm_actor_type: CrmActorType,
        entity_id: int,
        field_keys: list[str] | None,
    ) -> list[str] | None:
        """Get the values for the specified fields from the ERP connection

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.
        """
        return await self._call(
            _GET_ERP_FIELD_VALUES, erp_connection_id, crm_actor_type, entity_id, field_keys
        )

    async def get_fields_for_new_erp_actor(
        self, erp_connection_id: int, erp_actor_type: ErpActorType
    ) -> list[FieldMetadata] | None:
        """Get the fields that must be filled out when creating a new ERP actor

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.
        """
        return await self._call(_GET_FIELDS_FOR_NEW_ERP_ACTOR, erp_connection_id, erp_actor_type)

    async def get_connection_list_mappings(
        self, erp_connection_id: int
    ) -> ErpConnectionListMappingContainer | None:
        """Returns the listmappings for the specified connection.

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.
        """
        return await self._call(_GET_CONNECTION_LIST_MAPPINGS, erp_connection_id)

    async def save_connection_list_mappings(
        self, list_mapping: ErpConnectionListMappingContainer | None
    ) -> ErpConnectionListMappingContainer | None:
        """Saves a connection to the database.

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.

        Args:
            list_mapping: Information about all list connections for a connection between CRM
                and the ERP system. Carrier object for ErpConnectionListMappingContainer.
                Services for the ErpConnectionListMappingContainer Carrier is available from the
                ErpSync Agent.
        """
        return await self._call(_SAVE_CONNECTION_LIST_MAPPINGS, list_mapping)

    async def connect_actor(
        self,
        erp_connection_id: int,
        crm_record_id: int,
        crm_actor_type: CrmActorType,
        erp_key: str | None,
        erp_actor_type: ErpActorType,
        field_values: list[ErpSyncFieldValue] | None,
    ) -> None:
        """Create a link between Erp and Crm and set default values

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.
        """
        return await self._call(
            _CONNECT_ACTOR,
            erp_connection_id,
            crm_record_id,
            crm_actor_type,
            erp_key,
            erp_actor_type,
            field_values,
        )

    async def try_connect_actor(
        self,
        erp_connection_id: int,
        crm_record_id: int,
        crm_actor_type: CrmActorType,
        erp_key: str | None,
        erp_actor_type: ErpActorType,
        field_values: list[ErpSyncFieldValue] | None,
    ) -> bool:
        """Create a link between Erp and Crm and set default values

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.
        """
        return await self._call(
            _TRY_CONNECT_ACTOR,
            erp_connection_id,
            crm_record_id,
            crm_actor_type,
            erp_key,
            erp_actor_type,
            field_values,
        )

    async def get_field_values_from_crm(
        self, record_id: int, actor_type_crm: CrmActorType
    ) -> list[ErpSyncFieldValue] | None:
        """Get Crm Field values

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.
        """
        return await self._call(_GET_FIELD_VALUES_FROM_CRM, record_id, actor_type_crm)

    async def get_field_values_from_erp(
        self, erp_connection_id: int, actor_type_erp: ErpActorType, erp_key: str | None
    ) -> list[ErpSyncFieldValue] | None:
        """Get Erp Field values

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.
        """
        return await self._call(
            _GET_FIELD_VALUES_FROM_ERP, erp_connection_id, actor_type_erp, erp_key
        )

    async def get_actor_type_mapping(
        self, erp_connection_id: int, actor_type: ErpActorType
    ) -> ErpSyncActorTypeMapping | None:
        """Get the current mappings for one connection/actor; connection+actor type = unique key

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.
        """
        return await self._call(_GET_ACTOR_TYPE_MAPPING, erp_connection_id, actor_type)

    async def create_actor_link(
        self,
        erp_connection_id: int,
        crm_record_id: int,
        crm_actor_type: CrmActorType,
        erp_key: str | None,
        erp_actor_type: ErpActorType,
    ) -> bool:
        """Link a crm entity to an erp entity

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.
        """
        return await self._call(
            _CREATE_ACTOR_LINK,
            erp_connection_id,
            crm_record_id,
            crm_actor_type,
            erp_key,
            erp_actor_type,
        )

    async def break_actor_link(
        self, erp_connection_id: int, crm_record_id: int, crm_actor_type: CrmActorType
    ) -> bool:
        """Remove the link between a CRM entity and an ERP entity

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.
        """
        return await self._call(_BREAK_ACTOR_LINK, erp_connection_id, crm_record_id, crm_actor_type)

    async def create_erp_actor_from_crm(
        self,
        connection_id: int,
        crm_entity_id: int,
        erp_actor_type: ErpActorType,
        crm_actor_type: CrmActorType,
        erp_field_key_values: dict[str, str] | None,
    ) -> bool:
        """Create ErpActor from crm entity

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.
        """
        return await self._call(
            _CREATE_ERP_ACTOR_FROM_CRM,
            connection_id,
            crm_entity_id,
            erp_actor_type,
            crm_actor_type,
            erp_field_key_values,
        )

    async def save_actor_type_mapping(
        self, mapping: ErpSyncActorTypeMapping | None
    ) -> ErpSyncActorTypeMapping | None:
        """Save mappings for a connection/actor

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.

        Args:
            mapping: Mapping information for one Actor, contains array of field mappings (ERP
                <-> SuperOffice) Carrier object for ErpSyncActorTypeMapping. Services for the
                ErpSyncActorTypeMapping Carrier is available from the ErpSync Agent.
        """
        return await self._call(_SAVE_ACTOR_TYPE_MAPPING, mapping)

    async def validate_archive_column_config(
        self, list_owner: str | None, erp_connection_id: int
    ) -> None:
        """Clear field info from table SUPERLISTCOLUMNSIZE if field mapping changed on given
        connection

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.
        """
        return await self._call(_VALIDATE_ARCHIVE_COLUMN_CONFIG, list_owner, erp_connection_id)

    async def update_connection_fields(self, erp_connection_id: int) -> bool:
        """Gets all supported actor types, and all fields for each actor type, and save this state
        to the CRM database

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.
        """
        return await self._call(_UPDATE_CONNECTION_FIELDS, erp_connection_id)

    async def get_crm_actor_type(
        self, erp_connection_id: int, erp_actor_type: ErpActorType
    ) -> CrmActorType:
        """Retrieves the CrmActorType that are mapped to a specific ErpActorType for this
        connection

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.
        """
        return await self._call(_GET_CRM_ACTOR_TYPE, erp_connection_id, erp_actor_type)

    async def get_erp_sync_connection_summary(
        self, erp_sync_connection_id: int
    ) -> ErpSyncConnectionSummary | None:
        """Get a summary of the current ErpSync configuration/setup

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.
        """
        return await self._call(_GET_ERP_SYNC_CONNECTION_SUMMARY, erp_sync_connection_id)

    async def get_erp_sync_connector_entity(
        self, erp_sync_connector_entity_id: int
    ) -> ErpSyncConnectorEntity | None:
        """Gets a ErpSyncConnectorEntity object.

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.

        Args:
            erp_sync_connector_entity_id: The primary key.
        """
        return await self._call(_GET_ERP_SYNC_CONNECTOR_ENTITY, erp_sync_connector_entity_id)

    async def can_delete_erp_sync_connector_entity(
        self, erp_sync_connector_id: int
    ) -> ErpSyncResponseCode:
        """Can we delete the connector?

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.
        """
        return await self._call(_CAN_DELETE_ERP_SYNC_CONNECTOR_ENTITY, erp_sync_connector_id)

    async def test_connector_url(self, url: str | None) -> ErpSyncResponseCode:
        """Test if connector urls anwers

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.
        """
        return await self._call(_TEST_CONNECTOR_URL, url)

    async def save_default_value_info(
        self, erp_sync_default_value: ErpSyncDefaultValue | None
    ) -> ErpSyncDefaultValue | None:
        """Save information about a default value for an ERP field

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.

        Args:
            erp_sync_default_value: Contains default value information for one ERP field Carrier
                object for ErpSyncDefaultValue. Services for the ErpSyncDefaultValue Carrier is
                available from the ErpSync Agent.
        """
        return await self._call(_SAVE_DEFAULT_VALUE_INFO, erp_sync_default_value)

    async def get_default_value_info(self, erp_field_id: int) -> ErpSyncDefaultValue | None:
        """Get information about default value for an ERP field

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.
        """
        return await self._call(_GET_DEFAULT_VALUE_INFO, erp_field_id)

    async def sync_all(self) -> PluginResponse | None:
        """Sync all active connections

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.
        """
        return await self._call(_SYNC_ALL)

    async def force_sync_all(self) -> PluginResponse | None:
        """Sync all active connections even when automatic sync is off

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.
        """
        return await self._call(_FORCE_SYNC_ALL)

    async def force_resync(
        self, erp_connection_id: int, internal_key_ids: list[int] | None
    ) -> PluginResponse | None:
        """Force resync from CRM or given Erp connection to all other connections

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.
        """
        return await self._call(_FORCE_RESYNC, erp_connection_id, internal_key_ids)

    async def force_resync_no_blank_values(
        self, erp_connection_id: int, internal_key_ids: list[int] | None
    ) -> PluginResponse | None:
        """Force resync from CRM or given Erp connection to all other connections and tell the sync
        that you don't want blank values to overwrite non-blank values.

        Useful on import.

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.
        """
        return await self._call(_FORCE_RESYNC_NO_BLANK_VALUES, erp_connection_id, internal_key_ids)

    async def force_resync_batch_task(
        self, erp_connection_id: int, internal_key_ids: list[int] | None
    ) -> None:
        """Start batch task to force resync from CRM or given Erp connection to all other
        connections

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.
        """
        return await self._call(_FORCE_RESYNC_BATCH_TASK, erp_connection_id, internal_key_ids)

    async def force_resync_external(
        self, erp_connection_id: int, erp_actor_type: ErpActorType, external_keys: list[str] | None
    ) -> PluginResponse | None:
        """Force resync from CRM or given Erp connection to all other connections, using external
        keys

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.
        """
        return await self._call(
            _FORCE_RESYNC_EXTERNAL, erp_connection_id, erp_actor_type, external_keys
        )

    async def force_resync_external_no_blank_values(
        self, erp_connection_id: int, erp_actor_type: ErpActorType, external_keys: list[str] | None
    ) -> PluginResponse | None:
        """Force resync from CRM or given Erp connection to all other connections, using external
        keys, and tell the sync that you don't want blank values to overwrite non-blank values.

        Useful on import.

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.
        """
        return await self._call(
            _FORCE_RESYNC_EXTERNAL_NO_BLANK_VALUES, erp_connection_id, erp_actor_type, external_keys
        )

    async def get_engine_status(self) -> ErpSyncEngineStatus | None:
        """Get the current status of the Sync engine

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.
        """
        return await self._call(_GET_ENGINE_STATUS)

    async def change_engine_status(self, run: bool) -> ErpSyncEngineStatus | None:
        """Change the current running/stopped status of the Sync engine

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.
        """
        return await self._call(_CHANGE_ENGINE_STATUS, run)

    async def change_engine_interval(self, interval: timedelta) -> None:
        """Change the interval for each run of the Sync Engine

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.
        """
        return await self._call(_CHANGE_ENGINE_INTERVAL, interval)

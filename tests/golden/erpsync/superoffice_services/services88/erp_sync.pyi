"""ErpSync agent of Services88: 49 operations."""

from datetime import timedelta

from .._runtime.session import Agent, AsyncAgent
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

class ErpSyncAgent(Agent):
    """The ErpSync agent of SuperOffice NetServer Services88.

    Endpoint: ``Remote/Services88/ErpSync.svc``.
    """

    def create_default_erp_sync_connector_entity(self) -> ErpSyncConnectorEntity | None:
        """Set default values into a new ErpSyncConnectorEntity.

        NetServer calculates default values on the entity, which is required when
        creating/storing a new instance

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.
        """

    def save_erp_sync_connector_entity(
        self, erp_sync_connector_entity: ErpSyncConnectorEntity | None
    ) -> ErpSyncConnectorEntity | None:
        """Updates the existing ErpSyncConnectorEntity or creates a new ErpSyncConnectorEntity if
        the id parameter is empty

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.
        """

    def delete_erp_sync_connector_entity(self, erp_sync_connector_entity_id: int) -> None:
        """Deletes the ErpSyncConnectorEntity

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.

        Args:
            erp_sync_connector_entity_id: The id of the ErpSyncConnectorEntity to be deleted.
        """

    def get_connection(self, erp_connection_id: int) -> ErpConnection | None:
        """Returns the specified connection.

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.
        """

    def save_connection(self, connection: ErpConnection | None) -> ErpConnection | None:
        """Saves a connection to the database.

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.

        Args:
            connection: Information about a connection to the ERP system. Carrier object for
                ErpConnection. Services for the ErpConnection Carrier is available from the
                ErpSync Agent.
        """

    def delete_connection(self, erp_connection_id: int) -> None:
        """Deletes a connection from the database.

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.
        """

    def get_configuration_fields(self, erp_connector_id: int) -> list[FieldMetadata] | None:
        """Returns all fields needed to connect to the given connector

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.
        """

    def get_erp_connection_config_fields(self, erp_connection_id: int) -> dict[str, str] | None:
        """Returns the config fields for the connection.

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.
        """

    def toggle_erp_connection_active(self, erp_connection_id: int) -> list[str] | None:
        """Toggles the Active state of the connection

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.
        """

    def test_connection_by_id(self, erp_connection_id: int) -> bool:
        """Tests to see if we can establish a connection with the given config fields

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.
        """

    def test_connection_by_config(
        self, erp_connection_id: int, config_fields: dict[str, str] | None
    ) -> bool:
        """Tests to see if the given connection has a valid connection to its connector

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.
        """

    def save_erp_connection_sync_priorities(self, erp_connection_ids: list[int] | None) -> bool:
        """Takes an array of the ErpConnection ids and saves these as ordered sync priorities

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.
        """

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

    def supports_advanced_search(
        self, erp_connection_id: int, erp_actor_type: ErpActorType
    ) -> bool:
        """Indicates if the connection supports advanced search for the given erp actor

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.
        """

    def get_all_connectors(self) -> list[ListItem] | None:
        """Returns all ERP Sync connectors.

        Uses the `ErpConnector` archive.

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.
        """

    def get_all_connections(self, include_deleted: bool) -> list[ErpConnection] | None:
        """Returns all ERP Sync connections without config field data.

        Uses the `ErpConnection` archive.

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.
        """

    def get_connections_and_display_fields(
        self, crm_actor_type: CrmActorType, entity_id: int
    ) -> list[ErpConnectionData] | None:
        """Get all connection statuses and fields for a given entity

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.
        """

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

    def get_fields_for_new_erp_actor(
        self, erp_connection_id: int, erp_actor_type: ErpActorType
    ) -> list[FieldMetadata] | None:
        """Get the fields that must be filled out when creating a new ERP actor

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.
        """

    def get_connection_list_mappings(
        self, erp_connection_id: int
    ) -> ErpConnectionListMappingContainer | None:
        """Returns the listmappings for the specified connection.

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.
        """

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

    def get_field_values_from_crm(
        self, record_id: int, actor_type_crm: CrmActorType
    ) -> list[ErpSyncFieldValue] | None:
        """Get Crm Field values

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.
        """

    def get_field_values_from_erp(
        self, erp_connection_id: int, actor_type_erp: ErpActorType, erp_key: str | None
    ) -> list[ErpSyncFieldValue] | None:
        """Get Erp Field values

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.
        """

    def get_actor_type_mapping(
        self, erp_connection_id: int, actor_type: ErpActorType
    ) -> ErpSyncActorTypeMapping | None:
        """Get the current mappings for one connection/actor; connection+actor type = unique key

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.
        """

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

    def break_actor_link(
        self, erp_connection_id: int, crm_record_id: int, crm_actor_type: CrmActorType
    ) -> bool:
        """Remove the link between a CRM entity and an ERP entity

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.
        """

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

    def validate_archive_column_config(
        self, list_owner: str | None, erp_connection_id: int
    ) -> None:
        """Clear field info from table SUPERLISTCOLUMNSIZE if field mapping changed on given
        connection

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.
        """

    def update_connection_fields(self, erp_connection_id: int) -> bool:
        """Gets all supported actor types, and all fields for each actor type, and save this state
        to the CRM database

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.
        """

    def get_crm_actor_type(
        self, erp_connection_id: int, erp_actor_type: ErpActorType
    ) -> CrmActorType:
        """Retrieves the CrmActorType that are mapped to a specific ErpActorType for this
        connection

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.
        """

    def get_erp_sync_connection_summary(
        self, erp_sync_connection_id: int
    ) -> ErpSyncConnectionSummary | None:
        """Get a summary of the current ErpSync configuration/setup

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.
        """

    def get_erp_sync_connector_entity(
        self, erp_sync_connector_entity_id: int
    ) -> ErpSyncConnectorEntity | None:
        """Gets a ErpSyncConnectorEntity object.

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.

        Args:
            erp_sync_connector_entity_id: The primary key.
        """

    def can_delete_erp_sync_connector_entity(
        self, erp_sync_connector_id: int
    ) -> ErpSyncResponseCode:
        """Can we delete the connector?

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.
        """

    def test_connector_url(self, url: str | None) -> ErpSyncResponseCode:
        """Test if connector urls anwers

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.
        """

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

    def get_default_value_info(self, erp_field_id: int) -> ErpSyncDefaultValue | None:
        """Get information about default value for an ERP field

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.
        """

    def sync_all(self) -> PluginResponse | None:
        """Sync all active connections

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.
        """

    def force_sync_all(self) -> PluginResponse | None:
        """Sync all active connections even when automatic sync is off

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.
        """

    def force_resync(
        self, erp_connection_id: int, internal_key_ids: list[int] | None
    ) -> PluginResponse | None:
        """Force resync from CRM or given Erp connection to all other connections

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.
        """

    def force_resync_no_blank_values(
        self, erp_connection_id: int, internal_key_ids: list[int] | None
    ) -> PluginResponse | None:
        """Force resync from CRM or given Erp connection to all other connections and tell the sync
        that you don't want blank values to overwrite non-blank values.

        Useful on import.

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.
        """

    def force_resync_batch_task(
        self, erp_connection_id: int, internal_key_ids: list[int] | None
    ) -> None:
        """Start batch task to force resync from CRM or given Erp connection to all other
        connections

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.
        """

    def force_resync_external(
        self, erp_connection_id: int, erp_actor_type: ErpActorType, external_keys: list[str] | None
    ) -> PluginResponse | None:
        """Force resync from CRM or given Erp connection to all other connections, using external
        keys

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.
        """

    def force_resync_external_no_blank_values(
        self, erp_connection_id: int, erp_actor_type: ErpActorType, external_keys: list[str] | None
    ) -> PluginResponse | None:
        """Force resync from CRM or given Erp connection to all other connections, using external
        keys, and tell the sync that you don't want blank values to overwrite non-blank values.

        Useful on import.

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.
        """

    def get_engine_status(self) -> ErpSyncEngineStatus | None:
        """Get the current status of the Sync engine

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.
        """

    def change_engine_status(self, run: bool) -> ErpSyncEngineStatus | None:
        """Change the current running/stopped status of the Sync engine

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.
        """

    def change_engine_interval(self, interval: timedelta) -> None:
        """Change the interval for each run of the Sync Engine

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.
        """

class AsyncErpSyncAgent(AsyncAgent):
    """The asyncio twin of ErpSyncAgent.

    The ErpSync agent of SuperOffice NetServer Services88.

    Endpoint: ``Remote/Services88/ErpSync.svc``.
    """

    async def create_default_erp_sync_connector_entity(self) -> ErpSyncConnectorEntity | None:
        """Set default values into a new ErpSyncConnectorEntity.

        NetServer calculates default values on the entity, which is required when
        creating/storing a new instance

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.
        """

    async def save_erp_sync_connector_entity(
        self, erp_sync_connector_entity: ErpSyncConnectorEntity | None
    ) -> ErpSyncConnectorEntity | None:
        """Updates the existing ErpSyncConnectorEntity or creates a new ErpSyncConnectorEntity if
        the id parameter is empty

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.
        """

    async def delete_erp_sync_connector_entity(self, erp_sync_connector_entity_id: int) -> None:
        """Deletes the ErpSyncConnectorEntity

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.

        Args:
            erp_sync_connector_entity_id: The id of the ErpSyncConnectorEntity to be deleted.
        """

    async def get_connection(self, erp_connection_id: int) -> ErpConnection | None:
        """Returns the specified connection.

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.
        """

    async def save_connection(self, connection: ErpConnection | None) -> ErpConnection | None:
        """Saves a connection to the database.

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.

        Args:
            connection: Information about a connection to the ERP system. Carrier object for
                ErpConnection. Services for the ErpConnection Carrier is available from the
                ErpSync Agent.
        """

    async def delete_connection(self, erp_connection_id: int) -> None:
        """Deletes a connection from the database.

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.
        """

    async def get_configuration_fields(self, erp_connector_id: int) -> list[FieldMetadata] | None:
        """Returns all fields needed to connect to the given connector

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.
        """

    async def get_erp_connection_config_fields(
        self, erp_connection_id: int
    ) -> dict[str, str] | None:
        """Returns the config fields for the connection.

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.
        """

    async def toggle_erp_connection_active(self, erp_connection_id: int) -> list[str] | None:
        """Toggles the Active state of the connection

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.
        """

    async def test_connection_by_id(self, erp_connection_id: int) -> bool:
        """Tests to see if we can establish a connection with the given config fields

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.
        """

    async def test_connection_by_config(
        self, erp_connection_id: int, config_fields: dict[str, str] | None
    ) -> bool:
        """Tests to see if the given connection has a valid connection to its connector

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.
        """

    async def save_erp_connection_sync_priorities(
        self, erp_connection_ids: list[int] | None
    ) -> bool:
        """Takes an array of the ErpConnection ids and saves these as ordered sync priorities

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.
        """

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

    async def supports_advanced_search(
        self, erp_connection_id: int, erp_actor_type: ErpActorType
    ) -> bool:
        """Indicates if the connection supports advanced search for the given erp actor

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.
        """

    async def get_all_connectors(self) -> list[ListItem] | None:
        """Returns all ERP Sync connectors.

        Uses the `ErpConnector` archive.

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.
        """

    async def get_all_connections(self, include_deleted: bool) -> list[ErpConnection] | None:
        """Returns all ERP Sync connections without config field data.

        Uses the `ErpConnection` archive.

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.
        """

    async def get_connections_and_display_fields(
        self, crm_actor_type: CrmActorType, entity_id: int
    ) -> list[ErpConnectionData] | None:
        """Get all connection statuses and fields for a given entity

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.
        """

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

    async def get_fields_for_new_erp_actor(
        self, erp_connection_id: int, erp_actor_type: ErpActorType
    ) -> list[FieldMetadata] | None:
        """Get the fields that must be filled out when creating a new ERP actor

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.
        """

    async def get_connection_list_mappings(
        self, erp_connection_id: int
    ) -> ErpConnectionListMappingContainer | None:
        """Returns the listmappings for the specified connection.

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.
        """

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

    async def get_field_values_from_crm(
        self, record_id: int, actor_type_crm: CrmActorType
    ) -> list[ErpSyncFieldValue] | None:
        """Get Crm Field values

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.
        """

    async def get_field_values_from_erp(
        self, erp_connection_id: int, actor_type_erp: ErpActorType, erp_key: str | None
    ) -> list[ErpSyncFieldValue] | None:
        """Get Erp Field values

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.
        """

    async def get_actor_type_mapping(
        self, erp_connection_id: int, actor_type: ErpActorType
    ) -> ErpSyncActorTypeMapping | None:
        """Get the current mappings for one connection/actor; connection+actor type = unique key

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.
        """

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

    async def break_actor_link(
        self, erp_connection_id: int, crm_record_id: int, crm_actor_type: CrmActorType
    ) -> bool:
        """Remove the link between a CRM entity and an ERP entity

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.
        """

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

    async def validate_archive_column_config(
        self, list_owner: str | None, erp_connection_id: int
    ) -> None:
        """Clear field info from table SUPERLISTCOLUMNSIZE if field mapping changed on given
        connection

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.
        """

    async def update_connection_fields(self, erp_connection_id: int) -> bool:
        """Gets all supported actor types, and all fields for each actor type, and save this state
        to the CRM database

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.
        """

    async def get_crm_actor_type(
        self, erp_connection_id: int, erp_actor_type: ErpActorType
    ) -> CrmActorType:
        """Retrieves the CrmActorType that are mapped to a specific ErpActorType for this
        connection

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.
        """

    async def get_erp_sync_connection_summary(
        self, erp_sync_connection_id: int
    ) -> ErpSyncConnectionSummary | None:
        """Get a summary of the current ErpSync configuration/setup

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.
        """

    async def get_erp_sync_connector_entity(
        self, erp_sync_connector_entity_id: int
    ) -> ErpSyncConnectorEntity | None:
        """Gets a ErpSyncConnectorEntity object.

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.

        Args:
            erp_sync_connector_entity_id: The primary key.
        """

    async def can_delete_erp_sync_connector_entity(
        self, erp_sync_connector_id: int
    ) -> ErpSyncResponseCode:
        """Can we delete the connector?

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.
        """

    async def test_connector_url(self, url: str | None) -> ErpSyncResponseCode:
        """Test if connector urls anwers

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.
        """

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

    async def get_default_value_info(self, erp_field_id: int) -> ErpSyncDefaultValue | None:
        """Get information about default value for an ERP field

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.
        """

    async def sync_all(self) -> PluginResponse | None:
        """Sync all active connections

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.
        """

    async def force_sync_all(self) -> PluginResponse | None:
        """Sync all active connections even when automatic sync is off

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.
        """

    async def force_resync(
        self, erp_connection_id: int, internal_key_ids: list[int] | None
    ) -> PluginResponse | None:
        """Force resync from CRM or given Erp connection to all other connections

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.
        """

    async def force_resync_no_blank_values(
        self, erp_connection_id: int, internal_key_ids: list[int] | None
    ) -> PluginResponse | None:
        """Force resync from CRM or given Erp connection to all other connections and tell the sync
        that you don't want blank values to overwrite non-blank values.

        Useful on import.

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.
        """

    async def force_resync_batch_task(
        self, erp_connection_id: int, internal_key_ids: list[int] | None
    ) -> None:
        """Start batch task to force resync from CRM or given Erp connection to all other
        connections

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.
        """

    async def force_resync_external(
        self, erp_connection_id: int, erp_actor_type: ErpActorType, external_keys: list[str] | None
    ) -> PluginResponse | None:
        """Force resync from CRM or given Erp connection to all other connections, using external
        keys

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.
        """

    async def force_resync_external_no_blank_values(
        self, erp_connection_id: int, erp_actor_type: ErpActorType, external_keys: list[str] | None
    ) -> PluginResponse | None:
        """Force resync from CRM or given Erp connection to all other connections, using external
        keys, and tell the sync that you don't want blank values to overwrite non-blank values.

        Useful on import.

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.
        """

    async def get_engine_status(self) -> ErpSyncEngineStatus | None:
        """Get the current status of the Sync engine

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.
        """

    async def change_engine_status(self, run: bool) -> ErpSyncEngineStatus | None:
        """Change the current running/stopped status of the Sync engine

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.
        """

    async def change_engine_interval(self, interval: timedelta) -> None:
        """Change the interval for each run of the Sync Engine

        Online Restricted: The ErpSync agent is not available in Online by default. Access must
        be requested specifically when app is registered. Intended for ERP integration apps.
        """

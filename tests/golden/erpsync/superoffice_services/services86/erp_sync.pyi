"""ErpSync agent of Services86: 44 operations."""

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
from .types.plugin_response import PluginResponse

class ErpSyncAgent(Agent):
    """The ErpSync agent of SuperOffice NetServer Services86.

    Endpoint: ``Remote/Services86/ErpSync.svc``.
    """

    def create_default_erp_sync_connector_entity(self) -> ErpSyncConnectorEntity | None:
        """Call ErpSync.CreateDefaultErpSyncConnectorEntity of NetServer Services86."""

    def save_erp_sync_connector_entity(
        self, erp_sync_connector_entity: ErpSyncConnectorEntity | None
    ) -> ErpSyncConnectorEntity | None:
        """Call ErpSync.SaveErpSyncConnectorEntity of NetServer Services86."""

    def delete_erp_sync_connector_entity(self, erp_sync_connector_entity_id: int) -> None:
        """Call ErpSync.DeleteErpSyncConnectorEntity of NetServer Services86."""

    def get_actor_type_mapping(
        self, erp_connection_id: int, actor_type: ErpActorType
    ) -> ErpSyncActorTypeMapping | None:
        """Call ErpSync.GetActorTypeMapping of NetServer Services86."""

    def create_actor_link(
        self,
        erp_connection_id: int,
        crm_record_id: int,
        crm_actor_type: CrmActorType,
        erp_key: str | None,
        erp_actor_type: ErpActorType,
    ) -> bool:
        """Call ErpSync.CreateActorLink of NetServer Services86."""

    def break_actor_link(
        self, erp_connection_id: int, crm_record_id: int, crm_actor_type: CrmActorType
    ) -> bool:
        """Call ErpSync.BreakActorLink of NetServer Services86."""

    def create_erp_actor_from_crm(
        self,
        connection_id: int,
        crm_entity_id: int,
        erp_actor_type: ErpActorType,
        crm_actor_type: CrmActorType,
        erp_field_key_values: dict[str, str] | None,
    ) -> bool:
        """Call ErpSync.CreateErpActorFromCrm of NetServer Services86."""

    def save_actor_type_mapping(
        self, mapping: ErpSyncActorTypeMapping | None
    ) -> ErpSyncActorTypeMapping | None:
        """Call ErpSync.SaveActorTypeMapping of NetServer Services86."""

    def validate_archive_column_config(
        self, list_owner: str | None, erp_connection_id: int
    ) -> None:
        """Call ErpSync.ValidateArchiveColumnConfig of NetServer Services86."""

    def update_connection_fields(self, erp_connection_id: int) -> bool:
        """Call ErpSync.UpdateConnectionFields of NetServer Services86."""

    def get_crm_actor_type(
        self, erp_connection_id: int, erp_actor_type: ErpActorType
    ) -> CrmActorType:
        """Call ErpSync.GetCrmActorType of NetServer Services86."""

    def get_engine_status(self) -> ErpSyncEngineStatus | None:
        """Call ErpSync.GetEngineStatus of NetServer Services86."""

    def change_engine_status(self, run: bool) -> ErpSyncEngineStatus | None:
        """Call ErpSync.ChangeEngineStatus of NetServer Services86."""

    def change_engine_interval(self, interval: timedelta) -> None:
        """Call ErpSync.ChangeEngineInterval of NetServer Services86."""

    def get_erp_sync_connector_entity(
        self, erp_sync_connector_entity_id: int
    ) -> ErpSyncConnectorEntity | None:
        """Call ErpSync.GetErpSyncConnectorEntity of NetServer Services86."""

    def can_delete_erp_sync_connector_entity(
        self, erp_sync_connector_id: int
    ) -> ErpSyncResponseCode:
        """Call ErpSync.CanDeleteErpSyncConnectorEntity of NetServer Services86."""

    def test_connector_url(self, url: str | None) -> ErpSyncResponseCode:
        """Call ErpSync.TestConnectorUrl of NetServer Services86."""

    def get_erp_sync_connection_summary(
        self, erp_sync_connection_id: int
    ) -> ErpSyncConnectionSummary | None:
        """Call ErpSync.GetErpSyncConnectionSummary of NetServer Services86."""

    def save_default_value_info(
        self, erp_sync_default_value: ErpSyncDefaultValue | None
    ) -> ErpSyncDefaultValue | None:
        """Call ErpSync.SaveDefaultValueInfo of NetServer Services86."""

    def get_default_value_info(self, erp_field_id: int) -> ErpSyncDefaultValue | None:
        """Call ErpSync.GetDefaultValueInfo of NetServer Services86."""

    def get_connections_and_display_fields(
        self, crm_actor_type: CrmActorType, entity_id: int
    ) -> list[ErpConnectionData] | None:
        """Call ErpSync.GetConnectionsAndDisplayFields of NetServer Services86."""

    def get_erp_field_values(
        self,
        erp_connection_id: int,
        crm_actor_type: CrmActorType,
        entity_id: int,
        field_keys: list[str] | None,
    ) -> list[str] | None:
        """Call ErpSync.GetErpFieldValues of NetServer Services86."""

    def get_fields_for_new_erp_actor(
        self, erp_connection_id: int, erp_actor_type: ErpActorType
    ) -> list[FieldMetadata] | None:
        """Call ErpSync.GetFieldsForNewErpActor of NetServer Services86."""

    def get_connection(self, erp_connection_id: int) -> ErpConnection | None:
        """Call ErpSync.GetConnection of NetServer Services86."""

    def save_connection(self, connection: ErpConnection | None) -> ErpConnection | None:
        """Call ErpSync.SaveConnection of NetServer Services86."""

    def delete_connection(self, erp_connection_id: int) -> None:
        """Call ErpSync.DeleteConnection of NetServer Services86."""

    def get_configuration_fields(self, erp_connector_id: int) -> list[FieldMetadata] | None:
        """Call ErpSync.GetConfigurationFields of NetServer Services86."""

    def get_erp_connection_config_fields(self, erp_connection_id: int) -> dict[str, str] | None:
        """Call ErpSync.GetErpConnectionConfigFields of NetServer Services86."""

    def toggle_erp_connection_active(self, erp_connection_id: int) -> list[str] | None:
        """Call ErpSync.ToggleErpConnectionActive of NetServer Services86."""

    def test_connection_by_id(self, erp_connection_id: int) -> bool:
        """Call ErpSync.TestConnectionById of NetServer Services86."""

    def test_connection_by_config(
        self, erp_connection_id: int, config_fields: dict[str, str] | None
    ) -> bool:
        """Call ErpSync.TestConnectionByConfig of NetServer Services86."""

    def save_erp_connection_sync_priorities(self, erp_connection_ids: list[int] | None) -> bool:
        """Call ErpSync.SaveErpConnectionSyncPriorities of NetServer Services86."""

    def move_erp_field_item(
        self,
        erp_field_id: int,
        direction: int,
        erp_connection_id: int,
        erp_actor_type: ErpActorType,
    ) -> None:
        """Call ErpSync.MoveErpFieldItem of NetServer Services86."""

    def supports_advanced_search(
        self, erp_connection_id: int, erp_actor_type: ErpActorType
    ) -> bool:
        """Call ErpSync.SupportsAdvancedSearch of NetServer Services86."""

    def connect_actor(
        self,
        erp_connection_id: int,
        crm_record_id: int,
        crm_actor_type: CrmActorType,
        erp_key: str | None,
        erp_actor_type: ErpActorType,
        field_values: list[ErpSyncFieldValue] | None,
    ) -> None:
        """Call ErpSync.ConnectActor of NetServer Services86."""

    def get_field_values_from_crm(
        self, record_id: int, actor_type_crm: CrmActorType
    ) -> list[ErpSyncFieldValue] | None:
        """Call ErpSync.GetFieldValuesFromCrm of NetServer Services86."""

    def get_field_values_from_erp(
        self, erp_connection_id: int, actor_type_erp: ErpActorType, erp_key: str | None
    ) -> list[ErpSyncFieldValue] | None:
        """Call ErpSync.GetFieldValuesFromErp of NetServer Services86."""

    def sync_all(self) -> PluginResponse | None:
        """Call ErpSync.SyncAll of NetServer Services86."""

    def force_sync_all(self) -> PluginResponse | None:
        """Call ErpSync.ForceSyncAll of NetServer Services86."""

    def force_resync(
        self, erp_connection_id: int, internal_key_ids: list[int] | None
    ) -> PluginResponse | None:
        """Call ErpSync.ForceResync of NetServer Services86."""

    def force_resync_batch_task(
        self, erp_connection_id: int, internal_key_ids: list[int] | None
    ) -> None:
        """Call ErpSync.ForceResyncBatchTask of NetServer Services86."""

    def force_resync_external(
        self, erp_connection_id: int, erp_actor_type: ErpActorType, external_keys: list[str] | None
    ) -> PluginResponse | None:
        """Call ErpSync.ForceResyncExternal of NetServer Services86."""

    def get_connection_list_mappings(
        self, erp_connection_id: int
    ) -> ErpConnectionListMappingContainer | None:
        """Call ErpSync.GetConnectionListMappings of NetServer Services86."""

    def save_connection_list_mappings(
        self, list_mapping: ErpConnectionListMappingContainer | None
    ) -> ErpConnectionListMappingContainer | None:
        """Call ErpSync.SaveConnectionListMappings of NetServer Services86."""

class AsyncErpSyncAgent(AsyncAgent):
    """The asyncio twin of ErpSyncAgent.

    The ErpSync agent of SuperOffice NetServer Services86.

    Endpoint: ``Remote/Services86/ErpSync.svc``.
    """

    async def create_default_erp_sync_connector_entity(self) -> ErpSyncConnectorEntity | None:
        """Call ErpSync.CreateDefaultErpSyncConnectorEntity of NetServer Services86."""

    async def save_erp_sync_connector_entity(
        self, erp_sync_connector_entity: ErpSyncConnectorEntity | None
    ) -> ErpSyncConnectorEntity | None:
        """Call ErpSync.SaveErpSyncConnectorEntity of NetServer Services86."""

    async def delete_erp_sync_connector_entity(self, erp_sync_connector_entity_id: int) -> None:
        """Call ErpSync.DeleteErpSyncConnectorEntity of NetServer Services86."""

    async def get_actor_type_mapping(
        self, erp_connection_id: int, actor_type: ErpActorType
    ) -> ErpSyncActorTypeMapping | None:
        """Call ErpSync.GetActorTypeMapping of NetServer Services86."""

    async def create_actor_link(
        self,
        erp_connection_id: int,
        crm_record_id: int,
        crm_actor_type: CrmActorType,
        erp_key: str | None,
        erp_actor_type: ErpActorType,
    ) -> bool:
        """Call ErpSync.CreateActorLink of NetServer Services86."""

    async def break_actor_link(
        self, erp_connection_id: int, crm_record_id: int, crm_actor_type: CrmActorType
    ) -> bool:
        """Call ErpSync.BreakActorLink of NetServer Services86."""

    async def create_erp_actor_from_crm(
        self,
        connection_id: int,
        crm_entity_id: int,
        erp_actor_type: ErpActorType,
        crm_actor_type: CrmActorType,
        erp_field_key_values: dict[str, str] | None,
    ) -> bool:
        """Call ErpSync.CreateErpActorFromCrm of NetServer Services86."""

    async def save_actor_type_mapping(
        self, mapping: ErpSyncActorTypeMapping | None
    ) -> ErpSyncActorTypeMapping | None:
        """Call ErpSync.SaveActorTypeMapping of NetServer Services86."""

    async def validate_archive_column_config(
        self, list_owner: str | None, erp_connection_id: int
    ) -> None:
        """Call ErpSync.ValidateArchiveColumnConfig of NetServer Services86."""

    async def update_connection_fields(self, erp_connection_id: int) -> bool:
        """Call ErpSync.UpdateConnectionFields of NetServer Services86."""

    async def get_crm_actor_type(
        self, erp_connection_id: int, erp_actor_type: ErpActorType
    ) -> CrmActorType:
        """Call ErpSync.GetCrmActorType of NetServer Services86."""

    async def get_engine_status(self) -> ErpSyncEngineStatus | None:
        """Call ErpSync.GetEngineStatus of NetServer Services86."""

    async def change_engine_status(self, run: bool) -> ErpSyncEngineStatus | None:
        """Call ErpSync.ChangeEngineStatus of NetServer Services86."""

    async def change_engine_interval(self, interval: timedelta) -> None:
        """Call ErpSync.ChangeEngineInterval of NetServer Services86."""

    async def get_erp_sync_connector_entity(
        self, erp_sync_connector_entity_id: int
    ) -> ErpSyncConnectorEntity | None:
        """Call ErpSync.GetErpSyncConnectorEntity of NetServer Services86."""

    async def can_delete_erp_sync_connector_entity(
        self, erp_sync_connector_id: int
    ) -> ErpSyncResponseCode:
        """Call ErpSync.CanDeleteErpSyncConnectorEntity of NetServer Services86."""

    async def test_connector_url(self, url: str | None) -> ErpSyncResponseCode:
        """Call ErpSync.TestConnectorUrl of NetServer Services86."""

    async def get_erp_sync_connection_summary(
        self, erp_sync_connection_id: int
    ) -> ErpSyncConnectionSummary | None:
        """Call ErpSync.GetErpSyncConnectionSummary of NetServer Services86."""

    async def save_default_value_info(
        self, erp_sync_default_value: ErpSyncDefaultValue | None
    ) -> ErpSyncDefaultValue | None:
        """Call ErpSync.SaveDefaultValueInfo of NetServer Services86."""

    async def get_default_value_info(self, erp_field_id: int) -> ErpSyncDefaultValue | None:
        """Call ErpSync.GetDefaultValueInfo of NetServer Services86."""

    async def get_connections_and_display_fields(
        self, crm_actor_type: CrmActorType, entity_id: int
    ) -> list[ErpConnectionData] | None:
        """Call ErpSync.GetConnectionsAndDisplayFields of NetServer Services86."""

    async def get_erp_field_values(
        self,
        erp_connection_id: int,
        crm_actor_type: CrmActorType,
        entity_id: int,
        field_keys: list[str] | None,
    ) -> list[str] | None:
        """Call ErpSync.GetErpFieldValues of NetServer Services86."""

    async def get_fields_for_new_erp_actor(
        self, erp_connection_id: int, erp_actor_type: ErpActorType
    ) -> list[FieldMetadata] | None:
        """Call ErpSync.GetFieldsForNewErpActor of NetServer Services86."""

    async def get_connection(self, erp_connection_id: int) -> ErpConnection | None:
        """Call ErpSync.GetConnection of NetServer Services86."""

    async def save_connection(self, connection: ErpConnection | None) -> ErpConnection | None:
        """Call ErpSync.SaveConnection of NetServer Services86."""

    async def delete_connection(self, erp_connection_id: int) -> None:
        """Call ErpSync.DeleteConnection of NetServer Services86."""

    async def get_configuration_fields(self, erp_connector_id: int) -> list[FieldMetadata] | None:
        """Call ErpSync.GetConfigurationFields of NetServer Services86."""

    async def get_erp_connection_config_fields(
        self, erp_connection_id: int
    ) -> dict[str, str] | None:
        """Call ErpSync.GetErpConnectionConfigFields of NetServer Services86."""

    async def toggle_erp_connection_active(self, erp_connection_id: int) -> list[str] | None:
        """Call ErpSync.ToggleErpConnectionActive of NetServer Services86."""

    async def test_connection_by_id(self, erp_connection_id: int) -> bool:
        """Call ErpSync.TestConnectionById of NetServer Services86."""

    async def test_connection_by_config(
        self, erp_connection_id: int, config_fields: dict[str, str] | None
    ) -> bool:
        """Call ErpSync.TestConnectionByConfig of NetServer Services86."""

    async def save_erp_connection_sync_priorities(
        self, erp_connection_ids: list[int] | None
    ) -> bool:
        """Call ErpSync.SaveErpConnectionSyncPriorities of NetServer Services86."""

    async def move_erp_field_item(
        self,
        erp_field_id: int,
        direction: int,
        erp_connection_id: int,
        erp_actor_type: ErpActorType,
    ) -> None:
        """Call ErpSync.MoveErpFieldItem of NetServer Services86."""

    async def supports_advanced_search(
        self, erp_connection_id: int, erp_actor_type: ErpActorType
    ) -> bool:
        """Call ErpSync.SupportsAdvancedSearch of NetServer Services86."""

    async def connect_actor(
        self,
        erp_connection_id: int,
        crm_record_id: int,
        crm_actor_type: CrmActorType,
        erp_key: str | None,
        erp_actor_type: ErpActorType,
        field_values: list[ErpSyncFieldValue] | None,
    ) -> None:
        """Call ErpSync.ConnectActor of NetServer Services86."""

    async def get_field_values_from_crm(
        self, record_id: int, actor_type_crm: CrmActorType
    ) -> list[ErpSyncFieldValue] | None:
        """Call ErpSync.GetFieldValuesFromCrm of NetServer Services86."""

    async def get_field_values_from_erp(
        self, erp_connection_id: int, actor_type_erp: ErpActorType, erp_key: str | None
    ) -> list[ErpSyncFieldValue] | None:
        """Call ErpSync.GetFieldValuesFromErp of NetServer Services86."""

    async def sync_all(self) -> PluginResponse | None:
        """Call ErpSync.SyncAll of NetServer Services86."""

    async def force_sync_all(self) -> PluginResponse | None:
        """Call ErpSync.ForceSyncAll of NetServer Services86."""

    async def force_resync(
        self, erp_connection_id: int, internal_key_ids: list[int] | None
    ) -> PluginResponse | None:
        """Call ErpSync.ForceResync of NetServer Services86."""

    async def force_resync_batch_task(
        self, erp_connection_id: int, internal_key_ids: list[int] | None
    ) -> None:
        """Call ErpSync.ForceResyncBatchTask of NetServer Services86."""

    async def force_resync_external(
        self, erp_connection_id: int, erp_actor_type: ErpActorType, external_keys: list[str] | None
    ) -> PluginResponse | None:
        """Call ErpSync.ForceResyncExternal of NetServer Services86."""

    async def get_connection_list_mappings(
        self, erp_connection_id: int
    ) -> ErpConnectionListMappingContainer | None:
        """Call ErpSync.GetConnectionListMappings of NetServer Services86."""

    async def save_connection_list_mappings(
        self, list_mapping: ErpConnectionListMappingContainer | None
    ) -> ErpConnectionListMappingContainer | None:
        """Call ErpSync.SaveConnectionListMappings of NetServer Services86."""

"""superoffice-codegen: SuperOffice API reference docs -> a typed Python client package."""

__version__ = "0.1.0"

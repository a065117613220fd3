"""A fake NetServer Services88 for tests: every operation answers with the reply its docs
page shows, checks requests against the XML Schema of the service's WSDL,
and records the calls. See ``superoffice_services._runtime.fake``::

    from superoffice_services.services88 import testing, ErpSyncAgent

    fake = testing.fake()
    with fake.session() as session:
        agent = ErpSyncAgent(session)
"""

from __future__ import annotations

from .._runtime.fake import BASE_URL, Call, FakeSoap, Server

# endpoint -> (service, module, the schema document its requests are checked with: "" where the
# docs had no WSDL, and requests are decoded strictly instead)
SERVICES = {
    "Remote/Services88/ErpSync.svc": ("ErpSync", "erp_sync", "entry0.xsd"),
}


def fake(*, validate: bool = True) -> FakeSoap:
    """A fresh fake NetServer Services88 (``validate=False``: accept any request)."""
    return FakeSoap(__package__ or __name__.rpartition(".")[0], SERVICES, validate=validate)


__all__ = ["BASE_URL", "Call", "FakeSoap", "SERVICES", "Server", "fake"]

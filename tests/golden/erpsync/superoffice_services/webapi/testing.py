"""A fake WebAPI for tests: every endpoint answers with the sample reply its docs page shows,
checks requests by decoding them strictly with the typed wire specs, and records the calls.
See ``superoffice_services._runtime.fake``::

    from superoffice_services.webapi import testing

    fake = testing.fake()
    with fake.session() as session:
        ...
"""

from __future__ import annotations

from .._runtime.fake import BASE_URL, Call, FakeWebApi, Server

AGENTS = {
    "ErpSync": "erp_sync",
}


def fake(*, validate: bool = True) -> FakeWebApi:
    """A fresh fake WebAPI (``validate=False``: accept any request)."""
    return FakeWebApi(__package__ or __name__.rpartition(".")[0], AGENTS, validate=validate)


__all__ = ["AGENTS", "BASE_URL", "Call", "FakeWebApi", "Server", "fake"]

"""pytest fixtures with fake SuperOffice servers. Not enabled by installing the package:
enable it with ``-p superoffice_services.pytest_plugin`` or, in a conftest.py,
``pytest_plugins = ["superoffice_services.pytest_plugin"]``.

* ``superoffice_fake``: a factory, ``superoffice_fake("services88")`` -> a fake
  NetServer of that version (``FakeSoap``);
* ``superoffice_server``: a factory, ``superoffice_server(fake)`` -> a running loopback
  server (``.url``) of a fake;
* ``superoffice_webapi_fake``: a fake WebAPI (``FakeWebApi``).

Servers are stopped and clients closed when the test ends.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from ._runtime.fake import FakeSoap, FakeWebApi, Server, _Fake


@pytest.fixture
def superoffice_fake() -> Iterator[Callable[..., FakeSoap]]:
    made: list[FakeSoap] = []

    def make(version: str = "services88", *, validate: bool = True) -> FakeSoap:
        testing: Any = importlib.import_module(f"{__package__}.{version.lower()}.testing")
        fake: FakeSoap = testing.fake(validate=validate)
        made.append(fake)
        return fake

    yield make
    for fake in made:
        fake.close()


@pytest.fixture
def superoffice_server() -> Iterator[Callable[[_Fake], Server]]:
    started: list[_Fake] = []

    def start(fake: _Fake) -> Server:
        started.append(fake)
        return fake.start()

    yield start
    for fake in started:
        fake.close()


@pytest.fixture
def superoffice_webapi_fake() -> Iterator[FakeWebApi]:
    testing: Any = importlib.import_module(f"{__package__}.webapi.testing")
    fake: FakeWebApi = testing.fake()
    yield fake
    fake.close()

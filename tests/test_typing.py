"""mypy --strict on the generator and on the generated package, stubs and implementation."""

from __future__ import annotations

import shutil
import textwrap
from pathlib import Path

from mypy import api as mypy_api

from conftest import PACKAGE, ROOT, Generated


def mypy(*args: str, cwd: Path | None = None) -> tuple[int, str]:
    import os

    previous = Path.cwd()
    if cwd is not None:
        os.chdir(cwd)
    try:
        stdout, stderr, status = mypy_api.run(["--strict", "--no-incremental", "--no-error-summary", *args])
    finally:
        os.chdir(previous)
    return status, stdout + stderr


def test_the_generator_passes_mypy_strict() -> None:
    status, output = mypy(str(ROOT / "codegen"))
    assert status == 0, output


def test_the_generated_package_passes_mypy_strict_with_its_stubs(generated: Generated) -> None:
    status, output = mypy("-p", PACKAGE, cwd=generated.path)
    assert status == 0, output


def test_the_generated_implementation_passes_mypy_strict_without_the_stubs(generated: Generated, tmp_path: Path) -> None:
    copy = tmp_path / "impl"
    shutil.copytree(generated.path, copy, ignore=shutil.ignore_patterns("*.pyi"))
    status, output = mypy("-p", PACKAGE, cwd=copy)
    assert status == 0, output


USER_CODE = """
from superoffice_services import SoapSession
from superoffice_services.services88 import ErpConnection, ErpSyncAgent, ETableRight, TableRight
from superoffice_services.services86 import AsyncErpSyncAgent as OldAgent

async def use_async(agent: OldAgent) -> None:
    connection = await agent.get_connection(1)
    reveal_type(connection)

def use(session: SoapSession) -> None:
    agent = ErpSyncAgent(session)
    saved = agent.save_connection(ErpConnection(display_name="SAP", table_right=TableRight(mask=ETableRight.SELECT | ETableRight.UPDATE)))
    reveal_type(saved)
    if saved is not None:
        reveal_type(saved.user_group_access_ids)
    reveal_type(agent.toggle_erp_connection_active(1))
    agent.get_connection("one")
    ErpConnection(display_name=3)
"""


def test_user_code_is_checked_against_the_generated_signatures(generated: Generated, tmp_path: Path) -> None:
    script = tmp_path / "user.py"
    script.write_text(textwrap.dedent(USER_CODE), encoding="utf-8")
    status, output = mypy(str(script), cwd=generated.path)
    lines = [line.split(": ", 1)[1] for line in output.strip().splitlines()]
    assert 'note: Revealed type is "superoffice_services.services86.types.erp_connection.ErpConnection | None"' in lines
    assert 'note: Revealed type is "superoffice_services.services88.types.erp_connection.ErpConnection | None"' in lines
    assert 'note: Revealed type is "list[int] | None"' in lines
    assert 'note: Revealed type is "list[str] | None"' in lines
    errors = [line for line in lines if line.startswith("error")]
    assert len(errors) == 2, output  # the str id and the int display name, nothing else
    assert 'Argument 1 to "get_connection" of "ErpSyncAgent" has incompatible type "str"; expected "int"' in errors[0]
    assert '"ErpConnection" has incompatible type "int"' in errors[1]

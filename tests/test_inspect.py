"""``codegen inspect``: the model as JSON, and versions, services and operations described as the
generated package really has them.

The counts come from the WSDL pages' text; the signatures, classes and fields from the generated
package (the ``generated`` fixture): its stubs read with ``ast``, its agents' methods found by
calling them (soap_cases), never from codegen's naming.
"""

from __future__ import annotations

import ast
import importlib
import inspect as python_inspect
import io
import json
import re
from pathlib import Path

import pytest

import soap_cases
from codegen.cli import main
from codegen.inspect import describe, parse_target, resolve, write
from conftest import PACKAGE, Generated
from shop_docs import NS, VERSION, shop

# -- the model as JSON ----------------------------------------------------------------------------


def wsdl_counts(corpus: Path) -> dict[str, tuple[int, int]]:
    """version -> (services, operations), from the WSDL pages: one service per page, one
    operation per wsdl:operation of its binding."""
    counts: dict[str, tuple[int, int]] = {}
    for folder in sorted((corpus / "soap").glob("Services*")):
        pages = sorted(folder.glob(f"{folder.name}-*.md"))
        operations = 0
        for page in pages:
            text = page.read_text(encoding="utf-8")
            binding = re.search(r"<wsdl:binding .*?</wsdl:binding>", text, re.S)
            assert binding, page
            operations += len(re.findall(r"<wsdl:operation name=", binding.group()))
        counts[folder.name] = (len(pages), operations)
    return counts


def test_the_model_as_json_holds_the_versions_services_and_operations_of_the_wsdls(
    corpus: Path, corpus_model  # type: ignore[no-untyped-def]
) -> None:
    stream = io.StringIO()
    write(None, corpus_model[0], False, PACKAGE, stream)
    document = json.loads(stream.getvalue())
    found = {
        version["name"]: (
            len(version["services"]),
            sum(len(service["operations"]) for service in version["services"]),
        )
        for version in document["versions"]
    }
    expected = wsdl_counts(corpus)
    print("\nservices and operations by version:", expected)
    assert found == expected
    assert sum(operations for _, operations in expected.values()) > 7000


def test_inspect_without_target_prints_the_model_as_json(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = shop(tmp_path)
    assert main(["inspect", "--docs", str(folder.root)]) == 0
    document = json.loads(capsys.readouterr().out)
    (version,) = document["versions"]
    assert version["name"] == VERSION
    assert [s["name"] for s in version["services"]] == ["Shop"]
    assert sorted(op["name"] for op in version["services"][0]["operations"]) == [
        "CancelOrder",
        "FindOrders",
        "PlaceOrder",
    ]


def test_json_of_one_operation_holds_its_soap_action_and_messages(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = shop(tmp_path)
    assert (
        main(["inspect", "--docs", str(folder.root), "--json", f"{VERSION}.Shop.PlaceOrder"]) == 0
    )
    operation = json.loads(capsys.readouterr().out)
    assert operation["soap_action"] == f"{NS}/Shop/PlaceOrder"
    assert operation["input"]["element"] == f"{{{NS}}}PlaceOrder"
    assert [f["name"] for f in operation["output"]["fields"]] == ["Response"]


# -- descriptions for a person -----------------------------------------------------------------------


def test_a_service_is_described_with_its_endpoint_and_every_method(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = shop(tmp_path)
    assert main(["inspect", "--docs", str(folder.root), f"{VERSION}.Shop"]) == 0
    out = capsys.readouterr().out
    assert f"Remote/{VERSION}/Shop.svc" in out
    assert "  def cancel_order(self, order_id: int) -> None\n" in out
    assert "  def place_order(self, order: Order | None) -> Order | None\n" in out
    assert "  def find_orders(self, status: OrderStatus) -> list[Order] | None\n" in out


def test_python_names_name_the_same_targets_as_xml_names(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = shop(tmp_path)
    outputs = []
    for target in (
        f"{VERSION}.Shop.PlaceOrder",
        f"{VERSION.lower()}.shop.place_order",
        f"{VERSION}.ShopAgent.place_order",
    ):
        assert main(["inspect", "--docs", str(folder.root), target]) == 0
        outputs.append(capsys.readouterr().out)
    assert outputs[0] == outputs[1] == outputs[2]
    assert "Order  (class Order in types.order, extends Base)" in outputs[0]
    assert 'OPEN = "Open", CLOSED = "Closed"' in outputs[0]


@pytest.mark.parametrize(
    ("target", "words"),
    [
        (
            f"{VERSION}.Shop.PlaceOrders",
            "no operation 'PlaceOrders' in Services90.Shop; did you mean PlaceOrder",
        ),
        (f"{VERSION}.Shops", "no service 'Shops' in Services90; did you mean Shop"),
        ("Services91", "no version 'Services91'; did you mean Services90"),
        (f"{VERSION}.Shop.PlaceOrder.Order", "is not a target"),
        (f"{VERSION}..PlaceOrder", "is not a target"),
    ],
)
def test_an_unknown_target_exits_2_with_close_matches(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], target: str, words: str
) -> None:
    folder = shop(tmp_path)
    assert main(["inspect", "--docs", str(folder.root), target]) == 2
    out, err = capsys.readouterr()
    assert out == "" and words in err and "Traceback" not in err


# -- the real corpus against the generated package -------------------------------------------------------

OPERATIONS = [
    "Services88.ErpSync.SaveConnection",  # a data contract in and out
    "Services88.ErpSync.TestConnectionByConfig",  # two parameters, a dictionary
    "Services88.ErpSync.DeleteConnection",  # a void reply
    "Services86.EMail.RelayMessage",  # parameters named From and Rfc822
    "Services86.Appointment.CreateDefaultAppointmentEntityByType",  # Type, an enum
    "Services88.SoPrincipal.AuthenticateUsernamePassword",  # a reply of several parts
]


def stub_signature(generated: Generated, agent: type, method: str) -> str:
    """The method's signature as the generated .pyi declares it."""
    stub = generated.path / (agent.__module__.replace(".", "/") + ".pyi")
    tree = ast.parse(stub.read_text(encoding="utf-8"))
    cls = next(n for n in tree.body if isinstance(n, ast.ClassDef) and n.name == agent.__name__)
    function = next(
        n
        for n in cls.body
        if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef)) and n.name == method
    )
    prefix = "async def" if isinstance(function, ast.AsyncFunctionDef) else "def"
    assert function.returns is not None
    return f"{prefix} {method}({ast.unparse(function.args)}) -> {ast.unparse(function.returns)}"


@pytest.mark.parametrize("target", OPERATIONS)
def test_an_operation_is_described_with_what_the_generated_package_has(
    generated: Generated, corpus: Path, corpus_model, target: str  # type: ignore[no-untyped-def]
) -> None:
    version, service, operation = target.split(".")
    text = describe(resolve(corpus_model[0].versions, parse_target(target)), PACKAGE)
    _, agent, async_agent, method = soap_cases.generated_operations(version)[(service, operation)]

    lines = text.split("\n")
    assert lines[1] == f"  {stub_signature(generated, agent, method)}"
    assert f"{stub_signature(generated, async_agent, method)} on {async_agent.__name__}" in lines[2]
    assert f"in {agent.__module__}" in text

    wsdl = (corpus / "soap" / version / f"{version}-{service}.md").read_text(encoding="utf-8")
    action = re.search(
        rf'<wsdl:operation name="{operation}">\s*<soap:operation soapAction="([^"]+)"', wsdl
    )
    assert action and f"SOAP action   {action.group(1)}\n" in text

    documented = python_inspect.getdoc(getattr(agent, method)) or ""
    shown = text.split("\nDocstring:\n", 1)[1]
    assert " ".join(shown.split()) == " ".join(documented.split())


def test_the_types_an_operation_reaches_show_the_generated_fields(
    generated: Generated, corpus_model  # type: ignore[no-untyped-def]
) -> None:
    text = describe(
        resolve(corpus_model[0].versions, ("Services88", "ErpSync", "SaveConnection")), PACKAGE
    )
    for type_name, module in (("ErpConnection", "erp_connection"), ("Carrier", "carrier")):
        source = importlib.import_module(f"{PACKAGE}.services88.types.{module}").__file__
        assert source is not None
        tree = ast.parse(Path(source).read_text(encoding="utf-8"))
        cls = next(n for n in tree.body if isinstance(n, ast.ClassDef) and n.name == type_name)
        fields = [
            f"{n.target.id}: {ast.unparse(n.annotation)}"
            for n in cls.body
            if isinstance(n, ast.AnnAssign) and isinstance(n.target, ast.Name)
        ]
        assert fields
        section = text.split(f"\n  {type_name}  (class {type_name} in types.{module}", 1)[1]
        shown = [line.strip().split("  ")[0] for line in section.split("\n")[1 : len(fields) + 1]]
        assert shown == fields

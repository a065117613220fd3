"""A small docs folder written here: one service, Shop, of a made-up version (Services90), with
its WSDL page, operation pages whose example envelopes follow the docs' layout, and WebAPI pages.

Shared by test_lint.py and test_inspect.py. Tests change one thing in it (an example, a table
row) and look for what that change should cause.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from codegen.lint import lint
from codegen.model import Diagnostic
from codegen.reading import read_docs

VERSION = "Services90"
NS = f"http://www.superoffice.net/ws/crm/NetServer/{VERSION}"
ARRAYS = "http://schemas.microsoft.com/2003/10/Serialization/Arrays"
SOAP12 = "http://www.w3.org/2003/05/soap-envelope"
SOAP11 = "http://schemas.xmlsoap.org/soap/envelope/"

# -- the Shop service: its WSDL -------------------------------------------------------------------

# The wrapper elements: operation -> (request parts, reply parts), each part (name, type, nillable).
MESSAGES = {
    "PlaceOrder": ([("Order", "tns:Order", True)], [("Response", "tns:Order", True)]),
    "CancelOrder": ([("OrderId", "xs:int", False)], []),
    "ShipOrder": ([("OrderId", "xs:int", False)], []),
    "FindOrders": (
        [("Status", "tns:OrderStatus", False)],
        [("Response", "tns:ArrayOfOrder", True)],
    ),
}


NILLABLE = ' nillable="true"'


def _wrapper(name: str, parts: list[tuple[str, str, bool]]) -> str:
    elements = "".join(
        f'          <xs:element minOccurs="0" name="{part}"{NILLABLE if nillable else ""} type="{kind}" />\n'
        for part, kind, nillable in parts
    )
    return (
        f'      <xs:element name="{name}">\n'
        f"        <xs:complexType><xs:sequence>\n{elements}        </xs:sequence></xs:complexType>\n"
        "      </xs:element>\n"
    )


WRAPPERS = "".join(
    _wrapper(op, request) + _wrapper(f"{op}Response", reply)
    for op, (request, reply) in MESSAGES.items()
)

# Base (Stamp) <- Order (OrderId, Note, Placed, Status, Lines, Wait) <- RushOrder (Deadline);
# PlaceOrder(Order) -> Order; CancelOrder(OrderId) -> nothing; FindOrders(Status) -> ArrayOfOrder;
# ShipOrder(OrderId) -> nothing, an operation only some tests bind.
SCHEMA = f"""\
    <xs:schema elementFormDefault="qualified" targetNamespace="{NS}" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:tns="{NS}" xmlns:ser="http://schemas.microsoft.com/2003/10/Serialization/" xmlns:arr="{ARRAYS}">
      <xs:element name="ApplicationToken" nillable="true" type="xs:string" />
      <xs:complexType name="SoCredentials">
        <xs:sequence>
          <xs:element minOccurs="0" name="Ticket" nillable="true" type="xs:string" />
        </xs:sequence>
      </xs:complexType>
      <xs:element name="Credentials" nillable="true" type="tns:SoCredentials" />
      <xs:element name="Succeeded" type="xs:boolean" />
      <xs:complexType name="Base">
        <xs:sequence>
          <xs:element minOccurs="0" name="Stamp" nillable="true" type="xs:string" />
        </xs:sequence>
      </xs:complexType>
      <xs:complexType name="Order">
        <xs:complexContent mixed="false">
          <xs:extension base="tns:Base">
            <xs:sequence>
              <xs:element minOccurs="0" name="OrderId" type="xs:int" />
              <xs:element minOccurs="0" name="Note" nillable="true" type="xs:string" />
              <xs:element minOccurs="0" name="Placed" type="xs:dateTime" />
              <xs:element minOccurs="0" name="Status" type="tns:OrderStatus" />
              <xs:element minOccurs="0" name="Lines" nillable="true" type="arr:ArrayOfint" />
              <xs:element minOccurs="0" name="Wait" type="ser:duration" />
            </xs:sequence>
          </xs:extension>
        </xs:complexContent>
      </xs:complexType>
      <xs:complexType name="RushOrder">
        <xs:complexContent mixed="false">
          <xs:extension base="tns:Order">
            <xs:sequence>
              <xs:element minOccurs="0" name="Deadline" type="xs:dateTime" />
            </xs:sequence>
          </xs:extension>
        </xs:complexContent>
      </xs:complexType>
      <xs:complexType name="ArrayOfOrder">
        <xs:sequence>
          <xs:element minOccurs="0" maxOccurs="unbounded" name="Order" nillable="true" type="tns:Order" />
        </xs:sequence>
      </xs:complexType>
      <xs:simpleType name="OrderStatus">
        <xs:restriction base="xs:string">
          <xs:enumeration value="Open" />
          <xs:enumeration value="Closed" />
        </xs:restriction>
      </xs:simpleType>
{WRAPPERS}    </xs:schema>
    <xs:schema elementFormDefault="qualified" targetNamespace="{ARRAYS}" xmlns:xs="http://www.w3.org/2001/XMLSchema">
      <xs:complexType name="ArrayOfint">
        <xs:sequence>
          <xs:element minOccurs="0" maxOccurs="unbounded" name="int" type="xs:int" />
        </xs:sequence>
      </xs:complexType>
    </xs:schema>
"""

OPERATIONS = ("PlaceOrder", "CancelOrder", "FindOrders")


def wsdl_text(operations: Iterable[str] = OPERATIONS) -> str:
    messages, port, binding = [], [], []
    for op in operations:
        messages.append(
            f'  <wsdl:message name="{op}Request"><wsdl:part name="parameters" element="tns:{op}" /></wsdl:message>\n'
            f'  <wsdl:message name="{op}Request_Headers">'
            '<wsdl:part name="ApplicationToken" element="tns:ApplicationToken" />'
            '<wsdl:part name="Credentials" element="tns:Credentials" /></wsdl:message>\n'
            f'  <wsdl:message name="{op}Response"><wsdl:part name="parameters" element="tns:{op}Response" /></wsdl:message>\n'
            f'  <wsdl:message name="{op}Response_Headers"><wsdl:part name="Succeeded" element="tns:Succeeded" /></wsdl:message>\n'
        )
        port.append(
            f'    <wsdl:operation name="{op}"><wsdl:input message="tns:{op}Request" />'
            f'<wsdl:output message="tns:{op}Response" /></wsdl:operation>\n'
        )
        binding.append(
            f'    <wsdl:operation name="{op}">\n'
            f'      <soap:operation soapAction="{NS}/Shop/{op}" style="document" />\n'
            "      <wsdl:input>\n"
            f'        <soap:header message="tns:{op}Request_Headers" part="ApplicationToken" use="literal" />\n'
            f'        <soap:header message="tns:{op}Request_Headers" part="Credentials" use="literal" />\n'
            '        <soap:body use="literal" />\n'
            "      </wsdl:input>\n"
            "      <wsdl:output>\n"
            f'        <soap:header message="tns:{op}Response_Headers" part="Succeeded" use="literal" />\n'
            '        <soap:body use="literal" />\n'
            "      </wsdl:output>\n"
            "    </wsdl:operation>\n"
        )
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        f'<wsdl:definitions name="WcfShopService" targetNamespace="{NS}" '
        'xmlns:wsdl="http://schemas.xmlsoap.org/wsdl/" xmlns:soap="http://schemas.xmlsoap.org/wsdl/soap/" '
        f'xmlns:tns="{NS}">\n'
        f"  <wsdl:types>\n{SCHEMA}  </wsdl:types>\n"
        + "".join(messages)
        + '  <wsdl:portType name="Shop">\n'
        + "".join(port)
        + "  </wsdl:portType>\n"
        + '  <wsdl:binding name="BasicHttpBinding_Shop" type="tns:Shop">\n'
        '    <soap:binding transport="http://schemas.xmlsoap.org/soap/http" />\n'
        + "".join(binding)
        + "  </wsdl:binding>\n"
        '  <wsdl:service name="WcfShopService">\n'
        '    <wsdl:port name="BasicHttpBinding_Shop" binding="tns:BasicHttpBinding_Shop">\n'
        f'      <soap:address location="https://example.invalid/Cust1/Remote/{VERSION}/Shop.svc" />\n'
        "    </wsdl:port>\n  </wsdl:service>\n</wsdl:definitions>\n"
    )


def wsdl_page(operations: Iterable[str] = OPERATIONS) -> str:
    return (
        f"---\ngenerated: 1\nuid: wsdl-{VERSION}-Shop\ntitle: {VERSION}.ShopAgent WSDL\n---\n\n"
        f"# {VERSION}.ShopAgent WSDL\n\n```xml\n{wsdl_text(operations)}```\n"
    )


# -- example envelopes, as the docs write them ------------------------------------------------------

HEADERS = (
    "  <Shop:ApplicationToken>1234567-1234-9876</Shop:ApplicationToken>\n"
    "  <Shop:Credentials>\n"
    "    <Shop:Ticket>7T:1234abcxyzExample==</Shop:Ticket>\n"
    "  </Shop:Credentials>\n"
)


def envelope(body: str, headers: str = "", soap: str = SOAP12, header_element: bool = False) -> str:
    """An example envelope; by default in the docs' layout (SOAP 1.2, headers under Envelope)."""
    if header_element and headers:
        headers = f" <E:Header>\n{headers} </E:Header>\n"
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<E:Envelope xmlns:E="{soap}"\n'
        ' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"\n'
        ' xmlns:xsd="http://www.w3.org/2001/XMLSchema"\n'
        f' xmlns:Arr="{ARRAYS}"\n'
        ' xmlns:Ser="http://schemas.microsoft.com/2003/10/Serialization/"\n'
        f' xmlns:Shop="{NS}">\n'
        f"{headers}"
        " <E:Body>\n"
        f"{body}"
        " </E:Body>\n"
        "</E:Envelope>\n"
    )


def order(name: str = "Order", typed: bool = True, **changes: str) -> str:
    """An Order element as the docs' generator writes it: own fields only, xsi:type on every
    element, an empty duration. ``changes`` replace (or with "" remove) one field's line."""
    xsi = (lambda t: f' xsi:type="{t}"') if typed else (lambda t: "")
    fields = {
        "OrderId": f'<Shop:OrderId{xsi("xsd:int")}>0</Shop:OrderId>',
        "Note": f'<Shop:Note{xsi("xsd:string")}></Shop:Note>',
        "Placed": f'<Shop:Placed{xsi("xsd:dateTime")}>2023-02-15T13:16:23Z</Shop:Placed>',
        "Status": f'<Shop:Status{xsi("Shop:OrderStatus")}>Open</Shop:Status>',
        "Lines": (
            f'<Shop:Lines{xsi("Arr:ArrayOfint")}>\n'
            f'      <Arr:int{xsi("xsd:int")}>0</Arr:int>\n'
            "     </Shop:Lines>"
        ),
        "Wait": f'<Shop:Wait{xsi("Ser:duration")}></Shop:Wait>',
    }
    fields.update(changes)
    inner = "".join(f"     {line}\n" for line in fields.values() if line)
    return f'    <Shop:{name}{xsi("Shop:Order")}>\n{inner}    </Shop:{name}>\n'


def place_order(
    request_order: str | None = None, response_order: str | None = None
) -> tuple[str, str]:
    request = envelope(
        f"  <Shop:PlaceOrder>\n{request_order if request_order is not None else order()}  </Shop:PlaceOrder>\n",
        HEADERS,
    )
    response = envelope(
        "  <Shop:PlaceOrderResponse>\n"
        f"{response_order if response_order is not None else order('Response')}"
        "  </Shop:PlaceOrderResponse>\n"
    )
    return request, response


def cancel_order() -> tuple[str, str]:
    request = envelope(
        '  <Shop:CancelOrder>\n   <Shop:OrderId xsi:type="xsd:int">0</Shop:OrderId>\n  </Shop:CancelOrder>\n',
        HEADERS,
    )
    return request, envelope("  <Shop:CancelOrderResponse>\n  </Shop:CancelOrderResponse>\n")


def find_orders() -> tuple[str, str]:
    request = envelope(
        '  <Shop:FindOrders>\n   <Shop:Status xsi:type="Shop:OrderStatus">Open</Shop:Status>\n'
        "  </Shop:FindOrders>\n",
        HEADERS,
    )
    response = envelope(
        "  <Shop:FindOrdersResponse>\n"
        '   <Shop:Response xsi:type="Shop:ArrayOfOrder">\n'
        f"{order()}"
        "   </Shop:Response>\n"
        "  </Shop:FindOrdersResponse>\n"
    )
    return request, response


def operation_page(operation: str, request: str, response: str) -> str:
    return (
        f"---\ntitle: {VERSION}.ShopAgent.{operation} SOAP\ngenerated: 1\n"
        f"uid: {VERSION}-Shop-{operation}\n---\n\n"
        f"# {VERSION} Shop {operation}\n\n"
        f"SOAP request and response examples **Remote/{VERSION}/Shop.svc**\n\n"
        f"## {operation} Request\n\n```xml\n{request}```\n\n"
        f"## {operation} Response\n\n```xml\n{response}```\n"
    )


# -- WebAPI pages ------------------------------------------------------------------------------------


def rest_page(
    method: str,
    body: str = "request",
    properties: Iterable[tuple[str, str]] = (),
    response: str = "",
    response_properties: Iterable[tuple[str, str]] = (),
    query: Iterable[tuple[str, str]] = (("$select", "string"),),
) -> str:
    def table(header: str, rows: Iterable[tuple[str, str]]) -> str:
        lines = "".join(f"| {name} | {kind} | Some words. |\n" for name, kind in rows)
        return (
            f"| {header} | Type |  Description |\n|----------------|------|--------------|\n{lines}"
        )

    text = (
        f"---\ntitle: POST Agents/Shop/{method}\nuid: v1ShopAgent_{method}\n---\n\n"
        f"# POST Agents/Shop/{method}\n\n```http\nPOST /api/v1/Agents/Shop/{method}\n```\n\n"
        f"Does {method}.\n\n"
        f"## Query String Parameters\n\n{table('Parameter Name', query)}\n"
    )
    if body:
        text += f"## Request Body: {body} \n\nThe body. \n\n{table('Property Name', properties)}\n"
    text += "## Response:\n\nOK\n\n| Response | Description |\n|----------------|-------------|\n| 200 | OK |\n\n"
    if response:
        text += f"### Response body: {response}\n\n"
        rows = list(response_properties)
        if rows:
            text += table("Property Name", rows) + "\n"
    return text + (
        f"## Sample request\n\n```http!\nPOST /api/v1/Agents/Shop/{method}\n```\n\n"
        "## Sample response\n\n```http_\nHTTP/1.1 200 OK\n```\n"
    )


ORDER_PROPERTIES = (
    ("Stamp", "string"),
    ("OrderId", "int32"),
    ("Note", "string"),
    ("Placed", "date-time"),
    ("Status", "string"),
    ("Lines", "array"),
    ("Wait", "string"),
)
REST_PAGES = {
    "PlaceOrder": rest_page(
        "PlaceOrder",
        properties=[("Order", "Order")],
        response="Order",
        response_properties=ORDER_PROPERTIES,
    ),
    "CancelOrder": rest_page("CancelOrder", properties=[("OrderId", "Integer")]),
    "FindOrders": rest_page(
        "FindOrders",
        properties=[("Status", "String")],
        response="array",
        response_properties=ORDER_PROPERTIES,
    ),
}


# -- the folder -----------------------------------------------------------------------------------------


@dataclass
class Folder:
    root: Path

    def write(self, relative: str, text: str) -> Path:
        path = self.root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return path

    def write_bytes(self, relative: str, data: bytes) -> Path:
        path = self.root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        return path

    def line_of(self, relative: str, fragment: str, after: str = "") -> int:
        """The 1-based line of the first line holding ``fragment`` (after a line holding
        ``after``, when given)."""
        lines = (self.root / relative).read_text(encoding="utf-8").split("\n")
        start = next(i for i, line in enumerate(lines) if after in line) if after else 0
        return next(i for i in range(start, len(lines)) if fragment in lines[i]) + 1

    def lint(self, versions: tuple[str, ...] = ()) -> list[Diagnostic]:
        return lint(read_docs(self.root, versions))


def shop(
    tmp_path: Path,
    examples: dict[str, tuple[str, str]] | None = None,
    rest: dict[str, str] | None = None,
) -> Folder:
    """A docs folder of the Shop service: its WSDL page, an operation page per operation
    (``examples`` replace the docs-like defaults), and WebAPI pages (``rest``; none by
    default)."""
    folder = Folder(tmp_path / "docs")
    folder.write("wsdl/shop.md", wsdl_page())
    pages = {
        "PlaceOrder": place_order(),
        "CancelOrder": cancel_order(),
        "FindOrders": find_orders(),
    }
    pages.update(examples or {})
    for name, (request, response) in pages.items():
        folder.write(f"shop/{name}.md", operation_page(name, request, response))
    for name, text in (rest or {}).items():
        folder.write(f"rest/{name}.md", text)
    return folder

"""Shapes inferred from example envelopes (codegen.sources.examples).

Hand-written envelopes below are our own text, imitating the form of the docs' examples.
The corpus tests read the real docs from ../shared/superoffice-docs and check the inference
against the WSDL pages, parsed here with plain lxml as independent truth.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from codegen.model import (
    ARRAYS,
    SERIALIZATION,
    STRING,
    XSD,
    ArrayType,
    ComplexType,
    Diagnostic,
    DictType,
    Field,
    QName,
    SourceRef,
)
from codegen.sources.examples import (
    Example,
    InferredOperation,
    ObservedElement,
    TypeObservation,
    check_example,
    infer_operation,
    merge_operations,
    merge_types,
    read_example,
)

NS = "urn:codegen-test:Services99"
SOAP12 = "http://www.w3.org/2003/05/soap-envelope"
SOAP11 = "http://schemas.xmlsoap.org/soap/envelope/"


def q(name: str, namespace: str = NS) -> QName:
    return QName(namespace, name)


def envelope(
    body: str,
    *,
    headers: str = "",
    soap: str = SOAP12,
    svc: str = "Shop",
    arr: str = "Arr",
) -> str:
    """An envelope in the docs' layout: declaration, namespaces, headers under Envelope."""
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<E:Envelope xmlns:E="{soap}"\n'
        ' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"\n'
        ' xmlns:xsd="http://www.w3.org/2001/XMLSchema"\n'
        f' xmlns:{arr}="http://schemas.microsoft.com/2003/10/Serialization/Arrays"\n'
        ' xmlns:Ser="http://schemas.microsoft.com/2003/10/Serialization/"\n'
        f' xmlns:{svc}="{NS}">\n'
        f"{headers}"
        " <E:Body>\n"
        f"{body}"
        " </E:Body>\n"
        "</E:Envelope>\n"
    )


def read_ok(text: str, path: str = "Shop/Op.md", line: int = 10) -> Example:
    example, diagnostics = read_example(text, path, line)
    assert example is not None, diagnostics
    assert [d for d in diagnostics if d.severity == "error"] == []
    return example


def types_of(*examples: Example) -> tuple[dict[QName, object], tuple[Diagnostic, ...]]:
    """Merged type definitions of examples used as request/response pairs or alone."""
    observations: list[TypeObservation] = []
    for example in examples:
        operation, _ = infer_operation(example, example)
        observations.extend(operation.observations)
    typedefs, diagnostics = merge_types(observations)
    return {t.name: t for t in typedefs}, diagnostics


def opt(name: str, namespace: str, type_name: QName, nillable: bool) -> Field:
    return Field(name=name, namespace=namespace, type=type_name, min_occurs=0, nillable=nillable)


# --- reading envelopes -----------------------------------------------------------------------

HEADERS_AS_IN_DOCS = (
    "  <Shop:ApplicationToken>token-1</Shop:ApplicationToken>\n"
    "  <Shop:Credentials>\n"
    "    <Shop:Ticket>ticket-1</Shop:Ticket>\n"
    "  </Shop:Credentials>\n"
)


def test_headers_directly_under_envelope_are_recorded_and_body_child_is_the_wrapper() -> None:
    text = envelope(
        "  <Shop:PlaceOrder>\n"
        '   <Shop:Quantity xsi:type="xsd:int">3</Shop:Quantity>\n'
        '   <Shop:Note xsi:type="xsd:string"></Shop:Note>\n'
        "  </Shop:PlaceOrder>\n",
        headers=HEADERS_AS_IN_DOCS,
    )
    example = read_ok(text)
    assert example.envelope_namespace == SOAP12
    assert example.header_names == (q("ApplicationToken"), q("Credentials"))
    assert example.wrapper.name == q("PlaceOrder")
    assert [child.name.name for child in example.wrapper.children] == ["Quantity", "Note"]


def test_soap11_envelope_with_a_header_element_is_accepted() -> None:
    text = envelope(
        '  <Shop:Ping><Shop:Word xsi:type="xsd:string">hi</Shop:Word></Shop:Ping>\n',
        headers=(
            "  <E:Header>\n   <Shop:ApplicationToken>t</Shop:ApplicationToken>\n  </E:Header>\n"
        ),
        soap=SOAP11,
    )
    example = read_ok(text)
    assert example.envelope_namespace == SOAP11
    assert example.header_names == (q("ApplicationToken"),)
    assert example.wrapper.name == q("Ping")


def test_observed_tree_keeps_names_types_nil_text_and_file_lines() -> None:
    text = envelope(
        "  <Shop:Get>\n"  # xml line 9
        '   <Shop:Id xsi:type="xsd:int">42</Shop:Id>\n'  # xml line 10
        '   <Shop:Parent xsi:nil="true"></Shop:Parent>\n'  # xml line 11
        "  </Shop:Get>\n"
    )
    example = read_ok(text, line=100)
    wrapper = example.wrapper
    assert wrapper.line == 108  # fence content starts at file line 100
    assert wrapper.children == (
        ObservedElement(q("Id"), QName(XSD, "int"), False, "42", (), 109),
        ObservedElement(q("Parent"), None, True, "", (), 110),
    )


def test_xsi_type_is_resolved_by_namespace_whatever_the_prefixes() -> None:
    def page(svc: str, arr: str) -> str:
        return envelope(
            f"  <{svc}:Get>\n"
            f'   <{svc}:Ids xsi:type="{arr}:ArrayOfint">\n'
            f'    <{arr}:int xsi:type="xsd:int">0</{arr}:int>\n'
            f"   </{svc}:Ids>\n"
            f"  </{svc}:Get>\n",
            svc=svc,
            arr=arr,
        )

    first = read_ok(page("Shop", "NetServerServices992")).wrapper
    second = read_ok(page("Inventory", "A")).wrapper
    assert first == second
    ids = first.children[0]
    assert ids.xsi_type == QName(ARRAYS, "ArrayOfint")
    assert ids.children[0].name == QName(ARRAYS, "int")
    assert ids.children[0].xsi_type == QName(XSD, "int")


def test_blank_lines_before_the_declaration_are_tolerated_and_lines_still_count() -> None:
    text = "\n\n" + envelope("  <Shop:Ping></Shop:Ping>\n")
    example = read_ok(text, line=20)
    assert example.line == 20
    assert example.wrapper.line == 20 + 2 + 8  # two blank lines, then xml line 9


def test_broken_xml_gives_an_error_at_the_file_line_with_lxmls_message() -> None:
    text = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<E:Envelope xmlns:E="{SOAP12}">\n'
        " <E:Body>\n"
        "  <Op>\n"
        " </E:Body>\n"  # xml line 5: mismatched end tag
        "</E:Envelope>\n"
    )
    example, diagnostics = read_example(text, "Shop/Broken.md", 31)
    assert example is None
    assert len(diagnostics) == 1
    diagnostic = diagnostics[0]
    assert (diagnostic.path, diagnostic.line, diagnostic.severity) == (
        "Shop/Broken.md",
        35,
        "error",
    )
    assert diagnostic.code == "X001"
    assert "Opening and ending tag mismatch" in diagnostic.message


def test_empty_fence_is_an_error_not_a_crash() -> None:
    example, diagnostics = read_example("", "Shop/Empty.md", 7)
    assert example is None
    assert [(d.line, d.severity) for d in diagnostics] == [(7, "error")]


def test_internal_dtd_with_entity_is_refused() -> None:
    text = (
        '<?xml version="1.0"?>\n'
        '<!DOCTYPE E:Envelope [<!ENTITY boom "kaboom">]>\n'
        f'<E:Envelope xmlns:E="{SOAP12}"><E:Body><Op>&boom;</Op></E:Body></E:Envelope>\n'
    )
    example, diagnostics = read_example(text, "Shop/Dtd.md", 5)
    assert example is None
    assert [(d.code, d.severity) for d in diagnostics] == [("X002", "error")]


def test_external_dtd_is_refused_without_fetching_it() -> None:
    text = (
        '<!DOCTYPE Envelope SYSTEM "http://invalid.test/never-fetched.dtd">\n'
        f'<E:Envelope xmlns:E="{SOAP12}"><E:Body><Op/></E:Body></E:Envelope>\n'
    )
    example, diagnostics = read_example(text, "Shop/Dtd.md", 5)
    assert example is None
    assert [d.code for d in diagnostics] == ["X002"]


def test_undeclared_entity_is_a_syntax_error() -> None:
    text = f'<E:Envelope xmlns:E="{SOAP12}"><E:Body><Op>&nope;</Op></E:Body></E:Envelope>'
    example, diagnostics = read_example(text, "Shop/Entity.md", 5)
    assert example is None
    assert [d.code for d in diagnostics] == ["X001"]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("<Envelope><Body><Op/></Body></Envelope>", "X003"),
        (f'<E:Envelope xmlns:E="{SOAP12}"><Token>x</Token></E:Envelope>', "X004"),
        (
            f'<E:Envelope xmlns:E="{SOAP12}"><E:Body><A/><B/></E:Body></E:Envelope>',
            "X005",
        ),
        (
            f'<E:Envelope xmlns:E="{SOAP12}"><E:Body>  </E:Body></E:Envelope>',
            "X005",
        ),
    ],
)
def test_envelopes_of_the_wrong_shape_are_errors(text: str, code: str) -> None:
    example, diagnostics = read_example(text, "Shop/Odd.md", 3)
    assert example is None
    assert [(d.path, d.line, d.code, d.severity) for d in diagnostics] == [
        ("Shop/Odd.md", 3, code, "error")
    ]


def test_xsi_type_with_an_undeclared_prefix_warns_and_leaves_the_type_open() -> None:
    text = envelope(
        "  <Shop:Get>\n" '   <Shop:Id xsi:type="Nowhere:Thing">1</Shop:Id>\n' "  </Shop:Get>\n"
    )
    example, diagnostics = read_example(text, "Shop/Get.md", 1)
    assert example is not None
    assert example.wrapper.children[0].xsi_type is None
    assert [(d.line, d.code, d.severity) for d in diagnostics] == [
        (10, "X006", "warning")
    ]


def test_absurdly_deep_nesting_is_an_error_not_a_crash() -> None:
    body = "<a>" * 5000 + "</a>" * 5000
    text = f'<E:Envelope xmlns:E="{SOAP12}"><E:Body>{body}</E:Body></E:Envelope>'
    example, diagnostics = read_example(text, "Shop/Deep.md", 1)
    assert example is None
    assert [d.code for d in diagnostics] == ["X001"]


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_arbitrary_text_never_raises_and_failure_always_says_why(text: str) -> None:
    example, diagnostics = read_example(text, "Fuzz.md", 1)
    if example is None:
        assert any(d.severity == "error" for d in diagnostics)
    assert check_example(text, "Fuzz.md", 1) == diagnostics


@settings(max_examples=100, deadline=None)
@given(st.sampled_from(["<", ">", "&", "\n", '"', "x", "xsi:", "=", "/"]), st.integers(0, 600))
def test_a_damaged_real_shaped_envelope_never_raises(junk: str, at: int) -> None:
    text = envelope(
        '  <Shop:Get><Shop:Ids xsi:type="Arr:ArrayOfint"><Arr:int xsi:type="xsd:int">1'
        "</Arr:int></Shop:Ids></Shop:Get>\n",
        headers=HEADERS_AS_IN_DOCS,
    )
    damaged = text[:at] + junk + text[at:]
    example, diagnostics = read_example(damaged, "Fuzz.md", 1)
    if example is not None:
        infer_operation(example, example)
    else:
        assert any(d.severity == "error" for d in diagnostics)
    # the page reader's check-only reading reports exactly the same
    assert check_example(damaged, "Fuzz.md", 1) == diagnostics


def test_the_check_only_reading_reports_what_the_full_reading_reports_in_the_same_order() -> None:
    text = envelope(
        '  <Shop:Get xsi:type="Gone:A">\n   <Shop:Id xsi:type="Nowhere:Thing">1</Shop:Id>\n'
        '   <Shop:Ids><Arr:int xsi:type="Lost:int">1</Arr:int></Shop:Ids>\n  </Shop:Get>\n',
        headers='<Shop:Token xsi:type="Odd:string">t</Shop:Token>',
    )
    _, diagnostics = read_example(text, "Shop/Get.md", 1)
    assert [d.code for d in diagnostics] == ["X006"] * 4
    assert check_example(text, "Shop/Get.md", 1) == diagnostics


# --- inferring types -------------------------------------------------------------------------


def test_primitives_resolve_to_xsd_and_serialization_qnames_and_empty_datetime_keeps_its_type() -> (
    None
):
    text = envelope(
        "  <Shop:Put>\n"
        '   <Shop:Count xsi:type="xsd:int">0</Shop:Count>\n'
        '   <Shop:When xsi:type="xsd:dateTime"></Shop:When>\n'
        '   <Shop:Key xsi:type="Ser:guid">00000000-0000-0000-0000-000000000000</Shop:Key>\n'
        '   <Shop:Span xsi:type="Ser:duration"></Shop:Span>\n'
        '   <Shop:Letter xsi:type="Ser:char">65</Shop:Letter>\n'
        '   <Shop:Blob xsi:type="xsd:base64Binary"></Shop:Blob>\n'
        '   <Shop:Label xsi:type="xsd:string"></Shop:Label>\n'
        "  </Shop:Put>\n"
    )
    operation, diagnostics = infer_operation(read_ok(text), read_ok(text))
    assert [d for d in diagnostics if d.severity != "info"] == []
    assert operation.input.fields == (
        opt("Count", NS, QName(XSD, "int"), False),
        opt("When", NS, QName(XSD, "dateTime"), False),
        opt("Key", NS, QName(SERIALIZATION, "guid"), False),
        opt("Span", NS, QName(SERIALIZATION, "duration"), False),
        opt("Letter", NS, QName(SERIALIZATION, "char"), False),
        opt("Blob", NS, QName(XSD, "base64Binary"), True),
        opt("Label", NS, STRING, True),
    )
    assert operation.observations == ()


def test_array_of_primitives_takes_its_item_from_the_child_element() -> None:
    text = envelope(
        "  <Shop:Get>\n"
        '   <Shop:Ids xsi:type="Arr:ArrayOfint">\n'
        '    <Arr:int xsi:type="xsd:int">0</Arr:int>\n'
        "   </Shop:Ids>\n"
        "  </Shop:Get>\n"
    )
    types, diagnostics = types_of(read_ok(text))
    assert diagnostics == ()
    array = types[QName(ARRAYS, "ArrayOfint")]
    assert isinstance(array, ArrayType)
    assert array.item == opt("int", ARRAYS, QName(XSD, "int"), False)


def test_array_of_named_items_and_array_of_arrays() -> None:
    text = envelope(
        "  <Shop:Get>\n"
        '   <Shop:Items xsi:type="Shop:ArrayOfGadget">\n'
        '    <Shop:Gadget xsi:type="Shop:Gadget">\n'
        '     <Shop:Size xsi:type="xsd:short">0</Shop:Size>\n'
        "    </Shop:Gadget>\n"
        "   </Shop:Items>\n"
        '   <Shop:Grid xsi:type="Arr:ArrayOfArrayOfstring">\n'
        '    <Arr:ArrayOfstring xsi:type="Arr:ArrayOfstring">\n'
        '     <Arr:string xsi:type="xsd:string"></Arr:string>\n'
        "    </Arr:ArrayOfstring>\n"
        "   </Shop:Grid>\n"
        "  </Shop:Get>\n"
    )
    types, diagnostics = types_of(read_ok(text))
    assert diagnostics == ()
    assert types[q("ArrayOfGadget")] == ArrayType(
        q("ArrayOfGadget"), opt("Gadget", NS, q("Gadget"), True), SourceRef("Shop/Op.md", 19)
    )
    gadget = types[q("Gadget")]
    assert isinstance(gadget, ComplexType)
    assert gadget.fields == (opt("Size", NS, QName(XSD, "short"), False),)
    grid = types[QName(ARRAYS, "ArrayOfArrayOfstring")]
    assert isinstance(grid, ArrayType)
    assert grid.item == opt("ArrayOfstring", ARRAYS, QName(ARRAYS, "ArrayOfstring"), True)
    inner = types[QName(ARRAYS, "ArrayOfstring")]
    assert isinstance(inner, ArrayType)
    assert inner.item == opt("string", ARRAYS, STRING, True)


def test_repeated_key_value_pairs_make_a_dictionary_named_after_the_examples_pair() -> None:
    text = envelope(
        "  <Shop:Tag>\n"
        '   <Shop:Labels xsi:type="Shop:LabelMap">\n'
        "    <Shop:LabelPair>\n"
        '     <Shop:Key xsi:type="xsd:string"></Shop:Key>\n'
        '     <Shop:Value xsi:type="xsd:int">0</Shop:Value>\n'
        "    </Shop:LabelPair>\n"
        "   </Shop:Labels>\n"
        "  </Shop:Tag>\n"
    )
    types, diagnostics = types_of(read_ok(text))
    assert diagnostics == ()
    assert types[q("LabelMap")] == DictType(
        name=q("LabelMap"),
        pair=q("LabelPair"),
        key=opt("Key", NS, STRING, True),
        value=opt("Value", NS, QName(XSD, "int"), False),
        source=SourceRef("Shop/Op.md", 19),
    )


def test_a_type_whose_single_field_holds_key_and_value_is_not_a_dictionary() -> None:
    # The pair elements of a dictionary carry no xsi:type; a typed child is a field.
    text = envelope(
        "  <Shop:Tag>\n"
        '   <Shop:Holder xsi:type="Shop:Holder">\n'
        '    <Shop:Entry xsi:type="Shop:Entry">\n'
        '     <Shop:Key xsi:type="xsd:string"></Shop:Key>\n'
        '     <Shop:Value xsi:type="xsd:string"></Shop:Value>\n'
        "    </Shop:Entry>\n"
        "   </Shop:Holder>\n"
        "  </Shop:Tag>\n"
    )
    types, _ = types_of(read_ok(text))
    holder = types[q("Holder")]
    assert isinstance(holder, ComplexType)
    assert holder.fields == (opt("Entry", NS, q("Entry"), True),)
    assert isinstance(types[q("Entry")], ComplexType)


def test_complex_type_fields_follow_the_childrens_order() -> None:
    text = envelope(
        "  <Shop:Save>\n"
        '   <Shop:Order xsi:type="Shop:Order">\n'
        '    <Shop:Zeta xsi:type="xsd:int">0</Shop:Zeta>\n'
        '    <Shop:Alpha xsi:type="xsd:boolean">false</Shop:Alpha>\n'
        '    <Shop:Middle xsi:type="xsd:double">0</Shop:Middle>\n'
        "   </Shop:Order>\n"
        "  </Shop:Save>\n"
    )
    types, _ = types_of(read_ok(text))
    order = types[q("Order")]
    assert isinstance(order, ComplexType)
    assert [f.name for f in order.fields] == ["Zeta", "Alpha", "Middle"]
    assert order.base is None


def test_an_enum_is_read_as_string_and_reported_once_per_type() -> None:
    text = envelope(
        "  <Shop:Set>\n"
        '   <Shop:Mode xsi:type="Shop:Mode">Fast</Shop:Mode>\n'
        '   <Shop:Settings xsi:type="Shop:Settings">\n'
        '    <Shop:Mode xsi:type="Shop:Mode">Fast</Shop:Mode>\n'
        "   </Shop:Settings>\n"
        "  </Shop:Set>\n"
    )
    example = read_ok(text)
    operation, _ = infer_operation(example, example)
    assert operation.input.fields[0] == opt("Mode", NS, STRING, True)
    types, diagnostics = merge_types(operation.observations)
    assert q("Mode") not in {t.name for t in types}
    settings_type = next(t for t in types if t.name == q("Settings"))
    assert isinstance(settings_type, ComplexType)
    assert settings_type.fields == (opt("Mode", NS, STRING, True),)
    assert [(d.code, d.severity) for d in diagnostics] == [("X018", "info")]
    assert "Mode" in diagnostics[0].message


def test_a_nil_field_takes_its_type_from_the_same_field_seen_elsewhere_and_stays_not_nillable() -> (
    None
):
    # The docs cut recursion with xsi:nil: the inner Folder shows Id and Children as nil.
    text = envelope(
        "  <Shop:Browse>\n"
        '   <Shop:Root xsi:type="Shop:Folder">\n'
        '    <Shop:Id xsi:type="xsd:int">0</Shop:Id>\n'
        '    <Shop:Children xsi:type="Shop:ArrayOfFolder">\n'
        '     <Shop:Folder xsi:type="Shop:Folder">\n'
        '      <Shop:Id xsi:nil="true"></Shop:Id>\n'
        '      <Shop:Children xsi:nil="true"></Shop:Children>\n'
        '      <Shop:Extra xsi:nil="true"></Shop:Extra>\n'
        "     </Shop:Folder>\n"
        "    </Shop:Children>\n"
        "   </Shop:Root>\n"
        "  </Shop:Browse>\n"
    )
    types, diagnostics = types_of(read_ok(text, line=1))
    folder = types[q("Folder")]
    assert isinstance(folder, ComplexType)
    assert folder.fields == (
        opt("Id", NS, QName(XSD, "int"), False),  # xsi:nil does not make it nillable
        opt("Children", NS, q("ArrayOfFolder"), True),
        opt("Extra", NS, STRING, True),  # only ever nil: a guess
    )
    assert [(d.line, d.code, d.severity) for d in diagnostics] == [
        (16, "X016", "warning")
    ]


def test_a_nil_only_array_item_is_resolved_from_another_observation_of_the_array() -> None:
    first = envelope(
        '  <Shop:A><Shop:Names xsi:type="Arr:ArrayOfstring"><Arr:string xsi:nil="true"/>'
        "</Shop:Names></Shop:A>\n"
    )
    second = envelope(
        '  <Shop:B><Shop:Names xsi:type="Arr:ArrayOfstring">'
        '<Arr:string xsi:type="xsd:string"></Arr:string></Shop:Names></Shop:B>\n'
    )
    types, diagnostics = types_of(read_ok(first), read_ok(second))
    assert diagnostics == ()
    names = types[QName(ARRAYS, "ArrayOfstring")]
    assert isinstance(names, ArrayType)
    assert names.item == opt("string", ARRAYS, STRING, True)


def test_a_nil_element_keeps_a_primitive_xsi_type_but_not_a_named_one() -> None:
    text = envelope(
        "  <Shop:Get>\n"
        '   <Shop:Box xsi:type="Shop:Box">\n'
        '    <Shop:Count xsi:type="xsd:long" xsi:nil="true"/>\n'
        '    <Shop:Color xsi:type="Shop:Color" xsi:nil="true"/>\n'
        "   </Shop:Box>\n"
        '   <Shop:Other xsi:type="Shop:Box">\n'
        '    <Shop:Color xsi:type="Shop:Color">Red</Shop:Color>\n'
        "   </Shop:Other>\n"
        "  </Shop:Get>\n"
    )
    types, diagnostics = types_of(read_ok(text))
    box = types[q("Box")]
    assert isinstance(box, ComplexType)
    assert box.fields == (
        opt("Count", NS, QName(XSD, "long"), False),
        opt("Color", NS, STRING, True),  # the enum, as seen where it is not nil
    )
    assert [d.code for d in diagnostics if d.severity != "info"] == []


def test_merging_appends_later_fields_and_keeps_the_first_type_on_conflict() -> None:
    request = envelope(
        "  <Shop:Put>\n"
        '   <Shop:Item xsi:type="Shop:Item">\n'
        '    <Shop:Name xsi:type="xsd:string"></Shop:Name>\n'
        '    <Shop:Price xsi:type="xsd:double">0</Shop:Price>\n'
        "   </Shop:Item>\n"
        "  </Shop:Put>\n"
    )
    response = envelope(
        "  <Shop:PutResponse>\n"
        '   <Shop:Response xsi:type="Shop:Item">\n'
        '    <Shop:Weight xsi:type="xsd:int">0</Shop:Weight>\n'
        '    <Shop:Name xsi:type="xsd:string"></Shop:Name>\n'
        '    <Shop:Price xsi:type="xsd:decimal">0</Shop:Price>\n'
        "   </Shop:Response>\n"
        "  </Shop:PutResponse>\n"
    )
    operation, _ = infer_operation(
        read_ok(request, "Shop/Put.md", 20), read_ok(response, "Shop/Put.md", 40)
    )
    types, diagnostics = merge_types(operation.observations)
    (item,) = types
    assert isinstance(item, ComplexType)
    assert [(f.name, f.type.name) for f in item.fields] == [
        ("Name", "string"),
        ("Price", "double"),
        ("Weight", "int"),
    ]
    assert len(diagnostics) == 1
    conflict = diagnostics[0]
    assert (conflict.path, conflict.line, conflict.code, conflict.severity) == (
        "Shop/Put.md",
        52,
        "X013",
        "warning",
    )
    assert "Shop/Put.md:31" in conflict.message  # the first place, beside the second
    assert "double" in conflict.message and "decimal" in conflict.message


def test_merged_types_come_sorted_by_name_whatever_the_observation_order() -> None:
    def observation(name: str) -> TypeObservation:
        return TypeObservation(q(name), "complex", (), SourceRef("x.md", 1))

    forward, _ = merge_types([observation("Beta"), observation("Alpha"), observation("Gamma")])
    backward, _ = merge_types([observation("Gamma"), observation("Alpha"), observation("Beta")])
    assert [t.name.name for t in forward] == ["Alpha", "Beta", "Gamma"]
    assert forward == backward


def test_a_subtype_seen_through_xsi_type_is_recorded_as_seen() -> None:
    text = envelope(
        "  <Shop:FindResponse>\n"
        '   <Shop:Response xsi:type="Shop:TextFieldInfo">\n'
        '    <Shop:MaxLength xsi:type="xsd:int">0</Shop:MaxLength>\n'
        "   </Shop:Response>\n"
        "  </Shop:FindResponse>\n"
    )
    example = read_ok(text)
    operation, _ = infer_operation(example, example)
    assert operation.input.fields == (opt("Response", NS, q("TextFieldInfo"), True),)
    assert operation.types_used == (q("TextFieldInfo"),)


def test_a_type_seen_as_two_kinds_keeps_the_first_and_warns() -> None:
    observations = [
        TypeObservation(q("Thing"), "complex", (), SourceRef("a.md", 3)),
        TypeObservation(q("Thing"), "enum", (), SourceRef("b.md", 4)),
    ]
    types, diagnostics = merge_types(observations)
    assert [type(t) for t in types] == [ComplexType]
    assert [(d.path, d.line, d.code) for d in diagnostics] == [
        ("b.md", 4, "X012")
    ]


def test_an_empty_array_guesses_its_item_from_its_name_and_warns() -> None:
    text = envelope('  <Shop:Get><Shop:Ids xsi:type="Arr:ArrayOflong"></Shop:Ids></Shop:Get>\n')
    types, diagnostics = types_of(read_ok(text))
    array = types[QName(ARRAYS, "ArrayOflong")]
    assert isinstance(array, ArrayType)
    assert array.item == opt("long", ARRAYS, QName(XSD, "long"), False)
    assert [d.code for d in diagnostics] == ["X017"]


# --- operations and services -----------------------------------------------------------------

SAVE_REQUEST = envelope(
    "  <Shop:SaveGadget>\n"
    '   <Shop:Gadget xsi:type="Shop:Gadget">\n'
    '    <Shop:GadgetId xsi:type="xsd:int">0</Shop:GadgetId>\n'
    "   </Shop:Gadget>\n"
    '   <Shop:Force xsi:type="xsd:boolean">false</Shop:Force>\n'
    "  </Shop:SaveGadget>\n",
    headers=HEADERS_AS_IN_DOCS,
)
SAVE_RESPONSE = envelope(
    "  <Shop:SaveGadgetResponse>\n"
    '   <Shop:Response xsi:type="Shop:Gadget">\n'
    '    <Shop:GadgetId xsi:type="xsd:int">0</Shop:GadgetId>\n'
    "   </Shop:Response>\n"
    "  </Shop:SaveGadgetResponse>\n",
    headers="  <Shop:ExtraInfo></Shop:ExtraInfo>\n",
)


def save_gadget(path: str = "Shop/SaveGadget.md") -> InferredOperation:
    operation, diagnostics = infer_operation(
        read_ok(SAVE_REQUEST, path, 20), read_ok(SAVE_RESPONSE, path, 50)
    )
    assert diagnostics == ()
    return operation


def test_an_operation_is_named_after_its_request_wrapper_with_both_messages() -> None:
    operation = save_gadget()
    assert operation.name == "SaveGadget"
    assert operation.input.element == q("SaveGadget")
    assert operation.input.fields == (
        opt("Gadget", NS, q("Gadget"), True),
        opt("Force", NS, QName(XSD, "boolean"), False),
    )
    assert operation.output.element == q("SaveGadgetResponse")
    assert operation.output.fields == (opt("Response", NS, q("Gadget"), True),)
    assert operation.headers == (q("ApplicationToken"), q("Credentials"), q("ExtraInfo"))
    assert operation.types_used == (q("Gadget"),)
    assert operation.source == SourceRef("Shop/SaveGadget.md", 32)  # 4 header lines above


def test_a_nil_part_defaults_to_string_with_a_warning() -> None:
    text = envelope('  <Shop:Get>\n   <Shop:Filter xsi:nil="true"/>\n  </Shop:Get>\n')
    example = read_ok(text, "Shop/Get.md", 1)
    operation, diagnostics = infer_operation(example, example)
    assert operation.input.fields == (opt("Filter", NS, STRING, True),)
    assert ("Shop/Get.md", 10, "X008", "warning") in [
        (d.path, d.line, d.code, d.severity) for d in diagnostics
    ]


def test_a_shared_response_wrapper_is_kept_and_mentioned() -> None:
    request = envelope("  <Shop:LoginByKey></Shop:LoginByKey>\n")
    response = envelope("  <Shop:LoginResponse></Shop:LoginResponse>\n")
    operation, diagnostics = infer_operation(read_ok(request), read_ok(response, line=40))
    assert operation.output.element == q("LoginResponse")
    assert [(d.line, d.code, d.severity) for d in diagnostics] == [
        (48, "X009", "info")
    ]


def test_merging_a_service_sorts_operations_and_keeps_the_first_of_a_duplicate() -> None:
    ping_text = envelope("  <Shop:Ping></Shop:Ping>\n")
    pong_text = envelope("  <Shop:PingResponse></Shop:PingResponse>\n")
    ping, _ = infer_operation(
        read_ok(ping_text, "Shop/Ping.md"), read_ok(pong_text, "Shop/Ping.md")
    )
    first = save_gadget("Shop/SaveGadget.md")
    again = save_gadget("Shop/SaveGadgetCopy.md")
    service, diagnostics = merge_operations([first, ping, again])
    assert [o.name for o in service.operations] == ["Ping", "SaveGadget"]
    assert service.operations[1].source.path == "Shop/SaveGadget.md"
    assert [(d.path, d.code) for d in diagnostics] == [
        ("Shop/SaveGadgetCopy.md", "X010")
    ]
    assert service.headers == (q("ApplicationToken"), q("Credentials"), q("ExtraInfo"))
    assert {o.name for o in service.observations} == {q("Gadget")}


# --- the real docs ---------------------------------------------------------------------------

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "superoffice-docs"
SOAP_DOCS = CORPUS / "soap"
VERSIONS = ("Services84", "Services85", "Services86", "Services87", "Services88")
XML_FENCE = re.compile(r"^```xml[ \t]*\n(.*?)^```", re.S | re.M)
XS = "http://www.w3.org/2001/XMLSchema"


def require_corpus() -> None:
    if not SOAP_DOCS.is_dir():
        pytest.skip(f"SuperOffice docs corpus not found at {CORPUS} (see the design notes)")


def xml_fences(page: Path) -> list[tuple[str, int]]:
    """(fence text, file line of its first content line) for every ```xml fence."""
    text = page.read_text(encoding="utf-8")
    return [(m.group(1), text.count("\n", 0, m.start(1)) + 1) for m in XML_FENCE.finditer(text)]


def operation_pages(version: str) -> list[Path]:
    return sorted(p for p in (SOAP_DOCS / version).glob("*/*.md") if p.name != "index.md")


def relative(page: Path) -> str:
    return page.relative_to(CORPUS).as_posix()


def page_operation(page: Path) -> tuple[InferredOperation, list[Diagnostic]]:
    fences = xml_fences(page)
    assert len(fences) == 2, f"{page}: expected a request and a response example"
    diagnostics: list[Diagnostic] = []
    examples: list[Example] = []
    for text, line in fences:
        example, read_diagnostics = read_example(text, relative(page), line)
        diagnostics.extend(read_diagnostics)
        assert example is not None, read_diagnostics
        examples.append(example)
    operation, inferred_diagnostics = infer_operation(examples[0], examples[1])
    return operation, diagnostics + list(inferred_diagnostics)


@pytest.mark.parametrize("version", VERSIONS)
def test_every_corpus_example_reads_and_infers_without_an_error(version: str) -> None:
    require_corpus()
    pages = operation_pages(version)
    assert len(pages) > 1000
    problems: list[str] = []
    observations: list[TypeObservation] = []
    for page in pages:
        operation, diagnostics = page_operation(page)
        observations.extend(operation.observations)
        problems.extend(str(d) for d in diagnostics if d.severity != "info")
    typedefs, merge_diagnostics = merge_types(observations)
    problems.extend(str(d) for d in merge_diagnostics if d.severity != "info")
    # The docs' examples agree with themselves: no conflicts, every nil field resolvable.
    assert problems == []
    assert len(typedefs) > 400


@dataclass(frozen=True)
class WsdlFacts:
    """What a WSDL page declares, read with plain lxml: wrapper parameters and types."""

    wrappers: dict[QName, list[tuple[str, QName]]]
    types: dict[QName, list[tuple[str, QName]]]  # own fields of named complex types

    def is_primitive_like(self, type_name: QName) -> bool:
        """A primitive, or an ArrayOf whose single item is a primitive."""
        if type_name.namespace in (XS, SERIALIZATION):
            return True
        fields = self.types.get(type_name, [])
        return (
            type_name.name.startswith("ArrayOf")
            and len(fields) == 1
            and fields[0][1].namespace in (XS, SERIALIZATION)
        )


def resolve(element: etree._Element, value: str | None) -> QName:
    if value is None:
        return QName("", "")
    prefix, _, local = value.rpartition(":")
    return QName(element.nsmap.get(prefix or None) or "", local)


def sequence_of(element: etree._Element) -> list[tuple[str, QName]]:
    sequence = element.find(f".//{{{XS}}}sequence")
    if sequence is None:
        return []
    return [
        (child.get("name") or "", resolve(child, child.get("type")))
        for child in sequence.findall(f"{{{XS}}}element")
    ]


def read_wsdl(page: Path) -> WsdlFacts:
    text, _ = xml_fences(page)[0]
    root = etree.fromstring(
        text.encode("utf-8"), etree.XMLParser(resolve_entities=False, no_network=True)
    )
    wrappers: dict[QName, list[tuple[str, QName]]] = {}
    types: dict[QName, list[tuple[str, QName]]] = {}
    for schema in root.iter(f"{{{XS}}}schema"):
        namespace = schema.get("targetNamespace") or ""
        for element in schema.findall(f"{{{XS}}}element"):
            if element.find(f"{{{XS}}}complexType") is not None:
                wrappers[QName(namespace, element.get("name") or "")] = sequence_of(element)
        for complex_type in schema.findall(f"{{{XS}}}complexType"):
            types[QName(namespace, complex_type.get("name") or "")] = sequence_of(complex_type)
    return WsdlFacts(wrappers, types)


def sampled_services(version: str) -> Iterator[tuple[Path, list[Path]]]:
    for folder in sorted(p for p in (SOAP_DOCS / version).iterdir() if p.is_dir()):
        wsdl_page = SOAP_DOCS / version / f"{version}-{folder.name}.md"
        pages = sorted(p for p in folder.glob("*.md") if p.name != "index.md")
        if wsdl_page.is_file() and pages:
            yield wsdl_page, pages


@pytest.mark.parametrize("version", VERSIONS)
def test_inferred_parameters_agree_with_the_wsdl(version: str) -> None:
    require_corpus()
    checked_types = 0
    mismatches: list[str] = []
    for wsdl_page, pages in sampled_services(version):
        wsdl = read_wsdl(wsdl_page)
        for page in pages[::3]:  # a third of every service's operations
            operation, _ = page_operation(page)
            for message in (operation.input, operation.output):
                declared = wsdl.wrappers.get(message.element)
                if declared is None:
                    continue  # an operation page without its WSDL operation: checked below
                inferred = message.fields
                if [name for name, _ in declared] != [f.name for f in inferred]:
                    mismatches.append(f"{relative(page)} {message.element.name}: names differ")
                    continue
                for (name, wsdl_type), field in zip(declared, inferred):
                    if wsdl.is_primitive_like(wsdl_type):
                        checked_types += 1
                        if field.type != wsdl_type:
                            mismatches.append(
                                f"{relative(page)} {name}: {field.type} != {wsdl_type}"
                            )
    assert mismatches == []
    assert checked_types > 300


def test_inferred_complex_types_have_exactly_the_wsdls_own_fields() -> None:
    # The examples show a type's own fields only (never those of its base type), in order.
    require_corpus()
    version = "Services88"
    declared: dict[QName, list[tuple[str, QName]]] = {}
    observations: list[TypeObservation] = []
    facts: list[WsdlFacts] = []
    for wsdl_page, pages in sampled_services(version):
        wsdl = read_wsdl(wsdl_page)
        facts.append(wsdl)
        declared.update(wsdl.types)
        for page in pages[::2]:
            observations.extend(page_operation(page)[0].observations)
    typedefs, _ = merge_types(observations)
    complex_types = [t for t in typedefs if isinstance(t, ComplexType)]
    assert len(complex_types) > 200
    mismatches: list[str] = []
    for typedef in complex_types:
        own = declared.get(typedef.name)
        if own is None or [n for n, _ in own] != [f.name for f in typedef.fields]:
            mismatches.append(f"{typedef.name}: {[f.name for f in typedef.fields]} vs {own}")
            continue
        for (name, wsdl_type), field in zip(own, typedef.fields):
            if any(w.is_primitive_like(wsdl_type) for w in facts) and field.type != wsdl_type:
                mismatches.append(f"{typedef.name}.{name}: {field.type} != {wsdl_type}")
    assert mismatches == []


def test_the_saveconnection_page_gives_the_expected_shapes() -> None:
    # Hand-read from the docs page: ErpConnection's fields and its dictionary and arrays.
    require_corpus()
    page = SOAP_DOCS / "Services88" / "ErpSync" / "SaveConnection.md"
    operation, diagnostics = page_operation(page)
    assert diagnostics == []
    ns = "http://www.superoffice.net/ws/crm/NetServer/Services88"
    assert operation.input.element == QName(ns, "SaveConnection")
    assert operation.input.fields == (opt("Connection", ns, QName(ns, "ErpConnection"), True),)
    assert operation.output.fields == (opt("Response", ns, QName(ns, "ErpConnection"), True),)
    assert operation.headers == (QName(ns, "ApplicationToken"), QName(ns, "Credentials"))
    types, _ = merge_types(operation.observations)
    by_name = {t.name: t for t in types}
    connection = by_name[QName(ns, "ErpConnection")]
    assert isinstance(connection, ComplexType)
    assert [f.name for f in connection.fields] == [
        "ErpConnectionId",
        "ErpConnectorId",
        "DisplayName",
        "DisplayDescription",
        "Active",
        "ConnectionId",
        "MostRecentTimestamp",
        "ConfigFields",
        "Deleted",
        "AllAccess",
        "UserGroupAccessIds",
        "AssociateAccessIds",
    ]
    dictionary = by_name[QName(ns, "StringDictionary")]
    assert isinstance(dictionary, DictType)
    assert dictionary.pair == QName(ns, "StringKeyValuePair")
    ints = by_name[QName(ARRAYS, "ArrayOfint")]
    assert isinstance(ints, ArrayType)
    assert ints.item.type == QName(XSD, "int")

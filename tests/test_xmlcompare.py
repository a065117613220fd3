"""tests/xmlcompare.py, the comparison of the docs' examples with what the client writes: it
forgives exactly the docs' artefacts it lists, and reports everything else."""

from __future__ import annotations

from lxml import etree

from xmlcompare import has_no_value, xml_differences

DOCS = """<E:Envelope xmlns:E="http://www.w3.org/2003/05/soap-envelope"
 xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema"
 xmlns:Arr="http://schemas.microsoft.com/2003/10/Serialization/Arrays" xmlns:Shop="urn:shop"><E:Body>
 <Shop:Reply>
  <Shop:Item xsi:type="Shop:Item">
   <Shop:Price xsi:type="xsd:double">0</Shop:Price>
   <Shop:Count xsi:type="xsd:int">0</Shop:Count>
   <Shop:When xsi:type="xsd:dateTime"></Shop:When>
   <Shop:Parent xsi:nil="true"></Shop:Parent>
   <Shop:Name xsi:type="xsd:string"> </Shop:Name>
   <Shop:Picture xsi:type="xsd:base64Binary"></Shop:Picture>
   <Shop:Tags xsi:type="Arr:ArrayOfstring"><Arr:string xsi:type="xsd:string">a</Arr:string></Shop:Tags>
  </Shop:Item>
 </Shop:Reply></E:Body></E:Envelope>"""


def docs_reply() -> etree._Element:
    return etree.fromstring(DOCS)[0][0]


def client(item: str) -> etree._Element:
    """The client's form: other prefixes, no xsi:type."""
    return etree.fromstring(
        '<Reply xmlns="urn:shop" xmlns:a="http://schemas.microsoft.com/2003/10/Serialization/Arrays"'
        f' xmlns:i="http://www.w3.org/2001/XMLSchema-instance"><Item>{item}</Item></Reply>'
    )


SAME = "<Price>0.0</Price><Count>0</Count><Name></Name><Picture/><Tags><a:string>a</a:string></Tags>"


def test_prefixes_types_nils_empty_non_string_primitives_and_number_spelling_are_forgiven() -> None:
    assert xml_differences(docs_reply(), client(SAME)) == []
    assert xml_differences(docs_reply(), client(SAME.replace("<Count>0</Count>", '<Count>0</Count><Parent i:nil="true"/>'))) == []


def test_a_changed_value_is_reported_with_its_path() -> None:
    assert xml_differences(docs_reply(), client(SAME.replace("0.0", "1.5"))) == ["Reply/Item/Price: text '0' != '1.5'"]
    # numbers compare as numbers only where the docs' own xsi:type says floating or decimal
    assert xml_differences(docs_reply(), client(SAME.replace("<Count>0</Count>", "<Count>0.0</Count>"))) == [
        "Reply/Item/Count: text '0' != '0.0'"
    ]


def test_lost_moved_and_renamespaced_elements_are_reported() -> None:
    assert xml_differences(docs_reply(), client(SAME.replace("<a:string>a</a:string>", ""))) == [
        "Reply/Item/Tags: missing <string> (and 0 more)"
    ]
    renamespaced = xml_differences(docs_reply(), client(SAME.replace("a:string", "string")))
    assert len(renamespaced) == 1 and "{urn:shop}string" in renamespaced[0]
    assert xml_differences(docs_reply(), client(SAME.replace("<Name></Name>", ""))) == [
        "Reply/Item/Name: expected <Name> at position 2, got <Picture>"
    ]
    assert xml_differences(docs_reply(), client(SAME + "<Extra/>")) == ["Reply/Item: unexpected <Extra> (and 0 more)"]


def test_an_empty_string_and_empty_bytes_are_values_not_absences() -> None:
    name, picture, when = (docs_reply()[0].find(f"{{urn:shop}}{n}") for n in ("Name", "Picture", "When"))
    assert not has_no_value(name) and not has_no_value(picture) and has_no_value(when)  # type: ignore[arg-type]
    assert xml_differences(docs_reply(), client(SAME.replace("<Picture/>", ""))) == [
        "Reply/Item/Picture: expected <Picture> at position 3, got <Tags>"
    ]

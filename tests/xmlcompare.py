"""Compare an element of the docs' examples with the element the client wrote, up to the known
artefacts of the docs' example generator.

``xml_differences(expected, actual)`` walks both trees in parallel and returns a short list of
human-readable differences (empty: equal). Elements are compared by namespace-resolved name,
children in order, text after the rules below. What does *not* count as a difference:

* prefixes: names are compared as ``{namespace}local``, never as written;
* ``xsi:type`` annotations, on either side (the docs put one on every element; the client
  writes one only where a subtype travels in place of its declared type);
* ``xsi:nil="true"`` elements, on either side: the docs' generator writes them where it cut off
  recursion, the client where a required nillable element has no value. Both mean "no value",
  and a reader makes None of an absent element too;
* on the expected side, an empty element whose ``xsi:type`` is a non-string primitive
  (``<X xsi:type="xsd:dateTime"></X>``): no value, which the client reads as None and omits.
  Not base64Binary: its empty text is a valid value (no bytes), kept as ``b""`` and written
  back as an empty element;
* numbers written differently: where the expected element's ``xsi:type`` is a floating or
  decimal type, both texts are compared as numbers ("0" equals "0.0");
* text that is only whitespace (the docs' indentation) equals no text.

Omitted fields need no rule of their own: the docs leave out the inherited Carrier fields
TableRight and FieldProperties, the client reads them as None and writes nothing for None.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from lxml import etree

XSD = "http://www.w3.org/2001/XMLSchema"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
SERIALIZATION = "http://schemas.microsoft.com/2003/10/Serialization/"
XSI_TYPE = f"{{{XSI}}}type"
XSI_NIL = f"{{{XSI}}}nil"

_STRINGS = {(XSD, "string"), (XSD, "anyURI"), (XSD, "QName"), (XSD, "anyType")}
_NUMBERS = {(XSD, name) for name in ("double", "float", "decimal")}
# primitive types whose empty text is no value (not the empty string)
NON_STRING_PRIMITIVES = {
    (XSD, name)
    for name in (
        "int", "long", "short", "byte", "unsignedByte", "unsignedShort", "unsignedInt", "unsignedLong",
        "boolean", "double", "float", "decimal", "dateTime",
    )
} | {(SERIALIZATION, name) for name in ("guid", "char", "duration")}


def declared_type(element: etree._Element) -> tuple[str, str] | None:
    """The element's ``xsi:type`` as (namespace, local name), resolved on its own prefixes."""
    value = element.get(XSI_TYPE)
    if value is None:
        return None
    prefix, _, local = value.strip().rpartition(":")
    return element.nsmap.get(prefix or None, ""), local


def _text(element: etree._Element) -> str:
    text = element.text or ""
    return "" if not text.strip() else text


def has_no_value(element: etree._Element) -> bool:
    """An element of the docs' examples that stands for no value: empty, and annotated with a
    non-string primitive type (``<X xsi:type="xsd:dateTime"></X>``)."""
    return len(element) == 0 and not _text(element) and declared_type(element) in NON_STRING_PRIMITIVES


def _no_value(element: etree._Element, *, expected: bool) -> bool:
    return element.get(XSI_NIL) == "true" or (expected and has_no_value(element))


def _children(element: etree._Element, *, expected: bool) -> list[etree._Element]:
    return [
        child for child in element
        if isinstance(child.tag, str) and not _no_value(child, expected=expected)
    ]


def _name(element: etree._Element) -> str:
    return etree.QName(element).localname


def _same_text(expected: etree._Element, actual: etree._Element) -> bool:
    want, got = _text(expected), _text(actual)
    if want == got:
        return True
    if declared_type(expected) in _NUMBERS:
        try:
            return Decimal(want.strip()) == Decimal(got.strip())
        except InvalidOperation:
            return False
    return False


def _attributes(element: etree._Element) -> dict[str, str]:
    return {key: value for key, value in element.attrib.items() if key not in (XSI_TYPE, XSI_NIL)}


def _short(text: str, limit: int = 60) -> str:
    return repr(text if len(text) <= limit else text[:limit] + "…")


def xml_differences(expected: etree._Element, actual: etree._Element, limit: int = 5) -> list[str]:
    """The differences between the docs' element and the client's, as ``path: what`` lines
    (at most ``limit``); empty when they are equal up to the artefacts listed above."""
    found: list[str] = []
    _compare(expected, actual, _name(expected), found, limit)
    return found


def _compare(expected: etree._Element, actual: etree._Element, path: str, found: list[str], limit: int) -> None:
    if len(found) >= limit:
        return
    if expected.tag != actual.tag:
        found.append(f"{path}: expected element {expected.tag}, got {actual.tag}")
        return
    if _attributes(expected) != _attributes(actual):
        found.append(f"{path}: attributes {_attributes(expected)} != {_attributes(actual)}")
    want, got = _children(expected, expected=True), _children(actual, expected=False)
    if not want and not got:
        if not _same_text(expected, actual):
            found.append(f"{path}: text {_short(_text(expected))} != {_short(_text(actual))}")
        return
    if _text(expected) or _text(actual):
        found.append(f"{path}: mixed content {_short(_text(expected))} / {_short(_text(actual))}")
    for index in range(max(len(want), len(got))):
        if len(found) >= limit:
            return
        if index >= len(got):
            found.append(f"{path}: missing <{_name(want[index])}> (and {len(want) - index - 1} more)")
            return
        if index >= len(want):
            found.append(f"{path}: unexpected <{_name(got[index])}> (and {len(got) - index - 1} more)")
            return
        child_path = f"{path}/{_name(want[index])}"
        if want[index].tag != got[index].tag:
            found.append(
                f"{child_path}: expected <{_name(want[index])}> at position {index}, got <{_name(got[index])}>"
                + ("" if _name(want[index]) != _name(got[index]) else f" ({want[index].tag} vs {got[index].tag})")
            )
            return
        _compare(want[index], got[index], child_path, found, limit)


__all__ = ["declared_type", "has_no_value", "xml_differences"]

"""The XML Schema of a version, for the generated test doubles: the ``xs:schema`` elements of
its services' WSDLs merged into one document per target namespace.

Each WSDL embeds the schemas of the types its service reaches, so the services of a version
repeat most definitions (written with different prefixes: ``tns:Carrier`` here, ``q8:Carrier``
there, the same type). One definition per (namespace, kind, name) is kept, the first by
service name; each is written with the namespace declarations in scope where it was read, so
that the prefixes inside its QName-valued attributes still resolve. Document N is shipped as
``schema<N>.xsd``: the first (``schema0.xsd``) is the entry point, which imports the others (one
per namespace, sorted); their imports point at each other by those file names.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from lxml import etree

XS = "http://www.w3.org/2001/XMLSchema"
_PARSER = etree.XMLParser(
    resolve_entities=False, no_network=True, load_dtd=False, remove_comments=True, remove_pis=True, remove_blank_text=True
)
_DECLARATION = re.compile(r' xmlns:([\w.-]+)="[^"]*"')
_PREFIX_USE = re.compile(r'(?<=[<"/ ])([A-Za-z_][\w.-]*):[A-Za-z_]')


def schema_file(index: int) -> str:
    return f"schema{index}.xsd"


def merge_schemas(wsdl_texts: Iterable[str]) -> tuple[str, ...]:
    """The entry document and the merged schema documents (in namespace order) of the WSDLs
    given as text; none without a WSDL. A WSDL that is not well-formed is left out (its page
    reader reported it)."""
    attributes: dict[str, dict[str, str]] = {}  # namespace -> the xs:schema attributes
    definitions: dict[str, dict[tuple[str, str], str]] = {}  # namespace -> (kind, name) -> text
    for text in wsdl_texts:
        try:
            root = etree.fromstring(text.encode("utf-8"), _PARSER)
        except etree.XMLSyntaxError:
            continue
        for schema in root.iter(f"{{{XS}}}schema"):
            namespace = schema.get("targetNamespace", "")
            attributes.setdefault(namespace, {str(k): str(v) for k, v in schema.attrib.items()})
            kept = definitions.setdefault(namespace, {})
            for child in schema:
                if not isinstance(child.tag, str):
                    continue
                kind = etree.QName(child).localname
                name = child.get("namespace", "") if kind == "import" else child.get("name", "")
                if kind == "annotation":
                    continue  # documentation: no part of validation
                if (kind, name) not in kept:
                    for note in list(child.iter(f"{{{XS}}}annotation")):
                        parent = note.getparent()
                        if parent is not None:
                            parent.remove(note)
                    kept[(kind, name)] = _trimmed(etree.tostring(child, with_tail=False, encoding="unicode"))
    order = sorted(definitions)
    files = {namespace: schema_file(index) for index, namespace in enumerate(order, start=1)}
    if not order:
        return ()
    imports = "".join(f'<xs:import namespace="{namespace}" schemaLocation="{files[namespace]}"/>' for namespace in order)
    documents = [f'<xs:schema xmlns:xs="{XS}">{imports}</xs:schema>']
    for namespace in order:
        # joined as text: moving an element into another tree would drop the namespace
        # declarations that only its attribute values use
        opening = etree.tostring(etree.Element(f"{{{XS}}}schema", attributes[namespace], nsmap={"xs": XS}), encoding="unicode")
        parts = [opening.removesuffix("/>") + ">"]
        kept = definitions[namespace]
        for kind, name in sorted(kept, key=lambda key: (key[0] != "import", key)):  # imports first, as XSD requires
            if kind == "import":
                location = files.get(name, "")
                parts.append(f'<xs:import namespace="{name}"' + (f' schemaLocation="{location}"/>' if location else "/>"))
            else:
                parts.append(kept[(kind, name)])
        parts.append("</xs:schema>")
        documents.append("".join(parts))
    return tuple(documents)


def _trimmed(text: str) -> str:
    """An element's text without the declarations of prefixes it does not use (a WSDL declares
    a score of them at its root, and tostring repeats all in scope on each definition)."""
    end = text.index(">")
    used = set(_PREFIX_USE.findall(_DECLARATION.sub("", text)))
    head = _DECLARATION.sub(lambda m: m.group(0) if m.group(1) in used else "", text[:end])
    return head + text[end:]


__all__ = ["merge_schemas", "schema_file"]

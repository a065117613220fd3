"""The XML Schema of a version, for the generated test doubles: the ``xs:schema`` elements of
its services' WSDLs merged into documents shipped beside the version.

Each WSDL embeds the schemas of the types its service reaches, so the services of a version
repeat most definitions (written with different prefixes: ``tns:Carrier`` here, ``q8:Carrier``
there, the same type). One definition per (namespace, kind, name) is kept, the first by
service name, compared with its QName values resolved; each is written with the namespace
declarations in scope where it was read, so that the prefixes inside its QName-valued
attributes still resolve.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import NamedTuple
from xml.sax.saxutils import quoteattr

from lxml import etree

XS = "http://www.w3.org/2001/XMLSchema"
_PARSER = etree.XMLParser(
    resolve_entities=False, no_network=True, load_dtd=False, remove_comments=True, remove_pis=True, remove_blank_text=True
)
_DECLARATION = re.compile(r' xmlns:([\w.-]+)="[^"]*"')
_PREFIX_USE = re.compile(r'(?<=[<"/ ])([A-Za-z_][\w.-]*):[A-Za-z_]')


# Never copied into a shipped schema: documentation, and what names another file (the fake
# would open it at test time). The documents refer to each other only by their own names.
_NOT_SHIPPED = frozenset({"annotation", "include", "redefine", "override"})


class Merged(NamedTuple):
    documents: tuple[tuple[str, str], ...]  # (file name, text)
    entries: tuple[tuple[str, str], ...]  # (service, the file to compile for its requests)


def merge_schemas(wsdls: Iterable[tuple[str, str]], left_out: frozenset[tuple[str, str]] = frozenset()) -> Merged:
    """The merged schema documents of the services' WSDLs, given as (service, text); a WSDL
    that is not well-formed is left out (its page reader reported it). ``left_out``: the
    (namespace, name) of types the builder left out (a cycle, too deep): their definitions are
    dropped and elements of them declared without a type (any content), as the client sends
    them as str; nothing of them is left for the doubles to compile.

    Types are the same in every WSDL of a version, but a few wrapper elements are not:
    ``Merge`` of the Project service is not ``Merge`` of the Contact service. Such elements
    are kept apart in layers: each layer holds one variant of each, each service is given a
    layer that holds its own variants, and each layer has an entry document (``entry<K>.xsd``)
    that sees the shared definitions (``types<N>.xsd``) and the layer's (``layer<K>-<N>.xsd``)."""
    attributes: dict[str, dict[str, str]] = {}  # namespace -> the xs:schema attributes
    variants: dict[tuple[str, str, str], list[tuple[str, str]]] = {}  # (ns, kind, name) -> [(canonical, text)]
    needs: dict[str, dict[tuple[str, str, str], int]] = {}  # service -> definition -> its variant
    for service, text in wsdls:
        try:
            root = etree.fromstring(text.encode("utf-8"), _PARSER)
        except etree.XMLSyntaxError:
            continue
        chosen = needs.setdefault(service, {})
        for schema in root.iter(f"{{{XS}}}schema"):
            namespace = schema.get("targetNamespace", "")
            attributes.setdefault(namespace, {str(k): str(v) for k, v in schema.attrib.items()})
            for child in schema:
                kind = etree.QName(child).localname if isinstance(child.tag, str) else "annotation"
                if kind in _NOT_SHIPPED:
                    continue  # documentation, or a reference to a file: the reader reported it
                if left_out and (namespace, child.get("name", "")) in left_out and kind in ("complexType", "simpleType"):
                    continue
                if left_out:
                    _untype(child, left_out)
                key = (namespace, kind, child.get("namespace", "") if kind == "import" else child.get("name", ""))
                for note in list(child.iter(f"{{{XS}}}annotation")):
                    parent = note.getparent()
                    if parent is not None:
                        parent.remove(note)
                chosen[key] = _variant(variants.setdefault(key, []), child, kind)
    layers: list[dict[tuple[str, str, str], int]] = [{}]
    layer_of: dict[str, int] = {}
    for service, chosen in needs.items():
        own = {key: index for key, index in chosen.items() if len(variants[key]) > 1}
        number = next(n for n, layer in enumerate(layers + [{}]) if all(layer.get(k, i) == i for k, i in own.items()))
        if number == len(layers):
            layers.append({})
        layers[number].update(own)
        layer_of[service] = number
    order = sorted(attributes)
    shared = {namespace: f"types{index}.xsd" for index, namespace in enumerate(order)}
    documents = []
    for namespace in order:
        imports = [_import(other, shared[other]) for other in order if other != namespace]
        definitions = [found[0][1] for (ns, kind, _), found in sorted(variants.items()) if ns == namespace and kind != "import" and len(found) == 1]
        documents.append((shared[namespace], _schema(attributes[namespace], imports + definitions)))
    for number, layer in enumerate(layers):
        apart = sorted({key[0] for key in layer})
        for namespace in apart:
            index = order.index(namespace)
            kept = [variants[key][variant][1] for key, variant in sorted(layer.items()) if key[0] == namespace]
            include = f'<xs:include schemaLocation="{shared[namespace]}"/>'
            imports = [_import(other, shared[other]) for other in order if other != namespace]
            documents.append((f"layer{number}-{index}.xsd", _schema(attributes[namespace], imports + [include] + kept)))
        # the layer's documents first: a namespace is read from the first location that names it
        locations = [(ns, f"layer{number}-{order.index(ns)}.xsd") for ns in apart] + [(ns, shared[ns]) for ns in order if ns not in apart]
        documents.append((f"entry{number}.xsd", _schema({}, [_import(ns, location) for ns, location in locations])))
    entries = tuple((service, f"entry{layer_of[service]}.xsd") for service in needs)
    return Merged(tuple(documents), entries)


def _untype(definition: etree._Element, left_out: frozenset[tuple[str, str]]) -> None:
    """Elements of ``definition`` whose type is left out, declared without one."""
    for element in definition.iter(f"{{{XS}}}element"):
        value = element.get("type", "")
        prefix, _, local = value.rpartition(":")
        if (element.nsmap.get(prefix or None, ""), local) in left_out:
            del element.attrib["type"]


def _variant(found: list[tuple[str, str]], child: etree._Element, kind: str) -> int:
    """The index of ``child``'s definition among the different ones of its name, added if new."""
    text = _trimmed(etree.tostring(child, with_tail=False, encoding="unicode"))
    for index, (_, seen) in enumerate(found):
        if seen == text:
            return index
    canonical = "" if kind == "import" else _canonical(child)
    for index, (seen_canonical, _) in enumerate(found):
        if seen_canonical == canonical:
            return index
    found.append((canonical, text))
    return len(found) - 1


_QNAME_ATTRIBUTES = ("type", "base", "ref", "itemType")


def _canonical(element: etree._Element) -> str:
    """A definition with its QName values resolved: the same whatever prefixes it used."""
    parts = []
    for node in element.iter():
        if not isinstance(node.tag, str):
            continue
        attributes = []
        for key, raw in sorted(node.attrib.items()):
            name, value = str(key), str(raw)
            if name in _QNAME_ATTRIBUTES and ":" in value:
                prefix, _, local = value.rpartition(":")
                value = f"{{{node.nsmap.get(prefix)}}}{local}"
            attributes.append(f"{name}={value}")
        parts.append(f"<{node.tag} {' '.join(attributes)}>")
    return "".join(parts)


def _import(namespace: str, location: str) -> str:
    # a namespace may hold "&" (a URI's query): written escaped, as lxml writes attributes
    return f'<xs:import namespace={quoteattr(namespace)} schemaLocation="{location}"/>'


def _schema(attributes: dict[str, str], parts: list[str]) -> str:
    opening = etree.tostring(etree.Element(f"{{{XS}}}schema", attributes, nsmap={"xs": XS}), encoding="unicode")
    return opening.removesuffix("/>") + ">" + "".join(parts) + "</xs:schema>"


def _trimmed(text: str) -> str:
    """An element's text without the declarations of prefixes it does not use (a WSDL declares
    a score of them at its root, and tostring repeats all in scope on each definition)."""
    end = text.index(">")
    used = set(_PREFIX_USE.findall(_DECLARATION.sub("", text)))
    head = _DECLARATION.sub(lambda m: m.group(0) if m.group(1) in used else "", text[:end])
    return head + text[end:]


__all__ = ["Merged", "merge_schemas"]

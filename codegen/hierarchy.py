"""Walks over the types of one version: base chains and the types a message can hold.

Shared by ``lint`` (which fields an example may show), the REST checks (which properties a
WebAPI table may list) and ``inspect`` (which types an operation reaches).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from .model import ArrayType, ComplexType, DictType, QName, TypeDef


def base_chain(typedef: ComplexType, types: Mapping[QName, TypeDef]) -> list[ComplexType]:
    """``typedef`` and the complex types it extends, the type itself first. A base that is not
    defined (the builder reports it) or a cycle ends the chain."""
    chain = [typedef]
    while chain[-1].base is not None:
        base = types.get(chain[-1].base)
        if not isinstance(base, ComplexType) or base in chain:
            break
        chain.append(base)
    return chain


def reached_types(roots: Iterable[QName], types: Mapping[QName, TypeDef]) -> list[TypeDef]:
    """Every named type a value of the ``roots`` can hold: field types, base types, array
    items, dictionary keys and values; in the order first reached (breadth first)."""
    found: dict[QName, TypeDef] = {}
    pending = list(roots)
    while pending:
        name = pending.pop(0)
        typedef = types.get(name)
        if typedef is None or name in found:
            continue
        found[name] = typedef
        if isinstance(typedef, ComplexType):
            pending.extend(
                ([typedef.base] if typedef.base else []) + [f.type for f in typedef.fields]
            )
        elif isinstance(typedef, ArrayType):
            pending.append(typedef.item.type)
        elif isinstance(typedef, DictType):
            pending.extend([typedef.key.type, typedef.value.type])
    return list(found.values())


__all__ = ["base_chain", "reached_types"]

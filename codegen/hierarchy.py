"""Walks over the types of one version: base chains and the types a message can hold.

Shared by ``lint`` (which fields an example may show), the REST checks (which properties a
WebAPI table may list) and ``inspect`` (which types an operation reaches); the builder asks
:func:`unsound_bases` which types extend themselves, lie on a cycle or are too deep.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

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


@dataclass(frozen=True)
class UnsoundBase:
    """A type whose base chain cannot be generated, and the types left out with it.

    ``cycle``: the types of an inheritance cycle, in base order from the first by name (one
    for a type that extends itself); empty where the chain is too deep, ``name`` then being
    the first type of its chain past the limit, ``depth`` levels below its root. ``below``:
    the types that extend it (or the cycle), left out with it."""

    name: QName
    cycle: tuple[QName, ...] = ()
    depth: int = 0
    below: int = 0


def unsound_bases(types: Mapping[QName, TypeDef], limit: int) -> tuple[list[UnsoundBase], set[QName]]:
    """The complex types that cannot be generated: those on an inheritance cycle, those more
    than ``limit`` levels below a type that extends nothing (or a base not defined, which the
    builder reports), and those that extend one of these. One finding per cycle and per type
    at the first level past the limit, by name; and every type left out. Linear in the types,
    however long the chains (no recursion)."""
    cycle_mark = -2  # not a depth: the root of a chain is at 0, the -1 below it
    # name -> (depth, or cycle_mark; the finding it is left out with, or None)
    known: dict[QName, tuple[int, QName | None]] = {}
    findings: dict[QName, UnsoundBase] = {}

    def base_of(name: QName) -> QName | None:
        typedef = types.get(name)
        base = typedef.base if isinstance(typedef, ComplexType) else None
        return base if base is not None and isinstance(types.get(base), ComplexType) else None

    for start in sorted(n for n, t in types.items() if isinstance(t, ComplexType)):
        path: list[QName] = []
        on_path: dict[QName, int] = {}
        current: QName | None = start
        while current is not None and current not in known and current not in on_path:
            on_path[current] = len(path)
            path.append(current)
            current = base_of(current)
        if current is None:
            depth, cause = -1, None  # the last of the path is a root
        elif current in known:
            depth, cause = known[current]
        else:  # a cycle: from ``current`` to the end of the path
            members = path[on_path[current] :]
            first = members.index(min(members))
            cause = min(members)
            findings[cause] = UnsoundBase(cause, tuple(members[first:] + members[:first]))
            for member in members:
                known[member] = (cycle_mark, cause)
            del path[on_path[current] :]
            depth = cycle_mark
        for name in reversed(path):
            if depth != cycle_mark:
                depth += 1
                if depth == limit + 1:
                    cause = name
                    findings[name] = UnsoundBase(name, depth=depth)
            known[name] = (depth, cause)
            if cause is not None and cause != name:
                finding = findings[cause]
                findings[cause] = UnsoundBase(finding.name, finding.cycle, finding.depth, finding.below + 1)
    left_out = {name for name, (_, cause) in known.items() if cause is not None}
    return [findings[name] for name in sorted(findings)], left_out


__all__ = ["UnsoundBase", "base_chain", "reached_types", "unsound_bases"]

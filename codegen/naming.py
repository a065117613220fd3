"""Python names for everything generated: modules, classes, methods, parameters, fields and
enum members, derived from the XML names of SuperOffice's WSDLs.

The XML name always travels separately to the wire; this module only decides the Python side.
Everything here is pure and deterministic, and it depends on no Python-version-specific list
(keywords and builtins are spelled out below), so the same docs give the same names on every
interpreter.

Two layers:

* single names: :func:`split_words`, :func:`snake_case`, :func:`upper_snake_case`,
  :func:`class_name`, :func:`agent_class_names`;
* scopes, one call per scope with the names in XML order: :func:`field_names`,
  :func:`parameter_names`, :func:`method_names`, :func:`module_names`, :func:`member_names`,
  :func:`class_names`. A name that would shadow something the generated code needs gets a
  trailing underscore (``From`` -> ``from_``); a name that collides with an earlier name of the
  same scope gets ``_2``, ``_3``... (first come, first served, so adding a name at the end of
  a scope never renames the names before it).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection, Iterable, Sequence
from functools import lru_cache

__all__ = [
    "ANNOTATION_BUILTINS",
    "BUILTIN_NAMES",
    "GENERATED_IMPORTS",
    "KEYWORDS",
    "NUMERIC_PREFIX",
    "SOFT_KEYWORDS",
    "SPECIAL_SPELLINGS",
    "TEMPLATE_NAMES",
    "VERSION_MODULES",
    "WINDOWS_DEVICE_NAMES",
    "agent_class_names",
    "entity_class_names",
    "class_name",
    "class_names",
    "field_names",
    "member_names",
    "method_names",
    "module_names",
    "parameter_names",
    "snake_case",
    "split_words",
    "unique_names",
    "upper_snake_case",
]

# Spelled out rather than read from `keyword`, so that names do not change with the
# interpreter (Python 3.12 made `type` a soft keyword).
KEYWORDS: frozenset[str] = frozenset(
    """False None True and as assert async await break class continue def del elif else
    except finally for from global if import in is lambda nonlocal not or pass raise return
    try while with yield""".split()
)
SOFT_KEYWORDS: frozenset[str] = frozenset({"_", "case", "match", "type"})

# Builtins the generated annotations use. In a class body a field or method with one of these
# names shadows the builtin for every later annotation (mypy, typing.get_type_hints).
ANNOTATION_BUILTINS: frozenset[str] = frozenset(
    {"bool", "bytes", "dict", "float", "frozenset", "int", "list", "object", "set", "str",
     "tuple", "type"}
)

# Names the generated modules import; a field, method or class of that name would shadow them.
GENERATED_IMPORTS: frozenset[str] = frozenset(
    {"ClassVar", "Decimal", "Enum", "Flag", "UUID", "dataclass", "date", "datetime", "field",
     "timedelta"}
)

# Every other name the templates (templates/package) and the runtime bind at module level in a
# generated module that defines, imports or exports generated classes: a class of that name
# would shadow it (a type ``wire`` breaks its own module; ``Any`` in types/__init__.py would
# resolve to typing's). tests/test_name_gate.py derives these names from the generated files and
# fails when one is missing here.
TEMPLATE_NAMES: frozenset[str] = frozenset(
    """Agent Any AsyncAgent AsyncWebApiAgent AsyncWebApiSession Body CallOptions Endpoint NAMESPACE
    NamedTuple Operation REPLY_HEADERS REQUEST_HEADERS SCHEMA Select TYPE_CHECKING WebApiAgent
    WebApiError WebApiSession annotations dataclass date enum importlib rest wire""".split()
) | GENERATED_IMPORTS
# numbered header sets of _schema.py, imported by the service modules
_NUMBERED_TEMPLATE_NAMES = re.compile(r"(?:REQUEST|REPLY)_HEADERS_\d+")
# the submodules of a version package besides its services (a class there would be hidden by them)
VERSION_MODULES: frozenset[str] = frozenset({"types", "testing"})

# The lower-case names of the `builtins` module (3.11), without those `site` adds (`license`,
# `help`, `exit`...). A module named like one is legal but confusing.
BUILTIN_NAMES: frozenset[str] = frozenset(
    """abs aiter all anext any ascii bin bool breakpoint bytearray bytes callable chr
    classmethod compile complex delattr dict dir divmod enumerate eval exec filter float
    format frozenset getattr globals hasattr hash hex id input int isinstance issubclass iter
    len list locals map max memoryview min next object oct open ord pow print property range
    repr reversed round set setattr slice sorted staticmethod str sum super tuple type vars
    zip""".split()
)

# File names Windows refuses whatever the extension.
WINDOWS_DEVICE_NAMES: frozenset[str] = frozenset(
    ["aux", "con", "nul", "prn"]
    + [f"com{i}" for i in range(1, 10)]
    + [f"lpt{i}" for i in range(1, 10)]
)

# Spellings the generic camel-case splitter gets wrong: a single capital glued to a word
# ("EMail" is one word, not "E" + "Mail") or SuperOffice's own words ("UDef" = user-defined,
# "UDList" = the user-defined list table). Matched case-sensitively at a word start, with an
# optional plural "s". Plural acronyms ("IDs", "URLs") and camelCased starts ("eMail") are
# generic rules, not entries here.
SPECIAL_SPELLINGS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("CRMGUI", ("crm", "gui")),
    ("EMail", ("email",)),
    ("EMarketing", ("emarketing",)),
    ("OAuth", ("oauth",)),
    ("UDef", ("udef",)),
    ("UDList", ("udlist",)),
)
_SPECIAL_WORDS: dict[str, tuple[str, ...]] = dict(SPECIAL_SPELLINGS)

# A name that would start with a digit gets this word in front ("2Hours" -> VALUE_2_HOURS).
NUMERIC_PREFIX = "value"

_special_alternatives = "|".join(
    re.escape(spelling)
    for spelling, _ in sorted(SPECIAL_SPELLINGS, key=lambda item: (-len(item[0]), item[0]))
)
_WORD = re.compile(
    rf"(?<![A-Z])(?P<spelling>{_special_alternatives})(?P<plural>s?)(?![a-z])"
    r"|[A-Z]{2,}s(?![a-z])"  # a plural acronym: IDs, URLs
    r"|[A-Z]+\d*(?=[A-Z][a-z])"  # an acronym before a capitalised word: CRM in CRMScript
    r"|[A-Z]?[a-z]+\d*"  # a word, digits stay with it: Page1, Wgs84
    r"|[A-Z]+\d*"  # a trailing acronym: URL, V2
    r"|\d+[a-z]*"  # leading digits: 2nd, 64bit
)
_NOT_ALNUM = re.compile(r"[^A-Za-z0-9]+")

# Letters NFKD does not decompose into ASCII; SuperOffice is Norwegian.
_TRANSLITERATION = str.maketrans(
    {"Æ": "Ae", "æ": "ae", "Ø": "O", "ø": "o", "Œ": "Oe", "œ": "oe", "ß": "ss", "Þ": "Th",
     "þ": "th", "Ð": "D", "ð": "d", "Ł": "L", "ł": "l"}
)


def _ascii_fold(name: str) -> str:
    decomposed = unicodedata.normalize("NFKD", name.translate(_TRANSLITERATION))
    return decomposed.encode("ascii", "ignore").decode("ascii")


@lru_cache(maxsize=1 << 16)  # the same names come back in every service and version
def split_words(name: str) -> tuple[str, ...]:
    """The lower-case words of a name: ``"GetEMailAddressIDs"`` -> ``("get", "email",
    "address", "ids")``. Digits stay with the word before them (``Page1LineNo`` -> page1,
    line, no). A name without letters or digits is spelled by its characters' Unicode names
    (``"+"`` -> plus, sign); the empty name is ``("empty",)``."""
    words: list[str] = []
    folded = _ascii_fold(name)
    if re.match(r"\s*-\s*\d", folded):  # a negative number: "-1" must not read as "1"
        words.append("minus")
    for chunk in _NOT_ALNUM.split(folded):
        if re.match(r"[a-z][A-Z]", chunk):
            # JSON camelCase of an upper-case start ("cRMScriptId", "eMailId"): undo it,
            # so that it reads like the XML name.
            chunk = chunk[0].upper() + chunk[1:]
        for match in _WORD.finditer(chunk):
            if match.group("spelling"):
                spelled = _SPECIAL_WORDS[match.group("spelling")]
                words.extend(spelled[:-1])
                words.append(spelled[-1] + match.group("plural"))
            else:
                words.append(match.group().lower())
    if words:
        return tuple(words)
    if not name:
        return ("empty",)
    return tuple(
        word
        for char in name
        for word in _NOT_ALNUM.split(unicodedata.name(char, f"U{ord(char):04X}").lower())
        if word
    )


def _lead_with_letter(words: tuple[str, ...]) -> tuple[str, ...]:
    return (NUMERIC_PREFIX, *words) if words[0][0].isdigit() else words


def snake_case(name: str) -> str:
    """``EMailAddress`` -> ``email_address``; safe for keywords and soft keywords
    (``From`` -> ``from_``). Builtins are left to the scope functions, where they matter."""
    result = "_".join(_lead_with_letter(split_words(name)))
    return _with_trailing_underscore(result, KEYWORDS | SOFT_KEYWORDS)


def upper_snake_case(name: str) -> str:
    """``adminGUI`` -> ``ADMIN_GUI``, ``UndefinedValue128`` -> ``UNDEFINED_VALUE128``. Never a
    keyword (keywords are not upper case) and never starts with an underscore."""
    return "_".join(_lead_with_letter(split_words(name))).upper()


def class_name(name: str, reserved: Collection[str] = ()) -> str:
    """The XML type name where it is a plain identifier (ASCII, not a keyword, not private);
    otherwise its words in PascalCase. A name in ``reserved`` or in :data:`TEMPLATE_NAMES`
    (``Decimal``, ``wire``, ``SCHEMA``...) gets a trailing underscore."""
    if name.isidentifier() and name.isascii() and not name.startswith("_"):
        result = name
    else:
        result = "".join(_capitalised_chunks(name))
    if _NUMBERED_TEMPLATE_NAMES.fullmatch(result):
        result += "_"
    return _with_trailing_underscore(result, _NOT_CLASS_NAMES, reserved)


_NOT_CLASS_NAMES = KEYWORDS | SOFT_KEYWORDS | ANNOTATION_BUILTINS | TEMPLATE_NAMES


def _capitalised_chunks(name: str) -> list[str]:
    """A fixed-up class name keeps the casing of the XML (``erp-Connection`` ->
    ``ErpConnection``) and only capitalises the first letter of each chunk."""
    chunks = [chunk for chunk in _NOT_ALNUM.split(_ascii_fold(name)) if chunk]
    if not chunks:
        chunks = [word.capitalize() for word in split_words(name)]
    if chunks[0][0].isdigit():
        chunks.insert(0, NUMERIC_PREFIX)
    return [chunk[0].upper() + chunk[1:] for chunk in chunks]


def agent_class_names(service: str) -> tuple[str, str]:
    """The sync and async agent classes of a service: ``EMail`` -> (``EMailAgent``,
    ``AsyncEMailAgent``). Never a name of the templates: ``Async`` -> (``Async_Agent``,
    ``AsyncAsync_Agent``), not ``AsyncAgent``, the base class of the async agents."""
    return _twin_names(class_name(service).rstrip("_"), "Agent")


def entity_class_names(entity: str) -> tuple[str, str]:
    """The sync and async classes of a WebAPI entity: ``Contact`` -> (``ContactApi``,
    ``AsyncContactApi``); a tag spelled in lower case is capitalised."""
    base = class_name(entity).rstrip("_")
    return _twin_names(base[:1].upper() + base[1:], "Api")


def _twin_names(base: str, suffix: str) -> tuple[str, str]:
    while f"{base}{suffix}" in TEMPLATE_NAMES or f"Async{base}{suffix}" in TEMPLATE_NAMES:
        base += "_"
    return f"{base}{suffix}", f"Async{base}{suffix}"


def _with_trailing_underscore(
    name: str, *forbidden: Collection[str], casefold: bool = False
) -> str:
    key = name.casefold() if casefold else name
    while any(key in names for names in forbidden):
        name += "_"
        key = name.casefold() if casefold else name
    return name


def unique_names(
    names: Iterable[str], taken: Collection[str] = (), *, casefold: bool = False
) -> list[str]:
    """Resolve collisions in XML order: the first of equal names keeps it, later ones get
    ``_2``, ``_3``... (``from_`` -> ``from_2``). Names in ``taken`` are already in use (a base
    class's fields). With ``casefold`` names that differ only in case collide too."""

    def key(name: str) -> str:
        return name.casefold() if casefold else name

    used = {key(name) for name in taken}
    result: list[str] = []
    for name in names:
        candidate = name
        separator = "" if name.endswith("_") else "_"
        number = 1
        while key(candidate) in used:
            number += 1
            candidate = f"{name}{separator}{number}"
        used.add(key(candidate))
        result.append(candidate)
    return result


_SHADOWED_IN_CLASS_BODY = KEYWORDS | SOFT_KEYWORDS | ANNOTATION_BUILTINS | GENERATED_IMPORTS


def field_names(
    xml_names: Sequence[str], reserved: Collection[str] = (), inherited: Collection[str] = ()
) -> list[str]:
    """The fields of one class. ``inherited`` holds the Python names of the base classes'
    fields, which a subclass must not reuse (they get a number); ``reserved`` holds names the
    generated class body uses (they get a trailing underscore, like ``list`` -> ``list_``)."""
    names = [
        _with_trailing_underscore(snake_case(name), _SHADOWED_IN_CLASS_BODY, reserved)
        for name in xml_names
    ]
    return unique_names(names, taken=inherited)


_ALWAYS_RESERVED_PARAMETERS = frozenset({"self", "cls"})


def parameter_names(xml_names: Sequence[str], reserved: Collection[str] = ()) -> list[str]:
    """The parameters of one method. Never ``self`` or ``cls``; ``reserved`` holds the names
    the generated method body uses (``session``, ``envelope``...), which get a trailing
    underscore, as do builtins the body or its annotations may use."""
    names = [
        _with_trailing_underscore(
            snake_case(name), _SHADOWED_IN_CLASS_BODY, _ALWAYS_RESERVED_PARAMETERS, reserved
        )
        for name in xml_names
    ]
    return unique_names(names)


def method_names(xml_names: Sequence[str], reserved: Collection[str] = ()) -> list[str]:
    """The methods of one agent, one per operation. ``reserved`` holds the agent's own
    attributes (``close``, ``session``...). A method named ``list`` would shadow ``list[...]``
    in the annotations after it, so those builtins get a trailing underscore too."""
    names = [
        _with_trailing_underscore(snake_case(name), _SHADOWED_IN_CLASS_BODY, reserved)
        for name in xml_names
    ]
    return unique_names(names)


def module_names(xml_names: Sequence[str], reserved: Collection[str] = ()) -> list[str]:
    """The modules of one package (``Import`` -> ``import_``, ``List`` -> ``list_``), unique
    even on case-insensitive file systems. ``reserved`` holds the package's other modules
    (``types``...); a name in it, a builtin or a Windows device name gets a trailing
    underscore."""
    names = [
        _with_trailing_underscore(
            snake_case(name), BUILTIN_NAMES, WINDOWS_DEVICE_NAMES,
            {name.casefold() for name in reserved}, casefold=True,
        )
        for name in xml_names
    ]
    return unique_names(names, casefold=True)


def member_names(values: Sequence[str], reserved: Collection[str] = ()) -> list[str]:
    """The members of one enum, from the XML values: UPPER_SNAKE, never ``_``-leading (Enum
    reserves ``_sunder_`` names), colliding values (``Phone``, ``PHONE``) numbered in order."""
    names = [_with_trailing_underscore(upper_snake_case(value), reserved) for value in values]
    return unique_names(names)


def class_names(xml_names: Sequence[str], reserved: Collection[str] = ()) -> list[str]:
    """The classes of one module (a version's types, say, with its agents' names as
    ``reserved``): :func:`class_name` of each, collisions numbered in order."""
    return unique_names([class_name(name, reserved) for name in xml_names])

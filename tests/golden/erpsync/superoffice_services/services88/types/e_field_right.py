"""EFieldRight: a flags enumeration of Services88."""

from __future__ import annotations

import enum

from ..._runtime import wire
from .._schema import SCHEMA


class EFieldRight(enum.Flag):
    """The EFieldRight flags enumeration.

    On the wire: the names of the set flags, separated by spaces.
    """

    READ = 1
    WRITE = 2
    UNUSED1 = 4
    UNUSED2 = 8
    UNUSED3 = 16
    UNUSED4 = 32
    UI_HINT_MANDATORY = 64
    UI_HINT_READ_ONLY = 128
    UNDEFINED_VALUE256 = 256
    NULLABLE = 32


SCHEMA.define_flags(
    EFieldRight,
    {
        "Read": EFieldRight.READ,
        "Write": EFieldRight.WRITE,
        "Unused1": EFieldRight.UNUSED1,
        "Unused2": EFieldRight.UNUSED2,
        "Unused3": EFieldRight.UNUSED3,
        "Unused4": EFieldRight.UNUSED4,
        "UIHintMandatory": EFieldRight.UI_HINT_MANDATORY,
        "UIHintReadOnly": EFieldRight.UI_HINT_READ_ONLY,
        "UndefinedValue256": EFieldRight.UNDEFINED_VALUE256,
        "Nullable": EFieldRight.NULLABLE,
    },
)

"""ETableRight: a flags enumeration of Services86."""

from __future__ import annotations

import enum

from ..._runtime import wire
from .._schema import SCHEMA


class ETableRight(enum.Flag):
    """The ETableRight flags enumeration.

    On the wire: the names of the set flags, separated by spaces.
    """

    SELECT = 1
    UPDATE = 2
    INSERT = 4
    DELETE = 8
    FILTERING = 16
    RESTRICTED_UPDATE = 32


SCHEMA.define_flags(
    ETableRight,
    {
        "Select": ETableRight.SELECT,
        "Update": ETableRight.UPDATE,
        "Insert": ETableRight.INSERT,
        "Delete": ETableRight.DELETE,
        "Filtering": ETableRight.FILTERING,
        "RestrictedUpdate": ETableRight.RESTRICTED_UPDATE,
    },
)

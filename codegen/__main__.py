"""``python -m codegen``: the same command line as the ``codegen`` console script."""

from __future__ import annotations

from .cli import main

raise SystemExit(main())

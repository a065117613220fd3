"""``python -m codegen``: the same command line as the ``codegen`` console script."""

from __future__ import annotations

from .cli import main

# guarded: a worker process started by spawn or forkserver imports this module too
if __name__ == "__main__":
    raise SystemExit(main())

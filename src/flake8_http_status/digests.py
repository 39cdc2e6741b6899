"""BLAKE2b without `hashlib`, whose import loads OpenSSL: a tenth of a one-file run's added cost.

The index cache seals its entries with it (`index/cache.py`) and the kept tables check theirs (`kept_tables.py`).
"""

from __future__ import annotations

try:
    from _blake2 import blake2b
    from _operator import _compare_digest as compare_digest
except ImportError:  # another Python implementation
    from hashlib import blake2b
    from hmac import compare_digest  # type: ignore[no-redef]

__all__ = ["blake2b", "compare_digest"]

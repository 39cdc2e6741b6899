"""A source file's bytes as text and back, keeping its encoding, BOM and line endings exactly."""

from __future__ import annotations

import io
import tokenize
from dataclasses import dataclass

from .errors import FixError, FixFailure


@dataclass(frozen=True)
class Decoded:
    text: str  # without a BOM; line endings untouched
    encoding: str  # as `tokenize` names it: "utf-8", "utf-8-sig" (a BOM), "iso-8859-1", ...

    def encode(self, text: str) -> bytes:
        """Bytes for `text` in the file's own encoding (a `utf-8-sig` file gets its BOM back)."""
        return text.encode(self.encoding)


def decode(raw: bytes) -> Decoded:
    """Decode like Python does: BOM, then a PEP 263 cookie in the first two lines, else UTF-8."""
    try:
        encoding, _ = tokenize.detect_encoding(io.BytesIO(raw).readline)
    except SyntaxError as error:
        raise FixError(
            FixFailure.UNDECODABLE, f"cannot decode: {error.msg if hasattr(error, 'msg') else error}", 1
        ) from None
    try:
        text = raw.decode(encoding)
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        raise FixError(FixFailure.UNDECODABLE, f"cannot decode as {encoding}: {error.reason}", line) from None
    except LookupError:
        raise FixError(FixFailure.UNDECODABLE, f"unknown encoding {encoding!r}", 1) from None
    return Decoded(text, encoding)


def split_lines(text: str) -> list[str]:
    """Lines with their endings, split where Python's tokenizer splits them (\\r\\n, \\n, \\r only)."""
    return io.StringIO(text, newline="").readlines()

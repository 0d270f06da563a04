"""Errors a user sees. Every message is one Korean line naming the file and the reason."""
from __future__ import annotations


class RfpcheckError(Exception):
    """Base class for errors reported to the user (exit code 2)."""


class InputError(RfpcheckError):
    """A file could not be read as an RFP. ``reason`` is Korean, one line, no file name."""

    def __init__(self, path: str, reason: str, code: str = "unreadable") -> None:
        self.path = str(path)
        self.reason = reason
        self.code = code  # machine-readable: unsupported | encrypted | no_text | garbled | corrupt | too_large | zip_bomb | not_found
        super().__init__(f"{self.path}: {reason}")


class UsageError(RfpcheckError):
    pass

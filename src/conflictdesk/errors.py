"""conflictdesk's exceptions. Each carries a stable code, shown as "[E101] message".

Codes by range: E1xx input and ingest, E2xx store, E3xx knowledge base, E4xx language
pipeline and extraction, E5xx briefs and exports, E9xx configuration.
"""
from __future__ import annotations


class ConflictDeskError(Exception):
    """Base of every error conflictdesk raises on purpose."""

    code = "E000"

    def __init__(self, message: str, *, code: str | None = None) -> None:
        super().__init__(message)
        if code is not None:
            self.code = code
        self.message = message

    def __str__(self) -> str:
        return f"[{self.code}] {self.message}"


# --- input and ingest -------------------------------------------------------------------------
class InputError(ConflictDeskError):
    """A document or source that cannot be read as a document."""

    code = "E100"


class EmptyInputError(InputError):
    code = "E101"


class BinaryInputError(InputError):
    code = "E102"


class InputTooLargeError(InputError):
    code = "E103"


class EncodingError(InputError):
    code = "E104"


class MalformedInputError(InputError):
    """HTML, feed, JSON line or CSV that does not parse, or lacks what it must have."""

    code = "E105"


class UnsupportedLanguageError(InputError):
    code = "E106"


class FetchError(InputError):
    """A URL that could not be fetched (unreachable, timeout, too large, bad status)."""

    code = "E110"


class UnsafeURLError(FetchError):
    """A URL that resolves to a private, loopback, link-local or otherwise internal address."""

    code = "E111"


# --- store ------------------------------------------------------------------------------------
class StoreError(ConflictDeskError):
    code = "E200"


class NotFoundError(StoreError):
    code = "E201"


# --- knowledge base ---------------------------------------------------------------------------
class KnowledgeBaseError(ConflictDeskError):
    """One or more problems in knowledge-base files; `problems` lists each with file and line."""

    code = "E300"

    def __init__(self, message: str, *, problems: list[str] | None = None, code: str | None = None) -> None:
        super().__init__(message, code=code)
        self.problems = list(problems or [])

    def __str__(self) -> str:
        head = super().__str__()
        return head if not self.problems else head + "\n" + "\n".join(f"  {p}" for p in self.problems)


# --- language pipeline and extraction ---------------------------------------------------------
class PipelineError(ConflictDeskError):
    """The language pipeline is missing, altered or not an English spaCy pipeline."""

    code = "E400"


class ExtractionError(ConflictDeskError):
    code = "E401"


# --- briefs and exports -----------------------------------------------------------------------
class BriefError(ConflictDeskError):
    code = "E500"


class ExportError(ConflictDeskError):
    code = "E510"


# --- configuration ----------------------------------------------------------------------------
class ConfigError(ConflictDeskError):
    code = "E900"

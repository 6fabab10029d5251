"""conflictdesk's exceptions and the one table of their codes, shown as "[E101] message".

Codes by range: E1xx input and ingest, E2xx store, E3xx knowledge base and dictionaries, E4xx
language pipeline and extraction, E5xx briefs and exports, E9xx configuration. Every code a
raise site uses is a member of `Code`, with a name and a one-line meaning:

    raise BriefError(f"week {value!r} is not an ISO week", code=Code.BAD_WEEK)
    Code("E502").meaning    # "a --week that is not an ISO week like 2016-W05"
"""
from __future__ import annotations

from enum import StrEnum


class Code(StrEnum):
    """Every error code: the member's value is the code ("E101"), its name says what it is."""

    meaning: str

    def __new__(cls, code: str, meaning: str) -> "Code":
        member = str.__new__(cls, code)
        member._value_ = code
        member.meaning = meaning
        return member

    UNKNOWN = ("E000", "an error without a more precise code")
    # input and ingest
    INPUT = ("E100", "a document or source that cannot be read as a document")
    EMPTY_INPUT = ("E101", "an empty file, text or source")
    BINARY_INPUT = ("E102", "binary content where text, HTML, a feed, JSON lines or CSV was expected")
    INPUT_TOO_LARGE = ("E103", "input over the size limit")
    ENCODING = ("E104", "text whose character encoding cannot be decoded")
    MALFORMED_INPUT = ("E105", "HTML, a feed, a JSON line or a CSV row that does not parse or lacks a field")
    UNSUPPORTED_LANGUAGE = ("E106", "a document not in a language conflictdesk extracts (English)")
    NOT_REGULAR_FILE = ("E107", "a path that is not a regular file (a FIFO, a device such as /dev/zero, a socket)")
    INVALID_FIELD = ("E108", "a metadata field (a date) that cannot be read; the document was kept without it")
    FETCH = ("E110", "a URL that could not be fetched (unreachable, timeout, too large, bad status)")
    UNSAFE_URL = ("E111", "a URL that resolves to a private, loopback, link-local or internal address")
    UNKNOWN_VALUE = ("E120", "a filter or search value (actor, country, event type) that names nothing known")
    FEED_LIST = ("E130", "a watched feed list (YAML or OPML) that cannot be read or has invalid entries "
                         "(each with file and line)")
    # store
    STORE = ("E200", "the database failed or refused a read or write")
    NOT_FOUND = ("E201", "no stored document, story, event or entry with that id")
    ID_TOO_LONG = ("E202", "a document id longer than the store's id column")
    NO_DATABASE = ("E203", "a command that reads was pointed at a SQLite file that does not exist")
    # knowledge base and dictionaries
    KNOWLEDGE_BASE = ("E300", "knowledge-base files with problems (each listed with file and line)")
    PATTERN_YAML = ("E301", "an event pattern file that is not valid YAML")
    PATTERN_INVALID = ("E302", "event patterns that do not validate (each problem with file and line)")
    CURATED_PLACE = ("E310", "a curated place without id, name, latitude and longitude")
    GAZETTEER_FILE = ("E311", "a gazetteer reference or places file that cannot be read or is malformed")
    CUE_FILE = ("E320", "a statement cue file that does not load (each problem with file, line and cue id)")
    PLACE_SOURCE = ("E330", "a place source (GeoNames dump or ACLED export) that cannot be imported")
    IMPORTED_PLACES = ("E331", "an imported places file with problems (each with file and line)")
    PLACES_WRITE = ("E332", "an imported places file that cannot be written")
    # language pipeline and extraction
    PIPELINE = ("E400", "the language pipeline is missing, altered or not an English spaCy pipeline")
    EXTRACTION = ("E401", "a document whose extraction failed")
    PIPELINE_ALTERED = ("E402", "the language pipeline's weights differ from the pinned digests")
    PIPELINE_MISSING = ("E403", "the language pipeline is not installed, or is not named by package")
    PIPELINE_LANGUAGE = ("E404", "the language pipeline is not an English one")
    PIPELINE_VERSION = ("E405", "the language pipeline is not the pinned version")
    TEXT_TOO_LONG = ("E406", "a text longer than the language pipeline parses, even in parts")
    EXTRACTION_UNAVAILABLE = ("E407", "extraction cannot be loaded: a library it needs (spaCy) is missing or broken")
    PATTERN_FILE = ("E410", "a relation, date, quantity or actor pattern file that does not load or compile")
    # briefs and exports
    BRIEF = ("E500", "a brief or digest that cannot be built")
    REWRITE = ("E501", "the rewrite endpoint failed")
    BAD_WEEK = ("E502", "a week that is not an ISO week like 2016-W05, or does not exist")
    NOTHING_TO_DIGEST = ("E503", "no dated document in the store to digest")
    BRIEF_SOURCE = ("E504", "a file given to brief that could not be read or extracted")
    BRIEF_TARGET = ("E505", "a brief target that is neither a file nor a stored document or story id")
    EXPORT = ("E510", "an export that cannot be produced")
    EXPORT_WRITE = ("E511", "an export file that cannot be written")
    # configuration
    CONFIG = ("E900", "a setting that is missing or invalid")
    LISTEN = ("E901", "the web server cannot listen on the host and port")
    CANNOT_WRITE = ("E902", "a model or its folder cannot be written")
    EVENT_CODER = ("E903", "an event coder name that is not registered, or options it does not take")
    MODEL_FILE = ("E904", "a model file that is missing or is not a conflictdesk model")
    SCHEDULER = ("E905", "a Dask scheduler that cannot be started or reached, or dask and distributed are not "
                         "installed (conflictdesk[dask])")


class ConflictDeskError(Exception):
    """Base of every error conflictdesk raises on purpose. `code` is the plain string ("E101")."""

    code: str = Code.UNKNOWN

    def __init__(self, message: str, *, code: Code | None = None) -> None:
        super().__init__(message)
        self.code = str(Code(code if code is not None else type(self).code))
        self.message = message

    @property
    def meaning(self) -> str:
        return Code(self.code).meaning

    def __str__(self) -> str:
        return f"[{self.code}] {self.message}"


# --- input and ingest -------------------------------------------------------------------------
class InputError(ConflictDeskError):
    """A document or source that cannot be read as a document."""

    code = Code.INPUT


class EmptyInputError(InputError):
    code = Code.EMPTY_INPUT


class BinaryInputError(InputError):
    code = Code.BINARY_INPUT


class InputTooLargeError(InputError):
    code = Code.INPUT_TOO_LARGE


class EncodingError(InputError):
    code = Code.ENCODING


class MalformedInputError(InputError):
    """HTML, feed, JSON line or CSV that does not parse, or lacks what it must have."""

    code = Code.MALFORMED_INPUT


class UnsupportedLanguageError(InputError):
    code = Code.UNSUPPORTED_LANGUAGE


class NotRegularFileError(InputError):
    """A path that is not a regular file: a FIFO, a device (/dev/zero), a socket. Never opened."""

    code = Code.NOT_REGULAR_FILE


class InvalidFieldError(InputError):
    """A metadata field (e.g. a JSON line's or CSV row's date) that cannot be read: the document
    is kept without it, and the field is reported."""

    code = Code.INVALID_FIELD


class FetchError(InputError):
    """A URL that could not be fetched (unreachable, timeout, too large, bad status)."""

    code = Code.FETCH


class UnsafeURLError(FetchError):
    """A URL that resolves to a private, loopback, link-local or otherwise internal address."""

    code = Code.UNSAFE_URL


class UnknownValueError(InputError):
    """A filter or search value that names nothing known; `suggestions` are the closest known values."""

    code = Code.UNKNOWN_VALUE

    def __init__(self, message: str, *, suggestions: list[str] | None = None) -> None:
        super().__init__(message)
        self.suggestions = suggestions or []


class FeedListError(InputError):
    """A feed list for `watch` (YAML or OPML) that cannot be read or has invalid entries; the
    message lists every problem with its file and line."""

    code = Code.FEED_LIST


# --- store ------------------------------------------------------------------------------------
class StoreError(ConflictDeskError):
    code = Code.STORE


class NotFoundError(StoreError):
    code = Code.NOT_FOUND


# --- knowledge base ---------------------------------------------------------------------------
class KnowledgeBaseError(ConflictDeskError):
    """One or more problems in knowledge-base files; `problems` lists each with file and line."""

    code = Code.KNOWLEDGE_BASE

    def __init__(self, message: str, *, problems: list[str] | None = None, code: Code | None = None) -> None:
        super().__init__(message, code=code)
        self.problems = list(problems or [])

    def __str__(self) -> str:
        head = super().__str__()
        return head if not self.problems else head + "\n" + "\n".join(f"  {p}" for p in self.problems)


# --- language pipeline and extraction ---------------------------------------------------------
class PipelineError(ConflictDeskError):
    """The language pipeline is missing, altered or not an English spaCy pipeline."""

    code = Code.PIPELINE


class ExtractionError(ConflictDeskError):
    code = Code.EXTRACTION


class TextTooLongError(ExtractionError):
    """A text longer than the language pipeline parses, even in parts (`nlp/parse.py` MAX_CHARS)."""

    code = Code.TEXT_TOO_LONG


# --- briefs and exports -----------------------------------------------------------------------
class BriefError(ConflictDeskError):
    code = Code.BRIEF


class ExportError(ConflictDeskError):
    code = Code.EXPORT


# --- configuration ----------------------------------------------------------------------------
class ConfigError(ConflictDeskError):
    code = Code.CONFIG

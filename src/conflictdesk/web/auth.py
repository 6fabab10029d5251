"""Who may write (review) and how writes are protected.

The server is read-only unless it has tokens. Each token names its reviewer: `serve --tokens FILE`
(or CONFLICTDESK_TOKENS) reads one `NAME = TOKEN` or `NAME = sha256:HEX` a line, and `serve --token
SECRET` (or CONFLICTDESK_TOKEN) is one token for the reviewer `--reviewer` names. The server keeps
only the tokens' SHA-256 digests and compares digests in constant time, every entry every time. An
analyst signs in on `/login` with a token alone; the name the audit trail records is the one bound
to that token, never one the analyst types. The browser then holds a signed session cookie
(HttpOnly, SameSite=Strict, 12 hours) naming that reviewer. Every write from a page
must come from this site (the Origin header, else the Referer, must be this site's own origin, and
`Sec-Fetch-Site` must not say cross-site) and carry the form's CSRF token, an HMAC of the session
and the form's action. The API takes the token itself (`Authorization: Bearer <token>`) and
records the reviewer bound to it (a 'reviewer' field naming someone else is refused); a cross-site
Origin is refused there too.
"""
from __future__ import annotations

import base64
import hashlib
import hmac
import json
import re
import time
from collections.abc import Mapping
from pathlib import Path
from urllib.parse import urlsplit

from ..errors import ConfigError
from .http import HttpError, Request

SESSION_COOKIE = "cd_session"
SESSION_SECONDS = 12 * 3600
MAX_NAME = 80
MIN_TOKEN = 12
DEFAULT_REVIEWER = "reviewer"   # the name a lone `--token` is bound to unless `--reviewer` names another
_HASHED = re.compile(r"sha256:([0-9a-fA-F]{64})")


def token_digest(token: str) -> bytes:
    return hashlib.sha256(token.encode("utf-8")).digest()


def reviewer_digests(tokens: Mapping[str, str]) -> dict[str, bytes]:
    """Reviewer name -> SHA-256 digest of their token, from name -> token (or `sha256:HEX`, the
    digest itself). A ConfigError for an empty or over-long name, a short token, or a token shared
    by two reviewers."""
    out: dict[str, bytes] = {}
    for raw_name, value in tokens.items():
        name = " ".join(raw_name.split())
        if not name or len(name) > MAX_NAME:
            raise ConfigError(f"a reviewer's name must be 1 to {MAX_NAME} characters: {raw_name!r}")
        value = value.strip()
        hashed = _HASHED.fullmatch(value)
        if hashed:
            digest = bytes.fromhex(hashed.group(1))
        elif len(value) < MIN_TOKEN:
            raise ConfigError(f"the token of reviewer {name!r} must be at least {MIN_TOKEN} characters long")
        else:
            digest = token_digest(value)
        if digest in out.values():
            raise ConfigError(f"reviewer {name!r} has the same token as another reviewer: give each their own")
        out[name] = digest
    return out


def read_token_file(path: str | Path) -> dict[str, str]:
    """`NAME = TOKEN` or `NAME = sha256:HEX` a line (`#` comments, blank lines) -> name: token.
    A ConfigError, with the file and line, for a malformed line or a name given twice."""
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise ConfigError(f"cannot read the reviewers' tokens from {path}: {exc.strerror}") from exc
    out: dict[str, str] = {}
    for number, line in enumerate(lines, 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        name, sep, token = line.partition("=")
        name, token = " ".join(name.split()), token.strip()
        if not sep or not name or not token:
            raise ConfigError(f"{path}:{number}: expected `NAME = TOKEN` or `NAME = sha256:HEX`")
        if name in out:
            raise ConfigError(f"{path}:{number}: reviewer {name!r} is named twice")
        out[name] = token
    return out


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode("ascii").rstrip("=")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


class Auth:
    """The write permission of one server: its token, sessions and CSRF tokens."""

    def __init__(self, token: str | None = None, reviewers: Mapping[str, str] | None = None, *,
                 reviewer: str = DEFAULT_REVIEWER) -> None:
        """`reviewers`: name -> token (or `sha256:HEX`); `token`: one more, bound to `reviewer`."""
        tokens = dict(reviewers or {})
        if token:
            if reviewer in tokens:
                raise ConfigError(f"reviewer {reviewer!r} is named twice (--token and the tokens file)")
            tokens[reviewer] = token
        self._digests = list(reviewer_digests(tokens).items())
        seed = b"".join(name.encode("utf-8") + b"\0" + digest for name, digest in sorted(self._digests))
        self._key = hashlib.sha256(b"conflictdesk session key|" + seed).digest() if self._digests else b""

    @property
    def enabled(self) -> bool:
        """Whether anyone may write (a token was given)."""
        return bool(self._digests)

    @property
    def reviewers(self) -> list[str]:
        return [name for name, _ in self._digests]

    def _sign(self, text: str) -> str:
        return _b64(hmac.new(self._key, text.encode("utf-8"), hashlib.sha256).digest())

    def reviewer_of(self, given: str | None) -> str | None:
        """The reviewer bound to the token `given`, or None. Digests are compared in constant time,
        and every entry is compared, so the time taken tells nothing about which or how many match."""
        if not self.enabled or not given:
            return None
        digest = token_digest(given)
        found = None
        for name, known in self._digests:
            if hmac.compare_digest(digest, known):
                found = name
        return found

    # --- sessions -------------------------------------------------------------------------------
    def session_value(self, reviewer: str, *, now: float | None = None) -> str:
        payload = _b64(json.dumps({"r": reviewer, "t": int(now if now is not None else time.time())}).encode())
        return f"{payload}.{self._sign(payload)}"

    def session_cookie(self, reviewer: str) -> str:
        return (f"{SESSION_COOKIE}={self.session_value(reviewer)}; Path=/; HttpOnly; SameSite=Strict; "
                f"Max-Age={SESSION_SECONDS}")

    @staticmethod
    def cleared_cookie() -> str:
        return f"{SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0"

    def reviewer(self, request: Request) -> str | None:
        """The signed-in reviewer's name, or None (no session, a forged or expired one)."""
        if not self.enabled:
            return None
        value = request.cookies.get(SESSION_COOKIE, "")
        payload, _, signature = value.partition(".")
        if not payload or not hmac.compare_digest(signature, self._sign(payload)):
            return None
        try:
            data = json.loads(_unb64(payload))
        except ValueError:
            return None
        if not isinstance(data, dict) or time.time() - float(data.get("t", 0)) > SESSION_SECONDS:
            return None
        name = data.get("r")
        return name if isinstance(name, str) and name in self.reviewers else None

    # --- cross-site protection --------------------------------------------------------------------
    def csrf_token(self, request: Request, action: str) -> str:
        """The token a form posting to `action` carries (bound to the session)."""
        return self._sign(f"csrf|{request.cookies.get(SESSION_COOKIE, '')}|{action}")

    @staticmethod
    def check_same_origin(request: Request) -> None:
        """A 403 unless the request comes from a page of this site."""
        if (request.header("Sec-Fetch-Site") or "").lower() == "cross-site":
            raise HttpError(403, "cross-site request refused", ["Sec-Fetch-Site: cross-site"])
        origin = request.header("Origin")
        if origin is None:
            referer = request.header("Referer")
            if referer is None:
                raise HttpError(403, "a write needs an Origin or Referer header naming this site")
            parts = urlsplit(referer)
            origin = f"{parts.scheme}://{parts.netloc}"
        if origin != request.origin:
            raise HttpError(403, "cross-site request refused", [f"Origin: {origin}", f"this site: {request.origin}"])

    def page_writer(self, request: Request, action: str, form: dict[str, list[str]]) -> str:
        """The reviewer allowed to post this form (403/401 otherwise)."""
        if not self.enabled:
            raise HttpError(403, "this server is read-only: start it with `conflictdesk serve --token ...` "
                                 "(or CONFLICTDESK_TOKEN) to review")
        self.check_same_origin(request)
        reviewer = self.reviewer(request)
        if reviewer is None:
            raise HttpError(401, "sign in to review", ["/login"])
        given = (form.get("csrf") or [""])[0]
        if not hmac.compare_digest(given, self.csrf_token(request, action)):
            raise HttpError(403, "the form's CSRF token is missing or wrong: reload the page and try again")
        return reviewer

    def api_writer(self, request: Request, named: object = None) -> str:
        """The reviewer bound to the token an API write carries (401/403 otherwise); a body's
        'reviewer' field, if any, must name that same reviewer."""
        if not self.enabled:
            raise HttpError(403, "this server is read-only: start it with --token or --tokens to write")
        origin = request.header("Origin")
        if origin is not None and origin != request.origin:
            raise HttpError(403, "cross-site request refused", [f"Origin: {origin}"])
        scheme, _, given = (request.header("Authorization") or "").partition(" ")
        reviewer = self.reviewer_of(given.strip()) if scheme.lower() == "bearer" else None
        if reviewer is None:
            raise HttpError(401, "a write needs a reviewer's token: Authorization: Bearer <token>")
        if named is not None and (not isinstance(named, str) or " ".join(named.split()) != reviewer):
            raise HttpError(403, "the token belongs to another reviewer: the audit trail records the token's "
                                 "reviewer (leave 'reviewer' out)", [f"reviewer: {named!r}"])
        return reviewer

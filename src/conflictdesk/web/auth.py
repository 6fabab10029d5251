"""Who may write (review) and how writes are protected.

The server is read-only unless it has a token (`serve --token`, or CONFLICTDESK_TOKEN). An analyst
signs in on `/login` with the token and a name (the name the audit trail records); the browser
then holds a signed session cookie (HttpOnly, SameSite=Strict, 12 hours). Every write from a page
must come from this site (the Origin header, else the Referer, must be this site's own origin, and
`Sec-Fetch-Site` must not say cross-site) and carry the form's CSRF token, an HMAC of the session
and the form's action. The API takes the token itself (`Authorization: Bearer <token>`) and the
reviewer's name in the body; a cross-site Origin is refused there too.
"""
from __future__ import annotations

import base64
import hashlib
import hmac
import json
import time
from urllib.parse import urlsplit

from .http import HttpError, Request

SESSION_COOKIE = "cd_session"
SESSION_SECONDS = 12 * 3600
MAX_NAME = 80


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode("ascii").rstrip("=")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


class Auth:
    """The write permission of one server: its token, sessions and CSRF tokens."""

    def __init__(self, token: str | None) -> None:
        self.token = token or None
        self._key = hashlib.sha256(b"conflictdesk session key|" + self.token.encode("utf-8")).digest() \
            if self.token else b""

    @property
    def enabled(self) -> bool:
        """Whether anyone may write (a token was given)."""
        return self.token is not None

    def _sign(self, text: str) -> str:
        return _b64(hmac.new(self._key, text.encode("utf-8"), hashlib.sha256).digest())

    def token_matches(self, given: str | None) -> bool:
        return self.enabled and given is not None and hmac.compare_digest(given.encode("utf-8"),
                                                                          self.token.encode("utf-8"))  # type: ignore[union-attr]

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
        return name if isinstance(name, str) and name else None

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

    def api_writer(self, request: Request, reviewer: object) -> str:
        """The reviewer named in an API write that carries the token (401/403 otherwise)."""
        if not self.enabled:
            raise HttpError(403, "this server is read-only: start it with --token (or CONFLICTDESK_TOKEN) to write")
        origin = request.header("Origin")
        if origin is not None and origin != request.origin:
            raise HttpError(403, "cross-site request refused", [f"Origin: {origin}"])
        scheme, _, given = (request.header("Authorization") or "").partition(" ")
        if scheme.lower() != "bearer" or not self.token_matches(given.strip()):
            raise HttpError(401, "a write needs the server's token: Authorization: Bearer <token>")
        if not isinstance(reviewer, str) or not reviewer.strip():
            raise HttpError(400, "name the reviewer: a 'reviewer' field in the body")
        return reviewer.strip()[:MAX_NAME]

"""Parsing served pages in tests: their elements, attributes and text."""
from __future__ import annotations

import re
from html.parser import HTMLParser


class Tags(HTMLParser):
    """The elements and attributes of a page, and its text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)


OWN_SCRIPT = re.compile(r'<script src="/static/[a-z]+\.js" defer></script>')


def assert_own_scripts_only(page: str, tags: Tags) -> None:
    """The page's only scripts are the app's own static files, each an empty element with a src."""
    scripts = [a for t, a in tags.tags if t == "script"]
    assert all((a.get("src") or "").startswith("/static/") for a in scripts), scripts
    assert page.count("<script") == len(OWN_SCRIPT.findall(page)), "inline script"

"""The pages' one Jinja2 environment: templates under `web/templates/` (one base layout,
`base.html`), autoescaped, strict about undefined names.

    render("events.html", title="Events", active="/events", ...)

Untrusted text is escaped by autoescape wherever a template shows it, and every value a template
prints loses its bidirectional control characters (U+202A-U+202E, U+2066-U+2069), so a title
cannot reverse the text after it; templates also isolate document text and titles in `<bdi>` or
`dir="auto"` elements so right-to-left text does not reorder its neighbours.
"""
from __future__ import annotations

import functools
from typing import Any

import jinja2
from markupsafe import Markup, escape

from .eventtable import events_table
from .markup import BIDI_CONTROLS, NAV, external_link, link, path, short


def without_bidi_controls(value: Any) -> Any:
    """`value` with bidirectional embedding, override and isolate controls removed (markup stays
    markup: these characters are never part of ours)."""
    if not isinstance(value, str) or value.isascii():   # ASCII holds no bidi controls (and is the common case)
        return value
    if isinstance(value, Markup):
        return Markup(BIDI_CONTROLS.sub("", str(value)))
    return BIDI_CONTROLS.sub("", value)


def count_choices(counts: list[tuple[str, int]]) -> list[tuple[str, str]]:
    """Drop-down choices from (value, count) pairs: the value, labelled with its count."""
    return [(value, f"{value} ({n})") for value, n in counts]


def option_tags(choices: list[tuple[str, str]], chosen: str | None, any_label: str = "any") -> Markup:
    """A drop-down's <option> elements (the first: no choice), `chosen` selected; escaped. Built
    here rather than in a template loop: the actor list has hundreds of entries. The escaped
    options are kept per list of choices (they change only with the stored data), so a page
    pays for escaping its hundreds of choices once, not on every request."""
    tags = _option_tags(tuple(choices))
    out = [f'<option value="">{escape(any_label)}</option>']
    if chosen is None:
        out.extend(tag for _, tag in tags)
    else:
        out.extend(tag.replace("\">", "\" selected>", 1) if value == chosen else tag for value, tag in tags)
    return Markup("\n".join(out))


@functools.lru_cache(maxsize=64)
def _option_tags(choices: tuple[tuple[str, str], ...]) -> tuple[tuple[str, str], ...]:
    return tuple((value, f'<option value="{escape(without_bidi_controls(value))}">'
                         f'{escape(without_bidi_controls(label))}</option>') for value, label in choices)


@functools.lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.PackageLoader("conflictdesk.web", "templates"), autoescape=True,
                             undefined=jinja2.StrictUndefined, finalize=without_bidi_controls,
                             trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
    env.globals.update(path=path, nav=NAV, link=lambda href, text: Markup(link(href, text)),
                       external_link=lambda url, text=None: Markup(external_link(url, text)))
    env.globals["count_choices"] = count_choices
    env.globals["option_tags"] = option_tags
    env.globals["events_table_html"] = events_table
    env.filters["short"] = short
    env.filters["pair"] = lambda value: (value, value)
    return env


def render(template: str, **context: Any) -> str:
    return environment().get_template(template).render(**context)

"""User text: Markdown rendered, then sanitized with nh3 (Ammonia).

No script, event-handler attribute, ``style`` or ``javascript:`` URL
survives; links get ``rel="nofollow noopener noreferrer"``.
"""

from functools import lru_cache

import markdown
import nh3

TAGS = {
    "a",
    "abbr",
    "b",
    "blockquote",
    "br",
    "code",
    "dd",
    "del",
    "dl",
    "dt",
    "em",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "i",
    "img",
    "li",
    "ol",
    "p",
    "pre",
    "s",
    "strong",
    "sub",
    "sup",
    "table",
    "tbody",
    "td",
    "th",
    "thead",
    "tr",
    "ul",
}
ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt", "title"},
    "th": {"align"},
    "td": {"align"},
}
SCHEMES = {"http", "https", "mailto"}
EXTENSIONS = ["fenced_code", "tables", "sane_lists"]


@lru_cache(maxsize=4096)
def render(text: str) -> str:
    """Safe HTML of a Markdown text."""
    html = markdown.markdown(text or "", extensions=EXTENSIONS, output_format="html")
    return nh3.clean(
        html,
        tags=TAGS,
        attributes=ATTRIBUTES,
        url_schemes=SCHEMES,
        link_rel="nofollow noopener noreferrer",
    )


def clean_snippet(html: str) -> str:
    """Search snippets keep only their <mark> highlights."""
    return nh3.clean(html or "", tags={"mark"}, attributes={})

"""Plain-text excerpts of Markdown: post summaries for the feeds and the library."""

import re

from ..domain.posts import LESSON

_MARKUP = re.compile(r"(!?\[([^\]]*)\]\([^)]*\))|[*_`#>~|]+")
_SPACE = re.compile(r"\s+")


def plain(markdown_text: str) -> str:
    """Markdown without its markup: link texts kept, symbols dropped."""
    return _SPACE.sub(
        " ", _MARKUP.sub(lambda m: m.group(2) or " ", markdown_text)
    ).strip()


def excerpt(markdown_text: str, limit: int = 240) -> str:
    # Markup is rarely longer than the text it marks: a few times the limit is plenty.
    text = plain(markdown_text[: limit * 4])
    if len(text) <= limit:
        return text
    return text[: limit - 1].rsplit(" ", 1)[0] + "…"


def summary_of(kind: str, parts: dict[str, str]) -> str:
    """A lesson's own summary (or its body's opening); a story's context."""
    if kind == LESSON:
        return parts.get("summary") or excerpt(parts.get("body", ""))
    return excerpt(parts.get("context", ""))

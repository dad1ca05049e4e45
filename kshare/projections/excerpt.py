"""Plain-text excerpts of Markdown, for summaries and search snippets."""

import re

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

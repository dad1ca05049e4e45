"""Checks and normalisation of the text people type."""

import re
from collections.abc import Iterable

from .errors import Invalid

HANDLE = re.compile(r"^[a-z0-9][a-z0-9-]{1,28}[a-z0-9]$")
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
TAG = re.compile(r"[^a-z0-9]+")
MAX_TAGS = 8


def required(value: str, label: str, *, minimum: int = 1, maximum: int = 200) -> str:
    text = (value or "").strip()
    if len(text) < minimum:
        if minimum == 1:
            raise Invalid(f"{label} is required.")
        raise Invalid(f"{label} needs at least {minimum} characters.")
    if len(text) > maximum:
        raise Invalid(
            f"{label} is too long ({len(text)} characters; at most {maximum})."
        )
    return text


def optional(value: str | None, label: str, *, maximum: int = 200) -> str:
    text = (value or "").strip()
    if len(text) > maximum:
        raise Invalid(
            f"{label} is too long ({len(text)} characters; at most {maximum})."
        )
    return text


def handle(value: str, label: str = "A handle") -> str:
    """A handle or short name: 3 to 30 lowercase letters, digits, hyphens."""
    text = (value or "").strip().lower().lstrip("@")
    if not HANDLE.match(text):
        raise Invalid(
            f"{label} is 3 to 30 lowercase letters, digits or hyphens, "
            "starting and ending with a letter or digit."
        )
    return text


def email(value: str) -> str:
    text = (value or "").strip().lower()
    if not EMAIL.match(text) or len(text) > 254:
        raise Invalid(f"{value!r} is not an email address.")
    return text


def tags(values: Iterable[str] | str) -> list[str]:
    """Normalise tags to unique lowercase slugs, in the order given."""
    if isinstance(values, str):
        values = values.split(",")
    result: list[str] = []
    for raw in values:
        slug = TAG.sub("-", str(raw).strip().lower()).strip("-")
        if not slug:
            continue
        if len(slug) > 40:
            raise Invalid(f"The tag {raw!r} is too long (at most 40 characters).")
        if slug not in result:
            result.append(slug)
    if len(result) > MAX_TAGS:
        raise Invalid(f"A post has at most {MAX_TAGS} tags.")
    return result


def word_list(values: Iterable[str] | str, label: str) -> list[str]:
    """Normalise a list of short phrases such as interests or skills."""
    if isinstance(values, str):
        values = values.split(",")
    result = [optional(v, label, maximum=60) for v in values]
    return list(dict.fromkeys(v for v in result if v))[:20]


def slug(value: str, label: str) -> str:
    """A lowercase slug of letters, digits and hyphens, such as a competency."""
    found = tags([value])
    if not found:
        raise Invalid(f"{label} is required.")
    return found[0]

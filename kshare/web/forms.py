"""Reading forms, and giving a command from one."""

from collections.abc import Callable
from uuid import UUID

from flask import flash, redirect

from ..application import Receipt
from ..domain.errors import Conflict, Invalid
from .errors import status_of
from .helpers import shown


def attempt(
    give: Callable[[], Receipt], page: Callable, then: str | Callable[[Receipt], str]
):
    """Give a command; on a broken rule show the page again with why.

    Not found and not allowed are the error pages' to answer (404, 403).
    """
    try:
        receipt = give()
    except (Invalid, Conflict) as error:
        flash(error.message, "error")
        return page(), status_of(error)
    shown(receipt)
    return redirect(then(receipt) if callable(then) else then)


def as_id(value: str, message: str) -> UUID:
    try:
        return UUID(value)
    except (TypeError, ValueError):
        raise Invalid(message) from None


def number(form, name: str, label: str) -> int:
    try:
        return int(form.get(name, "").strip())
    except ValueError:
        raise Invalid(f"{label} is a whole number.") from None


def lines(value: str) -> list[str]:
    return [line.strip() for line in value.splitlines() if line.strip()]


def listed(value: str) -> list[str]:
    return [word.strip() for word in value.split(",") if word.strip()]


def texts(form, names) -> dict[str, str]:
    return {name: form.get(name, "") for name in names}

"""Form handling shared by the program and pairing pages."""

from collections.abc import Callable
from uuid import UUID

from flask import flash, redirect, request

from ..domain.errors import Conflict, Invalid
from .errors import status_of
from .helpers import actor_id, services, shown


def attempt(act: Callable, page: Callable, then: str | Callable):
    """Give a command; on a broken rule show the page again with why."""
    try:
        receipt = act()
    except (Invalid, Conflict) as error:
        flash(error.message, "error")
        return page(), status_of(error)
    shown(receipt)
    return redirect(then(receipt) if callable(then) else then)


def command(verb: str, /, **arguments):
    """Give the application's command ``verb`` as the signed-in person."""
    return getattr(services().app, verb)(actor_id=actor_id(), **arguments)


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


def given(verb: str, fields, parse: Callable | None, subject, **ids) -> Callable:
    """The command a form gives: its text fields, and what ``parse`` reads."""
    form = request.form
    return lambda: command(
        verb, **ids, **texts(form, fields), **(parse(form, subject) if parse else {})
    )

"""Commands by name, with JSON arguments: one surface for the API and the CLI.

Arguments arrive as JSON values; each is converted by the command's type
hints (``UUID``, ``date``, ``dict[UUID, str]``...), so the JSON API and the
``kshare do`` command give exactly what the site gives. The acting
participant is never an argument: the caller passes who is signed in.
"""

import inspect
import types
import typing
from dataclasses import dataclass
from datetime import date
from typing import Any
from uuid import UUID

from ..domain.errors import Invalid, NotFound

# The commands open to the API and the CLI (reads go through the queries).
COMMANDS = (
    "launch_program",
    "revise_charter",
    "save_template",
    "plan_cohort",
    "advance_cohort",
    "close_cohort",
    "enroll",
    "complete_orientation",
    "leave_cohort",
    "propose_pairing",
    "accept_pairing",
    "decline_pairing",
    "pause_pairing",
    "resume_pairing",
    "close_pairing",
    "reflect_on_pairing",
    "acknowledge_agreement",
    "log_session",
    "complete_action_item",
    "set_goal",
    "plan_milestone",
    "reach_milestone",
    "celebrate_milestone",
    "answer_survey",
    "recognize",
    "save_matching_draft",
    "approve_matching_draft",
    "discard_matching_draft",
    "feature_lesson",
    "appreciate_post",
    "publish_post",
    "retract_post",
    "republish_post",
)


@dataclass(frozen=True)
class Argument:
    name: str
    hint: Any  # the type it is converted to; None when the command names none
    required: bool


def arguments(app, name: str) -> list[Argument]:
    """A command's arguments, in order (the actor, given by the caller, is not one)."""
    hints = typing.get_type_hints(getattr(type(app), name))
    return [
        Argument(p.name, hints.get(p.name), p.default is p.empty)
        for p in inspect.signature(getattr(app, name)).parameters.values()
        if p.kind is p.KEYWORD_ONLY and p.name != "actor_id"
    ]


def describe(app) -> dict[str, list[str]]:
    """Each command with the names of its arguments (for help texts)."""
    return {name: [a.name for a in arguments(app, name)] for name in COMMANDS}


def run(app, name: str, actor_id: UUID, given: dict):
    """Run the named command as ``actor_id`` with JSON arguments ``given``."""
    if name not in COMMANDS:
        raise NotFound(f"There is no command {name!r}.")
    if not isinstance(given, dict):
        raise Invalid("Arguments are a JSON object.")
    known = {a.name: a for a in arguments(app, name)}
    unknown = set(given) - set(known)
    if unknown and not _takes_more(app, name):
        raise Invalid(f"{name} takes no {', '.join(sorted(unknown))}.")
    missing = [a for a, found in known.items() if found.required and a not in given]
    if missing:
        raise Invalid(f"{name} needs {', '.join(missing)}.")
    converted = {
        key: _convert(value, known[key].hint if key in known else None, key)
        for key, value in given.items()
    }
    return getattr(app, name)(actor_id=actor_id, **converted)


def _takes_more(app, name: str) -> bool:
    """True for commands that take further keywords (such as a profile)."""
    signature = inspect.signature(getattr(app, name))
    return any(p.kind is p.VAR_KEYWORD for p in signature.parameters.values())


def _convert(value, hint, key: str):
    if value is None or hint is None:
        return value
    options = typing.get_args(hint) if _is_union(hint) else (hint,)
    for option in options:
        try:
            return _as(value, option)
        except (ValueError, TypeError, AttributeError):
            continue
    raise Invalid(f"{key} has the wrong form.")


def _is_union(hint) -> bool:
    return typing.get_origin(hint) in (typing.Union, types.UnionType)


def _as(value, hint):
    origin = typing.get_origin(hint)
    if hint is UUID:
        return UUID(str(value))
    if hint is date:
        return date.fromisoformat(value)
    if origin is dict and isinstance(value, dict):
        key_type, value_type = typing.get_args(hint) or (str, str)
        return {_as(k, key_type): _as(v, value_type) for k, v in value.items()}
    if origin is list and isinstance(value, list):
        (item_type,) = typing.get_args(hint) or (str,)
        return [_as(item, item_type) for item in value]
    if hint in (str, int, bool, float) and isinstance(value, hint):
        return value
    if hint is dict and isinstance(value, dict):
        return value
    raise TypeError(hint)

"""Upcasters shared by several event classes.

When an event class's ``class_version`` goes up, the library calls its
``upcast_vN_vN+1(state)`` staticmethods, one step at a time, on the state
of each event an older release stored, before building the event. Stored
events are never rewritten: see docs/changing-events.md.
"""

from collections.abc import Callable

from .ids import OPERATOR


def actor_was_operator(state: dict) -> None:
    """v1 -> v2 of bookkeeping events that named nobody: the operator acted.

    The slot and enrollment counts were written on behalf of whoever
    proposed or ended a pairing; that person is the actor of the pairing
    event saved in the same transaction, not of these.
    """
    state["actor_id"] = OPERATOR


def actor_was(field: str) -> Callable[[dict], None]:
    """v1 -> v2 of events whose actor was the person a field names.

    An answer, a recognition or a private note was always given by the
    person it names as its author, so that person is its actor.
    """

    def upcast(state: dict) -> None:
        state["actor_id"] = state[field]

    return upcast

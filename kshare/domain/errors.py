"""Domain errors carry a message a person can read."""


class DomainError(Exception):
    """A rule of the program was not met."""

    @property
    def message(self) -> str:
        return str(self.args[0]) if self.args else self.__class__.__name__


class Invalid(DomainError):
    """The request was understood but its content breaks a rule."""


class NotFound(DomainError):
    """The thing asked for does not exist."""


class NotAllowed(DomainError):
    """The acting participant may not do this."""


class NotAuthenticated(DomainError):
    """Nobody is signed in, or the credentials are wrong."""


class Conflict(DomainError):
    """Someone else got there first: the request conflicts with stored state."""

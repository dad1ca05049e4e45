"""What every ``kshare`` command shares: services, errors, progress bars."""

import functools
from contextlib import contextmanager

import click
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeRemainingColumn,
)

from ..bootstrap import Services, build
from ..config import ConfigurationError, Settings
from ..domain.errors import DomainError

console = Console(stderr=True)


class Bar:
    """A progress bar fed either by steps (``advance``) or by totals (``set``)."""

    def __init__(self, progress: Progress, task) -> None:
        self.progress, self.task = progress, task

    def advance(self, steps: int = 1) -> None:
        self.progress.advance(self.task, steps)

    def set(self, done: int, total: int) -> None:
        self.progress.update(self.task, completed=done, total=total)


@contextmanager
def progress_bar(description: str, total: int | None = None):
    columns = (
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
    )
    with Progress(*columns, console=console) as progress:
        yield Bar(progress, progress.add_task(description, total=total))


def command(function):
    """Build the services for a command; domain errors become CLI messages."""

    @functools.wraps(function)
    def wrapped(*args, **kwargs):
        try:
            services = build(Settings.from_env())
        except ConfigurationError as error:
            raise click.ClickException(str(error)) from None
        try:
            return function(services, *args, **kwargs)
        except DomainError as error:
            raise click.ClickException(error.message) from None
        finally:
            services.close()

    return wrapped


def catch_up(services: Services, description: str = "Projecting events") -> None:
    behind = services.log.head() - min(g.position() for g in services.runner.groups)
    if behind <= 0:
        return
    with progress_bar(description, behind) as bar:
        services.runner.catch_up(progress=bar.set)

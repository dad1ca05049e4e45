"""``kshare audit``: seal, verify, export and import the log; see it as of a date."""

import click

from ..bootstrap import Services
from ..domain.ids import OPERATOR
from .support import command, console, progress_bar


@click.group()
def audit() -> None:
    """Seal and verify the log, export and import it, see the past."""


@audit.command("seal")
@command
def audit_seal(services: Services) -> None:
    """Seal the log up to its last event."""
    with progress_bar("Sealing") as bar:
        receipt = services.app.seal_log(actor_id=OPERATOR, progress=bar.advance)
    chain = services.app.seal_chain()
    if chain is None:
        console.print("The log is empty: nothing to seal yet.")
        return
    if receipt.position is None:
        console.print(f"Nothing new since the seal at position {chain.position}.")
    else:
        console.print(f"Sealed up to position {chain.position}.")
    click.echo(f"{chain.position} {chain.digest}")

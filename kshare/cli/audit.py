"""``kshare audit``: seal, verify, export and import the log; see it as of a date."""

import json
import re
import sys

import click

from ..bootstrap import Services
from ..domain.ids import OPERATOR
from ..projections.audit.integrity import Seal, Verification
from .support import command, console, progress_bar


@click.group()
def audit() -> None:
    """Seal and verify the log, export and import it, see the past."""


@audit.command("seal")
@command
def audit_seal(services: Services) -> None:
    """Seal the log up to its last event."""
    unsealed = services.log.head() - services.app.sealed_upto()
    with progress_bar("Sealing", max(unsealed, 0)) as bar:
        receipt = services.seal(OPERATOR, progress=bar.advance)
    chain = services.app.seal_chain()
    if chain is None:
        console.print("The log is empty: nothing to seal yet.")
        return
    if receipt.position is None:
        console.print(f"Nothing new since the seal at position {chain.position}.")
    else:
        console.print(f"Sealed up to position {chain.position}.")
    click.echo(f"{chain.position} {chain.digest}")


@audit.command("verify")
@click.option(
    "--expect",
    metavar="POSITION:DIGEST",
    help="Also check a seal kept outside the log (as `kshare audit seal` printed it).",
)
@click.option("--json", "as_json", is_flag=True, help="Print the result as JSON.")
@command
def audit_verify(services: Services, expect: str | None, as_json: bool) -> None:
    """Check every stored event against the seals; exit 1 if any was altered."""
    outside = _expected(expect) if expect else None
    with progress_bar("Verifying", services.log.head()) as bar:
        result = services.integrity.verify(progress=bar.advance, expect=outside)
    if as_json:
        click.echo(json.dumps(_as_dict(result, services.log.head()), indent=2))
    else:
        _say(result)
    if not result.ok:
        sys.exit(1)


def _expected(value: str) -> Seal:
    match = re.fullmatch(r"(\d+)[: ]([0-9a-f]{64})", value.strip())
    if not match:
        raise click.BadParameter(
            "give POSITION:DIGEST, e.g. 1200:3fa4...", param_hint="--expect"
        )
    return Seal(0, int(match[1]), match[2], 0, None)


def _say(result: Verification) -> None:
    if not result.ok:
        finding = result.finding
        console.print(
            f"[bold red]ALTERED[/] at position {finding.position} ({finding.kind}): "
            f"{finding.message}"
        )
        if result.bad_seal:
            console.print(
                f"The seal of position {result.bad_seal.position} does not match."
            )
        return
    if not result.seals:
        console.print(
            f"Read {result.events} events. The log has no seal yet, so nothing "
            "is proven: run `kshare audit seal`."
        )
        return
    console.print(
        f"[bold green]Intact[/]: read {result.events} events; "
        f"{len(result.seals)} seals match, the last covering position "
        f"{result.sealed_upto}; {result.unsealed} events after it are not "
        "sealed yet."
    )


def _as_dict(result: Verification, head: int) -> dict:
    finding = result.finding
    return {
        "intact": result.ok,
        "events": result.events,
        "head": head,
        "seals": len(result.seals),
        "sealed_upto": result.sealed_upto,
        "unsealed": result.unsealed,
        "finding": finding.__dict__ if finding else None,
        "bad_seal": result.bad_seal.position if result.bad_seal else None,
    }


@audit.command("key")
def audit_key() -> None:
    """Print a new random AES key for KSHARE_CIPHER_KEY."""
    from eventsourcing.cipher import AESCipher

    click.echo(AESCipher.create_key(num_bytes=32))

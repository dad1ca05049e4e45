"""``kshare audit``: seal, verify, export and import the log; see it as of a date."""

import json
import os
import re
import sys
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

import click

from ..audit.exporting import Unreadable, export_log
from ..audit.importing import check_export, write_export
from ..audit.verification import Seal, Verification
from ..bootstrap import Services
from ..domain.ids import OPERATOR
from ..eventlog import ImportRefused
from ..timetravel.moments import describe, parse_moment
from .support import catch_up, command, console, progress_bar


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


@audit.command("as-of")
@click.argument("moment", metavar="DATE")
@click.option("--json", "as_json", is_flag=True, help="Dump every read model as JSON.")
@command
def audit_as_of(services: Services, moment: str, as_json: bool) -> None:
    """Show the program as it stood at DATE (ISO date or date-time; UTC if no zone).

    A date alone means the end of that day. The view is the log replayed up
    to the last event stamped at or before that moment."""
    when = parse_moment(moment)
    catch_up(services)  # the event index maps the moment to a position
    travel = services.time_travel
    position = travel.position_at(when)
    with progress_bar(
        f"Replaying the log up to position {position}",
        travel.views.events_to_build(position),
    ) as bar:
        past = travel.past(position, when, progress=bar.advance)
    if as_json:
        tables = past.snapshot.tables()
        dump = {"moment": when.isoformat(), "position": position, "tables": tables}
        click.echo(json.dumps(dump, indent=1))
    else:
        click.echo("\n".join(_past_summary(past)))


def _past_summary(past) -> list[str]:
    counts = past.snapshot.counts()
    pairings = ", ".join(f"{n} {status}" for status, n in counts["pairings"].items())
    lines = [
        f"kshare as it stood on {describe(past.moment)} (log position {past.position})",
        f"participants:        {counts['participants']}",
        f"published lessons:   {counts['lessons']}",
        f"published stories:   {counts['stories']}",
        f"cohorts:             {counts['cohorts']}",
        f"pairings:            {pairings or 'none'}",
        f"sessions:            {counts['sessions']}",
        f"milestones reached:  {counts['milestones_reached']} of "
        f"{counts['milestones']}",
    ]
    for program in past.programs.programs():
        for cohort in past.programs.cohorts(program.id):
            m = past.metrics.cohort(cohort.id, past.moment.date())
            lines.append(
                f"cohort {program.slug}/{cohort.slug} ({cohort.stage}): "
                f"{m.active_pairings} of {m.pairings} pairings active, "
                f"{m.sessions} sessions ({m.hours} h), "
                f"{m.sessions_per_pairing} sessions per pairing "
                f"(expected {m.expected_sessions_per_pairing}), "
                f"milestones {m.milestones_reached} reached, "
                f"{m.milestones_overdue} overdue"
            )
    return lines


@audit.command("export")
@click.argument(
    "file", required=False, type=click.Path(dir_okay=False, allow_dash=True)
)
@click.option(
    "--include-private",
    is_flag=True,
    help="Keep private notes, survey answers and secrets: a complete copy, the only "
    "kind `kshare audit import` loads.",
)
@command
def audit_export(services: Services, file: str | None, include_private: bool) -> None:
    """Write the log as JSON Lines with its seals, to FILE or - (standard output)."""
    target = file or datetime.now(UTC).strftime("kshare-export-%Y%m%dT%H%M%SZ.jsonl")
    try:
        with progress_bar("Exporting") as bar, _written(target) as out:
            done = export_log(
                services.log, out, complete=include_private, progress=bar.set
            )
    except Unreadable as error:
        raise click.ClickException(str(error)) from None
    except OSError as error:
        raise click.ClickException(f"Cannot write {target}: {error.strerror}") from None
    if done.head:
        services.app.record_export(
            actor_id=OPERATOR, position=done.head, complete=include_private
        )
    private = "with" if include_private else "without"
    where = "standard output" if target == "-" else target
    console.print(
        f"Exported {done.events} events up to position {done.head} and "
        f"{_seals(done.seals)}, {private} private fields, to {where}."
    )


@contextmanager
def _written(target: str):
    """Standard output, or a file that appears only once it is whole (owner only)."""
    if target == "-":
        with click.open_file("-", "wb") as out:
            yield out
        return
    partial = Path(f"{target}.partial")
    with os.fdopen(
        os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), "wb"
    ) as out:
        try:
            yield out
        except BaseException:
            partial.unlink(missing_ok=True)
            raise
    partial.replace(target)


def _seals(count: int) -> str:
    return f"{count} seal{'' if count == 1 else 's'}"


@audit.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@command
def audit_import(services: Services, file: Path) -> None:
    """Load a complete export into an empty store; rebuild and verify."""
    try:
        with progress_bar("Checking the export") as bar:
            shape = check_export(file, services.log, bar.set)
        with progress_bar("Writing the events", shape.events) as bar:
            write_export(file, shape, services.log, bar.set)
    except ImportRefused as error:
        raise click.ClickException(str(error)) from None
    with progress_bar("Rebuilding the projections", 2 * shape.events) as bar:
        services.rebuild(progress=bar.advance)
    services.integrity.ledger.record([], replace=True)  # one of another store
    with progress_bar("Verifying the seals", shape.events) as bar:
        result = services.integrity.verify(progress=bar.advance)
    if not result.ok:
        raise click.ClickException(
            f"The imported log does not verify: {result.finding.message}"
        )
    console.print(
        f"Imported {shape.events} events up to position {shape.head}; the "
        f"projections are rebuilt and the log matches its {_seals(len(result.seals))}."
    )

"""The ``kshare`` command: run the site, seed the demo, rebuild, search, admin."""

import dataclasses
import json
import sys
from datetime import date

import click
from rich.console import Console
from rich.table import Table

from ..application import catalog
from ..bootstrap import PROJECTIONS, Services
from ..domain import text
from ..domain.ids import OPERATOR, participant_id
from ..domain.participants import ROLES
from .audit import audit
from .support import catch_up, command, console, progress_bar


@click.group()
def main() -> None:
    """kshare: knowledge sharing for peer mentorship programs."""


main.add_command(audit)


@main.command()
@click.option("--host", default="127.0.0.1", envvar="HOST", show_default=True)
@click.option("--port", default=5000, envvar="PORT", type=int, show_default=True)
@click.option("--threads", default=8, type=int, show_default=True)
@command
def serve(services: Services, host: str, port: int, threads: int) -> None:
    """Serve the site, with the projection runner inside this process."""
    import waitress

    from ..web import create_app

    catch_up(services)
    app = create_app(services=services)
    services.sealer.start(services.seal)
    console.print(f"kshare is serving on http://{host}:{port}/ (Ctrl-C to stop)")
    waitress.serve(app, host=host, port=port, threads=threads, ident="kshare")


@main.command()
@click.option(
    "--if-empty", is_flag=True, help="Only seed when the event store is empty."
)
@click.option(
    "--posts", default=240, show_default=True, help="How many lessons and stories."
)
@command
def demo(services: Services, if_empty: bool, posts: int) -> None:
    """Seed a realistic demo program (people, posts, appreciation, weekly lessons)."""
    from ..demo.content import PEOPLE
    from ..demo.seed import DEMO_PASSWORD, seed

    head = services.log.head()
    if head and if_empty:
        console.print(
            f"The event store already holds {head} events; not seeding the demo."
        )
        return
    with progress_bar("Seeding the demo program") as bar:
        count = seed(services.app, posts=posts, progress=bar.set)
    catch_up(services, "Building the read models and the library")
    coordinator = next(p for p in PEOPLE if p.coordinator)
    console.print(
        f"Seeded {count} demo actions; every demo password is {DEMO_PASSWORD!r}."
    )
    console.print(f"{coordinator.email} is a coordinator.")


@main.command()
@click.argument("names", nargs=-1, type=click.Choice(PROJECTIONS))
@command
def rebuild(services: Services, names: tuple[str, ...]) -> None:
    """Rebuild projections (all, or those named) from the log, then swap them in."""
    names = names or PROJECTIONS
    passes = (1 if set(names) - {"library"} else 0) + (1 if "library" in names else 0)
    total = services.log.head() * passes
    with progress_bar(f"Rebuilding {', '.join(names)}", total) as bar:
        read = services.rebuild(names, progress=bar.advance)
    catch_up(services, "Catching up with events written meanwhile")
    console.print(f"Rebuilt {', '.join(names)} from {read // max(passes, 1)} events.")


@main.command()
@click.argument("query")
@click.option("--kind", type=click.Choice(["lesson", "story"]))
@click.option("--tag")
@click.option("--author")
@click.option("--sort", type=click.Choice(["relevance", "newest"]), default="relevance")
@click.option("--page", default=1, type=int)
@click.option("--per-page", default=10, type=click.Choice(["10", "20"]))
@click.option("--json", "as_json", is_flag=True, help="Print the results as JSON.")
@command
def search(
    services: Services, query: str, as_json: bool, per_page: str, **filters
) -> None:
    """Search the library (same syntax as the site)."""
    catch_up(services)
    results = services.search.search(query, per_page=int(per_page), **filters)
    if results.message:
        raise click.ClickException(results.message)
    if as_json:
        hits = [
            hit.__dict__ | {"published": hit.published.isoformat()}
            for hit in results.hits
        ]
        click.echo(
            json.dumps(
                {
                    "total": results.total,
                    "more": results.more,
                    "hits": hits,
                    "suggestion": results.suggestion,
                },
                indent=2,
            )
        )
        return
    table = Table(
        "title",
        "kind",
        "author",
        "published",
        title=f"{results.counted} results (page {results.page} of {results.pages})",
    )
    for hit in results.hits:
        table.add_row(
            hit.title, hit.kind, "@" + hit.author, hit.published.date().isoformat()
        )
    Console().print(table)
    if results.suggestion:
        click.echo(f"Did you mean: {results.suggestion}")


@main.group()
def user() -> None:
    """Manage participants."""


@user.command("add")
@click.argument("email")
@click.option("--handle", required=True)
@click.option("--name", "display_name", required=True)
@click.option(
    "--role", type=click.Choice(ROLES), default="participant", show_default=True
)
@click.option("--team", default="")
@click.option("--role-title", default="")
@click.password_option(help="Asked for when not given.")
@command
def user_add(services: Services, email: str, **details) -> None:
    """Register a participant (or a coordinator) as the operator."""
    receipt = services.app.register_participant(
        email=email, actor_id=OPERATOR, **details
    )
    handle, role = details["handle"], details["role"]
    click.echo(f"Registered {email} as @{handle} ({role}), id {receipt.id}")


@main.group()
def token() -> None:
    """Manage API tokens."""


@token.command("create")
@click.argument("email")
@click.option("--label", default="", help="What the token is for.")
@command
def token_create(services: Services, email: str, label: str) -> None:
    """Create a bearer token for EMAIL; it is shown once."""
    secret, _ = services.app.issue_token(actor_id=OPERATOR, email=email, label=label)
    click.echo(secret)


@main.command("commands")
@command
def list_commands(services: Services) -> None:
    """List the commands `kshare do` runs, with their arguments."""
    for name, arguments in catalog.describe(services.app).items():
        click.echo(f"{name} {' '.join(arguments)}")


@main.command("do")
@click.argument("name")
@click.argument("arguments", default="{}")
@click.option("--as", "email", required=True, help="The participant acting.")
@command
def do(services: Services, name: str, arguments: str, email: str) -> None:
    """Run a command as a participant: kshare do NAME --as EMAIL '{"json": "args"}'."""
    try:
        parsed = json.loads(sys.stdin.read() if arguments == "-" else arguments)
    except json.JSONDecodeError as error:
        raise click.ClickException(f"The arguments are not JSON: {error}") from None
    receipt = catalog.run(services.app, name, participant_id(text.email(email)), parsed)
    click.echo(json.dumps({"id": str(receipt.id), "position": receipt.position}))


SHOW = {
    "programs": lambda s, _: s.programs.programs(),
    "program": lambda s, slug: s.programs.program(slug),
    "cohort": lambda s, cid: s.programs.cohort(cid),
    "members": lambda s, cid: s.programs.members(cid),
    "pairings": lambda s, cid: s.pairings.history_of_cohort(cid),
    "pairing": lambda s, pid: s.pairings.workspace(pid),
    "timeline": lambda s, cid: s.growth.timeline_of_cohort(cid, date.today()),
    "metrics": lambda s, cid: s.metrics.cohort(cid, date.today()),
    "matching": lambda s, cid: s.matching.assignment(cid),
    "suggestions": lambda s, key: s.matching.suggestions(*key.split(":", 1)),
    "celebrations": lambda s, _: s.growth.celebrations(),
}


@main.command("show")
@click.argument("what", type=click.Choice(sorted(SHOW)))
@click.argument("key", default="")
@command
def show(services: Services, what: str, key: str) -> None:
    """Print a read model as JSON: programs, program SLUG, cohort ID, metrics ID,
    suggestions COHORT_ID:MENTEE_ID..."""
    catch_up(services)
    found = SHOW[what](services, key)
    if found is None:
        raise click.ClickException(f"No {what} {key!r}.")
    click.echo(json.dumps(found, default=_plain, indent=2))


def _plain(value):
    if dataclasses.is_dataclass(value):
        return dataclasses.asdict(value)
    return str(value)


@main.group()
def projections() -> None:
    """Run the projections outside the web process."""


@projections.command("run")
@command
def projections_run(services: Services) -> None:
    """Catch up, then follow the event log until interrupted."""
    catch_up(services)
    console.print("Following the event log (Ctrl-C to stop)")
    services.runner.start()
    try:
        while True:
            services.runner.wait_for(sys.maxsize, 3600)
    except KeyboardInterrupt:
        console.print("Stopped.")

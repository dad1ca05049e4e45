"""`kshare audit export` and `kshare audit import`, as an operator runs them."""

import json

import pytest
from support.people import register
from support.posts import write

from kshare.bootstrap import build

LESSON = "Quokkafish pairing makes reviews kinder"


@pytest.fixture
def new_site(cli):
    """`kshare` on a second, empty installation."""
    return cli.elsewhere("new_site")


@pytest.fixture
def source(cli):
    """The installation of ``cli``, holding two people and a published lesson;
    the position of its last event."""
    services = build(cli.settings())
    try:
        register(services.app, "ann")
        ben = register(services.app, "ben")
        write(services.app, ben, LESSON, body="Ask, do not order.", tags=["review"])
        return services.log.head()
    finally:
        services.close()


def last_event_type(cli) -> str:
    services = build(cli.settings())
    try:
        last = services.app.recorder.select_notifications(
            start=services.log.head(), limit=1
        )[0]
        return last.topic.rsplit(":", 1)[1]
    finally:
        services.close()


def test_an_operator_exports_the_log_and_imports_it_into_a_new_data_directory(
    cli, new_site, source, tmp_path
):
    assert cli("audit", "seal").exit_code == 0
    path = tmp_path / "log.jsonl"
    exported = cli("audit", "export", str(path), "--include-private")
    assert exported.exit_code == 0, exported.output
    assert f"Exported {source + 2} events" in exported.stderr
    assert path.stat().st_mode & 0o777 == 0o600
    assert last_event_type(cli) == "LogExport.Exported"

    imported = new_site("audit", "import", str(path))
    assert imported.exit_code == 0, imported.output
    assert f"Imported {source + 2} events" in imported.stderr
    assert "matches its 1 seal" in imported.stderr
    found = new_site("search", "quokkafish", "--json")
    assert [hit["title"] for hit in json.loads(found.stdout)["hits"]] == [LESSON]
    assert "Intact" in new_site("audit", "verify").stderr


def test_an_export_to_standard_output_leaves_private_fields_out(cli, source):
    exported = cli("audit", "export", "-")
    assert exported.exit_code == 0, exported.output
    lines = [json.loads(line) for line in exported.stdout.splitlines()]
    assert lines[0]["complete"] is False and lines[0]["events"] == source
    registered = [x for x in lines if x.get("type") == "Participant.Registered"]
    assert [x["payload"]["password_hash"] for x in registered] == ["[redacted]"] * 2
    assert "argon2" not in exported.stdout
    assert "Exported" in exported.stderr and "Exported" not in exported.stdout


def test_without_a_file_name_the_export_is_named_after_the_moment(
    cli, source, tmp_path, monkeypatch
):
    monkeypatch.chdir(tmp_path)
    assert cli("audit", "export").exit_code == 0
    [written] = tmp_path.glob("kshare-export-*Z.jsonl")
    assert json.loads(written.read_text().splitlines()[0])["head"] == source


def spoil(path) -> None:
    lines = path.read_text().splitlines()
    lines[1] = lines[1].replace("ann@example.org", "eve@example.org")
    path.write_text("\n".join(lines) + "\n")


@pytest.mark.parametrize(
    ("prepare", "message"),
    [
        (
            lambda cli, new_site, p: p.write_text("name,email\nann,ann@x\n"),
            "line 1: not JSON",
        ),
        (
            lambda cli, new_site, p: cli("audit", "export", str(p)),
            "line 1: redacted fields; only an export made with --include-private",
        ),
        (
            lambda cli, new_site, p: (
                cli("audit", "export", str(p), "--include-private"),
                spoil(p),
            ),
            "line 2 (position 1): the event does not match its digest",
        ),
        (
            lambda cli, new_site, p: (
                cli("audit", "export", str(p), "--include-private"),
                new_site("audit", "import", str(p)),
            ),
            "The event store is not empty",
        ),
    ],
    ids=["garbage", "redacted", "changed", "not empty"],
)
def test_an_import_that_is_refused_says_why_and_exits_1(
    cli, new_site, source, tmp_path, prepare, message
):
    path = tmp_path / "log.jsonl"
    prepare(cli, new_site, path)
    refused = new_site("audit", "import", str(path))
    assert refused.exit_code == 1 and message in refused.stderr
    assert "Traceback" not in refused.output


def test_an_export_to_a_missing_directory_says_so_and_exits_1(cli, source, tmp_path):
    failed = cli("audit", "export", str(tmp_path / "nowhere" / "log.jsonl"))
    assert failed.exit_code == 1 and "Cannot write" in failed.stderr
    assert last_event_type(cli) == "Post.Published"

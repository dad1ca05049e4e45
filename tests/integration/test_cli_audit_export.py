"""`kshare audit export` and `kshare audit import`, as an operator runs them."""

import json

import pytest
from click.testing import CliRunner

from kshare.bootstrap import build
from kshare.cli import main
from kshare.config import Settings

LESSON = "Quokkafish pairing makes reviews kinder"


@pytest.fixture
def kshare(tmp_path):
    """Run `kshare` on the data directory named ``home`` (source by default)."""
    runner = CliRunner()

    def run(*args, home: str = "source"):
        env = {
            "KSHARE_HOME": str(tmp_path / home / "var"),
            "KSHARE_SEARCH_INDEX": str(tmp_path / home / "search_index"),
            "KSHARE_SECRET_KEY": "test-secret",
        }
        return runner.invoke(main, list(args), env=env, catch_exceptions=False)

    return run


@pytest.fixture
def source(tmp_path):
    """A data directory holding two people and a published lesson."""
    services = build(Settings.for_tests(tmp_path / "source"))
    try:
        for handle in ("ann", "ben"):
            receipt = services.app.register_participant(
                email=f"{handle}@example.org",
                handle=handle,
                display_name=handle.title(),
                password="correct horse battery",
            )
        services.app.draft_post(
            actor_id=receipt.id,
            kind="lesson",
            title=LESSON,
            parts={"body": "Ask, do not order."},
            tags=["review"],
            publish=True,
        )
        return services.log.head()
    finally:
        services.close()


def last_event_type(tmp_path) -> str:
    services = build(Settings.for_tests(tmp_path / "source"))
    try:
        last = services.app.recorder.select_notifications(
            start=services.log.head(), limit=1
        )[0]
        return last.topic.rsplit(":", 1)[1]
    finally:
        services.close()


def test_an_operator_exports_the_log_and_imports_it_into_a_new_data_directory(
    kshare, source, tmp_path
):
    assert kshare("audit", "seal").exit_code == 0
    path = tmp_path / "log.jsonl"
    exported = kshare("audit", "export", str(path), "--include-private")
    assert exported.exit_code == 0, exported.output
    assert f"Exported {source + 2} events" in exported.stderr
    assert path.stat().st_mode & 0o777 == 0o600
    assert last_event_type(tmp_path) == "LogExport.Exported"

    imported = kshare("audit", "import", str(path), home="target")
    assert imported.exit_code == 0, imported.output
    assert f"Imported {source + 2} events" in imported.stderr
    assert "matches its 1 seal" in imported.stderr
    found = kshare("search", "quokkafish", "--json", home="target")
    assert [hit["title"] for hit in json.loads(found.stdout)["hits"]] == [LESSON]
    assert "Intact" in kshare("audit", "verify", home="target").stderr


def test_an_export_to_standard_output_leaves_private_fields_out(kshare, source):
    exported = kshare("audit", "export", "-")
    assert exported.exit_code == 0, exported.output
    lines = [json.loads(line) for line in exported.stdout.splitlines()]
    assert lines[0]["complete"] is False and lines[0]["events"] == source
    registered = [x for x in lines if x.get("type") == "Participant.Registered"]
    assert [x["payload"]["password_hash"] for x in registered] == ["[redacted]"] * 2
    assert "argon2" not in exported.stdout
    assert "Exported" in exported.stderr and "Exported" not in exported.stdout


def test_without_a_file_name_the_export_is_named_after_the_moment(
    kshare, source, tmp_path, monkeypatch
):
    monkeypatch.chdir(tmp_path)
    assert kshare("audit", "export").exit_code == 0
    [written] = tmp_path.glob("kshare-export-*Z.jsonl")
    assert json.loads(written.read_text().splitlines()[0])["head"] == source


def spoil(path) -> None:
    lines = path.read_text().splitlines()
    lines[1] = lines[1].replace("ann@example.org", "eve@example.org")
    path.write_text("\n".join(lines) + "\n")


@pytest.mark.parametrize(
    ("prepare", "message"),
    [
        (lambda k, p: p.write_text("name,email\nann,ann@x\n"), "line 1: not JSON"),
        (
            lambda k, p: k("audit", "export", str(p)),
            "line 1: redacted fields; only an export made with --include-private",
        ),
        (
            lambda k, p: (k("audit", "export", str(p), "--include-private"), spoil(p)),
            "line 2 (position 1): the event does not match its digest",
        ),
        (
            lambda k, p: (
                k("audit", "export", str(p), "--include-private"),
                k("audit", "import", str(p), home="target"),
            ),
            "The event store is not empty",
        ),
    ],
    ids=["garbage", "redacted", "changed", "not empty"],
)
def test_an_import_that_is_refused_says_why_and_exits_1(
    kshare, source, tmp_path, prepare, message
):
    path = tmp_path / "log.jsonl"
    prepare(kshare, path)
    refused = kshare("audit", "import", str(path), home="target")
    assert refused.exit_code == 1 and message in refused.stderr
    assert "Traceback" not in refused.output


def test_an_export_to_a_missing_directory_says_so_and_exits_1(kshare, source, tmp_path):
    failed = kshare("audit", "export", str(tmp_path / "nowhere" / "log.jsonl"))
    assert failed.exit_code == 1 and "Cannot write" in failed.stderr
    assert last_event_type(tmp_path) == "Post.Published"

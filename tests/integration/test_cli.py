"""The `kshare` command, as an operator uses it on a fresh data directory."""

import json

import pytest
from click.testing import CliRunner

from kshare.cli import main

CHARTER = {
    "intent": "Grow leads.",
    "expectations": "Meet.",
    "cadence_days": 14,
    "competencies": {"code-review": "Code review"},
    "time_commitment": "Two hours",
}


@pytest.fixture
def kshare(tmp_path):
    env = {
        "KSHARE_HOME": str(tmp_path / "var"),
        "KSHARE_SEARCH_INDEX": str(tmp_path / "index"),
        "KSHARE_SECRET_KEY": "cli-test",
    }
    runner = CliRunner()

    def run(*args, input=None):
        return runner.invoke(
            main, list(args), env=env, input=input, catch_exceptions=False
        )

    return run


def test_an_operator_adds_people_and_creates_a_token(kshare):
    added = kshare(
        "user",
        "add",
        "cora@example.org",
        "--handle",
        "cora",
        "--name",
        "Cora",
        "--role",
        "coordinator",
        "--password",
        "long enough password",
    )
    assert added.exit_code == 0 and "@cora (coordinator)" in added.output
    token = kshare("token", "create", "cora@example.org", "--label", "ci")
    assert token.exit_code == 0 and len(token.output.strip()) >= 40
    again = kshare(
        "user",
        "add",
        "cora@example.org",
        "--handle",
        "cora2",
        "--name",
        "C",
        "--password",
        "long enough password",
    )
    assert again.exit_code == 1 and "already has an account" in again.output


def test_commands_run_by_name_and_read_models_show_as_json(kshare):
    kshare(
        "user",
        "add",
        "cora@example.org",
        "--handle",
        "cora",
        "--name",
        "Cora",
        "--role",
        "coordinator",
        "--password",
        "long enough password",
    )
    launched = kshare(
        "do",
        "launch_program",
        "--as",
        "cora@example.org",
        json.dumps({"slug": "leads", "name": "Leads", "charter": CHARTER}),
    )
    assert launched.exit_code == 0, launched.output
    assert json.loads(launched.output)["position"] > 0
    shown = kshare("show", "program", "leads")
    assert shown.exit_code == 0
    assert (
        json.loads(shown.output[shown.output.index("{") :])["charter"]["cadence_days"]
        == 14
    )
    assert "propose_pairing cohort_id format members" in kshare("commands").output


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("do", "advance_cohort", "--as", "cora@example.org", "{}"), "needs cohort_id"),
        (("do", "launch_program", "--as", "cora@example.org", "not json"), "not JSON"),
        (("do", "launch_program", "--as", "nobody@example.org", "{}"), "needs slug"),
        (("show", "program", "nope"), "No program 'nope'"),
        (("search", ""), "Type a word"),
    ],
)
def test_mistakes_give_a_message_and_status_1(kshare, args, message):
    kshare(
        "user",
        "add",
        "cora@example.org",
        "--handle",
        "cora",
        "--name",
        "Cora",
        "--role",
        "coordinator",
        "--password",
        "long enough password",
    )
    result = kshare(*args)
    assert result.exit_code == 1 and message in result.output
    assert "Traceback" not in result.output


def test_search_and_rebuild_work_on_what_was_written(kshare):
    kshare(
        "user",
        "add",
        "ann@example.org",
        "--handle",
        "ann",
        "--name",
        "Ann",
        "--password",
        "long enough password",
    )
    rebuilt = kshare("rebuild")
    assert rebuilt.exit_code == 0 and "Rebuilt" in rebuilt.output
    found = kshare("search", "anything", "--json")
    assert found.exit_code == 0 and json.loads(found.output)["total"] == 0

"""The `kshare` command, as an operator uses it on a fresh data directory."""

import json

import pytest
from support.people import PASSWORD
from support.programs import CHARTER


def test_an_operator_adds_people_and_creates_a_token(cli):
    added = cli.add_user("cora", role="coordinator")
    assert "@cora (coordinator)" in added.output
    token = cli("token", "create", "cora@example.org", "--label", "ci")
    assert token.exit_code == 0 and len(token.output.strip()) >= 40
    again = cli(
        "user",
        "add",
        "cora@example.org",
        "--handle",
        "cora2",
        "--name",
        "C",
        "--password",
        PASSWORD,
    )
    assert again.exit_code == 1 and "already has an account" in again.output


def test_commands_run_by_name_and_read_models_show_as_json(cli):
    cli.add_user("cora", role="coordinator")
    launched = cli(
        "do",
        "launch_program",
        "--as",
        "cora@example.org",
        json.dumps({"slug": "leads", "name": "Leads", "charter": CHARTER}),
    )
    assert launched.exit_code == 0, launched.output
    assert json.loads(launched.output)["position"] > 0
    shown = cli("show", "program", "leads")
    assert shown.exit_code == 0
    assert (
        json.loads(shown.output[shown.output.index("{") :])["charter"]["cadence_days"]
        == 14
    )
    assert "propose_pairing cohort_id format members" in cli("commands").output


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
def test_mistakes_give_a_message_and_status_1(cli, args, message):
    cli.add_user("cora", role="coordinator")
    result = cli(*args)
    assert result.exit_code == 1 and message in result.output
    assert "Traceback" not in result.output


def test_search_and_rebuild_work_on_what_was_written(cli):
    cli.add_user("ann")
    rebuilt = cli("rebuild")
    assert rebuilt.exit_code == 0 and "Rebuilt" in rebuilt.output
    found = cli("search", "anything", "--json")
    assert found.exit_code == 0 and json.loads(found.output)["total"] == 0

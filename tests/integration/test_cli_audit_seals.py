"""`kshare audit seal`, `verify` and `key`, as an operator runs them."""

import sqlite3

import pytest
from click.testing import CliRunner

from kshare.cli import main


@pytest.fixture
def kshare(tmp_path):
    env = {
        "KSHARE_HOME": str(tmp_path / "var"),
        "KSHARE_SEARCH_INDEX": str(tmp_path / "index"),
        "KSHARE_SECRET_KEY": "cli-test",
    }

    def run(*args, **more_env):
        return CliRunner().invoke(main, list(args), env=env | more_env)

    run.home = tmp_path / "var"
    return run


def add_people(kshare, *handles):
    for handle in handles:
        added = kshare(
            "user", "add", f"{handle}@example.org", "--handle", handle,
            "--name", handle.title(), "--password", "long enough",
        )  # fmt: skip
        assert added.exit_code == 0, added.output


def test_verify_says_nothing_is_proven_before_the_first_seal(kshare):
    add_people(kshare, "ana")
    result = kshare("audit", "verify")
    assert result.exit_code == 0
    assert "no seal yet" in result.output


def test_seal_prints_the_position_and_digest_and_verify_agrees(kshare):
    add_people(kshare, "ana", "ben")
    sealed = kshare("audit", "seal")
    assert sealed.exit_code == 0, sealed.output
    position, digest = sealed.output.strip().splitlines()[-1].split()
    assert position == "4" and len(digest) == 64
    verified = kshare("audit", "verify", "--expect", f"{position}:{digest}")
    assert verified.exit_code == 0, verified.output
    assert "Intact" in verified.output


def test_verify_exits_non_zero_and_names_the_altered_position(kshare):
    add_people(kshare, "ana", "ben")
    assert kshare("audit", "seal").exit_code == 0
    with sqlite3.connect(kshare.home / "events.sqlite") as conn:
        conn.execute(
            "UPDATE stored_events "
            "SET state = CAST(replace(state, 'Ben', 'Bob') AS BLOB) "
            "WHERE rowid = 3"
        )
    result = kshare("audit", "verify", "--json")
    assert result.exit_code == 1
    assert '"position": 3' in result.output and '"kind": "changed"' in result.output


def test_a_digest_kept_outside_that_does_not_match_fails_verification(kshare):
    add_people(kshare, "ana")
    assert kshare("audit", "seal").exit_code == 0
    result = kshare("audit", "verify", "--expect", "2:" + "ab" * 32)
    assert result.exit_code == 1
    assert "ALTERED" in result.output


def test_a_malformed_expectation_is_a_usage_error(kshare):
    result = kshare("audit", "verify", "--expect", "twelve")
    assert result.exit_code == 2
    assert "POSITION:DIGEST" in result.output


def test_key_makes_a_key_the_store_accepts(kshare):
    key = kshare("audit", "key").output.strip()
    add_people(kshare, "ana")  # an unencrypted store...
    refused = kshare("audit", "verify", KSHARE_CIPHER_KEY=key)
    assert refused.exit_code == 1
    assert "cannot be read with this KSHARE_CIPHER_KEY" in refused.output
    assert "Traceback" not in refused.output


def test_a_malformed_key_or_interval_is_explained(kshare):
    bad_key = kshare("audit", "verify", KSHARE_CIPHER_KEY="not a key")
    assert bad_key.exit_code == 1 and "kshare audit key" in bad_key.output
    bad_interval = kshare("audit", "verify", KSHARE_SEAL_INTERVAL="hourly")
    assert bad_interval.exit_code == 1 and "seconds" in bad_interval.output

"""`kshare audit seal`, `verify` and `key`, as an operator runs them."""

import sqlite3


def add_people(cli, *handles):
    for handle in handles:
        cli.add_user(handle)


def test_verify_says_nothing_is_proven_before_the_first_seal(cli):
    add_people(cli, "ana")
    result = cli("audit", "verify")
    assert result.exit_code == 0
    assert "no seal yet" in result.output


def test_seal_prints_the_position_and_digest_and_verify_agrees(cli):
    add_people(cli, "ana", "ben")
    sealed = cli("audit", "seal")
    assert sealed.exit_code == 0, sealed.output
    position, digest = sealed.output.strip().splitlines()[-1].split()
    assert position == "4" and len(digest) == 64
    verified = cli("audit", "verify", "--expect", f"{position}:{digest}")
    assert verified.exit_code == 0, verified.output
    assert "Intact" in verified.output


def test_verify_exits_non_zero_and_names_the_altered_position(cli):
    add_people(cli, "ana", "ben")
    assert cli("audit", "seal").exit_code == 0
    with sqlite3.connect(cli.home / "events.sqlite") as conn:
        conn.execute(
            "UPDATE stored_events "
            "SET state = CAST(replace(state, 'Ben', 'Bob') AS BLOB) "
            "WHERE rowid = 3"
        )
    result = cli("audit", "verify", "--json")
    assert result.exit_code == 1
    assert '"position": 3' in result.output and '"kind": "changed"' in result.output


def test_a_digest_kept_outside_that_does_not_match_fails_verification(cli):
    add_people(cli, "ana")
    assert cli("audit", "seal").exit_code == 0
    result = cli("audit", "verify", "--expect", "2:" + "ab" * 32)
    assert result.exit_code == 1
    assert "ALTERED" in result.output


def test_a_malformed_expectation_is_a_usage_error(cli):
    result = cli("audit", "verify", "--expect", "twelve")
    assert result.exit_code == 2
    assert "POSITION:DIGEST" in result.output


def test_key_makes_a_key_the_store_accepts(cli):
    key = cli("audit", "key").output.strip()
    add_people(cli, "ana")  # an unencrypted store...
    refused = cli("audit", "verify", KSHARE_CIPHER_KEY=key)
    assert refused.exit_code == 1
    assert "cannot be read with this KSHARE_CIPHER_KEY" in refused.output
    assert "Traceback" not in refused.output


def test_a_malformed_key_or_interval_is_explained(cli):
    bad_key = cli("audit", "verify", KSHARE_CIPHER_KEY="not a key")
    assert bad_key.exit_code == 1 and "kshare audit key" in bad_key.output
    bad_interval = cli("audit", "verify", KSHARE_SEAL_INTERVAL="hourly")
    assert bad_interval.exit_code == 1 and "seconds" in bad_interval.output

"""End to end, the program path: a coordinator kicks off a cohort and approves a
matching draft; the mentee logs a session and reaches a milestone; the dashboard
shows it. Real `kshare serve`, real headless Chromium; set-up by the CLI."""

import json
import re
import time
from datetime import date, timedelta
from urllib.error import HTTPError
from urllib.request import urlopen

import pytest
from playwright.sync_api import expect
from support.people import PASSWORD, email_of
from support.programs import CHARTER


@pytest.fixture
def enrolling(cli, server_url):
    """A cohort open for enrollment with a mentor and a mentee, set up by CLI
    while the server runs, and shown by the server."""
    cli.add_user("cora", role="coordinator")
    cli.add_user("mia")
    cli.add_user("abe")

    def do(command: str, who: str, **arguments) -> str:
        given = json.dumps(arguments)
        return json.loads(cli.ok("do", command, "--as", email_of(who), given))["id"]

    program = do("launch_program", "cora", slug="leads", name="Leads", charter=CHARTER)
    cohort = do(
        "plan_cohort",
        "cora",
        program_id=program,
        slug="spring",
        name="Spring",
        starts_on=(date.today() - timedelta(days=30)).isoformat(),
        ends_on=(date.today() + timedelta(days=120)).isoformat(),
    )
    do("advance_cohort", "cora", cohort_id=cohort, to="enrolling")
    do(
        "enroll",
        "mia",
        cohort_id=cohort,
        role="mentor",
        capacity=1,
        expertise=["code-review"],
    )
    do("enroll", "abe", cohort_id=cohort, role="mentee", skill_gaps=["code-review"])
    shown(f"{server_url}/api/cohorts/{cohort}", lambda body: len(body["members"]) == 2)
    return cohort


def shown(address: str, check, timeout: float = 15.0) -> None:
    """Wait until the JSON at ``address`` passes ``check``: the server projects
    what the command wrote in its own time."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            with urlopen(address) as response:
                body = json.load(response)
        except HTTPError as error:  # 404 until the server projected it
            body = error.code
        if not isinstance(body, int) and check(body):
            return
        assert time.monotonic() < deadline, body
        time.sleep(0.1)


def sign_in(page, server_url: str, handle: str) -> None:
    page.goto(server_url + "/signin")
    page.get_by_label("Email").fill(email_of(handle))
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("link", name=f"@{handle}")).to_be_visible()


def sign_out(page) -> None:
    page.get_by_role("button", name="Sign out").click()


@pytest.mark.slow  # about 7 s: the server, the browser and four people's visits
def test_a_cohort_from_kick_off_to_the_dashboard(page, server_url, enrolling):
    expect.set_options(timeout=15_000)
    board = f"{server_url}/cohorts/{enrolling}"
    sign_in(page, server_url, "cora")
    page.goto(board)
    page.get_by_role("button", name="Move to kicked-off").click()
    expect(page.get_by_role("heading", name="Stage: kicked-off")).to_be_visible()
    expect(page.locator("#matching")).to_contain_text("covers 1 of 1 skill gaps")
    page.get_by_role("button", name="Save as a draft").click()
    page.get_by_role("button", name="Approve: propose these pairings").click()
    workspace = page.locator("#matching").get_by_role("link", name="proposed")
    expect(workspace).to_be_visible()
    pairing_url = server_url + workspace.get_attribute("href")
    sign_out(page)

    for handle in ("mia", "abe"):
        sign_in(page, server_url, handle)
        page.goto(pairing_url)
        page.get_by_role("button", name="Accept").click()
        page.get_by_role("button", name="I acknowledge the agreement").click()
        if handle == "mia":
            sign_out(page)

    page.get_by_label("Minutes").fill("45")
    page.get_by_label("Shared notes (every member reads them)").fill(
        "We planned a review."
    )
    page.get_by_role("button", name="Log session").click()
    expect(page.get_by_text("We planned a review.")).to_be_visible()
    page.get_by_label("New goal").fill("Review with confidence")
    page.get_by_role("button", name="Set goal").click()
    page.get_by_label("Milestone").fill("Lead one design review")
    page.get_by_role("button", name="Add milestone").click()
    page.get_by_placeholder("What shows it").fill("Led the cache design review")
    page.get_by_role("button", name="Reached").click()
    expect(page.locator(".plan")).to_contain_text("reached")
    sign_out(page)

    sign_in(page, server_url, "cora")
    page.goto(server_url + "/dashboard")
    page.get_by_role("link", name="Spring").click()
    figures = page.locator("dl.figures")
    expect(figures.first).to_contain_text(re.compile(r"1 · 0\.8 h"))
    expect(figures.nth(1)).to_contain_text("1 of 1")

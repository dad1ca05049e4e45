"""End to end: sign up, write and publish a lesson, then find it everywhere.

Drives headless Chromium against a real ``kshare serve`` subprocess.
"""

import re

import pytest
from playwright.sync_api import expect
from support.people import PASSWORD

TITLE = "Zephyrine pairing sessions"
BOLD = "ask before you fix"


@pytest.mark.slow  # about 4 s: starting the server and the browser
def test_sign_up_write_publish_and_find_the_lesson(page, server_url):
    expect.set_options(timeout=15_000)
    page.goto(server_url + "/")
    expect(page.get_by_text("No lessons yet.")).to_be_visible()

    page.get_by_role("link", name="Sign up").click()
    page.get_by_label("Display name").fill("Ada Byron")
    page.get_by_label("Handle").fill("ada-byron")
    page.get_by_label("Email").fill("ada@example.org")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Create my account").click()
    expect(page.get_by_text("Welcome to kshare!")).to_be_visible()
    expect(page.get_by_role("link", name="@ada-byron")).to_be_visible()

    page.get_by_role("link", name="Write", exact=True).click()
    expect(page.get_by_role("heading", name="Write a lesson")).to_be_visible()
    page.get_by_label("Title").fill(TITLE)
    page.get_by_label("Summary").fill("Zephyrine: pair on the fix, do not take over.")
    page.get_by_label("Body").fill(
        f"When a mentee is stuck, **{BOLD}**.\n\nThe Zephyrine rule keeps it theirs."
    )
    page.get_by_role("button", name="Preview").click()
    expect(page.locator(".preview strong")).to_have_text(BOLD)
    expect(page.get_by_label("Title")).to_have_value(TITLE)

    page.get_by_role("button", name="Publish").click()
    expect(page).to_have_url(re.compile(r"/posts/[0-9a-f-]{36}$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(TITLE)
    expect(page.locator("article.post .markdown strong")).to_have_text(BOLD)

    page.get_by_role("link", name="Library", exact=True).click()
    page.get_by_role("searchbox").fill("zephyrine")
    page.get_by_role("button", name="Search").click()
    hit = page.locator("article.hit")
    expect(hit).to_have_count(1)
    expect(hit.get_by_role("link", name=TITLE)).to_be_visible()
    expect(hit.locator("mark").first).to_have_text(re.compile("zephyrine", re.I))

    page.get_by_role("link", name="Lessons", exact=True).click()
    expect(page.get_by_role("heading", name="Lessons", level=1)).to_be_visible()
    expect(page.locator("article.card").get_by_role("link", name=TITLE)).to_be_visible()

    page.get_by_role("link", name="kshare", exact=True).click()
    latest = page.get_by_role("heading", name="Latest lessons")
    expect(
        page.locator("section", has=latest).get_by_role("link", name=TITLE)
    ).to_be_visible()

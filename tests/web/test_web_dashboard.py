"""The program dashboard: for coordinators and sponsors, with charts and CSV."""

import csv
import io

import pytest
from support.site import join, new_cohort, one_on_one, session
from support.web import html, html_at, sign_in

from kshare.domain.ids import OPERATOR


@pytest.fixture
def running(services, people):
    """A kicked-off cohort where Alice mentors Bob and they met twice."""
    cohort_id = new_cohort(services, people.cora, stages=("enrolling", "kicked-off"))
    pairing = one_on_one(services, people.cora, cohort_id, people.alice, people.bob)
    for held in ("2026-01-12", "2026-01-26"):
        session(
            services,
            people.bob,
            pairing,
            held_on=held,
            minutes=45,
            shared_notes="Notes",
        )
    return cohort_id


def test_the_dashboard_shows_each_cohort_with_its_figures(as_cora, running):
    page = as_cora.get("/dashboard")
    assert page.status_code == 200
    text = html(page)
    assert "Spring" in text and "Program dashboard" in text
    detail = html_at(as_cora, f"/dashboard/cohorts/{running}")
    assert "Sessions per month" in detail and "<svg" in detail
    assert "2026-01" in detail and "1.5 h" in detail


def test_a_sponsor_reads_the_dashboard_and_a_participant_may_not(
    app, services, as_alice, running
):
    sponsor = join(services, "sam", role="sponsor", actor_id=OPERATOR)
    assert sign_in(app.test_client(), sponsor).get("/dashboard").status_code == 200
    assert as_alice.get("/dashboard").status_code == 403
    assert as_alice.get(f"/dashboard/cohorts/{running}.csv").status_code == 403
    anonymous = app.test_client().get("/dashboard")
    assert anonymous.status_code == 302 and "/signin" in anonymous.headers["Location"]


def test_an_auditor_reads_the_dashboard_but_finds_no_write_button(
    app, services, running
):
    auditor = join(services, "audrey", role="auditor", actor_id=OPERATOR)
    page = sign_in(app.test_client(), auditor).get("/dashboard")
    assert page.status_code == 200
    assert "Dashboard" in page.text and ">Write</a>" not in page.text


def test_the_csv_export_has_every_figure_and_the_months(as_cora, running):
    response = as_cora.get(f"/dashboard/cohorts/{running}.csv")
    assert response.status_code == 200 and response.mimetype == "text/csv"
    assert "attachment" in response.headers["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.get_data(as_text=True))))
    figures = {row[0]: row[1] for row in rows if len(row) == 2}
    assert (figures["sessions"], figures["hours"], figures["pairings"]) == (
        "2",
        "1.5",
        "1",
    )
    assert ["2026-01", "2", "1.5", "0"] in rows


@pytest.mark.parametrize("cohort_id", ["nope", "00000000-0000-0000-0000-000000000001"])
def test_an_unknown_cohort_is_not_found(as_cora, cohort_id):
    assert as_cora.get(f"/dashboard/cohorts/{cohort_id}").status_code == 404

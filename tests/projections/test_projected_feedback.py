"""Surveys are shown only in aggregate; recognition and credits are public."""

import pytest
from support.dumps import dump
from support.programs import mentoring_circle, pair, session

from kshare.domain.errors import Conflict, Invalid


@pytest.fixture
def cohort(any_services):
    """Mia mentors (three places); Abe, Bea and Cal are mentees."""
    return mentoring_circle(any_services.app, places=3)


def answer(app, person, cohort, sentiment, value, comment=""):
    return app.answer_survey(
        actor_id=person,
        cohort_id=cohort,
        occasion="mid-cycle",
        sentiment=sentiment,
        value=value,
        comment=comment,
    )


def test_survey_answers_stay_hidden_until_three_people_answered(any_services, cohort):
    people, cohort_id = cohort
    app, feedback = any_services.app, any_services.feedback
    answer(app, people["abe"], cohort_id, 4, 5, "Sessions help")
    answer(app, people["bea"], cohort_id, 2, 3, "Too few sessions")
    any_services.runner.catch_up()
    hidden = feedback.survey_summary(cohort_id, "mid-cycle")
    assert (hidden.answers, hidden.shown, hidden.sentiment, hidden.comments) == (
        2,
        False,
        None,
        [],
    )
    answer(app, people["cal"], cohort_id, 3, 4)
    any_services.runner.catch_up()
    shown = feedback.survey_summary(cohort_id, "mid-cycle")
    assert (shown.answers, shown.sentiment, shown.value) == (3, 3.0, 4.0)
    assert shown.sentiment_counts == {2: 1, 3: 1, 4: 1}
    assert shown.comments == ["Sessions help", "Too few sessions"]
    assert feedback.has_answered(cohort_id, people["abe"], "mid-cycle")


def test_a_survey_is_answered_once_by_members_with_ratings_from_1_to_5(
    any_services, cohort
):
    people, cohort_id = cohort
    app = any_services.app
    with pytest.raises(Invalid, match="from 1 to 5"):
        answer(app, people["abe"], cohort_id, 6, 3)
    with pytest.raises(Invalid, match="cohort's members"):
        answer(app, people["cora"], cohort_id, 3, 3)
    with pytest.raises(Invalid, match="mid-cycle, close, or milestone"):
        app.answer_survey(
            actor_id=people["abe"],
            cohort_id=cohort_id,
            occasion="whenever",
            sentiment=3,
            value=3,
        )
    answer(app, people["abe"], cohort_id, 3, 3)
    with pytest.raises(Conflict, match="already answered"):
        answer(app, people["abe"], cohort_id, 5, 5)


def test_recognition_is_public_and_never_for_oneself(any_services, cohort):
    people, _ = cohort
    app = any_services.app
    with pytest.raises(Invalid, match="for someone else"):
        app.recognize(actor_id=people["mia"], receiver_id=people["mia"], message="Me!")
    app.recognize(
        actor_id=people["abe"], receiver_id=people["mia"], message="Patient mentor"
    )
    any_services.runner.catch_up()
    [token] = any_services.feedback.recognitions(receiver_id=people["mia"])
    assert (token.giver_handle, token.receiver_handle, token.message) == (
        "abe",
        "mia",
        "Patient mentor",
    )


def test_mentoring_hours_count_every_session_of_a_persons_pairings(
    any_services, cohort
):
    people, cohort_id = cohort
    app = any_services.app
    members = {people["mia"]: "mentor", people["abe"]: "mentee"}
    members[people["bea"]] = "mentee"
    pairing = pair(app, people["cora"], cohort_id, members, format="small-group")
    for minutes in (60, 30):
        session(
            app,
            people["mia"],
            pairing,
            held_on="2026-02-01",
            minutes=minutes,
            format="in-person",
        )
    any_services.runner.catch_up()
    assert any_services.feedback.mentoring_hours(people["mia"]) == 1.5
    assert any_services.feedback.mentoring_hours(people["cal"]) == 0
    live = dump(any_services)
    any_services.rebuild(["surveys", "recognition", "pairings"])
    assert dump(any_services) == live

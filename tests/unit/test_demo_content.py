"""Demo content: realistic people and varied, well-formed mentoring posts."""

import random
import re

import pytest

from kshare.demo.content import COMPETENCIES, PEOPLE, DemoPost, generate_posts

REQUIRED_SLUGS = {
    "stakeholder-communication",
    "prioritisation",
    "incident-response",
    "code-review",
    "career-growth",
    "giving-feedback",
    "technical-writing",
    "system-design",
    "estimation",
    "onboarding",
    "testing",
    "leadership",
}

POSTS = generate_posts(random.Random(7), 300)
LESSONS = [post for post in POSTS if post.kind == "lesson"]
STORIES = [post for post in POSTS if post.kind == "story"]


def texts_of(post: DemoPost) -> list[str]:
    fields = ("title", "summary", "body", "context", "actions", "outcome")
    return [getattr(post, field) for field in fields]


def story_text(post: DemoPost) -> str:
    return "\n".join((post.context, post.actions, post.outcome))


def paragraphs(markdown: str) -> list[str]:
    return [block for block in markdown.split("\n\n") if block.strip()]


def test_generate_posts_is_deterministic_for_the_same_seed():
    assert generate_posts(random.Random(7), 300) == POSTS


def test_generate_posts_differs_for_another_seed():
    assert generate_posts(random.Random(8), 300) != POSTS


@pytest.mark.parametrize("count", [0, 1, 2, 9, 300])
def test_generate_posts_returns_the_requested_number_of_posts(count):
    assert len(generate_posts(random.Random(7), count)) == count


def test_a_negative_count_is_refused():
    with pytest.raises(ValueError):
        generate_posts(random.Random(7), -1)


def test_posts_are_lessons_or_stories():
    assert {post.kind for post in POSTS} == {"lesson", "story"}


def test_between_half_and_seventy_percent_of_posts_are_lessons():
    assert 0.5 * len(POSTS) <= len(LESSONS) <= 0.7 * len(POSTS)


def test_every_lesson_has_a_title_a_short_summary_and_a_body():
    for post in LESSONS:
        assert post.title and post.summary and post.body
        assert len(post.summary) <= 280
        assert not (post.context or post.actions or post.outcome)


def test_lesson_bodies_have_three_to_seven_paragraphs():
    for post in LESSONS:
        assert 3 <= len(paragraphs(post.body)) <= 7, post.body


def test_every_story_has_context_actions_and_outcome_and_no_body():
    for post in STORIES:
        assert post.title and post.context and post.actions and post.outcome
        assert not (post.body or post.summary)


def test_story_parts_are_short():
    for post in STORIES:
        assert 1 <= len(paragraphs(post.context)) <= 3
        assert 1 <= len(paragraphs(post.outcome)) <= 2


def test_titles_are_between_10_and_120_characters_without_a_trailing_period():
    for post in POSTS:
        assert 10 <= len(post.title) <= 120, post.title
        assert not post.title.endswith("."), post.title


def test_tags_are_one_to_four_known_competency_slugs_without_duplicates():
    for post in POSTS:
        assert 1 <= len(post.tags) <= 4
        assert len(set(post.tags)) == len(post.tags)
        assert set(post.tags) <= set(COMPETENCIES)


def test_every_competency_is_the_topic_of_some_posts():
    assert {post.tags[0] for post in POSTS} == set(COMPETENCIES)


def test_at_least_270_of_300_titles_are_distinct():
    assert len({post.title for post in POSTS}) >= 270


def test_no_two_lessons_have_the_same_body():
    assert len({post.body for post in LESSONS}) == len(LESSONS)


def test_no_two_stories_have_the_same_text():
    assert len({story_text(post) for post in STORIES}) == len(STORIES)


def test_no_placeholder_is_left_unfilled():
    for post in POSTS:
        for text in texts_of(post):
            assert "{" not in text and "}" not in text, text


def test_sentences_start_with_a_capital_letter():
    for post in POSTS:
        for text in texts_of(post):
            assert text[:1] == text[:1].upper(), text
            assert not re.search(r"[.!?] [a-z]", text), text


def test_post_text_is_plain_ascii():
    for post in POSTS:
        assert all(text.isascii() for text in texts_of(post))


def test_competencies_include_the_core_slugs_with_labels():
    assert set(COMPETENCIES) >= REQUIRED_SLUGS
    for slug, label in COMPETENCIES.items():
        assert re.fullmatch(r"[a-z]+(-[a-z]+)*", slug)
        assert label.strip()


def test_there_are_at_least_36_people():
    assert len(PEOPLE) >= 36


def test_people_have_unique_handles_and_emails():
    assert len({person.handle for person in PEOPLE}) == len(PEOPLE)
    assert len({person.email for person in PEOPLE}) == len(PEOPLE)


def test_handles_are_lowercase_slugs_and_emails_look_like_emails():
    for person in PEOPLE:
        assert re.fullmatch(r"[a-z0-9-]{3,30}", person.handle), person.handle
        assert re.fullmatch(r"[a-z0-9.-]+@[a-z0-9.-]+\.[a-z]+", person.email)


def test_people_are_spread_over_at_least_six_teams():
    assert len({person.team for person in PEOPLE}) >= 6


def test_exactly_two_people_are_coordinators():
    assert sum(person.coordinator for person in PEOPLE) == 2


def test_interests_and_skills_are_two_to_four_known_slugs():
    for person in PEOPLE:
        for slugs in (person.interests, person.skills):
            assert 2 <= len(slugs) <= 4
            assert set(slugs) <= set(COMPETENCIES)


def test_people_have_names_and_role_titles():
    for person in PEOPLE:
        assert " " in person.display_name.strip()
        assert person.role_title.strip()

"""Content for ``kshare demo``: realistic people and mentoring posts.

The prose lives in ``kshare/demo/data/`` (TOML, loaded once at import): the
organisation in ``organisation.toml``, the substitution vocabulary in
``vocabulary.toml``, each competency's lesson angles, story scenarios, tips,
steps and list items in ``topics/<slug>.toml``, and the fragments all posts
share in ``fragments.toml``. ``generate_posts`` combines them with random
substitutions (systems, teams, durations, numbers, tools) so that hundreds of
posts read as a varied library while staying deterministic for a given random
seed; the order of every list in those files is part of that determinism.
"""

import random
import re
import tomllib
import unicodedata
from dataclasses import dataclass
from importlib.resources import files
from typing import Any


def load_data(*path: str) -> dict[str, Any]:
    """Parse a file of ``kshare/demo/data/``; its arrays become tuples."""
    resource = files("kshare.demo") / "data"
    for part in path:
        resource = resource / part
    return _frozen(tomllib.loads(resource.read_text(encoding="utf-8")))


def _frozen(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: _frozen(item) for key, item in value.items()}
    if isinstance(value, list):
        return tuple(_frozen(item) for item in value)
    return value


@dataclass(frozen=True)
class DemoPerson:
    display_name: str
    handle: str
    email: str
    team: str
    role_title: str
    interests: tuple[str, ...]
    skills: tuple[str, ...]
    coordinator: bool


@dataclass(frozen=True)
class DemoPost:
    kind: str
    title: str
    tags: tuple[str, ...]
    summary: str = ""
    body: str = ""
    context: str = ""
    actions: str = ""
    outcome: str = ""


# --- People ------------------------------------------------------------------

_ORGANISATION = load_data("organisation.toml")
COMPETENCIES: dict[str, str] = _ORGANISATION["competencies"]
# People are listed by team, in the order of the teams.
TEAMS: tuple[str, ...] = tuple(_ORGANISATION["people"])


def _handle(name: str) -> str:
    """``"Diego Fernández"`` -> ``"diego-fernandez"``."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", plain.lower().replace("'", "")).strip("-")


def _person(name: str, team: str, role_title: str, profile: str) -> DemoPerson:
    handle = _handle(name)
    interests_and_skills = _ORGANISATION["profiles"][profile]
    return DemoPerson(
        display_name=name,
        handle=handle,
        email=f"{handle}@example.org",
        team=team,
        role_title=role_title,
        interests=interests_and_skills["interests"],
        skills=interests_and_skills["skills"],
        coordinator=name in _ORGANISATION["coordinators"],
    )


PEOPLE: tuple[DemoPerson, ...] = tuple(
    _person(name, team, role_title, profile)
    for team, rows in _ORGANISATION["people"].items()
    for name, role_title, profile in rows
)

# --- Post material -----------------------------------------------------------

_WORDS = load_data("vocabulary.toml")
# Each competency's fragments: related, tips, steps, moves, lessons and stories.
_TOPICS = {slug: load_data("topics", f"{slug}.toml") for slug in COMPETENCIES}
_FRAGMENTS = load_data("fragments.toml")


def _substitutions(rng: random.Random) -> dict[str, str]:
    """Pick one consistent set of names and numbers for a single post."""
    team, other_team = rng.sample(TEAMS, 2)
    system, system2 = rng.sample(_WORDS["systems"], 2)
    low = rng.randint(1, 6)
    numbers = _WORDS["number_words"]
    return {
        "team": team,
        "other_team": other_team,
        "system": system,
        "system2": system2,
        "n": numbers[low],
        "n2": numbers[low + rng.randint(2, 4)],
        "pct": f"{rng.randint(15, 60)}%",
        "big_n": str(rng.randrange(60, 400, 10)),
        **{key: rng.choice(values) for key, values in _WORDS["vocabulary"].items()},
    }


# --- Composition -------------------------------------------------------------

_LESSON_SHARE = 0.6
_MAX_ATTEMPTS = 25
_SLUGS = tuple(_TOPICS)


def _fill(template: str, subs: dict[str, str]) -> str:
    """Substitute placeholders and capitalise the first letter."""
    text = template.format_map(subs)
    return text[:1].upper() + text[1:]


def _maybe(
    rng: random.Random, chance: float, pool: tuple[str, ...], subs: dict[str, str]
) -> list[str]:
    """Return one filled fragment from ``pool`` with probability ``chance``."""
    return [_fill(rng.choice(pool), subs)] if rng.random() < chance else []


def _list_block(
    rng: random.Random,
    leads: tuple[str, ...],
    items: tuple[str, ...],
    subs: dict[str, str],
) -> str:
    """A lead-in sentence followed by a short bulleted or numbered list."""
    chosen = sorted(rng.sample(range(len(items)), rng.randint(3, len(items))))
    numbered = rng.random() < 0.5
    lines = []
    for number, index in enumerate(chosen, start=1):
        mark = f"{number}." if numbered else "-"
        lines.append(f"{mark} {_fill(items[index], subs)}")
    return _fill(rng.choice(leads), subs) + "\n\n" + "\n".join(lines)


def _tags(rng: random.Random, slug: str) -> tuple[str, ...]:
    related = _TOPICS[slug]["related"]
    extra = rng.sample(related, min(rng.choice((0, 1, 1, 2, 2, 3)), len(related)))
    return (slug, *extra)


def _lesson(rng: random.Random, slug: str, subs: dict[str, str]) -> DemoPost:
    topic = _TOPICS[slug]
    lesson = rng.choice(topic["lessons"])
    lead = lesson["lead"]
    others = [angle["lead"] for angle in topic["lessons"] if angle["lead"] != lead]
    others += topic["tips"]
    blocks = [_fill(p, subs) for p in [lead, *rng.sample(others, rng.randint(1, 2))]]
    if rng.random() < 0.65:
        block = _list_block(rng, _FRAGMENTS["list_leads"], topic["steps"], subs)
        blocks.insert(rng.randint(1, len(blocks)), block)
    blocks += _maybe(rng, 0.4, _FRAGMENTS["mentor_tips"], subs)
    blocks.append(_fill(rng.choice(_FRAGMENTS["closings"]), subs))
    return DemoPost(
        kind="lesson",
        title=_fill(rng.choice(lesson["titles"]), subs),
        tags=_tags(rng, slug),
        summary=_fill(lesson["summary"], subs),
        body="\n\n".join(blocks),
    )


def _story(rng: random.Random, slug: str, subs: dict[str, str]) -> DemoPost:
    topic = _TOPICS[slug]
    story = rng.choice(topic["stories"])
    action_blocks = [_fill(story["actions"], subs)]
    if rng.random() < 0.5:
        moves = _list_block(rng, _FRAGMENTS["move_leads"], topic["moves"], subs)
        action_blocks.append(moves)
    # Keyword arguments are evaluated in order: so are the random choices.
    return DemoPost(
        kind="story",
        title=_fill(rng.choice(story["titles"]), subs),
        tags=_tags(rng, slug),
        context="\n\n".join(
            [
                _fill(story["context"], subs),
                *_maybe(rng, 0.4, _FRAGMENTS["backdrops"], subs),
            ]
        ),
        actions="\n\n".join(action_blocks),
        outcome="\n\n".join(
            [
                _fill(story["outcome"], subs),
                *_maybe(rng, 0.5, _FRAGMENTS["reflections"], subs),
            ]
        ),
    )


def _text(post: DemoPost) -> str:
    return "\n".join((post.body, post.context, post.actions, post.outcome))


def _fresh_post(rng: random.Random, kind: str, seen: set[str]) -> DemoPost:
    """Build a post whose title and text were not used yet, if one can be found."""
    make = _lesson if kind == "lesson" else _story
    for _ in range(_MAX_ATTEMPTS):
        post = make(rng, rng.choice(_SLUGS), _substitutions(rng))
        if post.title not in seen and _text(post) not in seen:
            break
    seen.update((post.title, _text(post)))
    return post


def generate_posts(rng: random.Random, count: int) -> list[DemoPost]:
    """Return `count` posts, about 60% lessons and 40% stories.

    The result is deterministic for a given rng seed; titles and texts are kept
    distinct as long as the fragment pools allow it.
    """
    if count < 0:
        raise ValueError("count must not be negative")
    lessons = round(count * _LESSON_SHARE)
    kinds = ["lesson"] * lessons + ["story"] * (count - lessons)
    rng.shuffle(kinds)
    seen: set[str] = set()
    return [_fresh_post(rng, kind, seen) for kind in kinds]

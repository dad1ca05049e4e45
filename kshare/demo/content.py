"""Content for ``kshare demo``: realistic people and mentoring posts.

Each competency has its own pool of lesson angles, story scenarios, steps and
list items. ``generate_posts`` combines them with random substitutions (systems,
teams, durations, numbers, tools) so that hundreds of posts read as a varied
library while staying deterministic for a given random seed.
"""

import random
import re
import unicodedata
from dataclasses import dataclass
from typing import NamedTuple


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


COMPETENCIES: dict[str, str] = {
    "stakeholder-communication": "Stakeholder communication",
    "prioritisation": "Prioritisation",
    "incident-response": "Incident response",
    "code-review": "Code review",
    "career-growth": "Career growth",
    "giving-feedback": "Giving feedback",
    "technical-writing": "Technical writing",
    "system-design": "System design",
    "estimation": "Estimation",
    "onboarding": "Onboarding",
    "testing": "Testing",
    "leadership": "Leadership",
}

TEAMS: tuple[str, ...] = (
    "Platform",
    "Payments",
    "Mobile",
    "Data",
    "Design",
    "Customer Success",
    "Security",
)

# --- People ------------------------------------------------------------------

# Profile name -> (interests, skills); each person below picks one profile.
_PROFILES: dict[str, tuple[str, str]] = {
    "sre": ("system-design leadership", "incident-response testing technical-writing"),
    "backend": ("system-design career-growth estimation", "code-review testing"),
    "staff": (
        "leadership stakeholder-communication",
        "system-design code-review technical-writing",
    ),
    "junior": ("career-growth code-review testing", "onboarding technical-writing"),
    "manager": (
        "leadership prioritisation",
        "giving-feedback career-growth stakeholder-communication",
    ),
    "product": ("system-design estimation", "prioritisation stakeholder-communication"),
    "mobile": ("system-design leadership", "testing code-review estimation"),
    "data": ("technical-writing stakeholder-communication", "system-design testing"),
    "designer": (
        "leadership technical-writing",
        "giving-feedback stakeholder-communication prioritisation",
    ),
    "researcher": (
        "stakeholder-communication estimation",
        "technical-writing giving-feedback",
    ),
    "support": (
        "technical-writing career-growth system-design",
        "incident-response stakeholder-communication",
    ),
    "security": ("leadership giving-feedback", "incident-response code-review"),
    "analyst": ("system-design career-growth", "incident-response technical-writing"),
    "lead": (
        "career-growth giving-feedback prioritisation",
        "leadership onboarding code-review",
    ),
    "qa": ("system-design leadership", "testing code-review technical-writing"),
}

_COORDINATORS = frozenset({"priya-raman", "camille-dubois"})

# (display name, team, role title, profile)
_PEOPLE_ROWS: tuple[tuple[str, str, str, str], ...] = (
    ("Amara Okafor", "Platform", "Staff Engineer", "staff"),
    ("Lukas Becker", "Platform", "Senior Engineer", "backend"),
    ("Priya Raman", "Platform", "Engineering Manager", "manager"),
    ("Tomasz Nowak", "Platform", "Site Reliability Engineer", "sre"),
    ("Mei Lin Tan", "Platform", "Software Engineer", "junior"),
    ("Diego Fernández", "Platform", "Senior Site Reliability Engineer", "sre"),
    ("Chinedu Eze", "Payments", "Senior Engineer", "backend"),
    ("Sofia Marquez", "Payments", "Product Manager", "product"),
    ("Kenji Watanabe", "Payments", "Staff Engineer", "staff"),
    ("Fatima Al-Sayed", "Payments", "Software Engineer", "junior"),
    ("Oliver Brooks", "Payments", "Engineering Manager", "manager"),
    ("Ana Petrović", "Payments", "QA Engineer", "qa"),
    ("Aisha Bello", "Mobile", "iOS Engineer", "mobile"),
    ("Mateo Rossi", "Mobile", "Android Engineer", "mobile"),
    ("Yuki Sato", "Mobile", "Senior Mobile Engineer", "backend"),
    ("Liam O'Connor", "Mobile", "Product Manager", "product"),
    ("Zeynep Kaya", "Mobile", "Mobile Tech Lead", "lead"),
    ("Rahul Mehta", "Data", "Data Engineer", "data"),
    ("Ingrid Johansson", "Data", "Staff Data Scientist", "staff"),
    ("Kwame Mensah", "Data", "Analytics Engineer", "data"),
    ("Chen Wei", "Data", "Senior Data Engineer", "backend"),
    ("Marta Kowalska", "Data", "Data Product Manager", "product"),
    ("Noor Haddad", "Data", "Machine Learning Engineer", "junior"),
    ("Camille Dubois", "Design", "Principal Designer", "designer"),
    ("Jonas Weber", "Design", "Product Designer", "designer"),
    ("Leilani Kahale", "Design", "UX Researcher", "researcher"),
    ("Thandiwe Dlamini", "Design", "Senior Product Designer", "lead"),
    ("Rafael Costa", "Design", "Content Designer", "researcher"),
    ("Grace Mwangi", "Customer Success", "Customer Success Manager", "support"),
    ("Daniel Cohen", "Customer Success", "Support Engineer", "support"),
    ("Elena Popescu", "Customer Success", "Head of Customer Success", "manager"),
    ("Arjun Nair", "Customer Success", "Solutions Engineer", "analyst"),
    ("Siobhan Murphy", "Customer Success", "Support Team Lead", "lead"),
    ("Nikolai Ivanov", "Security", "Security Engineer", "security"),
    ("Hana Novák", "Security", "Application Security Lead", "lead"),
    ("Samuel Adeyemi", "Security", "Senior Security Engineer", "security"),
    ("Laura Schmidt", "Security", "Security Analyst", "analyst"),
    ("Youssef Benali", "Security", "Staff Security Engineer", "staff"),
)


def _handle(name: str) -> str:
    """``"Diego Fernández"`` -> ``"diego-fernandez"``."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", plain.lower().replace("'", "")).strip("-")


def _person(name: str, team: str, role_title: str, profile: str) -> DemoPerson:
    interests, skills = _PROFILES[profile]
    handle = _handle(name)
    return DemoPerson(
        display_name=name,
        handle=handle,
        email=f"{handle}@example.org",
        team=team,
        role_title=role_title,
        interests=tuple(interests.split()),
        skills=tuple(skills.split()),
        coordinator=handle in _COORDINATORS,
    )


PEOPLE: tuple[DemoPerson, ...] = tuple(_person(*row) for row in _PEOPLE_ROWS)

# --- Substitutions -----------------------------------------------------------


def _options(text: str) -> tuple[str, ...]:
    """``"a | b | c"`` -> ``("a", "b", "c")``; keeps long word pools compact."""
    return tuple(option.strip() for option in text.split("|"))


_SYSTEMS = _options(
    "the checkout service | the billing pipeline | the search indexer | "
    "the auth gateway | the notifications service | the data warehouse loader | "
    "the signup service | the payments ledger | the feature-flag service | "
    "the support console backend | the recommendations API | "
    "the reporting service | the mobile backend | the fraud scoring service | "
    "the SSO integration | the invoice generator | the event bus | "
    "the order history API | the pricing engine | the file upload service"
)

_NUMBER_WORDS = _options(
    "two | three | four | five | six | seven | eight | nine | ten | eleven | twelve"
)

_VOCABULARY: dict[str, tuple[str, ...]] = {
    "stakeholder": _options(
        "our VP of Product | the head of sales | the CFO | the product director | "
        "the account director | the legal team | the CTO | the marketing lead | "
        "the COO"
    ),
    "outage": _options(
        "a cascading retry storm | a botched database migration | "
        "an expired TLS certificate | a full disk on the primary database | "
        "a bad feature-flag rollout | a DNS misconfiguration | "
        "a memory leak in a new release | a thundering herd after a cache flush"
    ),
    "duration": _options(
        "two weeks | three sprints | six weeks | a month | two months | ten days | "
        "a quarter"
    ),
    "long_duration": _options("two months | a quarter | four months | half a year"),
    "newcomer": _options(
        "a new graduate engineer | a senior hire from a bank | a summer intern | "
        "a designer moving into engineering | "
        "an engineer returning from parental leave | "
        "a contractor who had just gone full-time | a career changer from teaching"
    ),
    "deadline": _options(
        "the end of the quarter | Black Friday | the board meeting | "
        "the app store submission deadline | the annual customer conference | "
        "the contract renewal | the regulatory audit"
    ),
    "meeting": _options(
        "the Monday planning meeting | our weekly sync | the quarterly review | "
        "the architecture forum | sprint planning | the fortnightly retro"
    ),
    "weekday": _options("Monday | Tuesday | Wednesday | Thursday | Friday"),
    "tracker": _options("Jira | Linear | GitHub Projects | Shortcut"),
    "docs": _options("Notion | Confluence | the team wiki | a shared Google Doc"),
    "language": _options("Go | Python | Kotlin | TypeScript | Swift | Rust | Java"),
    "quarter": _options("Q1 | Q2 | Q3 | Q4"),
    "minutes": _options("15 | 20 | 30 | 45"),
    "slow_minutes": _options("40 | 55 | 70 | 90"),
    "lines": _options("900 | 1,400 | 1,800 | 2,300 | 3,100"),
}


def _substitutions(rng: random.Random) -> dict[str, str]:
    """Pick one consistent set of names and numbers for a single post."""
    team, other_team = rng.sample(TEAMS, 2)
    system, system2 = rng.sample(_SYSTEMS, 2)
    low = rng.randint(1, 6)
    return {
        "team": team,
        "other_team": other_team,
        "system": system,
        "system2": system2,
        "n": _NUMBER_WORDS[low],
        "n2": _NUMBER_WORDS[low + rng.randint(2, 4)],
        "pct": f"{rng.randint(15, 60)}%",
        "big_n": str(rng.randrange(60, 400, 10)),
        **{key: rng.choice(values) for key, values in _VOCABULARY.items()},
    }


# --- Competency material -----------------------------------------------------


class _Topic(NamedTuple):
    """Fragments for one competency; every string may use substitutions."""

    lessons: tuple[tuple[str, ...], ...]  # title, title, summary, lead paragraph
    tips: tuple[str, ...]  # further lesson paragraphs
    steps: tuple[str, ...]  # imperative list items for lessons
    stories: tuple[tuple[str, ...], ...]  # title, title, context, actions, outcome
    moves: tuple[str, ...]  # first-person list items for story actions


_STAKEHOLDERS = _Topic(
    lessons=(
        (
            "How to tell {stakeholder} that {system} will slip",
            "Delivering bad news about {system} early and calmly",
            "Bad news does not get better with age. A simple structure for telling "
            "{stakeholder} early, with options instead of apologies.",
            "The most common mistake I see is waiting until the news is certain. By "
            "the time you are sure {system} will slip, {stakeholder} has already "
            "repeated the old date to three other people. Share the risk while it is "
            "still a risk, and say what you are doing about it.",
        ),
        (
            "Writing status updates that {stakeholder} actually reads",
            "A five-line weekly update for {team} stakeholders",
            "Most status updates are written for the author. Here is how to write one "
            "for the reader, in under {minutes} minutes a week.",
            "Lead with the ask. If you need a decision, put it in the first sentence: "
            "**we need a call on scope by {weekday}**. Then list what shipped, what "
            "slipped and what is at risk, in that order. Context comes last, for the "
            "people who want it.",
        ),
        (
            "Saying no to {stakeholder} without burning the bridge",
            "Managing expectations when {deadline} is not negotiable",
            "Stakeholders rarely need more detail. They need the decision they are "
            "being asked to make, stated plainly, with the trade-offs attached.",
            'Offer options, not problems. "We can hit {deadline} without the export '
            'feature, or ship everything {duration} later" gives {stakeholder} '
            'something to decide. "We are behind" only gives them something to worry '
            "about.",
        ),
    ),
    tips=(
        "Match the channel to the message. A slip of a day belongs in the weekly "
        "update; a slip that threatens {deadline} deserves a short call followed by "
        "a written summary, so nobody has to rely on memory.",
        "Keep a running log of commitments in {docs}. When someone asks what was "
        "agreed, you can link to it instead of reconstructing the conversation from "
        "chat threads.",
    ),
    steps=(
        "Write the one-sentence headline before anything else",
        "State what changed since the last update, and why",
        "List the options with their cost in time and scope",
        "Name the decision you need and the date you need it by",
        "Follow up any verbal agreement in writing within a day",
    ),
    stories=(
        (
            "Telling {stakeholder} that {system} would be {n} weeks late",
            "The slip on {system} I almost kept to myself",
            "Our {team} team had committed to delivering {system} by {deadline}. About "
            "{duration} before the date, it became clear we were at least {n} weeks "
            "behind, and I was the one who had given {stakeholder} the original "
            "estimate.",
            "I booked {minutes} minutes with {stakeholder} instead of writing an "
            "email. I opened with the headline, that we would miss the date, then "
            "walked through two options we had already costed. I left a one-page "
            "summary behind so nobody had to remember the numbers.",
            "{stakeholder} was not happy, but chose the smaller scope within a day, "
            "and we shipped on the new date. The bigger lesson for me: people forgive "
            "bad news, they do not forgive surprises.",
        ),
        (
            "How I learned to say no to {stakeholder} without burning the bridge",
            "Hallway requests and the {system} roadmap that stalled",
            "I had just become the tech lead for {system}, and {stakeholder} kept "
            "asking for new features in hallway conversations. My team was quietly "
            "absorbing every one of them while our actual roadmap stalled.",
            "I started sending a weekly update of five lines: what shipped, what "
            "slipped, what is at risk, what we need, and what is next. Every new "
            "request went into a visible list in {tracker}, and each time I said, "
            "politely, which existing item it would replace.",
            "Within {duration} the hallway requests had mostly stopped, because there "
            "was now a visible place to put them and a visible cost. My team's "
            "throughput went up, and I spent far less energy defending our time.",
        ),
        (
            "When {team} and {other_team} stopped talking past each other",
            "One page that ended the argument about {system}",
            "{team} and {other_team} shared ownership of {system}, which in practice "
            "meant nobody owned it. Every week, {meeting} turned into the same "
            "argument about whose priority came first.",
            "Instead of arguing again, I wrote a short brief in {docs}: what each team "
            "needed, what it would cost, and the decision we needed from leadership. "
            "I shared it with both leads a day early so nobody was surprised in the "
            "room.",
            "The brief did not make everyone agree, but it turned a recurring "
            "argument into a single decision. I still use the same template, and I "
            "have shared it with {n} people I mentor.",
        ),
    ),
    moves=(
        "I wrote down the exact question I needed answered before the meeting",
        "I pre-briefed the two people most likely to object",
        "I brought options with costs instead of a single plan",
        "I sent a written summary the same afternoon",
    ),
)

_PRIORITISATION = _Topic(
    lessons=(
        (
            "Prioritising when everything on the {team} roadmap is urgent",
            "A simple cost-of-delay model for {system}",
            "When everything is a priority, nothing is. A lightweight way to rank work "
            "by cost of delay, and to explain the ranking to the people whose work "
            "came last.",
            "Start by asking what happens if an item waits {duration}. For most "
            "tickets the honest answer is nothing much. For a few, like the fix to "
            "{system}, the answer is lost revenue or a frustrated customer. Those few "
            "go first, and the rest wait without guilt.",
        ),
        (
            "Your backlog is not a to-do list: pruning {n} months of tickets",
            "Cleaning up the {team} backlog without losing good ideas",
            "A backlog that only grows is a liability. How to prune it regularly "
            "without losing the ideas that matter.",
            "If an item has sat in {tracker} for six months, it is not a plan, it is "
            "a wish. Close it with a short note. Anything important will come back, "
            "usually with better context than the original ticket had.",
        ),
        (
            "Protecting focus time when {stakeholder} keeps adding work",
            "Limiting work in progress on the {team} team",
            "Saying yes to one thing means saying no to others. Make that trade "
            "visible so the decision is shared rather than absorbed by the team.",
            "Limit work in progress. A team of six with eleven items in flight is not "
            "busy, it is blocked. I ask teams to cap active work at roughly one item "
            "per person and to finish before starting, even when {stakeholder} asks "
            "nicely.",
        ),
    ),
    tips=(
        "Put the ranking somewhere everyone can see it, such as a single column in "
        "{tracker}. A visible list turns a private anxiety into a shared "
        "conversation: if someone wants an item moved up, they can see what moves "
        "down.",
        "Review priorities on a fixed rhythm, for example in {meeting}, rather than "
        "every time someone asks. Stable priorities are worth more than perfect "
        "ones, and the loudest request is rarely the most valuable.",
    ),
    steps=(
        "Write every candidate item on one list, no matter who asked",
        "Describe the cost of delay in plain words: money, customers, risk",
        "Rank by cost of delay divided by rough effort",
        "Draw a line where your capacity ends and say it out loud",
        "Revisit the list on a fixed cadence, not on demand",
    ),
    stories=(
        (
            "The quarter {team} said no to {n} feature requests",
            "How I stopped {team} from working on everything at once",
            "Going into {quarter}, the {team} team had {n} initiatives marked as top "
            "priority and five engineers. Everyone was busy, nothing was shipping, "
            "and morale was sliding with every missed demo.",
            "I put every request on one list in {tracker} and asked each sponsor to "
            "describe, in one sentence, what would happen if their item waited a "
            "quarter. Then I ranked them in front of the group in {meeting}, and drew "
            "a line under item three.",
            "We shipped the top three items that quarter, which was three more than "
            "the previous one. Several of the items below the line quietly "
            "disappeared, because nobody missed them.",
        ),
        (
            "Choosing between {system} and {system2} with half a team",
            "Pausing {system2} and telling its sponsor first",
            "Two of our engineers left within a month, and we suddenly had to choose "
            "between finishing the migration of {system} and the new work on "
            "{system2}. Both had executive sponsors, and both were sure theirs was "
            "the priority.",
            "I wrote down the cost of delay for both projects and took the comparison "
            "to my manager. We agreed to pause {system2} for {duration}, and I "
            "personally told its sponsor before the decision was announced anywhere.",
            "The migration finished on time and cut our hosting bill by {pct}. The "
            "paused sponsor was frustrated for a week, but later thanked me for "
            "telling them directly instead of letting the work fade away.",
        ),
        (
            "I said yes to everyone, and the {team} team paid for it",
            "Learning to say no as a new lead on {team}",
            "I was a new team lead and wanted to be helpful, so I said yes to almost "
            "everything {stakeholder} and the {other_team} team asked for. After "
            "{duration} our own roadmap was a list of broken promises.",
            "We introduced a work-in-progress limit of one initiative per pair of "
            "engineers. Anything new went to a waiting column in {tracker}, and I "
            "reviewed that column weekly with {stakeholder} so nothing felt ignored.",
            "It took a few uncomfortable conversations, but within a quarter we were "
            "delivering what we promised. I learned that saying yes to everything is "
            "a way of avoiding decisions, and that my team had been paying for it.",
        ),
    ),
    moves=(
        "I collected every request into one visible list",
        "I asked sponsors for the cost of waiting, not the value of doing",
        "I capped work in progress and stuck to it",
        "I told the people whose work was cut before anyone else",
    ),
)

_INCIDENTS = _Topic(
    lessons=(
        (
            "Writing the incident timeline while the fire is still burning",
            "The timeline is the most useful thing you write during an incident",
            "The incident timeline is the most valuable artifact of an outage, and "
            "the easiest to lose. Write it as you go, not the next morning.",
            "Keep the timeline in the incident channel as you go: `14:02 alerts "
            "firing on {system}`, `14:09 rolled back deploy`, and so on. Timestamps "
            "and facts only, no interpretation. Reconstructing this later from memory "
            "is always wrong, and usually flattering.",
        ),
        (
            "What {outage} taught us about incident roles",
            "Your first week on the {team} on-call rotation",
            "Clear roles beat heroics. A short guide to incident commander, scribe "
            "and comms lead, and why one person should never be all three.",
            "Separate the roles. The incident commander coordinates and decides, the "
            "scribe keeps the timeline, and someone else talks to {stakeholder}. When "
            "the person fixing {system} is also writing updates, both jobs suffer.",
        ),
        (
            "Running a blameless postmortem for {system}",
            "Postmortems that fix {system} instead of blaming people",
            "A postmortem is a learning exercise, not a trial. Concrete steps for "
            "running one that people actually want to attend.",
            "In the postmortem, ask how the system allowed the mistake rather than "
            "who made it. Our template, based on the [blameless postmortem guide]"
            "(https://example.org/handbook/postmortems), starts with the timeline and "
            "ends with no more than {n} action items, each with an owner and a date.",
        ),
    ),
    tips=(
        "Declare early. It costs almost nothing to open an incident channel and "
        "stand it down ten minutes later; it costs a lot to discover after an hour "
        "that three people were debugging {system} separately.",
        "Post an update every {minutes} minutes even when nothing has changed. "
        '"Still investigating, next update at 14:30" is far better than silence, '
        "which people fill with guesses.",
    ),
    steps=(
        "Open a dedicated channel and name an incident commander",
        "Assign a scribe to keep a timestamped timeline",
        "Stabilise first: roll back before you look for the root cause",
        "Send updates on a fixed interval, even if nothing changed",
        "Hold the postmortem within five working days",
    ),
    stories=(
        (
            "My first page: {outage} on {system}",
            "Second week on call, and {system} went down",
            "It was my second week on the {team} on-call rotation when {system} "
            "started returning errors just after a routine deploy. The cause turned "
            "out to be {outage}, and for the first few minutes I was the only one "
            "who knew anything was wrong.",
            "I opened an incident channel, paged my secondary and asked them to act "
            "as incident commander so I could focus on the fix. We agreed to roll "
            "back first and investigate second. I wrote each step into the channel "
            "with a timestamp as we went.",
            "Service was restored {minutes} minutes after we rolled back. The "
            "postmortem found a missing alert, not a careless engineer, and my "
            "timeline made it a calm conversation. I still write timelines as I go, "
            "even for small incidents.",
        ),
        (
            "What I learned from breaking {system} on a {weekday}",
            "Owning my mistake when {system} went down",
            "I had pushed a configuration change to {system} late on a {weekday}. It "
            "looked harmless in review. Twenty minutes later the error dashboards lit "
            "up, and support tickets started arriving faster than anyone could read "
            "them.",
            "I owned up in the incident channel straight away and reverted the "
            "change. That evening I wrote the first draft of the timeline, including "
            "the part where I had skipped the canary stage, and sent it to my lead "
            "before anyone asked.",
            "Nobody blamed me, which surprised me. The real fix was making the canary "
            "stage mandatory for config changes, and it has since caught {n} similar "
            "mistakes. Owning the error quickly turned it into a team problem instead "
            "of a personal one.",
        ),
        (
            "The postmortem where we stopped blaming {other_team}",
            "Rewriting our postmortem template after {outage}",
            "For months, every incident involving {system} ended with the same "
            "conclusion: the {other_team} team had changed something. The last one, "
            "caused by {outage}, ended with two leads arguing in the channel, and "
            "people were starting to hide near misses.",
            "I volunteered to facilitate the next postmortem and rewrote the template "
            "so it started with the timeline and asked what made the failure "
            'possible. I banned the word "should" from the action items and invited '
            "both teams to write the timeline together.",
            "The next three postmortems produced concrete fixes instead of "
            "finger-pointing, and the {other_team} team started joining voluntarily. "
            "People began reporting near misses, which is the best sign of trust I "
            "know.",
        ),
    ),
    moves=(
        "I declared an incident instead of quietly debugging",
        "I handed off the commander role so I could work the problem",
        "I rolled back before looking for the root cause",
        "I wrote the timeline in the channel as it happened",
    ),
)

_CODE_REVIEW = _Topic(
    lessons=(
        (
            "Review the design, not the diff",
            "Getting feedback on {system} before the pull request",
            "The most expensive review comments arrive after the code is written. "
            "Review the approach early and keep the diff review for details.",
            "If the first time anyone sees your approach is in a {lines}-line pull "
            "request, the review is already too late to change it. Share a short "
            "design note, or a draft PR with just the interfaces, and ask for "
            "feedback on the direction first.",
        ),
        (
            "Splitting a {lines}-line pull request into reviewable pieces",
            "Small pull requests for {system}, and why they get better reviews",
            "A {lines}-line pull request gets a rubber stamp, not a review. How to "
            "split work so reviewers can actually help.",
            "Small pull requests get better reviews. As a rough rule, anything a "
            "reviewer cannot read in {minutes} minutes should be split: refactoring "
            "first, then behaviour changes, each in its own PR with its own "
            "description.",
        ),
        (
            "Code review comments that teach instead of judge",
            "Reviewing {language} code when you are new to {language}",
            "Tone matters in written feedback. Phrasing review comments as questions "
            "and labelling their weight makes reviews faster and kinder.",
            'Ask questions instead of issuing verdicts. "What happens if this list '
            'is empty?" invites the author to think; "this is wrong" invites them to '
            "defend. Both point at the same bug, and only one of them teaches.",
        ),
    ),
    tips=(
        "Label your comments. We use prefixes like `nit:`, `question:` and "
        "`blocking:` so the author knows what must change and what is a matter of "
        "taste. It removes a surprising amount of friction.",
        "Agree on a review turnaround as a team. On {team} we aim for a first "
        "response within four working hours, and we treat reviews as real work, not "
        "something to squeeze in between meetings.",
    ),
    steps=(
        "Read the description and the linked ticket before the code",
        "Check the approach and the interfaces before the details",
        "Run the tests locally for anything touching {system}",
        "Label each comment as blocking, question or nit",
        "Approve with comments when the remaining issues are small",
    ),
    stories=(
        (
            "The {lines}-line pull request that taught me to review designs",
            "Too late to review: the rewrite of {system}",
            "A teammate spent {duration} on a rewrite of {system} and opened a "
            "single {lines}-line pull request. By the time I reviewed it, the "
            "approach was baked in, and my main concern, that it duplicated logic "
            "owned by the {other_team} team, would have meant starting over.",
            "I met the author on a call rather than writing twenty comments, and we "
            "agreed to split the work into four pull requests, starting with the "
            "shared interface. I also proposed a one-page design note for any change "
            "expected to take more than a week.",
            "The split pull requests were merged within a week, and the duplicated "
            "logic was removed in the second one. Design notes are now a normal step "
            "on our team, and review comments have become shorter and friendlier.",
        ),
        (
            "How a review comment on {system} nearly made a new hire quit",
            "The terse review comment on {system} I still think about",
            "I left a terse review comment on a change to {system}. It was "
            "technically right. It was also the first pull request from {newcomer}, "
            "who read it as a sign they did not belong on the team.",
            "I apologised in person, explained what I had meant, and rewrote the "
            "comment as a question with an example. Then I proposed comment labels "
            "for the {team} team so the weight of each remark was explicit.",
            "The new hire went on to become one of our most thoughtful reviewers. I "
            "learned that written feedback loses the warmth you think you are putting "
            "into it, so now I add it back explicitly.",
        ),
        (
            "Getting {team} review times down from {n} days to hours",
            "Why pull requests on {team} waited {n} days",
            "Pull requests on the {team} team routinely waited {n} days for review. "
            "Engineers started new work while waiting, which meant constant context "
            "switching and painful merges.",
            "We added a daily review slot after stand-up and a simple rule: any pull "
            "request older than one day gets raised in stand-up. I also started "
            "posting review stats in {meeting}, without names.",
            "Median review time dropped from {n} days to under five hours within "
            "{duration}. Fewer merge conflicts, fewer half-finished branches, and "
            "noticeably less frustration in retros.",
        ),
    ),
    moves=(
        "I moved the conversation from comments to a call",
        "I asked for a design note before the next big change",
        "I rewrote my feedback as questions",
        "I proposed a team-wide turnaround target",
    ),
)

_CAREER = _Topic(
    lessons=(
        (
            "Writing a promotion case that is about impact, not effort",
            "Describing your work on {system} in a promotion case",
            "Promotions are decided on evidence. Describe outcomes with numbers and "
            "links, and let the effort speak for itself.",
            'Describe impact, not effort. "Worked late on the migration of {system}" '
            'says little; "migrated {system} with zero downtime, cutting incidents by '
            '{pct}" tells a reviewer exactly why it mattered.',
        ),
        (
            "Keeping a brag document without feeling like a braggart",
            "A brag document, updated every {weekday}",
            "Nobody tracks your impact as carefully as you should. A brag document "
            "makes the evidence easy to find when it matters.",
            "Keep a brag document: a running list of what you shipped, what you "
            "unblocked and what you learned, with links. Update it every {weekday}. "
            "When review season comes, you will not have to rely on your memory, or "
            "your manager's.",
        ),
        (
            "From senior to staff on the {team} team: what actually changed",
            "Growing beyond {system} without leaving {team}",
            "The jump to staff is less about harder problems and more about wider "
            "ones. How to find work whose impact reaches beyond your team.",
            "Growth often means working on problems nobody assigned to you. The "
            "friction between {team} and {other_team}, the flaky deploy pipeline, the "
            "missing onboarding guide for {system}: these are the places where "
            "senior engineers build a reputation.",
        ),
    ),
    tips=(
        "Ask your manager directly what the gap is between where you are and the "
        "next level. Write down the answer, agree on {n} concrete examples that "
        "would close it, and revisit them every month.",
        "A mentor outside your reporting line is valuable because they can be "
        "candid without it affecting your review. Ask them to read your promotion "
        "case as a skeptical committee member would.",
    ),
    steps=(
        "Start a brag document today and backfill the last quarter",
        "Read the level expectations and highlight your gaps",
        "Agree on two or three growth goals with your manager",
        "Find one problem beyond your team's boundaries to own",
        "Ask a mentor to review your case as a skeptic would",
    ),
    stories=(
        (
            "Passed over for promotion on {team}, and what I did next",
            "The brag document that got me to staff on {team}",
            "I had been a senior engineer on the {team} team for {n} years and "
            "assumed promotion would come with time. When the review cycle came "
            "around, my manager told me the committee could not see my impact beyond "
            "{system}.",
            "I asked for the specific gaps in writing and found a mentor on "
            "{other_team} who had recently been promoted. Together we picked two "
            "cross-team problems, and I started a brag document that I updated every "
            "{weekday}.",
            "I was promoted two cycles later, with a case full of links rather than "
            "adjectives. More importantly, I learned that nobody is tracking your "
            "impact as carefully as you should be.",
        ),
        (
            "Leaving the comfort of {system} to grow",
            "Rotating from {system} to {system2} for {duration}",
            "I had worked on {system} since joining, and I knew every corner of it. I "
            "was comfortable, respected and, I slowly realised, not learning "
            "anything new.",
            "I asked my manager to let me rotate onto {system2} for {duration}, and I "
            "wrote a handover guide for {system} so the team would not depend on me. "
            "It was uncomfortable to be the least knowledgeable person in the room "
            "again.",
            "The rotation made me a much broader engineer, and the handover guide is "
            "still used by new joiners on {system}. Being a beginner again was "
            "humbling in a useful way.",
        ),
        (
            "Why I went back from manager to individual contributor on {team}",
            "Stepping back from management after {long_duration}",
            "After {long_duration} as a first-time manager on {team}, I was exhausted "
            "and, honestly, not very good at it. I missed building things, but I "
            "worried that stepping back would look like failure.",
            "I talked to three people who had made the same move and asked how it "
            "had gone. Then I wrote a transition plan with my manager, including who "
            "would take over my reports and how we would tell the team.",
            "I am much happier as a staff engineer, and I kept many of the skills I "
            "learned as a manager. Nobody saw it as a failure; several people said it "
            "was the first time they had seen someone make that move openly.",
        ),
    ),
    moves=(
        "I asked for the gaps to be written down",
        "I found a mentor outside my reporting line",
        "I kept a weekly brag document",
        "I deliberately picked work outside my comfort zone",
    ),
)

_FEEDBACK = _Topic(
    lessons=(
        (
            "The situation-behaviour-impact model for {team} leads",
            "Giving critical feedback to someone more senior than you",
            "Feedback is most useful when it is timely, specific and private. A "
            "simple structure that works for praise and criticism, at any seniority.",
            'Use situation, behaviour and impact. "In {meeting} on {weekday} '
            "(situation), you interrupted the new designer twice (behaviour), and "
            'she stopped contributing for the rest of the meeting (impact)." It '
            "describes what happened without judging who the person is.",
        ),
        (
            "Feedback in one-on-ones that does not wait for review season",
            "Giving feedback to {newcomer} in their first month",
            "Waiting for the review cycle turns small course corrections into big "
            "surprises. How to make feedback a weekly habit instead.",
            "Give feedback within a few days. After {duration}, details are fuzzy, "
            "the person has already repeated the behaviour, and the conversation "
            "feels like an ambush. Small, frequent notes in one-on-ones are easier "
            "for both sides.",
        ),
        (
            "Praise that is specific enough to repeat",
            "Recognising good work on {system} in a way that sticks",
            "Vague praise feels nice and changes nothing. Specific praise tells "
            "people exactly what to keep doing.",
            "Praise in public if the person is comfortable with it, and correct in "
            'private always. Make praise as specific as criticism: "Your write-up of '
            'the {system} migration let {other_team} plan a sprint early" is '
            "something people can repeat.",
        ),
    ),
    tips=(
        'Ask before you give. "Can I share an observation about the demo?" gives '
        "the other person a moment to get ready, and a chance to say that now is not "
        "a good time.",
        'End with a question, not a verdict. "How did it look from your side?" '
        "often surfaces context you were missing, and turns the conversation into a "
        "shared problem.",
    ),
    steps=(
        "Write down the situation, behaviour and impact beforehand",
        "Ask permission and find a private moment",
        "Describe what you saw, not what you assume was intended",
        "Ask for their perspective and listen",
        "Agree on one concrete next step and follow up",
    ),
    stories=(
        (
            "Telling my tech lead that {meeting} was not working",
            "The feedback I avoided for {duration}",
            "Our tech lead ran {meeting} as a monologue. Junior engineers had "
            "stopped raising concerns, and two of them told me privately they felt "
            "ignored. I was the most senior person on the team besides him, and I "
            "had been avoiding the conversation for {duration}.",
            "I asked for {minutes} minutes in private and used a "
            "situation-behaviour-impact structure. I described two specific moments "
            "and what happened to the conversation afterwards, and then asked how it "
            "looked from his side.",
            "He was surprised, a little defensive, and then genuinely grateful. The "
            "next time, {meeting} started with a round of questions from the team. I "
            "learned that avoiding feedback is not kindness; it just moves the cost "
            "to someone else.",
        ),
        (
            "How I learned to give feedback to {newcomer}",
            "Saying nothing about the missing tests on {system}",
            "I was mentoring {newcomer}, who was clearly capable but kept shipping "
            "changes to {system} without tests. I liked them, I did not want to "
            "discourage them, and so I said nothing for far too long.",
            "I wrote down what I wanted to say, kept it to a single observation, and "
            "raised it in our next one-on-one. I framed it around what I wanted for "
            "them: to be trusted with bigger changes to {system}.",
            "They started adding tests the following week and later told me they "
            "wished I had said something sooner. The delay had cost both of us, so "
            "now I give small pieces of feedback early.",
        ),
        (
            "Praise that changed how {team} wrote design docs",
            'Turning "great doc" into feedback {other_team} could use',
            "A colleague on {other_team} had written an unusually clear design "
            'document for {system}. I said "great doc" in the channel and moved on, '
            "and later realised I had missed a chance to tell them why it was great.",
            "I sent a longer message explaining exactly what made the document work: "
            "the decision up front, the alternatives considered, the rollout plan. I "
            "copied their manager, with their permission.",
            "Two other teams, including {team}, adopted the document structure within "
            "{duration}. Specific praise turned one good document into a standard, "
            "and it took me ten minutes to write.",
        ),
    ),
    moves=(
        "I picked one specific example instead of a general complaint",
        "I asked permission before giving the feedback",
        "I asked for their view before suggesting a fix",
        "I followed up a week later to close the loop",
    ),
)

_WRITING = _Topic(
    lessons=(
        (
            "Writing design docs people finish reading",
            "Putting the decision first in the design doc for {system}",
            "Most documents fail in the first paragraph. Put the decision, the ask and "
            "the deadline at the top, and let the rest be reference.",
            "Put the conclusion first. Readers decide in the first paragraph whether "
            "to keep going, so that paragraph should say what you propose, why now, "
            "and what you need from them. Background can come later.",
        ),
        (
            "A README for {system} that answers the first five questions",
            "Runbooks for {system} that someone else can follow",
            "Good operational docs answer what this is, how to run it and who to ask. "
            "Everything else can live somewhere else.",
            "Write for someone joining the team in {duration}. They will not know the "
            "history of {system}, the acronyms, or why the obvious solution was "
            "rejected. Spell those out, or link to where they are explained.",
        ),
        (
            "Architecture decision records: writing down why, not just what",
            "Recording the decisions behind {system}",
            "Decision records capture the context that disappears when people move "
            "on. A short template, and when to use it.",
            "Keep an architecture decision record for choices that would be "
            "expensive to reverse. Ours live next to the code in `docs/adr/` and "
            "follow a [short template](https://example.org/handbook/adr-template): "
            "context, decision, consequences.",
        ),
    ),
    tips=(
        'Use headings that are statements, not labels. "We will migrate {system} '
        'in three phases" tells a skimming reader far more than "Migration plan".',
        "Edit by cutting. Read your draft once and delete every sentence that does "
        "not change what the reader knows or does. Most first drafts lose a third "
        "of their length and gain clarity.",
    ),
    steps=(
        "Write the one-paragraph summary first",
        "List the questions a new reader would ask",
        "Use statement headings and short sections",
        "Ask someone outside the team to read it cold",
        "Cut every sentence that does not earn its place",
    ),
    stories=(
        (
            "The design doc for {system} that nobody read",
            "Cutting a {n}-page design doc down to one page",
            "I spent {duration} on a {n}-page design document for {system}. It was "
            "thorough and accurate, and when I asked for comments, I got two, both "
            "about typos. The review meeting made clear that most people had read "
            "only the first page.",
            "I rewrote the document with a half-page summary at the top: the "
            "proposal, two alternatives, the cost and the decision needed. "
            "Everything else moved into an appendix. I also asked a colleague from "
            "{other_team} to read it cold and tell me where they got lost.",
            "The second version got {n2} substantive comments in two days and a "
            "decision at {meeting} the following week. I learned that length is not "
            "rigour, and that the summary is the part that does the work.",
        ),
        (
            "The runbook for {system} I wrote and then had to rewrite",
            "Rewriting the {system} runbook after {outage}",
            "During an incident caused by {outage}, the on-call engineer opened the "
            "runbook for {system} and found instructions for servers we had "
            "decommissioned a year earlier. I had written most of that runbook.",
            "The next morning I rewrote the runbook with a new on-call engineer at my "
            "side, following it step by step on a staging environment. Every time "
            "they hesitated, I rewrote the step. We added a last-verified date at the "
            "top.",
            "The rewritten runbook was used twice in the following quarter, both "
            "times by people who had never touched {system}, and both incidents were "
            "resolved in under {minutes} minutes.",
        ),
        (
            "How one decision record saved {system} from a rewrite",
            "Finding out why we had already tried this on {system}",
            "An engineer on the {team} team proposed replacing the queue in {system} "
            "with a different one. It looked reasonable, but I had a vague memory "
            "that we had tried it before, and nobody could remember why it failed.",
            "I dug through old tickets and chat threads until I found the original "
            "discussion, then wrote it up as our first architecture decision record. "
            "We agreed to write one for any decision that would take more than "
            "{duration} to reverse.",
            "The record saved us from repeating an experiment that had cost "
            "{long_duration} the first time. We now have dozens of them, and new "
            "joiners regularly mention them as the most useful thing they read.",
        ),
    ),
    moves=(
        "I moved the decision to the first paragraph",
        "I asked someone outside the team to read it cold",
        "I tested the instructions by following them literally",
        "I added a last-verified date to every runbook",
    ),
)

_DESIGN = _Topic(
    lessons=(
        (
            "Designing {system} for the failure modes you can predict",
            "Start with the data model, not the diagram",
            "Good designs start from the data and the failure modes, not the boxes "
            "and arrows. A checklist for your next design review.",
            "List the failure modes before you list the features. What happens when "
            "the downstream dependency of {system} is slow, returns garbage, or is "
            "down for an hour? Each answer is a design decision, and most incidents "
            "live in the ones nobody asked.",
        ),
        (
            "When to split {system} out of the monolith, and when not to",
            "Service boundaries for {system} that follow real change",
            "Splitting a service has real costs. How to tell whether {system} needs "
            "its own deployment or just better module boundaries.",
            "Do not split a service just because it is large. Split when the parts "
            "change for different reasons, are owned by different teams, or need to "
            "scale differently. Otherwise you have traded a big codebase for a "
            "distributed one.",
        ),
        (
            "Idempotency: the design choice that makes retries boring",
            "Making retries safe in {system}",
            "Retries are inevitable in distributed systems. Idempotent operations "
            "turn a whole class of incidents into non-events.",
            "Make operations idempotent wherever money or messages are involved. An "
            "idempotency key on every request to {system} means a retry after a "
            "timeout is harmless instead of a double charge.",
        ),
    ),
    tips=(
        "Start with the data. What are the entities, who owns them, and what must "
        "never be inconsistent? Once that is clear, the services and queues usually "
        "follow. Starting with the diagram tends to produce boxes that share a "
        "database.",
        "Write down the trade-offs you rejected. A design review is more useful when "
        "reviewers can see that you considered the cache, the queue and the read "
        "replica, and why you chose one of them.",
    ),
    steps=(
        "Describe the data model and who owns each entity",
        "List the failure modes and how each is handled",
        "Estimate load with real numbers, including peaks",
        "Write down the alternatives you rejected and why",
        "Plan the rollout and the rollback before the build",
    ),
    stories=(
        (
            "Designing {system} for ten times the traffic in {duration}",
            "The load test that found the real bottleneck in {system}",
            "Marketing planned a campaign that was expected to bring ten times our "
            "normal traffic to {system}. We had {duration} to get ready, and nobody "
            "on the {team} team had ever load-tested it.",
            "We wrote a capacity model in a plain spreadsheet and ran load tests "
            "against a production-sized staging environment. Connection pooling, not "
            "CPU, was the first limit. We fixed that, added a queue in front of the "
            "slowest path, and rehearsed a rollback.",
            "The campaign peaked at {n} times normal load and {system} held, with "
            "latency up by only {pct}. The biggest lesson was that the bottleneck was "
            "nowhere near where we had guessed.",
        ),
        (
            "My first design review, and the question I could not answer",
            "The timeout in {system} I had not designed for",
            "I presented my design for {system2} to the architecture forum. It had "
            "clean boxes and arrows. Then a staff engineer asked what would happen if "
            "{system} timed out halfway through a write, and I did not have an "
            "answer.",
            "I went back and listed every failure mode I could think of with a "
            "colleague from {other_team}. For each one, we decided whether to retry, "
            "fail fast or compensate, and we added idempotency keys to every write.",
            "The revised design passed review, and the idempotency keys later "
            "prevented a double-charge incident during {outage}. I now start every "
            "design with the failure modes.",
        ),
        (
            "Why we did not split {system} into microservices",
            "Finding the one real boundary in {system}",
            "The {team} team wanted to split {system} into five services because the "
            "codebase felt unmanageable. I was asked to review the proposal, and I "
            "was not convinced the boundaries were real.",
            "Instead of debating the split, I mapped which parts of the code changed "
            "together over the previous {long_duration} using `git log`. Only one "
            "boundary was real, so we proposed extracting that one and cleaning up "
            "the module structure for the rest.",
            "We extracted one service instead of five and shipped it in {duration}. "
            "Two years later that boundary still makes sense, and nobody has asked "
            "to split the rest.",
        ),
    ),
    moves=(
        "I wrote down the failure modes before the features",
        "I load-tested with production-sized data",
        "I used the change history to find real boundaries",
        "I rehearsed the rollback before launch",
    ),
)

_ESTIMATION = _Topic(
    lessons=(
        (
            "Estimating {system} in ranges instead of dates",
            "Why your estimate for {system} is wrong, and how to make it useful",
            "A single number hides the uncertainty that matters. Give ranges with a "
            "most-likely value, and update them as you learn.",
            'Estimate in ranges. "Two to five weeks, most likely three" is more '
            'honest than "three weeks" and gives {stakeholder} what they need to '
            "plan. If the range is too wide to be useful, that is a signal to spike "
            "first.",
        ),
        (
            "Breaking down work on {system} until it fits in two days",
            "Finding the hidden work on {system} before you estimate",
            "Most estimation errors come from work nobody listed. Breaking tasks into "
            "small pieces surfaces the hidden work early.",
            "Break work down until every piece is two days or less. Breaking it down "
            "is where you discover the migration, the feature flag, the documentation "
            "and the review cycles you would otherwise forget.",
        ),
        (
            "Re-estimating out loud when {system} turns out harder",
            "Estimates are forecasts: keeping {stakeholder} informed",
            "Estimates are forecasts, not promises. How to update them so that "
            "{stakeholder} can plan without feeling misled.",
            "Re-estimate as soon as you learn something. Telling people in week one "
            "that {system} will take longer is a minor update; telling them in the "
            "final week is a crisis.",
        ),
    ),
    tips=(
        "Compare with similar past work rather than estimating from scratch. The "
        "ticket history in {tracker} shows how long the last few changes to "
        "{system} really took, which is usually about {pct} longer than we think.",
        "For genuinely new work, time-box a spike. Spend a few days at most learning "
        "enough to give a range, and say clearly that the first estimate covers the "
        "spike, not the project.",
    ),
    steps=(
        "List every task, including reviews, testing and rollout",
        "Break tasks down to two days or less",
        "Compare against similar past work",
        "Give a range with a most-likely value",
        "Re-estimate at every milestone and say so openly",
    ),
    stories=(
        (
            "I said two weeks; {system} took {long_duration}",
            "The hallway estimate for {system} I still regret",
            "{stakeholder} asked me in a hallway how long it would take to add "
            "multi-currency support to {system}. I said two weeks. It took "
            "{long_duration}, and every week of the delay was a conversation I did "
            "not enjoy.",
            'I learned to say "let me come back to you tomorrow" and to break the '
            "work down before answering. On the next project I gave a range, "
            "explained what would move it, and sent an update every time it changed.",
            "My estimates are still wrong, but they are wrong in the open. These days "
            "{stakeholder} asks for the range rather than the date, and nobody has "
            "been surprised since.",
        ),
        (
            "How {team} learned to estimate in ranges",
            "What {n} missed deadlines taught {team} about estimates",
            "Our {team} team had missed {n} deadlines in a row. Each estimate was "
            "made in good faith, and each one ignored testing, reviews and the "
            "rollout itself.",
            "In the next planning session we listed every task on the board, "
            "including reviews, testing and rollout, and gave each a range. We "
            "compared against our ticket history in {tracker} and wrote the results "
            "into our team agreements.",
            "Over the following {duration}, {team} hit most of its commitments, up "
            "from less than half. The work did not get faster; we just stopped "
            "forgetting parts of it.",
        ),
        (
            "The spike that saved {system} from a bad estimate",
            'Answering "when will it be done" for {system} with a spike',
            "We were asked to integrate {system} with a vendor API nobody on the "
            "team had used. The product manager wanted a date for the roadmap by "
            "{weekday}.",
            "I proposed a three-day spike instead of a date. We built the riskiest "
            "part first, discovered the vendor's rate limits, and came back with a "
            "range of {n} to {n2} weeks and a clear explanation of what drove it.",
            "We delivered inside the range, and the spike findings changed the "
            "roadmap for {quarter}. I learned that the honest answer to an unknown is "
            "a plan for finding out.",
        ),
    ),
    moves=(
        "I asked for a day before giving any number",
        "I listed the hidden work: reviews, tests, rollout",
        "I gave a range and explained what would move it",
        "I sent an update each time the range changed",
    ),
)

_ONBOARDING = _Topic(
    lessons=(
        (
            "The first week on {team}: what new joiners actually need",
            "Getting a new hire to their first deploy of {system}",
            "New hires judge a team by their first week. A simple plan that gets "
            "someone shipping to production by day five.",
            "Aim for a first production change in week one, however small. Fixing a "
            "typo in {system} and watching it deploy teaches the pipeline, the "
            "review process and the team's habits faster than any document.",
        ),
        (
            "Onboarding buddies: a small habit with a big return",
            "Pairing {newcomer} with an onboarding buddy",
            "An onboarding buddy answers the questions people are embarrassed to "
            "ask. How to set one up, and what to expect of them.",
            "Assign an onboarding buddy who is not the new hire's manager. The "
            "buddy answers the questions that feel too small to ask in public: what "
            "`make dev` actually does, which channels matter, and who to ask about "
            "{system}.",
        ),
        (
            "A 30-60-90 day plan for {newcomer}",
            "Keeping the onboarding docs for {system} alive",
            "A written plan and living documentation make the first three months "
            "predictable. Write the plan together, and let new hires fix the docs.",
            "Write a 30-60-90 day plan together with the new hire, not for them. The "
            "first month is about learning and small wins, the second about owning "
            "a piece of work, the third about improving how the team works.",
        ),
    ),
    tips=(
        "Treat every new hire as a tester for your documentation. Ask them to fix "
        "anything wrong or missing as they go. It keeps the docs alive and gives "
        "them an early contribution.",
        "Schedule introductions with people outside the team, especially "
        "{other_team}. Relationships built in the first month pay off for years, "
        "and they are much harder to start later.",
    ),
    steps=(
        "Prepare accounts and hardware before day one",
        "Assign a buddy who is not the manager",
        "Plan a small production change for week one",
        "Book introductions with three adjacent teams",
        "Ask the new hire to fix the docs they read",
    ),
    stories=(
        (
            "Rebuilding onboarding for {team} after the team doubled",
            "From three weeks to three days: first deploys on {team}",
            "The {team} team doubled in size in one quarter. Our onboarding was a "
            "wiki page last edited {long_duration} ago and a tradition of pairing "
            "with whoever happened to be free.",
            "I asked the last three joiners what had confused them, turned their "
            "answers into a checklist, and picked a small starter ticket on {system} "
            "for each new hire. Everyone got a buddy and a target of one production "
            "deploy in the first week.",
            "Time to first deploy dropped from about three weeks to three days, and "
            "new joiners started reviewing code within their first month. The "
            "checklist is now maintained by whoever joined most recently.",
        ),
        (
            "Being an onboarding buddy for {newcomer}",
            "What onboarding {newcomer} taught me about {team}",
            "I was asked to be an onboarding buddy for {newcomer} on {team}. I had "
            "never done it, and my own onboarding had consisted mostly of reading "
            "code alone for two weeks.",
            "I blocked {minutes} minutes every day for the first two weeks, even when "
            "there were no questions. I shared my own list of things I wish I had "
            "known, and made introductions to two people on {other_team}.",
            "They told me later that the daily check-ins made it feel safe to ask "
            "naive questions. Being a buddy also showed me how much implicit "
            "knowledge our team relies on.",
        ),
        (
            "Onboarding myself onto {team} when nobody had a plan",
            "My first {duration} on {team}, and what I would change",
            "When I joined the {team} team, my manager went on leave on my second "
            "day. Nobody had planned my first {duration}, and I spent most of it "
            "unsure whom I was allowed to interrupt.",
            "I wrote my own 30-day plan and shared it with the team for feedback. I "
            "booked short introductions with everyone I would work with, and kept a "
            "list of every question I had, which later became our FAQ.",
            "My FAQ became the basis of the team's onboarding guide, and I am now a "
            "buddy myself. You can onboard yourself, but it is far better when "
            "nobody has to.",
        ),
    ),
    moves=(
        "I asked recent joiners what had confused them",
        "I prepared a starter ticket before day one",
        "I booked a daily check-in, even when nothing was wrong",
        "I turned every question into a documentation fix",
    ),
)

_TESTING = _Topic(
    lessons=(
        (
            "Tests that fail for the right reasons",
            "Testing {system} at the boundaries, not the internals",
            "A test that fails whenever the implementation changes is a maintenance "
            "burden, not a safety net. Test behaviour at the boundaries.",
            "Test behaviour, not implementation. If renaming a private method breaks "
            "{n} tests, those tests pin down the shape of the code rather than what "
            "it does. Aim at public interfaces and observable outcomes.",
        ),
        (
            "Taming the flaky test suite in {system}",
            "Quarantining flaky tests without stopping delivery on {team}",
            "Flaky tests erode trust faster than missing ones. How to find, "
            "quarantine and fix them without stopping delivery.",
            "Quarantine flaky tests quickly, and track them. A flaky test left in the "
            "main suite teaches everyone to click retry and ignore red builds, which "
            "is exactly how real failures slip through.",
        ),
        (
            "Adding tests to legacy {language} code without a rewrite",
            "What to test first when {system} has no tests at all",
            "Legacy code without tests is not a reason to rewrite. Characterisation "
            "tests let you change it safely, one seam at a time.",
            "For legacy code, start with characterisation tests: record what "
            "{system} currently does, right or wrong, and lock it in. Then refactor "
            "in small steps with those tests as a safety net.",
        ),
    ),
    tips=(
        "Between teams, contract tests are cheaper than end-to-end suites. When "
        "{team} and {other_team} agree on the shape of each request in a shared "
        "spec, both sides can test independently and deploy without waiting.",
        "Measure what matters. Coverage hints at untested code, but a suite at "
        "{pct} coverage that runs in {minutes} minutes and never flakes is worth "
        "more than a perfect number nobody trusts.",
    ),
    steps=(
        "Write a failing test that reproduces the bug first",
        "Test through public interfaces, not private helpers",
        "Quarantine flaky tests and give each one an owner",
        "Keep the fast suite under {minutes} minutes",
        "Add contract tests at team boundaries",
    ),
    stories=(
        (
            "The flaky test that hid a real bug in {system}",
            "Why I stopped hitting retry on {system}",
            "A test on {system} failed roughly once in twenty runs, and everyone, "
            "including me, had learned to hit retry. Then customers started "
            "reporting duplicate notifications. The test had been telling us about a "
            "race condition for {duration}.",
            "I made the flaky test my only task for two days. I ran it in a loop with "
            "extra logging until I caught the failure, found the race, wrote a "
            "deterministic test that reproduced it, and only then fixed the code.",
            "The fix removed the duplicate notifications and the flakiness at the "
            "same time. I never ignore a flaky test now; it is usually the system "
            "telling you something.",
        ),
        (
            "Adding the first tests to {system} after {n} years",
            "A safety net for {system} before the expert went on leave",
            "{system} had been in production for {n} years without a single "
            "automated test. Every change was tested by hand by the one engineer who "
            "understood it, and she was about to go on parental leave.",
            "We paired with her for {duration} to write characterisation tests for "
            "the critical paths: whatever the code did, we recorded it. We did not "
            "fix the bugs we found along the way; we wrote them down instead.",
            "By the time she went on leave we had {big_n} tests covering the main "
            "flows, and two other engineers made changes safely while she was away. "
            "The bug list became a backlog for {quarter}.",
        ),
        (
            "How {team} cut its test suite from {slow_minutes} minutes to five",
            "I deleted {big_n} tests on {team} and our confidence went up",
            "Our test suite on the {team} team took {slow_minutes} minutes to run and "
            "broke whenever anyone refactored. Engineers batched changes to avoid "
            "running it, which made every merge riskier.",
            "I looked at which tests broke most often without catching real bugs, "
            "and deleted or rewrote {big_n} of them against the public API. Slow "
            "integration checks moved to a nightly job.",
            "The suite ran in five minutes, broke far less often, and people went "
            "back to merging small changes. We deleted more tests than we wrote, and "
            "confidence still went up.",
        ),
    ),
    moves=(
        "I reproduced the failure deterministically before fixing it",
        "I recorded current behaviour before changing anything",
        "I rewrote tests against public interfaces",
        "I split the fast suite from the slow one",
    ),
)

_LEADERSHIP = _Topic(
    lessons=(
        (
            "Delegating the work you enjoy most",
            "Delegating ownership of {system}, not a list of tasks",
            "New leads often keep the most interesting work for themselves. "
            "Delegating it is how the team grows, and how you do.",
            'Delegate outcomes, not tasks. "Make the deploy of {system} safe enough '
            'that anyone can do it" gives someone room to own the problem. "Add a '
            'check to the pipeline" gives them a ticket.',
        ),
        (
            "Leading without authority across {team} and {other_team}",
            "Making decisions when {team} cannot agree",
            "Influence without authority comes from clarity and trust. How to get two "
            "teams moving in the same direction when you manage neither.",
            "Lead without authority by being the person who writes things down. The "
            "summary after {meeting}, the list of open questions, the draft plan: "
            "whoever holds the pen shapes the outcome.",
        ),
        (
            "Running a team retro that actually changes something",
            "Fixing the same retro complaint on {team} for the last time",
            "A retro that produces the same complaints every sprint is worse than "
            "none. Make each one end with a single owned change.",
            "Retros should end with one change and one owner. If the same complaint "
            "appears three sprints in a row, the retro is not the problem; nobody has "
            "been given the time to fix it.",
        ),
    ),
    tips=(
        "When the team cannot agree, make the decision process explicit: who "
        "decides, by when, and how input will be gathered. Disagreement is healthy; "
        "a question left undecided for {duration} is not.",
        "Your team watches how you handle bad news. In uncertain times, share what "
        "you know, say clearly what you do not know, and tell people when you "
        "expect to know more.",
    ),
    steps=(
        "Write down the decision and who owns it",
        "Delegate a whole outcome, not a list of tasks",
        "End every retro with one change and one owner",
        "Share what you know, and what you do not, early",
        "Ask for feedback on your leadership every quarter",
    ),
    stories=(
        (
            "The first time I delegated {system} and let it go",
            "Handing over {system} as a new tech lead on {team}",
            "I had built most of {system} myself and, as the new tech lead on "
            "{team}, kept all the interesting work on it. My team was bored, and I "
            "was the bottleneck on every change.",
            "I handed the next major change on {system} to a mid-level engineer as a "
            "whole outcome, with a clear goal and a weekly check-in. I bit my tongue "
            "in reviews when their approach differed from mine but was not wrong.",
            "The change shipped {duration} later than I would have managed, and it "
            "was better designed than my version would have been. I finally had time "
            "for the work only I could do.",
        ),
        (
            "Leading {team} through a reorganisation",
            "Two weeks of notice: merging {team} into {other_team}",
            "A reorganisation was announced with two weeks of notice: the {team} team "
            "would be merged into {other_team}. Nobody knew what would happen to "
            "their projects, and rumours filled the gap.",
            "I held short one-on-ones with everyone in the first week, shared "
            "everything I knew and was explicit about what I did not. I pushed "
            "leadership for a written plan and passed it on the day I got it.",
            "We lost nobody in the reorganisation, which several people put down to "
            "being told the truth early. I learned that uncertainty is bearable; "
            "silence is not.",
        ),
        (
            "How I got {team} and {other_team} to agree without a mandate",
            "Holding the pen on the API decision for {system}",
            "The {team} and {other_team} teams both depended on {system}, and both "
            "wanted to change its API in incompatible ways. I was a senior engineer "
            "on one team, with no authority over either.",
            "I wrote a short document describing both teams' needs, three options "
            "and their trade-offs, and asked both leads to review it before any "
            "meeting. In the meeting I proposed a decision owner and a date.",
            "The teams agreed on a versioned API within two weeks. Holding the pen, "
            "it turned out, was most of the authority I needed.",
        ),
    ),
    moves=(
        "I delegated an outcome instead of a list of tasks",
        "I held one-on-ones with everyone in the first week",
        "I wrote the options down before the meeting",
        "I named a decision owner and a date",
    ),
)

_TOPICS: dict[str, _Topic] = {
    "stakeholder-communication": _STAKEHOLDERS,
    "prioritisation": _PRIORITISATION,
    "incident-response": _INCIDENTS,
    "code-review": _CODE_REVIEW,
    "career-growth": _CAREER,
    "giving-feedback": _FEEDBACK,
    "technical-writing": _WRITING,
    "system-design": _DESIGN,
    "estimation": _ESTIMATION,
    "onboarding": _ONBOARDING,
    "testing": _TESTING,
    "leadership": _LEADERSHIP,
}

# Competencies that sensibly appear as secondary tags next to a topic.
_RELATED: dict[str, str] = {
    "stakeholder-communication": "prioritisation estimation leadership",
    "prioritisation": "stakeholder-communication estimation leadership",
    "incident-response": "system-design technical-writing testing leadership",
    "code-review": "giving-feedback testing system-design onboarding",
    "career-growth": "leadership giving-feedback technical-writing",
    "giving-feedback": "leadership career-growth code-review",
    "technical-writing": "stakeholder-communication system-design onboarding",
    "system-design": "technical-writing code-review testing estimation",
    "estimation": "prioritisation stakeholder-communication system-design",
    "onboarding": "technical-writing leadership career-growth",
    "testing": "code-review incident-response system-design",
    "leadership": "giving-feedback career-growth prioritisation",
}

# --- Shared fragments --------------------------------------------------------

_LIST_LEADS = (
    "Here is the checklist I now use:",
    "What works for me, roughly in order:",
    "A few concrete steps:",
    "If you want something to try this week:",
    "The short version:",
)

_MENTOR_TIPS = (
    "If you are mentoring someone through this, resist the urge to hand them the "
    "answer. Ask what they would try first and let them explain their reasoning; "
    "the explaining is where most of the learning happens.",
    "A good exercise for a mentoring session: pick a recent example from {system} "
    "and walk through it together, asking at each step what else could have been "
    "done.",
    "This is much easier to practise when the stakes are low. Try it in {meeting} "
    "or on a small project first, before you need it in a crisis.",
    "Expect it to feel awkward at first. Most of the people I mentor say it becomes "
    "natural somewhere around the fifth attempt.",
    "If your team uses {docs}, it is worth adding a short template for this, so "
    "that nobody has to remember the steps under pressure.",
)

_CLOSINGS = (
    "None of this is complicated, but it is easy to skip when you are busy. That is "
    "exactly when it matters most.",
    "Try one of these on your next piece of work and see what changes. If you want "
    "to talk it through, the mentors on the {team} team are happy to help.",
    "The habit matters more than the technique. Keep at it for {duration} and it "
    "will stop feeling like extra work.",
    "I am still learning this myself. If you have an approach that works for your "
    "team, write it up and share it here.",
    "Start small, keep what works, and drop what does not. Nobody gets this right on "
    "the first attempt.",
    "The goal is not perfection. It is to make the next time a little easier than "
    "the last one.",
)

_BACKDROPS = (
    "For context, I had been at the company for about {duration} and was still "
    "figuring out how decisions really got made.",
    "This was a few years into my career, and I had never faced anything quite like "
    "it.",
    "I was the most senior person on the {team} team at the time, which mostly meant "
    "everyone looked at me when things went wrong.",
    "My mentor at the time was on the {other_team} team, and our fortnightly "
    "conversations ended up shaping most of what happened next.",
    "Looking back, the warning signs had been there for {duration}, but none of us "
    "had put them together.",
)

_MOVE_LEADS = (
    "The moves that mattered most:",
    "In short:",
    "Looking back, the important steps were:",
)

_REFLECTIONS = (
    "If I had to do it again, I would start {duration} earlier. Almost everything "
    "that went wrong came from waiting.",
    "What I would tell my younger self: asking for help early is a skill, not a "
    "weakness.",
    "I have since shared this story with {n} people I mentor, and most of them have "
    "a version of it.",
    "It did not all go smoothly, but the parts that worked have become habits for "
    "the whole {team} team.",
    "What surprised me most was how little of it was technical.",
)

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
    related = _RELATED[slug].split()
    extra = rng.sample(related, min(rng.choice((0, 1, 1, 2, 2, 3)), len(related)))
    return (slug, *extra)


def _lesson(rng: random.Random, slug: str, subs: dict[str, str]) -> DemoPost:
    topic = _TOPICS[slug]
    *titles, summary, lead = rng.choice(topic.lessons)
    others = [angle[-1] for angle in topic.lessons if angle[-1] != lead]
    others += topic.tips
    blocks = [_fill(p, subs) for p in [lead, *rng.sample(others, rng.randint(1, 2))]]
    if rng.random() < 0.65:
        block = _list_block(rng, _LIST_LEADS, topic.steps, subs)
        blocks.insert(rng.randint(1, len(blocks)), block)
    blocks += _maybe(rng, 0.4, _MENTOR_TIPS, subs)
    blocks.append(_fill(rng.choice(_CLOSINGS), subs))
    return DemoPost(
        kind="lesson",
        title=_fill(rng.choice(titles), subs),
        tags=_tags(rng, slug),
        summary=_fill(summary, subs),
        body="\n\n".join(blocks),
    )


def _story(rng: random.Random, slug: str, subs: dict[str, str]) -> DemoPost:
    topic = _TOPICS[slug]
    *titles, context, actions, outcome = rng.choice(topic.stories)
    action_blocks = [_fill(actions, subs)]
    if rng.random() < 0.5:
        action_blocks.append(_list_block(rng, _MOVE_LEADS, topic.moves, subs))
    return DemoPost(
        kind="story",
        title=_fill(rng.choice(titles), subs),
        tags=_tags(rng, slug),
        context="\n\n".join(
            [_fill(context, subs), *_maybe(rng, 0.4, _BACKDROPS, subs)]
        ),
        actions="\n\n".join(action_blocks),
        outcome="\n\n".join(
            [_fill(outcome, subs), *_maybe(rng, 0.5, _REFLECTIONS, subs)]
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

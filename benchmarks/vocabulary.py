"""Words for synthetic posts: a Zipf-distributed vocabulary, so search is realistic.

Real words about mentorship and software make the frequent head; made-up
words from syllables make the long tail of rare terms a real library has.
"""

import random
from itertools import accumulate, product


def _words(text: str) -> list[str]:
    return text.split()


STOP = _words("the a to of and in is it for with we on that this was as be our by at")

COMMON = _words("""
team code review mentor mentee feedback project design test deploy release
meeting goal plan question answer problem solution learn teach pair debug
service database query index cache latency incident outage monitor alert
estimate deadline scope priority customer user product feature bug fix
refactor module function interface contract boundary event stream queue
worker thread lock transaction migration schema backup restore security
access token password audit log metric dashboard trace profile memory disk
network request response timeout retry failure recovery rollback canary
career growth promotion interview hiring onboarding handover documentation
writing reading listening trust conflict habit focus energy burnout balance
remote office schedule calendar weekly daily standup retrospective roadmap
strategy vision decision tradeoff risk assumption experiment hypothesis
data model analysis report chart spreadsheet python javascript rust golang
kubernetes docker terraform ansible linux shell script automation pipeline
build compile package dependency version upgrade library framework tooling
editor keyboard shortcut terminal commit branch merge rebase conflict tag
story lesson mistake success surprise patience courage curiosity kindness
delegation ownership accountability recognition appreciation promotion
negotiation presentation slide demo workshop conference talk blog podcast
estimate sprint backlog ticket kanban board epic milestone launch beta
accessibility performance reliability scalability usability privacy
""")

NAMES = _words("""
ada grace alan linus guido barbara margaret katherine dennis ken bjarne
frances radia edsger donald john hedy annie mary sophie tim vint joan
""")

SURNAMES = _words("""
lovelace hopper turing torvalds rossum liskov hamilton johnson ritchie
thompson allen perlman dijkstra knuth backus lamarr easley berners cerf
""")

TEAMS = _words("platform payments search mobile data security growth support")

_SYLLABLES = _words("ka lo mi ren tas vel dor quin sha pex bru nol tav yor zem")


def _made_up(count: int, rng: random.Random) -> list[str]:
    words = ["".join(p) for n in (2, 3) for p in product(_SYLLABLES, repeat=n)]
    rng.shuffle(words)
    return words[:count]


class Text:
    """Sentences, titles and tags drawn from a Zipf law over the vocabulary."""

    def __init__(self, rng: random.Random, rare: int = 3000) -> None:
        self.rng = rng
        self.words = list(dict.fromkeys(COMMON)) + _made_up(rare, rng)
        self._cum = list(accumulate(1 / (r + 3) for r in range(len(self.words))))
        self.tags = list(dict.fromkeys(COMMON[:120:2]))

    def pick(self, k: int) -> list[str]:
        return self.rng.choices(self.words, cum_weights=self._cum, k=k)

    def sentence_words(self) -> list[str]:
        words = self.pick(self.rng.randint(6, 12))
        for _ in range(self.rng.randint(2, 5)):
            words.insert(self.rng.randrange(len(words) + 1), self.rng.choice(STOP))
        return words

    def paragraph(self, sentences: tuple[int, int]) -> str:
        out = []
        for _ in range(self.rng.randint(*sentences)):
            words = self.sentence_words()
            if self.rng.random() < 0.15:
                i = self.rng.randrange(len(words))
                words[i] = self.rng.choice(
                    ("**{}**", "`{}`", "[{}](https://x.test)")
                ).format(words[i])
            out.append(" ".join(words).capitalize() + ".")
        return " ".join(out)

    def title(self) -> str:
        return " ".join(self.pick(self.rng.randint(3, 7))).capitalize()

    def tag_list(self) -> list[str]:
        count = self.rng.choices((0, 1, 2, 3, 4), (5, 30, 35, 20, 10))[0]
        ranks = range(len(self.tags))
        weights = [1 / (r + 2) for r in ranks]
        return list(dict.fromkeys(self.rng.choices(self.tags, weights, k=count)))

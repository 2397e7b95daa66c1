"""How alike two claims are: one score in [0, 1] and the one threshold that decides a match. Pure.

The score is lexical similarity scaled down by three agreement rules, because
fact-checking turns on details that word overlap misses:

- **lexical**: the better of word trigram similarity (what PostgreSQL's
  ``pg_trgm`` computes, so the database's candidate search and this score
  agree) and a stemmed content-word overlap that favours containment (a
  fact-checker's ``claimReviewed`` is usually a shorter wording of the
  article's sentence);
- **numbers** must agree: when both claims carry numbers, every number of the
  one with fewer must appear in the other, allowing only rounding (57.4 % is
  "57 %", never "47 %"); a number on one side only costs a little;
- **people and names** must agree: two known claimants who share no name are
  different claims; a name on each side that the other lacks, standing in the
  same place (next to the same word), costs half the score (Biden's tax cut
  is not Obama's), while names one wording merely adds for context cost
  nothing;
- **polarity**: a negation or an antonym ("rose"/"fell", "highest"/"lowest")
  on one side only is the opposite claim, not the same one.

``MATCH_THRESHOLD`` was chosen on the principle that one rule violation, or
lexical overlap under about half, must fall below it; see
``bench/bench_matching.py`` for what it yields.
"""

import functools
import math
import re
import unicodedata
from dataclasses import dataclass

from claims.extraction.names import TITLES

MATCH_THRESHOLD = 0.5

WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*", re.UNICODE)
NUMBER = re.compile(
    r"(?<![\w.])(?P<number>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    r"(?:\s?(?P<percent>%|percent\b|per cent\b|percentage points?\b))?"
    r"(?:\s?-?(?P<scale>thousand|million|billion|trillion|bn)\b)?",
    re.IGNORECASE,
)
SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "bn": 1e9, "trillion": 1e12}
NUMBER_WORDS = {
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "fifty": 50,
    "hundred": 100,
    "dozen": 12,
    "half": 50,  # "half of" reads as 50 %
}
STOPWORDS = frozenset(
    """a an the and or but if of to in on at by for from with as into than then that this these those there
    it its it's is are was were be been being am has have had having do does did will would shall should can
    could may might must he she they we you i him her them us his hers their our your my me who whom whose which
    what when where why how all any both each few more most other some such only own same so too very just
    about above after again against below between during before under over up down out off once here also
    said says say saying according told tells claim claims claimed claiming stated states statement
    el la los las de del y en que un una por con para es se al lo le les des et du une est dans pour sur
    der die das und den dem ist von mit zu ein eine nicht im""".split()
)
NEGATIONS = frozenset(
    "not no never none nobody nothing neither nor cannot can't won't isn't aren't wasn't weren't "
    "doesn't don't didn't hasn't haven't hadn't shouldn't wouldn't couldn't without".split()
)
# Opposites a fact check turns on. Each word's stem is mapped to a pole: same pole agrees, different poles clash.
POLES = {
    "up": (
        "rise rose risen rising increase increased increases increasing grew grow grown growing gain gained "
        "more higher highest raise raised soared doubled tripled boost boosted"
    ),
    "down": (
        "fall fell fallen falling decrease decreased decreases decreasing drop dropped dropping decline declined "
        "declining shrank shrink less fewer lower lowest cut cuts reduced reduce plunged halved slashed"
    ),
    "win": "won win wins winning victory",
    "lose": "lost lose loses losing defeat defeated",
    "support": "supports supported support supporting favor favors favoured backed backs endorse endorsed",
    "oppose": "opposes opposed oppose opposing against rejected rejects vetoed",
    "legal": "legal lawful allowed permitted",
    "illegal": "illegal unlawful banned forbidden prohibited",
    "true": "true real genuine authentic",
    "false": "false fake fabricated hoax doctored",
}
OPPOSITE = {
    "up": "down",
    "down": "up",
    "win": "lose",
    "lose": "win",
    "support": "oppose",
    "oppose": "support",
    "legal": "illegal",
    "illegal": "legal",
    "true": "false",
    "false": "true",
}
POLE_OF = {word: pole for pole, words in POLES.items() for word in words.split()}
# Claimants that are not one person: never a reason to tell two claims apart.
NOT_A_PERSON = frozenset(
    "posts post users user bloggers blog viral image images video videos social media facebook "
    "twitter instagram tiktok whatsapp youtube meme memes website websites multiple sources "
    "various people chain message email emails".split()
)
SUFFIXES = (
    "ations",
    "ation",
    "ments",
    "ment",
    "ness",
    "ings",
    "ing",
    "ies",
    "ied",
    "ers",
    "er",
    "est",
    "ed",
    "es",
    "ly",
    "s",
)
NOT_NAMES = STOPWORDS | frozenset(NUMBER_WORDS) | TITLES
STEM_LENGTH = 6
NUMBER_PENALTY = 0.85
ENTITY_PENALTY = 0.5
POLARITY_PENALTY = 0.3


@dataclass(frozen=True)
class ClaimFeatures:
    """What the score compares, computed once per claim text."""

    stems: frozenset
    trigrams: frozenset
    numbers: tuple
    names: dict
    lowercase_words: frozenset
    speaker: frozenset
    negated: bool
    poles: frozenset


@dataclass(frozen=True)
class MatchScore:
    score: float
    lexical: float
    reasons: tuple = ()

    @property
    def is_match(self):
        return self.score >= MATCH_THRESHOLD


def features(text, speaker=""):
    """``ClaimFeatures`` of a claim's ``text`` and, if known, who said it."""
    text = unicodedata.normalize("NFKC", text or "")
    words = WORD.findall(text)
    lowered = [word.lower().replace("’", "'") for word in words]
    content = [word for word in lowered if word not in STOPWORDS and not word.isdigit()]
    return ClaimFeatures(
        stems=frozenset(stem(word) for word in content),
        trigrams=trigrams(text),
        numbers=tuple(numbers_in(text)),
        names=_names(text),
        lowercase_words=frozenset(word.lower() for word in words if word[:1].islower()),
        speaker=_speaker_tokens(speaker),
        negated=any(word in NEGATIONS or word.endswith("n't") for word in lowered),
        poles=frozenset(POLE_OF[word] for word in lowered if word in POLE_OF),
    )


def score(a, b):
    """``MatchScore`` of two ``ClaimFeatures``; symmetric."""
    lexical = lexical_similarity(a, b)
    value, reasons = lexical, []
    agreement = numbers_agree(a.numbers, b.numbers)
    if agreement is False:
        return MatchScore(0.0, lexical, ("numbers differ",))
    if agreement is None:
        value *= NUMBER_PENALTY
        reasons.append("number on one side only")
    if _different_speakers(a, b):
        return MatchScore(0.0, lexical, ("different claimants",))
    if _different_names(a, b):
        value *= ENTITY_PENALTY
        reasons.append("different names")
    if _opposite(a, b):
        value *= POLARITY_PENALTY
        reasons.append("opposite claim")
    return MatchScore(round(min(1.0, value), 4), round(lexical, 4), tuple(reasons))


def score_texts(text_a, text_b, speaker_a="", speaker_b=""):
    return score(features(text_a, speaker_a), features(text_b, speaker_b))


def lexical_similarity(a, b):
    """The better of trigram similarity and stemmed-word overlap (mean of containment and Dice)."""
    trigram = _jaccard(a.trigrams, b.trigrams)
    if not a.stems or not b.stems:
        return trigram
    shared = len(a.stems & b.stems)
    smaller = min(len(a.stems), len(b.stems))
    containment = shared / smaller
    # Containment of a very short claim says little: "Taxes rose" is in many sentences.
    containment *= min(1.0, smaller / 4)
    dice = 2 * shared / (len(a.stems) + len(b.stems))
    return max(trigram, (containment + dice) / 2)


@functools.lru_cache(maxsize=65536)
def stem(word):
    """A crude, language-light stem: common English suffixes off, then the first letters.

    Remembered per word: scoring a batch stems the same words and names for every pair of claims it compares."""
    for suffix in SUFFIXES:
        if len(word) - len(suffix) >= 4 and word.endswith(suffix):
            word = word[: -len(suffix)]
            break
    return word[:STEM_LENGTH]


def trigrams(text):
    """Word trigrams as ``pg_trgm`` makes them: lower-cased alphanumeric words padded "  w "."""
    grams = set()
    for word in WORD.findall(text.lower()):
        padded = f"  {word} "
        grams.update(padded[i : i + 3] for i in range(len(padded) - 2))
    return frozenset(grams)


def numbers_in(text):
    """Values of the numbers in ``text``, scaled ("3 million" is 3e6) and tagged as percentages or not."""
    found = []
    for match in NUMBER.finditer(text):
        value = float(match.group("number").replace(",", ""))
        if match.group("scale"):
            value *= SCALES[match.group("scale").lower()]
        decimals = len(match.group("number").split(".")[1]) if "." in match.group("number") else 0
        found.append((value, decimals))
    for word in WORD.findall(text.lower()):
        if word in NUMBER_WORDS:
            found.append((float(NUMBER_WORDS[word]), 0))
    return found


def numbers_agree(a, b):
    """True when the numbers agree, False when they clash, None when only one side has any."""
    if not a and not b:
        return True
    if not a or not b:
        return None
    fewer, more = (a, b) if len(a) <= len(b) else (b, a)
    return all(any(_same_number(x, y) for y in more) for x in fewer)


def _same_number(x, y):
    (a, a_decimals), (b, b_decimals) = x, y
    if a == b:
        return True
    # Rounding: the more precise value rounds to the less precise one (57.4 → 57, 2.46 → 2.5).
    places = min(a_decimals, b_decimals)
    if round(a, places) == round(b, places) and abs(a - b) < 10 ** (-places):
        return True
    # Large figures written loosely: 3.1 million vs 3,100,000 is caught above; 1 % relative covers 3,112,000.
    # Years and small counts are never "close enough": 1989 is not 1991.
    return max(abs(a), abs(b)) >= 10_000 and math.isclose(a, b, rel_tol=0.01)


def _names(text):
    """``{name: (run, context stems)}`` for capitalised words: names, places, organisations.

    A sentence's first word counts too (the comparison drops it when the other
    side writes it in lower case); titles ("President") and single letters
    ("U.S.") do not. ``run`` is the whole capitalised run the word stands in
    ("donald trump"), and the context is the nearest content word before and
    after the run, so "Biden cut taxes" and "Obama cut taxes" are seen naming
    different people in the same place.
    """
    names = {}
    for sentence in re.split(r"(?<=[.!?])\s+|[“”\"]", text):
        found = list(WORD.finditer(sentence))
        tokens = [match.group() for match in found]
        # A run of names stops at punctuation: "In Washington, Hillary won" names two things.
        joined = [
            index > 0 and not sentence[found[index - 1].end() : match.start()].strip()
            for index, match in enumerate(found)
        ]
        lowered = [token.lower() for token in tokens]
        is_name = [
            token[:1].isupper() and len(token) > 1 and low not in NOT_NAMES
            for token, low in zip(tokens, lowered, strict=True)
        ]
        content = [not name and low not in STOPWORDS for name, low in zip(is_name, lowered, strict=True)]
        index = 0
        while index < len(tokens):
            if not is_name[index]:
                index += 1
                continue
            end = index
            while end + 1 < len(tokens) and is_name[end + 1] and joined[end + 1]:
                end += 1
            run = frozenset(lowered[index : end + 1])
            before = next((j for j in range(index - 1, -1, -1) if content[j]), None)
            after = next((j for j in range(end + 1, len(tokens)) if content[j]), None)
            context = frozenset(stem(lowered[j]) for j in (before, after) if j is not None)
            for name in run:
                old_run, old_context = names.get(name, (frozenset(), frozenset()))
                names[name] = (old_run | run, old_context | context)
            index = end + 1
    return names


def _speaker_tokens(speaker):
    words = {word.lower() for word in WORD.findall(speaker or "")}
    if not words or words & NOT_A_PERSON:
        return frozenset()
    return frozenset(word for word in words if len(word) > 1 and word not in STOPWORDS)


def _different_speakers(a, b):
    return bool(a.speaker and b.speaker and not (a.speaker & b.speaker))


def _different_names(a, b):
    """Each side has a name the other lacks, standing in the same place (sharing a neighbouring word)."""
    a_only = _unshared_names(a, b)
    b_only = _unshared_names(b, a)
    return any(a.names[x][1] & b.names[y][1] for x in a_only for y in b_only)


def _unshared_names(a, b):
    """Names of ``a`` that ``b`` lacks; a run sharing one word ("President Trump", "Donald Trump") is shared."""
    others = [*b.names, *b.speaker]
    shared = {name for name in a.names if name in b.lowercase_words or any(_same_name(name, other) for other in others)}
    return [name for name in a.names if name not in shared and not (a.names[name][0] & shared)]


def _same_name(x, y):
    """The same name, allowing endings: "Delhi" and "Delhiites", "Democrats" and "Democratic"."""
    if x == y:
        return True
    return min(len(x), len(y)) >= 4 and (x.startswith(y) or y.startswith(x) or stem(x) == stem(y))


def _opposite(a, b):
    if a.negated != b.negated:
        return True
    only_a, only_b = a.poles - b.poles, b.poles - a.poles
    return any(OPPOSITE[pole] in only_b for pole in only_a)


def _jaccard(a, b):
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)

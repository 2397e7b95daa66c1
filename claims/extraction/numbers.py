"""Quantities in a sentence: value, unit, qualifier ("nearly") and where they stand.

Years, ordinals ("35th"), ages in "when she was 5" and digits glued to words
("Covid-19") are not quantities a fact-checker checks as statistics, so they
are left out; dates are reported separately by ``has_date``.
"""

import re
from dataclasses import dataclass

QUALIFIERS = (
    "more than",
    "less than",
    "fewer than",
    "greater than",
    "at least",
    "at most",
    "up to",
    "just over",
    "just under",
    "close to",
    "as many as",
    "as much as",
    "an estimated",
    "nearly",
    "almost",
    "about",
    "around",
    "approximately",
    "roughly",
    "over",
    "under",
    "some",
    "only",
    "just",
    "above",
    "below",
    "exactly",
    "precisely",
)
QUALIFIER = re.compile(
    r"(?:^|\s)(" + "|".join(re.escape(q) for q in sorted(QUALIFIERS, key=len, reverse=True)) + r")\s*$", re.I
)
SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "k": 1e3, "m": 1e6, "bn": 1e9, "b": 1e9}
CURRENCIES = {"$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR"}
CURRENCY_WORDS = {"dollars": "USD", "euros": "EUR", "pounds": "GBP", "pesos": "MXN", "rupees": "INR", "yen": "JPY"}
NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
QUANTITY = re.compile(
    rf"(?P<currency>[$€£¥₹])?\s?(?P<number>{NUMBER})(?![\w/])"
    r"(?:\s?(?P<percent>%|percent\b|per cent\b|percentage points?\b))?"
    r"(?:\s?-?(?P<scale>thousand|million|billion|trillion|bn|k|m)\b)?"
    r"(?:[\s-](?P<noun>[a-zA-Z][a-zA-Z-]*))?"
)
DIGIT = re.compile(r"\d")
YEAR = re.compile(r"\b(?:1[89]\d\d|20\d\d)s?\b")
DATE_WORDS = re.compile(
    r"\b(?:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan\.|Feb\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|"
    r"yesterday|last (?:year|month|week)|this year|next year)(?!\w)"  # not \b: "Nov." ends in a dot
)
NOT_UNITS = {
    "and",
    "or",
    "of",
    "to",
    "the",
    "a",
    "in",
    "on",
    "at",
    "for",
    "with",
    "by",
    "as",
    "when",
    "from",
    "than",
    "is",
    "was",
}
TIME_UNITS = {
    "year",
    "years",
    "month",
    "months",
    "week",
    "weeks",
    "day",
    "days",
    "hour",
    "hours",
    "minute",
    "minutes",
    "decades",
    "decade",
}
VOTE_CONTEXT = re.compile(
    r"\b(?:of the (?:vote|votes|ballots|popular vote)|of votes|vote share|of the electorate)\b", re.I
)


MONTH_BEFORE = re.compile(DATE_WORDS.pattern + r"\s*$")
COUNT_IN_BRACKETS = re.compile(r"[A-Za-z)]?\s?\(\d{1,5}\)")
OF_TOTAL = re.compile(r"\s+of\s+(?:the\s+)?\d")
TOTAL_AFTER_OF = re.compile(r"\d\s+of\s+(?:the\s+)?$")
HEAD_WORDS = re.compile(r"[a-z][a-z-]*")
# Nouns that count people: the unit is "people", as a reader would say "seven people".
PEOPLE_NOUNS = frozenset(
    "people persons residents voters electors members legislators lawmakers delegates candidates workers "
    "employees miners students children adults women men officials senators representatives organizers "
    "organisers volunteers progressives democrats republicans supporters protesters patients immigrants "
    "migrants refugees citizens americans soldiers troops officers teachers nurses doctors endorsers".split()
)
# Words between a number and the noun it counts: "32 more gigawatts", "304 electoral votes", "six state legislators".
MODIFIERS = frozenset("more additional new other electoral state extra fewer less total former current".split())
SPELLED_NUMBERS = {
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
    "fifteen": 15,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "hundred": 100,
}
SPELLED_GATE = re.compile(r"\b(?:" + "|".join(SPELLED_NUMBERS) + r"|half|third|thirds|quarter|quarters)\b")
SPELLED_COUNT = re.compile(
    r"\b(?P<number>" + "|".join(SPELLED_NUMBERS) + r")\s+(?:of\s+the\s+)?(?:(?:" + "|".join(MODIFIERS) + r")\s+)?"
    r"(?P<noun>[a-z]+)\b"
)
FRACTIONS = {
    "half": 50.0,
    "a third": 100 / 3,
    "one-third": 100 / 3,
    "two-thirds": 200 / 3,
    "a quarter": 25.0,
    "one-quarter": 25.0,
    "three-quarters": 75.0,
}
FRACTION = re.compile(r"\b(?P<fraction>" + "|".join(re.escape(f) for f in FRACTIONS) + r")\s+(?:of|the)\b")


@dataclass(frozen=True)
class Quantity:
    value: float
    unit: str
    qualifier: str
    start: int
    end: int
    text: str


def find_quantities(text):
    """The checkable quantities in ``text``, with offsets relative to it."""
    quantities = []
    if not DIGIT.search(text):
        return quantities
    for match in QUANTITY.finditer(text):
        start = match.start("number") if not match.group("currency") else match.start()
        if start > 0 and (text[start - 1].isalpha() or text[start - 1] in "-/#"):
            continue  # "Covid-19", "G7", "#2"
        number = match.group("number")
        value = float(number.replace(",", ""))
        percent, scale, currency, noun = (
            match.group("percent"),
            match.group("scale"),
            match.group("currency"),
            match.group("noun"),
        )
        if re.match(r"(?:st|nd|rd|th)\b", text[match.end("number") :]) or MONTH_BEFORE.search(
            text[max(0, start - 12) : start]
        ):
            continue  # "35th", "March 3" (but not "from 54% in November to 35%")
        if scale:
            value *= SCALES[scale.lower()]
        if percent:
            unit = "percentage points" if "point" in percent else "percent"
        elif currency:
            unit = CURRENCIES[currency]
        elif noun and noun.lower() in CURRENCY_WORDS:
            unit = CURRENCY_WORDS[noun.lower()]
        elif YEAR.fullmatch(number) and not scale:
            continue
        elif noun and noun.lower() in TIME_UNITS:
            unit = "duration:" + noun.lower()
        elif noun and noun.lower() not in NOT_UNITS and not noun[0].isupper():
            unit = _counted(noun.lower(), text[match.end("noun") :])
        elif scale:
            unit = "count"
        elif COUNT_IN_BRACKETS.match(text, max(0, start - 2)) and text[start - 1 : start] == "(":
            unit = "count"  # "Amy Klobuchar (17) and Elizabeth Warren (12) lead": a tally
        elif OF_TOTAL.match(text, match.end("number")) or TOTAL_AFTER_OF.search(text, max(0, start - 12), start):
            unit = "count"  # "20 of 34", "11 of the 12 cities"
        else:
            continue  # a bare number: an age, a list position, a time
        end = (
            match.end("noun")
            if noun and unit.endswith(noun.lower())
            else match.end("scale")
            if scale
            else match.end("percent")
            if percent
            else match.end("number")
        )
        qualifier = QUALIFIER.search(text[max(0, start - 30) : start])
        quantities.append(
            Quantity(value, unit, qualifier.group(1).lower() if qualifier else "", start, end, text[start:end])
        )
    return quantities


def _counted(noun, after):
    """The unit a count is in: "people" for people, "votes" for votes, else the noun ("304 electoral votes" → votes)."""
    words = [noun, *HEAD_WORDS.findall(after[:40])[:2]]
    for word in words:
        if word in PEOPLE_NOUNS:
            return "people"
        if word in {"vote", "votes", "ballots"}:
            return "votes"
    if noun in MODIFIERS and len(words) > 1:
        return words[1]
    return noun


def find_spelled_quantities(text):
    """Counts and fractions written in words: "seven electors", "eight years", "nearly half of", "two-thirds of"."""
    quantities = []
    lowered = text.lower()
    if not SPELLED_GATE.search(lowered):
        return quantities
    for match in SPELLED_COUNT.finditer(lowered):
        value = SPELLED_NUMBERS[match.group("number")]
        noun = match.group("noun")
        unit = "duration:" + noun if noun in TIME_UNITS else _counted(noun, lowered[match.end() :])
        if unit not in {"people", "votes"} and not unit.startswith("duration:"):
            continue  # "two things", "three ways": counts nobody checks
        qualifier = QUALIFIER.search(text[max(0, match.start() - 30) : match.start()])
        quantities.append(
            Quantity(
                value,
                unit,
                qualifier.group(1).lower() if qualifier else "",
                match.start(),
                match.end(),
                text[match.start() : match.end()],
            )
        )
    for match in FRACTION.finditer(lowered):
        qualifier = QUALIFIER.search(text[max(0, match.start() - 30) : match.start()])
        quantities.append(
            Quantity(
                FRACTIONS[match.group("fraction")],
                "percent",
                qualifier.group(1).lower() if qualifier else "",
                match.start(),
                match.end("fraction"),
                text[match.start() : match.end("fraction")],
            )
        )
    return quantities


def is_statistic(quantity):
    """A quantity worth checking as a statistic: not a duration such as "18 months ago"."""
    return not quantity.unit.startswith("duration:")


def has_date(text):
    return bool(YEAR.search(text) or DATE_WORDS.search(text))


def is_vote_share(text, quantity, race_context=False):
    """A percentage of a vote: "won with 57.4% of the vote", "got 42.6%" beside vote words.

    ``race_context`` says the previous sentence reported vote shares, so
    "Becker received 35.5% and Ortega 23.3%" continues the same race.
    """
    if quantity.unit != "percent":
        return False
    after = text[quantity.end : quantity.end + 40]
    if VOTE_CONTEXT.match(after.strip()) or VOTE_CONTEXT.search(after):
        return True
    before = text[max(0, quantity.start - 40) : quantity.start]
    received = re.search(
        r"\b(?:won|win|wins|got|received|garnered|took|captured|secured|and)\b(?:\s+\w+){0,2}\s*$", before
    )
    return bool(received) and (
        race_context or bool(re.search(r"\b(?:vote|votes|ballots|election|primary|race)\b", text, re.I))
    )

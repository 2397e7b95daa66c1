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
        if re.match(r"(?:st|nd|rd|th)\b", text[match.end("number") :]) or DATE_WORDS.search(
            text[max(0, start - 12) : start]
        ):
            continue  # "35th", "March 3"
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
            unit = noun.lower()
        elif scale:
            unit = "count"
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

"""A sentence → the claim statement a fact-checker rates, when rules can find it.

News sentences carry their context: "While the tweet shown above claimed that
Yovanovitch has a net worth of $17 million, other social media users have
offered differing estimates of her net worth:" rates as "Marie Yovanovitch
has a net worth of $17 million". ``claim_statement`` strips the reporting
frame (the lead-in clause, "according to …", "X claimed that …", "the claim
that … is false"), discourse openers ("However,", "In sum,") and
parentheticals, and writes a surname in full when the article named the
person in full. It returns "" when it cannot improve on the sentence or the
result would not fit a headline, so reviewers write the statement themselves.
"""

import re
from collections.abc import Callable

# Fact-checkers headline a claim in one short line (ClaimReview's claimReviewed, the claim page's <h1>).
STATEMENT_MAX_LENGTH = 140
MIN_STATEMENT_WORDS = 3

REPORTING_VERB = (
    r"(?:claimed|claims|claim|said|says|say|stated|states|alleged|alleges|asserted|asserts|suggested|suggests|"
    r"wrote|writes|tweeted|tweets|posted|posts|argued|argues|insisted|insists|maintained|maintains|"
    r"declared|declares|told\s+\w+|falsely\s+claimed|repeated\s+the\s+claim)"
)
# "While the tweet shown above claimed that X, Y" → X.
CONCESSIVE_FRAME = re.compile(
    rf"^(?:while|although|though|whereas|even\s+though)\s+[^,]{{1,100}}?\s+{REPORTING_VERB}\s+(?:that\s+)?"
    r"(?P<clause>[^,;:]+?),\s",
    re.I,
)
# "According to X, Y" → Y.
ACCORDING_TO = re.compile(r"^according\s+to\s+[^,]{1,100},\s+(?P<clause>.+)$", re.I)
# "the claim that X is unsubstantiated", "their claim that X" → X.
CLAIM_THAT = re.compile(r"\b(?:claims?|rumou?rs?|assertions?|allegations?)\s+that\s+(?P<clause>.+)$", re.I)
VERDICT_TAIL = re.compile(
    r"\s+(?:is|was|are|were)\s+(?:\w+ly\s+)?(?:false|untrue|unsubstantiated|baseless|unfounded|wrong|misleading|"
    r"inaccurate|incorrect|true|correct|accurate|exaggerated|not\s+true)\b.*$",
    re.I,
)
# "X claimed that Y" with a short subject → Y.
SUBJECT_CLAIMED_THAT = re.compile(rf"^[^,]{{1,80}}?\s+{REPORTING_VERB}\s+that\s+(?P<clause>.+)$", re.I)
# "“X,” Y said." and "Y said: “X”" → X.
QUOTE_THEN_ATTRIBUTION = re.compile(
    rf"^[“\"](?P<clause>[^“”\"]+?)[,.]?[”\"],?\s+[^“”\"]{{1,80}}?\s+{REPORTING_VERB}\.?$", re.I
)
ATTRIBUTION_THEN_QUOTE = re.compile(
    rf"^[^“”\"]{{1,80}}?\s+{REPORTING_VERB}[:,]\s+[“\"](?P<clause>[^“”\"]+?)[”\"]\.?$", re.I
)
DISCOURSE_OPENER = re.compile(
    r"^(?:however|in\s+sum|in\s+short|in\s+fact|furthermore|moreover|in\s+other\s+words|instead|still|"
    r"meanwhile|indeed|also|but|and|so|yet|now|first|second|finally|notably|ultimately),?\s+",
    re.I,
)
PARENTHETICAL = re.compile(r"\s*\([^()]{0,120}\)")
CAPITALISED_WORD = re.compile(r"(?<![\w’'.-])([A-Z][a-z][\w-]+)(?=(?:’s|'s)?\b)")


def claim_statement(sentence: str, *, full_name: Callable[[str], str] | None = None) -> str:
    """The self-contained statement in ``sentence``, or "" when rules cannot improve on the sentence.

    ``full_name`` maps a surname to the full name the article gave
    ("Yovanovitch" → "Marie Yovanovitch"); extraction passes its name
    registry. The result has no trailing punctuation and is at most
    ``STATEMENT_MAX_LENGTH`` characters.
    """
    original = " ".join(sentence.split())
    statement = _strip_frame(original)
    statement = PARENTHETICAL.sub("", statement)
    statement = _strip_openers(statement)
    if full_name is not None:
        statement = _full_names(statement, full_name)
    statement = statement.strip().rstrip(" ,;:.…").strip()
    statement = statement[:1].upper() + statement[1:]
    if len(statement.split()) < MIN_STATEMENT_WORDS or len(statement) > STATEMENT_MAX_LENGTH:
        return ""
    if statement.casefold() == original.rstrip(" ,;:.…").casefold():
        return ""
    return statement


def _strip_frame(text):
    text = _strip_openers(text)
    match = QUOTE_THEN_ATTRIBUTION.match(text) or ATTRIBUTION_THEN_QUOTE.match(text)
    if match:
        return match.group("clause")
    match = CONCESSIVE_FRAME.match(text)
    if match:
        return match.group("clause")
    match = ACCORDING_TO.match(text)
    if match:
        return match.group("clause")
    match = CLAIM_THAT.search(text)
    if match:
        return VERDICT_TAIL.sub("", match.group("clause"))
    match = SUBJECT_CLAIMED_THAT.match(text)
    if match and len(match.group("clause").split()) >= MIN_STATEMENT_WORDS:
        return match.group("clause")
    return text


def _strip_openers(text):
    previous = None
    while previous != text:
        previous = text
        text = DISCOURSE_OPENER.sub("", text, count=1)
    return text


def _first_and_last(name):
    """A registry name trimmed to first name and surname: extraction sometimes keeps a word from before the
    name ("the Ukraine Marie Yovanovitch"), and a headline is better with less than with a wrong word."""
    tokens = (name or "").split()
    if len(tokens) >= 3 and not re.fullmatch(r"[A-Z]\.", tokens[-2]):
        tokens = tokens[-2:]
    return " ".join(tokens)


def _full_names(text, full_name):
    """Write each surname in full at its first mention, unless the full name is already there."""
    done = set()

    def expand(match):
        word = match.group(1)
        if word in done:
            return word
        done.add(word)
        full = _first_and_last(full_name(word))
        if not full or full == word or full in text or not full.endswith(word):
            return word
        return full

    return CAPITALISED_WORD.sub(expand, text)

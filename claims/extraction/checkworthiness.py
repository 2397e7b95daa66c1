"""How worth checking a sentence is, 0–1, with the features that made the score.

In the spirit of ClaimBuster's three classes (check-worthy factual, unimportant
factual, non-factual): concrete, verifiable content raises the score
(quantities, dates, named actors, past events, superlatives, accusations,
statements about laws, a cited source); opinion, prediction, hedging,
normative language, personal remarks and procedural lines lower it. The
weights are additive and kept in the result, so a reviewer can see why a
sentence is in the queue. Features are computed on the *content* of what is
said, not on the attribution around it: "said Eduardo Gamarra, a professor at
Florida International University" names people, but the claim is the quote.
"""

import re

THRESHOLD = 0.5
BASE = 0.3

WEIGHTS = {
    "quantity": 0.35,
    "date": 0.1,
    "named_entity": 0.1,
    "named_entities": 0.15,
    "event": 0.15,
    "superlative": 0.2,
    "accusation": 0.25,
    "legal": 0.2,
    "specific_state": 0.15,
    "cites_source": 0.1,
    "attributed": 0.05,
    "opinion": -0.3,
    "hedge": -0.25,
    "prediction": -0.3,
    "normative": -0.3,
    "procedural": -0.6,
    "personal": -0.2,
    "characterisation": -0.15,
    "question": -0.4,
    "short": -0.2,
    "framing": -0.3,
    "evidence": 0.2,
}


class Phrases:
    """Multi-word cues, looked up only when the sentence contains their first word."""

    def __init__(self, *phrases):
        self.by_first_word = {}
        for phrase in phrases:
            self.by_first_word.setdefault(phrase.split()[0], []).append(phrase)
        self.first_words = frozenset(self.by_first_word)

    def found(self, words, padded):
        return any(phrase in padded for word in self.first_words & words for phrase in self.by_first_word[word])


IRREGULAR_PAST = frozenset(
    "won lost met went came began took gave got made sent spent paid told left held ran rose fell grew led brought "
    "bought built cut hit put set sold struck stood wrote became found kept saw chose drove flew fought forgot froze "
    "hid knew lay meant quit rode sank shot shut slid spoke spread stole swore threw understood withdrew broke beat "
    "bore dealt drew fed felt fled forbade overturned".split()
)
NOT_PAST = frozenset(
    "need indeed red bed seed speed feed proceed exceed succeed hundred embed shed wed weed breed bleed creed greed "
    "reed united based related".split()
)
PERFECT_AUXILIARIES = frozenset({"has", "have", "had"})
PARTICIPLE_ENDINGS = ("ed", "en", "wn", "ne", "un", "ught", "lt", "nt")
# "most"/"least" only as "the most …": "most Americans" is a quantifier, not a superlative.
SUPERLATIVE_WORDS = frozenset(
    "biggest largest highest lowest smallest best worst fewest record record-breaking unprecedented "
    "longest shortest oldest youngest fastest slowest deadliest richest poorest greatest strongest weakest".split()
)
SUPERLATIVE_PHRASES = Phrases(
    " the most ",
    " the least ",
    " only one ",
    " only person ",
    " only country ",
    " only state ",
    " only time ",
    " than any ",
    " than ever ",
)
LEGAL_WORDS = frozenset(
    "law laws legal illegal illegally unlawful lawful statute statutes constitution constitutional regulation "
    "regulations require requires required ban bans banned court courts ruling ruled legislation bill treaty "
    "judicial enforcement sanction sanctions indicted convicted charged sentenced".split()
)
SPECIFIC_STATE_WORDS = frozenset({"never", "still"})
SPECIFIC_STATE_PHRASES = Phrases(
    " no longer ",
    " has not been ",
    " have not been ",
    " hasn't been ",
    " haven't been ",
    " not yet ",
)
OPINION_PHRASES = Phrases(
    " i think ",
    " i believe ",
    " i feel ",
    " i guess ",
    " i suppose ",
    " i hope ",
    " i doubt ",
    " we think ",
    " we believe ",
    " we feel ",
    " we hope ",
    " in my view ",
    " in my opinion ",
    " to me ",
    " i'm sure ",
    " i'm convinced ",
)
# "unless" makes the sentence a condition, "hopefully" a wish: neither states a checkable fact.
HEDGE_WORDS = frozenset(
    "seem seems seemed apparently perhaps maybe possibly probably arguably likely unlikely unless hopefully possible".split()
)
HEDGE_PHRASES = Phrases(" appear to ", " appears to ", " appeared to ")
PREDICTION_WORDS = frozenset(
    {
        "will",
        "won't",
        "shall",
        "gonna",
        "might",
        "forthcoming",
        "it'll",
        "they'll",
        "we'll",
        "you'll",
        "i'll",
        "that'll",
    }
)
PREDICTION_PHRASES = Phrases(
    " going to ",
    " is likely to ",
    " are likely to ",
    " is expected to ",
    " are expected to ",
    " may well ",
    " in the future ",
    " going forward ",
)
NORMATIVE_WORDS = frozenset({"must", "should", "shouldn't", "vital", "essential"})
NORMATIVE_PHRASES = Phrases(" ought to ", " need to ", " needs to ", " have to ", " has to ")
PROCEDURAL_PHRASES = Phrases(
    " declined to comment ",
    " did not respond ",
    " did not immediately respond ",
    " didn't respond ",
    " didn't immediately respond ",
    " could not be reached ",
    " couldn't be reached ",
    " could not comment ",
    " would not comment ",
    " couldn't comment ",
    " no immediate comment ",
    " not immediately available ",
    " did not return ",
    " request for comment ",
    " contributed to this report ",
    " reached out to ",
    " this story has been updated ",
    " this article has been updated ",
    " this story was updated ",
    " will update this ",
)
PERSONAL_WORDS = frozenset({"me", "my", "mine", "myself", "i'm", "i've", "i'd"})
# The author steering the reader ("I just want to return to …", "let me explain") rather than reporting.
FRAMING_PHRASES = Phrases(
    " i want to ",
    " i just want ",
    " let me ",
    " let's ",
    " we started with ",
    " it's not the first time ",
    " it is not the first time ",
    " it was not the first time ",
    " this is not the first time ",
    " it remains to be seen ",
    " time will tell ",
    " it is unclear ",
    " it's unclear ",
    " it was unclear ",
)
# A present-tense "X is/are …" near the start, or "described … as …": a description or judgement, not an event.
# "is making", "are rising": a progressive is an event under way, not a description.
CHARACTERISATION = re.compile(
    r"^(?:\S+ ){0,7}?(?:is|are) (?!\S+ing )|^(?:it|that|this|there|they|he|she|we)'(?:s|re) (?!\S+ing )"
)
DESCRIBED_AS = re.compile(r"\bdescrib\w* (?:\S+ ){0,4}?as ")
# What fact-checks say about a claim's support: "found no evidence", "unsubstantiated", "fabricated".
EVIDENCE_WORDS = frozenset(
    "evidence proof corroborate corroborated substantiate substantiated unsubstantiated unproven fabricated "
    "debunked hoax doctored".split()
)
# A participle after an article or a linking verb describes ("a trusted one", "is divided"): no event.
ADJECTIVAL_BEFORE = frozenset({"a", "an", "the", "is", "are", "very", "more", "most", "so", "too", "seems"})

# Cheap gate before the accusation regex: word prefixes that any of its cues starts with.
ACCUSATION_PREFIXES = (
    "accus",
    "alleg",
    "interfer",
    "falsehood",
    "lied",
    "lying",
    "liar",
    "lie",
    "harass",
    "abuse",
    "corrupt",
    "fraud",
    "rigged",
    "stole",
    "steal",
    "thie",
    "terroris",
    "dictator",
    "criminal",
    "authoritarian",
    "narcissist",
    "racist",
    "bribe",
    "misled",
    "mislead",
    "deceiv",
    "smear",
    "cover",
    "embezzl",
    "extort",
    "launder",
    "propaganda",
    "disinformation",
    "misinformation",
    "false",
    "influence",
    "interfere",
    "rig",
    "undermin",
    "harm",
    "committed",
    "broke",
    "violat",
    "crime",
)
ACCUSATION = re.compile(
    r"\b(?:accus\w*|alleg\w*|interfer\w*|falsehoods?|lied|lying|liars?|lies about|told lies|a lie|harass\w*|abuses?|abused|"
    r"corrupt\w*|fraud\w*|rigged|stole|steal\w*|thie(?:f|ves)|terroris[tm]s?|dictator\w*|criminals?|"
    r"authoritarian|narcissistic|racist|bribe\w*|misled|mislead\w*|deceiv\w*|smear\w*|cover(?:ed)?[- ]up|"
    r"embezzl\w*|extort\w*|launder\w*|propaganda|disinformation|misinformation|"
    r"spread(?:ing|s)? false|false (?:information|claims?|statements?)|"
    r"(?:attempts?|attempted|trying|tried|efforts?) (?:by [\w\s’']{1,40} )?to (?:directly )?(?:influence|interfere|rig|undermine)|"
    r"caused? (?:so much |great |serious )?harm|committed (?:\w+ )?(?:abuses|crimes|fraud|atrocities|violations|murders?)|"
    r"broke the law|violat\w*|crimes?)\b",
    re.I,
)
NEGATED = re.compile(r"\b(?:no|not|never|without|denied|denies|deny|cleared of|free of)\s+(?:\w+\s+)?$", re.I)
# "a foreign person's trying to influence": an indefinite or hypothetical agent, not an accusation.
HYPOTHETICAL_AGENT = re.compile(r"\b(?:a|an|someone|something|anyone|anybody|any)\b(?:\s+[\w’']+){0,3}\s*$", re.I)
WORD = re.compile(r"[a-z0-9][a-z0-9'-]*")
UNSET = object()


def score_checkworthiness(
    content,
    *,
    quantities=(),
    has_date=False,
    named_entities=0,
    cites_source=False,
    attributed=False,
    accusation=UNSET,
    learned=None,
):
    """``(score, features)`` for the reported content of one sentence.

    With ``learned`` (a ``learned.LearnedWeights`` fitted to reviewers'
    decisions) the same features are weighed by the fitted model instead of
    the rule-based ``WEIGHTS``.

    ``features`` maps each feature that fired to its weight; the score is the
    base plus their sum, clamped to 0–1. Cues are looked up in the sentence's
    set of words and its space-padded word sequence rather than by one regex
    each, which keeps scoring a small fraction of parsing time.
    """
    lowered = content.lower().replace("’", "'")
    words_in_order = WORD.findall(lowered)
    words = frozenset(words_in_order)
    padded = f" {' '.join(words_in_order)} "
    if accusation is UNSET:
        accusation = accusation_cue(content)

    def mentions(cue_words=frozenset(), phrases=None):
        return not words.isdisjoint(cue_words) or (phrases is not None and phrases.found(words, padded))

    positive = {
        "quantity": bool(quantities),
        "date": has_date,
        "named_entities": named_entities >= 2,
        "named_entity": named_entities == 1,
        "event": _has_event(words_in_order),
        "superlative": mentions(SUPERLATIVE_WORDS, SUPERLATIVE_PHRASES),
        "accusation": accusation is not None,
        "legal": mentions(LEGAL_WORDS),
        "specific_state": mentions(SPECIFIC_STATE_WORDS, SPECIFIC_STATE_PHRASES),
        "cites_source": cites_source,
        "attributed": attributed,
        "evidence": mentions(EVIDENCE_WORDS),
    }
    negative = {
        "opinion": mentions(phrases=OPINION_PHRASES),
        "hedge": mentions(HEDGE_WORDS, HEDGE_PHRASES),
        "prediction": mentions(PREDICTION_WORDS, PREDICTION_PHRASES),
        "normative": mentions(NORMATIVE_WORDS, NORMATIVE_PHRASES),
        "procedural": mentions(phrases=PROCEDURAL_PHRASES),
        "personal": not quantities and mentions(PERSONAL_WORDS),
        "characterisation": not quantities
        and (
            (not _has_event(words_in_order) and bool(CHARACTERISATION.search(padded[1:])))
            or bool(DESCRIBED_AS.search(padded))
        ),
        "question": content.rstrip(" ”\"’'").endswith("?"),
        "short": len(words_in_order) < 6,
        "framing": mentions(phrases=FRAMING_PHRASES),
    }
    if learned is not None:
        return learned.score(name for name, fired in (positive | negative).items() if fired)
    features = {name: WEIGHTS[name] for name, fired in (positive | negative).items() if fired}
    score = min(1.0, max(0.0, BASE + sum(features.values())))
    return round(score, 3), features


def _has_event(words):
    """A past event or a present perfect: "won", "denounced", "has taken", "have not been removed"."""
    for index, word in enumerate(words):
        if word in IRREGULAR_PAST or (len(word) > 4 and word.endswith("ed") and word not in NOT_PAST):
            if index and words[index - 1] in ADJECTIVAL_BEFORE and word not in IRREGULAR_PAST:
                continue
            return True
        if word in PERFECT_AUXILIARIES:
            for following in words[index + 1 : index + 4]:
                if following in {"not", "never", "also", "already", "been"}:
                    continue
                if following.endswith(PARTICIPLE_ENDINGS):
                    return True
                break
    return False


def accusation_cue(content):
    """The first accusation cue with a specific agent, or None ("a foreign person's trying to influence" is not one)."""
    if not any(word.startswith(ACCUSATION_PREFIXES) for word in WORD.findall(content.lower())):
        return None
    for match in ACCUSATION.finditer(content):
        if NEGATED.search(content[max(0, match.start() - 30) : match.start()]):
            continue  # "found no violation", "denied wrongdoing"
        verb_form = not match.group().lower().startswith(("attempt", "effort"))
        if verb_form and HYPOTHETICAL_AGENT.search(content[max(0, match.start() - 40) : match.start()]):
            continue
        return match
    return None

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
}

IRREGULAR_PAST = (
    "won|lost|met|went|came|began|began|took|gave|got|made|sent|spent|paid|told|left|held|ran|rose|fell|"
    "grew|led|brought|bought|built|cut|hit|put|set|sold|struck|stood|wrote|became|found|kept|saw|chose|"
    "drove|flew|fought|forgot|froze|hid|knew|lay|meant|quit|rode|sank|shot|shut|slid|spoke|spread|stole|"
    "swore|threw|understood|withdrew|broke|beat|bore|dealt|drew|fed|felt|fled|forbade|overturned"
)
EVENT = re.compile(
    rf"\b(?:{IRREGULAR_PAST})\b|\b(?!(?:need|indeed|red|bed|seed|speed|feed|proceed|exceed|succeed|hundred|"
    r"embed|shed|wed|weed|breed|bleed|creed|greed|reed)\b)[a-z]{3,}ed\b|\b(?:has|have|had) (?:not |never |also |already )?(?:been )?[a-z]+(?:ed|en|wn|ne|un|ught|lt|nt)\b"
)
SUPERLATIVE = re.compile(
    r"\b(?:biggest|largest|highest|lowest|smallest|best|worst|most|least|fewest|record|record-breaking|"
    r"unprecedented|longest|shortest|oldest|youngest|fastest|slowest|deadliest|richest|poorest|greatest|"
    r"strongest|weakest|only (?:one|person|country|state|time)|than (?:any|ever)\b(?: \w+)? (?:in|before|since))\b",
    re.I,
)
ACCUSATION = re.compile(
    r"\b(?:accus\w*|alleg\w*|interfer\w*|falsehoods?|lied|lying|liars?|lies about|told lies|a lie|harass\w*|abuses?|abused|"
    r"corrupt\w*|fraud\w*|rigged|stole|steal\w*|thie(?:f|ves)|terroris[tm]s?|dictator\w*|criminals?|"
    r"authoritarian|narcissistic|racist|bribe\w*|misled|mislead\w*|deceiv\w*|smear\w*|cover(?:ed)?[- ]up|"
    r"embezzl\w*|extort\w*|launder\w*|propaganda|disinformation|misinformation|"
    r"spread(?:ing|s)? false|false (?:information|claims?|statements?)|"
    r"(?:attempts?|attempted|trying|tried|efforts?) (?:by [\w\s’']{1,40} )?to (?:directly )?(?:influence|interfere|rig|undermine)|"
    r"caused? (?:so much |great |serious )?harm|committed (?:\w+ )?(?:abuses|crimes|fraud|atrocities|violations|murders?)|broke the law|violat\w*|crimes?)\b",
    re.I,
)
# "a foreign person's trying to influence": an indefinite or hypothetical agent, not an accusation.
NEGATED = re.compile(r"\b(?:no|not|never|without|denied|denies|deny|cleared of|free of)\s+(?:\w+\s+)?$", re.I)
HYPOTHETICAL_AGENT = re.compile(r"\b(?:a|an|someone|something|anyone|anybody|any)\b(?:\s+[\w’']+){0,3}\s*$", re.I)
LEGAL = re.compile(
    r"\b(?:laws?|legal|illegal|illegally|unlawful|lawful|statutes?|constitution\w*|regulations?|"
    r"requires?|required|bans?|banned|court|courts|ruling|ruled|legislation|bill|treaty|judicial|"
    r"enforcement|sanctions?|indicted|convicted|charged|sentenced)\b",
    re.I,
)
SPECIFIC_STATE = re.compile(
    r"\b(?:never|still|no longer|has not been|have not been|hasn[’']t been|haven[’']t been|not yet)\b", re.I
)
OPINION = re.compile(
    r"\b(?:I|we) (?:think|believe|feel|guess|suppose|hope|doubt)\b|\bin my (?:view|opinion)\b|\bto me\b|"
    r"\bI[’']m (?:sure|convinced)\b",
    re.I,
)
HEDGE = re.compile(
    r"\b(?:appears? to|appeared to|seems?|seemed|apparently|perhaps|maybe|possibly|probably|arguably)\b", re.I
)
PREDICTION = re.compile(
    r"\b(?:will|won[’']t|shall|going to|gonna|is likely to|are likely to|is expected to|are expected to|"
    r"might|may well|forthcoming|in the future|going forward)\b",
    re.I,
)
NORMATIVE = re.compile(
    r"\b(?:must|should|shouldn[’']t|ought to|need to|needs to|have to|has to|vital|essential)\b", re.I
)
PROCEDURAL = re.compile(
    r"\b(?:declined to comment|did not (?:immediately )?respond|didn[’']t (?:immediately )?respond|"
    r"could not be reached|couldn[’']t be reached|(?:could|would) not comment|couldn[’']t comment|"
    r"no immediate comment|not immediately available|did not return|request for comment|"
    r"contributed to this report|reached out to|this (?:story|article) (?:has been|was) updated|"
    r"will update this)\b",
    re.I,
)
PERSONAL = re.compile(r"\b(?:me|my|mine|myself|I[’']m|I[’']ve|I[’']d)\b")
# A present-tense "X is/are …" near the start: a description or judgement rather than an event.
CHARACTERISATION = re.compile(
    r"^\W*(?:[\w’'-]+\s+){0,7}?(?:is|are)\b|^\W*(?:it|that|this|there|they|he|she|we)[’'](?:s|re)\b", re.I
)
FRAMING = re.compile(
    r"\b(?:(?:it|this)(?:[’']s| is| was) not the first time|it remains to be seen|time will tell|only time will tell|"
    r"it is unclear|it[’']s unclear|it was unclear)\b",
    re.I,
)


def score_checkworthiness(
    content, *, quantities=(), has_date=False, named_entities=0, cites_source=False, attributed=False
):
    """``(score, features)`` for the reported content of one sentence.

    ``features`` maps each feature that fired to its weight; the score is the
    base plus their sum, clamped to 0–1.
    """
    features = {}
    words = re.findall(r"[\w’'-]+", content)
    accusation = accusation_cue(content)

    if quantities:
        features["quantity"] = WEIGHTS["quantity"]
    if has_date:
        features["date"] = WEIGHTS["date"]
    if named_entities >= 2:
        features["named_entities"] = WEIGHTS["named_entities"]
    elif named_entities == 1:
        features["named_entity"] = WEIGHTS["named_entity"]
    if EVENT.search(content):
        features["event"] = WEIGHTS["event"]
    if SUPERLATIVE.search(content):
        features["superlative"] = WEIGHTS["superlative"]
    if accusation:
        features["accusation"] = WEIGHTS["accusation"]
    if LEGAL.search(content):
        features["legal"] = WEIGHTS["legal"]
    if SPECIFIC_STATE.search(content):
        features["specific_state"] = WEIGHTS["specific_state"]
    if cites_source:
        features["cites_source"] = WEIGHTS["cites_source"]
    if attributed:
        features["attributed"] = WEIGHTS["attributed"]

    if OPINION.search(content):
        features["opinion"] = WEIGHTS["opinion"]
    if HEDGE.search(content):
        features["hedge"] = WEIGHTS["hedge"]
    if PREDICTION.search(content):
        features["prediction"] = WEIGHTS["prediction"]
    if NORMATIVE.search(content):
        features["normative"] = WEIGHTS["normative"]
    if PROCEDURAL.search(content):
        features["procedural"] = WEIGHTS["procedural"]
    if PERSONAL.search(content) and not quantities:
        features["personal"] = WEIGHTS["personal"]
    if not quantities and "event" not in features and CHARACTERISATION.search(content):
        features["characterisation"] = WEIGHTS["characterisation"]
    if content.rstrip(" ”\"’'").endswith("?"):
        features["question"] = WEIGHTS["question"]
    if len(words) < 6:
        features["short"] = WEIGHTS["short"]
    if FRAMING.search(content):
        features["framing"] = WEIGHTS["framing"]

    score = min(1.0, max(0.0, BASE + sum(features.values())))
    return round(score, 3), features


def accusation_cue(content):
    """The first accusation cue with a specific agent, or None ("a foreign person's trying to influence" is not one)."""
    for match in ACCUSATION.finditer(content):
        if NEGATED.search(content[max(0, match.start() - 30) : match.start()]):
            continue  # "found no violation", "denied wrongdoing"
        verb_form = not match.group().lower().startswith(("attempt", "effort"))
        if verb_form and HYPOTHETICAL_AGENT.search(content[max(0, match.start() - 40) : match.start()]):
            continue
        return match
    return None

"""Check-worthiness: factual claims high, opinion, prediction and procedure low, with features kept."""

import pytest

from claims.extraction.checkworthiness import score_checkworthiness

from .helpers import claim_containing, extract


@pytest.mark.parametrize(
    "sentence",
    [
        "Bukele and Torres met once in 2019 when she was with a congressional delegation visiting El Salvador.",
        "The district is nearly 70% Hispanic and has a large Mexican American population.",
        "Nuevas Ideas went on to win the biggest congressional majority in El Salvador’s history.",
        "Torres accused the governments of Guatemala, Honduras and El Salvador of not doing enough to combat corruption.",
    ],
)
def test_concrete_factual_sentences_are_checkworthy(sentence):
    assert claim_containing(extract(f"<p>{sentence}</p>"), sentence[:30]).checkworthy


@pytest.mark.parametrize(
    "sentence",
    [
        "The Justice Department declined to comment on whether any election laws were broken.",
        "Animosity between the two appears to have started after a spat on Twitter last year.",
        "“I think the reality is that we’re going to be seeing a lot of this going forward,” he said.",
        "There will be more attempts to influence elections here, he said.",
        "The will of the people must not be undermined by foreign influence.",
        "“This weapon stays very close to me when I’m home,” she said.",
        "Is this the end of the road for the coalition?",
    ],
)
def test_opinion_prediction_hedges_procedure_and_personal_remarks_are_not(sentence):
    claim = claim_containing(extract(f"<p>{sentence}</p>"), sentence[:20])
    assert not claim.checkworthy, claim.features


def test_features_explain_the_score():
    score, features = score_checkworthiness(
        "Torres won with 57.4% of the vote in 2022.", quantities=[object()], has_date=True, named_entities=1
    )
    assert {"quantity", "date", "named_entity", "event"} <= features.keys()
    assert score == pytest.approx(min(1.0, 0.3 + sum(features.values())))


def test_a_negated_wrongdoing_is_not_an_accusation():
    claim = claim_containing(extract("<p>A city ethics panel found no violation in May.</p>"), "ethics panel")
    assert claim.type == "fact"


def test_a_hypothetical_agent_is_not_an_accusation():
    sentence = "Hasen said there is a difference between a foreign person’s trying to influence an election and breaking the law."
    assert claim_containing(extract(f"<p>{sentence}</p>"), "difference").type == "fact"


@pytest.mark.parametrize(
    ("sentence", "feature"),
    [
        ("When the mill closes, it'll be the last one in the valley for sure.", "prediction"),
        ("Hopefully this vote is a lesson for the whole party leadership.", "hedge"),
        ("The deal can't be saved unless both sides want to save it.", "hedge"),
        ("Finally, I just want to return to the question of the budget.", "framing"),
        ("Many residents have described the new bridge as a disaster.", "characterisation"),
    ],
)
def test_wishes_conditions_author_asides_and_descriptions_lower_the_score(sentence, feature):
    score, features = score_checkworthiness(sentence)
    assert feature in features
    assert score < 0.5


def test_most_as_a_quantifier_is_not_a_superlative():
    _score, features = score_checkworthiness("Most voters in the county backed the measure in March.")
    assert "superlative" not in features


def test_the_most_is_a_superlative():
    _score, features = score_checkworthiness("She won the most votes in the county's history.")
    assert "superlative" in features


def test_a_participle_after_an_article_is_not_an_event():
    _score, features = score_checkworthiness("Her voice is a trusted one across the county.")
    assert "event" not in features


def test_a_finding_about_evidence_is_checkworthy():
    score, features = score_checkworthiness("We have found no evidence to corroborate this claim.")
    assert "evidence" in features
    assert score >= 0.5


def test_a_progressive_is_not_a_characterisation():
    _score, features = score_checkworthiness("Automation is making the eastern mines more competitive, she said.")
    assert "characterisation" not in features


def test_an_abbreviated_month_is_a_date():
    from claims.extraction.numbers import has_date

    assert has_date("When the mayor entered the race on Nov. 24, few noticed.")

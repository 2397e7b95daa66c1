"""The matching score: paraphrases match; different numbers, people or polarity do not."""

from hypothesis import given, settings
from hypothesis import strategies as st

from matching.scoring import MATCH_THRESHOLD, features, numbers_agree, numbers_in, score, score_texts


def test_a_shorter_wording_of_the_same_claim_matches():
    result = score_texts(
        "“Black unemployment is at its lowest level ever recorded,” the president said at a rally in Ohio.",
        "Black unemployment is at the lowest level ever recorded.",
    )
    assert result.is_match


def test_the_same_claim_with_rounded_numbers_matches():
    assert score_texts("Bukele won 57.4% of the vote in 2019.", "In 2019 Bukele won 57 percent of the vote.").is_match


def test_a_different_number_is_never_a_match():
    result = score_texts("Bukele won 57.4% of the vote.", "Bukele won 47% of the vote.")
    assert result.score == 0.0
    assert result.reasons == ("numbers differ",)


def test_scaled_numbers_are_the_same_number():
    assert numbers_agree(numbers_in("3 million jobs"), numbers_in("3,000,000 jobs")) is True
    assert numbers_agree(numbers_in("3 million jobs"), numbers_in("4 million jobs")) is False


def test_different_claimants_are_different_claims():
    result = score_texts(
        "Coal jobs rose by 50,000 last year.", "Coal jobs rose by 50,000 last year.", "Donald Trump", "Hillary Clinton"
    )
    assert result.score == 0.0


def test_a_claimant_named_differently_is_the_same_person():
    assert score_texts(
        "Coal jobs rose by 50,000 last year.", "Coal jobs rose by 50,000 last year.", "Trump", "Donald J. Trump"
    ).is_match


def test_an_anonymous_source_never_rules_a_claim_out():
    assert score_texts(
        "The vaccine alters your DNA.", "The vaccine alters your DNA.", "Robert Kennedy", "Facebook posts"
    ).is_match


def test_different_people_in_the_text_are_different_claims():
    result = score_texts("Biden cut taxes for the middle class.", "Obama cut taxes for the middle class.")
    assert not result.is_match
    assert "different names" in result.reasons


def test_the_opposite_claim_is_not_a_match():
    assert not score_texts("Coal jobs rose by 50,000 last year.", "Coal jobs fell by 50,000 last year.").is_match
    assert not score_texts("The mayor signed the budget.", "The mayor did not sign the budget.").is_match


def test_a_different_statement_by_the_same_person_is_not_a_match():
    assert not score_texts(
        "Trump said coal mining jobs are coming back in West Virginia.",
        "Trump said he would build a wall on the southern border.",
    ).is_match


sentences = st.text(alphabet=st.sampled_from("abcdefgh XYZ 0123456789.%,"), max_size=80)


@given(sentences, sentences)
@settings(max_examples=60, deadline=None)
def test_the_score_is_symmetric_and_in_the_unit_interval(a, b):
    forward, backward = score(features(a), features(b)), score(features(b), features(a))
    assert 0.0 <= forward.score <= 1.0
    assert forward.score == backward.score


@given(
    st.text(alphabet=st.sampled_from("abcdefghijklmnop qrstuvw"), min_size=20, max_size=120).filter(
        lambda t: len(t.split()) >= 4
    )
)
@settings(max_examples=40, deadline=None)
def test_a_claim_matches_itself(text):
    assert score_texts(text, text).score >= MATCH_THRESHOLD


def test_a_different_year_is_a_different_claim():
    assert (
        score_texts("In 1991 Bush held back loan guarantees.", "In 1989 Bush held back loan guarantees.").score == 0.0
    )


def test_a_title_or_first_name_does_not_make_another_person():
    assert score_texts(
        "Thirty House Democrats represent districts that President Trump won in 2016.",
        "30 House Democrats represent districts that Donald Trump won in 2016.",
    ).is_match


def test_a_name_added_for_context_costs_nothing():
    result = score_texts(
        "Nearly half of the region's power was coal-fired in 2015, according to the Energy Information Administration.",
        "In 2015 nearly half of the Mountain States' power was coal-fired.",
    )
    assert "different names" not in result.reasons


def test_names_separated_by_a_comma_are_two_names():
    result = score_texts(
        "In Washington, Hillary won 8 electoral votes, but four people defected.",
        "Donald Trump won 8 electoral votes in Washington, but four of his electors defected.",
    )
    assert "different names" in result.reasons

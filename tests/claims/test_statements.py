"""The claim statement: the sentence's reporting frame stripped, surnames in full, or nothing."""

from hypothesis import given, settings
from hypothesis import strategies as st

from claims.extraction.statements import STATEMENT_MAX_LENGTH, claim_statement
from tests.claims.helpers import claim_containing, extract

FULL_NAMES = {"Yovanovitch": "Marie Yovanovitch"}.get


def test_concessive_lead_in_is_stripped_to_the_reported_claim():
    sentence = (
        "While the tweet shown above claimed that Yovanovitch has a net worth of $17 million, "
        "other social media users have offered differing estimates of her net worth:"
    )
    assert claim_statement(sentence, full_name=FULL_NAMES) == "Marie Yovanovitch has a net worth of $17 million"


def test_the_claim_that_loses_its_verdict_and_parenthetical():
    sentence = (
        "In sum, the claim that Yovanovitch has a net worth of $17 million "
        "(or $12 million or $6 million or $3 million) is wholly unsubstantiated."
    )
    assert claim_statement(sentence) == "Yovanovitch has a net worth of $17 million"


def test_according_to_frame_is_stripped():
    assert claim_statement("According to the ministry, 40 people died in the floods.") == "40 people died in the floods"


def test_quote_with_attribution_becomes_the_quoted_words():
    assert (
        claim_statement("“We have already won 60% of the vote,” Bukele said.") == "We have already won 60% of the vote"
    )


def test_discourse_opener_is_dropped_and_the_first_letter_capitalised():
    assert (
        claim_statement("However, the unemployment rate fell to 3.5% in March.")
        == "The unemployment rate fell to 3.5% in March"
    )


def test_a_sentence_that_needs_nothing_gives_no_statement():
    assert claim_statement("The unemployment rate fell to 3.5% in March.") == ""


def test_a_statement_too_long_for_a_headline_is_left_to_the_reviewer():
    sentence = "According to the report, " + "the figures for every region rose again " * 5 + "last year."
    assert claim_statement(sentence) == ""


def test_full_name_is_not_repeated_when_already_there():
    sentence = "According to Snopes, Marie Yovanovitch said Yovanovitch was paid $1 million."
    assert claim_statement(sentence, full_name=FULL_NAMES) == "Marie Yovanovitch said Yovanovitch was paid $1 million"


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=400))
def test_any_sentence_gives_a_short_statement_or_none(sentence):
    statement = claim_statement(sentence, full_name=lambda name: name)
    assert len(statement) <= STATEMENT_MAX_LENGTH
    assert statement == statement.strip()


def test_extraction_prefills_the_statement_with_the_registry_full_name():
    extraction = extract(
        "<p>Former ambassador Marie Yovanovitch testified on Friday before the committee.</p>"
        "<p>While a tweet claimed that Yovanovitch has a net worth of $17 million, others offered other figures.</p>"
    )
    claim = claim_containing(extraction, "net worth")
    assert claim.statement == "Marie Yovanovitch has a net worth of $17 million"

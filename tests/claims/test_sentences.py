"""Sentence boundaries in news prose."""

import pytest

from claims.extraction.sentences import split_sentences


def sentences(text):
    return [text[start:end] for start, end in split_sentences(text)]


def test_titles_and_party_state_abbreviations_do_not_end_a_sentence():
    text = "Rep. Norma Torres, D-Calif., issued a news release. Sen. J. R. Smith Jr. disagreed."
    assert sentences(text) == ["Rep. Norma Torres, D-Calif., issued a news release.", "Sen. J. R. Smith Jr. disagreed."]


def test_decimals_are_not_boundaries():
    assert sentences("Torres won with 57.4% of the vote. Cargile got 42.6%.") == [
        "Torres won with 57.4% of the vote.",
        "Cargile got 42.6%.",
    ]


def test_initialisms_end_a_sentence_only_before_a_sentence_opener():
    text = "She moved to the U.S. from Guatemala. She moved to the U.S. The next year she ran."
    assert sentences(text) == [
        "She moved to the U.S. from Guatemala.",
        "She moved to the U.S.",
        "The next year she ran.",
    ]
    assert sentences("The U.S. Census Bureau counted them.") == ["The U.S. Census Bureau counted them."]


def test_a_quotation_with_several_sentences_is_split_but_its_attribution_stays_with_the_last():
    text = "“There’s a technical difference. I think that’s fair,” he said. “But it is not illegal.”"
    assert sentences(text) == [
        "“There’s a technical difference.",
        "I think that’s fair,” he said.",
        "“But it is not illegal.”",
    ]


@pytest.mark.parametrize("text", ["“Is it over?” she asked.", "“Stop!” he shouted at the crowd."])
def test_question_or_exclamation_inside_a_quote_followed_by_attribution_is_one_sentence(text):
    assert sentences(text) == [text]


def test_months_and_no_are_abbreviations():
    assert sentences("On Nov. 15, 2019, he testified. It was No. 3 on the list.") == [
        "On Nov. 15, 2019, he testified.",
        "It was No. 3 on the list.",
    ]


def test_spans_exclude_surrounding_whitespace():
    text = "  One thing happened.   Then another.  "
    assert [text[s:e] for s, e in split_sentences(text)] == ["One thing happened.", "Then another."]
    assert split_sentences(text)[0][0] == 2


def test_a_footnote_marker_after_a_full_stop_ends_the_sentence():
    from claims.extraction.sentences import split_sentences

    text = "Klobuchar leads, according to Iowa Starting Line.2 Warren leads in New Hampshire."
    assert [text[s:e] for s, e in split_sentences(text)] == [
        "Klobuchar leads, according to Iowa Starting Line.2",
        "Warren leads in New Hampshire.",
    ]


def test_a_decimal_is_not_a_footnote():
    from claims.extraction.sentences import split_sentences

    assert len(split_sentences("Turnout was 3.2 Percent higher in the city.")) == 1

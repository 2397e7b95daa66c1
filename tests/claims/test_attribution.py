"""Claimants from sentence structure: sourcing phrases, report verbs, acronyms, role nouns, blockquotes.

The sentences are composed for these tests, not taken from the corpus pages,
so they check the shape of a rule rather than a phrase the rule was tuned on.
"""

from .helpers import claim_containing, extract, quote_containing


def test_according_to_names_the_maker_of_a_poll():
    x = extract(
        "<p>According to a recent Marist Institute survey, turnout among young voters rose to 41% in March.</p>"
    )
    assert claim_containing(x, "turnout").claimant == "Marist Institute"


def test_according_to_at_the_end_takes_the_agent_after_by():
    x = extract(
        "<p>Rents rose 12 percent in two years in the city, according to a review by the Federal Housing Office.</p>"
    )
    assert claim_containing(x, "Rents rose").claimant == "Federal Housing Office"


def test_per_introduces_a_source_but_per_cent_does_not():
    x = extract(
        "<p>The senator leads the field with 30 endorsements, per a tally compiled by historian Dana Whitfield.</p>"
        "<p>Prices rose 4 per cent over the year in the northern region of the country.</p>"
    )
    assert claim_containing(x, "30 endorsements").claimant == "Dana Whitfield"
    assert claim_containing(x, "4 per cent").claimant == ""


def test_and_joins_the_two_words_of_a_newspaper_name():
    x = extract("<p>Ortiz, according to a count from the Boston-based Herald and Ledger, has 14 council backers.</p>")
    assert claim_containing(x, "council backers").claimant == "Herald and Ledger"


def test_an_acronym_resolves_to_the_name_it_abbreviates():
    x = extract(
        "<p>The National Water Quality Agency published its annual figures on Friday morning.</p>"
        "<p>The NWQA projects that 40 more rivers will fail the standard by 2030.</p>"
    )
    assert claim_containing(x, "40 more rivers").claimant == "National Water Quality Agency"


def test_a_report_verb_after_a_name_with_a_lowercase_complement():
    x = extract("<p>The Halvorsen Panel on housing and health found that 3 million homes were damp in 2020.</p>")
    assert claim_containing(x, "3 million homes").claimant == "Halvorsen Panel"


def test_a_poll_named_earlier_speaks_for_its_pollster():
    x = extract(
        "<p>A Redfield Research poll showed the mayor's approval at 13 percent in June.</p>"
        "<p>The poll found that 62 percent of residents wanted a new budget.</p>"
    )
    assert claim_containing(x, "approval at 13").claimant == "Redfield Research"
    assert claim_containing(x, "62 percent").claimant == "Redfield Research"


def test_a_surname_that_is_also_a_title_is_a_name():
    x = extract(
        "<p>The host, Maria King, asked the candidate about the plan for the schools.</p>"
        "<p>“What would you cut first from the budget?” King asked him.</p>"
    )
    assert quote_containing(x, "cut first").speaker == "Maria King"


def test_unknown_title_word_alone_is_no_claimant():
    x = extract("<p>“We will hold the line at the river crossing,” the General said.</p>")
    assert quote_containing(x, "hold the line").speaker == ""


def test_name_opening_the_clause_after_a_quote_speaks_despite_a_long_appositive():
    x = extract(
        "<p>“The rains came late and the river fell to its lowest level in years,” Ana Ruiz, a hydrologist"
        " at the Lisbon-based Institute for Water and Soil told reporters.</p>"
    )
    assert quote_containing(x, "rains came late").speaker == "Ana Ruiz"


def test_said_inverted_after_a_short_clause_following_a_quote():
    x = extract(
        "<p>There is “no appetite for another round of cuts this year” in the county, said Tom Okafor,"
        " the council's finance chair.</p>"
    )
    assert quote_containing(x, "no appetite").speaker == "Tom Okafor"


def test_a_block_quotation_speaks_for_the_site_linked_just_before_it():
    x = extract(
        "<p>The count was closer than the polls suggested, as one blog <a href='https://www.millbrookdaily.com/"
        "2024/count'>put it</a>.</p>"
        "<blockquote><p>Eleven delegates switched sides in the final round of voting on Tuesday.</p>"
        "<p>Three of them came from the northern districts.</p></blockquote>"
    )
    assert claim_containing(x, "Eleven delegates").claimant == "Millbrook Daily"
    assert quote_containing(x, "Three of them").speaker == "Millbrook Daily"


def test_a_block_quotation_introduced_by_a_named_speaker_is_theirs():
    x = extract(
        "<p>In a letter to members, union president Carla Mendes wrote that talks had stalled.</p>"
        "<blockquote><p>We have asked for a 5 percent raise for three years running and been refused.</p>"
        "</blockquote>"
    )
    assert quote_containing(x, "5 percent raise").speaker == "Carla Mendes"


def test_a_block_quotation_with_no_introduction_has_no_speaker():
    x = extract("<blockquote><p>Eleven delegates switched sides in the final round of voting.</p></blockquote>")
    assert quote_containing(x, "Eleven delegates").speaker == ""


def test_the_office_names_the_one_person_the_article_gave_it():
    x = extract(
        "<p>Gov. Helen Marsh signed the budget on Friday after a long session.</p>"
        "<p>The governor said the state had cut its deficit by $2 billion since 2021.</p>"
    )
    assert claim_containing(x, "cut its deficit").claimant == "Helen Marsh"


def test_a_group_reporting_a_claim_is_its_claimant_not_the_outlet():
    x = extract("<p>Some of the mayor’s critics say the new tram line cost $40 million more than planned.</p>")
    assert claim_containing(x, "tram line").claimant == "mayor’s critics"


def test_an_unnamed_office_holder_is_no_claimant():
    x = extract("<p>The senator said the bill would add 3,000 jobs to the state by 2026.</p>")
    assert claim_containing(x, "3,000 jobs").claimant == ""

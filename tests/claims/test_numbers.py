"""Quantities: value, unit, qualifier and subject."""

import pytest

from claims.extraction.numbers import find_quantities

from .helpers import claim_containing, extract


@pytest.mark.parametrize(
    ("text", "value", "unit", "qualifier"),
    [
        ("The district is nearly 70% Hispanic.", 70, "percent", "nearly"),
        ("It cost $4.5 million last year.", 4_500_000, "USD", ""),
        ("More than 2,000 jobs were lost.", 2000, "jobs", "more than"),
        ("The city has about 114,000 residents.", 114_000, "people", "about"),  # a count of people
        ("Turnout rose 12 percent.", 12, "percent", ""),
        ("They fell from a 14-foot wall.", 14, "foot", ""),
        ("A $62.8 billion budget passed.", 62_800_000_000, "USD", ""),
        ("Rates rose 0.25 percentage points.", 0.25, "percentage points", ""),
    ],
)
def test_quantity(text, value, unit, qualifier):
    quantity = find_quantities(text)[0]
    assert quantity.value == pytest.approx(value)
    assert (quantity.unit, quantity.qualifier) == (unit, qualifier)


@pytest.mark.parametrize(
    "text",
    [
        "They met in 2019.",
        "California’s 35th District voted.",
        "She was 5 when she moved.",
        "Covid-19 spread.",
        "On March 3 he spoke.",
    ],
)
def test_years_ordinals_bare_numbers_and_dates_are_not_quantities(text):
    assert find_quantities(text) == []


def test_vote_share_subjects_come_from_the_nearest_candidate():
    x = extract(
        "<p>Torres, who has been in office since 2015, won with 57.4% of the vote. "
        "Her opponent, Republican Mike Cargile, got 42.6% of the vote.</p>"
    )
    first = claim_containing(x, "57.4%")
    second = claim_containing(x, "42.6%")
    assert (first.type, second.type) == ("vote_share", "vote_share")
    assert first.numbers[0].subject == "Torres"
    assert second.numbers[0].subject == "Mike Cargile"


def test_a_continuing_race_sentence_is_a_vote_share_without_vote_words():
    x = extract(
        "<p>Ana Rivera won the election with 41.2% of the vote.</p><p>Tom Becker received 35.5% and Luis Ortega 23.3%.</p>"
    )
    claim = claim_containing(x, "35.5%")
    assert claim.type == "vote_share"
    assert [(n.value, n.subject) for n in claim.numbers] == [(35.5, "Tom Becker"), (23.3, "Luis Ortega")]


def test_a_poll_percentage_is_a_statistic_not_a_vote_share():
    x = extract("<p>A poll found 45% of residents support the new stadium plan.</p>")
    assert claim_containing(x, "45%").type == "statistic"


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("Seven electors tried to switch sides on Monday.", 7, "people"),
        ("Trump won with 304 electoral votes.", 304, "votes"),
        ("Ortiz (17) and Lee (12) lead the count of endorsements.", 17, "count"),
        ("The Blue Dogs back her (20 of 34) so far this year.", 34, "count"),
        ("Nearly half of the region's power came from coal.", 50, "percent"),
        ("The regulator projects 32 more gigawatts will close.", 32, "gigawatts"),
        ("Support fell from 54% in November to 35% in February.", 35, "percent"),
    ],
)
def test_units_as_people_write_them(text, value, unit):
    from claims.extraction.numbers import find_spelled_quantities

    found = [(q.value, q.unit) for q in find_quantities(text) + find_spelled_quantities(text)]
    assert (pytest.approx(value), unit) in found


def test_durations_are_reported_but_do_not_make_a_statistic():
    x = extract("<p>He worked for eight years with the former governor of the state.</p>")
    claim = claim_containing(x, "eight years")
    assert [(n.value, n.unit) for n in claim.numbers] == [(8, "years")]
    assert claim.type != "statistic"


def test_words_that_count_no_people_are_not_quantities():
    from claims.extraction.numbers import find_spelled_quantities

    assert find_spelled_quantities("Two things matter in this race.") == []

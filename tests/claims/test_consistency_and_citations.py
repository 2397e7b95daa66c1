"""Consistency checks across an article and the links each claim cites."""

from claims.extraction import Number
from claims.extraction.consistency import consistency_checks

from .helpers import claim_containing, extract


class FakeClaim:
    def __init__(self, type, paragraph, numbers, text=""):
        self.type, self.paragraph, self.numbers, self.text = type, paragraph, numbers, text


def test_vote_shares_of_one_race_adding_to_100_hold():
    checks = consistency_checks(
        [
            FakeClaim("vote_share", 3, [Number(57.4, "percent", subject="A")]),
            FakeClaim("vote_share", 3, [Number(42.6, "percent", subject="B")]),
        ]
    )
    assert [(c.kind, c.ok) for c in checks] == [("vote_shares_sum", True)]
    assert "57.4% (A) + 42.6% (B) = 100%" in checks[0].detail


def test_vote_shares_adding_to_more_than_100_fail():
    checks = consistency_checks(
        [FakeClaim("vote_share", 1, [Number(57.4, "percent", subject="A"), Number(52.6, "percent", subject="B")])]
    )
    assert checks[0].ok is False
    assert "exceeds 100%" in checks[0].detail


def test_a_percentage_over_100_of_something_fails_but_a_rise_does_not():
    share = consistency_checks(
        [FakeClaim("statistic", 0, [Number(130, "percent", subject="residents")], "130% of residents voted")]
    )
    rise = consistency_checks([FakeClaim("statistic", 0, [Number(130, "percent")], "Prices rose 130% in a year")])
    assert [(c.kind, c.ok) for c in share] == [("percentage_over_100", False)]
    assert rise == []


def test_the_same_number_stated_two_ways_is_reported():
    checks = consistency_checks(
        [
            FakeClaim("vote_share", 0, [Number(57.4, "percent", subject="Torres")]),
            FakeClaim("vote_share", 9, [Number(57, "percent", subject="Torres")]),
        ]
    )
    differing = [c for c in checks if c.kind == "same_number_differs"]
    assert differing and differing[0].ok


def test_a_claim_cites_the_links_in_its_own_sentence_deduplicated():
    x = extract(
        '<p>The two girls were from Ecuador. After <a href="https://twitter.com/a/status/1?s=20&t=x">a back-and-forth</a>, '
        'Torres called him a <a href="https://twitter.com/a/status/1?s=20&t=y">“narcissistic” dictator</a>.</p>'
    )
    assert claim_containing(x, "Ecuador").sources == []
    assert claim_containing(x, "narcissistic").sources == ["https://twitter.com/a/status/1"]


def test_figures_cite_the_results_page_of_the_neighbouring_sentence():
    x = extract(
        "<p>Torres won with 57.4% of the vote. Cargile got 42.6% of the vote, according to "
        '<a href="https://www.nbcnews.com/results">NBC News election results</a>. It was the best result in history.</p>'
    )
    assert claim_containing(x, "57.4%").sources == ["https://nbcnews.com/results"]
    assert claim_containing(x, "best result").sources == []


def test_a_rebuttal_citing_an_analysis_does_not_lend_its_link_to_the_claim_it_disputes():
    x = extract(
        "<p>Republicans said the tax cut would save the average family $640 a year. Democrats disputed that estimate, "
        'citing an analysis by the <a href="https://itep.org/x">Institute on Taxation</a> that found most would save less than $100.</p>'
    )
    assert claim_containing(x, "$640").sources == []


def test_list_items_cite_the_link_of_the_paragraph_introducing_them():
    x = extract(
        '<article><p>The largest items, according to a <a href="https://obm.ohio.gov/summary">budget summary</a>, are:</p>'
        "<ul><li>Schools: 38% of spending</li><li>Medicaid: 34% of spending</li></ul><p>Lawmakers went home on Friday.</p></article>"
    )
    assert claim_containing(x, "Medicaid").sources == ["https://obm.ohio.gov/summary"]
    assert claim_containing(x, "Lawmakers").sources == []

"""HTML → paragraphs, links and metadata, without a database."""

import pytest

from articles.errors import IngestError
from articles.parsing import decode_html, parse_article
from tests.conftest import GOLD_DIR


def test_seed_fragment_gives_every_paragraph_and_link(seed_html):
    article = parse_article(seed_html)
    assert len(article.paragraphs) == 34
    assert len(article.links) == 17
    assert article.paragraphs[0].text.startswith("After winning re-election")


def test_paragraphs_are_separated_by_a_blank_line_and_offsets_point_into_the_text(seed_html):
    article = parse_article(seed_html)
    assert article.text == "\n\n".join(p.text for p in article.paragraphs)
    for paragraph in article.paragraphs:
        assert article.text[paragraph.start : paragraph.end] == paragraph.text


def test_link_offsets_delimit_the_anchor_text_without_surrounding_space(seed_html):
    article = parse_article(seed_html)
    first = article.links[0]
    assert first.text == "news release"
    assert article.text[first.start : first.end] == "news release"
    assert all(article.text[link.start : link.end] == link.text for link in article.links)


def test_whitespace_and_nbsp_collapse_to_single_spaces():
    article = parse_article("<p>Turnout   was\n 38%,&nbsp;&nbsp;up <b>from</b>\t31%.</p>")
    assert article.text == "Turnout was 38%, up from 31%."


def test_full_page_finds_body_and_drops_furniture():
    page = (GOLD_DIR / "state_budget_page.html").read_bytes()
    article = parse_article(page)
    assert len(article.paragraphs) == 13
    assert article.paragraphs[0].text.startswith("Gov. Helen Marsh signed")
    for furniture in (
        "Storm warnings",
        "relieved the standoff",
        "Budget standoff enters",
        "Sign up for",
        "Lottery",
        "300%",
        "All rights reserved",
        "By Dana Whitfield",
    ):
        assert furniture not in article.text


def test_full_page_metadata_comes_from_og_and_json_ld():
    article = parse_article((GOLD_DIR / "state_budget_page.html").read_bytes())
    assert article.title == "Marsh signs $62.8 billion budget after three-week standoff"
    assert article.outlet == "Capital Ledger"
    assert article.byline == "Dana Whitfield"
    assert article.published_at.isoformat() == "2025-06-12T14:30:00+00:00"
    assert article.language == "en"


def test_list_items_are_paragraphs():
    article = parse_article(
        "<article><p>The items are:</p><ul><li>Medicaid: 34% of spending</li><li>Schools: 38%</li></ul></article>"
    )
    assert [p.text for p in article.paragraphs] == ["The items are:", "Medicaid: 34% of spending", "Schools: 38%"]


def test_javascript_mailto_and_fragment_links_are_not_citations():
    article = parse_article(
        '<p><a href="javascript:alert(1)">x</a> <a href="mailto:a@b.c">mail</a> <a href="#top">top</a> '
        '<a href="https://example.org/report">report</a></p>'
    )
    assert [link.href for link in article.links] == ["https://example.org/report"]


def test_relative_links_resolve_against_the_article_url():
    article = parse_article(
        '<p>See <a href="/data/results">the results</a>.</p>', url="https://news.example/politics/story"
    )
    assert article.links[0].href == "https://news.example/data/results"


def test_html_without_paragraphs_gives_an_empty_article():
    assert parse_article("<html><head><title>x</title></head><body></body></html>").paragraphs == ()
    assert parse_article("   ").text == ""


def test_deeply_nested_html_is_refused_clearly_instead_of_read_as_empty():
    html = "<div>" * 100_000 + "<p>Deep inside, 5% of the text.</p>" + "</div>" * 100_000
    with pytest.raises(IngestError) as raised:
        parse_article(html)
    assert raised.value.reason == "too_deep"


def test_nesting_just_under_the_parser_limit_is_read():
    html = "<div>" * 250 + "<p>Deep inside, 5% of the text.</p>" + "</div>" * 250
    assert parse_article(html).text == "Deep inside, 5% of the text."


def test_a_nul_after_the_first_8_kb_is_refused_after_decoding():
    html = b"<p>" + b"Turnout rose sharply in the county. " * 300 + b"\x00</p>"
    with pytest.raises(IngestError) as raised:
        parse_article(html)
    assert raised.value.reason == "invalid_characters"


def test_utf16_text_holding_a_nul_is_refused():
    with pytest.raises(IngestError) as raised:
        parse_article("<p>Turnout rose.\x00</p>".encode("utf-16"))
    assert raised.value.reason == "invalid_characters"


def test_a_link_to_an_impossible_host_or_an_overlong_url_is_dropped():
    host = ".".join(["a" * 60] * 5) + ".com"
    html = (
        f'<p>See <a href="https://{host}/x">one</a>, <a href="https://example.org/{"p" * 2100}">two</a>'
        ' and <a href="https://example.org/ok">three</a>.</p>'
    )
    assert [link.text for link in parse_article(html).links] == ["three"]


def test_canonical_url_and_language_are_read_from_the_page():
    html = (
        '<html><head><link rel="canonical" href="https://example.org/story"><meta http-equiv="content-language"'
        ' content="fr-FR"></head><body><p>Le texte.</p></body></html>'
    )
    article = parse_article(html)
    assert article.canonical_url == "https://example.org/story"
    assert article.language == "fr"


def test_decode_prefers_bom_then_meta_charset_then_utf8():
    assert decode_html("\ufeffcafé".encode()) == "café"
    latin = '<meta charset="iso-8859-1"><p>café</p>'.encode("latin-1")
    assert "café" in decode_html(latin)
    assert decode_html("<p>naïve</p>".encode()) == "<p>naïve</p>"


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty"),
        (b"   \n ", "empty"),
        (b"\x00\x01\x02PNG\x00", "binary"),
        ("<p>café</p>".encode("latin-1"), "undecodable"),
    ],
)
def test_undecodable_input_raises_a_clear_error(data, reason):
    with pytest.raises(IngestError) as raised:
        decode_html(data)
    assert raised.value.reason == reason
    assert raised.value.message


def test_links_with_a_malformed_port_are_not_citations():
    article = parse_article(
        '<p><a href="https://m:ailchi.mp/x">release</a> and <a href="https://ok.example:8080/y">data</a></p>'
    )
    assert [link.href for link in article.links] == ["https://ok.example:8080/y"]


def test_a_same_page_anchor_is_not_a_link():
    article = parse_article("<p>Turnout rose<a href='#fn-1'>1</a> and <a href='https://example.org/r'>fell</a>.</p>")
    assert [link.href for link in article.links] == ["https://example.org/r"]


def test_paragraphs_inside_a_blockquote_are_marked_quoted():
    article = parse_article("<p>Intro text here.</p><blockquote><p>Quoted one.</p><p>Quoted two.</p></blockquote>")
    assert [p.quoted for p in article.paragraphs] == [False, True, True]


def test_the_claim_a_fact_check_reviews_opens_the_paragraphs():
    html = (
        '<html><head><script type="application/ld+json">{"@type": "ClaimReview",'
        ' "claimReviewed": "The river rose 9 metres in one night."}</script></head>'
        "<body><article><p>Posts shared widely this week said the river had risen overnight.</p>"
        "<p>Gauge records show a rise of 2 metres.</p></article></body></html>"
    )
    article = parse_article(html)
    assert article.paragraphs[0].text == "The river rose 9 metres in one night."
    assert article.text[article.paragraphs[1].start : article.paragraphs[1].end] == article.paragraphs[1].text


def test_a_reviewed_claim_already_in_the_body_is_not_repeated():
    html = (
        '<html><head><script type="application/ld+json">{"@type": "ClaimReview",'
        ' "claimReviewed": "The river rose 9 metres."}</script></head>'
        "<body><article><p>The river rose 9 metres.</p></article></body></html>"
    )
    assert [p.text for p in parse_article(html).paragraphs] == ["The river rose 9 metres."]


@pytest.mark.parametrize(
    "line",
    [
        "© 2024 Example Media Inc. All Rights Reserved.",
        "This material may not be reproduced without permission.",
        "Dana Whitfield is a senior writer for The Ledger.",
        "Ana Ruiz covers the city council.",
        "Jo Bloggs / The Ledger / Getty Images",
        "Want more? Sign up for our weekly newsletter and get the best stories.",
        "Got a confidential news tip? We want to hear from you.",
        "Do you rely on our reporting? Click here to support it.",
        "Support Ledger and make a difference for readers everywhere.",
        "We use cookies and other tracking technologies to improve your experience.",
    ],
)
def test_common_page_furniture_inside_the_body_is_left_out(line):
    article = parse_article(
        f"<article><p>{line}</p><p>The council voted 7-2 on Monday to close the library.</p></article>"
    )
    assert [p.text for p in article.paragraphs] == ["The council voted 7-2 on Monday to close the library."]


@pytest.mark.parametrize(
    "line",
    [
        "In a newsletter to supporters, the senator claimed 5,000 jobs were created.",
        "Support for the measure fell to 40% in March, a poll found.",
        "A copyright lawsuit against the company was filed in May.",
        "Smith, a reporter, said the count was wrong.",
    ],
)
def test_reporting_that_mentions_such_words_is_kept(line):
    assert [p.text for p in parse_article(f"<article><p>{line}</p></article>").paragraphs] == [line]

"""Real pages from ten outlets (../shared/corpus): body found, furniture left out, quotes attributed.

The pages are publishers' property and stay outside the repository; these
tests skip with a reason where the folder is absent, as on a user's clone.
"""

import pytest

from articles.parsing import parse_article
from claims.extraction import extract_claims

# file, the body's first words, the body's last words, furniture on the page that must not leak into the body
PAGES = [
    (
        "cbsnews_sc_black_voters_2020.html",
        "The stakes are high for all of the candidates",
        'I need to know," Chisholm said.',
        "Watch CBS News anytime",
    ),
    ("clarin_fernandez_kirchner_es.html", '"No soy el dueño del Gobierno', "", "Las noticias más importantes del día"),
    (
        "cnbc_coal_trump_2016.html",
        "The U.S. Mountain States are moving away from coal",
        "it'll be in Wyoming most likely,\" he said.",
        "All Rights Reserved",
    ),
    (
        "correctiv_afd_extrablatt_2019_de.html",
        "Wie so viele Geschichten über den Spendenskandal",
        "",
        "CORRECTIV ist das erste gemeinnützige Recherchezentrum",
    ),
    (
        "fivethirtyeight_2020_endorsements.html",
        "If you’ve been following endorsements",
        "",
        "is a senior writer for FiveThirtyEight",
    ),
    (
        "lemonde_loi_renseignement_2015_fr.html",
        "Les députés ont, sans surprise, adopté",
        "",
        "Profitez du journal où et quand vous voulez",
    ),
    (
        "snopes_yovanovitch_net_worth_2019.html",
        "Former U.S. ambassador to Ukraine Marie Yovanovitch has a net worth",  # its ClaimReview's claimReviewed
        "",
        "Hundreds of fake account admins",
    ),
    (
        "thepoliticalinsider_electoral_college_2016.html",
        "I don’t want 2016 to end.",
        "",
        "Remember, a few short years ago when we lost",
    ),
    (
        "vox_delhi_air_pollution_2019.html",
        "Another cloud of choking smoke and dust",
        "",
        "We use cookies and other tracking technologies",
    ),
    ("wapo_netanyahu_election_2015.html", "President Obama told the U.N. General Assembly", "", "washingtonpost.com"),
]
SPEAKERS = [
    ("cnbc_coal_trump_2016.html", "People have described the deposits as freakish", "Robert Godby"),
    ("cnbc_coal_trump_2016.html", "when the last coal train leaves the station", "Robert Godby"),
    ("wapo_netanyahu_election_2015.html", "Netanyahu broke a lot of crockery", "Martin Indyk"),
    ("wapo_netanyahu_election_2015.html", "deeply concerned about rhetoric", "Josh Earnest"),
    ("wapo_netanyahu_election_2015.html", "Both sides are going to want to turn down the rhetoric", "Robert M. Danin"),
    (
        "vox_delhi_air_pollution_2019.html",
        "Nothing stands between the decision and the implementation",
        "Aseem Prakash",
    ),
    ("cbsnews_sc_black_voters_2020.html", "They matter a lot", "Renada Chisholm"),
]


def read(corpus_dir, name):
    article = parse_article((corpus_dir / name).read_bytes())
    return article, extract_claims(article.paragraphs, article.text)


@pytest.mark.parametrize(("name", "first", "last", "furniture"), PAGES)
def test_body_is_found_without_furniture(corpus_dir, name, first, last, furniture):
    article, extraction = read(corpus_dir, name)
    assert article.paragraphs[0].text.startswith(first)
    if last:
        assert article.paragraphs[-1].text.endswith(last)
    assert furniture not in article.text
    assert len(article.paragraphs) >= 8
    assert all(article.text[c.start : c.end] == c.text for c in extraction.claims)
    assert all(article.text[q.start : q.end] == q.text for q in extraction.quotations)


@pytest.mark.parametrize(("name", "fragment", "speaker"), SPEAKERS)
def test_quotes_are_attributed(corpus_dir, name, fragment, speaker):
    _, extraction = read(corpus_dir, name)
    quote = next(q for q in extraction.quotations if fragment in q.text)
    assert quote.speaker == speaker


def test_english_pages_give_claims_a_reviewer_recognises(corpus_dir):
    _, extraction = read(corpus_dir, "cnbc_coal_trump_2016.html")
    production = next(c for c in extraction.claims if "447.6 million tons" in c.text)
    assert production.checkworthy and production.type == "statistic"
    assert any(n.value == 447_600_000 and n.unit == "tons" for n in production.numbers)
    _, extraction = read(corpus_dir, "snopes_yovanovitch_net_worth_2019.html")
    assert any("$17 million" in c.text and c.checkworthy for c in extraction.claims)


@pytest.mark.parametrize(
    "name",
    [
        "clarin_fernandez_kirchner_es.html",
        "correctiv_afd_extrablatt_2019_de.html",
        "lemonde_loi_renseignement_2015_fr.html",
    ],
)
def test_non_english_pages_ingest_cleanly_with_links_and_paragraphs(corpus_dir, name):
    article, extraction = read(corpus_dir, name)
    assert article.language in {"es", "de", "fr"}
    assert article.links and len(article.paragraphs) >= 15
    assert "Ã" not in article.text  # decoded as UTF-8, not mojibake
    assert extraction.claims


def test_reader_comments_are_not_claims(corpus_dir):
    article, extraction = read(corpus_dir, "thepoliticalinsider_electoral_college_2016.html")
    assert "Remember, a few short years ago" not in article.text
    assert not any("share this post" in c.text for c in extraction.claims)

"""ingest_article: everything stored in one transaction, or nothing."""

from unittest import mock

import pytest

from articles.errors import IngestError
from articles.ingest import ingest, ingest_article
from articles.models import Article
from claims.models import Citation, Claim, ConsistencyCheck, Quotation, Source

pytestmark = pytest.mark.django_db


def test_seed_gives_34_paragraphs_17_citations_and_15_sources(seed_article):
    assert seed_article.paragraph_count == 34
    assert len(seed_article.text.split("\n\n")) == 34
    assert seed_article.citations.count() == 17
    assert Source.objects.count() == 15


def test_tweet_links_differing_only_in_tracking_parameters_are_one_source(seed_article, seed_gold):
    for first, second in seed_gold["same_source"]:
        first_source = Citation.objects.get(article=seed_article, href=first).source
        second_source = Citation.objects.get(article=seed_article, href=second).source
        assert first_source == second_source
        assert "?" not in first_source.canonical_url


def test_citation_offsets_delimit_the_anchor_text(seed_article):
    for citation in seed_article.citations.all():
        assert seed_article.text[citation.start : citation.end] == citation.anchor_text


def test_claims_quotations_and_checks_are_stored(seed_article):
    claims = list(seed_article.claims.all())
    assert len(claims) > 30
    for claim in claims:
        assert seed_article.text[claim.start : claim.end] == claim.text
        assert seed_article.text[max(0, claim.start - len(claim.prefix)) : claim.start] == claim.prefix
    vote_share = seed_article.claims.get(text__contains="57.4%")
    assert vote_share.claim_type == Claim.Type.VOTE_SHARE
    assert [s.domain for s in vote_share.sources.all()] == ["nbcnews.com"]
    assert Quotation.objects.filter(article=seed_article, speaker="Eduardo Gamarra").count() >= 2
    assert ConsistencyCheck.objects.get(article=seed_article, kind="vote_shares_sum").ok


def test_metadata_of_a_fragment_falls_back_to_its_first_words(seed_article):
    assert seed_article.title.startswith("After winning re-election to her seat")
    assert seed_article.title.endswith("…")


def test_ingesting_the_same_html_again_returns_the_same_article_and_changes_nothing(seed_html):
    first = ingest(seed_html)
    counts = (Article.objects.count(), Claim.objects.count(), Citation.objects.count(), Source.objects.count())
    again = ingest(seed_html)
    assert first.created and not again.created
    assert again.article.pk == first.article.pk
    assert (Article.objects.count(), Claim.objects.count(), Citation.objects.count(), Source.objects.count()) == counts


def test_same_html_in_another_encoding_is_the_same_article():
    html = "<p>Le député a voté contre, selon le procès-verbal publié mardi.</p>"
    first = ingest_article(html.encode("utf-8"))
    second = ingest_article(('<meta charset="iso-8859-1">' + html).encode("latin-1"))
    assert first.text == second.text


def test_a_failure_half_way_leaves_no_rows(seed_html):
    with (
        mock.patch("articles.ingest.store_extractions", side_effect=RuntimeError("disk full")),
        pytest.raises(RuntimeError),
    ):
        ingest_article(seed_html)
    assert Article.objects.count() == 0
    assert Citation.objects.count() == 0
    assert Claim.objects.count() == 0


def test_a_failure_after_sources_were_written_rolls_them_back(seed_html):
    with (
        mock.patch("claims.services._store_quotations_and_checks", side_effect=RuntimeError("boom")),
        pytest.raises(RuntimeError),
    ):
        ingest_article(seed_html)
    assert Source.objects.count() == 0
    assert Claim.objects.count() == 0


def test_sources_are_shared_between_articles(seed_article):
    other = ingest_article(
        '<p>Bukele <a href="https://x.com/nayibbukele/status/1377840717884706819?s=21">tweeted</a> again on Monday.</p>'
    )
    assert Source.objects.count() == 15
    assert other.citations.get().source.citations.count() == 3


@pytest.mark.parametrize(
    ("data", "reason"),
    [(b"", "empty"), (b"\x89PNG\r\n\x1a\n\x00\x00\x00", "binary"), ("<p>caf\xe9</p>".encode("latin-1"), "undecodable")],
)
def test_bad_input_raises_ingest_error_and_stores_nothing(data, reason):
    with pytest.raises(IngestError) as raised:
        ingest_article(data)
    assert raised.value.reason == reason
    assert Article.objects.count() == 0


def test_input_over_the_size_limit_is_refused(settings):
    settings.FACTCHECK_MAX_ARTICLE_BYTES = 1000
    with pytest.raises(IngestError) as raised:
        ingest_article("<p>" + "word " * 400 + "</p>")
    assert raised.value.reason == "too_large"
    assert "1,000" in raised.value.message


def test_html_with_no_paragraphs_gives_an_empty_article():
    article = ingest_article("<html><head><title>Only a title</title></head><body><script>x()</script></body></html>")
    assert article.title == "Only a title"
    assert article.text == ""
    assert article.claims.count() == 0


def test_a_url_that_is_not_http_is_refused():
    with pytest.raises(IngestError) as raised:
        ingest_article("<p>Some text here.</p>", url="javascript:alert(1)")
    assert raised.value.reason == "invalid_url"

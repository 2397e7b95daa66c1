"""ingest_many: bulk ingestion in batches stores exactly what one-by-one ingestion stores."""

from unittest import mock

import pytest

from articles.errors import IngestError
from articles.ingest import ingest, ingest_many
from articles.models import Article
from claims.models import Citation, Claim, ConsistencyCheck, Quotation, Source

pytestmark = pytest.mark.django_db

PAGES = [
    "<p>Ana Rivera won the race with 54.2% of the vote, according to "
    '<a href="https://example.com/results?utm_source=x">results</a>.</p>'
    "<p>Tom Becker got 45.8% of the vote.</p>",
    "<p>“We will fix transit within two years,” Rivera said at a rally.</p>"
    '<p>Becker accused Rivera of misleading voters about the <a href="https://city.example.gov/budget">budget</a>.</p>',
    "<p>Turnout was 41%, up from 22% four years ago, the clerk said.</p>"
    '<p>Nearly 60% of residents rely on buses, <a href="https://example.com/results">a survey</a> found.</p>',
]


def stored_rows():
    """Everything ingestion writes, keyed by article content so that ids do not matter."""
    rows = {}
    for article in Article.objects.order_by("content_hash"):
        rows[article.content_hash] = {
            "article": (article.title, article.text, article.paragraph_count),
            "claims": sorted(
                (
                    c.text,
                    c.start,
                    c.end,
                    c.claim_type,
                    c.claimant,
                    c.checkworthy,
                    tuple(sorted(c.sources.values_list("canonical_url", flat=True))),
                )
                for c in article.claims.all()
            ),
            "citations": sorted(article.citations.values_list("href", "start", "end", "source__canonical_url")),
            "quotations": sorted(article.quotations.values_list("text", "speaker", "start")),
            "checks": sorted(
                (check.kind, check.ok, tuple(sorted(check.claims.values_list("text", flat=True))))
                for check in article.consistency_checks.all()
            ),
        }
    return rows


def empty_database():
    Article.objects.all().delete()
    Source.objects.all().delete()
    Claim.history.model.objects.all().delete()


def pages(*htmls):
    return [(index, html, None) for index, html in enumerate(htmls)]


def test_batches_store_the_same_rows_as_one_by_one_ingestion(seed_html):
    for html in [seed_html, *PAGES]:
        ingest(html)
    expected = stored_rows()
    history_rows = Claim.history.count()
    empty_database()

    results = dict(ingest_many(pages(seed_html, *PAGES), batch_size=2))

    assert stored_rows() == expected
    assert all(result.created for result in results.values())
    assert [result.claim_count for result in results.values()] == [
        Claim.objects.filter(article=result.article).count() for result in results.values()
    ]
    assert Claim.history.count() == history_rows, "every claim gets its creation history row"
    assert Source.objects.filter(canonical_url="https://example.com/results").count() == 1


def test_parsing_in_worker_processes_gives_the_same_rows(seed_html):
    list(ingest_many(pages(seed_html, *PAGES), batch_size=2))
    expected = stored_rows()
    empty_database()

    results = list(ingest_many(pages(seed_html, *PAGES), batch_size=2, workers=2))

    assert [key for key, _ in results] == [0, 1, 2, 3]
    assert stored_rows() == expected


def test_duplicates_in_a_batch_and_in_the_database_return_the_stored_article():
    earlier = ingest(PAGES[0]).article

    results = list(ingest_many(pages(PAGES[0], PAGES[1], PAGES[1], PAGES[2]), batch_size=10))

    outcomes = [result for _, result in results]
    assert outcomes[0].article == earlier and not outcomes[0].created
    assert outcomes[1].created and not outcomes[2].created
    assert outcomes[2].article == outcomes[1].article
    assert outcomes[3].created
    assert Article.objects.count() == 3


def test_bad_pages_are_reported_in_place_and_the_others_stored():
    results = list(
        ingest_many(
            [
                ("empty", b"   ", None),
                ("good", PAGES[0], None),
                ("binary", b"\x00\x01<p>x", None),
                ("url", PAGES[1], "ftp://x"),
            ],
            batch_size=3,
        )
    )

    assert [key for key, _ in results] == ["empty", "good", "binary", "url"]
    reasons = {key: outcome.reason for key, outcome in results if isinstance(outcome, IngestError)}
    assert reasons == {"empty": "empty", "binary": "binary", "url": "invalid_url"}
    assert Article.objects.count() == 1


def test_a_failing_batch_leaves_no_rows_of_that_batch():
    results = ingest_many(pages(*PAGES), batch_size=2)
    with (
        mock.patch("articles.ingest.store_extractions", side_effect=RuntimeError("disk full")),
        pytest.raises(RuntimeError),
    ):
        next(results)
    assert Article.objects.count() == 0
    assert Citation.objects.count() == Claim.objects.count() == Source.objects.count() == 0
    assert Quotation.objects.count() == ConsistencyCheck.objects.count() == 0


def test_an_article_stored_meanwhile_by_another_writer_is_returned_not_duplicated():
    meanwhile = []

    def stream():
        yield 0, PAGES[0], None
        yield 1, PAGES[1], None
        # By now the first batch was checked against the database but not written: another writer stores it first.
        meanwhile.append(ingest(PAGES[1]))
        yield 2, PAGES[2], None

    results = dict(ingest_many(stream(), batch_size=2))

    assert results[0].created and results[2].created
    assert not results[1].created and results[1].article == meanwhile[0].article
    assert Article.objects.count() == 3
    assert Claim.objects.filter(article=results[1].article).count() == meanwhile[0].claim_count > 0

"""Claims matched as a batch (bulk ingestion, ``match_claims``) get exactly what each would get matched alone."""

import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from articles.ingest import ingest_article, ingest_many
from articles.models import Article
from claims.models import Claim
from matching import services
from matching.claimreview_import import read_claim_reviews
from matching.models import ClaimMatch

from .factories import claim_review, make_claim, publish

pytestmark = pytest.mark.django_db

CHECKED = [
    "The city's unemployment rate fell to 3.2% last year, the lowest level in two decades.",
    "Mayor Ana Rivera said the transit plan will cost $40 million over five years.",
]
EXTERNAL = [
    "The city's unemployment rate fell to 3.2%, the lowest in two decades.",
    "Crime in the city doubled in 2023.",
    "The transit plan will cost $40 million, Rivera said.",
]
NEW = [
    "Unemployment in the city fell to 3.2% last year, its lowest level in two decades, the mayor said.",
    "Unemployment in the city fell to 4.1% last year, its lowest level in two decades.",
    "Unemployment in the city rose to 3.2% last year, its highest level in two decades.",
    "Crime in the city doubled in 2023, the police chief said.",
    "The transit plan will cost $40 million over five years, Rivera said at a rally.",
    "Taxes rose.",
    "Nothing else happened in the council today.",
]


def import_reviews(*reviews):
    records, errors = read_claim_reviews(json.dumps(list(reviews)), kind="json")
    return services.import_fact_checks(records, errors=errors, match=False)


@pytest.fixture
def already_checked(reviewer, editor):
    checked = [make_claim(text) for text in CHECKED]
    for claim in checked:
        publish(claim, reviewer=reviewer, editor=editor)
    import_reviews(*(claim_review(f"https://checker.example/{n}", text) for n, text in enumerate(EXTERNAL)))
    return checked


def found(matches):
    return [(m.claim_id, m.kind, m.matched_claim_id, m.external_id, m.score) for m in matches]


def test_claims_matched_together_get_what_each_gets_alone(already_checked):
    # New claims, a second copy of one, and the checked claims themselves (which must not match themselves).
    claims = [make_claim(text) for text in [*NEW, NEW[0]]] + already_checked
    alone = {claim.pk: found(services.find_matches(claim)) for claim in claims}
    assert any(alone.values()), "the set holds matches to compare"

    @settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(st.permutations(claims), st.integers(min_value=1, max_value=len(claims)))
    def check(order, size):
        batch = order[:size]
        together = services.find_matches_for(batch)
        assert [found(matches) for matches in together] == [alone[claim.pk] for claim in batch]

    check()


def test_match_claims_reads_the_same_few_queries_for_one_claim_or_forty(already_checked):
    one = [make_claim(NEW[0]).pk]
    forty = [make_claim(NEW[n % len(NEW)]).pk for n in range(40)]
    with CaptureQueriesContext(connection) as for_one:
        services.match_claims(one)
    with CaptureQueriesContext(connection) as for_forty:
        services.match_claims(forty)
    # Storing the matches found adds the same inserts and re-reads either way; the search adds nothing per claim.
    assert len(for_forty.captured_queries) == len(for_one.captured_queries)


def test_match_claims_over_several_batches_matches_every_claim(already_checked, monkeypatch):
    monkeypatch.setattr(services, "BATCH", 3)
    claims = [make_claim(text) for text in NEW]
    expected = sorted(found(m for claim in claims for m in services.find_matches(claim)))
    assert services.match_claims([claim.pk for claim in claims]) == len(expected)
    assert sorted(found(ClaimMatch.objects.filter(claim__in=claims))) == expected


def stored_matches():
    """The stored matches, keyed by what survives re-ingestion: the claim's text, not its id."""
    return sorted(
        (m.claim.text, m.kind, m.matched_claim_id, m.external_id, m.score)
        for m in ClaimMatch.objects.select_related("claim")
    )


def test_a_bulk_ingested_batch_gets_the_matches_one_by_one_ingestion_gets(
    already_checked, django_capture_on_commit_callbacks
):
    pages = [f"<html><body><p>{a}</p><p>{b}</p></body></html>" for a, b in zip(NEW, NEW[1:] + NEW[:1], strict=True)]
    with django_capture_on_commit_callbacks(execute=True):
        outcomes = list(ingest_many(((n, page, None) for n, page in enumerate(pages)), batch_size=3))
    assert all(outcome.created for _, outcome in outcomes)
    bulk = stored_matches()
    assert {kind for _, kind, *_ in bulk} == {"verdict", "external"}

    Article.objects.filter(pk__in=[outcome.article.pk for _, outcome in outcomes]).delete()
    assert not ClaimMatch.objects.exists()
    for page in pages:
        with django_capture_on_commit_callbacks(execute=True):
            ingest_article(page)
    assert stored_matches() == bulk


def test_with_nothing_checked_or_imported_yet_matching_searches_nothing(db):
    claims = [make_claim(text).pk for text in NEW]
    with CaptureQueriesContext(connection) as queries:
        assert services.match_claims(claims) == 0
    assert not [query for query in queries.captured_queries if "to_tsvector" in query["sql"]]
    assert not [query for query in queries.captured_queries if "to_tsquery" in query["sql"]]


def test_once_nothing_is_checked_any_more_rematching_drops_unconfirmed_matches_and_keeps_confirmed_ones(
    reviewer, editor
):
    checked = make_claim(CHECKED[0])
    publish(checked, reviewer=reviewer, editor=editor)
    dropped, kept = make_claim(NEW[0]), make_claim(NEW[0])
    services.match_claims([dropped.pk, kept.pk])
    kept.matches.update(confirmed=True)
    Claim.objects.filter(pk=checked.pk).update(current_verdict=None)  # its verdict withdrawn: nothing checked is left

    assert services.match_claims([dropped.pk, kept.pk]) == 0

    assert not dropped.matches.exists()
    assert kept.matches.get().matched_claim == checked

"""Counting long lists: exact when small, the planner's estimate (flagged) when large, on PostgreSQL."""

import pytest
from django.db import connection

from claims import pagination
from claims.models import Claim

pytestmark = pytest.mark.django_db

postgresql_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="estimates come from PostgreSQL's planner; elsewhere counts are exact"
)


@pytest.fixture
def small_threshold(monkeypatch):
    monkeypatch.setattr(pagination, "ESTIMATE_ABOVE", 5)


def test_short_lists_are_counted_exactly(seed_article, small_threshold):
    vote_shares = Claim.objects.filter(article=seed_article, claim_type=Claim.Type.VOTE_SHARE)
    assert 0 < vote_shares.count() <= 5

    assert pagination.counted(vote_shares) == (vote_shares.count(), False)


@postgresql_only
def test_long_filtered_lists_get_an_estimate_no_smaller_than_what_was_counted(seed_article, small_threshold):
    checkworthy = Claim.objects.filter(article=seed_article, checkworthy=True)
    assert checkworthy.count() > 5

    count, is_estimate = pagination.counted(checkworthy)

    assert is_estimate
    assert count >= 6


@postgresql_only
def test_the_unfiltered_table_uses_its_row_estimate(seed_article, small_threshold):
    with connection.cursor() as cursor:
        cursor.execute(f"ANALYZE {Claim._meta.db_table}")

    count, is_estimate = pagination.counted(Claim.objects.all())

    assert is_estimate and count == Claim.objects.count()


def test_the_api_says_whether_its_count_is_an_estimate(client, seed_article, small_threshold):
    body = client.get("/api/v1/claims/?type=vote_share").json()
    assert body["count"] == len(body["results"]) and body["count_is_estimate"] is False

    body = client.get("/api/v1/claims/?page_size=2").json()
    assert len(body["results"]) == 2
    assert body["count_is_estimate"] is (connection.vendor == "postgresql")


@postgresql_only
def test_an_estimate_far_above_the_line_is_believed_without_counting(
    seed_article, monkeypatch, django_assert_num_queries
):
    monkeypatch.setattr(pagination, "ESTIMATE_ABOVE", 1)
    monkeypatch.setattr(pagination, "TRUSTED_MARGIN", 2)
    with connection.cursor() as cursor:
        cursor.execute(f"ANALYZE {Claim._meta.db_table}")
    claims = Claim.objects.filter(article=seed_article)

    with django_assert_num_queries(1):  # the EXPLAIN, and no count
        count, is_estimate = pagination.counted(claims)

    assert is_estimate
    assert abs(count - claims.count()) <= claims.count() // 2


def test_a_queryset_known_to_be_empty_counts_zero_without_a_statement(django_assert_num_queries):
    with django_assert_num_queries(0):  # on PostgreSQL there used to be an EXPLAIN of nothing, and a 500
        assert pagination.counted(Claim.objects.none()) == (0, False)

"""Pieces for running past one machine: the public-page cache and the read-replica router."""

import pytest
from django.core.cache import cache
from django.test import RequestFactory

from claims import reviews
from claims.models import Rating
from factcheck.routing import PublicReadsMiddleware, PublicReadsToReplicaRouter, reading_public_page

pytestmark = pytest.mark.django_db


@pytest.fixture
def page_cache(settings):
    settings.PUBLIC_PAGE_CACHE_SECONDS = 300
    cache.clear()
    yield
    cache.clear()


def test_a_cached_public_page_is_served_without_queries(client, seed_article, page_cache, django_assert_num_queries):
    url = seed_article.get_absolute_url()
    first = client.get(url)
    with django_assert_num_queries(0):
        second = client.get(url)
    assert second.content == first.content and "max-age=60" in second["Cache-Control"]


def test_publishing_a_verdict_invalidates_cached_pages(
    client, seed_article, reviewer, editor, page_cache, django_capture_on_commit_callbacks
):
    claim = seed_article.claims.get(text__contains="57.4%")
    assert "[Unreviewed]" in client.get(seed_article.get_absolute_url()).content.decode()
    client.get(claim.get_absolute_url())
    verdict = reviews.draft_verdict(
        claim=claim, by=reviewer, rating=Rating.objects.get(slug="true"), summary="Checks out."
    )
    with django_capture_on_commit_callbacks(execute=True):
        reviews.publish_verdict(verdict, by=editor)
    assert "[True]" in client.get(seed_article.get_absolute_url()).content.decode()
    assert "Checks out." in client.get(claim.get_absolute_url()).content.decode()


def test_signed_in_reviewers_never_get_cached_pages(
    client, seed_article, reviewer, page_cache, django_assert_max_num_queries
):
    client.force_login(reviewer)
    client.get(seed_article.get_absolute_url())
    response = client.get(seed_article.get_absolute_url())
    assert "Cache-Control" not in response or "public" not in response["Cache-Control"]


def route_for(path, method="GET", user=None):
    from django.contrib.auth.models import AnonymousUser

    request = getattr(RequestFactory(), method.lower())(path)
    request.user = user or AnonymousUser()
    seen = {}

    def view(request):
        seen["db"] = PublicReadsToReplicaRouter().db_for_read(Rating)
        return None

    PublicReadsMiddleware(view)(request)
    return seen["db"]


def test_router_sends_anonymous_public_reads_to_the_replica_and_everything_else_to_default(monkeypatch, reviewer):
    monkeypatch.setattr("factcheck.routing.replica_configured", lambda: True)
    assert route_for("/claims/1/x/") == "replica"
    assert route_for("/api/v1/claims/") is None
    assert route_for("/admin/claims/claim/") is None
    assert route_for("/claims/1/x/", method="POST") is None
    assert route_for("/claims/1/x/", user=reviewer) is None
    assert PublicReadsToReplicaRouter().db_for_write(Rating) == "default"
    assert reading_public_page.get() is False


def test_without_a_replica_everything_reads_from_default(settings):
    assert "replica" not in settings.DATABASES  # DATABASE_REPLICA_URL unset
    assert route_for("/claims/1/x/") is None

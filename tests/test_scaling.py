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
    assert 'data-rating="true"' not in client.get(seed_article.get_absolute_url()).content.decode()
    client.get(claim.get_absolute_url())
    verdict = reviews.draft_verdict(
        claim=claim, by=reviewer, rating=Rating.objects.get(slug="true"), summary="Checks out."
    )
    with django_capture_on_commit_callbacks(execute=True):
        reviews.publish_verdict(verdict, by=editor)
    assert 'data-rating="true"' in client.get(seed_article.get_absolute_url()).content.decode()
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


def test_anonymous_api_lists_are_cached_per_format_and_query(
    client, seed_article, page_cache, django_assert_num_queries
):
    first = client.get("/api/v1/claims/?type=vote_share", HTTP_ACCEPT="application/json")
    with django_assert_num_queries(0):
        again = client.get("/api/v1/claims/?type=vote_share", HTTP_ACCEPT="application/json")
    assert again.json() == first.json() and "public" in again["Cache-Control"]
    assert "Authorization" in again["Vary"]

    other_query = client.get("/api/v1/claims/?type=quote", HTTP_ACCEPT="application/json").json()
    assert other_query != first.json()
    browsable = client.get("/api/v1/claims/?type=vote_share", HTTP_ACCEPT="text/html")
    assert browsable["Content-Type"].startswith("text/html")


def test_api_clients_with_credentials_bypass_the_cache_and_see_drafts(
    client, seed_article, reviewer, editor, page_cache
):
    from integrations.tokens import create_token

    claim = seed_article.claims.get(text__contains="57.4%")
    assert client.get("/api/v1/verdicts/").json()["results"] == []
    reviews.draft_verdict(claim=claim, by=reviewer, rating=Rating.objects.get(slug="true"), summary="Draft.")

    token = create_token(user=editor, name="tests")[1]
    as_editor = client.get("/api/v1/verdicts/", HTTP_AUTHORIZATION=f"Token {token}").json()
    assert [verdict["summary"] for verdict in as_editor["results"]] == ["Draft."]
    # The anonymous list cached before the draft existed still shows no drafts, and never the editor's view.
    assert client.get("/api/v1/verdicts/").json()["results"] == []


def test_changes_invalidate_cached_api_responses(
    client, seed_article, reviewer, page_cache, django_capture_on_commit_callbacks
):
    from articles.ingest import ingest

    claim = seed_article.claims.get(text__contains="57.4%")
    assert client.get(f"/api/v1/claims/{claim.pk}/").json()["checkworthy"] is True
    assert client.get("/api/v1/articles/").json()["count"] == 1

    with django_capture_on_commit_callbacks(execute=True):
        reviews.mark_not_checkworthy([claim], reason="Already checked.", by=reviewer)
    assert client.get(f"/api/v1/claims/{claim.pk}/").json()["checkworthy"] is False

    with django_capture_on_commit_callbacks(execute=True):
        ingest("<p>Ana Rivera won the race with 54.2% of the vote, officials said.</p>")
    assert client.get("/api/v1/articles/").json()["count"] == 2

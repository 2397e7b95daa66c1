"""/api/v1/claims/: filters, search, ordering, pagination, ETags, status updates.

The claims are rows of the ``election`` article (tests/api/conftest.py), not the extractor's reading of the seed.
"""

import pytest

from claims.models import Claim
from tests.factories import make_claim

pytestmark = pytest.mark.django_db


def texts(response):
    return [claim["text"] for claim in response.json()["results"]]


def test_filters(api, election, published):
    make_claim()  # a claim of another article, which the article filter leaves out
    assert len(texts(api.get("/api/v1/claims/", {"type": "vote_share"}))) == 2
    assert texts(api.get("/api/v1/claims/", {"rating": "true"})) == [published.claim.text]
    unreviewed = api.get("/api/v1/claims/", {"rating": "unreviewed"}).json()["count"]
    assert unreviewed == Claim.objects.count() - 1
    by_torres = api.get("/api/v1/claims/", {"claimant": "torres"}).json()["results"]
    assert [c["claimant"] for c in by_torres] == ["Norma Torres"]
    sourced = api.get("/api/v1/claims/", {"has_sources": "true"}).json()["results"]
    assert sourced and all(c["sources"] for c in sourced)
    assert all(not c["sources"] for c in api.get("/api/v1/claims/", {"has_sources": "false"}).json()["results"])
    assert all(
        c["checkworthy"]
        for c in api.get("/api/v1/claims/", {"checkworthy": "true", "page_size": 200}).json()["results"]
    )
    assert api.get("/api/v1/claims/", {"status": "published"}).json()["count"] == 1
    assert api.get("/api/v1/claims/", {"article": election.pk}).json()["count"] == election.claims.count() == 4
    assert api.get("/api/v1/claims/", {"created_after": "2999-01-01T00:00:00Z"}).json()["count"] == 0


def test_search_over_text_and_claimant(api, election):
    assert texts(api.get("/api/v1/claims/", {"search": "57.4"})) == [election.claims.get(text__contains="57.4").text]
    found = api.get("/api/v1/claims/", {"search": "Mayorga"}).json()["results"]
    assert len(found) == 2 and all("Mayorga" in c["claimant"] or "Mayorga" in c["text"] for c in found)


def test_ordering_and_pagination(api, election):
    for i in range(20):
        make_claim(article=election, paragraph=i % 4, checkworthiness=round(i / 25, 2))
    scores = [c["checkworthiness"] for c in api.get("/api/v1/claims/", {"page_size": 200}).json()["results"]]
    assert scores == sorted(scores, reverse=True)
    ids = [c["id"] for c in api.get("/api/v1/claims/", {"ordering": "-id", "page_size": 5}).json()["results"]]
    assert ids == sorted(ids, reverse=True) and len(ids) == 5
    first = api.get("/api/v1/claims/", {"page_size": 10}).json()
    second = api.get(first["next"]).json()
    assert second["count"] == election.claims.count() == 24
    assert len(second["results"]) == 10
    assert {c["id"] for c in first["results"]}.isdisjoint(c["id"] for c in second["results"])
    assert len(api.get("/api/v1/claims/", {"page_size": 10_000}).json()["results"]) <= 200


def test_invalid_filter_values_are_400_not_500(api, election):
    for params in (
        {"type": "opinion"},
        {"checkworthy": "perhaps"},
        {"created_after": "yesterday"},
        {"article": "abc"},
        {"published_after": "3660-09-26T19:23:47+20:37"},  # no time zone is 20 hours off; PostgreSQL would fail
        {"article": str(2**70)},
    ):
        response = api.get("/api/v1/claims/", params)
        assert response.status_code == 400, params
        assert response.json()["code"] == "invalid"
    assert api.get("/api/v1/claims/", {"cursor": "not-a-cursor"}).status_code == 400
    assert api.get("/api/v1/claims/", {"page": 2}).status_code == 400  # claims page by cursor, not number


def test_claim_list_query_count_is_constant(api, published, django_assert_max_num_queries):
    article = published.claim.article
    Claim.objects.bulk_create(
        [Claim(article=article, text="abcde", paragraph=0, start=i * 10, end=i * 10 + 5) for i in range(60)]
    )
    # count (on PostgreSQL: the planner's estimate first, then an exact count when small), page with joins, sources
    with django_assert_max_num_queries(4):
        response = api.get("/api/v1/claims/", {"page_size": 50})
    assert len(response.json()["results"]) == 50


def test_retrieve_carries_an_etag_and_anchors(api, published):
    response = api.get(f"/api/v1/claims/{published.claim_id}/")
    body = response.json()
    assert response["ETag"].startswith('"claim-')
    assert body["current_verdict"]["rating"]["slug"] == "true"
    assert body["selector"] == {
        "type": "TextQuoteSelector",
        "exact": body["text"],
        "prefix": published.claim.prefix,
        "suffix": published.claim.suffix,
    }
    assert body["numbers"][0]["subject"] == "Norma Torres"


def test_reviewer_changes_status_with_a_fresh_etag_and_a_stale_one_is_412(api, reviewer_api, election):
    claim = election.claims.get(text__contains="42.6%")
    etag = api.get(f"/api/v1/claims/{claim.pk}/")["ETag"]
    first = reviewer_api.patch(
        f"/api/v1/claims/{claim.pk}/", {"status": "in_review"}, format="json", HTTP_IF_MATCH=etag
    )
    assert first.status_code == 200 and first.json()["status"] == "in_review" and first["ETag"] != etag
    stale = reviewer_api.patch(f"/api/v1/claims/{claim.pk}/", {"status": "reviewed"}, format="json", HTTP_IF_MATCH=etag)
    assert stale.status_code == 412 and stale.json()["code"] == "precondition_failed"
    assert Claim.objects.get(pk=claim.pk).status == "in_review"


def test_status_updates_need_permission_and_published_is_refused(api, reviewer_api, election):
    claim = election.claims.first()
    assert api.patch(f"/api/v1/claims/{claim.pk}/", {"status": "in_review"}, format="json").status_code == 401
    etag = reviewer_api.get(f"/api/v1/claims/{claim.pk}/")["ETag"]
    refused = reviewer_api.patch(
        f"/api/v1/claims/{claim.pk}/", {"status": "published"}, format="json", HTTP_IF_MATCH=etag
    )
    assert refused.status_code == 400
    response = reviewer_api.patch(
        f"/api/v1/claims/{claim.pk}/",
        {"checkworthy": False, "not_checkworthy_reason": "Opinion."},
        format="json",
        HTTP_IF_MATCH=etag,
    )
    assert response.status_code == 200 and response.json()["checkworthy"] is False

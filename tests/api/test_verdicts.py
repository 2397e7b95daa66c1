"""Verdicts over the API: drafts, visibility, publishing, corrections, concurrency."""

import pytest
from django.contrib.auth.models import User

from claims.models import Verdict

from .conftest import client_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def claim(seed_article):
    return seed_article.claims.get(text__contains="57.4%")


def draft(client, claim, **extra):
    return client.post(
        f"/api/v1/claims/{claim.pk}/verdicts/",
        {"rating": "true", "summary": "Matches the results.", **extra},
        format="json",
    )


def test_reviewer_drafts_with_new_evidence_urls(reviewer_api, claim):
    response = draft(reviewer_api, claim, evidence_urls=["https://www.nbcnews.com/results?utm_source=x"])
    body = response.json()
    assert response.status_code == 201 and response["ETag"] == f'"verdict-{body["id"]}-v1"'
    assert body["status"] == "draft" and body["reviewer"] == "rita"
    assert [e["canonical_url"] for e in body["evidence"]] == ["https://nbcnews.com/results"]


def test_drafting_needs_a_reviewer(api, claim):
    assert draft(api, claim).status_code == 401
    reader = client_for(User.objects.create_user("reader"))
    assert draft(reader, claim).status_code == 403


def test_invalid_rating_is_400(reviewer_api, claim):
    response = draft(reviewer_api, claim, rating="pants-on-fire")
    assert response.status_code == 400 and "rating" in response.json()["errors"]


def test_drafts_are_hidden_from_anonymous_readers(api, reviewer_api, claim):
    draft(reviewer_api, claim)
    assert api.get("/api/v1/verdicts/").json()["count"] == 0
    assert api.get(f"/api/v1/claims/{claim.pk}/verdicts/").json() == []
    assert reviewer_api.get("/api/v1/verdicts/").json()["count"] == 1
    verdict_id = Verdict.objects.get().pk
    assert api.get(f"/api/v1/verdicts/{verdict_id}/").status_code == 404


def test_only_an_editor_publishes_and_only_once(reviewer_api, editor_api, claim):
    verdict_id = draft(reviewer_api, claim).json()["id"]
    refused = reviewer_api.post(f"/api/v1/verdicts/{verdict_id}/publish/")
    assert refused.status_code == 403 and refused.json()["code"] == "forbidden"
    published = editor_api.post(f"/api/v1/verdicts/{verdict_id}/publish/")
    assert published.status_code == 200 and published.json()["status"] == "published"
    assert editor_api.post(f"/api/v1/verdicts/{verdict_id}/publish/").status_code == 409


def test_editor_corrects_with_a_note_and_the_correction_is_public(api, editor_api, published):
    missing_note = editor_api.post(
        f"/api/v1/verdicts/{published.pk}/correct/", {"rating": "mostly-true"}, format="json"
    )
    assert missing_note.status_code == 400
    response = editor_api.post(
        f"/api/v1/verdicts/{published.pk}/correct/",
        {"rating": "mostly-true", "correction_note": "Rounded share."},
        format="json",
    )
    assert response.status_code == 200
    public = api.get(f"/api/v1/verdicts/{published.pk}/").json()
    assert public["rating"]["slug"] == "mostly-true"
    assert public["corrections"] == [
        {
            "note": "Rounded share.",
            "previous_rating": "true",
            "previous_summary": published.summary,
            "corrected_at": public["corrections"][0]["corrected_at"],
        }
    ]


def test_a_reviewer_cannot_correct(reviewer_api, published):
    response = reviewer_api.post(
        f"/api/v1/verdicts/{published.pk}/correct/", {"summary": "x", "correction_note": "y"}, format="json"
    )
    assert response.status_code == 403


def test_stale_if_match_or_version_is_412_and_nothing_is_overwritten(reviewer_api, editor_api, claim):
    created = draft(reviewer_api, claim)
    verdict_id, etag = created.json()["id"], created["ETag"]
    assert (
        editor_api.patch(
            f"/api/v1/verdicts/{verdict_id}/", {"summary": "Editor's."}, format="json", HTTP_IF_MATCH=etag
        ).status_code
        == 200
    )
    stale = reviewer_api.patch(
        f"/api/v1/verdicts/{verdict_id}/", {"summary": "Reviewer's."}, format="json", HTTP_IF_MATCH=etag
    )
    assert stale.status_code == 412
    by_version = reviewer_api.patch(
        f"/api/v1/verdicts/{verdict_id}/", {"summary": "Reviewer's.", "version": 1}, format="json"
    )
    assert by_version.status_code == 412 and "eddie changed this verdict" in by_version.json()["detail"]
    assert Verdict.objects.get(pk=verdict_id).summary == "Editor's."


def test_verdict_list_query_count_is_constant(api, published, editor, django_assert_max_num_queries):
    for _ in range(50):
        Verdict.objects.create(
            claim=published.claim,
            rating=published.rating,
            summary="x",
            status="published",
            published_at=published.published_at,
        )
    with django_assert_max_num_queries(5):  # count, page, evidence, corrections (+ ratings)
        assert len(api.get("/api/v1/verdicts/").json()["results"]) == 50

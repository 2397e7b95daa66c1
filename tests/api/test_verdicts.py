"""Verdicts over the API: drafts, visibility, publishing, corrections, superseding, preconditions."""

import pytest

from claims.models import Correction, Verdict
from tests.factories import make_claim, make_user, make_verdict

from .conftest import client_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def claim():
    return make_claim()


@pytest.fixture
def published(claim):
    return make_verdict(claim=claim, status=Verdict.Status.PUBLISHED)


def draft(client, claim, **extra):
    return client.post(
        f"/api/v1/claims/{claim.pk}/verdicts/",
        {"rating": "true", "summary": "Matches the results.", **extra},
        format="json",
    )


def test_reviewer_drafts_with_new_evidence_urls(reviewer_api, claim):
    response = draft(reviewer_api, claim, evidence_urls=["https://www.nbcnews.com/results?utm_source=x"])
    body = response.json()
    assert response.status_code == 201
    assert response["ETag"] == f'"verdict-{body["id"]}-v1"'
    assert body["status"] == "draft"
    assert body["reviewer"] is None  # no display name set; the login stays private
    assert [e["canonical_url"] for e in body["evidence"]] == ["https://nbcnews.com/results"]


def test_a_reviewer_without_staff_status_drafts_without_a_500(claim):
    response = draft(client_for(make_user("reviewer_without_staff")), claim)
    assert response.status_code == 201
    assert response.json()["status"] == "draft"


def test_drafting_needs_a_reviewer(api, claim):
    assert draft(api, claim).status_code == 401
    assert draft(client_for(make_user("reader")), claim).status_code == 403


def test_invalid_rating_is_400(reviewer_api, claim):
    response = draft(reviewer_api, claim, rating="pants-on-fire")
    assert response.status_code == 400
    assert "rating" in response.json()["errors"]


def test_drafts_are_hidden_from_anonymous_readers(api, reviewer_api, claim):
    draft(reviewer_api, claim)
    assert api.get("/api/v1/verdicts/").json()["count"] == 0
    assert api.get(f"/api/v1/claims/{claim.pk}/verdicts/").json() == []
    assert reviewer_api.get("/api/v1/verdicts/").json()["count"] == 1
    assert api.get(f"/api/v1/verdicts/{Verdict.objects.get().pk}/").status_code == 404


def test_only_an_editor_publishes_and_only_once(reviewer_api, editor_api, claim):
    verdict_id = draft(reviewer_api, claim).json()["id"]
    refused = reviewer_api.post(f"/api/v1/verdicts/{verdict_id}/publish/", {"version": 1}, format="json")
    assert refused.status_code == 403
    assert refused.json()["code"] == "forbidden"
    published = editor_api.post(f"/api/v1/verdicts/{verdict_id}/publish/", {"version": 1}, format="json")
    assert published.status_code == 200
    assert published.json()["status"] == "published"
    again = editor_api.post(f"/api/v1/verdicts/{verdict_id}/publish/", HTTP_IF_MATCH=published["ETag"])
    assert again.status_code == 409


def test_editor_corrects_with_a_note_and_the_correction_is_public(api, editor_api, published):
    etag = f'"verdict-{published.pk}-v{published.version}"'
    missing_note = editor_api.post(
        f"/api/v1/verdicts/{published.pk}/correct/", {"rating": "mostly-true"}, format="json", HTTP_IF_MATCH=etag
    )
    assert missing_note.status_code == 400
    response = editor_api.post(
        f"/api/v1/verdicts/{published.pk}/correct/",
        {"rating": "mostly-true", "correction_note": "Rounded share."},
        format="json",
        HTTP_IF_MATCH=etag,
    )
    assert response.status_code == 200
    public = api.get(f"/api/v1/verdicts/{published.pk}/").json()
    assert public["rating"]["slug"] == "mostly-true"
    assert public["corrections"] == [
        {
            "note": "Rounded share.",
            "previous_rating": "true",
            "previous_summary": published.summary,
            "previous_evidence": [],
            "corrected_at": public["corrections"][0]["corrected_at"],
        }
    ]


def test_a_reviewer_cannot_correct(reviewer_api, published):
    response = reviewer_api.post(
        f"/api/v1/verdicts/{published.pk}/correct/",
        {"summary": "x", "correction_note": "y", "version": published.version},
        format="json",
    )
    assert response.status_code == 403


def test_a_write_without_if_match_or_version_is_428(editor_api, reviewer_api, claim, published):
    for client, path, body in (
        (editor_api, f"/api/v1/verdicts/{published.pk}/", {"summary": "x", "correction_note": "y"}),
        (editor_api, f"/api/v1/verdicts/{published.pk}/correct/", {"summary": "x", "correction_note": "y"}),
        (reviewer_api, f"/api/v1/claims/{claim.pk}/", {"checkworthy": True}),
    ):
        method = client.patch if path.count("/") == 5 else client.post
        response = method(path, body, format="json")
        assert response.status_code == 428, path
        assert response.json()["code"] == "precondition_required"
    second = draft(reviewer_api, claim).json()["id"]
    response = editor_api.post(f"/api/v1/verdicts/{second}/publish/", {"correction_note": "Newer."}, format="json")
    assert response.status_code == 428
    assert Verdict.objects.get(pk=published.pk).summary == published.summary


def test_stale_if_match_or_version_is_412_and_nothing_is_overwritten(reviewer_api, editor_api, claim):
    created = draft(reviewer_api, claim)
    verdict_id, etag = created.json()["id"], created["ETag"]
    first = editor_api.patch(
        f"/api/v1/verdicts/{verdict_id}/", {"summary": "Editor's."}, format="json", HTTP_IF_MATCH=etag
    )
    assert first.status_code == 200
    stale = reviewer_api.patch(
        f"/api/v1/verdicts/{verdict_id}/", {"summary": "Reviewer's."}, format="json", HTTP_IF_MATCH=etag
    )
    assert stale.status_code == 412
    by_version = reviewer_api.patch(
        f"/api/v1/verdicts/{verdict_id}/", {"summary": "Reviewer's.", "version": 1}, format="json"
    )
    assert by_version.status_code == 412
    assert "eddie changed this verdict" in by_version.json()["detail"]
    assert Verdict.objects.get(pk=verdict_id).summary == "Editor's."


def test_publishing_a_second_verdict_supersedes_the_first_and_is_a_public_correction(
    api, reviewer_api, editor_api, claim, published
):
    second = draft(reviewer_api, claim, rating="false", summary="Revised figures say otherwise.").json()
    no_note = editor_api.post(f"/api/v1/verdicts/{second['id']}/publish/", {"version": 1}, format="json")
    assert no_note.status_code == 400
    assert no_note.json()["code"] == "correction_required"
    response = editor_api.post(
        f"/api/v1/verdicts/{second['id']}/publish/",
        {"version": 1, "correction_note": "The office revised its figures."},
        format="json",
    )
    assert response.status_code == 200
    listed = {v["id"]: v["status"] for v in api.get("/api/v1/verdicts/", {"claim": claim.pk}).json()["results"]}
    assert listed == {published.pk: "superseded", second["id"]: "published"}
    assert api.get(f"/api/v1/claims/{claim.pk}/").json()["current_verdict"]["id"] == second["id"]
    assert Correction.objects.get(verdict_id=second["id"]).previous_rating.slug == "true"


def test_verdict_list_query_count_is_constant(api, published, django_assert_max_num_queries):
    for _ in range(50):
        make_verdict(claim=make_claim(article=published.claim.article), status=Verdict.Status.PUBLISHED)
    with django_assert_max_num_queries(5):  # count, page, evidence, corrections (+ ratings)
        assert len(api.get("/api/v1/verdicts/").json()["results"]) == 50


def test_the_reviewer_is_shown_by_display_name_never_by_login(reviewer_api, reviewer, claim):
    reviewer.first_name, reviewer.last_name = "Rita", "Moreno"
    reviewer.save()
    body = draft(reviewer_api, claim).json()
    assert body["reviewer"] == "Rita Moreno"
    assert "rita" not in str(reviewer_api.get(f"/api/v1/verdicts/{body['id']}/").json()).replace("Rita", "")

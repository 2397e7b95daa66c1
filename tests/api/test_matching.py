"""API: a claim's matches, imported ClaimReviews, importing them, and the has_match filter."""

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext

from matching import services
from matching.claimreview_import import read_claim_review_document
from matching.models import ExternalFactCheck

from ..matching.factories import claim_review, make_claim, publish

pytestmark = pytest.mark.django_db

CHECKED = "The city's unemployment rate fell to 3.2% last year, the lowest level in two decades."
REPEATED = "Unemployment in the city fell to 3.2% last year, its lowest level in two decades, the mayor said."
EXTERNAL = "The city's unemployment rate fell to 3.2%, the lowest in two decades."


@pytest.fixture
def repeated(reviewer, editor):
    publish(make_claim(CHECKED), reviewer=reviewer, editor=editor, rating="true")
    records, _ = read_claim_review_document(
        [claim_review("https://checker.example/jobs", EXTERNAL, publisher="PolitiFact", label="Mostly True")]
    )
    services.import_fact_checks(records, match=False)
    claim = make_claim(REPEATED)
    services.match_claims([claim.pk])
    return claim


def test_a_claims_matches_are_ranked_with_what_was_checked(api, repeated):
    body = api.get(f"/api/v1/claims/{repeated.pk}/matches/").json()
    results = body["results"]
    assert body["count"] == 2
    assert [r["score"] for r in results] == sorted((r["score"] for r in results), reverse=True)
    by_kind = {r["kind"]: r for r in results}
    assert by_kind["external"]["url"] == "https://checker.example/jobs"
    assert by_kind["external"]["rating"] == "Mostly True"
    assert by_kind["external"]["publisher"] == "PolitiFact"
    assert by_kind["external"]["claim_text"] == EXTERNAL
    assert by_kind["verdict"]["claim_text"] == CHECKED
    assert by_kind["verdict"]["rating"] == "True"
    assert by_kind["verdict"]["url"].startswith("http://testserver/claims/")


def test_matches_take_a_constant_number_of_queries(api, repeated):
    with CaptureQueriesContext(connection) as queries:
        assert api.get(f"/api/v1/claims/{repeated.pk}/matches/").status_code == 200
    # 1 the claim exists, 2 count, 3 the matches with their targets, verdicts and ratings
    assert len(queries) == 3


def test_matches_of_an_unknown_claim_are_404(api, db):
    response = api.get("/api/v1/claims/999999/matches/")
    assert response.status_code == 404
    assert response.json()["code"] == "not_found"


def test_has_match_filters_claims(api, repeated):
    other = make_claim("Nothing here was checked by anyone at all.")
    matched = [c["id"] for c in api.get("/api/v1/claims/?has_match=true").json()["results"]]
    unmatched = [c["id"] for c in api.get("/api/v1/claims/?has_match=false").json()["results"]]
    assert repeated.pk in matched
    assert other.pk not in matched
    assert other.pk in unmatched
    assert api.get("/api/v1/claims/?has_match=maybe").status_code == 400


def test_imported_fact_checks_are_listed(api, repeated):
    body = api.get("/api/v1/claimreviews/").json()
    assert [r["url"] for r in body["results"]] == ["https://checker.example/jobs"]
    assert body["results"][0]["rating_label"] == "Mostly True"
    assert api.get("/api/v1/claimreviews/?publisher=politifact").json()["count"] == 1


def test_an_editor_imports_a_datafeed_and_broken_items_are_listed(editor_api):
    feed = {
        "@type": "DataFeed",
        "dataFeedElement": [
            {"@type": "DataFeedItem", "item": [claim_review("https://c.example/1", "Taxes rose 10% in 2023.")]},
            {"@type": "ClaimReview", "url": "https://c.example/2"},
        ],
    }
    response = editor_api.post("/api/v1/claimreviews/import/", feed, format="json")
    assert response.status_code == 200
    assert response.json() == {
        "created": 1,
        "updated": 0,
        "unchanged": 0,
        "errors": [{"item": "2", "message": "claimReviewed is missing or empty."}],
    }
    again = editor_api.post("/api/v1/claimreviews/import/", feed, format="json").json()
    assert again["unchanged"] == 1
    assert ExternalFactCheck.objects.count() == 1


def test_an_html_page_is_imported_as_a_file(editor_api):
    page = f'<script type="application/ld+json">{json.dumps(claim_review("https://c.example/p", "Crime fell 5%."))}</script>'
    upload = SimpleUploadedFile("check.html", page.encode(), content_type="text/html")
    response = editor_api.post("/api/v1/claimreviews/import/", {"file": upload}, format="multipart")
    assert response.json()["created"] == 1


def test_unreadable_input_is_400_with_the_reason(editor_api):
    response = editor_api.post("/api/v1/claimreviews/import/", [], format="json")
    assert response.status_code == 400
    assert "No ClaimReview" in response.json()["errors"]["body"][0]
    upload = SimpleUploadedFile("feed.json", b"{oops", content_type="application/json")
    response = editor_api.post("/api/v1/claimreviews/import/", {"file": upload}, format="multipart")
    assert response.status_code == 400
    assert "Not valid JSON" in response.json()["errors"]["file"][0]


def test_only_editors_import(api, reviewer_api):
    body = [claim_review("https://c.example/1", "Taxes rose 10% in 2023.")]
    assert api.post("/api/v1/claimreviews/import/", body, format="json").status_code == 401
    assert reviewer_api.post("/api/v1/claimreviews/import/", body, format="json").status_code == 403
    assert not ExternalFactCheck.objects.exists()


def test_a_wrong_content_type_is_415(editor_api):
    response = editor_api.post("/api/v1/claimreviews/import/", "x", content_type="text/plain")
    assert response.status_code == 415

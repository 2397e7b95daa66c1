"""What an integrator trying the API from the README found (session 4): each finding as the request they sent."""

import pytest
from django.core.cache import cache
from rest_framework.test import APIClient

from integrations.tokens import create_token
from tests.factories import make_claim, make_user, make_verdict

from .conftest import client_for

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("debug", [False, True])
def test_a_body_over_the_upload_limit_is_a_json_413_on_every_write(settings, debug):
    settings.DEBUG = debug  # Django's own answer was an HTML page (a technical 400 with DEBUG on)
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 10_000
    claim = make_claim()
    api = client_for(make_user("reviewer"))
    body = '{"rating": "true", "summary": "' + "x" * 20_000 + '"}'
    response = api.generic("POST", f"/api/v1/claims/{claim.pk}/verdicts/", body, content_type="application/json")
    assert response.status_code == 413
    assert response["Content-Type"].startswith("application/json")
    assert response.json()["code"] == "too_large"


def test_anonymous_callers_see_the_anonymous_limit_in_ratelimit_headers(monkeypatch):
    from rest_framework.throttling import SimpleRateThrottle

    cache.clear()
    monkeypatch.setattr(SimpleRateThrottle, "THROTTLE_RATES", {"anon": "3/minute", "user": "100/minute"})
    api = APIClient()
    answers = [api.get("/api/v1/ratings/") for _ in range(4)]
    cache.clear()
    assert [a.status_code for a in answers] == [200, 200, 200, 429]
    assert {a["RateLimit-Limit"] for a in answers} == {"3"}
    assert [a["RateLimit-Remaining"] for a in answers] == ["2", "1", "0", "0"]


@pytest.mark.parametrize("path", ["/api/v1/claims/?rating=bogus", "/api/v1/verdicts/?rating=bogus"])
def test_an_unknown_rating_filter_is_a_400_not_an_empty_list(path):
    response = APIClient().get(path)
    assert response.status_code == 400
    assert "rating" in response.json()["errors"]


def test_if_match_and_a_body_version_that_disagree_are_refused(editor):
    verdict = make_verdict()
    api = client_for(editor)
    etag = api.get(f"/api/v1/verdicts/{verdict.pk}/")["ETag"]
    response = api.post(
        f"/api/v1/verdicts/{verdict.pk}/publish/", {"version": verdict.version + 5}, format="json", HTTP_IF_MATCH=etag
    )
    assert response.status_code == 400
    assert "version" in response.json()["errors"]
    assert type(verdict).objects.get(pk=verdict.pk).status == "draft"


def test_a_token_cannot_be_created_already_expired(reviewer):
    api = APIClient()
    api.force_authenticate(reviewer)
    response = api.post("/api/v1/tokens/", {"name": "old", "expires_at": "2020-01-01T00:00:00Z"}, format="json")
    assert response.status_code == 400
    assert "expires_at" in response.json()["errors"]


def test_token_creation_still_works_without_an_expiry(reviewer):
    assert create_token(user=reviewer, name="plain")[1]


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/claims/?ordering=id&ordering=-id",
        "/api/v1/claims/?checkworthy=true&checkworthy=false",
        "/api/v1/articles/?url=",
        "/api/v1/claims/?source_url=",
        "/api/v1/sources/?url=%20",
    ],
)
def test_a_repeated_parameter_or_a_blank_address_lookup_is_a_400(path):
    make_claim()
    response = APIClient().get(path)
    assert response.status_code == 400, response.content
    assert response.json()["errors"]


def test_dates_in_webhooks_and_the_datafeed_are_written_as_the_rest_of_the_api_writes_them():
    from claims.claimreview import data_feed_item
    from integrations.models import ChangeEvent
    from integrations.webhooks import payload_of

    verdict = make_verdict(status="published")
    event = ChangeEvent.objects.filter(resource="verdict", kind="published").get()
    assert payload_of(event, "verdict.published")["occurred_at"].endswith("Z")
    item = data_feed_item(verdict, base_url="http://testserver")
    assert item["dateCreated"].endswith("Z") and item["dateModified"].endswith("Z")


def test_the_schema_asks_for_preconditions_only_where_the_server_does(client):
    schema = client.get("/api/v1/schema/?format=json").json()
    webhook_patch = schema["paths"]["/api/v1/webhooks/{id}/"]["patch"]["responses"]
    claim_patch = schema["paths"]["/api/v1/claims/{id}/"]["patch"]["responses"]
    retract = schema["paths"]["/api/v1/verdicts/{id}/retract/"]["post"]["responses"]
    assert "428" not in webhook_patch
    assert {"412", "428"} <= set(claim_patch) and {"412", "428"} <= set(retract)

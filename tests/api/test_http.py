"""HTTP done fully: Location on every 201, RateLimit-* headers beside Retry-After, CORS for anonymous reads of /api/."""

import pytest
from django.core.cache import cache
from rest_framework.throttling import UserRateThrottle

from tests.api.conftest import client_for
from tests.factories import make_claim

pytestmark = pytest.mark.django_db


def located(response):
    """The resource the 201's Location names, read back with the same client's credentials."""
    assert response.status_code == 201, response.content
    return response["Location"]


def test_an_ingested_article_is_located(editor_api, api):
    response = editor_api.post("/api/v1/articles/", {"html": "<p>Turnout rose to 61% in 2024, officials said.</p>"})
    location = located(response)
    assert location == f"http://testserver/api/v1/articles/{response.json()['id']}/"
    assert api.get(location).json()["id"] == response.json()["id"]


def test_the_same_article_again_is_200_without_a_location(editor_api):
    html = "<p>Turnout rose to 61% in 2024, officials said.</p>"
    editor_api.post("/api/v1/articles/", {"html": html})
    again = editor_api.post("/api/v1/articles/", {"html": html})
    assert again.status_code == 200
    assert "Location" not in again


def test_a_drafted_verdict_is_located(reviewer_api):
    claim = make_claim()
    response = reviewer_api.post(f"/api/v1/claims/{claim.pk}/verdicts/", {"rating": "true", "summary": "Checked."})
    assert located(response) == f"http://testserver/api/v1/verdicts/{response.json()['id']}/"
    assert reviewer_api.get(response["Location"]).json()["summary"] == "Checked."


def test_a_token_is_located(reviewer_api):
    response = reviewer_api.post("/api/v1/tokens/", {"name": "CMS"})
    assert located(response) == f"http://testserver/api/v1/tokens/{response.json()['id']}/"


def test_a_webhook_is_located_at_our_address_not_the_subscribers(editor):
    response = client_for(editor).post(
        "/api/v1/webhooks/",
        {"url": "http://127.0.0.1:9/hook", "events": ["verdict.published"], "secret": "s" * 16},
        format="json",
    )
    assert located(response) == f"http://testserver/api/v1/webhooks/{response.json()['id']}/"


@pytest.fixture
def three_a_minute():
    cache.clear()
    original = UserRateThrottle.THROTTLE_RATES
    UserRateThrottle.THROTTLE_RATES = {**original, "user": "3/minute"}
    yield
    UserRateThrottle.THROTTLE_RATES = original
    cache.clear()


def test_each_counted_answer_says_how_many_requests_are_left(reviewer_api, three_a_minute):
    answers = [reviewer_api.get("/api/v1/ratings/") for _ in range(3)]
    assert [answer["RateLimit-Remaining"] for answer in answers] == ["2", "1", "0"]
    assert {answer["RateLimit-Limit"] for answer in answers} == {"3"}
    assert {answer["RateLimit-Policy"] for answer in answers} == {"3;w=60"}
    assert all(0 < int(answer["RateLimit-Reset"]) <= 60 for answer in answers)


def test_a_429_carries_retry_after_and_the_rate_limit(reviewer_api, three_a_minute):
    for _ in range(3):
        reviewer_api.get("/api/v1/ratings/")
    refused = reviewer_api.get("/api/v1/ratings/")
    assert refused.status_code == 429
    assert refused.json()["code"] == "throttled"
    assert refused["RateLimit-Remaining"] == "0"
    assert 0 < int(refused["Retry-After"]) <= 60
    assert refused["RateLimit-Reset"] == refused["Retry-After"]


def test_pages_outside_the_api_carry_no_rate_limit_headers(client, seed_article):
    assert "RateLimit-Limit" not in client.get("/")


ORIGIN = "https://tools.example.org"


def test_an_anonymous_cross_origin_read_is_allowed_without_credentials(api, seed_article):
    response = api.get("/api/v1/claims/", HTTP_ORIGIN=ORIGIN)
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "Access-Control-Allow-Credentials" not in response
    assert "ETag" in response["Access-Control-Expose-Headers"]


def test_a_cross_origin_write_or_token_is_refused_at_preflight(api):
    preflight = api.options(
        "/api/v1/articles/",
        HTTP_ORIGIN=ORIGIN,
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="POST",
        HTTP_ACCESS_CONTROL_REQUEST_HEADERS="authorization",
    )
    assert "POST" not in preflight["Access-Control-Allow-Methods"]
    assert "authorization" not in preflight["Access-Control-Allow-Headers"]


def test_pages_outside_the_api_are_not_shared_cross_origin(client, seed_article):
    assert "Access-Control-Allow-Origin" not in client.get("/", HTTP_ORIGIN=ORIGIN)


def test_the_allowed_origins_come_from_settings(api, settings):
    settings.CORS_ALLOW_ALL_ORIGINS = False
    settings.CORS_ALLOWED_ORIGINS = [ORIGIN]
    assert api.get("/api/v1/ratings/", HTTP_ORIGIN=ORIGIN)["Access-Control-Allow-Origin"] == ORIGIN
    assert "Access-Control-Allow-Origin" not in api.get("/api/v1/ratings/", HTTP_ORIGIN="https://evil.example")


def test_the_cors_setting_reads_a_list_of_origins(monkeypatch):
    import importlib

    from factcheck import settings as project_settings

    monkeypatch.setenv("FACTCHECK_CORS_ALLOWED_ORIGINS", f"{ORIGIN}, https://other.example")
    monkeypatch.setenv("DEBUG", "true")
    reloaded = importlib.reload(project_settings)
    try:
        assert reloaded.CORS_ALLOW_ALL_ORIGINS is False
        assert reloaded.CORS_ALLOWED_ORIGINS == [ORIGIN, "https://other.example"]
    finally:
        monkeypatch.undo()
        importlib.reload(project_settings)

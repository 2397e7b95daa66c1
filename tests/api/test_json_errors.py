"""Every answer under /api/ is JSON, errors included: unmatched paths, CSRF failures, server errors."""

import json

import pytest
from django.db import OperationalError
from django.test import Client

from tests.factories import make_claim

from .conftest import client_for

pytestmark = pytest.mark.django_db


def assert_json_error(response, status, code):
    assert response.status_code == status
    assert response["Content-Type"] == "application/json"
    assert response.json()["code"] == code


def test_post_without_the_trailing_slash_is_a_json_404_with_a_hint_even_with_a_token(editor):
    response = client_for(editor).post("/api/v1/articles", {"html": "<p>x</p>"}, format="json")
    assert_json_error(response, 404, "not_found")
    assert "/api/v1/articles/" in response.json()["detail"]


def test_patch_to_an_unknown_path_with_a_session_is_a_json_404_not_a_csrf_page(editor):
    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)
    assert_json_error(client.patch("/api/v1/nothing-here/", "{}", content_type="application/json"), 404, "not_found")


def test_a_path_with_a_newline_is_a_json_404(api):
    assert_json_error(api.get("/api/v1/claims/%0A/"), 404, "not_found")


def test_a_session_write_without_the_csrf_token_is_a_json_403(editor):
    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)
    claim = make_claim()
    response = client.patch(f"/api/v1/claims/{claim.pk}/", '{"status": "in_review"}', content_type="application/json")
    assert_json_error(response, 403, "permission_denied")
    assert "CSRF" in response.json()["detail"]


def test_a_csrf_failure_outside_drf_under_api_is_json(rf):
    from api.errors import csrf_failure

    response = csrf_failure(rf.post("/api/v1/x"), reason="CSRF cookie not set.")
    assert response.status_code == 403
    assert json.loads(response.content)["code"] == "csrf_failed"


def test_an_uncaught_error_is_a_json_500_and_a_database_outage_a_503_with_retry_after(monkeypatch):
    client = Client(raise_request_exception=False)

    def broken(*args, **kwargs):
        raise ZeroDivisionError

    monkeypatch.setattr("api.claims.claims_for_list", broken)
    assert_json_error(client.get("/api/v1/claims/"), 500, "error")

    def outage(*args, **kwargs):
        raise OperationalError("connection refused")

    monkeypatch.setattr("api.claims.claims_for_list", outage)
    response = client.get("/api/v1/claims/?page_size=3")
    assert_json_error(response, 503, "unavailable")
    assert int(response["Retry-After"]) > 0

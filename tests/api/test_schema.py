"""The OpenAPI schema validates, its docs are served locally, throttling answers 429, and a property-based run finds no 500s."""

from io import StringIO

import pytest
import schemathesis
from django.core.management import call_command
from django.core.wsgi import get_wsgi_application
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from schemathesis.specs.openapi.checks import positive_data_acceptance

pytestmark = pytest.mark.django_db


def test_schema_validates_without_warnings(tmp_path):
    call_command(
        "spectacular", "--validate", "--fail-on-warn", "--file", str(tmp_path / "schema.yml"), stderr=StringIO()
    )
    assert (
        "ClaimReview" in (tmp_path / "schema.yml").read_text() or "claimreview" in (tmp_path / "schema.yml").read_text()
    )


def test_docs_are_served_from_our_static_files(client):
    page = client.get("/api/v1/docs/").content.decode()
    assert "drf_spectacular_sidecar/swagger-ui-dist" in page
    assert "cdn." not in page and "unpkg" not in page


def test_anonymous_throttling_answers_429(api, settings_throttle):
    responses = [api.get("/api/v1/ratings/").status_code for _ in range(4)]
    assert responses[:3] == [200, 200, 200] and responses[3] == 429


@pytest.fixture
def settings_throttle(monkeypatch):
    from django.core.cache import cache
    from rest_framework.throttling import AnonRateThrottle

    cache.clear()
    # monkeypatch removes the class attribute afterwards; assigning the old value back would leave AnonRateThrottle
    # its own copy, which hides a later test's patch of SimpleRateThrottle.THROTTLE_RATES.
    monkeypatch.setattr(AnonRateThrottle, "THROTTLE_RATES", {**AnonRateThrottle.THROTTLE_RATES, "anon": "3/minute"})
    yield
    cache.clear()


@pytest.fixture
def wsgi_app():
    """The project's WSGI app, minus the per-request connection closing that would end the test's transaction
    (Django's own test client disconnects the same handlers)."""
    from django.core.signals import request_finished, request_started
    from django.db import close_old_connections

    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield get_wsgi_application()
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@schemathesis.check
def created_is_located(ctx, response, case):
    """Every 201 names the new resource in Location (RFC 9110), under this API."""
    if response.status_code == 201:
        location = response.headers.get("Location") or response.headers.get("location")
        location = location[0] if isinstance(location, list) else location
        assert location and "/api/v1/" in location, f"201 without a Location under /api/v1/: {location!r}"


@schemathesis.check
def throttled_answers_say_when_to_retry(ctx, response, case):
    """A 429 carries Retry-After beside the RateLimit-* headers."""
    if response.status_code == 429:
        assert "Retry-After" in response.headers or "retry-after" in response.headers


ROLES = ["anonymous", "reader", "reviewer", "editor"]


@pytest.fixture
def rows(election):
    """Something for every list and detail to show: the election article's claims and citation, plus a quotation
    and a consistency check (rows, not the extractor's reading of the seed)."""
    from tests.factories import make_consistency_check, make_quotation

    make_quotation(
        article=election,
        paragraph=3,
        text="the race was the most expensive in the district's history",
        speaker="Mayorga",
    )
    make_consistency_check(article=election, claims=election.claims.filter(claim_type="vote_share"))
    return election


@pytest.mark.parametrize("role", ROLES)
def test_api_conforms_to_its_schema(db, rows, settings, role, wsgi_app):
    """Every operation with generated parameters, anonymous and with a token of each role (a signed-in user with
    no role, a reviewer, an editor), writes included: never a 500, never a response the schema does not describe,
    every 201 located.

    Driven in-process through the WSGI app; hypothesis generates the cases, a bounded number per operation so the
    four runs stay within a couple of minutes.
    """
    from integrations.tokens import create_token
    from tests.factories import make_user

    settings.ALLOWED_HOSTS = ["testserver", "localhost"]
    headers = {}
    if role != "anonymous":
        headers = {"Authorization": f"Token {create_token(user=make_user(role), name='tests')[1]}"}
    api_schema = schemathesis.openapi.from_wsgi("/api/v1/schema/", wsgi_app)
    operations = [result.ok() for result in api_schema.get_all_operations()]
    assert len(operations) >= 15
    for operation in operations:
        if headers and operation.method.upper() == "DELETE" and operation.path == "/api/v1/tokens/{id}/":
            continue  # revoking the run's own token would leave every later request unauthenticated

        @given(case=operation.as_strategy())
        @settings_profile
        def check(case):
            # Excluded, and why: positive_data_acceptance expects every schema-valid input to succeed, but
            # rejecting schema-valid yet meaningless input (a NUL byte in a search, a cursor or an id that was
            # never handed out, a write the role may not make) with a documented 400/403/404 is right.
            # Every other check runs: no 500s, documented status codes, headers, content types and bodies.
            case.call_and_validate(
                headers=headers,
                excluded_checks=[positive_data_acceptance],
                additional_checks=[created_is_located, throttled_answers_say_when_to_retry],
            )

        check()


settings_profile = hypothesis_settings(
    max_examples=8, deadline=None, suppress_health_check=list(HealthCheck), database=None
)

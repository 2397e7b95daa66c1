"""The schema says what the API does: enums, described parameters, headers, one envelope, display names only."""

import pytest

from claims.models import Rating
from tests.factories import make_user, make_verdict

pytestmark = pytest.mark.django_db


@pytest.fixture
def schema(api):
    return api.get("/api/v1/schema/", {"format": "json"}).json()


def operations(schema):
    for path, methods in schema["paths"].items():
        for method, operation in methods.items():
            yield path, method, operation


def test_every_query_parameter_is_described(schema):
    undescribed = [
        (path, parameter["name"])
        for path, _, operation in operations(schema)
        for parameter in operation.get("parameters", [])
        if not parameter.get("description")
    ]
    assert undescribed == []


def test_ratings_are_the_scales_slugs_wherever_they_are_named(schema):
    slugs = list(Rating.objects.order_by("order", "id").values_list("slug", flat=True))
    components = schema["components"]["schemas"]
    assert components["Rating"]["properties"]["slug"]["enum"] == slugs
    assert components["VerdictInputRequest"]["properties"]["rating"]["enum"] == slugs
    claim_filters = {p["name"]: p for p in schema["paths"]["/api/v1/claims/"]["get"]["parameters"]}
    assert claim_filters["rating"]["schema"]["enum"] == [*slugs, "unreviewed"]


def test_types_statuses_and_kinds_are_enums(schema):
    components = schema["components"]["schemas"]
    for component, field in [("Claim", "type"), ("Claim", "status"), ("Verdict", "status"), ("Claimant", "kind")]:
        prop = components[component]["properties"][field]
        assert "enum" in prop or "$ref" in prop or "allOf" in prop, (component, field)


def test_date_filters_are_typed_and_state_the_offset_rule(schema):
    for path, _, operation in operations(schema):
        for parameter in operation.get("parameters", []):
            if parameter["name"].endswith(("_after", "_before")):
                assert parameter["schema"]["format"] == "date-time", (path, parameter["name"])
                assert "±14:00" in parameter["description"]


def test_response_headers_are_documented(schema):
    claim = schema["paths"]["/api/v1/claims/{id}/"]["get"]["responses"]
    assert {"ETag", "RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset"} <= set(claim["200"]["headers"])
    assert "304" in claim
    assert "Retry-After" in claim["429"]["headers"]
    for path, method, operation in operations(schema):
        if "201" in operation["responses"]:
            assert "Location" in operation["responses"]["201"]["headers"], (method, path)


def test_the_envelope_is_one_component_every_list_refers_to(schema):
    envelope = schema["components"]["schemas"]["ListEnvelope"]
    assert envelope["required"] == ["count", "count_is_estimate", "next", "previous", "results"]
    lists = [name for name in schema["components"]["schemas"] if name.startswith("Paginated")]
    assert lists
    for name in lists:
        first = schema["components"]["schemas"][name]["allOf"][0]
        assert first == {"$ref": "#/components/schemas/ListEnvelope"}


@pytest.mark.parametrize("offset", ["+14:00", "-14:00", "+05:30"])
def test_date_filters_take_offsets_up_to_fourteen_hours(api, offset):
    assert api.get("/api/v1/claims/", {"updated_after": f"2026-01-01T00:00:00{offset}"}).status_code == 200


@pytest.mark.parametrize("offset", ["+14:01", "-15:00"])
def test_date_filters_refuse_offsets_beyond_fourteen_hours(api, offset):
    response = api.get("/api/v1/claims/", {"updated_after": f"2026-01-01T00:00:00{offset}"})
    assert response.status_code == 400
    assert list(response.json()["errors"]) == ["updated_after"]


def test_a_reviewer_is_named_by_display_name_never_by_login(api, client):
    reviewer = make_user("reviewer", username="jdoe-login", first_name="Jane", last_name="Doe")
    verdict = make_verdict(by=reviewer, status="published")
    body = api.get(f"/api/v1/verdicts/{verdict.pk}/").json()
    assert body["reviewer"] == "Jane Doe"
    for url in (
        "/api/v1/verdicts/",
        f"/api/v1/claims/{verdict.claim_id}/",
        "/api/v1/claimreview/",
        "/feeds/verdicts.atom",
        "/feeds/verdicts.rss",
    ):
        response = (client if url.startswith("/feeds") else api).get(url)
        assert "jdoe-login" not in response.content.decode(), url


def test_a_reviewer_without_a_display_name_is_null(api):
    verdict = make_verdict(by=make_user("reviewer", username="nameless-login"), status="published")
    assert api.get(f"/api/v1/verdicts/{verdict.pk}/").json()["reviewer"] is None

"""The claim list's rows, built from plain values, say exactly what ClaimSerializer says of each claim."""

import json

import pytest
from rest_framework.test import APIRequestFactory

from api.serializers import ClaimSerializer, claim_rows
from claims.models import Claim
from claims.selectors import claim_row_values, claims_for_list

pytestmark = pytest.mark.django_db


def as_json(data):
    return json.loads(json.dumps(data))


def test_every_row_of_a_list_matches_the_single_claim_serializer(published, election):
    request = APIRequestFactory().get("/api/v1/claims/")
    claims = list(claims_for_list().filter(article=election).order_by("id"))
    assert any(claim.current_verdict for claim in claims)
    assert any(claim.sources.all() for claim in claims)
    assert any(claim.numbers for claim in claims)

    listed = as_json(claim_rows(claim_row_values(Claim.objects.filter(article=election).order_by("id")), request))
    one_by_one = [as_json(ClaimSerializer(claim, context={"request": request}).data) for claim in claims]

    assert listed == one_by_one


def test_rows_without_a_request_carry_paths(election):
    claim = claims_for_list().filter(article=election).first()
    row = claim_rows(claim_row_values(Claim.objects.filter(pk=claim.pk)))[0]
    assert row["url"] == claim.get_absolute_url()


def test_rows_show_queue_states_to_the_newsroom_only(election, reviewer):
    claim = election.claims.order_by("id").first()
    Claim.objects.filter(pk=claim.pk).update(status=Claim.Status.IN_REVIEW)
    claims = list(claims_for_list().filter(pk=claim.pk))
    as_reader = APIRequestFactory().get("/api/v1/claims/")
    as_reviewer = APIRequestFactory().get("/api/v1/claims/")
    as_reviewer.user = reviewer
    for request, status in ((as_reader, "new"), (as_reviewer, "in_review")):
        listed = claim_rows(claim_row_values(Claim.objects.filter(pk=claim.pk)), request)
        single = ClaimSerializer(claims[0], context={"request": request}).data
        assert listed[0]["status"] == status
        assert single["status"] == status


def test_an_articles_claims_in_the_api_match_the_single_claim_serializer(api, published, election):
    answer = api.get(f"/api/v1/articles/{election.pk}/").json()
    request = APIRequestFactory().get("/api/v1/claims/")
    claims = claims_for_list().filter(article=election).order_by("start", "id")
    expected = [as_json(ClaimSerializer(claim, context={"request": request}).data) for claim in claims]
    assert [claim["id"] for claim in answer["claims"]] == [claim["id"] for claim in expected]
    assert answer["claims"] == expected

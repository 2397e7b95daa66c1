"""Conditional GET: every detail and list carries an ETag, and If-None-Match with it answers 304."""

import pytest

from tests.factories import make_claim

pytestmark = pytest.mark.django_db


@pytest.fixture
def claim():
    return make_claim()


@pytest.mark.parametrize("path", ["/api/v1/claims/", "/api/v1/articles/", "/api/v1/ratings/", "/api/v1/ratings/true/"])
def test_if_none_match_with_the_etag_is_304(api, claim, path):
    first = api.get(path)
    assert first.status_code == 200
    again = api.get(path, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304
    assert again.content == b""


def test_a_changed_resource_is_sent_again(api, claim):
    etag = api.get(f"/api/v1/claims/{claim.pk}/")["ETag"]
    assert api.get(f"/api/v1/claims/{claim.pk}/", HTTP_IF_NONE_MATCH=etag).status_code == 304
    claim.target = "someone else"
    claim.save()
    assert api.get(f"/api/v1/claims/{claim.pk}/", HTTP_IF_NONE_MATCH=etag).status_code == 200

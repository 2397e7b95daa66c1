"""The ClaimReview DataFeed: schema.org's shape, every item once, corrections moved to the end, polled with ETags."""

from datetime import UTC, datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from claims import reviews
from claims.models import Claim
from tests.factories import make_claim, make_user, make_verdict

pytestmark = pytest.mark.django_db

FEED = "/api/v1/claimreview/feed.json"
TIE = datetime(2026, 1, 1, tzinfo=UTC)


def item_urls(body):
    return [element["item"]["url"] for element in body["dataFeedElement"]]


def page_url(claim):
    return f"http://testserver{claim.get_absolute_url()}"


def test_the_feed_is_a_schema_org_data_feed_of_claim_reviews(api):
    verdict = make_verdict(status="published")
    body = api.get(FEED).json()
    assert (body["@context"], body["@type"]) == ("https://schema.org", "DataFeed")
    [element] = body["dataFeedElement"]
    assert element["@type"] == "DataFeedItem"
    assert element["item"]["@type"] == "ClaimReview"
    assert element["item"]["url"] == page_url(verdict.claim)
    assert element["dateCreated"] == verdict.published_at.isoformat().replace("+00:00", "Z")
    assert element["item"]["dateModified"] == verdict.published_at.date().isoformat()


def test_drafts_are_not_in_the_feed(api):
    make_verdict()
    assert api.get(FEED).json()["dataFeedElement"] == []


def test_paging_with_ties_returns_every_review_once_oldest_change_first(api):
    verdicts = [make_verdict(status="published") for _ in range(7)]
    Claim.objects.filter(pk__in=[v.claim_id for v in verdicts[:4]]).update(updated_at=TIE)
    seen, url = [], f"{FEED}?page_size=2"
    for _ in range(10):
        body = api.get(url).json()
        if not body["dataFeedElement"]:
            break
        seen += body["dataFeedElement"]
        url = body["next"]
    assert sorted(item_urls({"dataFeedElement": seen})) == sorted(page_url(v.claim) for v in verdicts)
    assert [element["dateModified"] for element in seen] == sorted(element["dateModified"] for element in seen)


def test_a_poller_sees_a_correction_after_reaching_the_end(api):
    first, second = make_verdict(status="published"), make_verdict(status="published")
    body = api.get(FEED).json()
    assert item_urls(body) == [page_url(first.claim), page_url(second.claim)]
    resume = body["next"]
    assert api.get(resume).json()["dataFeedElement"] == []  # nothing new yet
    editor = make_user("editor")
    reviews.update_verdict(
        first, by=editor, expected_version=first.version, summary="Corrected figure.", correction_note="Typo."
    )
    later = api.get(resume).json()
    assert item_urls(later) == [page_url(first.claim)]
    assert later["dataFeedElement"][0]["item"]["reviewBody"] == "Corrected figure."


def test_a_corrected_claimant_moves_the_review_and_its_date_modified(api):
    verdict = make_verdict(status="published")
    Claim.objects.filter(pk=verdict.claim_id).update(updated_at=TIE)
    make_verdict(status="published")
    claim = Claim.objects.get(pk=verdict.claim_id)
    reviews.update_claim(claim, by=make_user("editor"), claimant="Tom Berg", correction_note="Misattributed.")
    elements = api.get(FEED).json()["dataFeedElement"]
    assert elements[-1]["item"]["url"] == page_url(claim)
    assert elements[-1]["dateModified"] > elements[0]["dateModified"]


def test_an_unchanged_feed_answers_304_to_its_etag(api):
    make_verdict(status="published")
    response = api.get(FEED)
    assert response["ETag"]
    assert response["Link"] == f'<{response.json()["next"]}>; rel="next"'
    assert api.get(FEED, HTTP_IF_NONE_MATCH=response["ETag"]).status_code == 304


def test_a_cursor_not_handed_out_is_400(api):
    response = api.get(FEED, {"after": "garbage"})
    assert response.status_code == 400
    assert list(response.json()["errors"]) == ["after"]


def test_unknown_parameters_are_400(api):
    assert api.get(FEED, {"since": "yesterday"}).status_code == 400


def test_a_page_costs_the_same_queries_for_two_reviews_or_twenty(api):
    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert api.get(FEED, {"page_size": 50}).status_code == 200
        return len(captured)

    for _ in range(2):
        make_verdict(status="published")
    few = queries()
    for _ in range(18):
        make_verdict(claim=make_claim(claimant="Tom Berg"), status="published")
    # the page (claims with article, claimant, verdict and rating), other appearances; a DataFeed has no count
    assert queries() == few == 2

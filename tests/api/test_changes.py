"""Incremental sync: the change feed and updated_after/ordering=updated_at let a mirror stay exact."""

import pytest

from articles.ingest import ingest_article
from claims import reviews
from claims.models import Rating
from integrations.models import ChangeEvent
from tests.factories import make_claim

pytestmark = pytest.mark.django_db

# A page small enough that ingesting it is quick and its claims are plain; not the seed, whose extraction changes.
PAGE = (
    "<html><body><p>Rep. Norma Torres won 57.4% of the vote, NBC News results show.</p>"
    "<p>David Mayorga took 42.6% of the vote in the same race.</p></body></html>"
)


def read_feed(client, **params):
    response = client.get("/api/v1/changes/", params)
    assert response.status_code == 200, response.content
    events = []
    body = response.json()
    events += body["results"]
    while body["next"]:
        body = client.get(body["next"]).json()
        events += body["results"]
    return events


def test_ingest_draft_publish_correct_appear_in_order_with_versions(api, reviewer_api, reviewer, editor):
    article = ingest_article(PAGE)
    claim = make_claim(article=article, text="Rep. Norma Torres won 57.4% of the vote")  # a row, not the extractor's
    after_ingest = read_feed(api)
    assert [(e["resource"], e["object_id"], e["kind"]) for e in after_ingest] == [("article", article.pk, "created")]
    cursor = after_ingest[-1]["id"]

    verdict = reviews.draft_verdict(claim=claim, by=reviewer, rating=Rating.objects.get(slug="true"), summary="Ok.")
    verdict = reviews.publish_verdict(verdict, by=editor)
    verdict = reviews.update_verdict(
        verdict,
        by=editor,
        expected_version=verdict.version,
        rating=Rating.objects.get(slug="false"),
        correction_note="Recount.",
    )
    anonymous = [(e["resource"], e["kind"], e["version"]) for e in read_feed(api, after=cursor, page_size=1)]
    assert ("verdict", "created", 1) not in anonymous  # a draft is not public
    assert ("verdict", "published", 2) in anonymous
    assert anonymous[-1] == ("verdict", "corrected", 3)
    reviewers = [(e["resource"], e["kind"]) for e in read_feed(reviewer_api, after=cursor)]
    assert reviewers[0] == ("verdict", "created")


def test_the_version_in_an_event_is_the_one_in_the_resources_etag(api, published):
    event = read_feed(api, resource="verdict")[-1]
    etag = api.get(event["url"])["ETag"]
    assert etag == f'"verdict-{event["object_id"]}-v{event["version"]}"'


def test_reextraction_reports_created_updated_and_deleted_claims(api):
    from articles.analysis import reextract_article

    article = ingest_article(PAGE)
    assert article.claims.exists()
    article.claims.filter(pk=article.claims.first().pk).delete()
    cursor = ChangeEvent.objects.order_by("-id").first().pk
    reextract_article(article)
    kinds = {(e["resource"], e["kind"]) for e in read_feed(api, after=cursor)}
    assert ("article", "updated") in kinds
    assert ("claim", "created") in kinds  # the deleted claim is found again


def test_updated_after_and_ordering_by_updated_at(api, election, reviewer):
    claim = election.claims.order_by("id").first()
    before = api.get(f"/api/v1/claims/{claim.pk}/").json()["updated_at"]
    # A change readers see (a queue move such as a status change leaves updated_at alone).
    reviews.mark_not_checkworthy([claim], reason="Opinion.", by=reviewer)
    changed = api.get("/api/v1/claims/", {"updated_after": before, "ordering": "-updated_at"}).json()
    assert changed["results"][0]["id"] == claim.pk
    assert api.get("/api/v1/articles/", {"ordering": "updated_at", "updated_after": before}).json()["count"] == 0


def test_a_bad_after_is_400(api, db):
    for value in ("abc", "-1", "1e3"):
        response = api.get("/api/v1/changes/", {"after": value})
        assert response.status_code == 400, value
        assert "after" in response.json()["errors"]

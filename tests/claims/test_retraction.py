"""Retracting a published verdict: an editor withdraws it with a note; readers, the API and integrators see it."""

import feedparser
import pytest
from rest_framework.test import APIClient

from claims import reviews
from claims.models import Claim, Verdict
from integrations.models import ChangeEvent, WebhookDelivery, WebhookSubscription
from tests.api.conftest import client_for
from tests.factories import make_user, make_verdict

pytestmark = pytest.mark.django_db
NOTE = "The statistics office revised the figure; our verdict relied on the withdrawn release."


@pytest.fixture
def published():
    return make_verdict(status=Verdict.Status.PUBLISHED, summary="The office reports 4.1%.")


def retract(verdict, by=None, note=NOTE):
    return reviews.retract_verdict(verdict, by=by or make_user("editor"), note=note)


def test_an_editor_retracts_and_the_claim_goes_back_to_the_queue_without_a_rating(published):
    verdict = retract(published)
    claim = Claim.objects.get(pk=published.claim_id)
    assert (verdict.status, verdict.retraction_note, verdict.version) == ("retracted", NOTE, published.version + 1)
    assert verdict.retracted_at is not None
    assert claim.current_verdict_id is None and claim.status == Claim.Status.IN_REVIEW
    events = ChangeEvent.objects.order_by("-id")[:2]
    assert {(e.resource, e.kind) for e in events} == {("verdict", "retracted"), ("claim", "updated")}


@pytest.mark.parametrize("role", ["reviewer", "reviewer_without_staff", "reader"])
def test_only_an_editor_retracts(published, role):
    with pytest.raises(reviews.ReviewError) as refused:
        retract(published, by=make_user(role))
    assert refused.value.code == "forbidden"
    assert Verdict.objects.get(pk=published.pk).status == "published"


def test_a_retraction_needs_a_note(published):
    with pytest.raises(reviews.ReviewError) as refused:
        retract(published, note="   ")
    assert refused.value.code == "retraction_note_required"
    assert Verdict.objects.get(pk=published.pk).status == "published"


def test_a_draft_or_a_retracted_verdict_cannot_be_retracted(published):
    with pytest.raises(reviews.ReviewError, match="Only the published"):
        retract(make_verdict())
    retract(published)
    with pytest.raises(reviews.ReviewError, match="Only the published"):
        retract(Verdict.objects.get(pk=published.pk))


def test_every_appearance_showing_the_verdict_loses_it(published, editor):
    other = make_verdict().claim  # another article's claim, confirmed to be the same claim
    reviews.reuse_verdict(other, Claim.objects.get(pk=published.claim_id), by=editor)
    assert Claim.objects.get(pk=other.pk).current_verdict_id == published.pk
    retract(published)
    assert Claim.objects.get(pk=other.pk).current_verdict_id is None


def test_a_new_verdict_is_published_afterwards_without_a_correction_note(published):
    retract(published)
    claim = Claim.objects.get(pk=published.claim_id)
    newer = make_verdict(claim=claim, status=Verdict.Status.PUBLISHED, summary="Revised: 3.8%.")
    assert Claim.objects.get(pk=claim.pk).current_verdict_id == newer.pk


def test_readers_see_the_retraction_on_the_claim_page_and_corrections_and_no_rating_or_claimreview(client, published):
    claim = Claim.objects.get(pk=published.claim_id)
    page = client.get(claim.get_absolute_url()).content.decode()
    assert "application/ld+json" in page
    retract(published)
    page = client.get(claim.get_absolute_url()).content.decode()
    assert NOTE in page and "we retracted our verdict" in page and "The office reports 4.1%." in page
    assert "application/ld+json" not in page  # a withdrawn review is no longer offered as ClaimReview
    corrections = client.get("/corrections/").content.decode()
    assert NOTE in corrections
    feed = feedparser.parse(client.get("/feeds/verdicts.atom").content)
    assert claim.text not in [entry.get("summary", "") + entry.title for entry in feed.entries]


def test_the_api_retracts_with_a_precondition_and_shows_the_verdict_as_retracted(published, editor, reviewer):
    url = f"/api/v1/verdicts/{published.pk}/retract/"
    assert client_for(editor).post(url, {"note": NOTE}, format="json").status_code == 428
    etag = client_for(editor).get(f"/api/v1/verdicts/{published.pk}/")["ETag"]
    refused = client_for(reviewer).post(url, {"note": NOTE}, format="json", HTTP_IF_MATCH=etag)
    assert refused.status_code == 403 and refused.json()["code"]
    missing = client_for(editor).post(url, {}, format="json", HTTP_IF_MATCH=etag)
    assert missing.status_code == 400 and "note" in missing.json()["errors"]
    done = client_for(editor).post(url, {"note": NOTE}, format="json", HTTP_IF_MATCH=etag)
    assert done.status_code == 200, done.content
    assert done["ETag"] != etag
    api = APIClient()
    body = api.get(f"/api/v1/verdicts/{published.pk}/").json()
    assert (body["status"], body["retraction_note"]) == ("retracted", NOTE)
    assert api.get(f"/api/v1/claims/{published.claim_id}/").json()["current_verdict"] is None
    again = client_for(editor).post(url, {"note": NOTE}, format="json", HTTP_IF_MATCH=done["ETag"])
    assert again.status_code == 409


def test_a_retraction_is_announced_to_webhooks(published, editor, monkeypatch, django_capture_on_commit_callbacks):
    from integrations.tasks import send_delivery

    WebhookSubscription.objects.create(
        created_by=editor, url="https://hooks.example/in", events=["verdict.retracted"], secret="s" * 32
    )
    queued = []
    monkeypatch.setattr(send_delivery, "apply_async", lambda args, **options: queued.append(args))  # the worker's part
    with django_capture_on_commit_callbacks(execute=True):
        retract(published)
    delivery = WebhookDelivery.objects.get()
    assert (delivery.event, delivery.payload["event"]) == ("verdict.retracted", "verdict.retracted")
    assert queued == [(delivery.pk,)]


def test_in_the_admin_an_editor_retracts_with_the_action_and_a_reviewer_is_not_offered_it(client, published):
    from django.urls import reverse

    changelist = reverse("admin:claims_verdict_changelist")
    client.force_login(make_user("reviewer"))
    assert 'value="retract"' not in client.get(changelist).content.decode()
    client.post(changelist, {"action": "retract", "_selected_action": [published.pk], "correction_note": NOTE})
    assert Verdict.objects.get(pk=published.pk).status == "published"

    client.force_login(make_user("editor"))
    assert 'value="retract"' in client.get(changelist).content.decode()
    response = client.post(changelist, {"action": "retract", "_selected_action": [published.pk]}, follow=True)
    assert "needs a note" in response.content.decode()
    assert Verdict.objects.get(pk=published.pk).status == "published"
    client.post(changelist, {"action": "retract", "_selected_action": [published.pk], "correction_note": NOTE})
    assert Verdict.objects.get(pk=published.pk).retraction_note == NOTE


def test_the_home_page_tally_drops_a_retracted_rating(published, editor):
    from claims import tally

    other = make_verdict().claim
    reviews.reuse_verdict(other, Claim.objects.get(pk=published.claim_id), by=editor)
    assert tally.stored_counts()[published.rating_id] == 2
    retract(published)
    assert tally.stored_counts()[published.rating_id] == 0 == tally.fresh_counts()[published.rating_id]

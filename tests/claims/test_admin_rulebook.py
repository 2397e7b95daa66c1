"""The admin asks the review rulebook: each of issue 11's admin reproductions, as the request that made it.

Every test reads the admin's form from the page and posts it back changed
(``tests.admin_forms``), as a person in a browser would, so a field the
admin does not offer cannot be slipped in by a hand-built POST body.
"""

import pytest
from django.urls import reverse

from claims import reviews
from claims.models import Claim, Correction, Verdict
from tests.admin_forms import form_fields, post_form
from tests.factories import make_article, make_claim, make_user, make_verdict, rating

pytestmark = pytest.mark.django_db


@pytest.fixture
def published():
    """A claim with a verdict drafted by a reviewer and published by an editor, citing one source."""
    return make_verdict(status=Verdict.Status.PUBLISHED, evidence_urls=["https://stats.example.gov/report"])


def claim_change(claim):
    return reverse("admin:claims_claim_change", args=[claim.pk])


def verdict_change(verdict):
    return reverse("admin:claims_verdict_change", args=[verdict.pk])


def history_form(verdict_or_claim, record):
    model = verdict_or_claim._meta.model_name
    return reverse(f"admin:claims_{model}_simple_history", args=[verdict_or_claim.pk, record.history_id])


def public_page(client, claim):
    client.logout()
    return client.get(Claim.objects.get(pk=claim.pk).get_absolute_url()).content.decode()


# --- A reviewer sets a claim with no verdict to "Published" in the claim form -----------------------------------------


def test_a_reviewer_cannot_set_a_claim_without_a_verdict_to_published(client):
    claim = make_claim()
    client.force_login(make_user("reviewer"))
    response = post_form(client, claim_change(claim), {"status": Claim.Status.PUBLISHED}, "claim_form")
    assert response.status_code == 200
    assert "A claim is published by publishing a verdict." in response.content.decode()
    assert Claim.objects.get(pk=claim.pk).status == Claim.Status.NEW


def test_an_editor_cannot_either_publishing_is_done_by_publishing_a_verdict(client):
    claim = make_claim()
    client.force_login(make_user("editor"))
    response = post_form(client, claim_change(claim), {"status": Claim.Status.PUBLISHED}, "claim_form")
    assert response.status_code == 200
    assert Claim.objects.get(pk=claim.pk).status == Claim.Status.NEW


def test_a_reviewer_still_moves_a_claim_through_the_queue_in_the_claim_form(client):
    claim = make_claim()
    client.force_login(make_user("reviewer"))
    response = post_form(client, claim_change(claim), {"status": Claim.Status.IN_REVIEW}, "claim_form")
    assert response.status_code == 302
    assert Claim.objects.get(pk=claim.pk).status == Claim.Status.IN_REVIEW


# --- History → Revert offered to reviewers -----------------------------------------------------------------------------


def test_revert_of_a_published_verdict_is_neither_offered_nor_accepted(client, published):
    draft_record = published.history.order_by("history_id").first()  # as drafted, before publishing
    for role in ("reviewer", "editor", "superuser"):
        client.force_login(make_user(role))
        page = client.get(history_form(published, draft_record))
        assert page.status_code == 200
        assert 'value="Revert"' not in page.content.decode(), role
        data = form_fields(page.content.decode(), "historicalverdict_form")
        assert client.post(history_form(published, draft_record), data).status_code == 403, role
    assert Verdict.objects.get(pk=published.pk).status == Verdict.Status.PUBLISHED
    assert Verdict.objects.get(pk=published.pk).version == published.version


def test_revert_of_a_published_claim_is_neither_offered_nor_accepted(client, published):
    claim = published.claim
    first = claim.history.order_by("history_id").first()
    client.force_login(make_user("reviewer"))
    page = client.get(history_form(claim, first))
    assert 'value="Revert"' not in page.content.decode()
    data = form_fields(page.content.decode(), "historicalclaim_form")
    assert client.post(history_form(claim, first), data).status_code == 403
    assert Claim.objects.get(pk=claim.pk).status == Claim.Status.PUBLISHED


def test_a_reviewer_reverts_a_draft_through_the_rulebook(client):
    reviewer = make_user("reviewer")
    verdict = make_verdict(by=reviewer, summary="First wording.")
    reviews.update_verdict(verdict, by=reviewer, expected_version=verdict.version, summary="Second wording.")
    first = verdict.history.order_by("history_id").first()
    client.force_login(reviewer)
    page = client.get(history_form(verdict, first)).content.decode()
    assert 'value="Revert"' in page
    response = client.post(history_form(verdict, first), form_fields(page, "historicalverdict_form"))
    assert response.status_code == 302
    reverted = Verdict.objects.get(pk=verdict.pk)
    assert reverted.summary == "First wording."
    assert reverted.version == 3  # drafted, edited, reverted: each a versioned save by the rulebook
    assert reverted.history.latest("history_id").history_user == reviewer


def test_a_reader_without_staff_status_gets_no_history_page(client):
    verdict = make_verdict()
    client.force_login(make_user("reviewer_without_staff"))
    response = client.get(history_form(verdict, verdict.history.first()))
    assert response.status_code == 302
    assert "/login/" in response["Location"]


# --- A reviewer edits the claimant of a published claim (the ClaimReview author) ---------------------------------------


def test_a_reviewer_is_not_offered_the_claimant_of_a_published_claim_and_cannot_post_it(client, published):
    claim = published.claim
    client.force_login(make_user("reviewer"))
    page = client.get(claim_change(claim)).content.decode()
    assert "claimant" not in form_fields(page, "claim_form")
    data = {**form_fields(page, "claim_form"), "claimant": "Tom Berg", "correction_note": "Misattributed."}
    client.post(claim_change(claim), data)
    assert Claim.objects.get(pk=claim.pk).claimant == "Ana Ruiz"
    assert not Correction.objects.exists()
    assert "Ana Ruiz" in public_page(client, claim)


def test_an_editor_changes_the_claimant_of_a_published_claim_only_with_a_note_readers_see(client, published):
    claim = published.claim
    client.force_login(make_user("editor"))
    refused = post_form(client, claim_change(claim), {"claimant": "Tom Berg"}, "claim_form")
    assert refused.status_code == 200
    assert "needs a correction note" in refused.content.decode()
    assert Claim.objects.get(pk=claim.pk).claimant == "Ana Ruiz"
    response = post_form(
        client,
        claim_change(claim),
        {"claimant": "Tom Berg", "correction_note": "The opposition leader said it."},
        "claim_form",
    )
    assert response.status_code == 302
    assert Claim.objects.get(pk=claim.pk).claimant == "Tom Berg"
    correction = Correction.objects.get(verdict=published)
    assert correction.previous_claimant == "Ana Ruiz"
    assert correction.note in public_page(client, claim)


# --- Add claim → Save was a 500 -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("role", ["reviewer", "editor", "superuser"])
def test_add_claim_is_not_offered_and_a_post_is_refused_without_a_500(client, role):
    article = make_article()
    client.force_login(make_user(role))
    add = reverse("admin:claims_claim_add")
    assert client.get(add).status_code == 403
    response = client.post(add, {"article": article.pk, "text": "Typed in.", "claim_type": "statistic"})
    assert response.status_code == 403
    assert not Claim.objects.exists()
    changelist = client.get(reverse("admin:claims_claim_changelist")).content.decode()
    assert add not in changelist


# --- A reviewer-group user without staff status drafting a verdict was a 500 ---------------------------------------------


def test_a_reviewer_without_staff_status_is_sent_to_log_in_and_nothing_is_drafted(client):
    claim = make_claim()
    client.force_login(make_user("reviewer_without_staff"))
    for url in (reverse("admin:claims_verdict_add"), claim_change(claim)):
        response = client.post(
            url,
            {
                "claim": claim.pk,
                "rating": rating("true").pk,
                "summary": "Drafted without staff status.",
                "verdicts-TOTAL_FORMS": 1,
                "verdicts-INITIAL_FORMS": 0,
                "verdicts-0-rating": rating("true").pk,
                "verdicts-0-summary": "Drafted without staff status.",
                "verdicts-0-claim": claim.pk,
            },
        )
        assert response.status_code == 302, url
        assert "/login/" in response["Location"]
    assert not Verdict.objects.exists()


def test_a_reviewer_drafts_in_the_verdict_add_form(client):
    claim = make_claim()
    reviewer = make_user("reviewer")
    client.force_login(reviewer)
    response = post_form(
        client,
        reverse("admin:claims_verdict_add"),
        {"claim": str(claim.pk), "rating": str(rating("false").pk), "summary": "The office reports 5.2%."},
        "verdict_form",
    )
    assert response.status_code == 302
    verdict = Verdict.objects.get(claim=claim)
    assert verdict.status == Verdict.Status.DRAFT
    assert verdict.reviewer == reviewer


# --- A reviewer edits the evidence of a published verdict in the admin --------------------------------------------------


def test_a_reviewer_cannot_add_evidence_to_a_published_verdict(client, published):
    client.force_login(make_user("reviewer"))
    response = post_form(
        client,
        verdict_change(published),
        {"evidence_urls": "https://fabricated.example.org/proof", "correction_note": "Better source."},
        "verdict_form",
    )
    assert response.status_code == 200
    assert "Only an editor can correct a published verdict." in response.content.decode()
    assert sorted(published.evidence.values_list("canonical_url", flat=True)) == ["https://stats.example.gov/report"]
    assert not Correction.objects.exists()
    assert "fabricated.example.org" not in public_page(client, published.claim)


def test_a_reviewer_cannot_remove_the_evidence_of_a_published_verdict(client, published):
    client.force_login(make_user("reviewer"))
    response = post_form(client, verdict_change(published), {"evidence": []}, "verdict_form")
    assert response.status_code == 200
    assert published.evidence.count() == 1
    assert not Correction.objects.exists()


def test_a_reviewer_cannot_change_evidence_through_the_claims_verdict_inline_either(client, published):
    client.force_login(make_user("reviewer"))
    response = post_form(
        client,
        claim_change(published.claim),
        {"verdicts-0-evidence_urls": "https://fabricated.example.org/proof"},
        "claim_form",
    )
    assert response.status_code == 200
    assert published.evidence.count() == 1
    assert not Correction.objects.exists()


def test_an_editor_changes_evidence_of_a_published_verdict_as_a_public_correction(client, published):
    client.force_login(make_user("editor"))
    refused = post_form(
        client, verdict_change(published), {"evidence_urls": "https://stats.example.gov/revised"}, "verdict_form"
    )
    assert refused.status_code == 200
    assert "needs a correction note" in refused.content.decode()
    response = post_form(
        client,
        verdict_change(published),
        {"evidence_urls": "https://stats.example.gov/revised", "correction_note": "The office revised its report."},
        "verdict_form",
    )
    assert response.status_code == 302
    assert Correction.objects.get(verdict=published).previous_evidence == ["https://stats.example.gov/report"]
    page = public_page(client, published.claim)
    assert "stats.example.gov/revised" in page
    assert "The office revised its report." in page


def test_a_form_loaded_before_someone_else_saved_is_refused_with_their_change(client):
    verdict = make_verdict()
    reviewer, editor = make_user("reviewer"), make_user("editor")
    client.force_login(reviewer)
    stale = form_fields(client.get(verdict_change(verdict)).content.decode(), "verdict_form")
    client.force_login(editor)
    assert (
        post_form(client, verdict_change(verdict), {"summary": "Editor's wording."}, "verdict_form").status_code == 302
    )
    client.force_login(reviewer)
    response = client.post(verdict_change(verdict), {**stale, "summary": "Reviewer's wording."})
    assert response.status_code == 200
    assert "not saved" in response.content.decode()
    assert Verdict.objects.get(pk=verdict.pk).summary == "Editor's wording."


def test_a_reviewer_saving_a_published_verdicts_page_unchanged_writes_nothing_and_is_no_500(client, published):
    client.force_login(make_user("reviewer"))
    response = post_form(client, verdict_change(published), {}, "verdict_form")
    assert response.status_code == 302
    stored = Verdict.objects.get(pk=published.pk)
    assert stored.version == published.version
    assert stored.history.count() == published.history.count()

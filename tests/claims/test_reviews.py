"""The review rulebook: drafts, second pair of eyes, corrections, superseding, version conflicts, history."""

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone

from claims import reviews
from claims.models import Claim, Correction, Verdict
from tests.factories import make_claim, make_user, make_verdict, rating

pytestmark = pytest.mark.django_db


@pytest.fixture
def claim():
    return make_claim()


def draft(claim, user, **extra):
    extra.setdefault("summary", "The statistics office reports 4.1%.")
    return reviews.draft_verdict(claim=claim, by=user, rating=rating("true"), **extra)


def test_a_draft_moves_a_new_claim_into_review_and_canonicalises_new_evidence(claim, reviewer):
    verdict = draft(claim, reviewer, evidence_urls=["https://www.stats.example.gov/report?utm_source=x"])
    claim.refresh_from_db()
    assert claim.status == Claim.Status.IN_REVIEW
    assert verdict.status == Verdict.Status.DRAFT
    assert verdict.reviewer == reviewer
    assert [s.canonical_url for s in verdict.evidence.all()] == ["https://stats.example.gov/report"]


def test_a_plain_user_cannot_draft(claim):
    with pytest.raises(reviews.ReviewError) as raised:
        draft(claim, make_user("reader"))
    assert raised.value.code == "forbidden"


def test_a_reviewer_cannot_publish(claim, reviewer):
    verdict = draft(claim, reviewer)
    with pytest.raises(reviews.ReviewError) as raised:
        reviews.publish_verdict(verdict, by=reviewer)
    assert raised.value.code == "forbidden"
    assert Verdict.objects.get(pk=verdict.pk).status == Verdict.Status.DRAFT


def test_an_editor_publishes_and_the_claim_gets_its_current_verdict(claim, reviewer, editor):
    verdict = reviews.publish_verdict(draft(claim, reviewer), by=editor)
    claim.refresh_from_db()
    assert verdict.status == Verdict.Status.PUBLISHED
    assert claim.status == Claim.Status.PUBLISHED
    assert claim.current_verdict == verdict


def test_a_never_changed_published_verdict_is_not_updated(claim, reviewer, editor):
    verdict = reviews.publish_verdict(draft(claim, reviewer), by=editor)
    verdict.refresh_from_db()
    assert verdict.updated_at == verdict.published_at


def test_an_editor_may_publish_their_own_verdict(claim, editor):
    reviews.publish_verdict(draft(claim, editor), by=editor)
    assert Claim.objects.get(pk=claim.pk).status == Claim.Status.PUBLISHED


def test_single_reviewer_newsroom_lets_a_reviewer_publish_and_correct_only_their_own(claim, reviewer, settings):
    settings.FACTCHECK_SINGLE_REVIEWER_NEWSROOM = True
    own = reviews.publish_verdict(draft(claim, reviewer), by=reviewer)
    assert reviews.can_correct(reviewer, own)
    other = draft(make_claim(), make_user("reviewer"))
    assert not reviews.can_publish(reviewer, other)
    with pytest.raises(reviews.ReviewError):
        reviews.publish_verdict(other, by=reviewer)


def test_changing_a_published_verdict_needs_a_correction_note_which_is_kept(claim, reviewer, editor):
    verdict = reviews.publish_verdict(draft(claim, reviewer), by=editor)
    with pytest.raises(reviews.ReviewError) as raised:
        reviews.update_verdict(
            verdict, by=editor, expected_version=verdict.version, rating=rating("mostly-true"), summary="Rounded."
        )
    assert raised.value.code == "correction_required"
    corrected = reviews.update_verdict(
        verdict,
        by=editor,
        expected_version=verdict.version,
        correction_note="The share was rounded.",
        rating=rating("mostly-true"),
        summary="Rounded.",
    )
    correction = Correction.objects.get(verdict=verdict)
    assert (correction.previous_rating.slug, correction.previous_summary) == (
        "true",
        "The statistics office reports 4.1%.",
    )
    assert correction.corrected_by == editor
    assert corrected.rating.slug == "mostly-true"
    assert corrected.version == verdict.version + 1
    assert corrected.updated_at > corrected.published_at


def test_changing_the_evidence_of_a_published_verdict_is_a_correction(claim, reviewer, editor):
    verdict = reviews.publish_verdict(draft(claim, reviewer, evidence_urls=["https://a.example.org/1"]), by=editor)
    with pytest.raises(reviews.ReviewError) as refused:
        reviews.update_verdict(
            verdict, by=reviewer, expected_version=verdict.version, evidence_urls=["https://b.example.org/2"]
        )
    assert refused.value.code == "forbidden"
    with pytest.raises(reviews.ReviewError) as no_note:
        reviews.update_verdict(verdict, by=editor, expected_version=verdict.version, evidence=[])
    assert no_note.value.code == "correction_required"
    reviews.update_verdict(
        verdict, by=editor, expected_version=verdict.version, evidence=[], correction_note="Dead link."
    )
    assert Correction.objects.get(verdict=verdict).previous_evidence == ["https://a.example.org/1"]
    assert not verdict.evidence.exists()


def test_a_save_that_changes_nothing_writes_nothing(claim, reviewer, editor):
    verdict = reviews.publish_verdict(draft(claim, reviewer), by=editor)
    verdict.refresh_from_db()
    history = verdict.history.count()
    same = reviews.update_verdict(verdict, by=editor, expected_version=verdict.version, summary=verdict.summary)
    assert same.version == verdict.version
    assert same.updated_at == verdict.updated_at
    assert verdict.history.count() == history


def test_a_reviewer_cannot_correct_a_published_verdict(claim, reviewer, editor):
    verdict = reviews.publish_verdict(draft(claim, reviewer), by=editor)
    with pytest.raises(reviews.ReviewError) as raised:
        reviews.update_verdict(
            verdict, by=reviewer, expected_version=verdict.version, correction_note="x", summary="Changed."
        )
    assert raised.value.code == "forbidden"


def test_publishing_over_a_published_verdict_supersedes_it_and_records_a_correction(claim, reviewer, editor):
    first = reviews.publish_verdict(draft(claim, reviewer), by=editor)
    second = draft(claim, reviewer, summary="The office revised it to 4.6%.")
    with pytest.raises(reviews.ReviewError) as no_note:
        reviews.publish_verdict(second, by=editor)
    assert no_note.value.code == "correction_required"
    reviews.publish_verdict(second, by=editor, correction_note="The office revised its figure.")
    first.refresh_from_db()
    claim.refresh_from_db()
    assert first.status == Verdict.Status.SUPERSEDED
    assert claim.current_verdict_id == second.pk
    correction = Correction.objects.get(verdict=second)
    assert correction.previous_summary == "The statistics office reports 4.1%."
    assert Verdict.objects.filter(claim=claim, status=Verdict.Status.PUBLISHED).count() == 1


def test_a_superseded_verdict_cannot_be_edited_or_republished(claim, reviewer, editor):
    first = reviews.publish_verdict(draft(claim, reviewer), by=editor)
    reviews.publish_verdict(draft(claim, reviewer), by=editor, correction_note="Newer.")
    first.refresh_from_db()
    with pytest.raises(reviews.ReviewError):
        reviews.update_verdict(first, by=editor, expected_version=first.version, correction_note="x", summary="y")
    with pytest.raises(reviews.ReviewError):
        reviews.publish_verdict(first, by=editor)


def test_the_database_refuses_a_second_published_verdict_on_one_claim(claim, reviewer, editor):
    reviews.publish_verdict(draft(claim, reviewer), by=editor)
    other = draft(claim, reviewer)
    with pytest.raises(IntegrityError), transaction.atomic():
        Verdict.objects.filter(pk=other.pk).update(status=Verdict.Status.PUBLISHED, published_at=timezone.now())


def test_a_stale_version_is_a_conflict_that_names_the_other_change(claim, reviewer, editor):
    verdict = draft(claim, reviewer)
    loaded_version = verdict.version
    reviews.update_verdict(verdict, by=editor, expected_version=loaded_version, summary="Editor's wording.")
    with pytest.raises(reviews.VersionConflict) as raised:
        reviews.update_verdict(verdict, by=reviewer, expected_version=loaded_version, summary="Reviewer's wording.")
    assert editor.username in raised.value.message
    assert "Editor's wording." in raised.value.message
    assert Verdict.objects.get(pk=verdict.pk).summary == "Editor's wording."


def test_every_change_is_in_the_history_with_who_made_it(claim, reviewer, editor):
    verdict = draft(claim, reviewer)
    reviews.update_verdict(verdict, by=editor, expected_version=verdict.version, summary="Second wording.")
    reviews.publish_verdict(Verdict.objects.get(pk=verdict.pk), by=editor)
    history = list(Verdict.objects.get(pk=verdict.pk).history.order_by("history_date"))
    assert [h.history_user.username for h in history] == ["rita", "eddie", "eddie"]
    assert [h.status for h in history] == ["draft", "draft", "published"]
    assert claim.history.filter(status="published", history_user=editor).exists()


def test_not_checkworthy_needs_a_reason(claim, reviewer):
    with pytest.raises(reviews.ReviewError):
        reviews.mark_not_checkworthy([claim], reason="  ", by=reviewer)
    reviews.mark_not_checkworthy([claim], reason="Already checked by the county.", by=reviewer)
    claim.refresh_from_db()
    assert not claim.checkworthy
    assert claim.not_checkworthy_reason == "Already checked by the county."


def test_a_claim_is_never_set_published_by_hand_and_stays_published(claim, reviewer, editor):
    with pytest.raises(reviews.ReviewError):
        reviews.set_status([claim], Claim.Status.PUBLISHED, by=editor)
    make_verdict(claim=claim, status=Verdict.Status.PUBLISHED)
    claim.refresh_from_db()
    with pytest.raises(reviews.ReviewError):
        reviews.set_status([claim], Claim.Status.IN_REVIEW, by=editor)


def test_the_claimant_of_a_published_claim_changes_only_by_an_editor_with_a_note(claim, reviewer, editor):
    verdict = make_verdict(claim=claim, status=Verdict.Status.PUBLISHED)
    claim.refresh_from_db()
    with pytest.raises(reviews.ReviewError) as refused:
        reviews.update_claim(claim, by=reviewer, claimant="Someone Else", correction_note="Misattributed.")
    assert refused.value.code == "forbidden"
    with pytest.raises(reviews.ReviewError) as no_note:
        reviews.update_claim(claim, by=editor, claimant="Someone Else")
    assert no_note.value.code == "correction_required"
    reviews.update_claim(claim, by=editor, claimant="Tom Berg", correction_note="It was the opposition leader.")
    assert Claim.objects.get(pk=claim.pk).claimant == "Tom Berg"
    assert Correction.objects.get(verdict=verdict).previous_claimant == "Ana Ruiz"


def test_queue_moves_do_not_change_what_readers_see(claim, reviewer):
    before = Claim.objects.get(pk=claim.pk).updated_at
    draft(claim, reviewer)
    reviews.assign([claim], to=reviewer, by=reviewer)
    after = Claim.objects.get(pk=claim.pk)
    assert after.status == Claim.Status.IN_REVIEW
    assert after.updated_at == before
    assert reviews.public_status(after) == Claim.Status.NEW


def test_only_drafts_are_deleted(claim, reviewer, editor):
    published = make_verdict(claim=claim, status=Verdict.Status.PUBLISHED)
    with pytest.raises(reviews.ReviewError):
        reviews.delete_verdict(published, by=editor)
    draft_verdict = draft(claim, reviewer)
    reviews.delete_verdict(draft_verdict, by=editor)
    assert not Verdict.objects.filter(pk=draft_verdict.pk).exists()


def test_revert_is_allowed_only_for_what_is_not_published(claim, reviewer, editor):
    draft_verdict = draft(claim, reviewer)
    assert reviews.can_revert(reviewer, draft_verdict)
    assert reviews.can_revert(reviewer, claim)
    published = reviews.publish_verdict(draft_verdict, by=editor)
    claim.refresh_from_db()
    assert not reviews.can_revert(editor, published)
    assert not reviews.can_revert(editor, claim)


def test_publish_latest_verdicts_reports_claims_without_drafts(reviewer, editor):
    with_draft, without = make_claim(), make_claim()
    draft(with_draft, reviewer)
    published, refused = reviews.publish_latest_verdicts([with_draft, without], by=editor)
    assert len(published) == 1
    assert len(refused) == 1
    assert "no draft" in refused[0]

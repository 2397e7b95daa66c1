"""The review rules: drafts, second pair of eyes, corrections, version conflicts, history."""

import pytest

from claims import reviews
from claims.models import Claim, Correction, Rating, Verdict

pytestmark = pytest.mark.django_db


@pytest.fixture
def claim(seed_article):
    return seed_article.claims.get(text__contains="57.4%")


def rating(slug):
    return Rating.objects.get(slug=slug)


def draft(claim, user, **extra):
    extra.setdefault("summary", "The results page shows 57.4%.")
    return reviews.draft_verdict(claim=claim, by=user, rating=rating("true"), **extra)


def test_a_draft_moves_a_new_claim_into_review_and_canonicalises_new_evidence(claim, reviewer):
    verdict = draft(
        claim,
        reviewer,
        evidence_urls=["https://www.nbcnews.com/politics/2022-elections/california-house-results?utm_source=x"],
    )
    claim.refresh_from_db()
    assert claim.status == Claim.Status.IN_REVIEW
    assert verdict.status == Verdict.Status.DRAFT and verdict.reviewer == reviewer
    assert [s.canonical_url for s in verdict.evidence.all()] == [
        "https://nbcnews.com/politics/2022-elections/california-house-results"
    ]


def test_a_reviewer_cannot_publish(claim, reviewer):
    verdict = draft(claim, reviewer)
    with pytest.raises(reviews.ReviewError) as raised:
        reviews.publish_verdict(verdict, by=reviewer)
    assert raised.value.code == "forbidden"
    assert Verdict.objects.get(pk=verdict.pk).status == Verdict.Status.DRAFT


def test_an_editor_publishes_and_the_claim_gets_its_current_verdict(claim, reviewer, editor):
    verdict = draft(claim, reviewer)
    reviews.publish_verdict(verdict, by=editor)
    claim.refresh_from_db()
    verdict.refresh_from_db()
    assert verdict.status == Verdict.Status.PUBLISHED and verdict.published_at is not None
    assert claim.status == Claim.Status.PUBLISHED
    assert claim.current_verdict == verdict


def test_an_editor_may_publish_their_own_verdict(claim, editor):
    reviews.publish_verdict(draft(claim, editor), by=editor)
    assert Claim.objects.get(pk=claim.pk).status == Claim.Status.PUBLISHED


def test_single_reviewer_newsroom_lets_a_reviewer_publish_only_their_own(claim, reviewer, settings, django_user_model):
    settings.FACTCHECK_SINGLE_REVIEWER_NEWSROOM = True
    own = draft(claim, reviewer)
    reviews.publish_verdict(own, by=reviewer)
    other = draft(claim, django_user_model.objects.create_user("someone"))
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
    assert (correction.previous_rating.slug, correction.previous_summary) == ("true", "The results page shows 57.4%.")
    assert correction.corrected_by == editor
    assert corrected.rating.slug == "mostly-true" and corrected.version == verdict.version + 1


def test_a_reviewer_cannot_correct_a_published_verdict(claim, reviewer, editor):
    verdict = reviews.publish_verdict(draft(claim, reviewer), by=editor)
    with pytest.raises(reviews.ReviewError) as raised:
        reviews.update_verdict(
            verdict, by=reviewer, expected_version=verdict.version, correction_note="x", summary="Changed."
        )
    assert raised.value.code == "forbidden"


def test_a_stale_version_is_a_conflict_that_names_the_other_change(claim, reviewer, editor):
    verdict = draft(claim, reviewer)
    loaded_version = verdict.version
    reviews.update_verdict(verdict, by=editor, expected_version=loaded_version, summary="Editor's wording.")
    with pytest.raises(reviews.VersionConflict) as raised:
        reviews.update_verdict(verdict, by=reviewer, expected_version=loaded_version, summary="Reviewer's wording.")
    assert "eddie" in raised.value.message and "Editor's wording." in raised.value.message
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
    assert not claim.checkworthy and claim.not_checkworthy_reason == "Already checked by the county."


def test_publish_latest_verdicts_reports_claims_without_drafts(seed_article, reviewer, editor):
    with_draft = seed_article.claims.get(text__contains="57.4%")
    without = seed_article.claims.get(text__contains="42.6%")
    draft(with_draft, reviewer)
    published, refused = reviews.publish_latest_verdicts([with_draft, without], by=editor)
    assert len(published) == 1 and len(refused) == 1 and "no draft" in refused[0]

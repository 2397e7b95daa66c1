"""Where matches show: the review desk's "possibly already checked", the public page, ClaimReview appearances."""

import json

import pytest
from django.test import Client

from claims.models import Verdict
from matching import services
from matching.claimreview_import import read_claim_review_document

from .factories import claim_review, make_claim, publish

pytestmark = pytest.mark.django_db

CHECKED = "The city's unemployment rate fell to 3.2% last year, the lowest level in two decades."
REPEATED = "Unemployment in the city fell to 3.2% last year, its lowest level in two decades, the mayor said."
EXTERNAL = "The city's unemployment rate fell to 3.2%, the lowest in two decades."


@pytest.fixture
def repeated(reviewer, editor):
    publish(make_claim(CHECKED), reviewer=reviewer, editor=editor, rating="true", summary="Right.")
    records, _ = read_claim_review_document(
        [claim_review("https://checker.example/jobs", EXTERNAL, publisher="PolitiFact", label="Mostly True")]
    )
    services.import_fact_checks(records, match=False)
    claim = make_claim(REPEATED)
    services.match_claims([claim.pk])
    return claim


def signed_in(user):
    client = Client()
    client.force_login(user)
    return client


def test_the_desk_shows_both_earlier_checks_with_their_actions(repeated, editor):
    page = signed_in(editor).get(f"/admin/claims/claim/{repeated.pk}/change/").content.decode()
    assert "Possibly already checked" in page
    assert "PolitiFact" in page
    assert "Mostly True" in page
    assert "Same claim: reuse this verdict" in page
    assert "Same claim: draft a verdict citing it" in page


@pytest.mark.parametrize("screen", ["change", "review"])
def test_a_reviewer_is_offered_only_the_action_the_rulebook_allows(repeated, reviewer, screen):
    page = signed_in(reviewer).get(f"/admin/claims/claim/{repeated.pk}/{screen}/").content.decode()
    assert "Same claim: draft a verdict citing it" in page
    assert "Same claim: reuse this verdict" not in page  # reusing publishes: editors
    assert "An editor can reuse this verdict here" in page


def test_an_editor_reuses_our_verdict_from_the_desk(repeated, editor):
    match = repeated.matches.get(kind="verdict")
    response = signed_in(editor).post(f"/admin/matching/claimmatch/{match.pk}/use/")
    assert response.status_code == 302
    repeated.refresh_from_db()
    assert repeated.current_verdict == match.matched_claim.current_verdict


def test_a_reviewer_cannot_reuse_a_verdict_but_is_told_why(repeated, reviewer):
    match = repeated.matches.get(kind="verdict")
    response = signed_in(reviewer).post(f"/admin/matching/claimmatch/{match.pk}/use/", follow=True)
    assert "Only an editor" in response.content.decode()
    repeated.refresh_from_db()
    assert repeated.current_verdict is None


def test_a_reviewer_drafts_a_verdict_citing_the_external_check(repeated, reviewer):
    match = repeated.matches.get(kind="external")
    signed_in(reviewer).post(f"/admin/matching/claimmatch/{match.pk}/use/", {f"match_rating_{match.pk}": "true"})
    draft = Verdict.objects.get(claim=repeated)
    assert draft.status == "draft"
    assert draft.evidence.get().canonical_url == "https://checker.example/jobs"


def test_the_public_page_says_who_else_checked_it(repeated, client):
    page = client.get(repeated.get_absolute_url()).content.decode()
    assert "Also checked by" in page
    assert 'href="https://checker.example/jobs"' in page
    assert "Mostly True" in page


def test_a_reused_verdict_lists_every_appearance_in_claimreview(repeated, editor, client):
    match = repeated.matches.get(kind="verdict")
    services.confirm_match(match, by=editor)
    repeated.article.url = "https://news.example/second"
    repeated.article.save()
    review = client.get(f"/api/v1/claimreview/{match.matched_claim_id}/").json()
    appearances = review["itemReviewed"]["appearance"]
    assert len(appearances) == 2
    assert appearances[1]["url"] == "https://news.example/second"
    # The repeated claim's own page shows the verdict and carries the same ClaimReview.
    page = client.get(repeated.get_absolute_url()).content.decode()
    assert "Right." in page
    assert json.dumps("https://news.example/second")[1:-1] in page


def test_the_review_screen_fills_its_similar_claims_slot(repeated, reviewer):
    from django.urls import reverse

    page = signed_in(reviewer).get(reverse("admin:claims_claim_review", args=[repeated.pk])).content.decode()
    assert "Possibly already checked" in page
    assert "PolitiFact" in page
    assert "Same claim: draft a verdict citing it" in page


def test_a_reuse_action_on_the_review_screen_comes_back_to_it_with_the_result(repeated, reviewer):
    from django.urls import reverse

    review = reverse("admin:claims_claim_review", args=[repeated.pk]) + "?queue=checkworthy"
    match = repeated.matches.get(kind="external")
    client = signed_in(reviewer)
    response = client.post(
        f"/admin/matching/claimmatch/{match.pk}/use/", {f"match_rating_{match.pk}": "true", "next": review}
    )
    assert response["Location"] == review
    page = client.get(review).content.decode()
    assert "PolitiFact rated it “Mostly True”." in page  # the draft's summary, in the verdict form


def test_a_reuse_action_never_sends_the_reviewer_off_the_claim(repeated, editor):
    match = repeated.matches.get(kind="verdict")
    response = signed_in(editor).post(
        f"/admin/matching/claimmatch/{match.pk}/use/", {"next": "https://elsewhere.example/admin/"}
    )
    assert response["Location"] == f"/admin/claims/claim/{repeated.pk}/change/"

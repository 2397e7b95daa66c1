"""The stored published-verdict tally stays equal to a fresh count through every write that moves a rating."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from articles.analysis import reextract_article
from claims import reviews, selectors, tally
from claims.models import Claim, Rating, RatingTally, Verdict
from tests.factories import make_claim, make_user, make_verdict, rating

pytestmark = pytest.mark.django_db


def stored():
    return {rating_id: n for rating_id, n in tally.stored_counts().items() if n}


def fresh():
    return {rating_id: n for rating_id, n in tally.fresh_counts().items() if n}


def test_publishing_a_verdict_counts_its_claim():
    make_verdict(rating="false", status=Verdict.Status.PUBLISHED)
    assert stored() == {rating("false").pk: 1}


def test_a_draft_is_not_counted():
    make_verdict(rating="false")
    assert stored() == {}


def test_publishing_over_a_published_verdict_moves_the_claim_to_the_new_rating():
    claim = make_claim()
    make_verdict(claim=claim, rating="true", status=Verdict.Status.PUBLISHED)
    make_verdict(claim=claim, rating="false", status=Verdict.Status.PUBLISHED)
    assert stored() == {rating("false").pk: 1}


def test_correcting_a_published_rating_moves_every_claim_showing_it():
    editor = make_user("editor")
    checked = make_claim()
    verdict = make_verdict(claim=checked, rating="true", status=Verdict.Status.PUBLISHED)
    reviews.reuse_verdict(make_claim(), checked, by=editor)
    assert stored() == {rating("true").pk: 2}
    reviews.update_verdict(
        verdict, by=editor, expected_version=verdict.version, rating=rating("false"), correction_note="Misread."
    )
    assert stored() == {rating("false").pk: 2}


def test_a_reused_verdict_counts_each_appearance_and_moves_with_a_newer_verdict():
    editor = make_user("editor")
    checked = make_claim()
    make_verdict(claim=checked, rating="half-true", status=Verdict.Status.PUBLISHED)
    reviews.reuse_verdict(make_claim(), checked, by=editor)
    make_verdict(claim=checked, rating="true", status=Verdict.Status.PUBLISHED)
    assert stored() == {rating("true").pk: 2}


def test_a_claim_going_stale_on_reextraction_leaves_the_tally(seed_article):
    claim = seed_article.claims.get(text__contains="57.4%")
    make_verdict(claim=claim, rating="true", status=Verdict.Status.PUBLISHED)
    seed_article.html = seed_article.html.replace("won with 57.4% of the vote", "won re-election")
    seed_article.save()
    reextract_article(seed_article)
    assert Claim.objects.get(pk=claim.pk).stale
    assert stored() == {}


def test_recount_rebuilds_a_tally_that_drifted():
    make_verdict(rating="false", status=Verdict.Status.PUBLISHED)
    RatingTally.objects.update(claims=7)
    tally.recount()
    assert stored() == {rating("false").pk: 1}


def test_the_home_page_chart_reads_the_stored_tally_not_a_count():
    make_verdict(rating="false", status=Verdict.Status.PUBLISHED)
    RatingTally.objects.filter(rating__slug="false").update(claims=41)
    counts = {item.rating.slug: item.count for item in selectors.rating_counts()}
    assert counts["false"] == 41


def test_the_migration_filled_a_row_for_every_rating():
    assert set(RatingTally.objects.values_list("rating_id", flat=True)) == set(
        Rating.objects.values_list("id", flat=True)
    )


MOVES = st.lists(
    st.tuples(
        st.sampled_from(["publish", "correct", "reuse"]),
        st.integers(0, 3),
        st.integers(0, 3),
        st.sampled_from(["true", "mostly-true", "half-true", "false"]),
    ),
    max_size=12,
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(moves=MOVES)
def test_any_sequence_of_review_moves_keeps_the_tally_equal_to_a_fresh_count(moves):
    editor = make_user("editor")
    claims = [make_claim() for _ in range(4)]
    for move, first, second, slug in moves:
        claim = Claim.objects.get(pk=claims[first].pk)
        other = Claim.objects.get(pk=claims[second].pk)
        try:
            if move == "publish":
                make_verdict(claim=claim, rating=slug, status=Verdict.Status.PUBLISHED)
            elif move == "correct" and claim.current_verdict_id:
                verdict = Verdict.objects.get(pk=claim.current_verdict_id)
                reviews.update_verdict(
                    verdict, by=editor, expected_version=verdict.version, rating=rating(slug), correction_note="Fix."
                )
            elif move == "reuse":
                reviews.reuse_verdict(claim, other, by=editor)
        except reviews.ReviewError:
            pass
        assert stored() == fresh()
    # Leave the database as the next example expects it: hypothesis reuses one transaction.
    Verdict.objects.filter(claim__in=claims).delete()
    Claim.objects.filter(pk__in=[c.pk for c in claims]).delete()
    tally.recount()

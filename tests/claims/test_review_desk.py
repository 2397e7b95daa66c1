"""The review desk: queues, the one-claim review screen, its actions and the admin home's dashboard."""

import datetime
import re

import pytest
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from claims import queues, reviews
from claims.models import Claim, Correction, Rating, Source, Verdict
from tests.factories import make_article, make_citation, make_claim, make_verdict, rating

pytestmark = pytest.mark.django_db


@pytest.fixture
def article():
    """Six check-worthy claims, scored 0.9 down to 0.4; the first cites NBC's results, the others nothing."""
    article = make_article(
        paragraphs=[
            "Norma Torres won with 57.4% of the vote, according to NBC results.",
            "Mike Cargile got 42.6% of the vote.",
            "Turnout was 38% in the county, the lowest since 2002.",
            "The district has 760,000 residents.",
            "Unemployment in the district fell to 4.1% last year.",
            "The campaign spent $2.3 million on television ads.",
        ]
    )
    claims = [
        make_claim(article=article, paragraph=i, checkworthiness=round(0.9 - i * 0.1, 2), claimant="") for i in range(6)
    ]
    make_citation(
        article=article,
        url="https://nbcnews.com/politics/2022-elections/california-house-results",
        anchor_text="NBC results",
        claims=[claims[0]],
        kind=Source.Kind.NEWS,
    )
    return article


def review_url(claim, queue="checkworthy"):
    return reverse("admin:claims_claim_review", args=[claim.pk]) + f"?queue={queue}"


def checkworthy_queue(user):
    return list(queues.queue_claims("checkworthy", user))


def form_data(action, **fields):
    data = {
        "action": action,
        "claim-statement": "",
        "claim-claimant_name": "",
        "claim-claim_date": "",
        "claim-venue": "",
        "claim-venue_url": "",
        "verdict-rating": "",
        "verdict-summary": "",
        "verdict-rationale": "",
        "verdict-version": "",
    }
    data.update(fields)
    return data


def test_queue_list_shows_source_counts_not_the_related_manager(client, reviewer, article):
    client.force_login(reviewer)
    page = client.get(reverse("admin:claims_claim_changelist") + "?queue=checkworthy").content.decode()
    assert "claims.Source.None" not in page
    assert 'class="unsourced"' in page
    assert re.search(r'<td class="field-source_count">\d+</td>', page)


def test_queue_list_links_each_claim_to_its_review_screen_in_that_queue(client, reviewer, article):
    client.force_login(reviewer)
    page = client.get(reverse("admin:claims_claim_changelist") + "?queue=unsourced").content.decode()
    first = queues.queue_claims("unsourced", reviewer).first()
    assert f'href="{review_url(first, "unsourced")}"'.replace("&", "&amp;") in page


def test_queue_list_query_count_does_not_grow_with_rows(client, reviewer, article, django_assert_num_queries):
    client.force_login(reviewer)
    url = reverse("admin:claims_claim_changelist") + "?queue=checkworthy"
    client.get(url)
    # 1 session, 2 user, 3-4 permissions, 5 the page of claims (article, verdict, rating, assignee and claimant
    # joined, sources counted), 6 the count (PostgreSQL: 6 the planner's estimate, 7 the capped count), then the
    # filters' ratings and outlets: the same for a page of 5 claims as for 50.
    expected = 9 if connection.vendor == "postgresql" else 8
    with django_assert_num_queries(expected):
        client.get(url)
    with django_assert_num_queries(expected):
        client.get(reverse("admin:claims_claim_changelist") + "?queue=unsourced")
    Claim.objects.bulk_create(
        [
            Claim(article=article, text="abcde", paragraph=0, start=i * 10, end=i * 10 + 5, checkworthy=True)
            for i in range(60)
        ]
    )
    with django_assert_num_queries(expected):
        client.get(url)


def test_review_screen_shows_the_claim_in_context_sources_and_both_forms(client, reviewer, article):
    claim = article.claims.get(text__contains="57.4%")
    client.force_login(reviewer)
    page = client.get(review_url(claim)).content.decode()
    assert '<mark class="claim">' in page
    assert "nbcnews.com" in page and "News" in page
    assert 'id="similar-claims"' in page
    assert 'name="claim-statement"' in page and 'name="verdict-summary"' in page
    assert 'value="save"' in page and 'value="ready"' in page
    assert 'value="publish"' not in page  # a reviewer does not publish


def test_review_screen_query_count_is_constant(client, reviewer, article, django_assert_num_queries):
    claims = checkworthy_queue(reviewer)
    client.force_login(reviewer)
    client.get(review_url(claims[0]))
    # 1 session, 2 user, 3 the claim (article, claimant, verdict, rating, assignee joined), 4 its sources,
    # 5-6 the user's and groups' permissions, 7 the queue's ids, 8 the latest draft, 9 the ratings,
    # 10 the claim's matches with what they point at ("similar claims already checked")
    with django_assert_num_queries(10):
        client.get(review_url(claims[0]))
    with django_assert_num_queries(10):
        client.get(review_url(claims[3]))


def test_saving_stores_statement_and_draft_and_opens_the_next_claim(client, reviewer, article):
    first, second = checkworthy_queue(reviewer)[:2]
    client.force_login(reviewer)
    rating = Rating.objects.get(slug="true")
    response = client.post(
        review_url(first),
        form_data(
            "save",
            **{
                "claim-statement": "Norma Torres won 57.4% of the vote",
                "claim-claimant_name": "Rep. Norma Torres",
                "claim-claim_date": "2022-11-08",
                "verdict-rating": rating.pk,
                "verdict-summary": "Official results agree.",
            },
        ),
    )
    assert response.status_code == 302
    assert response["Location"] == review_url(second)
    first.refresh_from_db()
    assert first.statement == "Norma Torres won 57.4% of the vote"
    assert first.claimant_entity.name == "Norma Torres"
    assert first.status == Claim.Status.IN_REVIEW
    assert first.verdicts.get().status == Verdict.Status.DRAFT


def test_a_verdict_needs_rating_and_summary_together(client, reviewer, article):
    claim = checkworthy_queue(reviewer)[0]
    client.force_login(reviewer)
    response = client.post(review_url(claim), form_data("save", **{"verdict-summary": "No rating given."}))
    assert response.status_code == 200
    assert "needs both a rating and a summary" in response.content.decode()
    assert not claim.verdicts.exists()


def test_mark_ready_sets_reviewed_and_puts_the_claim_in_ready_to_publish(client, reviewer, article):
    claim = checkworthy_queue(reviewer)[0]
    client.force_login(reviewer)
    rating = Rating.objects.get(slug="false")
    client.post(review_url(claim), form_data("ready", **{"verdict-rating": rating.pk, "verdict-summary": "No."}))
    claim.refresh_from_db()
    assert claim.status == Claim.Status.REVIEWED
    assert claim in queues.queue_claims("ready", reviewer)


def test_mark_ready_without_a_draft_is_refused(reviewer, article):
    claim = checkworthy_queue(reviewer)[0]
    with pytest.raises(reviews.ReviewError):
        reviews.mark_ready(claim, by=reviewer)


def test_a_reviewer_posting_publish_is_forbidden(client, reviewer, article):
    claim = checkworthy_queue(reviewer)[0]
    client.force_login(reviewer)
    rating = Rating.objects.get(slug="true")
    response = client.post(
        review_url(claim), form_data("publish", **{"verdict-rating": rating.pk, "verdict-summary": "Yes."})
    )
    assert response.status_code == 403
    assert not claim.verdicts.exists()


def test_an_editor_publishes_from_ready_to_publish_and_the_next_opens(client, reviewer, editor, article):
    first, second = checkworthy_queue(reviewer)[:2]
    rating = Rating.objects.get(slug="true")
    for claim in (first, second):
        reviews.draft_verdict(claim=claim, by=reviewer, rating=rating, summary="Right.")
        reviews.mark_ready(claim, by=reviewer)
    ready = list(queues.queue_claims("ready", editor))
    client.force_login(editor)
    draft = ready[0].verdicts.get()
    response = client.post(
        review_url(ready[0], "ready"),
        form_data(
            "publish", **{"verdict-rating": rating.pk, "verdict-summary": "Right.", "verdict-version": draft.version}
        ),
    )
    assert response["Location"] == review_url(ready[1], "ready")
    ready[0].refresh_from_db()
    assert ready[0].status == Claim.Status.PUBLISHED
    assert ready[0].current_verdict.status == Verdict.Status.PUBLISHED


def test_admin_home_counts_the_queues(client, reviewer, article):
    client.force_login(reviewer)
    page = client.get(reverse("admin:index")).content.decode()
    expected = queues.queue_claims("checkworthy", reviewer).count()
    assert f'data-queue="checkworthy">{expected}<' in page
    assert 'id="published-this-week">0<' in page
    assert "Verdicts by rating" in page


def test_ratings_this_month_count_each_verdict_published_this_month_once(editor):
    false_here, false_there, true_last_month, repeated = (make_claim() for _ in range(4))
    for claim in (false_here, false_there):
        make_verdict(claim=claim, status=Verdict.Status.PUBLISHED, rating="false")
    old = make_verdict(claim=true_last_month, status=Verdict.Status.PUBLISHED, rating="true")
    Verdict.objects.filter(pk=old.pk).update(published_at=timezone.now() - datetime.timedelta(days=40))
    reviews.reuse_verdict(repeated, false_here, by=editor)  # shows the same verdict on another article

    counts = {item.rating.slug: item.count for item in queues.ratings_this_month()}

    assert counts["false"] == 2
    assert counts["true"] == 0  # forty days ago is before the first of any month


# --- Corrections from the review screen ------------------------------------------------------------------------------


@pytest.fixture
def published_claim():
    claim = make_claim()
    make_verdict(claim=claim, status=Verdict.Status.PUBLISHED, rating="true", summary="Right at the time.")
    return Claim.objects.get(pk=claim.pk)


def test_the_screen_asks_an_editor_for_a_correction_note_on_a_published_claim(client, editor, published_claim):
    client.force_login(editor)
    page = client.get(review_url(published_claim, "published")).content.decode()
    assert 'name="correction-note"' in page


def test_the_screen_asks_no_note_on_a_claim_readers_see_no_verdict_on(client, editor):
    client.force_login(editor)
    page = client.get(review_url(make_claim())).content.decode()
    assert 'name="correction-note"' not in page


def test_the_screen_asks_no_note_of_a_reviewer_who_cannot_correct(client, reviewer, published_claim):
    client.force_login(reviewer)
    page = client.get(review_url(published_claim, "published")).content.decode()
    assert 'name="correction-note"' not in page


def test_publishing_over_a_published_verdict_without_a_note_is_refused_beside_the_field(
    client, editor, published_claim
):
    before = published_claim.current_verdict_id
    client.force_login(editor)
    response = client.post(
        review_url(published_claim, "published"),
        form_data("publish", **{"verdict-rating": rating("false").pk, "verdict-summary": "Wrong now."}),
    )
    assert response.status_code == 200
    assert "needs a correction note" in " ".join(response.context["correction_form"].errors["note"])
    published_claim.refresh_from_db()
    assert published_claim.current_verdict_id == before
    assert not published_claim.verdicts.filter(status=Verdict.Status.DRAFT).exists()  # nothing half-saved
    assert not Correction.objects.exists()


def test_publishing_over_a_published_verdict_with_a_note_corrects_it(client, editor, published_claim):
    before = published_claim.current_verdict
    client.force_login(editor)
    response = client.post(
        review_url(published_claim, "published"),
        form_data(
            "publish",
            **{
                "verdict-rating": rating("false").pk,
                "verdict-summary": "Wrong now.",
                "correction-note": "The statistics office revised the figure.",
            },
        ),
    )
    assert response.status_code == 302
    published_claim.refresh_from_db()
    assert published_claim.current_verdict.summary == "Wrong now."
    correction = Correction.objects.get()
    assert correction.note == "The statistics office revised the figure."
    assert correction.previous_summary == "Right at the time."
    before.refresh_from_db()
    assert before.status == Verdict.Status.SUPERSEDED


def test_changing_a_published_claims_statement_needs_the_note_too(client, editor, published_claim):
    client.force_login(editor)
    url = review_url(published_claim, "published")
    fields = {"claim-statement": "Ana Ruiz said unemployment fell to 4.1%", "claim-claimant_name": "Ana Ruiz"}
    refused = client.post(url, form_data("save", **fields))
    assert refused.status_code == 200
    assert "needs a correction note" in " ".join(refused.context["correction_form"].errors["note"])
    published_claim.refresh_from_db()
    assert published_claim.statement == ""

    client.post(url, form_data("save", **fields, **{"correction-note": "We now quote her exactly."}))
    published_claim.refresh_from_db()
    assert published_claim.statement == "Ana Ruiz said unemployment fell to 4.1%"
    assert Correction.objects.get().note == "We now quote her exactly."


def test_review_screen_query_count_with_the_correction_note_is_constant(client, editor, django_assert_num_queries):
    first, second = make_claim(), make_claim()
    for claim in (first, second):
        make_verdict(claim=claim, status=Verdict.Status.PUBLISHED)
    make_verdict(claim=second)  # a draft over the published verdict: the form edits it
    client.force_login(editor)
    client.get(review_url(first, "published"))
    # As for an unpublished claim (see above): asking for the note reads the current verdict already joined.
    with django_assert_num_queries(10):
        page = client.get(review_url(first, "published")).content.decode()
    assert 'name="correction-note"' in page
    with django_assert_num_queries(10):
        client.get(review_url(second, "published"))

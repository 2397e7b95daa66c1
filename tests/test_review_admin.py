"""The review desk end to end: queue, claim in context, verdicts, actions, permissions, conflicts.

Rows come from ``tests.factories``, not from running the extractor, so a change in extraction leaves these alone.
"""

import re

import pytest
from django.urls import reverse

from claims import reviews
from claims.models import Claim, Correction, Rating, Source, Verdict
from tests.factories import make_article, make_citation, make_claim, make_consistency_check, make_source

pytestmark = pytest.mark.django_db


@pytest.fixture
def article():
    """An election story: two vote shares (one citing the county's results, one a tweet), an unsourced fact."""
    article = make_article(
        paragraphs=[
            "Norma Torres won with 57.4% of the vote, according to NBC results. "
            "Her opponent, Republican Mike Cargile, conceded.",
            "Cargile got 42.6% of the vote, the State Department said.",
            "The two girls were from Ecuador, officials said.",
        ]
    )
    won = make_claim(
        article=article,
        text="Norma Torres won with 57.4% of the vote, according to NBC results.",
        claimant="Norma Torres",
        claim_type=Claim.Type.VOTE_SHARE,
        numbers=[{"value": 57.4, "unit": "%", "qualifier": "", "subject": "Norma Torres"}],
    )
    lost = make_claim(article=article, paragraph=1, claimant="Mike Cargile", claim_type=Claim.Type.VOTE_SHARE)
    make_claim(article=article, paragraph=2, claimant="", claim_type=Claim.Type.FACT)
    make_citation(
        article=article,
        url="https://nbcnews.com/politics/2022-elections/california-house-results",
        anchor_text="NBC results",
        claims=[won],
        kind=Source.Kind.NEWS,
    )
    make_citation(
        article=article,
        url="https://state.gov/elections",
        anchor_text="State Department",
        paragraph=1,
        claims=[lost],
        kind=Source.Kind.GOVERNMENT,
    )
    make_consistency_check(article=article, claims=[won, lost], detail="The vote shares add up to about 100%.")
    return article


@pytest.fixture
def claim(article):
    return article.claims.get(text__contains="57.4%")


def verdict_form_data(verdict, **changes):
    data = {
        "claim": verdict.claim_id,
        "rating": verdict.rating_id,
        "summary": verdict.summary,
        "rationale": verdict.rationale,
        "evidence_urls": "",
        "correction_note": "",
        "version": verdict.version,
        "corrections-TOTAL_FORMS": 0,
        "corrections-INITIAL_FORMS": 0,
        "corrections-MIN_NUM_FORMS": 0,
        "corrections-MAX_NUM_FORMS": 1000,
    }
    data.update(changes)
    return data


def test_claim_page_shows_the_claim_highlighted_in_its_paragraph_with_cited_sources(client, reviewer, claim):
    client.force_login(reviewer)
    page = client.get(reverse("admin:claims_claim_change", args=[claim.pk])).content.decode()
    marked = re.search(r'<mark class="claim">(.*?)</mark>', page).group(1)
    assert marked == claim.text == claim.article.text[claim.start : claim.end]
    assert "Her opponent, Republican Mike Cargile" in page  # the rest of the paragraph, unmarked
    assert "nbcnews.com/politics/2022-elections/california-house-results" in page
    assert "57.4" in page  # the numbers
    assert "(subject: Norma Torres)" in page
    assert "add up to about 100%" in page  # the consistency check


def test_reviewer_drafts_a_verdict_inline_on_the_claim_page(client, reviewer, claim):
    client.force_login(reviewer)
    url = reverse("admin:claims_claim_change", args=[claim.pk])
    data = {
        "claim_type": claim.claim_type,
        "claimant": claim.claimant,
        "target": claim.target,
        "status": claim.status,
        "assigned_to": "",
        "checkworthy": "on",
        "not_checkworthy_reason": "",
        "verdicts-TOTAL_FORMS": 1,
        "verdicts-INITIAL_FORMS": 0,
        "verdicts-MIN_NUM_FORMS": 0,
        "verdicts-MAX_NUM_FORMS": 1000,
        "verdicts-0-rating": Rating.objects.get(slug="true").pk,
        "verdicts-0-summary": "Matches NBC's results.",
        "verdicts-0-rationale": "See **the results**.",
        "verdicts-0-evidence_urls": "https://www.nbcnews.com/results?utm_source=a",
        "verdicts-0-correction_note": "",
        "verdicts-0-version": "",
        "verdicts-0-claim": claim.pk,
        "verdicts-0-id": "",
    }
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    verdict = Verdict.objects.get(claim=claim)
    assert verdict.reviewer == reviewer and verdict.status == "draft"
    assert [s.canonical_url for s in verdict.evidence.all()] == ["https://nbcnews.com/results"]
    assert Claim.objects.get(pk=claim.pk).status == Claim.Status.IN_REVIEW


def test_reviewer_cannot_publish_but_editor_can_and_then_corrects(client, reviewer, editor, claim):
    verdict = reviews.draft_verdict(claim=claim, by=reviewer, rating=Rating.objects.get(slug="true"), summary="Right.")
    changelist = reverse("admin:claims_verdict_changelist")
    client.force_login(reviewer)
    assert 'value="publish"' not in client.get(changelist).content.decode()
    client.post(changelist, {"action": "publish", "_selected_action": [verdict.pk]})
    assert Verdict.objects.get(pk=verdict.pk).status == "draft"

    client.force_login(editor)
    client.post(changelist, {"action": "publish", "_selected_action": [verdict.pk]})
    verdict.refresh_from_db()
    assert verdict.status == "published" and Claim.objects.get(pk=claim.pk).current_verdict == verdict

    change = reverse("admin:claims_verdict_change", args=[verdict.pk])
    response = client.post(change, verdict_form_data(verdict, summary="Right, rounded."))
    assert response.status_code == 200 and "needs a correction note" in response.content.decode()
    response = client.post(
        change, verdict_form_data(verdict, summary="Right, rounded.", correction_note="We rounded the share.")
    )
    assert response.status_code == 302
    assert Correction.objects.get(verdict=verdict).note == "We rounded the share."


def test_second_of_two_concurrent_saves_is_refused_with_the_first_persons_change(client, reviewer, editor, claim):
    verdict = reviews.draft_verdict(
        claim=claim, by=reviewer, rating=Rating.objects.get(slug="true"), summary="First draft."
    )
    change = reverse("admin:claims_verdict_change", args=[verdict.pk])
    opened_by_both = verdict_form_data(verdict)
    client.force_login(editor)
    assert client.post(change, {**opened_by_both, "summary": "Editor's version."}).status_code == 302
    client.force_login(reviewer)
    response = client.post(change, {**opened_by_both, "summary": "Reviewer's version."})
    page = response.content.decode()
    assert response.status_code == 200
    assert "eddie changed this verdict" in page and "Editor&#x27;s version." in page and "not saved" in page
    assert Verdict.objects.get(pk=verdict.pk).summary == "Editor's version."


def test_queue_actions_assign_mark_in_review_and_not_checkworthy(client, reviewer, article):
    client.force_login(reviewer)
    url = reverse("admin:claims_claim_changelist")
    first, second = article.claims.filter(checkworthy=True).order_by("id")[:2]
    client.post(url, {"action": "assign_to_me", "_selected_action": [first.pk]})
    client.post(url, {"action": "mark_in_review", "_selected_action": [first.pk]})
    client.post(
        url, {"action": "mark_not_checkworthy", "_selected_action": [second.pk], "reason": "Opinion, not fact."}
    )
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.assigned_to == reviewer and first.status == Claim.Status.IN_REVIEW
    assert not second.checkworthy and second.not_checkworthy_reason == "Opinion, not fact."
    page = client.get(url, {"assigned": "me"}).content.decode()
    assert first.text[:40] in page and second.text[:40] not in page


def test_queue_filters_by_rating_and_sourcing(client, editor, article):
    published = article.claims.get(text__contains="57.4%")
    verdict = reviews.draft_verdict(claim=published, by=editor, rating=Rating.objects.get(slug="false"), summary="x")
    reviews.publish_verdict(verdict, by=editor)
    client.force_login(editor)
    url = reverse("admin:claims_claim_changelist")
    page = client.get(url, {"rating": "false"}).content.decode()
    assert "won with 57.4%" in page and "42.6%" not in page
    assert "False</span>" in page
    unsourced = client.get(url, {"sourced": "no", "q": "Ecuador"}).content.decode()
    assert "The two girls were from Ecuador" in unsourced
    sourced = client.get(url, {"sourced": "yes", "q": "Ecuador"}).content.decode()
    assert "The two girls were from Ecuador" not in sourced


def test_queue_query_count_is_constant(client, editor, article, django_assert_max_num_queries):
    for claim in article.claims.filter(checkworthy=True):
        reviews.publish_verdict(
            reviews.draft_verdict(claim=claim, by=editor, rating=Rating.objects.get(slug="true"), summary="x"),
            by=editor,
        )
        Claim.objects.filter(pk=claim.pk).update(assigned_to=editor)
    client.force_login(editor)
    url = reverse("admin:claims_claim_changelist")
    with django_assert_max_num_queries(14) as small:
        client.get(url)
    Claim.objects.bulk_create(
        [
            Claim(article=article, text="abcde", paragraph=0, start=i * 10, end=i * 10 + 5, checkworthy=True)
            for i in range(60)
        ]
    )
    with django_assert_max_num_queries(len(small.captured_queries)):
        client.get(url)


def test_article_page_highlights_every_checkworthy_claim_and_reports_sourcing(client, reviewer, article):
    client.force_login(reviewer)
    page = client.get(reverse("admin:articles_article_change", args=[article.pk])).content.decode()
    assert page.count("<mark ") == 3
    assert 'data-rating="unreviewed"' in page
    assert "3 claims, 3 check-worthy; 2 cite a source, <strong>1 unsourced</strong>" in page
    assert re.search(r"Primary sources: <a [^>]*>state\.gov</a>", page)


def test_history_pages_render(client, reviewer, claim):
    verdict = reviews.draft_verdict(claim=claim, by=reviewer, rating=Rating.objects.get(slug="true"), summary="x")
    client.force_login(reviewer)
    assert client.get(reverse("admin:claims_verdict_history", args=[verdict.pk])).status_code == 200
    page = client.get(reverse("admin:claims_claim_history", args=[claim.pk])).content.decode()
    assert "rita" in page


def test_autocomplete_finds_sources_for_evidence(client, reviewer):
    make_source("https://hrw.org/news/2021/05/21/us-can-stop-el-salvadors-slide-authoritarianism-time-act")
    make_source("https://stats.example.gov/report")
    client.force_login(reviewer)
    response = client.get(
        reverse("admin:autocomplete"),
        {"app_label": "claims", "model_name": "verdict", "field_name": "evidence", "term": "hrw"},
    )
    assert [r["text"] for r in response.json()["results"]] == [
        "https://hrw.org/news/2021/05/21/us-can-stop-el-salvadors-slide-authoritarianism-time-act"
    ]


def test_rationale_markdown_is_sanitized_in_the_preview(client, editor, claim):
    verdict = reviews.draft_verdict(
        claim=claim,
        by=editor,
        rating=Rating.objects.get(slug="true"),
        summary="x",
        rationale="**Bold** <script>alert(1)</script> [bad](javascript:alert(2)) <img src=x onerror=alert(3)>",
    )
    client.force_login(editor)
    page = client.get(reverse("admin:claims_verdict_change", args=[verdict.pk])).content.decode()
    preview = page.split("as readers see it")[1][:600]
    assert "<strong>Bold</strong>" in preview
    assert "<script>" not in preview and "javascript:" not in preview and "onerror" not in preview

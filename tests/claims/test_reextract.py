"""Re-extraction keeps reviewers' work: ids, statuses and verdicts survive."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from articles.analysis import reextract_article
from claims.models import Claim, Rating, Verdict

pytestmark = pytest.mark.django_db


def test_reextracting_an_unchanged_article_keeps_every_claim(seed_article):
    before = dict(Claim.objects.values_list("id", "text"))
    result = reextract_article(seed_article)
    assert result == {"matched": len(before), "created": 0, "stale": 0, "deleted": 0}
    assert dict(Claim.objects.values_list("id", "text")) == before


def test_a_reviewed_claim_keeps_its_id_status_and_verdict(seed_article):
    claim = seed_article.claims.get(text__contains="57.4%")
    claim.status = Claim.Status.PUBLISHED
    claim.claimant = "NBC News (corrected by a reviewer)"
    claim.save()
    Verdict.objects.create(
        claim=claim,
        rating=Rating.objects.get(slug="true"),
        summary="Matches the results.",
        status="published",
        published_at=timezone.now(),
    )
    reextract_article(seed_article)
    claim.refresh_from_db()
    assert claim.status == Claim.Status.PUBLISHED
    assert claim.claimant == "NBC News (corrected by a reviewer)"
    assert claim.verdicts.count() == 1
    assert not claim.stale
    assert [s.domain for s in claim.sources.all()] == ["nbcnews.com"]


def test_a_claim_no_longer_found_is_stale_when_reviewed_and_deleted_when_not(seed_article):
    reviewed = seed_article.claims.get(text__contains="57.4%")
    reviewed.status = Claim.Status.IN_REVIEW
    reviewed.save()
    untouched = seed_article.claims.get(text__contains="42.6%")
    seed_article.html = seed_article.html.replace("won with 57.4% of the vote", "won re-election").replace(
        "got 42.6% of the vote", "lost"
    )
    seed_article.save()
    result = reextract_article(seed_article)
    assert result["stale"] == 1 and result["deleted"] == 1
    reviewed.refresh_from_db()
    assert reviewed.stale
    assert not Claim.objects.filter(pk=untouched.pk).exists()
    assert seed_article.claims.filter(text__contains="won re-election", stale=False).exists()


def test_reextract_command_summarises(seed_article):
    out = StringIO()
    call_command("reextract", "--no-progress", stdout=out)
    assert "Re-extracted 1 articles" in out.getvalue()


def test_reextracting_unchanged_text_writes_no_history_and_no_update(seed_article):
    history = Claim.history.count()
    stamps = dict(seed_article.claims.values_list("id", "updated_at"))
    reextract_article(seed_article)
    reextract_article(seed_article)
    assert Claim.history.count() == history
    assert dict(seed_article.claims.values_list("id", "updated_at")) == stamps

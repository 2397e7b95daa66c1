"""Stored matches: found at ingestion, on publishing and on import; confirmed matches reuse the verdict."""

import json

import pytest

from articles.ingest import ingest_article
from claims.models import Claim, Rating
from claims.reviews import ReviewError, draft_verdict, publish_verdict
from matching import services
from matching.claimreview_import import read_claim_reviews
from matching.models import ClaimMatch

from .factories import claim_review, make_claim, publish

pytestmark = pytest.mark.django_db

CHECKED = "The city's unemployment rate fell to 3.2% last year, the lowest level in two decades."
REPEATED = "Unemployment in the city fell to 3.2% last year, its lowest level in two decades, the mayor said."
EXTERNAL = "The city's unemployment rate fell to 3.2%, the lowest in two decades."


def import_reviews(*reviews):
    records, errors = read_claim_reviews(json.dumps(list(reviews)), kind="json")
    return services.import_fact_checks(records, errors=errors)


@pytest.fixture
def checked(reviewer, editor):
    claim = make_claim(CHECKED)
    publish(claim, reviewer=reviewer, editor=editor)
    return claim


def test_a_new_claim_repeating_our_verdict_and_an_external_check_gets_both(checked):
    import_reviews(claim_review("https://checker.example/jobs", EXTERNAL, label="Mostly true"))
    claim = make_claim(REPEATED)
    services.match_claims([claim.pk])
    matches = list(claim.matches.ranked())
    assert {m.kind for m in matches} == {"verdict", "external"}
    assert next(m for m in matches if m.kind == "verdict").matched_claim == checked
    assert matches == sorted(matches, key=lambda m: -m.score)


def test_a_claim_with_another_number_gets_no_match(checked):
    claim = make_claim("Unemployment in the city fell to 4.1% last year, its lowest level in two decades.")
    services.match_claims([claim.pk])
    assert not claim.matches.exists()


def test_ingestion_matches_the_new_article_claims(checked, django_capture_on_commit_callbacks):
    import_reviews(claim_review("https://checker.example/jobs", EXTERNAL))
    with django_capture_on_commit_callbacks(execute=True):
        article = ingest_article(f"<html><body><p>{REPEATED}</p><p>Nothing else happened.</p></body></html>")
    repeated = article.claims.get(text__contains="3.2%")
    assert set(repeated.matches.values_list("kind", flat=True)) == {"verdict", "external"}


def test_publishing_a_verdict_matches_claims_stored_earlier(reviewer, editor, django_capture_on_commit_callbacks):
    earlier = make_claim(REPEATED)
    checked = make_claim(CHECKED)
    with django_capture_on_commit_callbacks(execute=True):
        publish(checked, reviewer=reviewer, editor=editor)
    assert earlier.matches.get().matched_claim == checked


def test_importing_checks_matches_claims_stored_earlier(django_capture_on_commit_callbacks):
    earlier = make_claim(REPEATED)
    with django_capture_on_commit_callbacks(execute=True):
        import_reviews(claim_review("https://checker.example/jobs", EXTERNAL))
    assert earlier.matches.get().external.url == "https://checker.example/jobs"

    # Re-imported with a different claim, the check no longer matches: the unconfirmed match goes.
    with django_capture_on_commit_callbacks(execute=True):
        summary = import_reviews(claim_review("https://checker.example/jobs", "Crime in the city doubled in 2023."))
    assert summary.updated == 1
    assert not earlier.matches.exists()


def test_rematching_keeps_one_row_per_pair(checked):
    claim = make_claim(REPEATED)
    services.match_claims([claim.pk])
    services.match_claims([claim.pk])
    assert claim.matches.count() == 1


def test_confirming_a_match_with_our_verdict_makes_one_checked_claim(checked, reviewer, editor):
    claim = make_claim(REPEATED)
    services.match_claims([claim.pk])
    match = claim.matches.get()
    services.confirm_match(match, by=editor)
    claim.refresh_from_db()
    checked.refresh_from_db()
    assert claim.current_verdict == checked.current_verdict
    assert claim.status == Claim.Status.PUBLISHED

    # A newer verdict on the checked claim shows on every appearance.
    newer = draft_verdict(claim=checked, by=reviewer, rating=Rating.objects.get(slug="true"), summary="Revised.")
    publish_verdict(newer, by=editor, correction_note="The figures were revised.")
    claim.refresh_from_db()
    assert claim.current_verdict == newer


def test_only_an_editor_reuses_a_verdict(checked, reviewer):
    claim = make_claim(REPEATED)
    services.match_claims([claim.pk])
    with pytest.raises(ReviewError, match="editor"):
        services.confirm_match(claim.matches.get(), by=reviewer)
    assert not ClaimMatch.objects.filter(confirmed=True).exists()


def test_a_verdict_drafted_from_an_external_check_cites_it(reviewer):
    import_reviews(claim_review("https://checker.example/jobs", EXTERNAL, publisher="PolitiFact", label="Mostly true"))
    claim = make_claim(REPEATED)
    services.match_claims([claim.pk])
    verdict = services.draft_verdict_from_external(
        claim.matches.get(), by=reviewer, rating=Rating.objects.get(slug="true")
    )
    assert verdict.status == "draft"
    assert "PolitiFact" in verdict.summary
    assert list(verdict.evidence.values_list("canonical_url", flat=True)) == ["https://checker.example/jobs"]
    assert claim.matches.get().confirmed


def test_reextraction_matches_the_claims_it_finds_anew(checked, django_capture_on_commit_callbacks):
    from articles.analysis import reextract_article

    article = ingest_article("<html><body><p>Nothing else happened in the city council today.</p></body></html>")
    # The stored page changes (a fuller copy, or a better parser reads more of it): re-extraction finds the claim.
    article.html = f"<html><body><p>{REPEATED}</p><p>Nothing else happened in the city council today.</p></body></html>"
    article.save(update_fields=["html"])
    with django_capture_on_commit_callbacks(execute=True):
        reextract_article(article)
    repeated = article.claims.get(text__contains="3.2%")
    assert list(repeated.matches.values_list("matched_claim", flat=True)) == [checked.pk]


def test_match_claims_catches_up_on_claims_stored_while_matching_could_not_run(checked):
    from io import StringIO

    from django.core.management import call_command

    missed = make_claim(REPEATED)  # stored while the task queue was down: no matching ran
    out = StringIO()
    call_command("match_claims", stdout=out, verbosity=0)
    assert missed.matches.get().matched_claim == checked
    assert "matches stored" in out.getvalue()


def test_match_claims_for_an_unknown_article_says_so(db):
    from django.core.management import CommandError, call_command

    with pytest.raises(CommandError, match="No article 999"):
        call_command("match_claims", "--article", "999", verbosity=0)

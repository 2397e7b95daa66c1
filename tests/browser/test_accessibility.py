"""Every public page, as a reader's browser shows it at 1280 and 390 px: axe-core finds no serious or critical
violation, nothing scrolls sideways, and the claim page's first phone screen says what was claimed and how it
was rated. Screenshots of each page land in test-artifacts/.

axe-core comes from the npm registry (package.json; ``make install`` runs ``npm ci``) and is loaded from that
local file; the browser context bypasses the pages' CSP only to inject it.
"""

import os
from pathlib import Path

import pytest
from django.contrib.auth.models import Group, User
from django.urls import reverse

from articles.ingest import ingest_article
from articles.models import Article
from claims import reviews
from claims.models import Rating, Topic
from tests.conftest import SEED_PATH

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
WIDTHS = {"desktop": (1280, 900), "phone": (390, 700)}
BLOCKING = {"serious", "critical"}


@pytest.fixture
def axe_source():
    if not AXE.exists():
        message = f"axe-core not found at {AXE}: run `make install` (npm ci) to fetch it from the npm registry"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return AXE


@pytest.fixture
def site(django_db_serialized_rollback, live_server):
    """The seed article with verdicts across the scale, a correction, and a republishable article."""
    article = ingest_article(SEED_PATH.read_bytes())
    reviewer = User.objects.create_user("rita", first_name="Rita", last_name="Reviewer")
    reviewer.groups.add(Group.objects.get(name="reviewer"))
    editor = User.objects.create_user("eddie", first_name="Eddie", last_name="Editor")
    editor.groups.add(Group.objects.get(name="editor"))
    claims = list(article.claims.filter(checkworthy=True).order_by("-checkworthiness")[:6])
    verdicts = []
    for claim, rating in zip(claims, Rating.objects.order_by("order"), strict=False):
        verdict = reviews.draft_verdict(
            claim=claim,
            by=reviewer,
            rating=rating,
            summary=f"Rated {rating.label.lower()} after checking the official count.",
            rationale="We compared the **official results** with the claim. See https://example.org/results",
            evidence_urls=["https://www.sos.ca.gov/elections/prior-elections/statewide-election-results"],
        )
        verdicts.append(reviews.publish_verdict(verdict, by=editor))
    reviews.update_verdict(
        verdicts[0],
        by=editor,
        expected_version=verdicts[0].version,
        correction_note="We linked the official count.",
        summary="Rated after checking the official count, now linked.",
    )
    Article.objects.filter(pk=article.pk).update(republishable=True)
    other = ingest_article(
        b"<html lang='fr'><head><title>Le budget</title></head><body><article><p>Le maire a dit que le budget a "
        b"augment\xc3\xa9 de 12 % en un an, selon <a href='https://example.org/a/very/long/path/that/goes/on/and/"
        b"on/without/any/break/at/all/0123456789012345678901234567890123456789'>la mairie</a>.</p></article>"
        b"</body></html>"
    )
    claim = verdicts[0].claim
    topic = Topic.objects.create(name="Elections", slug="elections", description="Votes, turnout and results.")
    topic.claims.add(*(verdict.claim for verdict in verdicts))
    source = claim.sources.first() or other.citations.first().source
    return {
        "home": "/",
        "articles": reverse("article-list"),
        "article": reverse("article-detail", args=[article.pk]),
        "article-excerpts": reverse("article-detail", args=[other.pk]),
        "claim": claim.get_absolute_url(),
        "claim-unreviewed": article.claims.filter(checkworthy=True, current_verdict__isnull=True)
        .first()
        .get_absolute_url(),
        "claimant": reverse("claimant-detail", args=[claim.claimant_slug or "norma-torres"]),
        "source": source.get_absolute_url(),
        "long-source": other.citations.first().source.get_absolute_url(),
        "search": reverse("search") + "?q=vote",
        "topics": reverse("topic-list"),
        "topic": topic.get_absolute_url(),
        "methodology": reverse("methodology"),
        "corrections": reverse("corrections"),
        "feeds": reverse("feeds"),
        "not-found": "/no/such/page/",
    }


def blocking_violations(page):
    results = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [
        f"{violation['id']} ({violation['impact']}): {[node['target'] for node in violation['nodes']][:3]}"
        for violation in results["violations"]
        if violation["impact"] in BLOCKING
    ]


@pytest.mark.parametrize("device", WIDTHS)
def test_every_public_page_passes_axe_and_fits_the_screen(site, live_server, browser, artifacts, axe_source, device):
    width, height = WIDTHS[device]
    context = browser.new_context(viewport={"width": width, "height": height}, bypass_csp=True)
    page = context.new_page()
    problems = {}
    for name, path in site.items():
        page.goto(live_server.url + path)
        page.add_script_tag(path=str(axe_source))
        found = blocking_violations(page)
        if not page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"):
            found.append(f"scrolls sideways: {page.evaluate('document.documentElement.scrollWidth')} px wide")
        if found:
            problems[name] = found
        page.screenshot(path=str(artifacts / f"{name}-{width}.png"), full_page=False)
    context.close()
    assert problems == {}


def test_the_claim_pages_first_phone_screen_says_what_was_claimed_and_how_it_was_rated(site, live_server, browser):
    page = browser.new_page(viewport={"width": 390, "height": 700})
    page.goto(live_server.url + site["claim"])
    for locator in (page.locator("h1"), page.locator(".verdict .badge").first, page.locator(".verdict-summary")):
        box = locator.bounding_box()
        assert box is not None and locator.is_visible()
        assert box["y"] + box["height"] <= 700, f"{locator} ends at {box['y'] + box['height']} px"
        assert box["x"] >= 0 and box["x"] + box["width"] <= 390
    page.close()

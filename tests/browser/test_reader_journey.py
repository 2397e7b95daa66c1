"""A reader's journey in a real browser: home → article → claim → sources → claimant → search, on desktop and phone."""

import pytest
from django.contrib.auth.models import Group, User

from articles.ingest import ingest_article
from claims import reviews
from claims.models import Rating
from tests.conftest import SEED_PATH

# serialized_rollback: the live server needs committed data, and the ratings and groups
# made by migrations must be there again for the tests that run after these.
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

VIEWPORTS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 375, "height": 740}}


@pytest.fixture
def published(django_db_serialized_rollback, live_server):
    article = ingest_article(SEED_PATH.read_bytes())
    reviewer = User.objects.create_user("rita")
    reviewer.groups.add(Group.objects.get(name="reviewer"))
    editor = User.objects.create_user("eddie", first_name="Eddie", last_name="Editor")
    editor.groups.add(Group.objects.get(name="editor"))
    claim = article.claims.get(text__contains="57.4%")
    verdict = reviews.draft_verdict(
        claim=claim,
        by=reviewer,
        rating=Rating.objects.get(slug="true"),
        summary="NBC News results show Torres won 57.4% of the vote.",
        evidence_urls=["https://www.nbcnews.com/politics/2022-elections/california-house-results"],
    )
    reviews.publish_verdict(verdict, by=editor)
    return claim


@pytest.mark.parametrize("device", ["desktop", "phone"])
def test_reader_goes_from_home_to_claim_sources_claimant_and_search(published, live_server, browser, artifacts, device):
    page = browser.new_page(viewport=VIEWPORTS[device])
    errors = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))

    page.goto(live_server.url + "/")
    assert page.get_by_role("heading", name="Latest fact checks").is_visible()
    assert page.get_by_text("NBC News results show Torres won 57.4% of the vote.").is_visible()

    page.get_by_role("navigation", name="Main").get_by_role("link", name="Articles").click()
    page.get_by_role("link", name="After winning re-election").click()
    # The Escape key below needs popover.js, a deferred script: on a loaded machine the click returns before it ran.
    page.wait_for_load_state("load")
    assert page.locator(".excerpts mark.claim").count() >= 30  # the rated one, then the unreviewed behind a toggle
    assert not page.locator("details.unreviewed-claims mark").first.is_visible()
    rated = page.locator('mark.claim[data-rating="true"]')
    assert rated.count() == 1
    rated.locator("a").focus()
    popover = rated.locator(".pop")
    assert popover.is_visible() and "True" in popover.inner_text()
    page.keyboard.press("Escape")
    assert not popover.is_visible()
    page.screenshot(path=str(artifacts / f"article-{device}.png"), full_page=False)

    rated.locator("a").click()
    assert page.locator("h1").inner_text() == f"“{published.checked_statement}”"
    assert page.locator(".badge").first.inner_text() == "True"
    source_link = page.locator('a[href="https://nbcnews.com/politics/2022-elections/california-house-results"]').first
    assert source_link.count() == 1 and source_link.get_attribute("rel") == "nofollow noopener"
    assert page.locator('script[type="application/ld+json"]').count() == 1
    page.screenshot(path=str(artifacts / f"claim-{device}.png"), full_page=False)

    page.get_by_role("link", name="other claims citing it").first.click()
    assert page.get_by_text("Her opponent, Republican Mike Cargile").is_visible()

    page.goto(live_server.url + published.get_absolute_url())
    page.get_by_role("link", name="Norma Torres").first.click()
    assert page.get_by_role("heading", name="Norma Torres").is_visible()

    page.get_by_role("search").first.get_by_role("searchbox").fill("57.4")
    page.get_by_role("search").first.get_by_role("button", name="Search").click()
    assert "1 claim" in page.get_by_role("status").inner_text()
    assert page.get_by_role("link", name=f"“{published.checked_statement}” (rated True)").is_visible()

    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1"), "page overflows horizontally"
    assert errors == []
    page.close()

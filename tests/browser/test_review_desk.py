"""The review desk in a real browser: a reviewer works five claims by keyboard, an editor publishes two and a reader
sees the statement as the headline; an editor correcting a published verdict is asked for the note; a reviewer and an
editor reuse earlier checks ("possibly already checked") from the review screen.

Screenshots of the queue and the review screen at 1280 and 390 px land in
``test-artifacts/``; axe-core (``node_modules/axe-core``, from ``make install``)
finds no serious or critical violation on either page.
"""

from pathlib import Path

import pytest

from claims import queues, reviews
from claims.models import Claim, Correction, Rating, Verdict
from matching import services as matching
from matching.claimreview_import import read_claim_review_document
from tests.matching.factories import claim_review, make_claim, publish
from tests.matching.test_surfaces import CHECKED, EXTERNAL, REPEATED

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}


def log_in(page, base, username, password):
    page.goto(base + "/admin/login/?next=/admin/")
    page.keyboard.type(username)  # the login form focuses the username field
    page.keyboard.press("Tab")
    page.keyboard.type(password)
    page.keyboard.press("Enter")
    page.wait_for_url(base + "/admin/")


def serious_violations(page):
    if not AXE.exists():
        pytest.skip(f"axe-core is not installed at {AXE}: run make install (needs npm)")
    page.add_script_tag(path=str(AXE))
    violations = page.evaluate("async () => (await axe.run(document, {resultTypes: ['violations']})).violations")
    return [
        (v["id"], v["impact"], [n["html"][:120] for n in v["nodes"]])
        for v in violations
        if v["impact"] in {"serious", "critical"}
    ]


def test_reviewer_works_five_claims_by_keyboard_and_editor_publishes_two(desk, live_server, browser, artifacts):
    reviewer, _editor = desk
    first_five = list(queues.queue_claims("checkworthy", reviewer).values_list("pk", flat=True)[:5])
    # bypass_csp lets the test inject axe-core; the pages themselves run only their own static script.
    context = browser.new_context(viewport=DESKTOP, bypass_csp=True)
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    log_in(page, live_server.url, "rita", "rita-pw")

    page.goto(live_server.url + "/admin/claims/claim/?queue=checkworthy")
    page.screenshot(path=str(artifacts / "desk-queue-1280.png"))
    rows = page.locator("#result_list tbody tr")
    assert rows.count() >= 12
    assert page.evaluate("document.documentElement.scrollWidth") <= 1280  # no horizontal scrolling
    visible = page.evaluate(
        "Array.from(document.querySelectorAll('#result_list tbody tr'))"
        ".filter(row => row.getBoundingClientRect().bottom <= window.innerHeight).length"
    )
    assert visible >= 12
    assert serious_violations(page) == []

    page.locator(".queue-claim").first.focus()
    page.keyboard.press("Enter")
    page.wait_for_selector("#review-form")
    assert serious_violations(page) == []
    page.screenshot(path=str(artifacts / "desk-review-1280.png"))

    for index, claim_id in enumerate(first_five):
        assert f"/admin/claims/claim/{claim_id}/review/" in page.url
        page.keyboard.press("e")
        page.keyboard.press("Control+A")
        page.keyboard.type(f"Checked statement number {index + 1}")
        page.keyboard.press("Escape")
        page.keyboard.press("v")
        page.keyboard.press("ArrowDown")  # the first rating of the scale
        page.keyboard.press("Tab")
        page.keyboard.type(f"Summary of check {index + 1}.")
        page.keyboard.press("Escape")
        with page.expect_navigation():
            page.keyboard.press("r" if index < 2 else "s")  # two go to the editor, three stay drafts

    claims = Claim.objects.in_bulk(first_five)
    assert [claims[pk].statement for pk in first_five] == [f"Checked statement number {n}" for n in range(1, 6)]
    assert [claims[pk].status for pk in first_five] == [Claim.Status.REVIEWED] * 2 + [Claim.Status.IN_REVIEW] * 3
    assert Verdict.objects.filter(claim__in=first_five, status=Verdict.Status.DRAFT).count() == 5

    page.keyboard.press("?")
    assert page.locator("#keys-help").is_visible()
    page.set_viewport_size(PHONE)
    page.screenshot(path=str(artifacts / "desk-review-390.png"))
    page.goto(live_server.url + "/admin/claims/claim/?queue=checkworthy")
    page.screenshot(path=str(artifacts / "desk-queue-390.png"))
    context.close()

    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    page.on("pageerror", lambda error: errors.append(str(error)))
    log_in(page, live_server.url, "eddie", "eddie-pw")
    assert page.locator('.queue-count[data-queue="ready"]').inner_text() == "2"
    page.goto(live_server.url + "/admin/claims/claim/?queue=ready")
    page.locator(".queue-claim").first.focus()
    page.keyboard.press("Enter")
    page.wait_for_selector("#review-form")
    with page.expect_navigation():
        page.keyboard.press("p")
    page.wait_for_selector("#review-form")
    with page.expect_navigation():
        page.keyboard.press("p")
    context.close()

    published = Claim.objects.filter(pk__in=first_five[:2], status=Claim.Status.PUBLISHED)
    assert published.count() == 2
    assert all(claim.current_verdict.reviewer == reviewer for claim in published)

    # A reader sees the statement the reviewer wrote as the claim page's headline.
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(live_server.url + Claim.objects.get(pk=first_five[0]).get_absolute_url())
    assert page.locator("h1").inner_text() == "“Checked statement number 1”"
    page.screenshot(path=str(artifacts / "desk-published-claim-390.png"))
    context.close()
    assert errors == []


def test_an_editor_publishing_over_a_published_verdict_is_asked_for_a_correction_note(
    desk, live_server, browser, artifacts
):
    reviewer, editor = desk
    claim = queues.queue_claims("checkworthy", reviewer).first()
    draft = reviews.draft_verdict(claim=claim, by=reviewer, rating=Rating.objects.get(slug="true"), summary="Right.")
    reviews.publish_verdict(draft, by=editor)
    context = browser.new_context(viewport=DESKTOP, bypass_csp=True)
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    log_in(page, live_server.url, "eddie", "eddie-pw")
    page.goto(live_server.url + f"/admin/claims/claim/{claim.pk}/review/?queue=published")
    assert page.locator("#id_correction-note").is_visible()
    page.keyboard.press("c")
    assert page.evaluate("document.activeElement.id") == "id_correction-note"
    page.keyboard.press("Escape")

    page.keyboard.press("v")
    page.keyboard.press("ArrowDown")  # the first rating of the scale
    page.keyboard.press("Tab")
    page.keyboard.type("The figure was revised; the claim no longer holds.")
    page.keyboard.press("Escape")
    with page.expect_navigation():
        page.keyboard.press("p")  # no note: refused beside the field, nothing published
    assert "needs a correction note" in page.locator("#id_correction-note_error").inner_text()
    assert page.locator("#id_verdict-summary").input_value() == "The figure was revised; the claim no longer holds."
    assert serious_violations(page) == []
    page.screenshot(path=str(artifacts / "desk-correction-1280.png"))
    claim.refresh_from_db()
    assert claim.current_verdict_id == draft.pk

    assert page.evaluate("document.activeElement.id") == "id_correction-note"  # the next keys typed are the note
    page.keyboard.type("The statistics office revised the figure on 3 May.")
    page.keyboard.press("Escape")
    with page.expect_navigation():
        page.keyboard.press("p")
    context.close()

    claim.refresh_from_db()
    assert claim.current_verdict.summary == "The figure was revised; the claim no longer holds."
    assert (
        Correction.objects.get(verdict=claim.current_verdict).note
        == "The statistics office revised the figure on 3 May."
    )
    assert errors == []


def test_a_reviewer_reuses_an_earlier_check_from_the_review_screen(desk, live_server, browser):
    reviewer, editor = desk
    checked = make_claim(CHECKED)
    publish(checked, reviewer=reviewer, editor=editor, rating="true", summary="Right.")
    records, _ = read_claim_review_document(
        [claim_review("https://checker.example/jobs", EXTERNAL, publisher="PolitiFact", label="Mostly True")]
    )
    matching.import_fact_checks(records, match=False)
    repeated = make_claim(REPEATED)
    matching.match_claims([repeated.pk])
    review = live_server.url + f"/admin/claims/claim/{repeated.pk}/review/?queue=checkworthy"

    context = browser.new_context(viewport=DESKTOP, bypass_csp=True)
    page = context.new_page()
    log_in(page, live_server.url, "rita", "rita-pw")
    page.goto(review)
    similar = page.locator("#similar-claims")
    assert "Possibly already checked" in similar.inner_text()
    assert "PolitiFact: Mostly True" in similar.inner_text()
    assert serious_violations(page) == []
    similar.get_by_label("Rating for the draft").select_option("mostly-true")
    with page.expect_navigation():
        similar.get_by_role("button", name="Same claim: draft a verdict citing it").click()
    assert page.url == review  # back on the screen, with the result in place
    assert page.locator("#id_verdict-summary").input_value() == "PolitiFact rated it “Mostly True”."
    assert "confirmed" in page.locator("#similar-claims").inner_text()
    context.close()

    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    log_in(page, live_server.url, "eddie", "eddie-pw")
    page.goto(review)
    with page.expect_navigation():
        page.get_by_role("button", name="Same claim: reuse this verdict").click()
    assert page.url == review
    assert "current verdict: True" in page.locator(".desk-meta").inner_text()
    page.goto(live_server.url + repeated.get_absolute_url())
    assert "Right." in page.locator("main").inner_text()
    context.close()

    repeated.refresh_from_db()
    assert repeated.current_verdict == Claim.objects.get(pk=checked.pk).current_verdict
    assert repeated.verdicts.get().evidence.get().canonical_url == "https://checker.example/jobs"

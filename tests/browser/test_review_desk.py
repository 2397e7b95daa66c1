"""The review desk in a real browser: a reviewer works five claims by keyboard, an editor publishes two.

Screenshots of the queue and the review screen at 1280 and 390 px land in
``test-artifacts/``; axe-core (``node_modules/axe-core``, from ``make install``)
finds no serious or critical violation on either page.
"""

from pathlib import Path

import pytest
from django.contrib.auth.models import Group, User

from articles.ingest import ingest_article
from claims import queues
from claims.models import Claim, Verdict
from tests.conftest import SEED_PATH

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}


@pytest.fixture
def desk(django_db_serialized_rollback, live_server):
    ingest_article(SEED_PATH.read_bytes())
    reviewer = User.objects.create_user("rita", password="rita-pw", is_staff=True)
    reviewer.groups.add(Group.objects.get(name="reviewer"))
    editor = User.objects.create_user("eddie", password="eddie-pw", is_staff=True)
    editor.groups.add(Group.objects.get(name="editor"))
    return reviewer, editor


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
    assert errors == []

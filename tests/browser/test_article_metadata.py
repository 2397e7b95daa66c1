"""An editor fixes an article's metadata in the admin, in a real browser; axe-core checks the form and its errors."""

import pytest

from articles.models import Article

from .test_review_desk import DESKTOP, log_in, serious_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_an_editor_fixes_the_title_and_language_and_readers_see_the_title(desk, live_server, browser, artifacts):
    article = Article.objects.get()
    context = browser.new_context(viewport=DESKTOP, bypass_csp=True)
    page = context.new_page()
    log_in(page, live_server.url, "eddie", "eddie-pw")
    page.goto(live_server.url + f"/admin/articles/article/{article.pk}/change/")
    assert serious_violations(page) == []

    page.get_by_label("Title").fill("Torres declares victory in California's 35th District")
    page.get_by_label("Outlet").fill("NBC News")
    page.get_by_label("Language").fill("English")
    with page.expect_navigation():
        page.get_by_role("button", name="Save", exact=True).click()
    assert "ISO 639 code" in page.locator(".errorlist").first.inner_text()
    assert serious_violations(page) == []
    page.screenshot(path=str(artifacts / "article-metadata-error-1280.png"))

    page.get_by_label("Language").fill("en")
    with page.expect_navigation():
        page.get_by_role("button", name="Save", exact=True).click()
    article.refresh_from_db()
    assert article.title == "Torres declares victory in California's 35th District"
    assert article.history.count() == 2  # as ingested, then this fix
    context.close()

    reader = browser.new_page(viewport=DESKTOP)
    reader.goto(live_server.url + article.get_absolute_url())
    assert reader.locator("h1").inner_text() == "Torres declares victory in California's 35th District"
    reader.close()

"""Editors fix an article's metadata in the admin, with history; reviewers only read it.

The rule is the rulebook's (``claims.reviews.can_edit_article``); the checks
and the write are ``articles.metadata``. Requests go through the admin as a
person would, so a refusal is tested as the POST it is, not as a hidden field.
"""

import datetime as dt
import json

import pytest
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st

from articles import metadata
from claims import reviews
from integrations.models import ChangeEvent
from tests.factories import make_article, make_claim, make_user, make_verdict

pytestmark = pytest.mark.django_db


def change_url(article):
    return reverse("admin:articles_article_change", args=[article.pk])


def form_data(article, **changes):
    """The change form as the browser sends it: every metadata field, the date split in two, no citation edits."""
    values = {
        "title": article.title,
        "outlet": article.outlet,
        "byline": article.byline,
        "url": article.url,
        "language": article.language,
        "published_at": article.published_at,
        "republishable": article.republishable,
    }
    values.update(changes)
    published = values.pop("published_at")
    data = {
        **{name: value for name, value in values.items() if name != "republishable"},
        "published_at_0": published.strftime("%Y-%m-%d") if published else "",
        "published_at_1": published.strftime("%H:%M:%S.%f") if published else "",
        "citations-TOTAL_FORMS": "0",
        "citations-INITIAL_FORMS": "0",
        "citations-MIN_NUM_FORMS": "0",
        "citations-MAX_NUM_FORMS": "0",
    }
    if values["republishable"]:
        data["republishable"] = "on"
    return data


def signed_in(client, role):
    user = make_user(role)
    client.force_login(user)
    return user


FIX = {
    "title": "Torres declares re-election victory",
    "outlet": "NBC News",
    "url": "https://www.nbcnews.com/politics/torres-victory",
    "language": "en",
    "published_at": dt.datetime(2022, 11, 9, 8, 30, tzinfo=dt.UTC),
}


@pytest.mark.parametrize("role", ["editor", "superuser"])
def test_an_editor_fixes_title_outlet_url_date_and_language(client, role):
    article = make_article(title="While the tweet shown above claimed that", outlet="", language="")
    signed_in(client, role)
    response = client.post(change_url(article), form_data(article, **FIX))
    assert response.status_code == 302
    article.refresh_from_db()
    assert {field: getattr(article, field) for field in FIX} == FIX


def test_a_reviewer_sees_the_metadata_read_only(client):
    article = make_article(title="A truncated sentence as a title")
    signed_in(client, "reviewer")
    page = client.get(change_url(article)).content.decode()
    assert "A truncated sentence as a title" in page
    assert 'name="title"' not in page
    assert 'name="outlet"' not in page


def test_a_reviewer_posting_the_form_is_refused(client):
    article = make_article(title="Original title")
    signed_in(client, "reviewer")
    response = client.post(change_url(article), form_data(article, title="Changed by a reviewer"))
    assert response.status_code == 403
    article.refresh_from_db()
    assert article.title == "Original title"


def test_a_reviewer_cannot_revert_through_the_history_page(client):
    article = make_article(title="Old title")
    editor = make_user("editor")
    metadata.update_article_metadata(article, by=editor, title="New title")
    old = article.history.order_by("history_date", "history_id").first()
    signed_in(client, "reviewer")
    url = reverse("admin:articles_article_simple_history", args=[article.pk, old.history_id])
    response = client.post(url, form_data(article, title="Old title"))
    assert response.status_code == 403
    article.refresh_from_db()
    assert article.title == "New title"


def test_the_rulebook_refuses_a_reviewer_outside_the_admin_too():
    article = make_article(title="Original title")
    with pytest.raises(reviews.ReviewError):
        metadata.update_article_metadata(article, by=make_user("reviewer"), title="Changed")
    article.refresh_from_db()
    assert article.title == "Original title"


def test_the_first_fix_keeps_the_article_as_ingested_then_the_change_by_its_editor(client, seed_article):
    ingested_title = seed_article.title
    editor = signed_in(client, "editor")
    client.post(change_url(seed_article), form_data(seed_article, title="Torres declares victory", outlet="NBC News"))
    rows = list(seed_article.history.order_by("history_date", "history_id"))
    assert [(row.history_type, row.history_user, row.title) for row in rows] == [
        ("+", None, ingested_title),
        ("~", editor, "Torres declares victory"),
    ]
    changed = {change.field: (change.old, change.new) for change in rows[1].diff_against(rows[0]).changes}
    assert changed["title"] == (ingested_title, "Torres declares victory")
    assert changed["outlet"] == ("", "NBC News")
    assert rows[1].history_change_reason == "Changed title, outlet"


def test_the_history_page_lists_the_change(client, seed_article):
    signed_in(client, "editor")
    client.post(change_url(seed_article), form_data(seed_article, outlet="NBC News"))
    page = client.get(reverse("admin:articles_article_history", args=[seed_article.pk])).content.decode()
    assert "Changed outlet" in page
    assert "As ingested" in page


def test_a_save_that_changes_nothing_writes_no_history(client):
    article = make_article()
    before = article.history.count()
    signed_in(client, "editor")
    assert client.post(change_url(article), form_data(article)).status_code == 302
    assert article.history.count() == before


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("url", "ftp://files.example.org/story", "must start with http:// or https://"),
        ("url", "javascript:alert(1)", "valid URL"),
        ("language", "English", "ISO 639 code"),
        ("language", "e", "ISO 639 code"),
        ("published_at", dt.datetime(1025, 11, 9, tzinfo=dt.UTC), "before 1900"),
        ("published_at", dt.datetime.now(dt.UTC) + dt.timedelta(days=30), "in the future"),
    ],
)
def test_bad_values_are_form_errors_and_nothing_is_saved(client, field, value, message):
    article = make_article(title="Kept", language="en")
    signed_in(client, "editor")
    response = client.post(change_url(article), form_data(article, title="Not saved", **{field: value}))
    assert response.status_code == 200
    assert message in " ".join(response.context["adminform"].form.errors[field])
    article.refresh_from_db()
    assert article.title == "Kept"


def test_language_codes_are_stored_in_lower_case(client):
    article = make_article(language="")
    signed_in(client, "editor")
    client.post(change_url(article), form_data(article, language=" FR "))
    article.refresh_from_db()
    assert article.language == "fr"


@given(st.text(max_size=40))
def test_an_accepted_url_is_always_http_or_https(text):
    try:
        url = metadata.clean_url(text)
    except ValidationError:
        return
    assert url == "" or url.startswith(("http://", "https://"))


def test_a_published_claims_page_and_claimreview_show_the_fixed_title_and_outlet(
    client, settings, django_capture_on_commit_callbacks
):
    settings.PUBLIC_PAGE_CACHE_SECONDS = 300  # the fix must reach readers through the cache too
    cache.clear()
    claim = make_claim(article=make_article(title="While the tweet shown above claimed that", outlet=""))
    make_verdict(claim=claim, status="published")
    claim.refresh_from_db()
    assert "While the tweet shown above" in client.get(claim.get_absolute_url()).content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        metadata.update_article_metadata(
            claim.article, by=make_user("editor"), title="Torres declares victory", outlet="NBC News"
        )

    page = client.get(claim.get_absolute_url()).content.decode()
    assert "Torres declares victory" in page
    assert "(NBC News)" in page
    assert "While the tweet shown above" not in page
    review = client.get(f"/api/v1/claimreview/{claim.pk}/").json()
    appearance = review["itemReviewed"]["appearance"]
    assert appearance["headline"] == "Torres declares victory"
    assert appearance["publisher"] == {"@type": "Organization", "name": "NBC News"}
    embedded = json.dumps("Torres declares victory")
    assert embedded in page  # the claim page's own ClaimReview JSON-LD


def test_mirrors_hear_of_the_article_and_of_its_claims_when_the_title_changes():
    claim = make_claim()
    article = claim.article
    last = ChangeEvent.objects.order_by("-id").values_list("id", flat=True).first() or 0
    metadata.update_article_metadata(article, by=make_user("editor"), title="A better title")
    events = set(ChangeEvent.objects.filter(id__gt=last).values_list("resource", "object_id", "kind"))
    assert events == {("article", article.pk, "updated"), ("claim", claim.pk, "updated")}


def test_an_outlet_fix_leaves_claims_alone_in_the_change_log():
    claim = make_claim()
    last = ChangeEvent.objects.order_by("-id").values_list("id", flat=True).first() or 0
    metadata.update_article_metadata(claim.article, by=make_user("editor"), outlet="Another outlet")
    resources = list(ChangeEvent.objects.filter(id__gt=last).values_list("resource", flat=True))
    assert resources == ["article"]


def test_only_article_metadata_goes_through_this_door():
    with pytest.raises(ValueError):
        metadata.update_article_metadata(make_article(), by=make_user("editor"), html="<p>new</p>")


def test_a_fixed_url_is_the_address_the_api_finds_the_article_by(client):
    article = make_article(url="https://news.example.org/wrong")
    metadata.update_article_metadata(article, by=make_user("editor"), url="https://news.example.org/right")
    found = client.get("/api/v1/articles/", {"url": "https://news.example.org/right"}).json()["results"]
    assert [row["id"] for row in found] == [article.pk]

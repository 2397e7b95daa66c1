"""Trust pages: every public correction, the methodology with who we are, the feeds index."""

import re

import pytest

from claims import reviews
from claims.models import Rating

from .conftest import make_article, make_claim, publish

pytestmark = pytest.mark.django_db


def correct(verdict, by, note, **changes):
    return reviews.update_verdict(verdict, by=by, expected_version=verdict.version, correction_note=note, **changes)


def test_corrections_page_lists_every_public_correction_newest_first(client, editor):
    first = publish(make_claim(make_article(["One said 10% of it."])), editor, rating="true", summary="Right.")
    second = publish(make_claim(make_article(["Two said 20% of it."])), editor, rating="true", summary="Right.")
    correct(first, editor, "Older note.", summary="Still right.")
    correct(second, editor, "Newer note.", rating=Rating.objects.get(slug="false"))
    page = client.get("/corrections/").content.decode()
    assert page.index("Newer note.") < page.index("Older note.")
    assert "previously rated True" in page[page.index("Newer note.") : page.index("Older note.")]
    assert "previously rated" not in page[page.index("Older note.") :].split("</li>")[0]
    assert first.claim.get_absolute_url() in page


def test_corrections_page_reads_in_constant_queries(client, editor, django_assert_num_queries):
    for index in range(4):
        verdict = publish(make_claim(make_article([f"Someone said {index}% of it."])), editor, summary="x")
        correct(verdict, editor, f"Note {index}.", summary="y")
    with django_assert_num_queries(3):  # corrections with verdict, rating, claim and article; siblings; retractions
        assert client.get("/corrections/").status_code == 200


def test_corrections_page_is_empty_but_explains_itself(client, db):
    page = client.get("/corrections/").content.decode()
    assert "No corrections yet" in page
    assert "Corrections policy" in page or "corrections policy" in page


def test_methodology_names_team_funding_and_contact_from_settings(client, db, settings):
    settings.FACTCHECK_TEAM = ["Ana Ruiz, editor", "Ben Okafor, reviewer"]
    settings.FACTCHECK_FUNDING = "Reader donations and a grant from the Example Foundation."
    settings.FACTCHECK_CONTACT_EMAIL = "desk@example.org"
    page = client.get("/methodology/").content.decode()
    assert "Ana Ruiz, editor" in page and "Ben Okafor, reviewer" in page
    assert "Example Foundation" in page
    assert 'href="mailto:desk@example.org"' in page
    assert 'href="/corrections/"' in page


def test_methodology_says_plainly_when_settings_are_missing(client, db, settings):
    settings.FACTCHECK_TEAM = []
    settings.FACTCHECK_FUNDING = ""
    settings.FACTCHECK_CONTACT_EMAIL = ""
    page = client.get("/methodology/").content.decode()
    assert "mailto:" not in page
    assert "not published yet" in page


def test_feeds_index_lists_every_feed(client, db):
    page = client.get("/feeds/").content.decode()
    links = set(re.findall(r'href="(/feeds/[^"]+)"', page))
    assert {"/feeds/verdicts.atom", "/feeds/verdicts.rss"} <= links
    assert "/api/v1/claimreview/" in page

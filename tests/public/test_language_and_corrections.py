"""Pages speak the article's language; corrections say what changed and only that."""

import re

import pytest
from django.urls import reverse

from claims import reviews
from claims.models import Rating

from .conftest import make_article, make_claim, publish

pytestmark = pytest.mark.django_db


def html_lang(page):
    return re.search(r"<html lang=\"([^\"]*)\"", page).group(1)


@pytest.fixture
def french_claim(editor):
    article = make_article(["Le maire a dit que la participation était de 45 %."], language="fr")
    claim = make_claim(article)
    publish(claim, editor, summary="Faux.")
    return claim


def test_article_page_is_served_in_the_articles_language(client, french_claim):
    page = client.get(reverse("article-detail", args=[french_claim.article_id])).content.decode()
    assert html_lang(page) == "fr"


def test_claim_page_is_served_in_the_articles_language(client, french_claim):
    assert html_lang(client.get(french_claim.get_absolute_url()).content.decode()) == "fr"


def test_list_pages_mark_each_claim_in_its_own_language(client, french_claim):
    page = client.get("/").content.decode()
    assert html_lang(page) == "en"
    assert re.search(r'lang="fr"[^>]*>[^<]*Le maire a dit', page)


def test_an_unknown_or_malformed_language_falls_back_to_english(client, editor):
    claim = make_claim(make_article(["The mayor said 45%."], language='en" x="'))
    assert html_lang(client.get(claim.get_absolute_url()).content.decode()) == "en"


def test_a_rationale_only_correction_does_not_claim_the_rating_changed(client, editor):
    verdict = publish(make_claim(), editor, rating="true", summary="Right.", rationale="First.")
    reviews.update_verdict(
        verdict, by=editor, expected_version=verdict.version, correction_note="Added a source.", rationale="Second."
    )
    page = client.get(verdict.claim.get_absolute_url()).content.decode()
    assert "Added a source." in page
    assert "previously rated" not in page


def test_a_rating_correction_names_the_rating_it_replaced(client, editor):
    verdict = publish(make_claim(), editor, rating="true", summary="Right.")
    reviews.update_verdict(
        verdict,
        by=editor,
        expected_version=verdict.version,
        correction_note="We misread the table.",
        rating=Rating.objects.get(slug="false"),
    )
    page = client.get(verdict.claim.get_absolute_url()).content.decode()
    assert "previously rated True" in page


def test_each_of_several_corrections_says_what_it_changed(client, editor):
    verdict = publish(make_claim(), editor, rating="true", summary="Right.")
    verdict = reviews.update_verdict(
        verdict,
        by=editor,
        expected_version=verdict.version,
        correction_note="Rating fixed.",
        rating=Rating.objects.get(slug="false"),
    )
    reviews.update_verdict(
        verdict, by=editor, expected_version=verdict.version, correction_note="Wording fixed.", summary="Wrong."
    )
    page = client.get(verdict.claim.get_absolute_url()).content.decode()
    wording = page[page.index("Wording fixed.") :].split("</li>")[0]
    rating = page[page.index("Rating fixed.") :].split("</li>")[0]
    assert "previously rated" not in wording
    assert "previously rated True" in rating

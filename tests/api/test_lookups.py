"""Lookups by address: an article by the URL it came from, a source by a link to it, the claims citing a link.

Every lookup compares canonical forms (``claims.sources.canonical_url``), so
an integrator holding a link with tracking parameters or ``www.`` still finds
the row stored under the plain address.
"""

import pytest

from articles.models import Article
from claims.models import Citation
from tests.factories import make_article, make_claim, make_source

pytestmark = pytest.mark.django_db


def ids(response):
    assert response.status_code == 200, response.content
    return [row["id"] for row in response.json()["results"]]


def test_an_article_is_found_by_its_address(api):
    article = make_article(url="https://news.example.org/2024/vote-count")
    make_article(url="https://news.example.org/2024/other")
    assert ids(api.get("/api/v1/articles/", {"url": "https://news.example.org/2024/vote-count"})) == [article.pk]


@pytest.mark.parametrize(
    "written",
    [
        "http://www.news.example.org/2024/vote-count",
        "https://NEWS.example.org/2024/vote-count?utm_source=twitter#comments",
        "  https://news.example.org/2024/vote-count  ",
    ],
)
def test_an_article_is_found_however_its_address_is_written(api, written):
    article = make_article(url="https://news.example.org/2024/vote-count")
    assert ids(api.get("/api/v1/articles/", {"url": written})) == [article.pk]


def test_an_unknown_address_finds_no_article(api):
    make_article(url="https://news.example.org/2024/vote-count")
    assert ids(api.get("/api/v1/articles/", {"url": "https://news.example.org/2024/vote-count-2"})) == []


def test_an_article_whose_address_is_edited_is_found_at_the_new_one(api):
    article = make_article(url="https://news.example.org/old")
    article.url = "https://news.example.org/new"
    article.save(update_fields=["url"])
    assert ids(api.get("/api/v1/articles/", {"url": "https://news.example.org/new"})) == [article.pk]


def test_an_ingested_article_is_found_by_the_address_it_was_posted_with(editor_api, seed_html):
    posted = editor_api.post(
        "/api/v1/articles/", {"html": seed_html, "url": "https://www.outlet.example/story?utm_medium=x"}, format="json"
    )
    assert posted.status_code == 201
    assert ids(editor_api.get("/api/v1/articles/", {"url": "https://outlet.example/story"})) == [posted.json()["id"]]


@pytest.mark.parametrize("bad", ["ftp://example.org/a", "not a url", "https://", "https://x.org/" + "a" * 2100])
def test_a_lookup_by_something_not_an_http_address_is_400(api, bad):
    response = api.get("/api/v1/articles/", {"url": bad})
    assert response.status_code == 400
    assert list(response.json()["errors"]) == ["url"]


def cited(source):
    """``source`` cited by an article, so readers may see it."""
    Citation.objects.create(
        article=make_article(),
        source=source,
        href=source.canonical_url,
        anchor_text="said",
        paragraph=0,
        start=0,
        end=4,
    )
    return source


def test_a_source_is_found_by_a_link_to_it(api):
    source = cited(make_source("https://twitter.com/nayibbukele/status/12345"))
    cited(make_source("https://twitter.com/nayibbukele/status/999"))
    found = ids(api.get("/api/v1/sources/", {"url": "https://x.com/nayibbukele/status/12345?s=20&t=abc"}))
    assert found == [source.pk]


def test_claims_are_found_by_a_link_they_cite(api):
    source = make_source("https://stats.example.gov/unemployment")
    citing = make_claim()
    citing.sources.add(source)
    make_claim().sources.add(make_source("https://stats.example.gov/other"))
    make_claim()
    found = ids(api.get("/api/v1/claims/", {"source_url": "http://www.stats.example.gov/unemployment"}))
    assert found == [citing.pk]


def test_a_claim_lookup_by_a_link_nobody_cites_is_empty(api):
    make_claim().sources.add(make_source("https://stats.example.gov/unemployment"))
    assert ids(api.get("/api/v1/claims/", {"source_url": "https://stats.example.gov/elsewhere"})) == []


def test_the_migration_fills_the_address_key_of_existing_articles():
    article = make_article(url="https://news.example.org/a")
    Article.objects.filter(pk=article.pk).update(canonical_url_hash="")
    from importlib import import_module

    from django.apps import apps

    migration = import_module("articles.migrations.0004_article_canonical_url_hash")
    migration.fill_hashes(apps, None)
    assert (
        Article.objects.get(pk=article.pk).canonical_url_hash
        == make_article(url="https://www.news.example.org/a").canonical_url_hash
    )


def test_a_source_draft_evidence_only_is_not_found_by_readers(api):
    make_source("https://stats.example.gov/unpublished-evidence")
    assert ids(api.get("/api/v1/sources/", {"url": "https://stats.example.gov/unpublished-evidence"})) == []

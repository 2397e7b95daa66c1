"""Poison inputs through the CLI folder path and ``ingest_many``: good files stored, each bad one its own error.

Run on PostgreSQL too (``DATABASE_URL=…``): that is where a NUL, an over-long
column value or a half-written batch used to abort the whole run.
"""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from articles import ingest as ingest_module
from articles.errors import IngestError
from articles.ingest import ingest_many
from articles.models import Article
from claims.models import Citation, Source
from tests.conftest import SEED_PATH
from tests.poison_inputs import REFUSED, STORED

pytestmark = pytest.mark.django_db
GOOD = "<p>The council voted 7-2 on Monday to close the library, officials said.</p>"


def test_the_folder_path_stores_the_good_files_and_reports_each_poisoned_one(tmp_path):
    (tmp_path / "good.html").write_text(GOOD)
    for name, (data, _reason) in REFUSED.items():
        (tmp_path / f"{name}.html").write_bytes(data)
    for name, data in STORED.items():
        (tmp_path / f"{name}.html").write_bytes(data)
    (tmp_path / "zz_seed.html").write_bytes(SEED_PATH.read_bytes())  # after the bad ones in the folder's order
    out, err = StringIO(), StringIO()
    with pytest.raises(CommandError):
        call_command("ingest", str(tmp_path), "--no-progress", "--batch-size", "3", stdout=out, stderr=err)
    assert Article.objects.count() == 2 + len(STORED)
    for name, (_data, reason) in REFUSED.items():
        assert f"{name}.html" in err.getvalue()
        assert f"[{reason}]" in err.getvalue()
    assert f"{len(REFUSED)} failed" in out.getvalue()


def test_overlong_link_host_handle_and_url_are_not_sources():
    for data in STORED.values():
        list(ingest_many([(None, data, None)]))
    assert not Source.objects.filter(domain__contains="aaaa").exists()
    assert all(len(source.handle) <= 100 for source in Source.objects.all())
    assert all(len(citation.href) <= 2048 for citation in Citation.objects.all())


def test_a_title_less_fragment_with_long_first_words_gets_a_title_that_fits():
    [(_, result)] = ingest_many([(None, STORED["long_first_words"], None)])
    assert len(result.article.title) == 500
    assert result.article.title.endswith("…")


def test_an_analysis_error_is_that_articles_error_and_the_rest_of_the_batch_is_stored(monkeypatch):
    real_analyse = ingest_module._analyse

    def analyse(received):
        if "explodes" in received.text:
            raise RuntimeError("parser bug")
        return real_analyse(received)

    monkeypatch.setattr(ingest_module, "_analyse", analyse)
    pages = [
        ("a", GOOD, None),
        ("b", "<p>This page explodes the parser somehow.</p>", None),
        ("c", "<p>Other.</p>", None),
    ]
    outcomes = dict(ingest_many(pages))
    assert outcomes["b"].reason == "unprocessable"
    assert outcomes["a"].created and outcomes["c"].created


def test_a_refused_duplicate_in_the_same_batch_gets_the_same_error():
    data, reason = REFUSED["nested_300_deep"]
    outcomes = dict(ingest_many([("first", data, None), ("copy", data, None), ("good", GOOD, None)]))
    assert isinstance(outcomes["copy"], IngestError) and outcomes["copy"].reason == reason
    assert outcomes["good"].created


@pytest.mark.skipif(connection.vendor != "postgresql", reason="SQLite does not enforce column lengths")
def test_a_value_the_database_refuses_fails_only_its_article(monkeypatch):
    real_new_article = ingest_module._new_article

    def new_article(item):
        article = real_new_article(item)
        if "oversized" in item.received.text:
            article.outlet = "x" * 300  # over the 200-character column
        return article

    monkeypatch.setattr(ingest_module, "_new_article", new_article)
    pages = [("a", GOOD, None), ("b", "<p>An oversized outlet name.</p>", None), ("c", "<p>Other.</p>", None)]
    outcomes = dict(ingest_many(pages))
    assert outcomes["b"].reason == "invalid_data"
    assert Article.objects.count() == 2


def test_the_canonical_url_of_the_page_is_kept_when_none_is_given():
    html = '<html><head><link rel="canonical" href="https://example.org/story"></head><body>' + GOOD + "</body></html>"
    [(_, result)] = ingest_many([(None, html, None)])
    assert result.article.url == "https://example.org/story"


def test_a_canonical_url_that_is_not_http_is_ignored():
    html = '<html><head><meta property="og:url" content="javascript:alert(1)"></head><body>' + GOOD + "</body></html>"
    [(_, result)] = ingest_many([(None, html, None)])
    assert result.article.url == ""

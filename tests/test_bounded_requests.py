"""Every request is bounded: one article with thousands of links leaves the article lists cheap,
and a runaway query is cancelled by the database and answered 503, not 500."""

import hashlib
import os
import re
import subprocess
import sys

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from articles.models import Article
from claims.models import Citation, Claim, Source
from tests.conftest import ROOT

pytestmark = pytest.mark.django_db

LINKS = 2_000


def article_with_links(links=LINKS):
    """An article whose every sentence is a claim citing its own link: ``links`` claims × ``links`` citations."""
    sentences = [f"Figure {n} rose 5% last year." for n in range(links)]
    text = " ".join(sentences)
    article = Article.objects.create(
        title="Link farm",
        html="<p>generated</p>",
        text=text,
        paragraph_count=1,
        content_hash=hashlib.sha256(b"link farm").hexdigest(),
    )
    sources = Source.objects.bulk_create(
        Source(canonical_url=f"https://s{n}.example/", domain=f"s{n}.example", kind="news") for n in range(links)
    )
    claims, citations, start = [], [], 0
    for sentence, source in zip(sentences, sources, strict=True):
        claims.append(
            Claim(article=article, text=sentence, paragraph=0, start=start, end=start + len(sentence), checkworthy=True)
        )
        citations.append(
            Citation(
                article=article,
                source=source,
                href=source.canonical_url,
                anchor_text="x",
                paragraph=0,
                start=start,
                end=start + 6,
            )
        )
        start += len(sentence) + 1
    Claim.objects.bulk_create(claims)
    Citation.objects.bulk_create(citations)
    return article


def without_subqueries(sql):
    """``sql`` with every parenthesised ``(SELECT …)`` removed, nesting included."""
    kept, depth_of_subquery, depth = [], None, 0
    for index, char in enumerate(sql):
        if char == "(":
            depth += 1
            if depth_of_subquery is None and sql.startswith("(SELECT", index):
                depth_of_subquery = depth
        if depth_of_subquery is None:
            kept.append(char)
        if char == ")":
            if depth == depth_of_subquery:
                depth_of_subquery = None
            depth -= 1
    return "".join(kept)


def joins_claims_with_citations(sql):
    """Whether one statement joins the claim and citation tables (the product that timed out), not via subqueries."""
    outer = without_subqueries(sql)
    joined = set(re.findall(r'(?:FROM|JOIN) "(claims_claim|claims_citation)"', outer))
    return joined == {"claims_claim", "claims_citation"}


def queries_of(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return response, [query["sql"] for query in queries.captured_queries]


def test_the_article_list_counts_per_table_not_through_a_join_product(client):
    article_with_links()
    response, queries = queries_of(client, reverse("article-list"))
    assert not any(joins_claims_with_citations(sql) for sql in queries)
    assert f"{LINKS:,}" in response.content.decode() or str(LINKS) in response.content.decode()


def test_the_api_article_list_reports_exact_counts_without_a_join_product(client):
    article = article_with_links()
    response, queries = queries_of(client, "/api/v1/articles/")
    assert not any(joins_claims_with_citations(sql) for sql in queries)
    row = response.json()["results"][0]
    assert (row["id"], row["claim_count"], row["citation_count"]) == (article.pk, LINKS, LINKS)


def test_the_article_page_of_a_link_heavy_article_makes_no_join_product(client):
    article = article_with_links()
    _response, queries = queries_of(client, article.get_absolute_url())
    assert not any(joins_claims_with_citations(sql) for sql in queries)


def test_the_admin_article_list_counts_per_table(client, superuser):
    article_with_links()
    client.force_login(superuser)
    _response, queries = queries_of(client, reverse("admin:articles_article_changelist"))
    assert not any(joins_claims_with_citations(sql) for sql in queries)
    _response, queries = queries_of(client, reverse("admin:articles_article_changelist") + "?o=4")
    assert not any(joins_claims_with_citations(sql) for sql in queries)


def test_the_admin_article_list_can_still_be_ordered_by_claim_count(client, superuser, seed_article):
    article_with_links(80)  # the seed article has 52 claims
    client.force_login(superuser)
    page = client.get(reverse("admin:articles_article_changelist") + "?o=-4").content.decode()
    assert page.index("Link farm") < page.index(seed_article.title)


def test_counts_are_zero_for_an_article_without_claims_or_links():
    article = Article.objects.create(
        title="Empty", html="<p></p>", text="", content_hash=hashlib.sha256(b"empty").hexdigest()
    )
    counted = Article.objects.with_counts().get(pk=article.pk)
    assert (counted.claim_count, counted.citation_count) == (0, 0)


def settings_in_web_process(**env):
    environment = {**os.environ, "SECRET_KEY": "x", **env}
    return subprocess.run(
        [sys.executable, "-c", "import factcheck.settings as s; print(s.DATABASES['default'].get('OPTIONS', {}))"],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()


def test_web_processes_on_postgresql_get_a_statement_timeout():
    options = settings_in_web_process(
        DATABASE_URL="postgres://u@127.0.0.1:5432/db", FACTCHECK_WEB_PROCESS="1", DATABASE_STATEMENT_TIMEOUT_MS="2500"
    )
    assert "-c statement_timeout=2500" in options


def test_commands_and_workers_get_no_statement_timeout():
    options = settings_in_web_process(DATABASE_URL="postgres://u@127.0.0.1:5432/db", FACTCHECK_WEB_PROCESS="")
    assert "statement_timeout" not in options


def test_the_wsgi_entry_point_marks_the_process_as_web():
    marked = subprocess.run(
        [sys.executable, "-c", "import factcheck.wsgi, os; print(os.environ['FACTCHECK_WEB_PROCESS'])"],
        cwd=ROOT,
        env={**os.environ, "SECRET_KEY": "x"},
        capture_output=True,
        text=True,
        check=True,
    )
    assert marked.stdout.strip() == "1"


postgresql_only = pytest.mark.skipif(
    not os.environ.get("DATABASE_URL", "").startswith("postgres"), reason="statement_timeout is PostgreSQL's"
)


def slow_claim_reads(execute, sql, params, many, context):
    """A query wrapper that makes every read of the claim table a two-second statement."""
    if 'FROM "claims_claim"' in sql:
        execute("SELECT pg_sleep(2)", None, False, context)
    return execute(sql, params, many, context)


@pytest.fixture
def statement_timeout():
    """This connection cancels statements after 100 ms, as web processes' connection options make it do."""
    with connection.cursor() as cursor:
        cursor.execute("SET statement_timeout = 100")


@postgresql_only
def test_the_connection_option_sets_the_timeout_in_postgresql():
    params = {**connection.get_connection_params(), "options": "-c statement_timeout=1234"}
    raw = connection.get_new_connection(params)
    try:
        with raw.cursor() as cursor:
            cursor.execute("SHOW statement_timeout")
            assert cursor.fetchone()[0] == "1234ms"
    finally:
        raw.close()


@postgresql_only
def test_a_cancelled_page_query_is_a_503_page(statement_timeout):
    with connection.execute_wrapper(slow_claim_reads):
        response = Client(raise_request_exception=False).get("/")
    assert response.status_code == 503
    assert "took too long" in response.content.decode()
    assert response["Retry-After"] == "5"


@postgresql_only
def test_a_cancelled_api_query_is_a_json_503(statement_timeout):
    with connection.execute_wrapper(slow_claim_reads):
        response = Client(raise_request_exception=False).get("/api/v1/claims/")
    assert response.status_code == 503
    assert response.json() == {
        "detail": "The request took too long and was cancelled. Narrow the query or try again shortly.",
        "code": "timeout",
    }


def test_other_server_errors_stay_500_in_the_api(monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("bug")

    monkeypatch.setattr("claims.selectors.latest_published", broken)
    response = Client(raise_request_exception=False).get("/")
    assert response.status_code == 500

"""The admin: every model browsable, articles added through ingestion, constant queries.

Rows come from ``tests.factories``; only the tests of adding an article (which is ingesting it) run the extractor.
"""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from articles.models import Article
from claims.models import Citation, Claim, ConsistencyCheck, Quotation, Rating, Source, Verdict
from tests.factories import (
    make_article,
    make_citation,
    make_claim,
    make_consistency_check,
    make_quotation,
    make_verdict,
)

pytestmark = pytest.mark.django_db

MODELS = [Article, Source, Citation, Claim, Quotation, ConsistencyCheck, Verdict, Rating]


@pytest.fixture
def article():
    """An article with one of each thing the admin lists: claims, a citation, a quotation, a check, a verdict."""
    article = make_article(
        paragraphs=[
            "Norma Torres won with 57.4% of the vote, according to the county's results.",
            "Her opponent, Mike Cargile, got 42.6% of the vote.",
            "The two girls were from Ecuador, officials said.",
        ]
    )
    won = make_claim(article=article, claimant="Norma Torres", claim_type=Claim.Type.VOTE_SHARE)
    lost = make_claim(article=article, paragraph=1, claimant="Mike Cargile", claim_type=Claim.Type.VOTE_SHARE)
    make_claim(article=article, paragraph=2, claimant="", claim_type=Claim.Type.FACT)
    make_citation(article=article, url="https://results.example.gov/county", anchor_text="results", claims=[won])
    make_citation(article=article, url="https://twitter.com/normatorres/status/1", anchor_text="Norma Torres")
    make_quotation(article=article, text="The two girls were from Ecuador", paragraph=2)
    make_consistency_check(article=article, claims=[won, lost])
    make_verdict(claim=won)
    return article


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
def test_changelist_and_change_pages_render_for_a_reviewer(client, reviewer, article, model):
    client.force_login(reviewer)
    info = (model._meta.app_label, model._meta.model_name)
    assert client.get(reverse("admin:{}_{}_changelist".format(*info))).status_code == 200
    obj = model.objects.first()
    if obj is not None:
        assert client.get(reverse("admin:{}_{}_change".format(*info), args=[obj.pk])).status_code == 200


def test_an_article_page_shows_its_citations(client, editor, article):
    client.force_login(editor)
    page = client.get(reverse("admin:articles_article_change", args=[article.pk])).content.decode()
    assert "results.example.gov/county" in page
    assert "twitter.com/normatorres/status/1" in page


def test_claim_changelist_search_and_filters(client, reviewer, article):
    client.force_login(reviewer)
    url = reverse("admin:claims_claim_changelist")
    page = client.get(url, {"q": "57.4"}).content.decode()
    assert "won with 57.4% of the vote" in page
    assert "42.6%" not in page
    page = client.get(url, {"claim_type__exact": "vote_share"}).content.decode()
    assert "57.4%" in page
    assert "42.6%" in page
    assert "Ecuador" not in page


def test_claim_changelist_query_count_does_not_grow_with_rows(
    client, superuser, article, django_assert_max_num_queries
):
    client.force_login(superuser)
    url = reverse("admin:claims_claim_changelist")
    with django_assert_max_num_queries(12):
        assert client.get(url).status_code == 200
    extra = [Claim(article=article, text="x" * 5, paragraph=0, start=i * 10, end=i * 10 + 5) for i in range(60)]
    Claim.objects.bulk_create(extra)
    with django_assert_max_num_queries(12):
        assert client.get(url).status_code == 200


def test_editor_adds_an_article_by_pasting_html(client, editor):
    client.force_login(editor)
    response = client.post(
        reverse("admin:articles_article_add"),
        {
            "html": "<p>The council voted 7-2 on Monday to close the Main Street library, according to the minutes.</p>",
            "url": "",
        },
    )
    article = Article.objects.get()
    assert response.status_code == 302 and response["Location"].endswith(f"/{article.pk}/change/")
    assert article.claims.exists()


def test_editor_adds_an_article_by_uploading_a_file(client, editor, seed_html):
    client.force_login(editor)
    upload = SimpleUploadedFile("seed.html", seed_html, content_type="text/html")
    client.post(reverse("admin:articles_article_add"), {"file": upload})
    assert Article.objects.get().paragraph_count == 34


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"html": ""}, "Paste the article"),
        ({"file": SimpleUploadedFile("x.html", b"\x00\x01\x02\x03")}, "binary"),
        ({"html": "<p>Fine text here.</p>", "url": "ftp://example.org/x"}, "http(s) URL"),
    ],
)
def test_bad_input_is_a_form_error_not_a_server_error(client, editor, data, message):
    client.force_login(editor)
    response = client.post(reverse("admin:articles_article_add"), data)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert Article.objects.count() == 0


def test_a_reviewer_cannot_add_or_delete_articles(client, reviewer, article):
    client.force_login(reviewer)
    assert client.get(reverse("admin:articles_article_add")).status_code in {302, 403}
    delete = reverse("admin:articles_article_delete", args=[article.pk])
    assert client.post(delete, {"post": "yes"}).status_code == 403
    assert Article.objects.filter(pk=article.pk).exists()


def test_an_editor_can_delete_an_article_without_verdicts(client, editor):
    article = make_article()
    make_claim(article=article)
    make_citation(article=article)
    client.force_login(editor)
    client.post(reverse("admin:articles_article_delete", args=[article.pk]), {"post": "yes"})
    assert not Article.objects.filter(pk=article.pk).exists()

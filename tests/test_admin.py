"""The admin: every model browsable, articles added through ingestion, constant queries."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from articles.models import Article
from claims.models import Citation, Claim, ConsistencyCheck, Quotation, Rating, Source, Verdict

pytestmark = pytest.mark.django_db

MODELS = [Article, Source, Citation, Claim, Quotation, ConsistencyCheck, Verdict, Rating]


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
def test_changelist_and_change_pages_render_for_a_reviewer(client, reviewer, seed_article, model):
    client.force_login(reviewer)
    info = (model._meta.app_label, model._meta.model_name)
    assert client.get(reverse("admin:{}_{}_changelist".format(*info))).status_code == 200
    obj = model.objects.first()
    if obj is not None:
        assert client.get(reverse("admin:{}_{}_change".format(*info), args=[obj.pk])).status_code == 200


def test_seed_article_shows_its_citations(client, editor, seed_article):
    client.force_login(editor)
    page = client.get(reverse("admin:articles_article_change", args=[seed_article.pk])).content.decode()
    assert "torres-declares-reelectionvictory2022" in page
    assert page.count("twitter.com/") >= 8


def test_claim_changelist_search_and_filters(client, reviewer, seed_article):
    client.force_login(reviewer)
    url = reverse("admin:claims_claim_changelist")
    page = client.get(url, {"q": "57.4"}).content.decode()
    assert "won with 57.4% of the vote" in page and "42.6%" not in page
    page = client.get(url, {"claim_type__exact": "vote_share"}).content.decode()
    assert "57.4%" in page and "42.6%" in page and "Ecuador" not in page


def test_claim_changelist_query_count_does_not_grow_with_rows(
    client, superuser, seed_article, django_assert_max_num_queries
):
    client.force_login(superuser)
    url = reverse("admin:claims_claim_changelist")
    with django_assert_max_num_queries(12):
        assert client.get(url).status_code == 200
    extra = [Claim(article=seed_article, text="x" * 5, paragraph=0, start=i * 10, end=i * 10 + 5) for i in range(60)]
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


def test_a_reviewer_cannot_add_or_delete_articles(client, reviewer, seed_article):
    client.force_login(reviewer)
    assert client.get(reverse("admin:articles_article_add")).status_code in {302, 403}
    assert (
        client.post(reverse("admin:articles_article_delete", args=[seed_article.pk]), {"post": "yes"}).status_code
        == 403
    )
    assert Article.objects.filter(pk=seed_article.pk).exists()


def test_an_editor_can_delete_an_article(client, editor, seed_article):
    client.force_login(editor)
    client.post(reverse("admin:articles_article_delete", args=[seed_article.pk]), {"post": "yes"})
    assert not Article.objects.filter(pk=seed_article.pk).exists()

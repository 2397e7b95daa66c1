"""/api/v1/articles/: list, retrieve, ingest."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from articles.models import Article
from tests.conftest import SEED_PATH

pytestmark = pytest.mark.django_db


def test_list_is_paginated_with_counts(api, seed_article):
    body = api.get("/api/v1/articles/").json()
    assert body["count"] == 1
    assert body["results"][0]["claim_count"] == seed_article.claims.count()
    assert body["results"][0]["citation_count"] == 17
    assert "text" not in body["results"][0]


def test_retrieve_has_text_claims_and_citations(api, seed_article):
    body = api.get(f"/api/v1/articles/{seed_article.pk}/").json()
    assert body["text"] == seed_article.text
    assert len(body["citations"]) == 17 and body["citations"][0]["source"]["domain"] == "mailchi.mp"
    claim = next(c for c in body["claims"] if "57.4%" in c["text"])
    assert claim["selector"]["exact"] == claim["text"] and claim["type"] == "vote_share"


def test_editor_ingests_json_then_gets_the_same_article_back(editor_api):
    html = SEED_PATH.read_text(encoding="utf-8")
    first = editor_api.post(
        "/api/v1/articles/", {"html": html, "url": "https://www.nbcnews.com/news/latino/torres"}, format="json"
    )
    assert first.status_code == 201
    assert first.json()["url"] == "https://www.nbcnews.com/news/latino/torres"
    again = editor_api.post("/api/v1/articles/", {"html": html}, format="json")
    assert again.status_code == 200 and again.json()["id"] == first.json()["id"]
    assert Article.objects.count() == 1


def test_editor_ingests_a_file_upload(editor_api):
    upload = SimpleUploadedFile("seed.html", SEED_PATH.read_bytes(), content_type="text/html")
    response = editor_api.post("/api/v1/articles/", {"file": upload}, format="multipart")
    assert response.status_code == 201 and response.json()["paragraph_count"] == 34


def test_writes_need_credentials_and_permission(api, reviewer_api):
    assert api.post("/api/v1/articles/", {"html": "<p>Some text.</p>"}, format="json").status_code == 401
    response = reviewer_api.post("/api/v1/articles/", {"html": "<p>Some text.</p>"}, format="json")
    assert response.status_code == 403 and response.json()["code"] == "permission_denied"


@pytest.mark.parametrize(
    ("payload", "status", "code"),
    [
        ({}, 400, "invalid"),
        ({"html": "   "}, 400, "empty"),
        ({"html": "<p>Fine text.</p>", "url": "not a url"}, 400, "invalid"),
    ],
)
def test_invalid_input_is_400_with_a_json_message(editor_api, payload, status, code):
    response = editor_api.post("/api/v1/articles/", payload, format="json")
    assert response.status_code == status
    assert response.json()["code"] == code and response.json()["detail"]


def test_binary_upload_is_415(editor_api):
    upload = SimpleUploadedFile("image.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", content_type="image/png")
    response = editor_api.post("/api/v1/articles/", {"file": upload}, format="multipart")
    assert response.status_code == 415 and response.json()["code"] == "binary"


def test_a_body_in_an_unsupported_content_type_is_415(editor_api):
    response = editor_api.post("/api/v1/articles/", data="<p>hi</p>", content_type="text/plain")
    assert response.status_code == 415 and "detail" in response.json()


def test_an_oversized_article_is_413(editor_api, settings):
    settings.FACTCHECK_MAX_ARTICLE_BYTES = 2000
    response = editor_api.post("/api/v1/articles/", {"html": "<p>" + "word " * 600 + "</p>"}, format="json")
    assert response.status_code == 413 and response.json()["code"] == "too_large"
    huge = editor_api.post("/api/v1/articles/", {"html": "<p>" + "word " * 40_000 + "</p>"}, format="json")
    assert huge.status_code == 413
    assert Article.objects.count() == 0


def test_article_list_query_count_is_constant(api, seed_article, django_assert_max_num_queries):
    for index in range(50):
        Article.objects.create(title=f"a{index}", html="x", text="x", content_hash=f"{index:064x}")
    with django_assert_max_num_queries(2):  # count + page
        assert len(api.get("/api/v1/articles/").json()["results"]) == 50

"""Poison inputs through the API: a 4xx JSON error for the refused ones, a stored article for the others."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from articles.models import Article
from tests.poison_inputs import REFUSED, STORED

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_a_poisoned_upload_gets_a_4xx_json_error_and_stores_nothing(editor_api, name):
    data, reason = REFUSED[name]
    upload = SimpleUploadedFile(f"{name}.html", data, content_type="text/html")
    response = editor_api.post("/api/v1/articles/", {"file": upload}, format="multipart")
    assert 400 <= response.status_code < 500
    assert response.json()["code"] == reason
    assert Article.objects.count() == 0


def test_a_nul_in_posted_json_gets_a_4xx(editor_api):
    html = "<p>" + "Turnout rose sharply in the county. " * 300 + "\x00</p>"
    response = editor_api.post("/api/v1/articles/", {"html": html}, format="json")
    assert 400 <= response.status_code < 500
    assert Article.objects.count() == 0


@pytest.mark.parametrize("name", sorted(STORED))
def test_overlong_values_are_cut_or_dropped_and_the_article_stored(editor_api, name):
    upload = SimpleUploadedFile(f"{name}.html", STORED[name], content_type="text/html")
    response = editor_api.post("/api/v1/articles/", {"file": upload}, format="multipart")
    assert response.status_code == 201

"""Self-service API tokens: created, named, listed and revoked by their owner; stored hashed; optional expiry."""

from datetime import timedelta
from io import StringIO

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from django.utils import timezone
from rest_framework.test import APIClient

from integrations.models import ApiToken
from integrations.tokens import create_token

pytestmark = pytest.mark.django_db


def session_for(user):
    client = APIClient()
    client.force_login(user)
    return client


def with_key(key):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    return client


def test_a_reviewer_creates_a_named_token_and_sees_the_key_once(reviewer):
    client = session_for(reviewer)
    response = client.post("/api/v1/tokens/", {"name": "newsroom CMS"}, format="json")
    assert response.status_code == 201
    key = response.json()["key"]
    assert response["Location"].endswith(f"/api/v1/tokens/{response.json()['id']}/")
    listed = client.get("/api/v1/tokens/").json()["results"]
    assert [(t["name"], t["active"]) for t in listed] == [("newsroom CMS", True)]
    assert "key" not in listed[0]
    assert with_key(key).get("/api/v1/verdicts/").status_code == 200


def test_only_a_hash_of_the_key_is_stored(reviewer):
    token, key = create_token(user=reviewer, name="x")
    stored = ApiToken.objects.get(pk=token.pk)
    assert key not in (stored.key_hash, stored.prefix)
    assert stored.prefix == key[:8]


def test_a_revoked_token_stops_working_at_once(reviewer):
    token, key = create_token(user=reviewer, name="x")
    assert session_for(reviewer).delete(f"/api/v1/tokens/{token.pk}/").status_code == 204
    response = with_key(key).get("/api/v1/verdicts/")
    assert response.status_code == 401
    assert response.json()["code"] == "authentication_failed"


def test_an_expired_token_is_refused(reviewer):
    _, key = create_token(user=reviewer, name="x", expires_at=timezone.now() - timedelta(seconds=1))
    assert with_key(key).get("/api/v1/verdicts/").status_code == 401


def test_nobody_sees_or_revokes_someone_elses_tokens(reviewer, editor):
    token, _ = create_token(user=editor, name="editor's")
    client = session_for(reviewer)
    assert client.get("/api/v1/tokens/").json()["count"] == 0
    assert client.delete(f"/api/v1/tokens/{token.pk}/").status_code == 404


def test_tokens_need_a_staff_account(db):
    assert APIClient().get("/api/v1/tokens/").status_code == 401
    reader = User.objects.create_user("reader")
    assert session_for(reader).post("/api/v1/tokens/", {"name": "x"}, format="json").status_code == 403


def test_a_reviewer_creates_a_token_in_the_admin(client, reviewer):
    client.force_login(reviewer)
    assert client.get("/admin/integrations/apitoken/add/").status_code == 200
    response = client.post("/admin/integrations/apitoken/add/", {"name": "fact-check bot"}, follow=True)
    token = ApiToken.objects.get(user=reviewer)
    shown = [str(message) for message in response.context["messages"]]
    assert any(token.prefix in message for message in shown)


def test_the_command_prints_a_working_key(reviewer):
    out = StringIO()
    call_command("create_api_token", "rita", "--name", "script", "--expires-days", "30", stdout=out, stderr=StringIO())
    key = out.getvalue().strip()
    assert with_key(key).get("/api/v1/tokens/").json()["results"][0]["name"] == "script"

"""Deployment security: check --deploy is clean, headers are sent, admin logins are throttled."""

import os
import subprocess
import sys

import pytest
from django.core.cache import cache

from tests.conftest import ROOT

PRODUCTION_ENV = {
    "SECRET_KEY": "k" * 20 + "-production-secret-key-with-enough-entropy-0123456789",
    "DEBUG": "false",
    "ALLOWED_HOSTS": "factcheck.example",
}


def test_deploy_check_is_clean_with_production_settings():
    environment = {
        k: v for k, v in os.environ.items() if k not in {"DEBUG", "DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    }
    environment.update(PRODUCTION_ENV, DJANGO_SETTINGS_MODULE="factcheck.settings")
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/", "/methodology/", "/admin/login/", "/api/v1/ratings/"])
def test_security_headers(client, path):
    response = client.get(path)
    policy = response["Content-Security-Policy"]
    assert "script-src 'self';" in policy and "unsafe-inline' ;" not in policy and "object-src 'none'" in policy
    assert "frame-ancestors 'none'" in policy
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"


@pytest.mark.django_db
def test_only_the_api_docs_relax_the_script_policy(client):
    assert "script-src 'self' 'unsafe-inline'" in client.get("/api/v1/docs/")["Content-Security-Policy"]
    assert "script-src 'self';" in client.get("/articles/")["Content-Security-Policy"]


@pytest.mark.django_db
def test_admin_login_is_throttled_after_repeated_failures(client, reviewer, settings):
    cache.clear()
    settings.LOGIN_FAILURE_LIMIT = 3
    for _ in range(3):
        response = client.post("/admin/login/", {"username": "rita", "password": "wrong"})
        assert response.status_code == 200
    refused = client.post("/admin/login/", {"username": "rita", "password": "pw"})
    assert refused.status_code == 429 and refused["Retry-After"]
    assert "Too many failed log-in attempts" in refused.content.decode()
    assert client.post("/admin/login/", {"username": "someone-else", "password": "x"}).status_code == 200
    cache.clear()

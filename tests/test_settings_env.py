"""Settings come from the environment and refuse to run production without a secret."""

import os
import subprocess
import sys

from tests.conftest import ROOT


def import_settings(**env):
    environment = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "DEBUG", "DATABASE_URL"}}
    environment.update(env)
    return subprocess.run(
        [sys.executable, "-c", "import factcheck.settings as s; print(s.DATABASES['default']['ENGINE'], s.DEBUG)"],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
    )


def test_production_without_secret_key_refuses_to_start():
    result = import_settings()
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr


def test_debug_gets_a_development_key_and_sqlite_by_default():
    result = import_settings(DEBUG="true")
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["django.db.backends.sqlite3", "True"]


def test_database_url_selects_postgresql():
    result = import_settings(SECRET_KEY="x", DATABASE_URL="postgres://u@127.0.0.1:5432/db")
    assert result.stdout.split()[0] == "django.db.backends.postgresql"


def test_a_malformed_boolean_fails_loudly():
    result = import_settings(DEBUG="maybe")
    assert result.returncode != 0 and "DEBUG must be true or false" in result.stderr


def status_of(path, **env):
    """The status code of one GET under the production settings, in a fresh interpreter."""
    environment = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "DEBUG", "DATABASE_URL"}}
    environment.update({"SECRET_KEY": "x" * 50, "ALLOWED_HOSTS": "testserver", **env})
    script = (
        "import os, django; os.environ['DJANGO_SETTINGS_MODULE'] = 'factcheck.settings'; django.setup();"
        f"from django.test import Client; print(Client().get({path!r}).status_code)"
    )
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=environment, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return int(result.stdout.split()[-1])


def test_production_settings_redirect_plain_http_to_https():
    assert status_of("/robots.txt") == 301


def test_https_off_serves_production_settings_over_plain_http():
    assert status_of("/robots.txt", FACTCHECK_HTTPS="false") == 200


def test_a_bad_log_level_fails_loudly():
    result = import_settings(DEBUG="true", LOG_LEVEL="LOUD")
    assert result.returncode != 0
    assert "LOG_LEVEL must be" in result.stderr


def test_extract_runs_on_a_bare_checkout_without_secret_or_debug():
    """Scorers and tools call `manage.py extract PAGE` with no configuration; it reads and prints only."""
    environment = {
        k: v
        for k, v in os.environ.items()
        if k not in {"SECRET_KEY", "DEBUG", "DATABASE_URL", "DJANGO_SETTINGS_MODULE"}
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "extract", str(ROOT / "seeds" / "000_423b83237d5b8be1.txt")],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert '"claims"' in result.stdout


def test_other_commands_still_refuse_to_run_without_a_secret():
    environment = {
        k: v
        for k, v in os.environ.items()
        if k not in {"SECRET_KEY", "DEBUG", "DATABASE_URL", "DJANGO_SETTINGS_MODULE"}
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "migrate", "--check"], cwd=ROOT, env=environment, capture_output=True, text=True
    )
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr

"""Headless Chromium through Playwright, against a live test server.

Debian's Chromium (/usr/bin/chromium) is used; browsers are never downloaded.
Without it the tests skip with the reason, except in CI (CI=true), where a
missing browser is a failure: .ci/run installs it.
"""

import os
import shutil
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("FACTCHECK_CHROMIUM", "/usr/bin/chromium")
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"

# Playwright's sync API keeps an event loop on the main thread; the test's own ORM
# calls there are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture
def browser():
    """A browser per test: Playwright's event loop must be gone before the next test's
    database setup, whose connection bookkeeping is context-local."""
    if not (Path(CHROMIUM).exists() or shutil.which(CHROMIUM)):
        message = f"Chromium not found at {CHROMIUM}: install Debian's package (apt-get install chromium) to run browser tests"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (requirements-dev.txt)")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield browser
        browser.close()


@pytest.fixture
def artifacts():
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS


@pytest.fixture
def desk(django_db_serialized_rollback, live_server):
    """The seed article ingested, a reviewer (rita / rita-pw) and an editor (eddie / eddie-pw) with admin access."""
    from django.contrib.auth.models import Group, User

    from articles.ingest import ingest_article
    from tests.conftest import SEED_PATH

    ingest_article(SEED_PATH.read_bytes())
    reviewer = User.objects.create_user("rita", password="rita-pw", is_staff=True)
    reviewer.groups.add(Group.objects.get(name="reviewer"))
    editor = User.objects.create_user("eddie", password="eddie-pw", is_staff=True)
    editor.groups.add(Group.objects.get(name="editor"))
    return reviewer, editor

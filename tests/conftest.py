"""Shared fixtures: the seed article, the corpus folder, one user per role."""

import json
import os
from pathlib import Path

import pytest
from django.contrib.auth.models import Group, User

ROOT = Path(__file__).resolve().parent.parent
SEED_PATH = ROOT / "seeds" / "000_423b83237d5b8be1.txt"
SEED_GOLD_PATH = ROOT / "seeds" / "000_423b83237d5b8be1.gold.json"
GOLD_DIR = Path(__file__).resolve().parent / "claims" / "gold"
# The real pages ship beside the repository, not in it; FACTCHECK_CORPUS_DIR points elsewhere.
CORPUS_DIR = Path(os.environ.get("FACTCHECK_CORPUS_DIR") or ROOT.parent / "shared" / "corpus")


@pytest.fixture
def seed_html():
    return SEED_PATH.read_bytes()


@pytest.fixture
def seed_gold():
    return json.loads(SEED_GOLD_PATH.read_text(encoding="utf-8"))


@pytest.fixture
def seed_article(db, seed_html):
    from articles.ingest import ingest_article

    return ingest_article(seed_html)


@pytest.fixture
def corpus_dir():
    if not CORPUS_DIR.is_dir():
        pytest.skip(
            f"the real-page corpus is not at {CORPUS_DIR}; it ships beside the repository, not in it "
            "(set FACTCHECK_CORPUS_DIR to its folder)"
        )
    return CORPUS_DIR


def _user(username, group=None, **extra):
    user = User.objects.create_user(username=username, password="pw", is_staff=True, **extra)
    if group:
        user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def reviewer(db):
    return _user("rita", "reviewer")


@pytest.fixture
def editor(db):
    return _user("eddie", "editor")


@pytest.fixture
def superuser(db):
    return _user("root", is_superuser=True)

import pytest
from rest_framework.test import APIClient

from claims import reviews
from claims.models import Rating
from integrations.tokens import create_token


@pytest.fixture
def api():
    return APIClient()


def client_for(user):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {create_token(user=user, name='tests')[1]}")
    return client


@pytest.fixture
def reviewer_api(reviewer):
    return client_for(reviewer)


@pytest.fixture
def editor_api(editor):
    return client_for(editor)


@pytest.fixture
def published(seed_article, reviewer, editor):
    """The seed's 57.4% claim with a verdict drafted by a reviewer and published by an editor."""
    claim = seed_article.claims.get(text__contains="57.4%")
    verdict = reviews.draft_verdict(
        claim=claim, by=reviewer, rating=Rating.objects.get(slug="true"), summary="NBC's results show 57.4%."
    )
    return reviews.publish_verdict(verdict, by=editor)

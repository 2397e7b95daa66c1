import pytest
from rest_framework.test import APIClient

from claims import reviews
from claims.models import Claim, Rating
from integrations.tokens import create_token
from tests.factories import make_article, make_citation, make_claim


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


ELECTION = [
    "Norma Torres won 57.4% of the vote, according to NBC News results.",
    "David Mayorga took 42.6% of the vote in the same race.",
    "Turnout rose to 61% this year, the county clerk said.",
    "Mayorga said the race was the most expensive in the district's history.",
]


def vote_share(claimant, value):
    return {"value": value, "unit": "%", "qualifier": "", "subject": claimant}


@pytest.fixture
def election(db):
    """An article built row by row (no extraction): two vote-share claims, the first citing NBC's results,
    a statistic without a claimant and a claim that is not check-worthy."""
    article = make_article(title="Torres wins the primary", paragraphs=ELECTION)
    torres = make_claim(
        article=article,
        paragraph=0,
        text="Norma Torres won 57.4% of the vote",
        claimant="Norma Torres",
        claim_type=Claim.Type.VOTE_SHARE,
        checkworthiness=0.95,
        numbers=[vote_share("Norma Torres", 57.4)],
        suffix=", according to NBC News results.",
    )
    make_claim(
        article=article,
        paragraph=1,
        claimant="David Mayorga",
        claim_type=Claim.Type.VOTE_SHARE,
        checkworthiness=0.9,
        numbers=[vote_share("David Mayorga", 42.6)],
        prefix=ELECTION[0][-40:],
    )
    make_claim(article=article, paragraph=2, claimant="", checkworthiness=0.7, prefix=ELECTION[1][-40:])
    make_claim(
        article=article,
        paragraph=3,
        claimant="David Mayorga",
        claim_type=Claim.Type.FACT,
        checkworthiness=0.2,
        checkworthy=False,
    )
    make_citation(
        article=article, url="https://www.nbcnews.com/politics/results", anchor_text="NBC News", claims=[torres]
    )
    return article


@pytest.fixture
def published(election, reviewer, editor):
    """The election article's 57.4% claim with a verdict drafted by a reviewer and published by an editor."""
    claim = election.claims.get(text__contains="57.4%")
    verdict = reviews.draft_verdict(
        claim=claim, by=reviewer, rating=Rating.objects.get(slug="true"), summary="NBC's results show 57.4%."
    )
    return reviews.publish_verdict(verdict, by=editor)

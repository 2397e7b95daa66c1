"""The verdict list's search box finds verdicts by their claim, as the claim list's box finds claims.

``selectors.verdict_search``: the words of the claim or its claimant (the
full-text index on PostgreSQL, substrings elsewhere), a claim's id, an
article's address, as ``claim_id IN (the claims desk_search finds)``. A
substring of the claim's text through the join read every claim: 870 ms a
search at a million claims.
"""

import pytest
from django.db import connection
from django.urls import reverse

from claims import selectors
from claims.models import Claim, Verdict
from tests.factories import make_article, make_claim, make_verdict

pytestmark = pytest.mark.django_db


@pytest.fixture
def article():
    return make_article(
        url="https://news.example.org/2026/budget-week",
        paragraphs=[
            "Unemployment in the district fell to 4.1% last year.",
            "The campaign spent $2.3 million on television ads.",
        ],
    )


@pytest.fixture
def unemployment(article):
    return make_verdict(claim=make_claim(article=article, paragraph=0, claimant="Ana Ruiz"), rating="true")


@pytest.fixture
def spending(article):
    return make_verdict(
        claim=make_claim(article=article, paragraph=1, claimant="Tom Berg"),
        rating="false",
        summary="The filings show $1.1 million.",
    )


@pytest.fixture
def elsewhere():
    claim = make_claim(article=make_article(paragraphs=["Turnout was 38% in the county, the lowest since 2002."]))
    return make_verdict(claim=claim, rating="true")


def found(client, user, term):
    """The ids of the verdicts the changelist lists for ``term``."""
    client.force_login(user)
    response = client.get(reverse("admin:claims_verdict_changelist"), {"q": term})
    assert response.status_code == 200
    return {verdict.pk for verdict in response.context["cl"].result_list}


def test_a_word_of_the_claim_finds_its_verdict(client, superuser, unemployment, spending, elsewhere):
    assert found(client, superuser, "unemployment") == {unemployment.pk}


def test_every_word_must_match(client, superuser, unemployment, spending, elsewhere):
    assert found(client, superuser, "television campaign") == {spending.pk}
    assert found(client, superuser, "television unemployment") == set()


def test_the_claimant_finds_the_verdicts_on_their_claims(client, superuser, unemployment, spending, elsewhere):
    assert found(client, superuser, "Berg") == {spending.pk}


def test_a_claim_id_finds_the_verdicts_on_that_claim(client, superuser, unemployment, spending, elsewhere):
    verdicts = found(client, superuser, str(spending.claim_id))
    assert spending.pk in verdicts
    assert unemployment.pk not in verdicts


def test_an_article_address_finds_the_verdicts_on_its_claims(client, superuser, unemployment, spending, elsewhere):
    assert found(client, superuser, "http://www.news.example.org/2026/budget-week?utm_source=x") == {
        unemployment.pk,
        spending.pk,
    }


def test_every_verdict_of_a_found_claim_is_listed(client, superuser, unemployment):
    newer = make_verdict(claim=unemployment.claim, rating="false", summary="A second look.")
    assert found(client, superuser, "unemployment") == {unemployment.pk, newer.pk}


def test_no_words_list_every_verdict(client, superuser, unemployment, spending, elsewhere):
    assert found(client, superuser, "  ") == {unemployment.pk, spending.pk, elsewhere.pk}


def test_the_claim_search_reads_its_own_claims_inside_another_query(unemployment, spending, elsewhere):
    """As a subquery, the full-text column is the subquery's claim's: written with the table's name it was the
    outer query's claim (every claim id for each verdict: minutes at a million claims) or a database error."""
    matching = Claim.objects.search("unemployment").values("pk")
    alone = Verdict.objects.filter(claim__in=matching).order_by()  # no join to another claim to borrow
    assert set(alone.values_list("pk", flat=True)) == {unemployment.pk}
    joined = Verdict.objects.select_related("claim").filter(claim__in=matching)
    assert [verdict.pk for verdict in joined] == [unemployment.pk]


def test_the_search_is_one_statement_on_the_claims_index(unemployment):
    verdicts = selectors.verdict_search(Verdict.objects.all(), "unemployment")
    sql = str(verdicts.query)
    assert "IN (SELECT" in sql
    if connection.vendor == "postgresql":
        assert "search_vector" in sql


EXPECTED = [
    "the session",
    "the signed-in user",
    "the rating filter's choices",
    *(["the planner's estimate of the matches", "the count up to 2,000"] if connection.vendor == "postgresql" else []),
    *(["the count"] if connection.vendor != "postgresql" else []),
    "the page of verdicts, with claim, rating and reviewer joined",
]


def test_a_search_costs_the_same_queries_for_one_verdict_and_a_page(client, superuser, django_assert_num_queries):
    client.force_login(superuser)
    url = reverse("admin:claims_verdict_changelist")
    article = make_article(paragraphs=["Unemployment in the district fell to 4.1% last year."] * 30)
    make_verdict(claim=make_claim(article=article, paragraph=0))
    with django_assert_num_queries(len(EXPECTED)):
        assert client.get(url, {"q": "unemployment"}).status_code == 200
    for paragraph in range(1, 30):
        make_verdict(claim=make_claim(article=article, paragraph=paragraph))
    with django_assert_num_queries(len(EXPECTED)):
        assert client.get(url, {"q": "unemployment"}).status_code == 200

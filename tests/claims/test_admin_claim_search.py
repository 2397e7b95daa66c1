"""The claim list's search box: the words of a claim or its claimant, a claim's id, an article's address.

On PostgreSQL the words go through the full-text index (the same search as
the API's ``?search=`` and the search page), never a substring scan of a
million rows; elsewhere they are substrings. Article titles are not searched.
"""

import pytest
from django.db import connection
from django.urls import reverse

from claims import selectors
from claims.models import Claim
from tests.factories import make_article, make_claim

pytestmark = pytest.mark.django_db


@pytest.fixture
def article():
    return make_article(
        title="Budget week",
        url="https://news.example.org/2026/budget-week",
        paragraphs=[
            "Unemployment in the district fell to 4.1% last year.",
            "The campaign spent $2.3 million on television ads.",
        ],
    )


@pytest.fixture
def unemployment(article):
    return make_claim(article=article, paragraph=0, claimant="Ana Ruiz")


@pytest.fixture
def spending(article):
    return make_claim(article=article, paragraph=1, claimant="Tom Berg")


@pytest.fixture
def elsewhere():
    return make_claim(
        article=make_article(paragraphs=["Turnout was 38% in the county, the lowest since 2002."]), claimant=""
    )


def found(client, user, term):
    """The ids of the claims the changelist lists for ``term``."""
    client.force_login(user)
    response = client.get(reverse("admin:claims_claim_changelist"), {"q": term})
    assert response.status_code == 200
    return {claim.pk for claim in response.context["cl"].result_list}


def test_a_word_of_the_claim_finds_it(client, reviewer, unemployment, spending, elsewhere):
    assert found(client, reviewer, "unemployment") == {unemployment.pk}


def test_every_word_must_match(client, reviewer, unemployment, spending, elsewhere):
    assert found(client, reviewer, "television campaign") == {spending.pk}
    assert found(client, reviewer, "television unemployment") == set()


def test_the_claimant_finds_their_claims(client, reviewer, unemployment, spending, elsewhere):
    assert found(client, reviewer, "Berg") == {spending.pk}


def test_a_claim_id_finds_that_claim(client, reviewer, unemployment, spending, elsewhere):
    claims = found(client, reviewer, str(spending.pk))
    assert spending.pk in claims  # with any claim that has the number among its words
    assert unemployment.pk not in claims


def test_a_number_too_long_for_an_id_is_a_word(client, reviewer, unemployment):
    assert found(client, reviewer, "9" * 30) == set()


def test_an_address_python_cannot_split_is_words(client, reviewer, unemployment):
    assert found(client, reviewer, "http://[unemployment") == set()


def test_an_article_address_finds_its_claims_however_it_is_written(client, reviewer, unemployment, spending, elsewhere):
    everything_in_it = {unemployment.pk, spending.pk}
    assert found(client, reviewer, "https://news.example.org/2026/budget-week") == everything_in_it
    assert found(client, reviewer, "http://www.news.example.org/2026/budget-week?utm_source=x") == everything_in_it


def test_the_article_title_is_not_searched(client, reviewer, unemployment, spending, elsewhere):
    assert found(client, reviewer, "Budget") == set()


def test_the_claim_picker_of_other_pages_searches_the_same_way(client, reviewer, unemployment, spending):
    client.force_login(reviewer)
    response = client.get(
        reverse("admin:autocomplete"),
        {"term": "television", "app_label": "claims", "model_name": "verdict", "field_name": "claim"},
    )
    assert [int(row["id"]) for row in response.json()["results"]] == [spending.pk]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="reads PostgreSQL's plans")
def test_words_are_looked_up_in_the_full_text_index(unemployment):
    with connection.cursor() as cursor:
        # Left only the index scans that need a condition, a search that cannot use the full-text index
        # would read every row (a disabled sequential scan) instead.
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_indexscan = off")
    plan = selectors.desk_search(Claim.objects.all(), "unemployment").explain()
    assert "claim_search_vector_gin" in plan
    assert "Seq Scan" not in plan

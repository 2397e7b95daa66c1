"""The imported fact checks' search box: words of the claim or its author, or the fact check's address.

``matching.selectors.fact_check_search``: on PostgreSQL through the
full-text indexes of the claim (migration 0002) and the author (0005), never
a substring scan of every fact check (250 ms a search over 100,000).
"""

import pytest
from django.db import connection
from django.urls import reverse

from matching.models import ExternalFactCheck
from matching.selectors import fact_check_search

pytestmark = pytest.mark.django_db


def fact_check(url, claim_reviewed, claim_author=""):
    return ExternalFactCheck.objects.create(
        url=url, publisher="Checkers", claim_reviewed=claim_reviewed, claim_author=claim_author
    )


@pytest.fixture
def unemployment():
    return fact_check(
        "https://checkers.example/unemployment", "Unemployment fell to 4.1% last year.", claim_author="Ana Ruiz"
    )


@pytest.fixture
def spending():
    return fact_check(
        "https://checkers.example/ads", "The campaign spent $2.3 million on television ads.", claim_author="Tom Berg"
    )


def found(client, user, term):
    client.force_login(user)
    response = client.get(reverse("admin:matching_externalfactcheck_changelist"), {"q": term})
    assert response.status_code == 200
    return {check.pk for check in response.context["cl"].result_list}


def test_a_word_of_the_claim_finds_it(client, superuser, unemployment, spending):
    assert found(client, superuser, "unemployment") == {unemployment.pk}


def test_every_word_must_match(client, superuser, unemployment, spending):
    assert found(client, superuser, "television campaign") == {spending.pk}
    assert found(client, superuser, "television unemployment") == set()


def test_the_author_finds_the_checks_of_their_claims(client, superuser, unemployment, spending):
    assert found(client, superuser, "Berg") == {spending.pk}
    assert found(client, superuser, "Tom Berg") == {spending.pk}


def test_the_address_finds_the_fact_check(client, superuser, unemployment, spending):
    assert found(client, superuser, "https://checkers.example/ads") == {spending.pk}


def test_no_words_list_every_fact_check(client, superuser, unemployment, spending):
    assert found(client, superuser, " ") == {unemployment.pk, spending.pk}


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the full-text indexes are PostgreSQL's")
def test_the_search_reads_the_claim_and_author_indexes(unemployment, spending):
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
    plan = fact_check_search(ExternalFactCheck.objects.order_by(), "Berg").explain()
    assert "external_search_vector_gin" in plan
    assert "external_author_search_gin" in plan
    assert "Seq Scan" not in plan


EXPECTED = [
    "the session",
    "the signed-in user",
    "the publisher filter's choices",
    *(["the planner's estimate of the matches", "the count up to 2,000"] if connection.vendor == "postgresql" else []),
    *(["the count"] if connection.vendor != "postgresql" else []),
    "the page of fact checks",
]


def test_a_search_costs_the_same_queries_for_one_check_and_a_page(client, superuser, django_assert_num_queries):
    client.force_login(superuser)
    url = reverse("admin:matching_externalfactcheck_changelist")
    fact_check("https://checkers.example/0", "Unemployment fell.")
    with django_assert_num_queries(len(EXPECTED)):
        assert client.get(url, {"q": "unemployment"}).status_code == 200
    for number in range(1, 30):
        fact_check(f"https://checkers.example/{number}", "Unemployment fell.")
    with django_assert_num_queries(len(EXPECTED)):
        assert client.get(url, {"q": "unemployment"}).status_code == 200

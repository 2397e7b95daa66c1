"""The search page never counts a million matches: exact up to a line, "about" the planner's estimate above."""

import re

import pytest
from django.db import connection

from claims.selectors import search_claims
from tests.factories import make_article, make_claim

pytestmark = pytest.mark.django_db


def test_a_short_result_list_is_counted_exactly(client):
    make_claim(checkworthy=True)
    page = client.get("/search/").content.decode()
    assert ">1 claim<" in page


@pytest.mark.skipif(connection.vendor != "postgresql", reason="estimates come from PostgreSQL's planner")
def test_a_result_list_past_the_line_says_about(client, monkeypatch):
    monkeypatch.setattr("claims.pagination.ESTIMATE_ABOVE", 3)
    for _ in range(5):
        make_claim(checkworthy=True)
    page = client.get("/search/").content.decode()
    assert re.search(r"about \d+ claims", page)


@pytest.fixture
def housing_claims(monkeypatch):
    """Five check-worthy claims about housing (scores apart, so both databases rank them alike) and one not."""
    monkeypatch.setattr("claims.views.SEARCH_PAGE_SIZE", 2)
    claims = [
        make_claim(
            article=make_article(paragraphs=[f"Housing starts rose {n}% in district {n}."]),
            checkworthiness=0.5 + n / 10,
        )
        for n in range(5)
    ]
    make_claim(article=make_article(paragraphs=["Transit fares fell 3%."]))
    return claims


def listed(page):
    return re.findall(r"district (\d)", page)


def test_a_word_search_is_counted_exactly_with_its_pages(client, housing_claims):
    ranked = [row.text for row in search_claims("housing")]
    pages = [client.get("/search/", {"q": "housing", "page": number}).content.decode() for number in (1, 2, 3)]
    assert all(">5 claims<" in page and "about" not in page.split("claims<")[0][-40:] for page in pages)
    assert [listed(page) for page in pages] == [
        [re.search(r"district (\d)", text).group(1) for text in ranked[i : i + 2]] for i in (0, 2, 4)
    ]
    assert sorted(number for page in pages for number in listed(page)) == ["0", "1", "2", "3", "4"]


def test_a_word_search_past_its_last_page_shows_the_last_page(client, housing_claims):
    last = client.get("/search/", {"q": "housing", "page": 3}).content.decode()
    assert client.get("/search/", {"q": "housing", "page": 99}).content.decode() == last
    first = client.get("/search/", {"q": "housing"}).content.decode()
    assert client.get("/search/", {"q": "housing", "page": "two"}).content.decode() == first
    assert ">0 claims<" in client.get("/search/", {"q": "nothingmatchesthis"}).content.decode()


def test_a_word_search_page_costs_the_same_queries_for_more_matches(
    client, housing_claims, django_assert_max_num_queries
):
    client.get("/search/", {"q": "housing"})
    with django_assert_max_num_queries(4):  # ids and count; the page's rows; their sources; the ratings for the form
        client.get("/search/", {"q": "housing"})

"""The public reads as QuerySet methods, and orderings that must hold on PostgreSQL, where NULLs sort first."""

import pytest
from django.urls import reverse

from claims.models import Claim

from .conftest import make_article, make_claim, publish

pytestmark = pytest.mark.django_db


@pytest.fixture
def torres_claims(editor):
    """Three claims by one claimant: the middle one rated, the others not (their verdict date is NULL)."""
    article = make_article(["Torres said 10% left.", "Torres said 20% stayed.", "Torres said 30% moved."])
    claims = [make_claim(article, sentence, claimant="Norma Torres") for sentence in article.paragraphs()]
    publish(claims[1], editor, rating="true", summary="Right.")
    return claims


def test_claimant_page_lists_rated_claims_before_unrated_ones(client, torres_claims):
    page = client.get(reverse("claimant-detail", args=["norma-torres"])).content.decode()
    assert page.index("20% stayed") < page.index("10% left")
    assert page.index("20% stayed") < page.index("30% moved")


def test_search_without_words_lists_rated_claims_first(client, torres_claims):
    page = client.get("/search/").content.decode()
    assert page.index("20% stayed") < page.index("10% left")


def test_newest_verdicts_first_puts_unrated_last(torres_claims):
    ordered = list(Claim.objects.public().newest_verdicts_first())
    assert ordered[0] == torres_claims[1]
    assert set(ordered[1:]) == {torres_claims[0], torres_claims[2]}


def test_public_leaves_stale_claims_out(torres_claims):
    Claim.objects.filter(pk=torres_claims[0].pk).update(stale=True)
    assert torres_claims[0] not in Claim.objects.public()


def test_rated_keeps_claims_with_a_current_verdict_optionally_of_one_rating(torres_claims):
    assert list(Claim.objects.rated()) == [torres_claims[1]]
    assert list(Claim.objects.rated("true")) == [torres_claims[1]]
    assert list(Claim.objects.rated("false")) == []


def test_search_matches_words_of_the_text_and_the_claimant(torres_claims):
    assert list(Claim.objects.search("stayed")) == [torres_claims[1]]
    assert set(Claim.objects.search("Torres")) == set(torres_claims)
    assert set(Claim.objects.search("   ")) == set(torres_claims)


def test_for_list_reads_a_page_in_constant_queries(torres_claims, django_assert_num_queries):
    with django_assert_num_queries(2):  # the claims with article and verdict joined; their sources
        rows = list(Claim.objects.public().for_list())
        assert [row.current_verdict.rating.label for row in rows if row.current_verdict] == ["True"]
        assert all(row.article.title for row in rows)
        assert all(list(row.sources.all()) == [] for row in rows)


def test_for_cards_reads_what_a_card_shows_in_one_query(torres_claims, django_assert_num_queries):
    with django_assert_num_queries(1):  # claims with article, claimant, verdict and rating joined; no sources
        rows = list(Claim.objects.public().for_cards().order_by("start"))
        assert [row.current_verdict.rating.label for row in rows if row.current_verdict] == ["True"]
        assert all(row.article.title and row.checked_statement for row in rows)
        assert [row.claimant_entity for row in rows] == [claim.claimant_entity for claim in torres_claims]

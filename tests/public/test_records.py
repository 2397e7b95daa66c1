"""Claimant and topic pages: a record of checked claims, a scorecard by rating with a chart, and their sources."""

import re

import pytest
from django.urls import reverse

from claims.models import Claim, Topic

from .conftest import make_article, make_claim, publish

pytestmark = pytest.mark.django_db


@pytest.fixture
def torres(editor):
    article = make_article(
        ["Torres said 10% left.", "Torres said 20% stayed.", "Torres said 30% moved.", "Torres said 40% voted."]
    )
    claims = [make_claim(article, sentence, claimant="Norma Torres") for sentence in article.paragraphs()]
    publish(claims[0], editor, rating="true", summary="Right.", evidence_urls=["https://sos.example.gov/vote"])
    publish(claims[1], editor, rating="false", summary="Wrong.", evidence_urls=["https://sos.example.gov/vote"])
    publish(claims[2], editor, rating="false", summary="Wrong too.")
    for claim in claims:
        claim.sources.add(*Claim.objects.get(pk=claims[0].pk).current_verdict.evidence.all())
    return claims


def scorecard(page):
    table = page.split('id="scorecard-heading"')[1].split("</table>")[0]
    return dict(re.findall(r"<td>(?:<a [^>]*>)?([^<]+)(?:</a>)?</td><td>(\d+)</td>", table))


def test_the_claimant_scorecard_counts_checked_claims_by_rating(client, torres):
    page = client.get(reverse("claimant-detail", args=["norma-torres"])).content.decode()
    assert scorecard(page)["True"] == "1"
    assert scorecard(page)["False"] == "2"
    assert scorecard(page)["Half true"] == "0"
    assert "3 checked claims." in page
    assert 'aria-label="Verdicts by rating. True: 1' in page  # the chart, readable without sight


def test_the_claimant_page_lists_checked_claims_then_those_waiting(client, torres):
    page = client.get(reverse("claimant-detail", args=["norma-torres"])).content.decode()
    assert page.count('class="card"') == 4
    assert page.index("30% moved") < page.index("40% voted")
    assert "(not reviewed yet)" in page.split("40% voted")[1].split("</a>")[0]


def test_the_claimant_page_lists_their_sources_with_counts(client, torres):
    page = client.get(reverse("claimant-detail", args=["norma-torres"])).content.decode()
    sources = page.split('id="sources-heading"')[1]
    assert "sos.example.gov" in sources
    assert "cited for 4 claims" in sources


def test_a_topic_page_lists_its_checked_claims_with_a_scorecard(client, torres):
    topic = Topic.objects.create(name="Elections", slug="elections", description="Votes and turnout.")
    torres[0].topics.add(topic)
    torres[1].topics.add(topic)
    page = client.get(topic.get_absolute_url()).content.decode()
    assert "Votes and turnout." in page
    assert page.count('class="card"') == 2
    assert scorecard(page)["False"] == "1"


def test_the_topic_index_lists_topics_with_checked_claims(client, torres):
    Topic.objects.create(name="Empty", slug="empty")
    Topic.objects.create(name="Elections", slug="elections").claims.add(torres[0], torres[3])
    page = client.get(reverse("topic-list")).content.decode()
    assert 'href="/topics/elections/"' in page and "1 checked claim<" in page
    assert "/topics/empty/" not in page


def test_an_unknown_topic_is_404(client, db):
    assert client.get("/topics/nothing/").status_code == 404


@pytest.mark.parametrize("url", ["/claimants/norma-torres/", "/topics/elections/"])
def test_record_pages_read_in_constant_queries(client, torres, editor, url, django_assert_num_queries):
    topic = Topic.objects.create(name="Elections", slug="elections")
    topic.claims.add(*torres)
    for index in range(3):
        claim = make_claim(make_article([f"Torres said {index}5% agreed."]), claimant="Norma Torres")
        publish(claim, editor)
        topic.claims.add(claim)
    # the claimant or the topic; claims with verdicts (cards list no sources); counts; ratings; cited sources
    with django_assert_num_queries(5):
        assert client.get(url).status_code == 200

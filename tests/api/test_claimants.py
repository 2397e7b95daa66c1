"""Claimants as a resource: who makes claims, their claims, and how the checked ones were rated."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from claims.models import Claim, Claimant
from tests.factories import make_claim, make_verdict

pytestmark = pytest.mark.django_db


def make_claimant(name="Ana Ruiz", **kwargs):
    return Claimant.objects.create(name=name, slug=kwargs.pop("slug", name.lower().replace(" ", "-")), **kwargs)


def claim_by(claimant, **kwargs):
    return make_claim(claimant=claimant.name, claimant_entity=claimant, **kwargs)


def test_a_claimant_reads_with_name_kind_and_aliases(api):
    ruiz = make_claimant("Ana Ruiz", kind=Claimant.Kind.PERSON, aliases=["@anaruiz"])
    body = api.get(f"/api/v1/claimants/{ruiz.pk}/").json()
    assert (body["name"], body["kind"], body["aliases"]) == ("Ana Ruiz", "person", ["@anaruiz"])
    assert body["page"] == "http://testserver/claimants/ana-ruiz/"


def test_a_claimant_links_to_exactly_their_claims(api):
    ruiz, berg = make_claimant("Ana Ruiz"), make_claimant("Tom Berg")
    theirs = [claim_by(ruiz).pk, claim_by(ruiz).pk]
    claim_by(berg)
    link = api.get(f"/api/v1/claimants/{ruiz.pk}/").json()["claims"]
    listed = api.get(link).json()["results"]
    assert sorted(row["id"] for row in listed) == sorted(theirs)


def test_rating_counts_count_published_verdicts(api):
    ruiz = make_claimant()
    make_verdict(claim=claim_by(ruiz), rating="true", status="published")
    make_verdict(claim=claim_by(ruiz), rating="true", status="published")
    make_verdict(claim=claim_by(ruiz), rating="false", status="published")
    claim_by(ruiz)
    body = api.get(f"/api/v1/claimants/{ruiz.pk}/").json()
    assert body["rating_counts"] == {"true": 2, "false": 1}
    assert body["checked_count"] == 3


def test_a_draft_verdict_shows_nothing_in_the_tally(api, editor_api):
    ruiz = make_claimant()
    make_verdict(claim=claim_by(ruiz), rating="false")
    for client in (api, editor_api):  # not even to the newsroom: the tally is the public record
        body = client.get(f"/api/v1/claimants/{ruiz.pk}/").json()
        assert body["rating_counts"] == {}
        assert body["checked_count"] == 0


def test_a_corrected_rating_counts_once_under_the_new_rating(api):
    ruiz = make_claimant()
    claim = claim_by(ruiz)
    make_verdict(claim=claim, rating="true", status="published")
    make_verdict(claim=claim, rating="false", status="published")  # supersedes the first
    assert api.get(f"/api/v1/claimants/{ruiz.pk}/").json()["rating_counts"] == {"false": 1}


def test_stale_claims_are_left_out_of_the_tally(api):
    ruiz = make_claimant()
    make_verdict(claim=claim_by(ruiz, stale=True), status="published")
    assert api.get(f"/api/v1/claimants/{ruiz.pk}/").json()["checked_count"] == 0


def test_the_list_pages_by_name_and_filters_by_kind(api):
    make_claimant("Zoe Park", kind=Claimant.Kind.PERSON)
    make_claimant("Acme Party", kind=Claimant.Kind.ORGANISATION)
    make_claimant("Ana Ruiz", kind=Claimant.Kind.PERSON)
    names = [row["name"] for row in api.get("/api/v1/claimants/").json()["results"]]
    assert names == ["Acme Party", "Ana Ruiz", "Zoe Park"]
    people = [row["name"] for row in api.get("/api/v1/claimants/", {"kind": "person"}).json()["results"]]
    assert people == ["Ana Ruiz", "Zoe Park"]
    assert api.get("/api/v1/claimants/", {"kind": "alien"}).status_code == 400


def list_queries(api):
    with CaptureQueriesContext(connection) as queries:
        response = api.get("/api/v1/claimants/", {"page_size": 50})
    assert response.status_code == 200
    return len(queries), response.json()["results"]


def test_the_list_costs_the_same_queries_for_two_claimants_or_thirty(api):
    for index in range(2):
        make_verdict(claim=claim_by(make_claimant(f"Person {index}")), status="published")
    few, rows = list_queries(api)
    assert len(rows) == 2
    for index in range(2, 30):
        make_verdict(claim=claim_by(make_claimant(f"Person {index}")), status="published")
    many, rows = list_queries(api)
    assert len(rows) == 30
    assert all(row["checked_count"] == 1 for row in rows)
    # the count (on PostgreSQL: the planner's estimate, then an exact count when small), the page, the tallies
    assert many == few <= 4


def test_a_claim_detail_lists_the_links_cited_for_it(api, seed_article):
    cited = [claim for claim in seed_article.claims.prefetch_related("sources") if claim.sources.all()]
    assert cited, "the seed cites sources for some claims"
    for claim in cited:
        body = api.get(f"/api/v1/claims/{claim.pk}/").json()
        assert {row["canonical_url"] for row in body["citations"]} == {s.canonical_url for s in claim.sources.all()}
        assert all(row["anchor_text"] and row["kind"] for row in body["citations"])


def test_a_citation_reads_with_its_link_anchor_text_and_source_kind(api, seed_article):
    claim = next(claim for claim in Claim.objects.filter(article=seed_article) if claim.sources.exists())
    citation = api.get(f"/api/v1/claims/{claim.pk}/").json()["citations"][0]
    stored = seed_article.citations.get(pk=citation["id"])
    assert citation["url"] == stored.href
    assert citation["anchor_text"] == stored.anchor_text
    assert citation["kind"] == stored.source.kind
    assert citation["source"] == stored.source_id


def test_the_claim_list_does_not_carry_citations(api, seed_article):
    assert "citations" not in api.get("/api/v1/claims/").json()["results"][0]


def test_a_claim_lists_only_its_own_articles_links_to_its_own_sources(api):
    from claims.models import Citation
    from tests.factories import make_source

    claim, elsewhere = make_claim(), make_claim()
    report, other = make_source("https://stats.example.gov/report"), make_source("https://stats.example.gov/other")
    claim.sources.add(report)
    elsewhere.sources.add(report)

    def link(article, source, start):
        return Citation.objects.create(
            article=article,
            source=source,
            href=source.canonical_url,
            anchor_text="the report",
            paragraph=0,
            start=start,
            end=start + 5,
        )

    mine = link(claim.article, report, 10)
    link(claim.article, other, 20)  # the article links elsewhere too, not for this claim
    link(elsewhere.article, report, 10)  # another article links the same report
    citations = api.get(f"/api/v1/claims/{claim.pk}/").json()["citations"]
    assert [row["id"] for row in citations] == [mine.pk]


def test_renaming_a_claimant_reaches_cached_anonymous_reads(api, settings, django_capture_on_commit_callbacks):
    from django.core.cache import cache

    settings.PUBLIC_PAGE_CACHE_SECONDS = 300
    cache.clear()
    ruiz = make_claimant("Ana Ruiz")
    assert api.get(f"/api/v1/claimants/{ruiz.pk}/").json()["name"] == "Ana Ruiz"
    with django_capture_on_commit_callbacks(execute=True):
        ruiz.name = "Ana María Ruiz"
        ruiz.save()
    assert api.get(f"/api/v1/claimants/{ruiz.pk}/").json()["name"] == "Ana María Ruiz"
    cache.clear()

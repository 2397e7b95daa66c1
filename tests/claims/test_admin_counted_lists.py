"""The claimant and source lists count each row's claims or citations up to a cap, for the page's rows only.

At a million claims, counting every claim of the seven claimants on a page
took 460 ms (a GROUP BY over the claims, and the same join again to count
the list); a count that stops at ``LIST_COUNT_CAP`` walks at most that many
index entries a row. Above the cap the list says "1,000+". The counts are
not sortable: sorting by them counts every row of the table.
"""

import pytest
from django.contrib.admin.templatetags.admin_list import result_headers
from django.urls import reverse

from claims import selectors
from claims.claimants import resolve_claimant
from claims.models import Claim
from tests.factories import make_article, make_citation, make_claim

pytestmark = pytest.mark.django_db

EXPECTED = [
    "the session",
    "the signed-in user",
    "the count of the list (its own table, the counts left out)",
    "the count of the whole table, for '(N total)' beside a search",
    "the page, each row's claims or citations counted up to the cap",
]


def claims_by(name, number):
    """``number`` claims by the claimant ``name``, in one article."""
    claimant = resolve_claimant(name)
    article = make_article(paragraphs=["Unemployment in the district fell to 4.1% last year."] * number)
    for paragraph in range(number):
        make_claim(article=article, paragraph=paragraph, claimant=name, claimant_entity=claimant)
    return claimant


def cited(url, times):
    """A source at ``url`` cited ``times`` times, in one article."""
    article = make_article(paragraphs=["Unemployment in the district fell to 4.1% last year."] * times)
    for paragraph in range(times):
        citation = make_citation(article=article, url=url, paragraph=paragraph)
    return citation.source


def listed(client, user, url_name, column, **query):
    """``{row's str: the column's cell}`` of a changelist's page."""
    client.force_login(user)
    changelist = client.get(reverse(url_name), query).context["cl"]
    model_admin = changelist.model_admin
    return {str(row): getattr(model_admin, column)(row) for row in changelist.result_list}


def test_the_claimant_list_counts_each_claimants_claims(client, superuser):
    claims_by("Ana Ruiz", 3)
    claims_by("Tom Berg", 1)
    resolve_claimant("Nobody Quoted")
    assert listed(client, superuser, "admin:claims_claimant_changelist", "claim_count") == {
        "Ana Ruiz": 3,
        "Tom Berg": 1,
        "Nobody Quoted": 0,
    }


def test_a_claimant_with_more_claims_than_the_cap_shows_the_cap_and_more(client, superuser, monkeypatch):
    monkeypatch.setattr(selectors, "LIST_COUNT_CAP", 2)
    claims_by("Ana Ruiz", 3)
    claims_by("Tom Berg", 2)
    assert listed(client, superuser, "admin:claims_claimant_changelist", "claim_count") == {
        "Ana Ruiz": "2+",
        "Tom Berg": 2,
    }


def test_the_source_list_counts_each_sources_citations(client, superuser):
    cited("https://stats.example.gov/unemployment", 3)
    cited("https://news.example.org/story", 1)
    counts = listed(client, superuser, "admin:claims_source_changelist", "citation_count")
    assert sorted(counts.values()) == [1, 3]


def test_a_source_cited_more_than_the_cap_shows_the_cap_and_more(client, superuser, monkeypatch):
    monkeypatch.setattr(selectors, "LIST_COUNT_CAP", 2)
    cited("https://stats.example.gov/unemployment", 3)
    assert list(listed(client, superuser, "admin:claims_source_changelist", "citation_count").values()) == ["2+"]


def test_a_search_counts_the_same_way(client, superuser):
    claims_by("Ana Ruiz", 2)
    claims_by("Tom Berg", 1)
    counts = listed(client, superuser, "admin:claims_claimant_changelist", "claim_count", q="ruiz")
    assert counts == {"Ana Ruiz": 2}


@pytest.mark.parametrize("url_name", ["admin:claims_claimant_changelist", "admin:claims_source_changelist"])
def test_the_list_costs_the_same_queries_for_one_row_and_a_page(client, superuser, url_name, django_assert_num_queries):
    client.force_login(superuser)
    claims_by("Ana Ruiz", 2)
    cited("https://stats.example.gov/a", 2)
    with django_assert_num_queries(len(EXPECTED)):
        assert client.get(reverse(url_name)).status_code == 200
    for number in range(30):
        claims_by(f"Person {number} Example", 2)
        cited(f"https://stats.example.gov/{number}", 2)
    with django_assert_num_queries(len(EXPECTED)):
        assert client.get(reverse(url_name)).status_code == 200


@pytest.mark.parametrize(
    ("url_name", "column"),
    [("admin:claims_claimant_changelist", "claim_count"), ("admin:claims_source_changelist", "citation_count")],
)
def test_the_counts_do_not_sort(client, superuser, url_name, column):
    """Sorting by a count counts every claim or citation of the table, however few rows the page shows."""
    claims_by("Ana Ruiz", 2)
    cited("https://stats.example.gov/a", 2)
    client.force_login(superuser)
    changelist = client.get(reverse(url_name)).context["cl"]
    position = changelist.list_display.index(column)
    assert not list(result_headers(changelist))[position]["sortable"]
    default_order = [row.pk for row in changelist.result_list]
    assert [row.pk for row in client.get(reverse(url_name), {"o": f"-{position}"}).context["cl"].result_list] == (
        default_order
    )


def test_claims_without_a_claimant_entity_are_nobodys(client, superuser):
    claims_by("Ana Ruiz", 1)
    make_claim(claimant="")
    assert Claim.objects.filter(claimant_entity__isnull=True).count() == 1
    assert listed(client, superuser, "admin:claims_claimant_changelist", "claim_count") == {"Ana Ruiz": 1}

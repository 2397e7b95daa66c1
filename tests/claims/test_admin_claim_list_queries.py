"""The claim list costs the same few queries whatever the filter, the search and the number of claims.

At a million claims every query here is one index walk or a small table:
filter choices come from constants and small tables (never a DISTINCT over
claims), nothing is counted per row, and facet counts are never offered.
"""

import pytest
from django.contrib import admin
from django.db import connection
from django.urls import reverse

from claims.admin_rows import PlainActionCheckbox
from claims.models import Claim
from tests.factories import make_article, make_citation, make_claim, make_verdict

pytestmark = pytest.mark.django_db

FILTERS = [
    {},
    {"status__exact": "new"},
    {"claim_type__exact": "statistic"},
    {"rating": "false"},
    {"rating": "unreviewed"},
    {"sourced": "no"},
    {"checkworthy__exact": "1"},
    {"assigned": "me"},
    {"stale__exact": "0"},
    {"article__outlet": "Example News"},
    {"queue": "checkworthy"},
    {"q": "unemployment"},
    {"q": "unemployment", "sourced": "no", "status__exact": "new"},
]

# Counting the list: SQLite counts; PostgreSQL asks the planner (the table's row estimate when unfiltered, an
# EXPLAIN when filtered) and, as the test tables are far below the estimate line, then counts up to it.
COUNT_QUERIES = 2 if connection.vendor == "postgresql" else 1

EXPECTED = [
    "the session",
    "the signed-in user",
    "the user's own permissions",
    "the permissions of the user's groups",
    "the rating filter's choices (the rating scale)",
    "the outlet filter's choices (distinct outlets of articles, on their index)",
    *["the count"] * COUNT_QUERIES,
    "the page of claims, with article, claimant, assignee and current rating joined, and their sources counted",
]


def add_claims(number, assignee):
    """``number`` claims, in turn: published as false and citing a source; new and assigned; new, nobody's, unsourced."""
    article = make_article(paragraphs=["Unemployment in the district fell to 4.1% last year."] * number)
    claims = [make_claim(article=article, paragraph=i) for i in range(number)]
    make_citation(article=article, anchor_text="Unemployment", claims=claims[::3])
    for claim in claims[::3]:
        make_verdict(claim=claim, status="published", rating="false")
    Claim.objects.filter(pk__in=[claim.pk for claim in claims[1::3]]).update(assigned_to=assignee)


@pytest.mark.parametrize("query", FILTERS, ids=lambda query: "&".join(f"{k}={v}" for k, v in query.items()) or "all")
def test_the_list_costs_the_same_queries_for_one_claim_and_a_page_and_more(
    client, reviewer, query, django_assert_num_queries
):
    client.force_login(reviewer)
    url = reverse("admin:claims_claim_changelist")
    add_claims(3, reviewer)
    with django_assert_num_queries(len(EXPECTED)):
        assert client.get(url, query).status_code == 200
    add_claims(60, reviewer)
    with django_assert_num_queries(len(EXPECTED)):
        assert client.get(url, query).status_code == 200


def test_facet_counts_are_never_offered(client, reviewer):
    """Facets count every filter choice over the whole table: seconds at a million claims."""
    add_claims(3, reviewer)
    client.force_login(reviewer)
    page = client.get(reverse("admin:claims_claim_changelist"), {"_facets": "1"}).content.decode()
    assert "Show counts" not in page
    assert "Hide counts" not in page


OUR_APPS = {"articles", "claims", "integrations", "matching"}


@pytest.mark.parametrize(
    "model",
    [model for model in admin.site._registry if model._meta.app_label in OUR_APPS],
    ids=lambda model: model._meta.label,
)
def test_every_lists_row_checkboxes_are_the_ones_django_renders(model, monkeypatch):
    """Each list writes the row checkbox out (claims.admin_rows); Django's widget templates cost 0.6 ms a row."""
    model_admin = admin.site._registry[model]
    assert isinstance(model_admin, PlainActionCheckbox)
    monkeypatch.setattr(model, "__str__", lambda row: "Row <seven> & co")  # any text, escaped the same way
    row = model(pk=7)
    assert model_admin.action_checkbox(row) == admin.ModelAdmin.action_checkbox(model_admin, row)


def test_only_the_score_column_sorts(client, reviewer):
    """Sorting a million claims by text, status, rating or assignee sorted the whole table (0.4-2.4 s); the score
    has an index. The other headers are plain text, and their ?o= in an address is ignored."""
    add_claims(3, reviewer)
    client.force_login(reviewer)
    url = reverse("admin:claims_claim_changelist")
    assert list(client.get(url).context["cl"].sortable_by) == ["score"]
    default_order = [claim.pk for claim in client.get(url).context["cl"].result_list]
    for column in range(1, 8):
        sorted_by_it = client.get(url, {"o": f"-{column}"}).context["cl"]
        if sorted_by_it.list_display[column] != "score":
            assert [claim.pk for claim in sorted_by_it.result_list] == default_order

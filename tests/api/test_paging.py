"""Every list, paged in small pages in every documented ordering, returns each row exactly once.

The data is built with ties on every sortable column (equal scores, equal
timestamps, drafts without a publication date), which is where an ordering
without a unique tie-breaker loses and repeats rows.
"""

from datetime import UTC, datetime

import pytest

from articles.ingest import ingest
from articles.models import Article
from claims import reviews
from claims.models import Claim, Claimant, Rating, Source, Verdict
from claims.selectors import current_published_verdicts
from tests.factories import make_article, make_claim

pytestmark = pytest.mark.django_db

TIE = datetime(2026, 1, 1, tzinfo=UTC)


@pytest.fixture
def tied_data(seed_article, reviewer, editor):
    for number in range(4):
        ingest(f"<h1>Story {number}</h1><p>Turnout rose to {40 + number}% in 2024, officials said.</p>".encode())
    Article.objects.filter(pk__in=Article.objects.order_by("id").values("id")[:3]).update(ingested_at=TIE)
    claims = list(seed_article.claims.order_by("id"))
    Claim.objects.filter(pk__in=[claim.pk for claim in claims[::2]]).update(created_at=TIE, checkworthiness=0.5)
    true = Rating.objects.get(slug="true")
    for index, claim in enumerate(claims[:7]):
        verdict = reviews.draft_verdict(claim=claim, by=reviewer, rating=true, summary=f"Checked {index}.")
        if index % 3:
            reviews.publish_verdict(verdict, by=editor)
    Verdict.objects.filter(status=Verdict.Status.PUBLISHED).update(published_at=TIE, created_at=TIE)


def documented_orderings(client, path):
    schema = client.get("/api/v1/schema/", {"format": "json"}).json()
    parameters = schema["paths"][path]["get"].get("parameters", [])
    orderings = [p["schema"]["enum"] for p in parameters if p["name"] == "ordering"]
    return [None, *(orderings[0] if orderings else [])]


def walk(client, path, ordering):
    params = {"page_size": 3}
    if ordering:
        params["ordering"] = ordering
    response = client.get(path, params)
    rows = []
    for _ in range(100):
        assert response.status_code == 200, response.content
        body = response.json()
        assert set(body) == {"count", "count_is_estimate", "next", "previous", "results"}
        rows += body["results"]
        if not body["next"]:
            return rows
        response = client.get(body["next"])
    raise AssertionError(f"{path} ordered by {ordering} did not end in 100 pages")


LISTS = {
    "/api/v1/articles/": (lambda user: Article.objects.values_list("id", flat=True), "id"),
    "/api/v1/claims/": (lambda user: Claim.objects.values_list("id", flat=True), "id"),
    "/api/v1/claimants/": (lambda user: Claimant.objects.values_list("id", flat=True), "id"),
    "/api/v1/verdicts/": (
        lambda user: (Verdict.objects.all() if user else Verdict.objects.published()).values_list("id", flat=True),
        "id",
    ),
    "/api/v1/sources/": (lambda user: Source.objects.values_list("id", flat=True), "id"),
    "/api/v1/ratings/": (lambda user: Rating.objects.values_list("slug", flat=True), "slug"),
    "/api/v1/claimreview/": (
        lambda user: [f"http://testserver{v.claim.get_absolute_url()}" for v in current_published_verdicts()],
        "url",
    ),
}


@pytest.mark.parametrize("path", sorted(LISTS))
@pytest.mark.parametrize("who", ["anonymous", "reviewer"])
def test_every_ordering_returns_every_row_once(api, reviewer_api, tied_data, path, who):
    client, user = (reviewer_api, True) if who == "reviewer" else (api, False)
    expected, key = LISTS[path]
    expected = sorted(expected(user))
    assert len(expected) >= 4  # enough rows for several pages of three
    for ordering in documented_orderings(api, path):
        rows = walk(client, path, ordering)
        assert sorted(row[key] for row in rows) == expected, ordering


@pytest.fixture
def three_claims():
    """Enough rows for a second page of two."""
    article = make_article(paragraphs=["First claim, 10%.", "Second claim, 20%.", "Third claim, 30%."])
    return [make_claim(article=article, paragraph=i) for i in range(3)]


def test_ordering_by_an_unknown_field_is_400(api, three_claims):
    response = api.get("/api/v1/claims/", {"ordering": "text"})
    assert response.status_code == 400
    assert response.json()["code"] == "invalid"
    assert "ordering" in response.json()["errors"]


def test_an_unknown_query_parameter_is_400(api, three_claims):
    response = api.get("/api/v1/claims/", {"ratng": "true"})
    assert response.status_code == 400
    assert response.json()["errors"] == {"ratng": ["Unknown query parameter."]}


def test_a_page_past_the_end_is_400(api, three_claims):
    response = api.get("/api/v1/articles/", {"page": 99})
    assert response.status_code == 400
    assert "page" in response.json()["errors"]


def test_a_cursor_for_another_ordering_is_400(api, three_claims):
    next_url = api.get("/api/v1/claims/", {"page_size": 2}).json()["next"]
    cursor = next_url.split("cursor=")[1].split("&")[0]
    response = api.get("/api/v1/claims/", {"cursor": cursor, "ordering": "created_at", "page_size": 2})
    assert response.status_code == 400
    assert "cursor" in response.json()["errors"]

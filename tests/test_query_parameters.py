"""Any query parameter on any page: a NUL or control character is a 400, nothing is ever a 500."""

import pytest
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

pytestmark = pytest.mark.django_db

NUL_CASES = [
    "/search/?q=%00",
    "/search/?q=vote&claimant=%00",
    "/search/?rating=%00",
    "/search/?type=%00",
    "/search/?q=a%01b",
    "/articles/?x%00=1",
]
API_NUL_CASES = [
    "/api/v1/claims/?search=%00",
    "/api/v1/claims/?claimant=Torres%00",
    "/api/v1/claims/?rating=%00",
    "/api/v1/claims/?type=%00",
    "/api/v1/articles/?outlet=%00",
]
ADMIN_NUL_CASES = [
    "/admin/claims/claim/?q=%00",
    "/admin/claims/claim/?rating=%00",
    "/admin/claims/claim/?claim_type__exact=%00",
    "/admin/articles/article/?outlet=%00",
]


@pytest.fixture
def anonymous():
    return Client(raise_request_exception=False)


@pytest.fixture
def staff(superuser):
    client = Client(raise_request_exception=False)
    client.force_login(superuser)
    return client


@pytest.mark.parametrize("url", NUL_CASES)
def test_a_control_character_in_a_page_parameter_is_a_400_page(anonymous, seed_article, url):
    response = anonymous.get(url)
    assert response.status_code == 400
    assert "may not contain control characters" in response.content.decode()


@pytest.mark.parametrize("url", API_NUL_CASES)
def test_a_control_character_in_an_api_parameter_is_a_json_400(anonymous, seed_article, url):
    response = anonymous.get(url)
    assert response.status_code == 400
    body = response.json()
    assert (body["code"], list(body["errors"])) == ("invalid", [url.split("?")[1].split("=")[0]])


@pytest.mark.parametrize("url", ADMIN_NUL_CASES)
def test_a_control_character_in_an_admin_filter_is_a_400(staff, seed_article, url):
    assert staff.get(url).status_code == 400


def test_the_parameter_name_is_shown_escaped(anonymous):
    page = anonymous.get("/search/?%3Cb%3E=%00").content.decode()
    assert "&lt;b&gt;" in page
    assert "<b>" not in page


def test_ordinary_escaped_parameters_pass(anonymous, seed_article):
    response = anonymous.get("/search/?q=57.4%25+vote&claimant=Norma%20Torres")
    assert response.status_code == 200
    assert "57.4%" in response.content.decode()


PAGES = {
    "/search/": ["q", "rating", "type", "claimant", "page"],
    "/articles/": ["page"],
    "/api/v1/claims/": [
        "type",
        "status",
        "rating",
        "claimant",
        "checkworthy",
        "has_sources",
        "stale",
        "created_after",
        "published_before",
        "search",
        "article",
        "ordering",
        "page",
        "page_size",
        "cursor",
    ],
    "/api/v1/articles/": ["outlet", "language", "published_after", "ordering", "page"],
    "/api/v1/verdicts/": ["status", "rating", "claim", "published_after", "ordering"],
    "/api/v1/sources/": ["kind", "domain", "ordering", "page"],
    "/api/v1/claimreview/": ["cursor", "page_size"],
    "/sitemap.xml": ["p"],
    "/feeds/verdicts.rss": ["page"],
    "/admin/claims/claim/": ["q", "claim_type__exact", "status__exact", "rating", "sourced", "assigned", "o", "p"],
    "/admin/articles/article/": ["q", "outlet", "language", "o", "p", "ingested_at__year"],
    "/admin/claims/verdict/": ["q", "status__exact", "o", "p"],
}
odd_values = st.one_of(
    st.text(max_size=24),
    st.sampled_from(
        ["\x00", "-1", "0", "99999999999999999999999", "1e400", "NaN", "%", "'", '"', "\\", "true", "unreviewed"]
    ),
    st.sampled_from(["2024-13-45", "2024-01-01T00:00:00+99:00", "-id", "id,-id", "?", "…", "\ud7ff", " "]),
)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    page=st.sampled_from(sorted(PAGES)),
    choice=st.data(),
)
def test_no_query_parameter_on_any_page_is_a_server_error(staff, anonymous, seed_article, page, choice):
    names = st.one_of(st.sampled_from(PAGES[page]), st.text(max_size=8))
    parameters = choice.draw(st.dictionaries(names, odd_values, min_size=1, max_size=3))
    client = staff if page.startswith("/admin/") else anonymous
    response = client.get(page, parameters)
    assert response.status_code < 500, (page, parameters, response.content[:500])

"""Public pages: content, drafts hidden, escaping of hostile articles, ClaimReview JSON-LD, constant queries."""

import json
import re

import pytest
from django.db.models import Q
from django.urls import reverse

from articles.ingest import ingest_article
from claims import reviews
from claims.models import Claim, Rating
from tests.factories import make_article, make_citation, make_claim, make_consistency_check

pytestmark = pytest.mark.django_db

HOSTILE = (
    '<p>The mayor said <script>alert("x")</script> turnout was 45% on Monday, according to '
    '<a href="javascript:alert(1)">the county</a> and <a href="https://evil.example/x" onclick="steal()">a blog</a>.'
    '<img src=x onerror="alert(2)"> Critics accused the mayor of fraud in the 2024 election.</p>'
)


PARAGRAPHS = [
    "Rep. Norma Torres won 57.4% of the vote, NBC News results show. Her opponent, Republican Mike Cargile, won 42.6%.",
    "\u201cWe never asked for a meeting,\u201d Mayorga said of the envoys.",
    "Torres said the interference was the worst she had seen in her career.",
    "Torres thanked her volunteers.",
]


@pytest.fixture
def article():
    """An article written row by row (no extraction): two vote-share claims citing NBC News whose shares add
    up, a quote of Mayorga's, another check-worthy claim of Torres's and one of hers that is not check-worthy."""
    article = make_article(title="Torres wins re-election", paragraphs=PARAGRAPHS)
    shares = [
        make_claim(
            article=article,
            text="Rep. Norma Torres won 57.4% of the vote",
            claimant="Norma Torres",
            claim_type=Claim.Type.VOTE_SHARE,
        ),
        make_claim(
            article=article,
            text="Her opponent, Republican Mike Cargile, won 42.6%.",
            claimant="Mike Cargile",
            claim_type=Claim.Type.VOTE_SHARE,
            checkworthiness=0.85,
        ),
    ]
    make_claim(
        article=article,
        paragraph=1,
        text="We never asked for a meeting",
        claimant="Juan Mayorga",
        claim_type=Claim.Type.QUOTE,
        checkworthiness=0.6,
    )
    make_claim(article=article, paragraph=2, claimant="Norma Torres", claim_type=Claim.Type.ACCUSATION)
    make_claim(
        article=article,
        paragraph=3,
        claimant="Norma Torres",
        claim_type=Claim.Type.FACT,
        checkworthiness=0.1,
        checkworthy=False,
    )
    make_citation(
        article=article,
        url="https://nbcnews.com/politics/2022-elections/california-house-results",
        anchor_text="NBC News",
        claims=shares,
    )
    make_consistency_check(article=article, claims=shares, detail="57.4% + 42.6% adds up to about 100%.")
    return article


@pytest.fixture
def published(article, reviewer, editor):
    claim = article.claims.get(text__contains="57.4%")
    verdict = reviews.draft_verdict(
        claim=claim,
        by=reviewer,
        rating=Rating.objects.get(slug="true"),
        summary="NBC's results show 57.4%.",
        rationale="See the **results**.",
        evidence_urls=["https://www.nbcnews.com/politics/2022-elections/california-house-results"],
    )
    return reviews.publish_verdict(verdict, by=editor)


@pytest.fixture
def draft(article, reviewer):
    claim = article.claims.get(text__contains="42.6%")
    return reviews.draft_verdict(
        claim=claim, by=reviewer, rating=Rating.objects.get(slug="false"), summary="SECRET DRAFT SUMMARY"
    )


def test_home_lists_published_verdicts_counts_and_a_search_box(client, published, draft):
    page = client.get("/").content.decode()
    assert published.claim.checked_statement in page and "NBC&#x27;s results show 57.4%." in page
    assert "SECRET DRAFT SUMMARY" not in page
    assert 'role="search"' in page and '<svg class="chart"' in page and "True: 1" in page


def test_claim_page_shows_verdict_sources_context_and_claimreview(client, published):
    claim = published.claim
    page = client.get(claim.get_absolute_url()).content.decode()
    assert "Her opponent, Republican Mike Cargile" in page
    assert "The claim is accurate" in page  # the rating's definition
    assert "<strong>results</strong>" in page  # rationale rendered from Markdown
    assert "nbcnews.com" in page and 'rel="nofollow noopener"' in page
    assert "adds up to about 100%" in page
    assert '<meta property="og:title"' in page and 'name="twitter:card"' in page
    review = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S).group(1))
    assert review["@type"] == "ClaimReview" and review["claimReviewed"] == claim.checked_statement
    assert review["reviewRating"] == {
        "@type": "Rating",
        "alternateName": "True",
        "ratingValue": 5,
        "bestRating": 5,
        "worstRating": 1,
    }
    assert review["itemReviewed"]["@type"] == "Claim" and review["itemReviewed"]["appearance"]["headline"]
    assert "Reviewed by the factcheck team," in page  # rita has no full name: never her login
    assert review["author"]["name"] and review["datePublished"] and review["url"].endswith(claim.get_absolute_url())


def test_a_draft_never_appears_on_the_claim_page(client, draft):
    page = client.get(draft.claim.get_absolute_url()).content.decode()
    assert "SECRET DRAFT SUMMARY" not in page and "Not reviewed yet" in page
    assert "application/ld+json" not in page


def test_corrections_are_shown_publicly(client, published, editor):
    reviews.update_verdict(
        published,
        by=editor,
        expected_version=published.version,
        correction_note="We rounded the share.",
        summary="Rounded.",
    )
    page = client.get(published.claim.get_absolute_url()).content.decode()
    assert "Corrections" in page and "We rounded the share." in page and "NBC&#x27;s results show 57.4%." in page


def test_wrong_slug_redirects_to_the_canonical_address(client, published):
    response = client.get(reverse("claim-detail", args=[published.claim_id, "something-else"]))
    assert response.status_code == 301 and response["Location"] == published.claim.get_absolute_url()


def test_claimant_and_source_pages(client, published, article):
    page = client.get(reverse("claimant-detail", args=["norma-torres"])).content.decode()
    # her record: every claim of hers that is checked or check-worthy (not each low-scoring sentence)
    listed = article.claims.filter(claimant="Norma Torres", stale=False).filter(
        Q(checkworthy=True) | Q(current_verdict__isnull=False)
    )
    assert page.count('class="card"') == listed.count() == 2
    source = published.claim.sources.get()
    page = client.get(source.get_absolute_url()).content.decode()
    assert "57.4%" in page and "42.6%" in page and source.canonical_url in page
    assert client.get(reverse("claimant-detail", args=["nobody-at-all"])).status_code == 404


def test_search_by_words_rating_type_and_claimant(client, published):
    assert published.claim.checked_statement in client.get("/search/", {"q": "57.4"}).content.decode()
    page = client.get("/search/", {"rating": "true"}).content.decode()
    assert "1 claim<" in page and published.claim.checked_statement in page
    page = client.get("/search/", {"type": "vote_share"}).content.decode()
    assert "2 claims" in page
    page = client.get("/search/", {"claimant": "Mayorga", "q": "meeting"}).content.decode()
    assert "We never asked for a meeting" in page


def test_search_is_paginated(client, article):
    for _ in range(20):  # 24 check-worthy claims: more than a page of 20
        make_claim(article=article, paragraph=2, claimant="Norma Torres")
    page = client.get("/search/", {"page": 2}).content.decode()
    assert "Page 2 of" in page


def test_feeds_sitemap_and_robots(client, published, draft):
    atom = client.get("/feeds/verdicts.atom").content.decode()
    assert published.claim.get_absolute_url() in atom and "SECRET DRAFT" not in atom
    assert "<rss" in client.get("/feeds/verdicts.rss").content.decode()
    sitemap = client.get("/sitemap.xml").content.decode()
    assert published.claim.get_absolute_url() in sitemap and draft.claim.get_absolute_url() not in sitemap
    robots = client.get("/robots.txt").content.decode()
    assert "Disallow: /admin/" in robots and "Sitemap: http://testserver/sitemap.xml" in robots


def test_methodology_lists_the_scale_and_corrections_policy(client, db):
    page = client.get("/methodology/").content.decode()
    assert all(rating.definition.replace("'", "&#x27;") in page for rating in Rating.objects.all())
    assert "Corrections policy" in page


def test_friendly_404(client, db):
    response = client.get("/no/such/page/")
    assert response.status_code == 404 and "searching the claims" in response.content.decode()


@pytest.mark.parametrize("page", ["article", "claim", "search", "claimant", "source", "home"])
def test_hostile_article_text_is_escaped_everywhere(client, editor, page):
    article = ingest_article(HOSTILE)
    claim = article.claims.filter(checkworthy=True).first()
    claim.claimant = 'Evil <script>alert("c")</script>'
    claim.save()
    reviews.publish_verdict(
        reviews.draft_verdict(claim=claim, by=editor, rating=Rating.objects.get(slug="false"), summary="<b>x</b>"),
        by=editor,
    )
    source = article.citations.first().source
    url = {
        "article": reverse("article-detail", args=[article.pk]),
        "claim": claim.get_absolute_url(),
        "search": "/search/?q=mayor",
        "claimant": reverse("claimant-detail", args=[Claim.objects.get(pk=claim.pk).claimant_slug]),
        "source": source.get_absolute_url(),
        "home": "/",
    }[page]
    html = client.get(url).content.decode()
    body = html.split("<body>", 1)[1]
    assert "<script>alert" not in body and "onerror=" not in body and "onclick=" not in body and "<b>x</b>" not in body
    assert 'href="javascript:' not in html


@pytest.mark.parametrize(
    ("url", "limit"),
    [
        ("/", 8),
        ("/search/?q=Torres", 8),
        ("/claimants/norma-torres/", 8),
        ("/articles/", 4),
        ("/sitemap.xml", 6),
        ("/feeds/verdicts.atom", 4),
    ],
)
def test_list_pages_use_a_constant_number_of_queries(
    client, article, editor, url, limit, django_assert_max_num_queries
):
    for _ in range(16):  # 20 check-worthy claims
        make_claim(article=article, paragraph=2, claimant="Norma Torres")
    for claim in article.claims.filter(checkworthy=True)[:20]:
        reviews.publish_verdict(
            reviews.draft_verdict(claim=claim, by=editor, rating=Rating.objects.get(slug="true"), summary="x"),
            by=editor,
        )
    with django_assert_max_num_queries(limit):
        assert client.get(url).status_code == 200


def test_article_and_claim_pages_use_a_constant_number_of_queries(
    client, published, article, django_assert_max_num_queries
):
    with django_assert_max_num_queries(8):
        client.get(reverse("article-detail", args=[article.pk]))
    with django_assert_max_num_queries(10):
        client.get(published.claim.get_absolute_url())

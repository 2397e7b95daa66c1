"""The article page: excerpts around checked claims unless the article may be republished; only verdicts highlight."""

import re

import pytest
from django.urls import reverse

from articles.models import Article
from tests.factories import make_citation

from .conftest import make_article, make_claim, publish

pytestmark = pytest.mark.django_db

PARAGRAPHS = [
    "The council met on Monday in the old hall.",
    "The mayor said turnout was 45% last year. Nobody disputed it at the time.",
    "Critics said the budget grew by 12% in a single year.",
    "A spokesperson declined to comment on the figures.",
]


@pytest.fixture
def article(editor):
    article = make_article(PARAGRAPHS)
    rated = make_claim(article, "The mayor said turnout was 45% last year.")
    publish(rated, editor, rating="false", summary="Turnout was 38%.")
    make_claim(article, "Critics said the budget grew by 12% in a single year.")
    make_claim(article, "A spokesperson declined to comment on the figures.", checkworthy=False)
    return article


def get(client, article):
    return client.get(reverse("article-detail", args=[article.pk])).content.decode()


def text_only(html):
    """The words a reader sees in the text, without rating labels and popovers."""
    html = re.sub(r'<span class="rating-label">.*?</span></span>', "", html)
    html = re.sub(r'<span class="(pop|unreviewed-label)".*?</span>', "", html)
    return re.sub(r"<[^>]+>", "", html)


def marks(page):
    found = re.findall(r'<mark class="claim [a-z]+" data-claim="\d+" data-rating="([a-z-]+)"[^>]*>(.*?)</mark>', page)
    return {rating: text_only(inner) for rating, inner in found}


def test_third_party_text_is_shown_only_around_checked_claims(client, article):
    page = get(client, article)
    assert "The council met on Monday" not in page
    assert "Nobody disputed it at the time." in page  # the rest of the checked claim's paragraph


def test_the_original_article_is_linked(client, article):
    assert f'<a href="{article.url}" rel="nofollow noopener">Read the original article at Example News</a>' in get(
        client, article
    )


def test_only_reviewed_claims_get_a_rating_highlight(client, article):
    page = get(client, article)
    assert re.findall(r'class="claim rated"[^>]*data-rating="([a-z-]+)"', page) == ["false"]


def test_unreviewed_checkworthy_claims_wait_behind_a_toggle(client, article):
    page = get(client, article)
    details = page[page.index("<details") : page.index("</details>")]
    assert "1 check-worthy claim not reviewed yet" in details
    assert "the budget grew by 12%" in details
    assert "A spokesperson declined" not in page  # not check-worthy, not reviewed: not quoted


def test_the_rating_is_part_of_the_claim_links_name(client, article):
    link = re.search(r'<mark class="claim rated"[^>]*><a [^>]*>(.*?)</a>', get(client, article)).group(1)
    assert re.sub(r"<[^>]+>", "", link) == "The mayor said turnout was 45% last year. False"


def test_a_republishable_article_is_shown_in_full_with_a_toggle_and_no_inline_script(client, article):
    Article.objects.filter(pk=article.pk).update(republishable=True)
    page = get(client, article)
    assert "The council met on Monday in the old hall." in page
    assert 'type="checkbox" id="show-unreviewed"' in page
    assert marks(page) == {
        "false": "The mayor said turnout was 45% last year.",
        "unreviewed": "Critics said the budget grew by 12% in a single year.",
    }
    assert "<details" not in page
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>(?!\s*</script>)", page.split("</head>")[1])


def test_a_republishable_paragraph_keeps_its_text_around_claims(client, article):
    Article.objects.filter(pk=article.pk).update(republishable=True)
    paragraphs = re.findall(r"<p>(.*?)</p>", get(client, article).split('class="article-text"')[1].split("</div>")[0])
    assert [text_only(paragraph) for paragraph in paragraphs] == PARAGRAPHS


def test_a_draft_verdict_leaves_no_trace(client, article, reviewer):
    from claims import reviews
    from claims.models import Claim, Rating

    claim = Claim.objects.get(text__startswith="Critics")
    reviews.draft_verdict(claim=claim, by=reviewer, rating=Rating.objects.get(slug="true"), summary="SECRET DRAFT")
    page = get(client, article)
    assert "SECRET DRAFT" not in page
    assert re.findall(r'class="claim rated"[^>]*data-rating="([a-z-]+)"', page) == ["false"]


@pytest.mark.parametrize("republishable", [False, True])
@pytest.mark.parametrize("extra_claims", [0, 5])
def test_the_article_page_reads_in_five_queries_however_many_claims(
    client, article, editor, extra_claims, republishable, django_assert_num_queries
):
    Article.objects.filter(pk=article.pk).update(republishable=republishable)
    for index in range(extra_claims):
        claim = make_claim(article, PARAGRAPHS[0])
        make_citation(article=article, url=f"https://stats.example/{index}", claims=[claim])
        if index % 2:
            publish(claim, editor)
    # 1. the article (without its HTML)
    # 2. its checked and check-worthy claims with their verdicts and ratings: the excerpts, the verdict table's
    #    counts and the check-worthy claims of the sourcing report
    # 3. the sources those check-worthy claims cite
    # 4. how many public claims it has
    # 5. the rating scale
    with django_assert_num_queries(5):
        get(client, article)


def sidebar(page):
    """The sourcing figures: {"Claims": "2 check-worthy of 3", "Sourced": "1", ...}."""
    return dict(re.findall(r"<dt>([^<]+)</dt><dd>([^<]+)</dd>", page))


def verdict_table(page):
    """{rating label: count} from the verdicts table."""
    rows = re.findall(r"<tr><td>(?:<a [^>]*>)?([^<]+)(?:</a>)?</td><td>(\d+)</td></tr>", page)
    return {label: int(count) for label, count in rows}


def test_the_sourcing_sidebar_counts_the_public_claims_and_what_the_check_worthy_ones_cite(client):
    article = make_article(PARAGRAPHS)
    official = make_claim(article, PARAGRAPHS[0])
    reported = make_claim(article, "The mayor said turnout was 45% last year.")
    make_claim(article, "Critics said the budget grew by 12% in a single year.")  # check-worthy, unsourced
    not_checkworthy = make_claim(article, "A spokesperson declined to comment on the figures.", checkworthy=False)
    make_claim(article, "Nobody disputed it at the time.", stale=True)
    make_citation(article=article, url="https://stats.example.gov/turnout", claims=[official], kind="government")
    make_citation(article=article, url="https://news.example/turnout", claims=[reported, not_checkworthy])
    assert sidebar(get(client, article)) == {
        "Claims": "3 check-worthy of 4",
        "Sourced": "2",
        "Unsourced": "1",
        "Primary sources": "1",
        "Secondary sources": "1",
    }


def test_the_verdict_table_counts_the_current_verdicts_of_the_articles_public_claims(client, article, editor):
    publish(make_claim(article, "A spokesperson declined to comment on the figures.", checkworthy=False), editor)
    publish(make_claim(article, "Critics said the budget grew by 12% in a single year."), editor, rating="true")
    publish(make_claim(article, "Nobody disputed it at the time.", stale=True), editor, rating="true")
    publish(make_claim(make_article(["Elsewhere turnout was 45% last year."])), editor, rating="true")
    counts = verdict_table(get(client, article))
    assert counts["False"] == 2  # the fixture's, and one on a claim that is not check-worthy
    assert counts["True"] == 1  # not the stale claim's, not another article's
    assert counts["Half true"] == 0

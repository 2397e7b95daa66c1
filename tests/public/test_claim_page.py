"""The claim page as a fact check: what was claimed, by whom, when, how it was rated, and on what evidence."""

import datetime
import json
import re

import pytest

from claims import reviews
from claims.models import Source
from matching.models import ClaimMatch, ExternalFactCheck
from tests.factories import make_citation, make_consistency_check

from .claimreview_schema import assert_valid_claim_review
from .conftest import make_article, make_claim, publish

pytestmark = pytest.mark.django_db


def get(client, claim):
    return client.get(claim.get_absolute_url()).content.decode()


def claim_review(page):
    return json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S).group(1))


def test_the_headline_is_the_claim_in_quotation_marks(client, editor):
    claim = make_claim()
    publish(claim, editor)
    assert re.search(
        r'<h1 id="claim-heading" class="claim-statement">“The mayor said turnout was 45% on Monday.”</h1>',
        get(client, claim),
    )


def test_an_unknown_claimant_is_said_to_be_unknown_never_the_outlet(client, editor):
    article = make_article(
        ["Snopes found the photo was edited in 2021."], outlet="Snopes.com", title="Fact check: photo"
    )
    claim = make_claim(article)
    publish(claim, editor)
    page = get(client, claim)
    who = re.search(r'<p class="claim-who" lang="en">(.*?)</p>', page, re.S).group(1)
    assert who.startswith("Claimant unknown")
    assert "The article itself" not in page
    assert "author" not in claim_review(page)["itemReviewed"]


def test_the_reviewer_is_named_by_display_name_never_login(client, editor, reviewer):
    claim = make_claim()
    publish(claim, editor)
    page = get(client, claim)
    assert "Reviewed by the factcheck team, " in page
    assert "eddie" not in page
    editor.first_name, editor.last_name = "Eddie", "Editor"
    editor.save()
    assert "Reviewed by Eddie Editor, " in get(client, claim)


def test_the_rating_and_one_line_verdict_come_before_the_findings(client, editor):
    claim = make_claim()
    publish(claim, editor, rating="false", summary="Turnout was 38%.", rationale="The county's count says 38%.")
    page = get(client, claim).split("<body>")[1]
    assert page.index("claim-heading") < page.index('class="badge"') < page.index("Turnout was 38%.")
    assert page.index("Turnout was 38%.") < page.index("What we found") < page.index("count says 38%")


def test_evidence_is_a_titled_list_with_outlet_date_link_and_archive(client, editor):
    claim = make_claim()
    url = "https://www.sos.ca.gov/results"
    publish(claim, editor, evidence_urls=[url])
    Source.objects.filter(canonical_url__contains="sos.ca.gov").update(
        title="Statement of the vote",
        publisher="California Secretary of State",
        published_on=datetime.date(2022, 12, 16),
        archive_url="https://web.archive.org/web/2022/https://www.sos.ca.gov/results",
    )
    page = get(client, claim)
    evidence = page[page.index("<h3>Evidence</h3>") :].split("</ul>")[0]
    assert ">Statement of the vote</a>" in evidence
    assert "California Secretary of State" in evidence
    assert '<time datetime="2022-12-16">16 December 2022</time>' in evidence
    assert 'href="https://web.archive.org/web/2022/https://www.sos.ca.gov/results"' in evidence


def test_evidence_without_a_title_shows_its_domain(client, editor):
    claim = make_claim()
    publish(claim, editor, evidence_urls=["https://data.example.gov/turnout"])
    evidence = get(client, claim).split("<h3>Evidence</h3>")[1].split("</ul>")[0]
    assert ">data.example.gov</a>" in evidence
    assert "archived copy" not in evidence


def test_the_claim_review_validates_and_names_the_statement(client, editor):
    claim = make_claim(make_article(["Le maire a dit 45 %."], language="fr", url="https://journal.example/a"))
    publish(claim, editor)
    review = claim_review(get(client, claim))
    assert_valid_claim_review(review)
    assert review["claimReviewed"] == "Le maire a dit 45 %."
    assert review["inLanguage"] == "fr"
    assert review["itemReviewed"]["firstAppearance"]["url"] == "https://journal.example/a"
    assert review["@id"] == review["url"] + "#claimreview"


def test_an_unreviewed_claim_page_says_so_without_markup(client):
    claim = make_claim()
    page = get(client, claim)
    assert "Not reviewed yet" in page
    assert "application/ld+json" not in page


def test_a_claim_page_reads_in_four_queries(client, editor, django_assert_num_queries):
    claim = make_claim()
    publish(claim, editor, evidence_urls=["https://a.example/1", "https://b.example/2"])
    # 1. the claim with its article, claimant, verdict, rating and reviewer, and whether it has corrections,
    #    retractions, consistency checks, other appearances and matches (none here: nothing more is read)
    # 2. the sources the article cites for it
    # 3. the verdict's evidence
    # 4. the rating scale
    with django_assert_num_queries(4):
        get(client, claim)


@pytest.fixture
def claim_with_everything(editor):
    """A claim with cited sources, a consistency check, a retracted verdict, a corrected current verdict reused
    on another article, another fact-checker's check of it and our verdict on an earlier appearance."""
    article = make_article(["The mayor said turnout was 45% on Monday.", "Turnout was 55% in 2020."])
    claim = make_claim(article)
    make_citation(article=article, url="https://stats.example/turnout", claims=[claim])
    make_consistency_check(article=article, claims=[claim], ok=False, detail="The shares do not add up.")
    reviews.retract_verdict(publish(claim, editor, rating="true"), by=editor, note="We misread the table.")
    verdict = publish(claim, editor, evidence_urls=["https://a.example/1"])
    reviews.update_verdict(
        verdict, by=editor, expected_version=verdict.version, correction_note="Summary reworded.", summary="No."
    )
    repeat = make_claim(make_article(["The mayor said turnout was 45% on Monday."], title="The repeat"))
    reviews.reuse_verdict(repeat, claim, by=editor)
    check = ExternalFactCheck.objects.create(
        url="https://checker.example/turnout", publisher="Other Checker", claim_reviewed="Turnout was 45%."
    )
    ClaimMatch.objects.create(claim=claim, kind=ClaimMatch.Kind.EXTERNAL, external=check, score=0.9)
    earlier = make_claim(make_article(["In 2022 the mayor said turnout was 45% on Monday."]))
    publish(earlier, editor, rating="half-true", summary="Partly so.")
    ClaimMatch.objects.create(claim=claim, kind=ClaimMatch.Kind.VERDICT, matched_claim=earlier, score=0.8)
    return claim


def test_a_claim_page_shows_each_thing_its_claim_has(client, claim_with_everything):
    page = get(client, claim_with_everything)
    assert "stats.example" in page  # cited
    assert "a.example" in page  # evidence
    assert "The shares do not add up." in page
    assert "We misread the table." in page
    assert "Summary reworded." in page
    assert "Other Checker" in page
    assert re.search(r"Also checked by.*<strong>Half true</strong>", page, re.S)  # our earlier verdict
    assert [work.get("headline") for work in claim_review(page)["itemReviewed"]["appearance"]][1] == "The repeat"


def test_a_claim_page_with_everything_reads_in_nine_queries(client, claim_with_everything, django_assert_num_queries):
    # the four of every page (claim, sources, evidence, rating scale), and one each for what this claim has:
    # 5. its consistency checks
    # 6. its verdict's corrections, with the ratings they replaced
    # 7. its retracted verdicts, with their ratings
    # 8. the other claims showing its verdict, with their articles (ClaimReview's appearances)
    # 9. its matches, with what they point at ("Also checked by")
    with django_assert_num_queries(9):
        get(client, claim_with_everything)


def claimant(name, kind, **fields):
    from claims.models import Claimant

    return Claimant.objects.create(name=name, kind=kind, slug=name.lower().replace(" ", "-"), **fields)


@pytest.mark.parametrize(
    ("kind", "schema_type"), [("person", "Person"), ("organisation", "Organization"), ("unknown", None)]
)
def test_the_claimant_entity_decides_the_claim_review_author(client, editor, kind, schema_type):
    claim = make_claim(claimant_entity=claimant("Norma Torres", kind, url="https://torres.house.gov/"))
    publish(claim, editor)
    page = get(client, claim)
    review = claim_review(page)
    assert_valid_claim_review(review)
    if schema_type is None:  # a name we cannot type is left out rather than typed wrong
        assert "author" not in review["itemReviewed"]
    else:
        assert review["itemReviewed"]["author"] == {
            "@type": schema_type,
            "name": "Norma Torres",
            "url": "https://torres.house.gov/",
        }
    assert '<a href="/claimants/norma-torres/">Norma Torres</a>' in page


def test_the_statement_as_checked_is_the_headline_and_claim_reviewed(client, editor):
    claim = make_claim(statement="Turnout was 45% on Monday")
    publish(claim, editor)
    page = get(client, claim)
    assert '<h1 id="claim-heading" class="claim-statement">“Turnout was 45% on Monday”</h1>' in page
    assert claim_review(page)["claimReviewed"] == "Turnout was 45% on Monday"
    assert "The mayor said turnout was 45% on Monday." in page  # the sentence stays, in context


def test_when_and_where_it_was_said(client, editor):
    article = make_article(["The mayor said turnout was 45%."], url="https://news.example/story")
    claim = make_claim(
        article,
        claim_date=datetime.date(2024, 3, 5),
        venue="a post on X",
        venue_url="https://x.com/mayor/status/1",
    )
    publish(claim, editor)
    page = get(client, claim)
    who = re.search(r'<p class="claim-who" lang="en">(.*?)</p>', page, re.S).group(1)
    assert '<time datetime="2024-03-05">5 March 2024</time>' in who
    assert '<a href="https://x.com/mayor/status/1" rel="nofollow noopener">a post on X</a>' in who
    item = claim_review(page)["itemReviewed"]
    assert item["datePublished"] == "2024-03-05"
    assert item["firstAppearance"] == {
        "@type": "CreativeWork",
        "url": "https://x.com/mayor/status/1",
        "name": "a post on X",
    }
    assert [work["url"] for work in item["appearance"]] == [
        "https://x.com/mayor/status/1",
        "https://news.example/story",
    ]


def test_a_claimant_page_is_found_by_the_entitys_address(client, editor):
    entity = claimant("Norma Torres", "person")
    publish(make_claim(claimant_entity=entity, claimant="Rep. Torres"), editor)
    page = client.get("/claimants/norma-torres/").content.decode()
    assert "<h1>Norma Torres</h1>" in page
    assert "Person" in page

"""Ingestion pre-fills the claim as checked: statement, claimant entity, date and venue."""

import datetime

import pytest

from articles.analysis import reextract_article
from articles.ingest import ingest_article
from claims.models import Claim, Claimant

pytestmark = pytest.mark.django_db

TWEET = "https://twitter.com/FredrickEAlbre1/status/1195388119937359872"


@pytest.fixture
def snopes(corpus_dir):
    return ingest_article((corpus_dir / "snopes_yovanovitch_net_worth_2019.html").read_bytes())


def test_reported_tweet_becomes_statement_claimant_and_venue(snopes):
    claim = snopes.claims.get(text__startswith="While the tweet shown above")
    assert claim.statement == "Marie Yovanovitch has a net worth of $17 million"
    assert claim.claimant_entity.name == "@FredrickEAlbre1"
    assert (claim.venue, claim.venue_url) == ("Tweet", TWEET)


def test_claim_date_is_the_articles_date():
    article = ingest_article(
        '<html><head><meta property="article:published_time" content="2019-11-18T10:15:00+00:00"></head>'
        "<body><p>The governor said unemployment fell to 3.5% in March.</p></body></html>"
    )
    assert article.claims.get().claim_date == datetime.date(2019, 11, 18)


def test_a_claim_without_own_post_has_the_article_as_venue(seed_article):
    claim = seed_article.claims.filter(claimant="Norma Torres").first()
    assert claim.venue == (seed_article.outlet or "")
    assert claim.venue_url == seed_article.url


def test_checked_statement_falls_back_to_the_sentence(snopes):
    claim = snopes.claims.get(text__startswith="We have found no evidence")
    assert claim.statement == ""
    assert claim.checked_statement == claim.text


def test_the_same_claimant_is_one_entity_across_claims_and_articles(seed_article):
    torres_claims = seed_article.claims.filter(claimant="Norma Torres")
    assert torres_claims.count() > 1
    assert torres_claims.values("claimant_entity").distinct().count() == 1
    other = ingest_article("<p>Rep. Norma Torres said the embassy spent $4 million on the programme last year.</p>")
    claim = other.claims.get()
    assert claim.claimant_entity == torres_claims.first().claimant_entity


def test_organisations_and_people_get_their_kind(seed_article):
    assert Claimant.objects.get(name="State Department").kind == Claimant.Kind.ORGANISATION
    assert Claimant.objects.get(name="Norma Torres").kind == Claimant.Kind.PERSON


def test_a_claim_the_article_makes_has_no_claimant_entity(seed_article):
    article_claims = seed_article.claims.filter(claimant="").exclude(venue="Tweet")
    assert article_claims.exists()
    assert not article_claims.filter(claimant_entity__isnull=False).exists()


def test_a_handle_recorded_as_alias_resolves_to_the_person():
    Claimant.objects.create(name="Nayib Bukele", slug="nayib-bukele", aliases=["@nayibbukele"])
    article = ingest_article(
        '<p>Bukele urged voters to reject the measure, which costs $40 million, in a <a href="https://twitter.com/'
        'nayibbukele/status/1377840717884706819">tweet</a> last year.</p>'
    )
    claim = article.claims.get()
    assert claim.claimant_entity.name == "Nayib Bukele"
    assert claim.venue == "Tweet"


def test_reextraction_fills_what_a_reviewer_left_empty_and_keeps_what_they_wrote(snopes):
    edited = snopes.claims.get(text__startswith="While the tweet shown above")
    emptied = snopes.claims.get(text__startswith="In sum, the claim")
    Claim.objects.filter(pk=edited.pk).update(statement="Yovanovitch is worth $17 million")
    Claim.objects.filter(pk=emptied.pk).update(statement="", venue="", claimant_entity=None)
    reextract_article(snopes)
    edited.refresh_from_db()
    emptied.refresh_from_db()
    assert edited.statement == "Yovanovitch is worth $17 million"
    assert emptied.statement == "Marie Yovanovitch has a net worth of $17 million"
    assert emptied.venue == snopes.outlet

"""Where a claim was made: the claimant's own post, the post a sentence reports, or the article."""

from claims.venues import claim_venue, handle_matches

ARTICLE = {"article_venue": "Snopes", "article_url": "https://www.snopes.com/fact-check/yovanovitch/"}
TWEET = "https://twitter.com/FredrickEAlbre1/status/1195388119937359872"


def test_a_reported_tweet_is_the_venue_and_its_account_the_claimant():
    venue = claim_venue(
        claimant="", sentence="While the tweet shown above claimed that X, others…", cited=[TWEET], **ARTICLE
    )
    assert (venue.venue, venue.url, venue.claimant) == ("Tweet", TWEET, "@FredrickEAlbre1")


def test_the_claimants_own_post_is_the_venue():
    post = "https://x.com/nayibbukele/status/123"
    venue = claim_venue(claimant="Nayib Bukele", sentence="Bukele said the vote was won.", cited=[post], **ARTICLE)
    assert (venue.venue, venue.url, venue.claimant) == (
        "Tweet",
        "https://twitter.com/nayibbukele/status/123",
        "Nayib Bukele",
    )


def test_someone_elses_post_leaves_the_article_as_venue():
    venue = claim_venue(claimant="Norma Torres", sentence="Torres answered the tweet.", cited=[TWEET], **ARTICLE)
    assert (venue.venue, venue.url, venue.claimant) == ("Snopes", ARTICLE["article_url"], "Norma Torres")


def test_an_unattributed_sentence_citing_a_news_link_keeps_the_article():
    venue = claim_venue(claimant="", sentence="The economy posted growth.", cited=["https://apnews.com/x"], **ARTICLE)
    assert venue.venue == "Snopes"


def test_handle_matching_accepts_the_usual_account_spellings():
    assert handle_matches("Norma Torres", "@RepNormaTorres")
    assert handle_matches("Nayib Bukele", "@nayibbukele")
    assert not handle_matches("Norma Torres", "@FredrickEAlbre1")

"""Feeds as a feed reader parses them: no markup from untrusted text survives, every Atom entry is dated."""

import feedparser
import lxml.html
import pytest

from .conftest import make_article, make_claim, publish

pytestmark = pytest.mark.django_db

HOSTILE_SUMMARY = '<img src=x onerror="alert(1)"><b>bold</b> & more'
HOSTILE_SENTENCE = 'The mayor said <script>alert("t")</script> turnout\twas 45% & rising.'
FEEDS = ["/feeds/verdicts.atom", "/feeds/verdicts.rss"]


@pytest.fixture
def hostile(editor):
    article = make_article([HOSTILE_SENTENCE])
    return publish(make_claim(article), editor, summary=HOSTILE_SUMMARY)


def parse(client, url):
    # sanitize_html off: we see what a feed reader without a sanitizer of its own would render.
    feed = feedparser.parse(client.get(url).content, sanitize_html=False)
    assert not feed.bozo, feed.get("bozo_exception")
    return feed


def displayed(detail):
    """What a reader shows for a feed text construct: HTML is rendered (and must hold no element), text is shown."""
    if detail.type == "text/plain":
        return detail.value
    fragment = lxml.html.fragment_fromstring(detail.value, create_parent="div")
    assert [element.tag for element in fragment.iter()] == ["div"], f"markup survives: {detail.value!r}"
    return fragment.text_content()


@pytest.mark.parametrize("url", FEEDS)
def test_summaries_reach_the_reader_as_the_reviewers_words_not_markup(client, hostile, url):
    entry = parse(client, url).entries[0]
    assert displayed(entry.summary_detail) == HOSTILE_SUMMARY


@pytest.mark.parametrize("url", FEEDS)
def test_titles_are_the_rating_and_the_quoted_claim_as_text(client, hostile, url):
    entry = parse(client, url).entries[0]
    assert (
        displayed(entry.title_detail) == 'False: “The mayor said <script>alert("t")</script> turnout was 45% & rising.”'
    )


@pytest.mark.parametrize("url", FEEDS)
def test_long_titles_are_shortened(client, editor, url):
    publish(make_claim(make_article(["The mayor said " + "very " * 60 + "much."])), editor)
    title = displayed(parse(client, url).entries[0].title_detail)
    assert len(title) <= 160
    assert title.endswith("…”")


def test_every_atom_entry_has_updated_and_published(client, editor):
    for sentence in ("One said 10% of it.", "Two said 20% of it."):
        publish(make_claim(make_article([sentence])), editor)
    feed = parse(client, "/feeds/verdicts.atom")
    assert len(feed.entries) == 2
    assert all("updated" in entry for entry in feed.entries)
    assert all("published" in entry for entry in feed.entries)

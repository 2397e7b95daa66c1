"""Canonical URLs: one source for every way of linking to the same resource."""

import pytest

from claims.sources import SourceKind, canonical_url, describe_source


@pytest.mark.parametrize(
    ("url", "canonical"),
    [
        (
            "https://twitter.com/NormaJTorres/status/1377819131798462464?s=20&t=3nFpxQ_UoC4_NbXA-pEQcw",
            "https://twitter.com/NormaJTorres/status/1377819131798462464",
        ),
        (
            "https://x.com/NormaJTorres/status/1377819131798462464",
            "https://twitter.com/NormaJTorres/status/1377819131798462464",
        ),
        (
            "https://mobile.twitter.com/NormaJTorres/status/1377819131798462464/photo/1",
            "https://twitter.com/NormaJTorres/status/1377819131798462464",
        ),
        ("HTTPS://WWW.Example.COM/Path?utm_source=x&utm_medium=y&id=3#section", "https://example.com/Path?id=3"),
        ("https://m.youtube.com/watch?v=yNa6SCjYcTE&feature=share", "https://youtube.com/watch?v=yNa6SCjYcTE"),
        ("https://youtu.be/yNa6SCjYcTE", "https://youtube.com/watch?v=yNa6SCjYcTE"),
        ("https://news.example/a?fbclid=abc&gclid=def&page=2", "https://news.example/a?page=2"),
        ("https://news.example/a?b=2&a=1", "https://news.example/a?a=1&b=2"),
        ("http://example.org:80/x", "http://example.org/x"),
        ("https://example.org", "https://example.org/"),
    ],
)
def test_canonical_url(url, canonical):
    assert canonical_url(url) == canonical


def test_twitter_s_and_t_are_only_dropped_on_twitter():
    assert canonical_url("https://example.org/search?s=term&t=2") == "https://example.org/search?s=term&t=2"


@pytest.mark.parametrize(
    ("url", "kind", "handle"),
    [
        ("https://twitter.com/nayibbukele/status/1377840717884706819?s=20", SourceKind.SOCIAL_POST, "@nayibbukele"),
        ("https://www.youtube.com/watch?v=yNa6SCjYcTE", SourceKind.VIDEO, ""),
        ("https://www.state.gov/salvadoran-re-election-ruling-undermines-democracy/", SourceKind.GOVERNMENT, ""),
        ("https://www.gov.uk/government/news/x", SourceKind.GOVERNMENT, ""),
        ("https://www.hrw.org/news/2021/05/21/x", SourceKind.NGO, ""),
        ("https://www.nbcnews.com/politics/2022-elections/california-house-results", SourceKind.NEWS, ""),
        ("https://mailchi.mp/fb104dcb5a1d/torres-declares-reelectionvictory2022", SourceKind.PRESS_RELEASE, ""),
        ("https://acme.example/press-releases/2024/launch", SourceKind.PRESS_RELEASE, ""),
        ("https://shop.example/item", SourceKind.OTHER, ""),
    ],
)
def test_source_kind_and_handle(url, kind, handle):
    info = describe_source(url)
    assert info.kind == kind
    assert info.handle == handle


def test_site_name_splits_a_domain_into_words():
    from claims.sources import site_name

    assert site_name("https://www.millbrookdaily.com/2024/count") == "Millbrook Daily"


def test_site_name_keeps_a_label_whose_split_would_be_fragments():
    from claims.sources import site_name

    assert site_name("https://www.snopes.com/fact-check/x/") == "Snopes"


def test_site_name_of_a_social_post_is_its_account():
    from claims.sources import site_name

    assert site_name("https://twitter.com/CountyClerk/status/123") == "@CountyClerk"

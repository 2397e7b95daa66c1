"""Importing other fact-checkers' ClaimReviews: every input shape, broken input, and re-import."""

import json
from datetime import date

import pytest
from django.core.management import CommandError, call_command

from matching.claimreview_import import ImportFormatError, read_claim_reviews
from matching.models import ExternalFactCheck

from .factories import claim_review

pytestmark = pytest.mark.django_db

REVIEW = claim_review(
    "https://checker.example/bukele",
    "Nayib Bukele won 53% of the vote.",
    publisher="Checker",
    author="Nayib Bukele",
    label="Mostly true",
    rating_value="4",
    inLanguage="en",
)


def write(path, content):
    path.write_text(content if isinstance(content, str) else json.dumps(content), encoding="utf-8")
    return path


def test_one_claimreview_is_read_with_every_field():
    [record], errors = read_claim_reviews(json.dumps(REVIEW), kind="json")
    assert errors == []
    assert (record.url, record.publisher, record.publisher_url) == (
        "https://checker.example/bukele",
        "Checker",
        "https://checker.example/",
    )
    assert (record.rating_value, record.best_rating, record.worst_rating, record.rating_label) == (
        4.0,
        5,
        1,
        "Mostly true",
    )
    assert record.claim_author == "Nayib Bukele"
    assert record.published_at == date(2024, 5, 1)
    assert record.language == "en"


def test_a_list_and_a_datafeed_are_read():
    second = claim_review("https://checker.example/two", "Taxes rose 10% in 2023.")
    feed = {
        "@context": "https://schema.org",
        "@type": "DataFeed",
        "dataFeedElement": [{"@type": "DataFeedItem", "item": [REVIEW]}, second],
    }
    listed, _ = read_claim_reviews(json.dumps([REVIEW, second]), kind="json")
    fed, _ = read_claim_reviews(json.dumps(feed), kind="json")
    assert (
        [r.url for r in listed]
        == [r.url for r in fed]
        == ["https://checker.example/bukele", "https://checker.example/two"]
    )


def test_an_html_page_gives_its_claimreview_and_ignores_other_json_ld():
    page = (
        '<html><head><link rel="canonical" href="https://checker.example/page">'
        '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "x"}</script>'
        f'<script type="application/ld+json">{json.dumps({**REVIEW, "url": None})}</script>'
        "</head><body><p>Text</p></body></html>"
    )
    [record], errors = read_claim_reviews(page, kind="html")
    assert errors == []
    assert record.url == "https://checker.example/page"  # the canonical link stands in for the missing url


def test_broken_items_get_their_own_error_and_the_rest_is_read():
    items = [
        REVIEW,
        {"@type": "ClaimReview", "url": "https://checker.example/x"},
        {"@type": "ClaimReview", "claimReviewed": "No address."},
        {"@type": "ClaimReview", "claimReviewed": "Bad url.", "url": "javascript:alert(1)"},
        {
            "@type": "ClaimReview",
            "claimReviewed": "Bad rating.",
            "url": "https://c.example/r",
            "reviewRating": {"ratingValue": "high"},
        },
        {"@type": "Person", "name": "Not a review"},
        "a string",
    ]
    records, errors = read_claim_reviews(json.dumps(items), kind="json")
    assert [r.url for r in records] == ["https://checker.example/bukele"]
    assert [e.item for e in errors] == ["2", "3", "4", "5", "6", "7"]
    assert "claimReviewed" in errors[0].message
    assert "url is missing" in errors[1].message
    assert "http(s)" in errors[2].message
    assert "ratingValue" in errors[3].message


@pytest.mark.parametrize(
    "content, kind, message",
    [
        ("{not json", "json", "Not valid JSON"),
        ("[]", "json", "No ClaimReview"),
        (b"\x00\x01binary", "json", "binary"),
        (b"\xff\xfe\xfa", "json", "UTF-8"),
        ("<html><body>no markup</body></html>", "html", "no ClaimReview"),
        ("   ", "html", "empty"),
    ],
)
def test_unreadable_input_is_refused_as_a_whole(content, kind, message):
    with pytest.raises(ImportFormatError, match=message):
        read_claim_reviews(content, kind=kind)


def test_command_imports_a_folder_and_reimport_updates(tmp_path, capsys):
    folder = tmp_path / "feeds"
    folder.mkdir()
    write(folder / "one.json", REVIEW)
    write(
        folder / "page.html",
        f'<script type="application/ld+json">{json.dumps(claim_review("https://c.example/p", "Crime fell 5%."))}</script>',
    )
    write(folder / "broken.json", "{oops")
    write(folder / "notes.txt", "ignored")
    call_command("import_claimreview", str(folder))
    assert ExternalFactCheck.objects.count() == 2
    out = capsys.readouterr()
    assert "broken.json: Not valid JSON" in out.err
    assert "Imported 2 new" in out.out

    write(folder / "one.json", {**REVIEW, "reviewRating": {"@type": "Rating", "alternateName": "False"}})
    call_command("import_claimreview", str(folder / "one.json"))
    check = ExternalFactCheck.objects.get(url="https://checker.example/bukele")
    assert check.rating_label == "False"
    assert check.rating_value is None
    assert ExternalFactCheck.objects.count() == 2
    assert "updated 1" in capsys.readouterr().out


def test_command_fails_when_nothing_could_be_imported(tmp_path):
    with pytest.raises(CommandError, match="0 new"):
        call_command("import_claimreview", str(write(tmp_path / "bad.json", "nope")))
    with pytest.raises(CommandError):
        call_command("import_claimreview", str(tmp_path / "missing.json"))

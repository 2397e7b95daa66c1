"""The ingest, load_seeds and extract commands."""

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from articles.models import Article
from claims.models import Claim
from tests.conftest import SEED_PATH

pytestmark = pytest.mark.django_db


def test_ingest_reports_bad_files_and_still_ingests_the_good_ones(tmp_path, settings):
    settings.FACTCHECK_MAX_ARTICLE_BYTES = 20_000
    (tmp_path / "good.html").write_bytes(SEED_PATH.read_bytes())
    (tmp_path / "empty.html").write_bytes(b"")
    (tmp_path / "binary.html").write_bytes(b"\x00\x01\x02\x03" * 10)
    (tmp_path / "latin.html").write_bytes("<p>caf\xe9</p>".encode("latin-1"))
    (tmp_path / "huge.html").write_bytes(b"<p>" + b"x" * 30_000 + b"</p>")
    (tmp_path / "notes.md").write_text("not an article")
    out, err = StringIO(), StringIO()
    with pytest.raises(CommandError):
        call_command("ingest", str(tmp_path), "--no-progress", stdout=out, stderr=err)
    assert Article.objects.count() == 1
    messages = err.getvalue()
    for name, reason in (
        ("empty.html", "empty"),
        ("binary.html", "binary"),
        ("latin.html", "undecodable"),
        ("huge.html", "too_large"),
    ):
        assert name in messages and f"[{reason}]" in messages
    assert "notes.md" not in messages
    assert "1 new articles" in out.getvalue() and "4 failed" in out.getvalue()


def test_ingest_succeeds_with_zero_exit_when_every_file_goes_in(tmp_path):
    (tmp_path / "a.html").write_text("<p>The council voted 7-2 on Monday to close the library.</p>")
    out = StringIO()
    call_command("ingest", str(tmp_path / "a.html"), "--no-progress", stdout=out)
    assert "1 new articles" in out.getvalue()


def test_load_seeds_is_idempotent():
    call_command("load_seeds", stdout=StringIO())
    counts = (Article.objects.count(), Claim.objects.count())
    call_command("load_seeds", stdout=StringIO())
    assert (Article.objects.count(), Claim.objects.count()) == counts == (1, counts[1])


def test_extract_prints_the_json_contract_and_writes_nothing():
    out = StringIO()
    call_command("extract", str(SEED_PATH), stdout=out)
    report = json.loads(out.getvalue())
    assert {"title", "text", "paragraphs", "sources", "claims", "quotes", "checks"} <= report.keys()
    assert report["paragraphs"] == 34
    assert len(report["sources"]) == 15
    assert {"url", "domain", "kind", "hrefs", "anchors"} <= report["sources"][0].keys()
    claim = next(c for c in report["claims"] if "57.4%" in c["text"])
    assert {
        "text",
        "type",
        "claimant",
        "target",
        "paragraph",
        "start",
        "end",
        "checkworthiness",
        "checkworthy",
        "numbers",
        "sources",
    } <= claim.keys()
    assert claim["numbers"] == [{"value": 57.4, "unit": "percent", "qualifier": None, "subject": "Norma Torres"}]
    assert report["text"][claim["start"] : claim["end"]] == claim["text"]
    assert {"text", "speaker", "paragraph", "start", "end"} <= report["quotes"][0].keys()
    assert report["checks"][0]["kind"] == "vote_shares_sum" and report["checks"][0]["ok"]
    assert Article.objects.count() == 0


def test_extract_reports_an_unreadable_file_clearly(tmp_path):
    with pytest.raises(CommandError, match="binary"):
        call_command("extract", str(_write(tmp_path / "x.html", b"\x00\x00\x00")), stdout=StringIO())
    with pytest.raises(CommandError, match="No such file"):
        call_command("extract", str(tmp_path / "missing.html"), stdout=StringIO())


def _write(path, data):
    path.write_bytes(data)
    return path


def test_ingest_refuses_url_with_a_folder_instead_of_ignoring_it(tmp_path):
    (tmp_path / "a.html").write_text("<p>The council voted 7-2 on Monday to close the library.</p>")
    with pytest.raises(CommandError, match="not a folder"):
        call_command("ingest", str(tmp_path), "--url", "https://example.org/story", "--no-progress")
    assert Article.objects.count() == 0


def test_reextract_of_an_unknown_article_fails_and_names_it():
    with pytest.raises(CommandError, match="No article with id 99999"):
        call_command("reextract", "--article", "99999", "--no-progress", stdout=StringIO())

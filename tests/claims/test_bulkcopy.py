"""insert_rows: what COPY writes reads back exactly as the ORM would have stored it."""

from datetime import timedelta

import pytest
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from articles.ingest import ingest_article
from claims.bulkcopy import insert_created_history, insert_rows
from claims.models import Claim

pytestmark = pytest.mark.django_db

TRICKY_TEXT = 'Tab\there, a back\\slash, \\N, a "quote", café — 57.4%\nand a new line'


def test_rows_read_back_with_every_value_intact(seed_article):
    row = {
        "article_id": seed_article.pk,
        "text": TRICKY_TEXT,
        "paragraph": 3,
        "start": 10,
        "end": 10 + len(TRICKY_TEXT),
        "claimant": "Nayib Bukele",
        "claimant_slug": "nayib-bukele",
        "checkworthiness": 0.8125,
        "checkworthy": True,
        "checkworthiness_features": {"numbers": 2, "cue": "accus\\ed\t", "nested": [1, None, "ü"]},
        "numbers": [{"value": 57.4, "unit": "%", "qualifier": "", "subject": "vote"}],
    }

    [claim_id] = insert_rows(Claim, [row])

    claim = Claim.objects.get(pk=claim_id)
    for name, value in row.items():
        assert getattr(claim, name) == value, name
    assert claim.status == Claim.Status.NEW and claim.stale is False
    assert claim.assigned_to_id is None and claim.current_verdict_id is None
    assert claim.not_checkworthy_reason == ""
    assert claim.created_at is not None and claim.updated_at is not None


def test_ids_follow_the_rows_and_the_sequence_moves_past_them(seed_article):
    rows = [
        {"article_id": seed_article.pk, "text": word, "paragraph": 0, "start": 0, "end": len(word)}
        for word in ["one", "three", "five"]
    ]

    ids = insert_rows(Claim, rows)

    assert [Claim.objects.get(pk=pk).text for pk in ids] == ["one", "three", "five"]
    later = Claim.objects.create(article=seed_article, text="later", paragraph=0, start=0, end=5)
    assert later.pk > max(ids)


def test_ingested_claims_get_a_creation_history_row_matching_the_claim(seed_html):
    article = ingest_article(seed_html)

    claims = {claim.pk: claim for claim in article.claims.all()}
    history = Claim.history.filter(id__in=claims).order_by("history_id")
    assert [record.id for record in history] == sorted(claims), "one row per claim, in the claims' order"
    tracked = [field.attname for field in Claim.history.model.tracked_fields]
    for record in history:
        claim = claims[record.id]
        assert record.history_type == "+" and record.history_user_id is None and record.history_change_reason == ""
        assert {name: getattr(record, name) for name in tracked} == {name: getattr(claim, name) for name in tracked}
        assert abs(record.history_date - claim.created_at) < timedelta(seconds=5)


def test_created_history_keeps_every_value_of_the_rows_inserted(seed_article):
    rows = [
        {
            "article_id": seed_article.pk,
            "text": text,
            "paragraph": 1,
            "start": 0,
            "end": len(text),
            "claimant": "Nayib Bukele",
            "checkworthiness": 0.8125,
            "status": Claim.Status.IN_REVIEW,
            "numbers": [{"value": 57.4, "unit": "%", "qualifier": "", "subject": "vote"}],
        }
        for text in [TRICKY_TEXT, "plain"]
    ]
    ids = insert_rows(Claim, rows)
    when = timezone.now() - timedelta(days=1)

    insert_created_history(Claim, ids, when=when)

    tracked = [field.attname for field in Claim.history.model.tracked_fields]
    for claim_id in ids:
        [record] = Claim.history.filter(id=claim_id)
        claim = Claim.objects.get(pk=claim_id)
        assert {name: getattr(record, name) for name in tracked} == {name: getattr(claim, name) for name in tracked}
        assert (record.history_type, record.history_date) == ("+", when)


TEXT = st.text(st.characters(blacklist_characters="\x00", blacklist_categories=("Cs",)), min_size=1, max_size=60)


def test_any_text_and_json_read_back_intact(seed_article):
    @settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(text=TEXT | st.sampled_from(["\\", "\\N", "\r\n", "a\tb", "\\\t"]), claimant=TEXT)
    def check(text, claimant):
        row = {
            "article_id": seed_article.pk,
            "text": text,
            "claimant": claimant,
            "paragraph": 0,
            "start": 0,
            "end": len(text),
            "checkworthiness_features": {"cue": claimant, "words": [text]},
        }
        [claim_id] = insert_rows(Claim, [row])
        stored = Claim.objects.values(*row).get(pk=claim_id)
        assert stored == row

    check()


def test_rows_nobody_refers_to_are_numbered_by_the_table(seed_article):
    rows = [
        {"article_id": seed_article.pk, "text": word, "paragraph": 0, "start": 0, "end": len(word)}
        for word in ["one", "three", "five"]
    ]

    assert insert_rows(Claim, rows, ids=False) is None

    stored = list(Claim.objects.filter(text__in=["one", "three", "five"]).order_by("pk").values_list("text", flat=True))
    assert stored == ["one", "three", "five"]
    [after] = insert_rows(Claim, [{**rows[0], "text": "seven", "end": 5}])
    assert after > Claim.objects.get(text="five").pk

"""The extractor against gold readings: the seed's targets, and two composed articles that check it generalises."""

import json

import pytest

from bench.eval_extraction import evaluate, failed_targets
from tests.conftest import GOLD_DIR, SEED_GOLD_PATH, SEED_PATH

GOLD_ARTICLES = [
    (SEED_PATH, SEED_GOLD_PATH),
    (GOLD_DIR / "springfield_mayor_race.html", GOLD_DIR / "springfield_mayor_race.gold.json"),
    (GOLD_DIR / "state_budget_page.html", GOLD_DIR / "state_budget_page.gold.json"),
]


@pytest.mark.parametrize(("article", "gold"), GOLD_ARTICLES, ids=lambda p: p.name)
def test_extraction_meets_the_targets(article, gold):
    result = evaluate(article.read_bytes(), json.loads(gold.read_text(encoding="utf-8")))
    assert failed_targets(result) == [], result["errors"]


def test_seed_targets_in_detail():
    result = evaluate(SEED_PATH.read_bytes(), json.loads(SEED_GOLD_PATH.read_text(encoding="utf-8")))
    assert result["paragraphs"] == 34 and result["links"] == 17
    assert result["recall"] >= 0.90
    assert result["type_accuracy"] >= 0.85
    assert result["not_checkworthy_flagged"] <= 2
    assert result["claimant_accuracy"] >= 0.85
    assert result["speaker_accuracy"] == 1.0
    assert result["cited_source_accuracy"] == 1.0
    assert result["number_accuracy"] == 1.0
    assert result["consistency_found"] == 1


def test_composed_page_keeps_furniture_out_and_reads_metadata():
    from articles.parsing import parse_article

    gold = json.loads((GOLD_DIR / "state_budget_page.gold.json").read_text(encoding="utf-8"))
    article = parse_article((GOLD_DIR / "state_budget_page.html").read_bytes())
    assert len(article.paragraphs) == gold["paragraphs"]
    for text in gold["not_in_body"]:
        assert text not in article.text
    assert article.title == gold["metadata"]["title"]
    assert article.outlet == gold["metadata"]["outlet"]
    assert article.byline == gold["metadata"]["byline"]

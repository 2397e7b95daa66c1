"""Check-worthiness weights fitted to reviewers' decisions, on synthetic decisions."""

import json
import random
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from articles.ingest import ingest_article
from articles.models import Article
from claims.extraction.checkworthiness import score_checkworthiness
from claims.extraction.learned import fit_weights, load_weights, save_weights
from claims.models import Claim

SHOUTY_OPINION = "I think this is simply the worst idea anyone has ever had."
FIGURE = "Turnout fell to 38% in March."


def synthetic_decisions(count=400, seed=7):
    """Reviewers who take up every claim with a figure and refuse every claim that is only opinion."""
    rng = random.Random(seed)
    for _ in range(count):
        if rng.random() < 0.5:
            yield ["quantity", rng.choice(["date", "event", "named_entity"])], 1
        else:
            yield ["opinion", rng.choice(["superlative", "event", "named_entity"])], 0


def test_fitted_weights_learn_the_direction_of_each_feature():
    learned = fit_weights(synthetic_decisions())
    assert learned.weights["quantity"] > 1
    assert learned.weights["opinion"] < -1
    assert learned.positives + learned.negatives == 400


def test_learned_weights_decide_a_score_the_rules_decide_otherwise():
    # The rules flag a superlative opinion as worth checking; these reviewers refuse superlatives.
    decisions = [(["superlative"], 0)] * 50 + [(["quantity"], 1)] * 50
    learned = fit_weights(decisions)
    rule_score, _ = score_checkworthiness("It was the biggest and best rally the county has ever seen.")
    learned_score, features = score_checkworthiness(
        "It was the biggest and best rally the county has ever seen.", learned=learned
    )
    assert rule_score >= 0.5
    assert learned_score < 0.5
    assert features["superlative"] < 0


def test_fitting_needs_both_kinds_of_decision():
    with pytest.raises(ValueError):
        fit_weights([(["quantity"], 1)] * 10)


def test_weights_round_trip_through_a_versioned_file(tmp_path):
    learned = fit_weights(synthetic_decisions(), version=3)
    save_weights(learned, tmp_path / "w.json")
    payload = json.loads((tmp_path / "w.json").read_text())
    assert payload["version"] == 3 and payload["format"] == "factcheck.checkworthiness-weights"
    loaded = load_weights(tmp_path / "w.json")
    assert loaded.version == 3
    assert loaded.score(["quantity", "date"]) == learned.score(["quantity", "date"])


def test_a_file_of_another_format_is_refused(tmp_path):
    (tmp_path / "w.json").write_text('{"weights": {"quantity": 9}}')
    with pytest.raises(ValueError):
        load_weights(tmp_path / "w.json")


@pytest.mark.django_db
def test_the_command_fits_review_decisions_and_ingestion_then_uses_them(tmp_path, settings):
    settings.FACTCHECK_CHECKWORTHINESS_WEIGHTS = tmp_path / "weights.json"
    article = Article.objects.create(html="<p>x</p>", text="x", content_hash="0" * 64)
    for index, (features, label) in enumerate(synthetic_decisions(60)):
        Claim.objects.create(
            article=article,
            text=f"Claim {index}",
            paragraph=0,
            start=0,
            end=len(f"Claim {index}"),
            checkworthiness_features=dict.fromkeys(features, 0.1),
            checkworthy=bool(label),
            status=Claim.Status.IN_REVIEW if label else Claim.Status.NEW,
            not_checkworthy_reason="" if label else "opinion",
        )
    out = StringIO()
    call_command("fit_checkworthiness", stdout=out)
    assert "version 1" in out.getvalue()
    call_command("fit_checkworthiness", stdout=out)
    assert "version 2" in out.getvalue()
    article = ingest_article(f"<p>{SHOUTY_OPINION}</p><p>{FIGURE}</p>")
    opinion = article.claims.get(text=SHOUTY_OPINION)
    figure = article.claims.get(text=FIGURE)
    assert opinion.checkworthiness < 0.2 and not opinion.checkworthy
    assert figure.checkworthy
    assert set(figure.checkworthiness_features) >= {"quantity"}


@pytest.mark.django_db
def test_the_command_explains_when_there_are_no_decisions(tmp_path, settings):
    settings.FACTCHECK_CHECKWORTHINESS_WEIGHTS = tmp_path / "weights.json"
    with pytest.raises(CommandError, match="at least one each"):
        call_command("fit_checkworthiness", stdout=StringIO())
    assert not (tmp_path / "weights.json").exists()

"""Check-worthiness weights learned from reviewers' decisions: fit, save, load, score.

The shipped score is rule-based (``checkworthiness.WEIGHTS``, additive).
A newsroom that has reviewed enough claims can fit the same features'
weights to its own decisions with logistic regression: each claim is the set
of features that fired on it, labelled 1 when reviewers took it up as
check-worthy and 0 when they marked it not check-worthy. The fitted model
stays explainable: a claim's score is the logistic of a bias plus the
learned weight of each feature that fired, and ``features`` keeps those
weights, as the rule-based score does.

Pure Python: claims are grouped by their feature set first (a few hundred
distinct sets, however many claims), so batch gradient descent over the
groups takes milliseconds, and no numerical library is needed.
"""

import json
import math
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from .checkworthiness import THRESHOLD, WEIGHTS

FORMAT = "factcheck.checkworthiness-weights"
FORMAT_VERSION = 1


@dataclass(frozen=True)
class LearnedWeights:
    """A fitted model: ``bias`` and one weight (log-odds) per feature; ``version`` counts the fits."""

    bias: float
    weights: dict = field(default_factory=dict)
    version: int = 1
    fitted_at: str = ""
    positives: int = 0
    negatives: int = 0

    def score(self, fired):
        """``(score, features)`` for the names of the features that fired: a probability and their weights."""
        features = {name: round(self.weights.get(name, 0.0), 3) for name in fired}
        logit = self.bias + sum(features.values())
        return round(1 / (1 + math.exp(-max(-60.0, min(60.0, logit)))), 3), features

    def as_json(self):
        return {
            "format": FORMAT,
            "format_version": FORMAT_VERSION,
            "version": self.version,
            "fitted_at": self.fitted_at,
            "positives": self.positives,
            "negatives": self.negatives,
            "threshold": THRESHOLD,
            "bias": round(self.bias, 6),
            "weights": {name: round(weight, 6) for name, weight in sorted(self.weights.items())},
        }


def fit_weights(examples, *, iterations=2000, learning_rate=0.5, l2=0.01, version=1):
    """Fit ``LearnedWeights`` to ``examples``, an iterable of ``(feature names, label)`` with label 0 or 1.

    L2 regularisation keeps a feature seen on a handful of claims near zero
    instead of letting it decide alone. Raises ``ValueError`` unless both
    labels occur.
    """
    groups = Counter()
    for names, label in examples:
        groups[(frozenset(name for name in names if name in WEIGHTS), 1 if label else 0)] += 1
    positives = sum(count for (_, label), count in groups.items() if label)
    negatives = sum(count for (_, label), count in groups.items() if not label)
    if not positives or not negatives:
        raise ValueError("Need claims reviewers took up and claims they marked not check-worthy, at least one each.")
    total = positives + negatives
    names = sorted({name for (fired, _), _ in groups.items() for name in fired})
    weights = dict.fromkeys(names, 0.0)
    bias = math.log(positives / negatives)
    for _ in range(iterations):
        gradient = dict.fromkeys(names, 0.0)
        bias_gradient = 0.0
        for (fired, label), count in groups.items():
            logit = bias + sum(weights[name] for name in fired)
            error = (1 / (1 + math.exp(-max(-60.0, min(60.0, logit)))) - label) * count
            bias_gradient += error
            for name in fired:
                gradient[name] += error
        bias -= learning_rate * bias_gradient / total
        for name in names:
            weights[name] -= learning_rate * (gradient[name] / total + l2 * weights[name])
    return LearnedWeights(
        bias=bias,
        weights=weights,
        version=version,
        fitted_at=datetime.now(UTC).isoformat(timespec="seconds"),
        positives=positives,
        negatives=negatives,
    )


def save_weights(learned, path):
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_suffix(path.suffix + ".tmp")
    temporary.write_text(json.dumps(learned.as_json(), indent=1) + "\n", encoding="utf-8")
    temporary.replace(path)  # readers never see a half-written file


def load_weights(path):
    """The ``LearnedWeights`` in ``path``, or None when there is no such file.

    Raises ``ValueError`` for a file that is not a weights file of a format
    this code reads, rather than scoring with something else.
    """
    path = Path(path)
    if not path.is_file():
        return None
    payload = json.loads(path.read_text(encoding="utf-8"))
    if payload.get("format") != FORMAT or payload.get("format_version") != FORMAT_VERSION:
        raise ValueError(f"{path} is not a {FORMAT} file of format version {FORMAT_VERSION}.")
    weights = payload.get("weights")
    if not isinstance(weights, dict) or not all(isinstance(v, int | float) for v in weights.values()):
        raise ValueError(f"{path} has no valid weights.")
    return LearnedWeights(
        bias=float(payload["bias"]),
        weights={name: float(value) for name, value in weights.items()},
        version=int(payload.get("version", 1)),
        fitted_at=str(payload.get("fitted_at", "")),
        positives=int(payload.get("positives", 0)),
        negatives=int(payload.get("negatives", 0)),
    )

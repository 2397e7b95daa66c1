"""Learning check-worthiness from reviewers: their decisions in, a weights file out, and the weights in use.

``manage.py fit_checkworthiness`` calls ``fit_from_reviews``; ingestion and
re-extraction ask ``active_weights`` for the model to score with (None, and
so the shipped rule-based weights, until a file has been fitted).
"""

from django.conf import settings

from .extraction.learned import fit_weights, load_weights, save_weights
from .models import Claim

_cache = {}


def review_decisions():
    """``(feature names, label)`` for every claim a reviewer decided on.

    Label 1: a claim reviewers took up (in review, reviewed or published) and
    left check-worthy. Label 0: a claim marked not check-worthy, with a reason.
    Claims nobody has looked at yet teach nothing and are left out.
    """
    taken_up = (
        Claim.objects.filter(checkworthy=True, stale=False)
        .exclude(status=Claim.Status.NEW)
        .values_list("checkworthiness_features", flat=True)
    )
    refused = (
        Claim.objects.filter(checkworthy=False)
        .exclude(not_checkworthy_reason="")
        .values_list("checkworthiness_features", flat=True)
    )
    for features in taken_up.iterator(chunk_size=2000):
        yield list(features or {}), 1
    for features in refused.iterator(chunk_size=2000):
        yield list(features or {}), 0


def fit_from_reviews(path=None):
    """Fit weights to the review decisions and save them, one version above the file they replace."""
    path = path or settings.FACTCHECK_CHECKWORTHINESS_WEIGHTS
    previous = load_weights(path)
    learned = fit_weights(review_decisions(), version=previous.version + 1 if previous else 1)
    save_weights(learned, path)
    return learned


def active_weights():
    """The fitted weights to score with, or None for the rule-based ones; re-read when the file changes."""
    path = settings.FACTCHECK_CHECKWORTHINESS_WEIGHTS
    try:
        stamp = (str(path), path.stat().st_mtime_ns)
    except (OSError, AttributeError):
        return None
    if _cache.get("stamp") != stamp:
        _cache["weights"] = load_weights(path)
        _cache["stamp"] = stamp
    return _cache["weights"]

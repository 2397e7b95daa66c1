"""The stored published-verdict tally: how many public claims carry each rating, kept equal to a fresh count.

The home page's chart read it by grouping every current verdict on each
request, which grows with the table (86 ms at 200,000 claims). Instead, every
write that can change a claim's current rating or its visibility takes a
``snapshot`` of the claims it touches before, and ``settle``s after: the
difference between the two counts of those claims (a handful of rows) is
added to ``RatingTally`` in the same transaction. Writers: the review rulebook
(publish, correct, reuse, rating changes) and re-extraction (claims going
stale or deleted); the admin refuses to delete a published verdict, and so
an article that has one. ``recount`` rebuilds the table from scratch (the migration,
the scale generator, and ``manage.py recount_rating_tally`` after a bulk change
made outside these services).
"""

from collections import Counter

from django.db import models, transaction

from .models import Claim, Rating, RatingTally


def fresh_counts(claims=None):
    """``{rating id: claims whose current verdict has it}``, counted now: all public claims, or ``claims``."""
    queryset = Claim.objects.public() if claims is None else claims
    rows = queryset.rated().order_by().values_list("current_verdict__rating").annotate(n=models.Count("id"))
    return Counter(dict(rows))


def verdict_counts(verdicts):
    """``{rating id: verdicts}`` among ``verdicts``, each verdict once however many claims show it."""
    return Counter(dict(verdicts.order_by().values_list("rating").annotate(n=models.Count("id"))))


def stored_counts():
    """``{rating id: count}`` as stored (ratings without a tally row count 0)."""
    return Counter(dict(RatingTally.objects.filter(claims__gt=0).values_list("rating_id", "claims")))


def snapshot(claims):
    """The current count of ``claims`` (a queryset, re-read by ``settle``) before a change to them."""
    return fresh_counts(claims.public())


def settle(claims, before):
    """Add to the tally what the change did to ``claims`` since ``snapshot`` returned ``before``."""
    after = fresh_counts(claims.public())
    for rating_id in set(before) | set(after):
        delta = after[rating_id] - before[rating_id]
        if delta:
            _add(rating_id, delta)


def _add(rating_id, delta):
    updated = RatingTally.objects.filter(rating_id=rating_id).update(claims=models.F("claims") + delta)
    if not updated:
        # A rating added since the last recount: its row starts at zero (and cannot be negative).
        RatingTally.objects.get_or_create(rating_id=rating_id)
        RatingTally.objects.filter(rating_id=rating_id).update(claims=models.F("claims") + delta)


@transaction.atomic
def recount():
    """Rebuild the tally from a fresh count of every claim; returns ``{rating id: count}``."""
    counts = fresh_counts()
    RatingTally.objects.all().delete()
    RatingTally.objects.bulk_create(
        RatingTally(rating_id=rating_id, claims=counts.get(rating_id, 0))
        for rating_id in Rating.objects.values_list("id", flat=True)
    )
    return counts

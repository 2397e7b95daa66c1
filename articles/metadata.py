"""Editors fix an article's metadata after ingestion: title, outlet, byline, URL, publication date, language.

Parsing reads these from the HTML and sometimes reads them wrong (the seed's
title is a truncated sentence and it names no outlet). Who may fix them is the
review rulebook's question (``claims.reviews.can_edit_article``); this module
checks the values (an http(s) URL, a language code, a date that can be true)
and writes the change with its history: who, when, from what to what.

The title, outlet, URL and date show on every public page and in the
ClaimReview of the article's claims, which read the article as it is now.
"""

import datetime as dt
from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.utils import timezone

from claims import reviews
from claims.models import Claim
from integrations import changes as change_log

from .models import LANGUAGE_CODE, Article

# Older than anything a newsroom checks: a year like 0202 or 1025 is a typo, not an archive.
EARLIEST_PUBLICATION = dt.datetime(1900, 1, 1, tzinfo=dt.UTC)
# An article dated a day ahead can be true in its own time zone; later than that it cannot.
FUTURE_SLACK = dt.timedelta(days=1)

_http_url = URLValidator(schemes=["http", "https"])


def clean_url(value: str) -> str:
    """The article's address, stripped; empty when unknown. Only http(s) addresses a reader can follow."""
    value = (value or "").strip()
    if not value:
        return ""
    if urlsplit(value).scheme.lower() not in {"http", "https"}:
        raise ValidationError("The URL must start with http:// or https://.", code="url_scheme")
    try:
        _http_url(value)
    except ValidationError:
        raise ValidationError("This is not a valid web address.", code="url_invalid") from None
    return value


def clean_language(value: str) -> str:
    """A two- or three-letter ISO 639 code in lower case ("en", "fr", "haw"); empty when unknown.

    The same form parsing stores and public pages put in ``lang`` attributes.
    """
    value = (value or "").strip().lower()
    if value and not LANGUAGE_CODE.fullmatch(value):
        raise ValidationError(
            "Use the language's two- or three-letter ISO 639 code, e.g. “en” or “fr”.", code="language"
        )
    return value


def clean_published_at(value: dt.datetime | None, *, now: dt.datetime | None = None) -> dt.datetime | None:
    """The publication date, unless it cannot be true: before 1900 or more than a day ahead."""
    if value is None:
        return None
    now = now or timezone.now()
    if value < EARLIEST_PUBLICATION:
        raise ValidationError("The publication date is before 1900; check the year.", code="date_too_early")
    if value > now + FUTURE_SLACK:
        raise ValidationError("The publication date is in the future; check it.", code="date_in_future")
    return value


def _clean_text(value: str) -> str:
    return (value or "").strip()


CLEANERS = {
    "title": _clean_text,
    "outlet": _clean_text,
    "byline": _clean_text,
    "url": clean_url,
    "published_at": clean_published_at,
    "language": clean_language,
    "republishable": bool,
}


def clean_metadata(values: dict) -> dict:
    """``values`` checked and normalised; ``ValidationError`` with a message per bad field."""
    unknown = set(values) - set(reviews.ARTICLE_METADATA_FIELDS)
    if unknown:
        raise ValueError(f"Not article metadata: {', '.join(sorted(unknown))}")
    cleaned, errors = {}, {}
    for field, value in values.items():
        try:
            cleaned[field] = CLEANERS[field](value)
        except ValidationError as error:
            errors[field] = error
    if errors:
        raise ValidationError(errors)
    return cleaned


@transaction.atomic
def update_article_metadata(article: Article, *, by, **values) -> Article:
    """Fix ``article``'s metadata (``claims.reviews.ARTICLE_METADATA_FIELDS``) as ``by``; returns the saved article.

    Refused with ``ReviewError`` unless the rulebook lets ``by`` edit
    articles; bad values raise ``ValidationError``. The first change also
    records the article as it was ingested (ingestion writes no history), so
    the history always shows where a value came from. A save that changes
    nothing writes nothing. Mirrors hear of it through the change log: the
    article, and its claims when the title they carry changed.
    """
    if not reviews.can_edit_article(by, article):
        raise reviews.ReviewError(
            "Only an editor can change an article's title, outlet, URL, date or language.", "forbidden"
        )
    cleaned = clean_metadata(values)
    current = Article.objects.select_for_update().defer("html", "text").get(pk=article.pk)
    changed = {field: value for field, value in cleaned.items() if getattr(current, field) != value}
    if not changed:
        return current
    if not current.history.exists():
        _record_as_ingested(current)
    for field, value in changed.items():
        setattr(current, field, value)
    current._history_user = by
    current._change_reason = "Changed " + ", ".join(Article._meta.get_field(f).verbose_name for f in changed)
    current.save(update_fields=[*changed, "updated_at"])
    change_log.record(current, change_log.Kind.UPDATED)
    if "title" in changed:
        # Claim rows carry their article's title (the API's ``article_title``): they changed too.
        claims = Claim.objects.filter(article=current)
        claims.update(updated_at=current.updated_at)
        change_log.record_many(list(claims.only("id", "updated_at")), change_log.Kind.UPDATED)
    return current


def _record_as_ingested(article):
    """A history row for the article as ingestion stored it, dated then and by nobody."""
    History = Article.history.model
    History.objects.create(
        history_date=article.ingested_at,
        history_type="+",
        history_change_reason="As ingested",
        history_user=None,
        **{field.attname: getattr(article, field.attname) for field in History.tracked_fields},
    )

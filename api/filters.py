"""Query filters of every list: typed, bounded, and answering 400 to a value they cannot read."""

from datetime import UTC, timedelta

from django import forms
from django.db import connections
from django_filters import rest_framework as filters
from django_filters.fields import IsoDateTimeField
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field

from articles.models import Article
from claims.models import Claim, Source, Verdict
from claims.selectors import matching, with_rating, with_sources

MAX_UTC_OFFSET = timedelta(hours=14)
# Ids in URLs are positive 64-bit integers; anything else is a 404 before it reaches the database.
ID_PATTERN = "[0-9]{1,18}"


@extend_schema_field({"type": "integer", "minimum": 1, "maximum": 2**63 - 1})
class IdFilter(filters.NumberFilter):
    """An object id: documented as a bounded integer, so generated clients never send 1e141."""

    field_class = forms.IntegerField


class UtcDateTimeField(IsoDateTimeField):
    """An ISO 8601 date-time, normalised to UTC; offsets no real time zone has (over 14 hours) are invalid input."""

    def to_python(self, value):
        parsed = super().to_python(value)
        if parsed is None:
            return None
        offset = parsed.utcoffset()
        if offset is not None and abs(offset) > MAX_UTC_OFFSET:
            raise forms.ValidationError("The time zone offset is out of range.", code="invalid")
        try:
            return parsed.astimezone(UTC) if offset is not None else parsed
        except OverflowError:
            raise forms.ValidationError("The date is out of range.", code="invalid") from None


class DateTimeFilter(filters.IsoDateTimeFilter):
    field_class = UtcDateTimeField


def strict_boolean(**kwargs):
    """A true/false filter that answers 400 to anything else, instead of silently not filtering."""
    return filters.TypedChoiceFilter(
        choices=[("true", "true"), ("false", "false")], coerce=lambda value: value == "true", **kwargs
    )


class ArticleFilter(filters.FilterSet):
    outlet = filters.CharFilter(lookup_expr="iexact")
    language = filters.CharFilter()
    published_after = DateTimeFilter(field_name="published_at", lookup_expr="gte")
    published_before = DateTimeFilter(field_name="published_at", lookup_expr="lt")

    class Meta:
        model = Article
        fields = ["outlet", "language"]


class ClaimFilter(filters.FilterSet):
    type = filters.ChoiceFilter(field_name="claim_type", choices=Claim.Type.choices)
    status = filters.ChoiceFilter(choices=Claim.Status.choices)
    rating = filters.CharFilter(method="filter_rating", help_text="A rating slug, or `unreviewed`.")
    claimant = filters.CharFilter(lookup_expr="icontains")
    checkworthy = strict_boolean()
    has_sources = strict_boolean(method="filter_has_sources")
    stale = strict_boolean()
    created_after = DateTimeFilter(field_name="created_at", lookup_expr="gte")
    created_before = DateTimeFilter(field_name="created_at", lookup_expr="lt")
    published_after = DateTimeFilter(field_name="article__published_at", lookup_expr="gte")
    published_before = DateTimeFilter(field_name="article__published_at", lookup_expr="lt")
    search = filters.CharFilter(method="filter_search", help_text="Words in the claim's text or claimant.")
    article = IdFilter(
        field_name="article_id", min_value=1, max_value=2**63 - 1, help_text="Claims of this article id."
    )

    class Meta:
        model = Claim
        fields = []

    @extend_schema_field(OpenApiTypes.STR)
    def filter_rating(self, queryset, name, value):
        if value == "unreviewed":
            return queryset.filter(current_verdict__isnull=True)
        return with_rating(queryset, value)

    @extend_schema_field({"type": "string", "enum": ["true", "false"]})
    def filter_has_sources(self, queryset, name, value):
        return with_sources(queryset, cited=value)

    @extend_schema_field(OpenApiTypes.STR)
    def filter_search(self, queryset, name, value):
        return matching(queryset, value, vendor=connections[queryset.db].vendor)


class VerdictFilter(filters.FilterSet):
    status = filters.ChoiceFilter(choices=Verdict.Status.choices)
    rating = filters.CharFilter(field_name="rating__slug")
    published_after = DateTimeFilter(field_name="published_at", lookup_expr="gte")
    published_before = DateTimeFilter(field_name="published_at", lookup_expr="lt")
    claim = IdFilter(field_name="claim_id", min_value=1, max_value=2**63 - 1)

    class Meta:
        model = Verdict
        fields = []


class SourceFilter(filters.FilterSet):
    kind = filters.ChoiceFilter(choices=Source.Kind.choices)
    domain = filters.CharFilter(lookup_expr="iexact")

    class Meta:
        model = Source
        fields = ["kind", "domain"]

"""Query filters of every list: typed, bounded, and answering 400 to a value they cannot read."""

from datetime import UTC, timedelta

from django import forms
from django.db import connections
from django_filters import rest_framework as filters
from django_filters.fields import IsoDateTimeField
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework.exceptions import ValidationError
from rest_framework.filters import OrderingFilter

from articles import selectors as article_selectors
from articles.errors import IngestError
from articles.ingest import normalise_url
from articles.models import Article
from claims import selectors as claim_selectors
from claims.models import Claim, Claimant, Rating, Source, Verdict
from claims.selectors import matching, with_rating, with_sources
from matching.models import ExternalFactCheck
from matching.selectors import with_match

from .pagination import ordering_expression

MAX_UTC_OFFSET = timedelta(hours=14)
# Ids in URLs are positive 64-bit integers; anything else is a 404 before it reaches the database.
ID_PATTERN = "[0-9]{1,18}"
UPDATED_AFTER = (
    "Changed at or after this time (ISO 8601). With `ordering=updated_at`, the way to re-read what changed "
    "since your last sync; `/api/v1/changes/` also reports deletions."
)


class FilterSet(filters.FilterSet):
    """django-filter's FilterSet with its form class built once per filter set, not once per request.

    django-filter builds a new form class, and a form field for every
    filter, on each request; on an uncached claim list that was a tenth of
    the request. The fields depend only on the filter set's declaration, and
    each bound form copies them as any Django form does, so one class serves
    every request.
    """

    def get_form_class(self):
        built = type(self).__dict__.get("_built_form_class")
        if built is None:
            built = super().get_form_class()
            type(self)._built_form_class = built
        return built


class FilterBackend(filters.DjangoFilterBackend):
    """django-filter's backend, skipping the filter set when the query names none of its filters.

    With no filter in the query every filter would pass the rows through
    unchanged (django-filter skips empty values), so there is nothing to
    validate and nothing to filter: a list's first page costs no form.
    """

    def filter_queryset(self, request, queryset, view):
        filterset_class = self.get_filterset_class(view, queryset)
        if filterset_class is not None and not any(
            name in filterset_class.base_filters for name in request.query_params
        ):
            return queryset
        return super().filter_queryset(request, queryset, view)


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


class LookupUrlField(forms.CharField):
    """An http(s) URL, read as ingestion reads an article's address (``articles.ingest.normalise_url``)."""

    def to_python(self, value):
        value = super().to_python(value)
        if not value:
            return value
        try:
            return normalise_url(value)
        except IngestError as error:
            raise forms.ValidationError(error.message, code="invalid") from None


@extend_schema_field({"type": "string", "format": "uri", "maxLength": 2048})
class UrlFilter(filters.CharFilter):
    """``?url=``-style lookups: any way of writing the address matches (tracking parameters, ``www.``, case of
    the host, fragment), because both sides are compared in canonical form (``claims.sources.canonical_url``)."""

    field_class = LookupUrlField

    def __init__(self, *, lookup, **kwargs):
        super().__init__(method=lambda queryset, name, value: lookup(queryset, value), **kwargs)


def require_rating(slug):
    """An unknown rating is a 400 naming the known ones, not an empty list that reads as "none rated so"."""
    known = list(Rating.objects.values_list("slug", flat=True))
    if slug not in known:
        raise ValidationError({"rating": [f"Unknown rating {slug!r}; one of: {', '.join(known)}."]})


def strict_boolean(**kwargs):
    """A true/false filter that answers 400 to anything else, instead of silently not filtering."""
    return filters.TypedChoiceFilter(
        choices=[("true", "true"), ("false", "false")], coerce=lambda value: value == "true", **kwargs
    )


class ArticleFilter(FilterSet):
    outlet = filters.CharFilter(lookup_expr="iexact", help_text="The publication's name, in any case.")
    language = filters.CharFilter(help_text="A primary language subtag as the article states it, e.g. `en`.")
    published_after = DateTimeFilter(
        field_name="published_at", lookup_expr="gte", help_text="Published at or after (as the article states)."
    )
    published_before = DateTimeFilter(field_name="published_at", lookup_expr="lt", help_text="Published before.")
    updated_after = DateTimeFilter(field_name="updated_at", lookup_expr="gte", help_text=UPDATED_AFTER)
    updated_before = DateTimeFilter(field_name="updated_at", lookup_expr="lt", help_text="Changed before.")
    url = UrlFilter(
        lookup=article_selectors.at_url,
        help_text="Articles ingested from this address, written any way (`http:` or `https:`, with or without "
        "`www.`, tracking parameters or a fragment). Usually zero or one; more when the page was ingested "
        "again after it changed.",
    )

    class Meta:
        model = Article
        fields = ["outlet", "language"]


class ClaimFilter(FilterSet):
    type = filters.ChoiceFilter(field_name="claim_type", choices=Claim.Type.choices)
    status = filters.ChoiceFilter(choices=Claim.Status.choices)
    rating = filters.CharFilter(
        method="filter_rating",
        help_text="Claims whose current (published) verdict has this rating (a slug of `/api/v1/ratings/`), "
        "or `unreviewed` for claims without one.",
    )
    claimant = filters.CharFilter(
        lookup_expr="icontains", help_text="Part of the claimant's name as the article gives it, in any case."
    )
    checkworthy = strict_boolean(help_text="Judged worth checking (`true`) or not (`false`).")
    has_sources = strict_boolean(
        method="filter_has_sources", help_text="The claim's sentence links to at least one source (`true`) or none."
    )
    stale = strict_boolean(help_text="No longer found in its article by the extractor; kept for its history.")
    created_after = DateTimeFilter(field_name="created_at", lookup_expr="gte", help_text="Extracted at or after.")
    created_before = DateTimeFilter(field_name="created_at", lookup_expr="lt", help_text="Extracted before.")
    published_after = DateTimeFilter(
        field_name="article__published_at", lookup_expr="gte", help_text="Its article was published at or after."
    )
    published_before = DateTimeFilter(
        field_name="article__published_at", lookup_expr="lt", help_text="Its article was published before."
    )
    updated_after = DateTimeFilter(field_name="updated_at", lookup_expr="gte", help_text=UPDATED_AFTER)
    updated_before = DateTimeFilter(field_name="updated_at", lookup_expr="lt", help_text="Changed before.")
    search = filters.CharFilter(method="filter_search", help_text="Words in the claim's text or claimant.")
    has_match = strict_boolean(
        method="filter_has_match", help_text="Possibly already checked: by us or by another fact-checker."
    )
    article = IdFilter(
        field_name="article_id", min_value=1, max_value=2**63 - 1, help_text="Claims of this article id."
    )
    claimant_id = IdFilter(
        field_name="claimant_entity_id",
        min_value=1,
        max_value=2**63 - 1,
        help_text="Claims of this claimant (`/api/v1/claimants/{id}/`).",
    )
    source_url = UrlFilter(
        lookup=claim_selectors.citing,
        help_text="Claims that cite this link (written any way: tracking parameters, `www.`, `x.com` for "
        "`twitter.com`…): which claims rest on a given source?",
    )

    class Meta:
        model = Claim
        fields = []

    @extend_schema_field(OpenApiTypes.STR)
    def filter_rating(self, queryset, name, value):
        if value == "unreviewed":
            return queryset.filter(current_verdict__isnull=True)
        require_rating(value)
        return with_rating(queryset, value)

    @extend_schema_field({"type": "string", "enum": ["true", "false"]})
    def filter_has_sources(self, queryset, name, value):
        return with_sources(queryset, cited=value)

    @extend_schema_field(OpenApiTypes.STR)
    def filter_search(self, queryset, name, value):
        return matching(queryset, value, vendor=connections[queryset.db].vendor)

    @extend_schema_field({"type": "string", "enum": ["true", "false"]})
    def filter_has_match(self, queryset, name, value):
        return with_match(queryset, has_match=value)


class VerdictFilter(FilterSet):
    status = filters.ChoiceFilter(
        choices=Verdict.Status.choices, help_text="`draft` only for reviewers and editors; readers see the others."
    )
    rating = filters.CharFilter(method="filter_rating", help_text="A rating slug of `/api/v1/ratings/`.")
    published_after = DateTimeFilter(field_name="published_at", lookup_expr="gte", help_text="Published at or after.")
    published_before = DateTimeFilter(field_name="published_at", lookup_expr="lt", help_text="Published before.")
    updated_after = DateTimeFilter(field_name="updated_at", lookup_expr="gte", help_text=UPDATED_AFTER)
    updated_before = DateTimeFilter(field_name="updated_at", lookup_expr="lt", help_text="Changed before.")
    claim = IdFilter(
        field_name="claim_id", min_value=1, max_value=2**63 - 1, help_text="Verdicts on this claim id, all versions."
    )

    class Meta:
        model = Verdict
        fields = []

    @extend_schema_field(OpenApiTypes.STR)
    def filter_rating(self, queryset, name, value):
        require_rating(value)
        return queryset.filter(rating__slug=value)


class SourceFilter(FilterSet):
    kind = filters.ChoiceFilter(choices=Source.Kind.choices, help_text="What kind of source it is.")
    domain = filters.CharFilter(lookup_expr="iexact", help_text="The host without `www.`, e.g. `cdc.gov`.")
    url = UrlFilter(
        lookup=claim_selectors.at_url,
        help_text="The source this link points at, in canonical form (zero or one row).",
    )

    class Meta:
        model = Source
        fields = ["kind", "domain"]


class ClaimantFilter(FilterSet):
    kind = filters.ChoiceFilter(choices=Claimant.Kind.choices)
    name = filters.CharFilter(lookup_expr="icontains", help_text="Part of the claimant's name, in any case.")

    class Meta:
        model = Claimant
        fields = []


class StableOrderingFilter(OrderingFilter):
    """``?ordering=`` that always ends in the id, so equal values never make paging skip or repeat a row.

    Unknown fields are 400 (DRF's own filter ignores them silently).
    Nullable columns get an explicit nulls placement, the same on every
    database (see ``api.pagination.ordering_expression``).
    """

    def get_ordering(self, request, queryset, view):
        raw = request.query_params.get(self.ordering_param)
        if raw is None:
            terms = list(getattr(view, "ordering", None) or ["id"])
        else:
            allowed = set(view.ordering_fields)
            terms = [term.strip() for term in raw.split(",")]
            unknown = [term for term in terms if term.lstrip("-") not in allowed]
            if unknown or not raw.strip():
                choices = ", ".join(sorted(allowed))
                raise ValidationError({"ordering": [f"Order by one of: {choices} (prefix - to reverse)."]})
        for index, term in enumerate(terms):
            if term.lstrip("-") == "id":
                return terms[: index + 1]  # nothing after a unique column changes the order
        return [*terms, "-id" if terms[-1].startswith("-") else "id"]

    def filter_queryset(self, request, queryset, view):
        annotations = queryset.query.annotations
        expressions = [
            term
            if term.lstrip("-") in annotations
            else ordering_expression(queryset.model, term.lstrip("-"), term.startswith("-"))
            for term in self.get_ordering(request, queryset, view)
        ]
        return queryset.order_by(*expressions)

    def get_schema_operation_parameters(self, view):
        fields = list(view.ordering_fields)
        default = ",".join(getattr(view, "ordering", None) or ["id"])
        return [
            {
                "name": self.ordering_param,
                "required": False,
                "in": "query",
                "description": f"Sort order (default `{default}`); `-` reverses. Ties are broken by the id, "
                "so paging returns each row once.",
                "schema": {"type": "string", "enum": [*fields, *(f"-{field}" for field in fields)]},
            }
        ]


class StrictQueryParameters:
    """A query parameter the endpoint does not know is 400, instead of silently answering the unfiltered list.

    Lists know their filters, ``ordering`` and paging parameters; every
    endpoint knows ``format``.
    """

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        params = request.query_params
        errors = {name: ["Unknown query parameter."] for name in sorted(set(params) - self.known_query_parameters())}
        # Only the last of a repeated parameter would count: say so rather than silently drop the others.
        errors.update(
            {name: ["Given more than once; send it once."] for name in params if len(params.getlist(name)) > 1}
        )
        errors.update({name: ["Give an address to look up."] for name in self.blank_lookups(params)})
        if errors:
            raise ValidationError(errors)

    def blank_lookups(self, params):
        """Lookups by address given empty: they would otherwise answer the whole unfiltered list."""
        filterset = getattr(self, "filterset_class", None) if self.action == "list" else None
        if filterset is None:
            return []
        return [
            name
            for name, field in filterset.base_filters.items()
            if isinstance(field, UrlFilter) and name in params and not params[name].strip()
        ]

    def known_query_parameters(self):
        known = {"format"}
        if self.action != "list":
            return known
        for backend in self.filter_backends:
            if isinstance(backend, type) and issubclass(backend, OrderingFilter):
                known.add(backend.ordering_param)
            elif getattr(self, "filterset_class", None) is not None:
                known.update(self.filterset_class.base_filters)
        if self.paginator is not None:
            known.update(self.paginator.query_parameters)
        return known


class ExternalFactCheckFilter(FilterSet):
    publisher = filters.CharFilter(lookup_expr="iexact", help_text="The fact-checker's name.")
    language = filters.CharFilter(lookup_expr="iexact", help_text="The review's language, e.g. `en`.")
    claim_author = filters.CharFilter(lookup_expr="icontains", help_text="Part of who made the claim, in any case.")

    class Meta:
        model = ExternalFactCheck
        fields = []

"""Admin for claims, sources, citations, verdicts and the rating scale.

Every list pins its related rows with select_related/annotations so the
number of queries does not grow with the number of rows.
"""

from django.contrib import admin
from django.db.models import Count
from django.utils.html import format_html

from .models import Citation, Claim, ConsistencyCheck, Quotation, Rating, Source, Verdict


@admin.register(Rating)
class RatingAdmin(admin.ModelAdmin):
    list_display = ("label", "value", "badge", "definition", "order")
    ordering = ("order",)

    @admin.display(description="colour")
    def badge(self, rating):
        return format_html(
            '<span style="background:{};color:#fff;padding:1px 8px;border-radius:8px">{}</span>',
            rating.colour,
            rating.label,
        )


@admin.register(Source)
class SourceAdmin(admin.ModelAdmin):
    list_display = ("canonical_url", "domain", "kind", "handle", "citation_count")
    list_filter = ("kind",)
    search_fields = ("canonical_url", "domain", "handle")

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(citation_count=Count("citations"))

    @admin.display(ordering="citation_count", description="citations")
    def citation_count(self, source):
        return source.citation_count


@admin.register(Citation)
class CitationAdmin(admin.ModelAdmin):
    list_display = ("anchor_text", "source", "article", "paragraph")
    list_select_related = ("source", "article")
    search_fields = ("anchor_text", "href", "source__canonical_url")
    raw_id_fields = ("article", "source")
    readonly_fields = ("article", "source", "href", "anchor_text", "paragraph", "start", "end")


class VerdictInline(admin.StackedInline):
    model = Verdict
    extra = 0
    fields = ("rating", "summary", "rationale", "evidence", "status", "reviewer", "published_at")
    raw_id_fields = ("evidence", "reviewer")


@admin.register(Claim)
class ClaimAdmin(admin.ModelAdmin):
    list_display = (
        "short_text",
        "claim_type",
        "claimant",
        "article",
        "checkworthiness",
        "checkworthy",
        "status",
        "source_count",
    )
    list_filter = ("status", "claim_type", "checkworthy", "stale", "article__outlet")
    search_fields = ("text", "claimant", "article__title")
    list_select_related = ("article",)
    ordering = ("-checkworthy", "status", "-checkworthiness", "id")
    raw_id_fields = ("article", "sources")
    readonly_fields = (
        "article",
        "paragraph",
        "start",
        "end",
        "prefix",
        "suffix",
        "checkworthiness_features",
        "created_at",
        "updated_at",
    )
    inlines = [VerdictInline]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(source_count=Count("sources"))

    @admin.display(description="claim", ordering="text")
    def short_text(self, claim):
        return str(claim)

    @admin.display(description="sources", ordering="source_count")
    def source_count(self, claim):
        return claim.source_count or "unsourced"


@admin.register(Verdict)
class VerdictAdmin(admin.ModelAdmin):
    list_display = ("claim", "rating", "summary", "status", "reviewer", "published_at")
    list_filter = ("status", "rating")
    list_select_related = ("claim", "rating", "reviewer")
    search_fields = ("summary", "claim__text")
    raw_id_fields = ("claim", "evidence", "reviewer")


@admin.register(Quotation)
class QuotationAdmin(admin.ModelAdmin):
    list_display = ("text", "speaker", "article", "paragraph")
    list_select_related = ("article",)
    search_fields = ("text", "speaker")
    list_filter = ("article__outlet",)


@admin.register(ConsistencyCheck)
class ConsistencyCheckAdmin(admin.ModelAdmin):
    list_display = ("kind", "ok", "detail", "article")
    list_select_related = ("article",)
    list_filter = ("kind", "ok")

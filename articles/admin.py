"""Admin for articles: browse what was ingested, add new articles through ingestion, editors fix metadata.

Editors (``claims.reviews.can_edit_article``) fix the title, outlet, byline,
URL, date and language; reviewers see them read-only. Every fix goes through
``articles.metadata`` and is kept in the article's history.
"""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from simple_history.admin import SimpleHistoryAdmin

from claims import rendering, reviews, selectors
from claims.admin_rows import PlainActionCheckbox
from claims.models import Citation

from . import metadata
from .forms import ArticleIngestForm, ArticleMetadataForm
from .models import Article


class CitationInline(admin.TabularInline):
    model = Citation
    fields = ("paragraph", "anchor_text", "href", "source")
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = True

    def has_add_permission(self, request, obj=None):
        return False

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("source")


@admin.register(Article)
class ArticleAdmin(PlainActionCheckbox, SimpleHistoryAdmin):
    form = ArticleMetadataForm

    class Media:
        css = {"all": ["articles/admin.css"]}

    list_display = ("title", "outlet", "published_at", "claim_count", "citation_count", "ingested_at")
    list_filter = ("outlet", "language", "republishable")
    search_fields = ("title", "outlet", "byline", "url")
    date_hierarchy = "ingested_at"
    # Metadata is editable by editors (``has_change_permission``); the rest is what ingestion measured.
    readonly_fields = (
        "paragraph_count",
        "content_hash",
        "ingested_at",
        "sourcing",
        "annotated_text",
    )
    fieldsets = (
        (None, {"fields": ("title", "outlet", "byline", "published_at", "url", "language", "republishable")}),
        ("Sourcing report", {"fields": ("sourcing",)}),
        ("Text with claims", {"fields": ("annotated_text",)}),
        ("Ingestion", {"classes": ("collapse",), "fields": ("paragraph_count", "content_hash", "ingested_at")}),
    )
    inlines = [CitationInline]

    def get_queryset(self, request):
        return super().get_queryset(request).with_counts()

    def has_change_permission(self, request, obj=None):
        return reviews.can_edit_article(request.user, obj)

    def save_model(self, request, obj, form, change):
        try:
            saved = metadata.update_article_metadata(obj, by=request.user, **form.metadata_values())
        except reviews.ReviewError as error:
            raise PermissionDenied(error.message) from error
        form.instance = saved

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        # Reverting is a metadata fix like any other: editors only (the history page itself is open to readers of it).
        if request.method == "POST" and not reviews.can_edit_article(request.user):
            raise PermissionDenied
        return super().history_form_view(request, object_id, version_id, extra_context)

    @admin.display(ordering="claim_count", description="claims")
    def claim_count(self, article):
        return article.claim_count

    @admin.display(ordering="citation_count", description="citations")
    def citation_count(self, article):
        return article.citation_count

    @admin.display(description="text (claims highlighted by rating)")
    def annotated_text(self, article):
        claims = article.claims.select_related("current_verdict__rating")
        paragraphs = rendering.article_with_highlights(
            article, claims, link=lambda claim: reverse("admin:claims_claim_change", args=[claim.pk])
        )
        return format_html(
            '<div class="annotated-article">{}</div>',
            format_html_join("", "<p>{}</p>", ((paragraph,) for paragraph in paragraphs)),
        )

    @admin.display(description="sourcing")
    def sourcing(self, article):
        report = selectors.sourcing_report(article)
        primary = format_html_join(
            ", ",
            '<a href="{}" rel="nofollow noopener">{}</a>',
            ((s.canonical_url, s.domain + (f" {s.handle}" if s.handle else "")) for s in report.primary),
        )
        secondary = format_html_join(
            ", ", '<a href="{}" rel="nofollow noopener">{}</a>', ((s.canonical_url, s.domain) for s in report.secondary)
        )
        return format_html(
            "<p>{} claims, {} check-worthy; {} cite a source, <strong>{} unsourced</strong>.</p>"
            "<p>Primary sources: {}</p><p>Secondary sources: {}</p>",
            report.claims,
            report.checkworthy,
            report.sourced,
            report.unsourced,
            primary or "none",
            secondary or "none",
        )

    def add_view(self, request, form_url="", extra_context=None):
        """Adding an article means ingesting it: the same function as the CLI and the API."""
        if not self.has_add_permission(request):
            return redirect("admin:articles_article_changelist")
        form = ArticleIngestForm(request.POST or None, request.FILES or None)
        if request.method == "POST" and form.is_valid():
            result = form.save()
            if result is not None:
                if result.created:
                    messages.success(
                        request, f"Ingested “{result.article}” with {result.article.claims.count()} claims."
                    )
                else:
                    messages.info(request, f"This HTML was ingested before as “{result.article}”; nothing changed.")
                return redirect(reverse("admin:articles_article_change", args=[result.article.pk]))
        context = {
            **self.admin_site.each_context(request),
            "title": "Ingest an article",
            "form": form,
            "opts": self.model._meta,
            "has_view_permission": self.has_view_permission(request),
        }
        return TemplateResponse(request, "admin/articles/article/ingest.html", context)

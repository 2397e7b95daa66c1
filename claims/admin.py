"""The review desk: claim queue, claim in context, verdicts with history and safe concurrent edits.

Admin classes present and route; the rules live in ``claims.reviews`` and the
reads in ``claims.selectors``. Every list pins its related rows so the
number of queries does not grow with the number of rows.
"""

import contextvars

from django.contrib import admin, messages
from django.contrib.admin.views.main import ORDER_VAR, ChangeList
from django.core.exceptions import PermissionDenied
from django.urls import path
from django.utils.html import format_html, format_html_join
from simple_history.admin import SimpleHistoryAdmin

from articles.models import Article

from . import admin_desk, queues, rendering, reviews, selectors
from .admin_rows import CountedLikeALargeTable, PlainActionCheckbox
from .forms import ClaimActionForm, ClaimForm, VerdictActionForm, VerdictForm
from .models import Citation, Claim, Claimant, ConsistencyCheck, Correction, Quotation, Rating, Source, Topic, Verdict
from .quantities import format_quantity
from .rendering import render_rationale


def rating_badge(rating):
    """A rating as a coloured badge (desk.css); the colour is the rating's own, so it stays an inline value."""
    if rating is None:
        return format_html('<span class="rating-badge unrated">{}</span>', "Unreviewed")
    return format_html('<span class="rating-badge rated" style="background:{}">{}</span>', rating.colour, rating.label)


@admin.register(Rating)
class RatingAdmin(PlainActionCheckbox, admin.ModelAdmin):
    class Media:
        css = {"all": ["claims/desk.css"]}

    list_display = ("label", "value", "badge", "definition", "order")
    ordering = ("order",)

    @admin.display(description="colour")
    def badge(self, rating):
        return rating_badge(rating)


@admin.register(Topic)
class TopicAdmin(PlainActionCheckbox, admin.ModelAdmin):
    list_display = ("name", "slug", "description")
    search_fields = ("name", "slug")
    prepopulated_fields = {"slug": ("name",)}


@admin.register(Source)
class SourceAdmin(PlainActionCheckbox, admin.ModelAdmin):
    list_display = ("canonical_url", "title", "domain", "kind", "handle", "citation_count")
    list_filter = ("kind",)
    search_fields = ("canonical_url", "domain", "handle", "title", "publisher")
    fieldsets = (
        (None, {"fields": ("canonical_url", "domain", "kind", "handle")}),
        ("As readers see it in evidence", {"fields": ("title", "publisher", "published_on", "archive_url")}),
    )

    ordering = ("domain", "canonical_url")

    def get_queryset(self, request):
        return selectors.with_citation_counts(super().get_queryset(request))

    # Not sortable: sorting by it counts every citation of every source (selectors.count_up_to_cap).
    @admin.display(description="citations")
    def citation_count(self, source):
        return selectors.capped_count(source.citation_count)


@admin.register(Claimant)
class ClaimantAdmin(PlainActionCheckbox, admin.ModelAdmin):
    list_display = ("name", "kind", "slug", "claim_count")
    list_filter = ("kind",)
    search_fields = ("name", "normalised_name", "slug")
    readonly_fields = ("normalised_name",)

    def get_queryset(self, request):
        return selectors.with_claim_counts(super().get_queryset(request))

    # Not sortable: sorting by it counts every claim of every claimant (selectors.count_up_to_cap).
    @admin.display(description="claims")
    def claim_count(self, claimant):
        return selectors.capped_count(claimant.claim_count)


@admin.register(Citation)
class CitationAdmin(PlainActionCheckbox, admin.ModelAdmin):
    list_display = ("anchor_text", "source", "article", "paragraph")
    list_select_related = ("source", "article")
    search_fields = ("anchor_text", "href", "source__canonical_url")
    autocomplete_fields = ("article", "source")
    readonly_fields = ("article", "source", "href", "anchor_text", "paragraph", "start", "end")


class SourcedFilter(admin.SimpleListFilter):
    title = "sourcing"
    parameter_name = "sourced"

    def lookups(self, request, model_admin):
        return [("yes", "Cites a source"), ("no", "Unsourced")]

    def queryset(self, request, queryset):
        if self.value() in {"yes", "no"}:
            return selectors.with_sources(queryset, cited=self.value() == "yes")
        return queryset


class RatingFilter(admin.SimpleListFilter):
    title = "rating"
    parameter_name = "rating"

    def lookups(self, request, model_admin):
        return [*((rating.slug, rating.label) for rating in Rating.objects.all()), ("unreviewed", "Unreviewed")]

    def queryset(self, request, queryset):
        if self.value() == "unreviewed":
            return queryset.filter(current_verdict__isnull=True)
        if self.value():
            return selectors.with_rating(queryset, self.value())
        return queryset


class AssignedFilter(admin.SimpleListFilter):
    title = "assignment"
    parameter_name = "assigned"

    def lookups(self, request, model_admin):
        return [("me", "Assigned to me"), ("nobody", "Unassigned")]

    def queryset(self, request, queryset):
        if self.value() == "me":
            return queryset.filter(assigned_to=request.user)
        if self.value() == "nobody":
            return queryset.filter(assigned_to__isnull=True)
        return queryset


class SortableOnlyChangeList(ChangeList):
    """A list whose ``?o=`` sorts only by the columns in ``sortable_by``: other columns in it are dropped, and the
    list keeps its own order (Django hides their headers' links but still sorts by them when asked)."""

    def get_ordering(self, request, queryset):
        if ORDER_VAR in self.params:
            kept = [part for part in self.params[ORDER_VAR].split(".") if self.sorts_by(part)]
            if kept:
                self.params[ORDER_VAR] = ".".join(kept)
            else:
                del self.params[ORDER_VAR]
        return super().get_ordering(request, queryset)

    def sorts_by(self, part):
        try:
            return self.list_display[int(part.rpartition("-")[2])] in self.sortable_by
        except (IndexError, ValueError):
            return False


# The queue the changelist shows, for its rows' links to the review screen (ModelAdmin is shared across threads).
CURRENT_QUEUE = contextvars.ContextVar("current_queue", default="checkworthy")


class OutletFilter(admin.SimpleListFilter):
    """Claims by their article's outlet; articles without one are left out (an empty choice is an unnamed link)."""

    title = "outlet"
    parameter_name = "article__outlet"

    def lookups(self, request, model_admin):
        outlets = Article.objects.exclude(outlet="").order_by("outlet").values_list("outlet", flat=True).distinct()
        return [(outlet, outlet) for outlet in outlets[:100]]

    def queryset(self, request, queryset):
        return queryset.filter(article__outlet=self.value()) if self.value() else queryset


class QueueFilter(admin.SimpleListFilter):
    """The desk's queues (``claims.queues``) as the list's first filter: ``?queue=ready``."""

    title = "queue"
    parameter_name = "queue"

    def lookups(self, request, model_admin):
        return [(queue.slug, queue.label) for queue in queues.QUEUES]

    def queryset(self, request, queryset):
        if self.value() in queues.QUEUES_BY_SLUG:
            return queues.queue_claims(self.value(), request.user, queryset)
        return queryset


class VerdictInline(admin.StackedInline):
    model = Verdict
    form = VerdictForm
    extra = 0
    fields = (
        "rating",
        "summary",
        "rationale",
        "evidence",
        "evidence_urls",
        "correction_note",
        "version",
        "status",
        "reviewer",
        "published_at",
    )
    readonly_fields = ("status", "reviewer", "published_at")
    autocomplete_fields = ("evidence",)
    show_change_link = True

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("rating", "reviewer")

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        formset.form.user = request.user
        return formset

    def has_delete_permission(self, request, obj=None):
        # ``obj`` is the claim; each draft's own deletion is checked by the rulebook when the formset saves.
        return request.user.has_perm("claims.delete_verdict")


# What the extractor decided: shown to reviewers, never edited by hand.
EXTRACTION_FIELDS = (
    "article",
    "text",
    "paragraph",
    "start",
    "end",
    "prefix",
    "suffix",
    "checkworthiness",
    "features",
    "stale",
    "created_at",
    "updated_at",
)


class RulebookHistoryAdmin(PlainActionCheckbox, SimpleHistoryAdmin):
    """History pages whose Revert is offered, and accepted, only where the rulebook allows it."""

    def current(self, obj):
        return self.model.objects.filter(pk=obj.pk).first() if obj is not None else None

    def revert_disabled(self, request, obj=None):
        current = self.current(obj)
        return current is None or not reviews.can_revert(request.user, current)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        if request.method == "POST":
            current = self.model.objects.filter(pk=object_id).first()
            if current is None or not reviews.can_revert(request.user, current):
                raise PermissionDenied
        return super().history_form_view(request, object_id, version_id, extra_context)

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        form.user = request.user
        return form


@admin.register(Claim)
class ClaimAdmin(CountedLikeALargeTable, RulebookHistoryAdmin):
    form = ClaimForm
    # Compact: fits 1280 px without horizontal scrolling, a dozen claims and more per screen (desk.css).
    list_display = (
        "queue_claim",
        "claimant_name",
        "score",
        "status",
        "rating",
        "source_count",
        "assigned_to",
    )
    list_display_links = None
    list_filter = (
        QueueFilter,
        "status",
        "claim_type",
        RatingFilter,
        "checkworthy",
        SourcedFilter,
        AssignedFilter,
        "stale",
        OutletFilter,
    )
    # What the box searches is selectors.desk_search (get_search_results); these fields only switch the box on
    # and satisfy the claim pickers (autocomplete) of other pages, which search the same way.
    search_fields = ("text", "claimant")
    autocomplete_fields = ("article", "assigned_to", "sources", "claimant_entity", "topics")
    ordering = ("-checkworthy", "status", "-checkworthiness", "id")
    # Each row costs Django's admin about a third of a millisecond of Python (eight cells, each looked up, formatted
    # and escaped): at 50 rows that was half the page and put the list past 50 ms at the 95th percentile on a
    # loaded machine; 25 are two screens of this compact list, and the review screen walks the queue by key.
    list_per_page = 25
    show_facets = admin.ShowFacets.NEVER  # ?_facets counts every filter choice over the whole table: seconds
    # The score has an index; sorting a million claims by text, status, rating or assignee sorted the table
    # (0.4-2.4 s at 1M claims). Those are filters here, and the queue's own order is the score's.
    sortable_by = ("score",)
    action_form = ClaimActionForm
    actions = ("assign_to_me", "mark_in_review", "mark_not_checkworthy", "publish_latest_verdict")
    inlines = [VerdictInline]
    fieldsets = (
        (
            None,
            {
                "fields": (
                    "in_context",
                    "cited_sources",
                    "statement",
                    "claimant_entity",
                    "claim_date",
                    "venue",
                    "venue_url",
                    "claim_type",
                    "claimant",
                    "target",
                    "status",
                    "assigned_to",
                    "checkworthy",
                    "not_checkworthy_reason",
                )
            },
        ),
        ("Topics", {"fields": ("topics",)}),
        ("Numbers and checks", {"fields": ("numbers_table", "checks")}),
        (
            "Extraction",
            {
                "classes": ("collapse",),
                "fields": EXTRACTION_FIELDS,
            },
        ),
    )
    readonly_fields = ("in_context", "cited_sources", "numbers_table", "checks", *EXTRACTION_FIELDS)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        # "Possibly already checked" (claim matching) below the claim's fields; its buttons post to matching's admin.
        from matching.admin import desk_context

        extra_context = (
            {**(extra_context or {}), **desk_context(object_id, request.user)}
            if str(object_id).isdigit()
            else extra_context
        )
        return super().change_view(request, object_id, form_url, extra_context)

    def get_queryset(self, request):
        return selectors.claims_for_desk()

    def get_changelist(self, request, **kwargs):
        return SortableOnlyChangeList

    def get_search_results(self, request, queryset, search_term):
        return selectors.desk_search(queryset, search_term), False

    class Media:
        css = {"all": ["claims/desk.css"]}

    @admin.display(description="claim")
    def queue_claim(self, claim):
        """The statement (or sentence), linked to the review screen of this queue, with its article under it."""
        queue = CURRENT_QUEUE.get()
        return format_html(
            '<a class="queue-claim" href="{}" title="{}">{}</a><span class="queue-article">{}</span>',
            admin_desk.review_url(claim.pk, queue),
            claim.text,
            claim.checked_statement,
            claim.article.title[:90],
        )

    @admin.display(description="score", ordering="checkworthiness")
    def score(self, claim):
        return f"{claim.checkworthiness:.2f}"

    @admin.display(description="claimant")
    def claimant_name(self, claim):
        return claim.claimant_entity.name if claim.claimant_entity else claim.claimant or "—"

    @admin.display(description="sources")
    def source_count(self, claim):
        return claim.source_total or format_html('<span class="unsourced">{}</span>', "unsourced")

    def changelist_view(self, request, extra_context=None):
        queue = request.GET.get(QueueFilter.parameter_name, "")
        token = CURRENT_QUEUE.set(queue if queue in queues.QUEUES_BY_SLUG else "checkworthy")
        try:
            response = super().changelist_view(request, extra_context=extra_context)
            if hasattr(response, "render"):
                response.render()  # the rows read the queue while rendering
            return response
        finally:
            CURRENT_QUEUE.reset(token)

    def get_urls(self):
        review = self.admin_site.admin_view(lambda request, object_id: admin_desk.review_view(self, request, object_id))
        return [
            path("<path:object_id>/review/", review, name="claims_claim_review"),
            *super().get_urls(),
        ]

    @admin.display(description="rating")
    def rating(self, claim):
        return rating_badge(claim.current_verdict.rating if claim.current_verdict else None)

    @admin.display(description="in context")
    def in_context(self, claim):
        return format_html(
            '<div class="claim-context" style="max-width:48rem;line-height:1.6">{}</div>',
            rendering.claim_in_context(claim),
        )

    @admin.display(description="cited sources")
    def cited_sources(self, claim):
        rows = [
            (s.canonical_url, s.domain, s.get_kind_display(), f" {s.handle}" if s.handle else "")
            for s in claim.sources.all()
        ]
        if not rows:
            return "None: the article cites no link for this claim."
        return format_html(
            "<ul>{}</ul>",
            format_html_join("", '<li><a href="{}" rel="nofollow noopener" target="_blank">{}</a> · {}{}</li>', rows),
        )

    @admin.display(description="numbers")
    def numbers_table(self, claim):
        if not claim.numbers:
            return "—"
        return format_html_join(
            "",
            '<div class="numbers-row">{} <span class="numbers-subject">(subject: {})</span></div>',
            (
                (format_quantity(n["value"], n["unit"], n.get("qualifier") or ""), n.get("subject") or "—")
                for n in claim.numbers
            ),
        )

    @admin.display(description="consistency checks")
    def checks(self, claim):
        rows = [("holds" if c.ok else "FAILS", c.detail) for c in claim.consistency_checks.all()]
        return format_html_join("", "<div><strong>{}</strong>: {}</div>", rows) if rows else "—"

    @admin.display(description="check-worthiness features")
    def features(self, claim):
        return format_html_join("", "<div>{}: {}</div>", sorted(claim.checkworthiness_features.items()))

    @admin.action(description="Assign to me")
    def assign_to_me(self, request, queryset):
        reviews.assign(queryset, to=request.user, by=request.user)
        self.message_user(request, f"{queryset.count()} claims assigned to you.")

    @admin.action(description="Mark in review", permissions=["change"])
    def mark_in_review(self, request, queryset):
        reviews.mark_in_review(queryset, by=request.user)
        self.message_user(request, "Marked in review.")

    @admin.action(description="Mark not check-worthy (give a reason)", permissions=["change"])
    def mark_not_checkworthy(self, request, queryset):
        try:
            reviews.mark_not_checkworthy(queryset, reason=request.POST.get("reason", ""), by=request.user)
        except reviews.ReviewError as error:
            self.message_user(request, error.message, messages.ERROR)
            return
        self.message_user(request, f"{queryset.count()} claims marked not check-worthy.")

    @admin.action(description="Publish the latest draft verdict", permissions=["publish"])
    def publish_latest_verdict(self, request, queryset):
        published, refused = reviews.publish_latest_verdicts(
            queryset, by=request.user, correction_note=request.POST.get("correction_note", "")
        )
        if published:
            self.message_user(request, f"Published {len(published)} verdicts.")
        for message in refused:
            self.message_user(request, message, messages.WARNING)

    def has_publish_permission(self, request):
        return reviews.can_publish_any(request.user)

    def has_add_permission(self, request):
        # Claims come from extraction (ingest or re-extract an article), never typed in by hand.
        return False

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if (
            obj is not None
            and obj.current_verdict_id
            and reviews.can_edit_claim(request.user, obj, reviews.CLAIM_PUBLIC_FIELDS)
        ):
            # Whoever may correct what readers see of a published claim needs somewhere to say why.
            fieldsets = (*fieldsets, ("Correction", {"fields": ("correction_note",)}))
        return fieldsets

    def get_readonly_fields(self, request, obj=None):
        readonly = super().get_readonly_fields(request, obj)
        if obj is not None and not reviews.can_edit_claim(request.user, obj, reviews.CLAIM_PUBLIC_FIELDS):
            readonly = (*readonly, *reviews.CLAIM_PUBLIC_FIELDS)
        return readonly

    def save_model(self, request, obj, form, change):
        claim = reviews.update_claim(
            obj, by=request.user, correction_note=form.cleaned_data.get("correction_note", ""), **form.claim_values()
        )
        form.instance = claim

    def save_formset(self, request, form, formset, change):
        if formset.model is not Verdict:
            return super().save_formset(request, form, formset, change)
        # The admin's change message reads these lists, which formset.save() would have filled.
        formset.new_objects, formset.changed_objects, formset.deleted_objects = [], [], []
        for verdict_form in formset.forms:
            if verdict_form in formset.deleted_forms:
                if verdict_form.instance.pk:
                    try:
                        reviews.delete_verdict(verdict_form.instance, by=request.user)
                    except reviews.ReviewError as error:
                        self.message_user(request, error.message, messages.ERROR)
                    else:
                        formset.deleted_objects.append(verdict_form.instance)
                continue
            if not verdict_form.has_changed():
                continue
            is_new = verdict_form.instance.pk is None
            verdict = save_verdict_form(verdict_form, request.user, claim=form.instance)
            if is_new:
                formset.new_objects.append(verdict)
            else:
                formset.changed_objects.append((verdict, verdict_form.changed_data))


def save_verdict_form(verdict_form, user, claim=None):
    """Route a validated verdict form to the review service: a new draft, or an update at the loaded version."""
    data = verdict_form.cleaned_data
    if verdict_form.instance.pk is None:
        verdict_form.instance = reviews.draft_verdict(
            claim=claim or data["claim"],
            by=user,
            rating=data["rating"],
            summary=data["summary"],
            rationale=data.get("rationale", ""),
            evidence=data.get("evidence", []),
            evidence_urls=data.get("evidence_urls", []),
        )
    elif not verdict_form.changes_content:
        # Saved as it is stored (the form checked the version it carried): nothing to write, nobody to ask.
        verdict_form.instance = Verdict.objects.get(pk=verdict_form.instance.pk)
    else:
        verdict_form.instance = reviews.update_verdict(
            verdict_form.instance,
            by=user,
            expected_version=data.get("version") or 0,
            correction_note=data.get("correction_note", ""),
            evidence=data.get("evidence"),
            evidence_urls=data.get("evidence_urls", []),
            rating=data["rating"],
            summary=data["summary"],
            rationale=data.get("rationale", ""),
        )
    return verdict_form.instance


class CorrectionInline(admin.TabularInline):
    model = Correction
    extra = 0
    fields = ("corrected_at", "corrected_by", "note", "previous_rating", "previous_summary")
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Verdict)
class VerdictAdmin(CountedLikeALargeTable, RulebookHistoryAdmin):
    class Media:
        css = {"all": ["claims/desk.css"]}

    form = VerdictForm
    action_form = VerdictActionForm
    list_display = ("claim", "rating_label", "summary", "status", "reviewer", "published_at")
    list_filter = ("status", "rating")
    list_select_related = ("claim", "rating", "reviewer")
    # What the box searches is selectors.verdict_search (get_search_results): the claim, as the claim list does.
    search_fields = ("claim__text",)
    autocomplete_fields = ("claim", "evidence")
    actions = ("publish", "retract")
    inlines = [CorrectionInline]
    fields = (
        "claim",
        "rating",
        "summary",
        "rationale",
        "rationale_preview",
        "evidence",
        "evidence_urls",
        "correction_note",
        "version",
        "status",
        "reviewer",
        "published_at",
        "retracted_at",
        "retraction_note",
    )
    readonly_fields = ("rationale_preview", "status", "reviewer", "published_at", "retracted_at", "retraction_note")

    def get_search_results(self, request, queryset, search_term):
        return selectors.verdict_search(queryset, search_term), False

    @admin.display(description="rating", ordering="rating__order")
    def rating_label(self, verdict):
        return rating_badge(verdict.rating)

    @admin.display(description="rationale as readers see it")
    def rationale_preview(self, verdict):
        return render_rationale(verdict.rationale) if verdict.pk else "—"

    def save_model(self, request, obj, form, change):
        form.instance = save_verdict_form(form, request.user)
        # The evidence is already set by the rulebook; the history view's save_m2m must not set it again.
        form.save_m2m = lambda: None

    def has_delete_permission(self, request, obj=None):
        if obj is None:
            return request.user.has_perm("claims.delete_verdict")
        return reviews.can_delete_verdict(request.user, obj)

    def delete_model(self, request, obj):
        reviews.delete_verdict(obj, by=request.user)

    def delete_queryset(self, request, queryset):
        for verdict in queryset:
            try:
                reviews.delete_verdict(verdict, by=request.user)
            except reviews.ReviewError as error:
                self.message_user(request, f"“{verdict.summary}”: {error.message}", messages.ERROR)

    def save_related(self, request, form, formsets, change):
        for formset in formsets:
            self.save_formset(request, form, formset, change=change)

    @admin.action(description="Publish", permissions=["publish"])
    def publish(self, request, queryset):
        for verdict in queryset.select_related("claim"):
            try:
                reviews.publish_verdict(
                    verdict, by=request.user, correction_note=request.POST.get("correction_note", "")
                )
            except reviews.ReviewError as error:
                self.message_user(request, f"“{verdict.summary}”: {error.message}", messages.WARNING)
            else:
                self.message_user(request, f"Published “{verdict.summary}”.")

    def has_publish_permission(self, request):
        return reviews.can_publish_any(request.user)

    @admin.action(description="Retract (withdraw a wrong published verdict; needs the note)", permissions=["retract"])
    def retract(self, request, queryset):
        for verdict in queryset.select_related("claim"):
            try:
                reviews.retract_verdict(verdict, by=request.user, note=request.POST.get("correction_note", ""))
            except reviews.ReviewError as error:
                self.message_user(request, f"“{verdict.summary}”: {error.message}", messages.WARNING)
            else:
                self.message_user(request, f"Retracted “{verdict.summary}”; its claim is back in the review queue.")

    def has_retract_permission(self, request):
        return reviews.can_publish_any(request.user)  # whoever may correct some verdict; each one is asked again


@admin.register(Correction)
class CorrectionAdmin(PlainActionCheckbox, admin.ModelAdmin):
    list_display = ("verdict", "note", "corrected_by", "corrected_at")
    list_select_related = ("verdict__rating", "corrected_by")
    readonly_fields = (
        "verdict",
        "note",
        "previous_rating",
        "previous_summary",
        "previous_rationale",
        "corrected_by",
        "corrected_at",
    )

    def has_add_permission(self, request):
        return False


@admin.register(Quotation)
class QuotationAdmin(PlainActionCheckbox, admin.ModelAdmin):
    list_display = ("text", "speaker", "article", "paragraph")
    list_select_related = ("article",)
    search_fields = ("text", "speaker")
    list_filter = ("article__outlet",)


@admin.register(ConsistencyCheck)
class ConsistencyCheckAdmin(PlainActionCheckbox, admin.ModelAdmin):
    list_display = ("kind", "ok", "detail", "article")
    list_select_related = ("article",)
    list_filter = ("kind", "ok")

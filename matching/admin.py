"""Imported fact checks in the admin: browse and search them; they change only by importing again."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.http import url_has_allowed_host_and_scheme

from claims import reviews
from claims.admin_rows import CountedLikeALargeTable, PlainActionCheckbox
from claims.models import Rating
from claims.reviews import ReviewError

from . import services
from .models import ClaimMatch, ExternalFactCheck
from .selectors import fact_check_search, matches_for_claim, summarise


@admin.register(ExternalFactCheck)
class ExternalFactCheckAdmin(CountedLikeALargeTable, PlainActionCheckbox, admin.ModelAdmin):
    list_display = ("claim_reviewed", "publisher", "rating_text", "claim_author", "published_at")
    list_filter = ("publisher",)
    # What the box searches is matching.selectors.fact_check_search (get_search_results); this switches it on.
    search_fields = ("claim_reviewed",)
    readonly_fields = [field.name for field in ExternalFactCheck._meta.fields]
    ordering = ("-published_at", "-id")

    def get_search_results(self, request, queryset, search_term):
        return fact_check_search(queryset, search_term), False

    def has_add_permission(self, request):
        return False  # imported with `import_claimreview` or the API, keyed by URL

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(ClaimMatch)
class ClaimMatchAdmin(PlainActionCheckbox, admin.ModelAdmin):
    """Matches are made by matching, not by hand; the desk confirms them from the claim screen (``use`` below)."""

    list_display = ("claim", "kind", "target", "score", "confirmed")
    list_filter = ("kind", "confirmed")
    list_select_related = ("claim", "matched_claim", "external")
    raw_id_fields = ("claim", "matched_claim", "external")
    readonly_fields = [field.name for field in ClaimMatch._meta.fields]

    def has_add_permission(self, request):
        return False

    def get_urls(self):
        use = self.admin_site.admin_view(self.use_view)
        return [path("<int:match_id>/use/", use, name="matching_claimmatch_use"), *super().get_urls()]

    def use_view(self, request, match_id):
        """A reviewer says "same claim": reuse our verdict, or draft one citing the other fact-checker's check."""
        match = get_object_or_404(ClaimMatch.objects.select_related("claim", "external"), pk=match_id)
        back = redirect(_back_to(request, match))
        if request.method != "POST":
            return back
        try:
            if match.kind == ClaimMatch.Kind.VERDICT:
                services.confirm_match(match, by=request.user)
                messages.success(request, "This claim now carries the verdict it repeats.")
            else:
                if not request.user.has_perm("claims.add_verdict"):
                    raise PermissionDenied
                slug = request.POST.get(f"match_rating_{match.pk}", "")
                rating = Rating.objects.filter(slug=slug).first()
                if rating is None:
                    messages.error(request, "Choose a rating for the draft verdict.")
                    return back
                services.draft_verdict_from_external(match, by=request.user, rating=rating)
                messages.success(request, "A draft verdict citing the other fact check was added below.")
        except (ReviewError, services.MatchError) as error:
            messages.error(request, error.message)
        return back


def _back_to(request, match):
    """Where the action came from: the claim's review screen names itself in ``next``; else the claim's record."""
    wanted = request.POST.get("next", "")
    review = reverse("admin:claims_claim_review", args=[match.claim_id])
    if wanted.startswith(review) and url_has_allowed_host_and_scheme(wanted, allowed_hosts={request.get_host()}):
        return wanted
    return reverse("admin:claims_claim_change", args=[match.claim_id])


def desk_context(claim_id, user):
    """What the claim screen's "possibly already checked" shows: the matches, the rating choices, and which of the
    two actions the rulebook allows ``user`` (reusing our verdict publishes it: editors; drafting: reviewers)."""
    return {
        "already_checked": [summarise(match) for match in matches_for_claim(claim_id)],
        "ratings": Rating.objects.order_by("order", "id"),
        "can_reuse_verdict": reviews.can_reuse_verdict(user),
        "can_draft": reviews.can_draft(user),
    }

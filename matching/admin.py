"""Imported fact checks in the admin: browse and search them; they change only by importing again."""

from django.contrib import admin

from .models import ExternalFactCheck


@admin.register(ExternalFactCheck)
class ExternalFactCheckAdmin(admin.ModelAdmin):
    list_display = ("claim_reviewed", "publisher", "rating_text", "claim_author", "published_at")
    list_filter = ("publisher",)
    search_fields = ("claim_reviewed", "claim_author", "url")
    readonly_fields = [field.name for field in ExternalFactCheck._meta.fields]
    ordering = ("-published_at", "-id")

    def has_add_permission(self, request):
        return False  # imported with `import_claimreview` or the API, keyed by URL

    def has_change_permission(self, request, obj=None):
        return False

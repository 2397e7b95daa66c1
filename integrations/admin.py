"""Admin: your own API tokens (every reviewer and editor), webhooks and their delivery log (editors), the change log."""

from django.contrib import admin, messages
from django.utils.html import format_html

from claims.admin_rows import CountedLikeALargeTable, PlainActionCheckbox

from .models import ApiToken, ChangeEvent, WebhookDelivery, WebhookSubscription
from .tokens import can_manage_webhooks, issue_key, revoke_token
from .webhooks import redeliver


@admin.register(ApiToken)
class ApiTokenAdmin(PlainActionCheckbox, admin.ModelAdmin):
    """Each staff member sees and manages only their own tokens; the key is shown once, after creation."""

    list_display = ("name", "prefix", "created_at", "expires_at", "last_used_at", "revoked_at")
    fields = ("name", "expires_at")
    actions = ["revoke"]

    def has_module_permission(self, request):
        return request.user.is_active and request.user.is_staff

    def has_view_permission(self, request, obj=None):
        return self.has_module_permission(request)

    def has_add_permission(self, request):
        return self.has_module_permission(request)

    def has_change_permission(self, request, obj=None):
        return self.has_module_permission(request)

    def has_delete_permission(self, request, obj=None):
        return False  # revoke instead: the record of a token stays

    def get_queryset(self, request):
        return super().get_queryset(request).filter(user=request.user)

    def save_model(self, request, obj, form, change):
        if change:
            obj.save(update_fields=["name", "expires_at"])
            return
        obj.user = request.user
        key = issue_key(obj)
        obj.save()
        messages.warning(
            request,
            format_html(
                "Your new token is <code>{}</code>. Copy it now: it is stored hashed and cannot be shown again.", key
            ),
        )

    @admin.action(description="Revoke selected tokens")
    def revoke(self, request, queryset):
        for token in queryset:
            revoke_token(token)
        self.message_user(request, f"Revoked {queryset.count()} token(s).")


class EditorsOnly:
    def has_module_permission(self, request):
        return can_manage_webhooks(request.user)

    def has_view_permission(self, request, obj=None):
        return can_manage_webhooks(request.user)


@admin.register(WebhookSubscription)
class WebhookSubscriptionAdmin(EditorsOnly, PlainActionCheckbox, admin.ModelAdmin):
    list_display = ("url", "events", "active", "created_by", "created_at")
    fields = ("url", "events", "secret", "active")

    def has_add_permission(self, request):
        return can_manage_webhooks(request.user)

    def has_change_permission(self, request, obj=None):
        return can_manage_webhooks(request.user)

    def has_delete_permission(self, request, obj=None):
        return can_manage_webhooks(request.user)

    def get_form(self, request, obj=None, **kwargs):
        from .forms import WebhookSubscriptionForm

        kwargs["form"] = WebhookSubscriptionForm
        return super().get_form(request, obj, **kwargs)

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        obj.save()


@admin.register(WebhookDelivery)
class WebhookDeliveryAdmin(EditorsOnly, CountedLikeALargeTable, PlainActionCheckbox, admin.ModelAdmin):
    list_display = ("id", "event", "subscription", "status", "attempts", "last_status_code", "created_at")
    list_filter = ("status", "event")
    readonly_fields = [field.name for field in WebhookDelivery._meta.fields]
    actions = ["redeliver_selected"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.action(description="Deliver again")
    def redeliver_selected(self, request, queryset):
        if not can_manage_webhooks(request.user):
            return
        deliveries = list(queryset.select_related("subscription"))
        queued = redeliver(deliveries)
        if queued < len(deliveries):
            self.message_user(
                request,
                f"The task queue is unreachable: {len(deliveries) - queued} delivery(ies) stay pending; try again later.",
                messages.ERROR,
            )
            return
        self.message_user(request, f"Queued {queued} delivery(ies) again.")

    def get_actions(self, request):
        # Django offers actions only to users with change permission; this one needs only the webhook rule.
        actions = super().get_actions(request)
        if can_manage_webhooks(request.user):
            func, name, description = self.get_action("redeliver_selected")
            actions[name] = (func, name, description)
        return actions


@admin.register(ChangeEvent)
class ChangeEventAdmin(CountedLikeALargeTable, PlainActionCheckbox, admin.ModelAdmin):
    list_display = ("id", "resource", "object_id", "kind", "version", "public", "occurred_at")
    list_filter = ("resource", "kind")
    readonly_fields = [field.name for field in ChangeEvent._meta.fields]

    def has_module_permission(self, request):
        return request.user.is_active and request.user.is_staff

    def has_view_permission(self, request, obj=None):
        return self.has_module_permission(request)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

"""What other tools use to stay in step with factcheck: the change log, API tokens and webhook subscriptions."""

from django.conf import settings
from django.db import models
from django.utils import timezone


class ChangeEvent(models.Model):
    """One change to an article, claim or verdict, appended by the service that made it; never edited.

    Its id is the change feed's cursor (``/api/v1/changes/?after=``). Events
    of drafts are not ``public``: only reviewers see them in the feed.
    """

    class Resource(models.TextChoices):
        ARTICLE = "article"
        CLAIM = "claim"
        VERDICT = "verdict"

    class Kind(models.TextChoices):
        CREATED = "created"
        UPDATED = "updated"
        PUBLISHED = "published"
        CORRECTED = "corrected"
        RETRACTED = "retracted"
        DELETED = "deleted"

    resource = models.CharField(max_length=16, choices=Resource.choices)
    object_id = models.BigIntegerField()
    kind = models.CharField(max_length=16, choices=Kind.choices)
    version = models.BigIntegerField(help_text="The resource's version after the change (the number in its ETag).")
    public = models.BooleanField(help_text="Visible to anonymous readers of the change feed.")
    occurred_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["id"]
        indexes = [
            # "What happened to this claim?" from the admin and the tests.
            models.Index(fields=["resource", "object_id"], name="change_resource_idx"),
            # The anonymous change feed walks public events by id.
            models.Index(fields=["id"], name="change_public_idx", condition=models.Q(public=True)),
        ]

    def __str__(self):
        return f"{self.resource} {self.object_id} {self.kind} (v{self.version})"


class ApiToken(models.Model):
    """A named API token of one person. Only a SHA-256 of the key is stored; the key is shown once, at creation.

    The first characters of the key (``prefix``) are kept in clear to find the
    row and to tell tokens apart in lists.
    """

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(max_length=100, help_text="What the token is for, e.g. “newsroom CMS”.")
    prefix = models.CharField(max_length=8, unique=True, editable=False)
    key_hash = models.CharField(max_length=64, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField(null=True, blank=True, help_text="Empty: until revoked.")
    last_used_at = models.DateTimeField(null=True, blank=True, editable=False)
    revoked_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = "API token"

    def __str__(self):
        return f"{self.name} ({self.prefix}…)"

    @property
    def is_active(self):
        return self.revoked_at is None and (self.expires_at is None or self.expires_at > timezone.now())


class WebhookSubscription(models.Model):
    """A URL told about published, corrected and retracted verdicts and ingested articles."""

    class Event(models.TextChoices):
        VERDICT_PUBLISHED = "verdict.published"
        VERDICT_CORRECTED = "verdict.corrected"
        VERDICT_RETRACTED = "verdict.retracted"
        ARTICLE_INGESTED = "article.ingested"

    url = models.URLField(max_length=2048, help_text="http(s) on a public address; checked again at every delivery.")
    events = models.JSONField(default=list, help_text="Event names this URL receives.")
    secret = models.CharField(max_length=128, help_text="Shared secret for the X-Factcheck-Signature HMAC.")
    active = models.BooleanField(default=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="webhook_subscriptions"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["id"]

    def __str__(self):
        return self.url


class WebhookDelivery(models.Model):
    """One event sent (or being sent) to one subscription, with every attempt's outcome."""

    class Status(models.TextChoices):
        PENDING = "pending"
        DELIVERED = "delivered"
        FAILED = "failed", "failed (gave up)"

    subscription = models.ForeignKey(WebhookSubscription, on_delete=models.CASCADE, related_name="deliveries")
    event = models.CharField(max_length=32, choices=WebhookSubscription.Event.choices)
    change = models.ForeignKey(ChangeEvent, null=True, on_delete=models.SET_NULL, related_name="deliveries")
    payload = models.JSONField()
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.PENDING)
    attempts = models.PositiveIntegerField(default=0)
    last_status_code = models.PositiveIntegerField(null=True, blank=True)
    last_error = models.CharField(max_length=500, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    delivered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-id"]
        verbose_name_plural = "webhook deliveries"

    def __str__(self):
        return f"{self.event} → {self.subscription.url} ({self.status})"

"""API tokens: created by their owner, stored as a SHA-256 hash, named, optionally expiring, revocable.

Why our own model rather than DRF's ``authtoken`` (which stores keys in clear
and allows one per user) or django-rest-knox (hashed, with expiry, but no
names and a login endpoint built around sessions): a token here is a named
credential a person makes for one tool, lists and revokes in the admin or
the API. A 160-bit random key makes a plain SHA-256 as safe as a slow hash
(nothing to guess), and lets authentication find the row in one indexed
query on the key's clear prefix.
"""

import hashlib
import hmac
import secrets
from datetime import timedelta

from django.utils import timezone

from .models import ApiToken

KEY_BYTES = 20
PREFIX_LENGTH = 8
# ``last_used_at`` is written at most this often, so reads do not each cost a write.
LAST_USED_RESOLUTION = timedelta(minutes=5)


def hash_key(key):
    return hashlib.sha256(key.encode()).hexdigest()


def expiry_problem(expires_at):
    """Why ``expires_at`` cannot be a new token's expiry, or None: a token born expired would only confuse."""
    if expires_at is not None and expires_at <= timezone.now():
        return "An expiry must be in the future."
    return None


def create_token(*, user, name, expires_at=None):
    """A new token for ``user``; returns ``(token, key)``. The key is not stored and cannot be shown again."""
    token = ApiToken(user=user, name=name, expires_at=expires_at)
    key = issue_key(token)
    token.save()
    return token, key


def issue_key(token):
    """Give the unsaved ``token`` a fresh key (kept only as its hash and clear prefix); returns the key."""
    while True:
        key = secrets.token_hex(KEY_BYTES)
        if not ApiToken.objects.filter(prefix=key[:PREFIX_LENGTH]).exists():
            break
    token.prefix = key[:PREFIX_LENGTH]
    token.key_hash = hash_key(key)
    return key


def can_manage_webhooks(user):
    """Editors (who publish verdicts) and superusers manage webhook subscriptions."""
    return bool(user.is_authenticated and user.is_staff and user.has_perm("claims.publish_verdict"))


def revoke_token(token):
    """Revoke ``token`` now; a revoked token never authenticates again."""
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
    return token


def user_for_key(key):
    """The active user owning the active token ``key``, or None."""
    if not isinstance(key, str) or len(key) != KEY_BYTES * 2:
        return None
    token = ApiToken.objects.select_related("user").filter(prefix=key[:PREFIX_LENGTH]).first()
    if token is None or not hmac.compare_digest(token.key_hash, hash_key(key)) or not token.is_active:
        return None
    if not token.user.is_active:
        return None
    now = timezone.now()
    if token.last_used_at is None or now - token.last_used_at > LAST_USED_RESOLUTION:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token.user, token

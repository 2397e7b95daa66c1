"""API permissions: DRF permission classes that ask the review rulebook (``claims.reviews``), never restate it.

Class-level checks answer 401 to anonymous writers and 403 to people
without the role; object-level checks ask the rulebook about the very
verdict or claim. Refusals that depend on the object's state (already
published, a missing correction note) come from the rulebook's services,
with their own codes.
"""

from rest_framework import permissions
from rest_framework.exceptions import NotAuthenticated, PermissionDenied

from claims import reviews
from claims.models import Verdict


class ModelPermissionsOrReadOnly(permissions.DjangoModelPermissionsOrAnonReadOnly):
    """GET for everyone; POST/PUT/PATCH/DELETE need the model's add/change/delete permission."""

    perms_map = {
        **permissions.DjangoModelPermissions.perms_map,
        "GET": [],
        "HEAD": [],
        "OPTIONS": [],
    }


class RulebookPermission(permissions.BasePermission):
    """Reads for everyone; a write needs a signed-in user for whom ``allowed(user, obj)`` holds."""

    message = "You do not have permission to do this."
    code = "forbidden"

    def has_permission(self, request, view):
        if request.method in permissions.SAFE_METHODS:
            return True
        return bool(request.user and request.user.is_authenticated and self.role(request.user))

    def has_object_permission(self, request, view, obj):
        if request.method in permissions.SAFE_METHODS:
            return True
        return self.allowed(request.user, obj)

    def role(self, user):
        return True

    def allowed(self, user, obj):
        return True


class CanDraftVerdict(RulebookPermission):
    message = "Drafting a verdict needs a reviewer."

    def role(self, user):
        return reviews.can_draft(user)


class CanEditVerdict(RulebookPermission):
    message = "Only an editor can change a published verdict; superseded verdicts are kept as they were."

    def role(self, user):
        return reviews.is_newsroom(user)

    def allowed(self, user, verdict):
        return reviews.can_edit_verdict(user, verdict)


class CanCorrectVerdict(CanEditVerdict):
    message = "Only an editor can correct a published verdict."

    def allowed(self, user, verdict):
        # A draft is refused by the view with a clearer 400 ("edit the draft instead").
        return verdict.status != Verdict.Status.PUBLISHED or reviews.can_correct(user, verdict)


class CanRetractVerdict(CanEditVerdict):
    message = "Only an editor can retract a published verdict."

    def allowed(self, user, verdict):
        # A verdict that is not published is refused by the rulebook with a 409 that says so.
        return verdict.status != Verdict.Status.PUBLISHED or reviews.can_retract(user, verdict)


class CanPublishVerdict(RulebookPermission):
    message = "Publishing needs a second pair of eyes: an editor publishes a reviewer's verdict."

    def role(self, user):
        return reviews.can_publish_any(user)

    def allowed(self, user, verdict):
        if verdict.status != Verdict.Status.DRAFT:
            return True  # "already published" is a 409 from the rulebook
        return reviews.can_publish(user, verdict, reviews.current_verdict_of(verdict.claim))


class CanChangeClaim(RulebookPermission):
    def role(self, user):
        return user.has_perm("claims.change_claim")


def can_see_drafts(user):
    return reviews.can_view_drafts(user)


def require_permission(request, permission):
    """Raise 401 for an anonymous caller, 403 for one without the Django ``permission``.

    For permissions outside the review life cycle (importing fact checks, ingesting); review moves ask the
    rulebook through the classes above.
    """
    if not request.user.is_authenticated:
        raise NotAuthenticated()
    if not request.user.has_perm(permission):
        raise PermissionDenied("You do not have permission to do this.")


class IsStaff(permissions.BasePermission):
    """Reviewers and editors (staff accounts), the people who may hold API tokens and manage webhooks."""

    message = "Only reviewers and editors may do this."

    def has_permission(self, request, view):
        return bool(request.user and request.user.is_authenticated and request.user.is_staff)

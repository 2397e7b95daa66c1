"""API permissions: reads open, writes by the same Django permissions as the admin."""

from rest_framework import permissions
from rest_framework.exceptions import NotAuthenticated, PermissionDenied


class ModelPermissionsOrReadOnly(permissions.DjangoModelPermissionsOrAnonReadOnly):
    """GET for everyone; POST/PUT/PATCH/DELETE need the model's add/change/delete permission."""

    perms_map = {
        **permissions.DjangoModelPermissions.perms_map,
        "GET": [],
        "HEAD": [],
        "OPTIONS": [],
    }


def can_see_drafts(user):
    return bool(user and user.is_authenticated and user.has_perm("claims.view_verdict") and user.is_staff)


def require_permission(request, permission):
    """Raise 401 for an anonymous caller, 403 for one without the Django ``permission``."""
    if not request.user.is_authenticated:
        raise NotAuthenticated()
    if not request.user.has_perm(permission):
        raise PermissionDenied("You do not have permission to do this.")

"""API permissions: reads open, writes by the same Django permissions as the admin."""

from rest_framework import permissions


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

"""OpenAPI generation tweaks, so the schema describes every answer the API really gives.

- Reads that anyone may make are documented as needing no credentials.
- Every operation documents the JSON error body for the failures it can
  meet: 400 (invalid fields or filters), 401/403 (writes), 404 (unknown id or
  page), 429 (throttled).
"""

from drf_spectacular.openapi import AutoSchema
from rest_framework import permissions

from .permissions import ModelPermissionsOrReadOnly, RulebookPermission
from .serializers import ErrorSerializer


class FactcheckAutoSchema(AutoSchema):
    def open_reads(self):
        return any(isinstance(p, (ModelPermissionsOrReadOnly, RulebookPermission)) for p in self.view.get_permissions())

    def get_auth(self):
        auths = super().get_auth()
        if self.open_reads() and self.method in permissions.SAFE_METHODS and {} not in auths:
            auths.append({})
        return auths

    def _get_response_bodies(self, direction="response"):
        responses = super()._get_response_bodies(direction)
        if direction != "response":
            return responses
        codes = ["400", "401", "404", "429"]  # 401: a token that is wrong, expired or revoked, on any endpoint
        if self.method not in permissions.SAFE_METHODS or not self.open_reads():
            codes += ["403"]
        if self.method in {"PUT", "PATCH"} or (self.method == "POST" and self.view.action in {"publish", "correct"}):
            codes += ["412", "428"]
        for code in codes:
            if code not in responses:
                responses[code] = self._get_response_for_code(ErrorSerializer, code, direction=direction)
        return responses

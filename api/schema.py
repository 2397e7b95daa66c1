"""OpenAPI generation tweaks, so the schema describes every answer the API really gives.

- Reads that anyone may make are documented as needing no credentials.
- Every operation documents the JSON error body for the failures it can
  meet: 400 (invalid fields or filters), 401/403 (writes), 404 (unknown id or
  page), 429 (throttled).
- Every filter has a description for integrators (a filter whose type is
  declared by hand loses its ``help_text`` in drf-spectacular; it is put back).
- ``postprocess`` (a drf-spectacular hook) adds what no view states itself:
  the response headers (``ETag``, ``Location``, ``Link``, ``RateLimit-*``,
  ``Retry-After``) and 304, the rating scale's slugs as enums (read from the
  database, as the scale is data), the list envelope as one component, and
  the conventions as the API's description.
"""

from django.db import DatabaseError
from drf_spectacular.openapi import AutoSchema
from rest_framework import permissions

from .pagination import ENVELOPE_COMPONENT, envelope_component
from .permissions import ModelPermissionsOrReadOnly, RulebookPermission
from .serializers import ErrorSerializer

DATE_TIME_RULE = (
    "ISO 8601, e.g. `2026-11-30T09:00:00Z`; an offset up to ±14:00 (beyond is 400), none means UTC; "
    "an empty value does not filter."
)


class FactcheckAutoSchema(AutoSchema):
    def open_reads(self):
        return any(isinstance(p, (ModelPermissionsOrReadOnly, RulebookPermission)) for p in self.view.get_permissions())

    def get_auth(self):
        auths = super().get_auth()
        if self.open_reads() and self.method in permissions.SAFE_METHODS and {} not in auths:
            auths.append({})
        return auths

    def _get_filter_parameters(self):
        parameters = super()._get_filter_parameters()
        filterset = getattr(self.view, "filterset_class", None)
        filters = filterset.base_filters if filterset is not None else {}
        for parameter in parameters:
            declared = filters.get(parameter["name"])
            if not parameter.get("description") and declared is not None:
                parameter["description"] = str(declared.extra.get("help_text") or "")
            if parameter.get("schema", {}).get("format") == "date-time":
                parameter["description"] = " ".join(filter(None, [parameter.get("description"), DATE_TIME_RULE]))
        return parameters

    def _get_response_bodies(self, direction="response"):
        responses = super()._get_response_bodies(direction)
        if direction != "response":
            return responses
        codes = ["400", "401", "404", "429"]  # 401: a token that is wrong, expired or revoked, on any endpoint
        if self.method not in permissions.SAFE_METHODS or not self.open_reads():
            codes += ["403"]
        preconditioned = getattr(self.view, "writes_need_precondition", False)
        if (preconditioned and self.method in {"PUT", "PATCH"}) or (
            self.method == "POST" and self.view.action in {"publish", "correct", "retract"}
        ):
            codes += ["412", "428"]
        for code in codes:
            if code not in responses:
                responses[code] = self._get_response_for_code(ErrorSerializer, code, direction=direction)
        return responses


API_DESCRIPTION = """Articles, claims, claimants, sources, verdicts and ClaimReview for fact-checking tools.

**Authentication.** Reads of published material need nothing. Writes need `Authorization: Token <key>` (create keys
in the admin, with `POST /api/v1/tokens/` or `manage.py create_api_token`) and the same role as in the admin.

**Lists.** Every list answers one envelope (`ListEnvelope`): `count`, `count_is_estimate`, `next`, `previous`,
`results`. Follow `next` until it is null. Reference tables page by `?page=`, feeds by `?cursor=` (forward only).
Every `?ordering=` ends with the id, so each row comes once. A bad page, cursor, ordering, filter value or an
unknown query parameter is 400.

**Conditional requests.** GET answers carry an `ETag`; send it as `If-None-Match` for a 304, or as `If-Match` on a
write (stale: 412; none where required: 428). A 201 names the new resource in `Location`.

**Errors** are JSON: `{"detail", "code", "errors": {field: [messages]}}`. A 429 carries `Retry-After`; every counted
answer carries `RateLimit-Limit`, `RateLimit-Remaining`, `RateLimit-Reset` (seconds) and `RateLimit-Policy`.

**Dates** are ISO 8601 in UTC (`Z`). Date filters take an offset up to ±14:00.

**Browsers** on other sites may read (GET) without credentials (CORS).
"""

HEADER = {"schema": {"type": "string"}}
ETAG = {**HEADER, "description": "This representation's version: send it as If-None-Match (304) or If-Match (writes)."}
RATE_LIMIT = {
    "RateLimit-Limit": {"schema": {"type": "integer"}, "description": "Requests allowed in the window."},
    "RateLimit-Remaining": {"schema": {"type": "integer"}, "description": "Requests left in the window."},
    "RateLimit-Reset": {"schema": {"type": "integer"}, "description": "Seconds until a request is given back."},
    "RateLimit-Policy": {**HEADER, "description": "The limit and its window in seconds, e.g. `120;w=60`."},
}
IF_NONE_MATCH = {
    "name": "If-None-Match",
    "in": "header",
    "required": False,
    "description": "An ETag you read: 304 while the resource still has it.",
    "schema": {"type": "string"},
}
PATH_PARAMETERS = {"slug": "The rating's slug.", "claim_id": "The claim's id."}
NOT_MODIFIED = {"description": "Not modified: the If-None-Match you sent names the current ETag. No body."}


def postprocess(result, generator, request, public):
    """drf-spectacular hook: headers, 304s, rating enums, the envelope component and the API's description."""
    result["info"]["description"] = API_DESCRIPTION
    result.setdefault("components", {}).setdefault("schemas", {})[ENVELOPE_COMPONENT] = envelope_component()
    for path, operations in result.get("paths", {}).items():
        for method, operation in operations.items():
            document_headers(path, method, operation)
    slugs = rating_slugs()
    if slugs:
        enumerate_ratings(result, slugs)
    return result


def document_headers(path, method, operation):
    responses = operation.get("responses", {})
    for code, response in responses.items():
        headers = response.setdefault("headers", {})
        headers.update(RATE_LIMIT)
        if code == "429":
            headers["Retry-After"] = {"schema": {"type": "integer"}, "description": "Seconds to wait."}
        if code == "201":
            headers["Location"] = {**HEADER, "description": "The new resource's URL."}
        if method == "get" and code == "200":
            headers["ETag"] = ETAG
            if path.endswith("feed.json"):
                headers["Link"] = {**HEADER, "description": 'The `next` page, as `<URL>; rel="next"`.'}
        if (method == "patch" and code == "200") or (method == "post" and code in {"200", "201"}):
            headers.setdefault("ETag", ETAG)
    for parameter in operation.get("parameters", []):
        if parameter["in"] == "path" and not parameter.get("description"):
            parameter["description"] = PATH_PARAMETERS.get(parameter["name"], "The object's id.")
    if method == "get":
        responses.setdefault("304", NOT_MODIFIED)
        parameters = operation.setdefault("parameters", [])
        if not any(p.get("name") == "If-None-Match" for p in parameters):
            parameters.append(IF_NONE_MATCH)


RATING_PROPERTIES = {
    "Rating": ["slug"],
    "Correction": ["previous_rating"],
    "VerdictInputRequest": ["rating"],
    "PatchedVerdictUpdateRequest": ["rating"],
    "CorrectionInputRequest": ["rating"],
}


def rating_slugs():
    from claims.models import Rating

    try:
        return list(Rating.objects.order_by("order", "id").values_list("slug", flat=True))
    except DatabaseError:  # a schema generated without a database documents the slug as a plain string
        return []


def enumerate_ratings(result, slugs):
    """The rating scale's slugs as enums wherever a rating is named by slug (the scale is data, read now)."""
    schemas = result["components"]["schemas"]
    for component, properties in RATING_PROPERTIES.items():
        for name in properties:
            field = schemas.get(component, {}).get("properties", {}).get(name)
            if field is not None:
                field["enum"] = slugs
    for path, operations in result.get("paths", {}).items():
        for operation in operations.values():
            for parameter in operation.get("parameters", []):
                if parameter["name"] == "rating" and parameter["in"] == "query":
                    extra = ["unreviewed"] if path == "/api/v1/claims/" else []
                    parameter["schema"] = {"type": "string", "enum": [*slugs, *extra]}

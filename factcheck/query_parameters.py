"""Query strings no view can use are refused up front with 400, whatever the page.

A NUL in any query parameter reached PostgreSQL as a 500 ("A string literal
cannot contain NUL"), from the search box, the API filters and the admin's
list filters alike. No parameter of this site carries control characters,
so rather than guard each form and filter, this middleware answers 400
for a NUL or another C0 control character (tab, newline and carriage
return excepted) in any parameter name or value: JSON in the API's error
shape under ``/api/``, a short page elsewhere. Undecodable bytes are not an
issue: Django decodes query strings with replacement characters.
"""

import re

from django.http import HttpResponseBadRequest, JsonResponse
from django.template import loader

CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
API_PREFIX = "/api/"


def unusable_parameters(query):
    """Names of the parameters of ``query`` (a QueryDict) whose name or a value holds a control character."""
    return sorted(
        {
            CONTROL_CHARACTERS.sub("?", name)
            for name, values in query.lists()
            if CONTROL_CHARACTERS.search(name) or any(CONTROL_CHARACTERS.search(value) for value in values)
        }
    )


class RejectControlCharactersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        query = request.META.get("QUERY_STRING", "")
        # Only a query with escapes or raw control characters can hold one; the common case is not parsed here.
        if query and ("%" in query or CONTROL_CHARACTERS.search(query)):
            unusable = unusable_parameters(request.GET)
            if unusable:
                return refuse(request, unusable)
        return self.get_response(request)


def refuse(request, names):
    message = "Query parameters may not contain control characters such as NUL."
    if request.path.startswith(API_PREFIX):
        return JsonResponse(
            {"detail": message, "code": "invalid", "errors": {name: [message] for name in names}}, status=400
        )
    page = loader.get_template("400.html").render({"message": message, "parameters": names})
    return HttpResponseBadRequest(page)

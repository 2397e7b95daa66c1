"""``201 Created`` answers say where the new resource lives (``Location``, RFC 9110 section 15.3.2)."""

from django.urls import reverse


def with_location(response, request, view_name, pk):
    """``response`` with ``Location`` set to the absolute URL of ``api:<view_name>`` for ``pk``."""
    response["Location"] = request.build_absolute_uri(reverse(f"api:{view_name}", args=[pk]))
    return response


class LocationOnCreate:
    """For ``CreateModelMixin`` views: ``Location`` names the new object's detail URL.

    DRF's own ``get_success_headers`` copies the body's ``url`` field, which
    on a webhook subscription is the subscriber's address, not ours.
    """

    def get_success_headers(self, data):
        return {"Location": self.request.build_absolute_uri(reverse(f"api:{self.basename}-detail", args=[data["id"]]))}

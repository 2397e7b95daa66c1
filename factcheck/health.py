"""/healthz: a fixed answer with no database or template work, for load balancers and as the framework's own ceiling in load tests."""

from django.http import JsonResponse


def healthz(request):
    return JsonResponse({"status": "ok"})

"""Project-wide security middleware: a Content-Security-Policy header. Log-in protection: ``login_protection``."""

from django.conf import settings

RELAXED_POLICY_SCRIPTS = "script-src 'self' 'unsafe-inline'"


class ContentSecurityPolicyMiddleware:
    """Adds ``Content-Security-Policy`` to every response (Django 5.2 has none built in)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        policy = settings.CONTENT_SECURITY_POLICY
        if request.path.startswith(settings.CONTENT_SECURITY_POLICY_RELAXED_PATHS):
            policy = policy.replace("script-src 'self'", RELAXED_POLICY_SCRIPTS)
        response.headers.setdefault("Content-Security-Policy", policy)
        return response

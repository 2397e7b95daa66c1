"""Test overrides: a throwaway secret, a fast password hasher, no manifest for static files."""

import os

os.environ.setdefault("SECRET_KEY", "tests-only-secret-key-not-for-production")

from .settings import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Throttling is tested on its own; elsewhere it would only make tests flaky.
REST_FRAMEWORK = {**REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": {"anon": "100000/minute", "user": "100000/minute"}}  # noqa: F405
# The test client speaks plain HTTP; the redirect itself is covered by the deploy-check test.
SECURE_SSL_REDIRECT = False
# Page caching is exercised by its own tests; elsewhere it would leak pages between tests.
PUBLIC_PAGE_CACHE_SECONDS = 0
# Webhook tests run their receiver on 127.0.0.1; change-feed tests read events the moment they are written.
FACTCHECK_OUTBOUND_ALLOW_LOOPBACK = True
FACTCHECK_CHANGES_SETTLE_SECONDS = 0
# Tests score with the shipped rule-based weights unless a test fits its own.
FACTCHECK_CHECKWORTHINESS_WEIGHTS = BASE_DIR / "var" / "no-such-weights-in-tests.json"  # noqa: F405

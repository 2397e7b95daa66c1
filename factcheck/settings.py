"""Settings for factcheck, read from the environment.

One file, in the manner of healthchecks: every deploy-specific value comes from
an environment variable through a small typed helper, so a bad value fails at
start-up rather than at the first request.

- ``DATABASE_URL``: unset means a SQLite file beside ``manage.py``.
- ``SECRET_KEY``: required unless ``DEBUG`` is on.
- ``DEBUG``: ``true``/``false``; the default is off, as a forgotten variable in
  production must not expose tracebacks.
- ``ALLOWED_HOSTS``: comma-separated.
- ``FACTCHECK_MAX_ARTICLE_BYTES``: the size limit for every ingestion path.
"""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def envbool(name, default):
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    lowered = value.strip().lower()
    if lowered in {"1", "true", "yes", "on"}:
        return True
    if lowered in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {value!r}")


def envint(name, default):
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    try:
        return int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be an integer, not {value!r}") from None


def envlist(name, default):
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


DEBUG = envbool("DEBUG", False)

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY is not set. Set it in the environment, or set DEBUG=true "
            "for a local development run with an insecure default key."
        )
    SECRET_KEY = "django-insecure-development-only-key-never-use-in-production"

ALLOWED_HOSTS = envlist("ALLOWED_HOSTS", ["127.0.0.1", "localhost"] if DEBUG else [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.postgres",
    "simple_history",
    "corsheaders",
    "rest_framework",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "articles",
    "claims",
    "matching",
    "api",
    "integrations",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "factcheck.query_parameters.RejectControlCharactersMiddleware",
    # Cross-origin reads of /api/ for browser tools (settings below); before anything that may answer early.
    "corsheaders.middleware.CorsMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # ETag on every GET (the resource's own, else a hash of the body) and 304 for a matching If-None-Match.
    "django.middleware.http.ConditionalGetMiddleware",
    # RateLimit-* headers from the API's throttles (api/throttling.py).
    "api.throttling.RateLimitHeadersMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "factcheck.security.ContentSecurityPolicyMiddleware",
    "factcheck.login_protection.LoginThrottleMiddleware",
    "factcheck.routing.PublicReadsMiddleware",
]

ROOT_URLCONF = "factcheck.urls"
# A CSRF failure under /api/ answers the API's JSON error shape.
CSRF_FAILURE_VIEW = "api.errors.csrf_failure"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "builtins": ["claims.templatetags.claims_extras"],
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

WSGI_APPLICATION = "factcheck.wsgi.application"

# Persistent connections are checked before each request reuses them, so a database restart costs no failed request.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=envint("DATABASE_CONN_MAX_AGE", 0),
        conn_health_checks=True,
    )
}

if os.environ.get("DATABASE_REPLICA_URL"):
    # Public pages read from a replica; the admin, the API and every write use the primary.
    DATABASES["replica"] = dj_database_url.parse(
        os.environ["DATABASE_REPLICA_URL"], conn_max_age=envint("DATABASE_CONN_MAX_AGE", 0), conn_health_checks=True
    )
    DATABASES["replica"]["TEST"] = {"MIRROR": "default"}

# A web request's statement running longer than this is cancelled by PostgreSQL itself (gunicorn killing the worker
# would leave it running), and answered 503. Only web processes (wsgi.py, asgi.py mark themselves) get the limit:
# migrations, bulk ingestion and Celery workers run long statements on purpose. 0 turns it off.
DATABASE_STATEMENT_TIMEOUT_MS = envint("DATABASE_STATEMENT_TIMEOUT_MS", 15_000)
for database in DATABASES.values():
    if database["ENGINE"] == "django.db.backends.postgresql":
        # An unreachable database host fails a request in seconds, not after the kernel's TCP timeout.
        database.setdefault("OPTIONS", {}).setdefault("connect_timeout", 5)
if os.environ.get("FACTCHECK_WEB_PROCESS") == "1" and DATABASE_STATEMENT_TIMEOUT_MS > 0:
    for database in DATABASES.values():
        if database["ENGINE"] == "django.db.backends.postgresql":
            options = database.setdefault("OPTIONS", {})
            options["options"] = (
                f"{options.get('options', '')} -c statement_timeout={DATABASE_STATEMENT_TIMEOUT_MS}".strip()
            )
DATABASE_ROUTERS = ["factcheck.routing.PublicReadsToReplicaRouter"]

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

# Transport security. Behind a TLS-terminating proxy set SECURE_PROXY_SSL_HEADER_ENABLED=true.
# FACTCHECK_HTTPS=false tries the production settings on plain http://127.0.0.1 (no redirect, no HSTS, cookies
# sent over http); it is the one switch for all of them, each still overridable on its own.
FACTCHECK_HTTPS = envbool("FACTCHECK_HTTPS", not DEBUG)
SECURE_SSL_REDIRECT = envbool("SECURE_SSL_REDIRECT", FACTCHECK_HTTPS)
SECURE_HSTS_SECONDS = envint("SECURE_HSTS_SECONDS", 31536000 if FACTCHECK_HTTPS else 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = envbool("SECURE_HSTS_INCLUDE_SUBDOMAINS", FACTCHECK_HTTPS)
SECURE_HSTS_PRELOAD = envbool("SECURE_HSTS_PRELOAD", FACTCHECK_HTTPS)
if envbool("SECURE_PROXY_SSL_HEADER_ENABLED", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SESSION_COOKIE_SECURE = FACTCHECK_HTTPS
CSRF_COOKIE_SECURE = FACTCHECK_HTTPS
SESSION_COOKIE_HTTPONLY = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
X_FRAME_OPTIONS = "DENY"
CSRF_TRUSTED_ORIGINS = envlist("CSRF_TRUSTED_ORIGINS", [])
# CORS (django-cors-headers), for browser tools reading the API from other sites: /api/ only, reads only,
# never with credentials (no cookies, no Authorization header), so a page elsewhere sees exactly what an
# anonymous curl sees. FACTCHECK_CORS_ALLOWED_ORIGINS: "*" (the default) or a comma-separated list of
# origins such as https://tools.example.org; an empty list ("none") turns cross-origin reads off.
CORS_URLS_REGEX = r"^/api/.*$"
_cors_origins = envlist("FACTCHECK_CORS_ALLOWED_ORIGINS", ["*"])
CORS_ALLOW_ALL_ORIGINS = _cors_origins == ["*"]
CORS_ALLOWED_ORIGINS = [] if CORS_ALLOW_ALL_ORIGINS or _cors_origins == ["none"] else _cors_origins
CORS_ALLOW_CREDENTIALS = False
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS"]
CORS_ALLOW_HEADERS = ["accept", "accept-language", "if-none-match", "if-modified-since"]
CORS_EXPOSE_HEADERS = [
    "ETag",
    "Link",
    "Location",
    "Retry-After",
    "RateLimit-Limit",
    "RateLimit-Remaining",
    "RateLimit-Reset",
    "RateLimit-Policy",
]
CORS_PREFLIGHT_MAX_AGE = 86400
# No inline or third-party script anywhere; inline style attributes carry rating colours.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
)
# Swagger UI and ReDoc boot from one inline script each; only their pages relax the policy.
CONTENT_SECURITY_POLICY_RELAXED_PATHS = ("/api/v1/docs/", "/api/v1/redoc/")
# Admin login: this many failures per client address and username within the window lock it out.
LOGIN_FAILURE_LIMIT = envint("LOGIN_FAILURE_LIMIT", 5)
LOGIN_FAILURE_WINDOW_SECONDS = envint("LOGIN_FAILURE_WINDOW_SECONDS", 900)
# Failures from one client address over all usernames (a password spray) lock that address out.
LOGIN_FAILURE_ADDRESS_LIMIT = envint("LOGIN_FAILURE_ADDRESS_LIMIT", 20)
# How many proxies of ours stand in front of the app: the client address is then read from X-Forwarded-For
# that many entries from the right. 0 (the default) trusts no header and uses the connection's address.
FACTCHECK_TRUSTED_PROXY_COUNT = envint("FACTCHECK_TRUSTED_PROXY_COUNT", 0)

# Redis down must not take the site down: the cache fails open (factcheck/cache.py), an error is a miss.
CACHES = {
    "default": (
        {"BACKEND": "factcheck.cache.FailOpenRedisCache", "LOCATION": os.environ["REDIS_URL"]}
        if os.environ.get("REDIS_URL")
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "factcheck"}
    )
}

# Anonymous public pages are cached this long; publishing a verdict invalidates them all at once.
PUBLIC_PAGE_CACHE_SECONDS = envint("PUBLIC_PAGE_CACHE_SECONDS", 0 if DEBUG else 300)

# Background work through Celery. With no broker configured, tasks run eagerly in the calling process.
CELERY_BROKER_URL = os.environ.get("CELERY_BROKER_URL", "")
CELERY_TASK_ALWAYS_EAGER = envbool("CELERY_TASK_ALWAYS_EAGER", not CELERY_BROKER_URL)
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_SERIALIZER = CELERY_RESULT_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TASK_ACKS_LATE = True  # a task a dying worker held is redelivered, not lost
CELERY_TASK_REJECT_ON_WORKER_LOST = True  # ... also when the worker process is killed mid-task
CELERY_WORKER_PREFETCH_MULTIPLIER = 1  # long tasks: one at a time per worker process
# Tasks are kept short (ingestion is queued in chunks of files, re-extraction per article) and killed past this,
# so a task held by a worker that vanished is redelivered after the time limit plus a margin, not Redis's default
# hour. The visibility timeout must stay above the longest task, or a running task would be delivered twice.
CELERY_TASK_TIME_LIMIT = envint("CELERY_TASK_TIME_LIMIT", 600)
if CELERY_TASK_TIME_LIMIT < 60:
    raise ImproperlyConfigured("CELERY_TASK_TIME_LIMIT is in seconds and must be at least 60.")
CELERY_TASK_SOFT_TIME_LIMIT = CELERY_TASK_TIME_LIMIT - 30
CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": CELERY_TASK_TIME_LIMIT + 60}
# A broker that is down fails an enqueue in about a second with a clear error, not after minutes of retries.
CELERY_BROKER_CONNECTION_TIMEOUT = 2
CELERY_TASK_PUBLISH_RETRY_POLICY = {"max_retries": 2, "interval_start": 0, "interval_step": 0.2, "interval_max": 0.5}
CELERY_TASK_IGNORE_RESULT = True

# The same limit guards the CLI, the admin and the API: a news article is tens
# of kilobytes; 5 MB leaves room for bloated pages without inviting abuse.
FACTCHECK_MAX_ARTICLE_BYTES = envint("FACTCHECK_MAX_ARTICLE_BYTES", 5 * 1024 * 1024)
# Imported ClaimReview files (a fact-checker's whole DataFeed can be large); the API still caps a request body
# at DATA_UPLOAD_MAX_MEMORY_SIZE.
FACTCHECK_MAX_IMPORT_BYTES = envint("FACTCHECK_MAX_IMPORT_BYTES", 50 * 1024 * 1024)
# Uploads past this are rejected by Django before our code reads them.
DATA_UPLOAD_MAX_MEMORY_SIZE = FACTCHECK_MAX_ARTICLE_BYTES + 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = FACTCHECK_MAX_ARTICLE_BYTES + 1024 * 1024

# A newsroom with a single reviewer may let reviewers publish their own verdicts;
# by default a second person (an editor) must publish.
FACTCHECK_SINGLE_REVIEWER_NEWSROOM = envbool("FACTCHECK_SINGLE_REVIEWER_NEWSROOM", False)

# Check-worthiness weights fitted to this newsroom's review decisions by `manage.py fit_checkworthiness`;
# used by ingestion and re-extraction when the file exists, else the shipped rule-based weights.
FACTCHECK_CHECKWORTHINESS_WEIGHTS = Path(
    os.environ.get("FACTCHECK_CHECKWORTHINESS_WEIGHTS", str(BASE_DIR / "var" / "checkworthiness-weights.json"))
)

# Who publishes the fact checks, as named in ClaimReview markup.
FACTCHECK_ORGANISATION_NAME = os.environ.get("FACTCHECK_ORGANISATION_NAME", "factcheck")
# The organisation's own site for ClaimReview's author ``url``; empty means this site's home page.
FACTCHECK_ORGANISATION_URL = os.environ.get("FACTCHECK_ORGANISATION_URL", "")
# Who we are, on the methodology page (the IFCN code asks for team, funding and a contact).
# Team members are separated by ";" so an entry can read "Ana Ruiz, editor".
FACTCHECK_TEAM = [member.strip() for member in os.environ.get("FACTCHECK_TEAM", "").split(";") if member.strip()]
FACTCHECK_FUNDING = os.environ.get("FACTCHECK_FUNDING", "")
FACTCHECK_CONTACT_EMAIL = os.environ.get("FACTCHECK_CONTACT_EMAIL", "")

# Webhooks: a receiver gets this long to answer, and this many attempts with exponential backoff
# (30 s, 1 min, 2 min, ...) before a delivery is marked failed.
FACTCHECK_WEBHOOK_TIMEOUT_SECONDS = envint("FACTCHECK_WEBHOOK_TIMEOUT_SECONDS", 5)
FACTCHECK_WEBHOOK_MAX_ATTEMPTS = envint("FACTCHECK_WEBHOOK_MAX_ATTEMPTS", 8)
# Outbound requests go to public addresses only; tests turn this on to run a receiver on 127.0.0.1.
FACTCHECK_OUTBOUND_ALLOW_LOOPBACK = envbool("FACTCHECK_OUTBOUND_ALLOW_LOOPBACK", False)
# The change feed shows events this many seconds old or older, so an event whose transaction commits
# after a later-numbered one cannot be skipped by a reader following the cursor.
FACTCHECK_CHANGES_SETTLE_SECONDS = envint("FACTCHECK_CHANGES_SETTLE_SECONDS", 2)

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "api.authentication.ApiTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["api.permissions.ModelPermissionsOrReadOnly"],
    "DEFAULT_PAGINATION_CLASS": "api.pagination.NumberedPagination",
    "DEFAULT_FILTER_BACKENDS": [
        "api.filters.FilterBackend",
        "api.filters.StableOrderingFilter",
    ],
    "DEFAULT_SCHEMA_CLASS": "api.schema.FactcheckAutoSchema",
    # orjson: the same JSON, a fraction of the encoder's time on list pages (api/renderers.py).
    "DEFAULT_RENDERER_CLASSES": ["api.renderers.ORJSONRenderer", "rest_framework.renderers.BrowsableAPIRenderer"],
    "DEFAULT_THROTTLE_CLASSES": [
        "api.throttling.AnonRateThrottle",
        "api.throttling.UserRateThrottle",
    ],
    # Generous for people, a brake for runaway scripts.
    "DEFAULT_THROTTLE_RATES": {
        "anon": os.environ.get("FACTCHECK_API_ANON_RATE", "120/minute"),
        "user": os.environ.get("FACTCHECK_API_USER_RATE", "1200/minute"),
    },
    "EXCEPTION_HANDLER": "api.errors.handle_exception",
    "TEST_REQUEST_DEFAULT_FORMAT": "json",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "factcheck API",
    "DESCRIPTION": "Articles, claims, sources, verdicts and ClaimReview for fact-checking tools.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    # Response headers, 304s, the rating scale's enums, the list envelope and the conventions (api/schema.py).
    "POSTPROCESSING_HOOKS": ["drf_spectacular.hooks.postprocess_schema_enums", "api.schema.postprocess"],
    "ENUM_NAME_OVERRIDES": {
        "ClaimStatusEnum": "claims.models.Claim.Status",
        "VerdictStatusEnum": "claims.models.Verdict.Status",
        "ClaimTypeEnum": "claims.models.Claim.Type",
        "SourceKindEnum": "claims.models.Source.Kind",
    },
}

LOG_LEVEL = os.environ.get("LOG_LEVEL", "INFO").strip().upper()
if LOG_LEVEL not in {"DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"}:
    raise ImproperlyConfigured(f"LOG_LEVEL must be DEBUG, INFO, WARNING, ERROR or CRITICAL, not {LOG_LEVEL!r}")
# One handler, and Django's own loggers stop propagating to it a second time (Django's default "console" handler
# plus the root's printed every line twice). Client errors (4xx) are logged as one line, without the traceback of
# the PermissionDenied or Http404 behind them; server errors keep theirs.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"client_errors_without_traceback": {"()": "factcheck.log_filters.ClientErrorsWithoutTraceback"}},
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": "plain",
            "filters": ["client_errors_without_traceback"],
        }
    },
    "root": {"handlers": ["console"], "level": LOG_LEVEL},
    "loggers": {
        "django": {"handlers": ["console"], "level": LOG_LEVEL, "propagate": False},
        "django.server": {"handlers": ["console"], "level": LOG_LEVEL, "propagate": False},
    },
}

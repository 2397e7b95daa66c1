"""ASGI entry point, for uvicorn, daphne and other ASGI servers."""

import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "factcheck.settings")
# Web requests get the database statement timeout (DATABASE_STATEMENT_TIMEOUT_MS); commands and workers do not.
os.environ["FACTCHECK_WEB_PROCESS"] = "1"

application = get_asgi_application()

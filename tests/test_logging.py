"""One logging configuration: each line once, client errors without tracebacks, server errors with them."""

import io
import logging

import pytest
from django.core.exceptions import PermissionDenied


@pytest.fixture
def console():
    """What the one console handler prints, captured."""
    handler = next(h for h in logging.getLogger("django").handlers if h.get_name() == "console")
    stream = io.StringIO()
    previous = handler.setStream(stream)
    yield stream
    handler.setStream(previous)


def test_a_refused_request_is_logged_once_without_a_traceback(console):
    logger = logging.getLogger("django.request")
    try:
        raise PermissionDenied
    except PermissionDenied:
        logger.warning("Forbidden (Permission denied): /admin/", exc_info=True, extra={"status_code": 403})
    assert console.getvalue().count("Forbidden (Permission denied)") == 1
    assert "Traceback" not in console.getvalue()


@pytest.mark.django_db
def test_a_missing_page_is_one_line(client, console):
    client.get("/no-such-page/")
    assert console.getvalue().count("Not Found: /no-such-page/") == 1


def test_a_server_error_keeps_its_traceback(console):
    logger = logging.getLogger("django.request")
    try:
        raise RuntimeError("database exploded")
    except RuntimeError:
        logger.error("Internal Server Error: /", exc_info=True, extra={"status_code": 500})
    assert "Traceback" in console.getvalue()
    assert console.getvalue().count("Internal Server Error") == 1


def test_django_loggers_do_not_also_print_through_the_root():
    assert logging.getLogger("django").propagate is False

"""The search page never counts a million matches: exact up to a line, "about" the planner's estimate above."""

import re

import pytest
from django.db import connection

from tests.factories import make_claim

pytestmark = pytest.mark.django_db


def test_a_short_result_list_is_counted_exactly(client):
    make_claim(checkworthy=True)
    page = client.get("/search/").content.decode()
    assert ">1 claim<" in page


@pytest.mark.skipif(connection.vendor != "postgresql", reason="estimates come from PostgreSQL's planner")
def test_a_result_list_past_the_line_says_about(client, monkeypatch):
    monkeypatch.setattr("claims.pagination.ESTIMATE_ABOVE", 3)
    for _ in range(5):
        make_claim(checkworthy=True)
    page = client.get("/search/").content.decode()
    assert re.search(r"about \d+ claims", page)

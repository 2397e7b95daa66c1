"""Admin log-in protection: the lock-out holds whatever spelling of the username, per address, behind proxies."""

import pytest
from django.core.cache import cache
from django.test import RequestFactory

from factcheck import login_protection
from tests.factories import make_user

pytestmark = pytest.mark.django_db

LOGIN = "/admin/login/"


@pytest.fixture(autouse=True)
def fresh_counters(settings):
    settings.LOGIN_FAILURE_LIMIT = 3
    settings.LOGIN_FAILURE_ADDRESS_LIMIT = 10
    cache.clear()
    yield
    cache.clear()


def fail(client, username, address="203.0.113.5", **headers):
    return client.post(LOGIN, {"username": username, "password": "wrong"}, REMOTE_ADDR=address, **headers)


@pytest.mark.parametrize("spelling", ["victim ", " victim", "victim\t", "victim\xa0", "ｖｉｃｔｉｍ", "VICTIM"])
def test_a_locked_out_username_stays_locked_out_however_it_is_spelled(client, spelling):
    make_user("editor", username="victim")
    for _ in range(3):
        assert fail(client, "victim").status_code == 200
    attempt = client.post(LOGIN, {"username": spelling, "password": "pw"}, REMOTE_ADDR="203.0.113.5")
    assert attempt.status_code == 429
    assert "_auth_user_id" not in client.session


def test_failures_under_other_spellings_count_for_the_same_account(client):
    make_user("editor", username="victim")
    for spelling in ("victim ", "ｖｉｃｔｉｍ", "\tvictim"):
        fail(client, spelling)
    assert client.post(LOGIN, {"username": "victim", "password": "pw"}).status_code == 429


def test_changing_address_does_not_reset_a_username(client):
    make_user("editor", username="victim")
    for number in range(3):
        fail(client, "victim", address=f"198.51.100.{number}")
    assert fail(client, "victim", address="192.0.2.77").status_code == 429


def test_one_address_spraying_many_usernames_is_locked_out(client):
    for number in range(10):
        assert fail(client, f"user{number}").status_code == 200
    assert fail(client, "someone-new").status_code == 429
    assert fail(client, "someone-new", address="192.0.2.1").status_code == 200


def test_forwarded_for_is_ignored_without_trusted_proxies(client):
    for number in range(10):
        fail(client, f"user{number}", HTTP_X_FORWARDED_FOR=f"10.0.0.{number}")
    # Every attempt came from one connection address, whatever the header claimed.
    assert fail(client, "another", HTTP_X_FORWARDED_FOR="10.9.9.9").status_code == 429


def test_behind_a_trusted_proxy_the_client_address_is_the_one_it_recorded(settings):
    settings.FACTCHECK_TRUSTED_PROXY_COUNT = 1
    request = RequestFactory().post(LOGIN, REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="6.6.6.6, 198.51.100.7")
    # The client could write 6.6.6.6 itself; our proxy appended the address it saw.
    assert login_protection.client_address(request) == "198.51.100.7"
    settings.FACTCHECK_TRUSTED_PROXY_COUNT = 2
    assert login_protection.client_address(request) == "6.6.6.6"
    settings.FACTCHECK_TRUSTED_PROXY_COUNT = 3
    assert login_protection.client_address(request) == "10.0.0.2"


def test_the_right_password_still_works_below_the_limit(client):
    make_user("editor", username="victim")
    fail(client, "victim")
    response = client.post(LOGIN, {"username": "victim", "password": "pw", "next": "/admin/"})
    assert response.status_code == 302

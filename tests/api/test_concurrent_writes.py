"""Two clients racing writes through the real API, on PostgreSQL: one wins, the other is told, no edit is lost.

Issue 11 reproduced lost updates with two clients PATCHing at once without
``If-Match`` or ``version`` (2 edits lost in 50 rounds). Here two threads, each
with its own database connection, read the same verdict or claim, wait for
each other at a barrier and write at once:

- with a precondition (``version`` in the body, or the ETag as ``If-Match``):
  exactly one write succeeds and the other gets 412 (or 409), and what is
  stored afterwards is the winner's edit;
- without one: both get 428 and nothing changes.

Every round is checked, and the history must hold exactly one new row per
successful write: an edit that got 200 but is not stored would be a lost one.
"""

import threading
from functools import partial

import pytest
from django.db import connection
from rest_framework.test import APIClient

from claims.models import Claim, Correction, Verdict
from tests.factories import make_claim, make_user, make_verdict

pytestmark = [
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="racing writes need two real concurrent connections with row locks; SQLite serialises every "
        "writer on one file lock. Run with DATABASE_URL pointing at PostgreSQL.",
    ),
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

ROUNDS = 30
REFUSED = {409, 412}


def client(user):
    api = APIClient()
    api.force_authenticate(user)
    return api


def race(*writes):
    """Run each ``write`` (a function returning a response) in its own thread, released together; their statuses."""
    barrier = threading.Barrier(len(writes))
    statuses = [None] * len(writes)
    failures = []

    def run(index, write):
        from django.db import connection as thread_connection

        try:
            barrier.wait(timeout=30)
            statuses[index] = write().status_code
        except Exception as error:  # surfaced below: a thread's exception would otherwise vanish
            failures.append(error)
        finally:
            thread_connection.close()

    threads = [threading.Thread(target=run, args=(i, write)) for i, write in enumerate(writes)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not failures, failures
    return statuses


def one_won(statuses):
    assert sorted(statuses)[0] == 200, statuses
    assert len([s for s in statuses if s == 200]) == 1, statuses
    assert all(s in REFUSED for s in statuses if s != 200), statuses
    return statuses.index(200)


def test_racing_draft_edits_with_a_version_let_exactly_one_win_and_lose_nothing():
    verdict = make_verdict()
    first, second = client(make_user("reviewer")), client(make_user("editor"))
    history = verdict.history.count()
    for round_number in range(ROUNDS):
        version = Verdict.objects.get(pk=verdict.pk).version
        edits = [f"Round {round_number}: first client's wording.", f"Round {round_number}: second client's wording."]
        statuses = race(
            *(
                partial(
                    api.patch,
                    f"/api/v1/verdicts/{verdict.pk}/",
                    {"summary": summary, "version": version},
                    format="json",
                )
                for api, summary in zip((first, second), edits, strict=True)
            )
        )
        winner = one_won(statuses)
        stored = Verdict.objects.get(pk=verdict.pk)
        assert stored.summary == edits[winner], round_number
        assert stored.version == version + 1, round_number
    assert Verdict.objects.get(pk=verdict.pk).history.count() == history + ROUNDS


def test_racing_corrections_with_if_match_let_exactly_one_win_and_each_leaves_one_correction():
    verdict = make_verdict(status=Verdict.Status.PUBLISHED)
    editors = [client(make_user("editor")), client(make_user("superuser"))]
    for round_number in range(ROUNDS):
        etag = editors[0].get(f"/api/v1/verdicts/{verdict.pk}/")["ETag"]
        edits = [f"Round {round_number}: corrected by the first.", f"Round {round_number}: corrected by the second."]
        statuses = race(
            *(
                partial(
                    api.post,
                    f"/api/v1/verdicts/{verdict.pk}/correct/",
                    {"summary": summary, "correction_note": f"{summary} (note)"},
                    format="json",
                    HTTP_IF_MATCH=etag,
                )
                for api, summary in zip(editors, edits, strict=True)
            )
        )
        winner = one_won(statuses)
        assert Verdict.objects.get(pk=verdict.pk).summary == edits[winner], round_number
        assert Correction.objects.filter(verdict=verdict).count() == round_number + 1, round_number
        assert Correction.objects.filter(verdict=verdict).latest("id").note == f"{edits[winner]} (note)"


def test_racing_claim_status_changes_with_if_match_let_exactly_one_win():
    claim = make_claim()
    first, second = client(make_user("reviewer")), client(make_user("reviewer"))
    statuses_in_turn = [Claim.Status.NEW, Claim.Status.IN_REVIEW, Claim.Status.REVIEWED]
    for round_number in range(ROUNDS):
        read = first.get(f"/api/v1/claims/{claim.pk}/")
        current = read.json()["status"]
        wanted = [status for status in statuses_in_turn if status != current]  # two different changes
        statuses = race(
            *(
                partial(
                    api.patch,
                    f"/api/v1/claims/{claim.pk}/",
                    {"status": status},
                    format="json",
                    HTTP_IF_MATCH=read["ETag"],
                )
                for api, status in zip((first, second), wanted, strict=True)
            )
        )
        winner = one_won(statuses)
        assert Claim.objects.get(pk=claim.pk).status == wanted[winner], round_number


def test_racing_writes_without_a_precondition_are_both_refused_with_428_and_change_nothing():
    verdict = make_verdict()
    claim = verdict.claim
    reviewer, editor = client(make_user("reviewer")), client(make_user("editor"))
    for round_number in range(ROUNDS // 3):
        before = (Verdict.objects.get(pk=verdict.pk).version, Claim.objects.get(pk=claim.pk).status)
        statuses = race(
            lambda: reviewer.patch(f"/api/v1/verdicts/{verdict.pk}/", {"summary": "No precondition."}, format="json"),
            lambda: editor.patch(f"/api/v1/verdicts/{verdict.pk}/", {"summary": "Nor here."}, format="json"),
            lambda: reviewer.patch(f"/api/v1/claims/{claim.pk}/", {"status": "reviewed"}, format="json"),
        )
        assert statuses == [428, 428, 428], round_number
        after = (Verdict.objects.get(pk=verdict.pk).version, Claim.objects.get(pk=claim.pk).status)
        assert after == before, round_number

"""docs/review-workflow.md's "Who may do what" table is the rulebook's answers: each cell is asked of the code.

Each row names a transition; ``PROBES`` says how to ask ``claims.reviews`` about it for one user, in one
situation (single-reviewer newsroom or not; the verdict drafted by that user or by someone else). Each cell's
words say what the answer must be in every situation. A row or a cell the test cannot read fails it, so a
change to the table or to the rules that leaves the other behind is caught.
"""

import re
from itertools import product

import pytest
from django.contrib import admin
from django.contrib.auth.models import AnonymousUser
from django.test import RequestFactory

from claims import reviews
from claims.models import Claim, Verdict
from tests.conftest import ROOT
from tests.factories import make_claim, make_user, make_verdict

pytestmark = pytest.mark.django_db

DOC = (ROOT / "docs" / "review-workflow.md").read_text(encoding="utf-8")
COLUMNS = {
    "anonymous / reader": ("anonymous", "reader"),
    "reviewer without staff": ("reviewer_without_staff",),
    "reviewer": ("reviewer",),
    "editor": ("editor",),
    "superuser": ("superuser",),
}
SITUATIONS = [{"single": single, "own": own} for single, own in product((False, True), repeat=2)]


def table():
    """The rows of the "Who may do what" table as {column heading: cell}."""
    section = re.search(r"^## Who may do what\n(.*?)(?=^## )", DOC, re.M | re.S).group(1)
    lines = [line for line in section.splitlines() if line.startswith("|")]
    heading = [cell.strip() for cell in lines[0].strip("|").split("|")]
    return [dict(zip(heading, (c.strip() for c in line.strip("|").split("|")), strict=True)) for line in lines[2:]]


def expected(cell, situation):
    """What a cell's words promise in ``situation``."""
    if cell.startswith("own, single-reviewer only"):
        return situation["single"] and situation["own"]
    if cell.startswith(("yes", "drafts only", "draft verdicts, unpublished claims")):
        return True
    if cell.startswith("no"):
        return False
    raise AssertionError(f"the doc test cannot read the cell {cell!r}")


def user_for(role):
    return AnonymousUser() if role == "anonymous" else make_user(role)


def verdict(user, situation, status=Verdict.Status.DRAFT, claim=None):
    """A verdict drafted by ``user`` when the situation says "own" (and ``user`` may draft), else by a reviewer."""
    owner = user if situation["own"] and reviews.can_draft(user) else make_user("reviewer")
    return make_verdict(claim=claim, by=owner, status=status)


def published_claim(user, situation):
    published = verdict(user, situation, Verdict.Status.PUBLISHED)
    return Claim.objects.get(pk=published.claim_id), published


def probe_draft(user, situation):
    return reviews.can_draft(user, make_claim())


def probe_edit_draft(user, situation):
    return reviews.can_edit_verdict(user, verdict(user, situation))


def probe_publish(user, situation):
    return reviews.can_publish(user, verdict(user, situation))


def probe_publish_over(user, situation):
    claim, current = published_claim(user, situation)
    return reviews.can_publish(user, verdict(user, situation, claim=claim), current)


def probe_correct(user, situation):
    return reviews.can_correct(user, verdict(user, situation, Verdict.Status.PUBLISHED))


def probe_retract(user, situation):
    return reviews.can_retract(user, verdict(user, situation, Verdict.Status.PUBLISHED))


def probe_claim_correction(user, situation):
    claim, _ = published_claim(user, situation)
    return reviews.can_edit_claim(user, claim, reviews.CLAIM_PUBLIC_FIELDS)


def probe_queue_moves(user, situation):
    claim = make_claim()
    return (
        reviews.can_set_status(user, claim, Claim.Status.IN_REVIEW)
        and reviews.can_edit_claim(user, claim, ("assigned_to", "checkworthy"))
        and not reviews.can_set_status(user, claim, Claim.Status.PUBLISHED)
    )


def probe_revert(user, situation):
    claim, published = published_claim(user, situation)
    assert not reviews.can_revert(user, published), "revert of a published verdict"
    assert not reviews.can_revert(user, claim), "revert of a published claim"
    # The admin is the only door to History → Revert, and it opens to staff only.
    return (
        reviews.can_revert(user, verdict(user, situation))
        and reviews.can_revert(user, make_claim())
        and user.is_active
        and user.is_staff
    )


def probe_delete(user, situation):
    assert not reviews.can_delete_verdict(user, verdict(user, situation, Verdict.Status.PUBLISHED))
    return reviews.can_delete_verdict(user, verdict(user, situation))


def probe_add_claim(user, situation):
    request = RequestFactory().get("/admin/claims/claim/add/")
    request.user = user
    return admin.site._registry[Claim].has_add_permission(request)


def probe_fix_article_metadata(user, situation):
    return reviews.can_edit_article(user)


# The start of each row's first cell → how to ask the rulebook.
PROBES = {
    "draft a verdict": probe_draft,
    "edit a draft": probe_edit_draft,
    "publish a draft": probe_publish,
    "publish over a published verdict": probe_publish_over,
    "correct a published verdict": probe_correct,
    "retract a published verdict": probe_retract,
    "change what readers see of a published claim": probe_claim_correction,
    "queue moves": probe_queue_moves,
    "History → Revert": probe_revert,
    "delete a verdict": probe_delete,
    "add a claim by hand": probe_add_claim,
    "fix an article's metadata": probe_fix_article_metadata,
}


def probe_for(transition):
    matches = [probe for start, probe in PROBES.items() if transition.startswith(start)]
    assert len(matches) == 1, f"the doc test has no probe for the row {transition!r}"
    return matches[0]


def test_every_row_of_the_table_has_a_probe_and_every_probe_a_row():
    transitions = [row["transition (service)"] for row in table()]
    for transition in transitions:
        probe_for(transition)
    assert len(transitions) == len(PROBES)


def test_the_services_the_table_names_exist_in_the_rulebook():
    for row in table():
        # API actions (``API `correct` ``) are endpoints, not rulebook functions.
        for name in re.findall(r"(?<!API )`([a-z]+_[a-z_]+)`", row["transition (service)"]):
            assert hasattr(reviews, name), name


@pytest.mark.parametrize("row", table(), ids=lambda row: row["transition (service)"][:40])
def test_each_cell_is_what_the_rulebook_answers(row, settings):
    probe = probe_for(row["transition (service)"])
    wrong = []
    for column, roles in COLUMNS.items():
        for role in roles:
            user = user_for(role)
            for situation in SITUATIONS:
                settings.FACTCHECK_SINGLE_REVIEWER_NEWSROOM = situation["single"]
                answer = probe(user, situation)
                if bool(answer) != expected(row[column], situation):
                    wrong.append(f"{role} {situation}: the rulebook says {bool(answer)}, the doc says {row[column]!r}")
    assert not wrong, "\n".join(wrong)

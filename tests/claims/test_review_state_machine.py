"""The review rulebook explored: random sequences of review moves by random roles, through the real API.

Each step is a request a person or a tool could make (draft, edit, publish, correct, change evidence or status,
write without a precondition) by a random role (anonymous, signed-in reader, reviewer without staff, reviewer,
editor, superuser). After every step the invariants the rulebook promises are checked against the database and
against what an anonymous reader gets from the API and the claim page:

- a claim has at most one published verdict, and it is the claim's current verdict;
- readers see the current verdict's rating and nothing of a draft (verdicts, evidence sources);
- what readers see of a published verdict never changes without a new public correction;
- only an editor or a superuser moves what readers see; a write with no precondition changes nothing.
"""

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule, run_state_machine_as_test
from rest_framework.test import APIClient

from claims.models import Claim, Correction, Source, Verdict
from tests.factories import ROLES, make_claim, make_user

RATINGS = ["true", "mostly-true", "half-true", "false"]
ALL_ROLES = ("anonymous", *ROLES)
NEWSROOM_EDITORS = {"editor", "superuser"}


class ReviewMachine(RuleBasedStateMachine):
    def __init__(self):
        super().__init__()
        self.claim = make_claim()
        self.clients = {"anonymous": APIClient()}
        for role in ROLES:
            client = APIClient()
            client.force_authenticate(make_user(role))
            self.clients[role] = client
        self.evidence_counter = 0
        self.snapshot = self.public_state()
        self.last_role = None

    # --- helpers -------------------------------------------------------------------------------------------

    def verdicts(self):
        return list(Verdict.objects.filter(claim=self.claim).order_by("id"))

    def public_state(self):
        """What a reader sees of the published verdict, and how many corrections explain it."""
        verdict = Verdict.objects.filter(claim=self.claim, status=Verdict.Status.PUBLISHED).first()
        if verdict is None:
            return None
        return {
            "id": verdict.id,
            "rating": verdict.rating.slug,
            "summary": verdict.summary,
            "evidence": sorted(verdict.evidence.values_list("canonical_url", flat=True)),
            "corrections": Correction.objects.filter(verdict__claim=self.claim).count(),
        }

    def new_evidence_url(self):
        self.evidence_counter += 1
        return f"https://evidence-{id(self) % 100000}-{self.evidence_counter}.example.org/report"

    # --- moves ---------------------------------------------------------------------------------------------

    @rule(role=st.sampled_from(ALL_ROLES), rating=st.sampled_from(RATINGS), with_evidence=st.booleans())
    def draft(self, role, rating, with_evidence):
        self.last_role = role
        body = {"rating": rating, "summary": f"Drafted by {role}."}
        if with_evidence:
            body["evidence_urls"] = [self.new_evidence_url()]
        response = self.clients[role].post(f"/api/v1/claims/{self.claim.pk}/verdicts/", body, format="json")
        assert response.status_code < 500

    @rule(
        role=st.sampled_from(ALL_ROLES),
        index=st.integers(0, 5),
        field=st.sampled_from(["summary", "rating", "evidence_urls"]),
        with_note=st.booleans(),
    )
    def edit(self, role, index, field, with_note):
        self.last_role = role
        verdicts = self.verdicts()
        if not verdicts:
            return
        verdict = verdicts[index % len(verdicts)]
        value = {
            "summary": f"Edited by {role} at v{verdict.version}.",
            "rating": RATINGS[verdict.version % len(RATINGS)],
            "evidence_urls": [self.new_evidence_url()],
        }[field]
        body = {field: value, "version": verdict.version}
        if with_note:
            body["correction_note"] = f"{role} changed the {field}."
        response = self.clients[role].patch(f"/api/v1/verdicts/{verdict.pk}/", body, format="json")
        assert response.status_code < 500

    @rule(role=st.sampled_from(ALL_ROLES), index=st.integers(0, 5), with_note=st.booleans())
    def publish(self, role, index, with_note):
        self.last_role = role
        verdicts = self.verdicts()
        if not verdicts:
            return
        verdict = verdicts[index % len(verdicts)]
        body = {"version": verdict.version}
        if with_note:
            body["correction_note"] = "A newer verdict replaces the earlier one."
        response = self.clients[role].post(f"/api/v1/verdicts/{verdict.pk}/publish/", body, format="json")
        assert response.status_code < 500

    @rule(role=st.sampled_from(ALL_ROLES), rating=st.sampled_from(RATINGS))
    def correct(self, role, rating):
        self.last_role = role
        verdict = Verdict.objects.filter(claim=self.claim, status=Verdict.Status.PUBLISHED).first()
        if verdict is None:
            return
        body = {"rating": rating, "correction_note": f"{role} re-rated it.", "version": verdict.version}
        response = self.clients[role].post(f"/api/v1/verdicts/{verdict.pk}/correct/", body, format="json")
        assert response.status_code < 500

    @rule(role=st.sampled_from(ALL_ROLES), status=st.sampled_from([s.value for s in Claim.Status]))
    def set_claim_status(self, role, status):
        self.last_role = role
        claim = self.clients[role].get(f"/api/v1/claims/{self.claim.pk}/")
        etag = claim["ETag"] if claim.status_code == 200 else '"none"'
        response = self.clients[role].patch(
            f"/api/v1/claims/{self.claim.pk}/", {"status": status}, format="json", HTTP_IF_MATCH=etag
        )
        assert response.status_code < 500

    @rule(role=st.sampled_from(ALL_ROLES), index=st.integers(0, 5))
    def write_without_precondition(self, role, index):
        self.last_role = role
        verdicts = self.verdicts()
        if not verdicts:
            return
        verdict = verdicts[index % len(verdicts)]
        before = (verdict.version, verdict.status, verdict.summary)
        response = self.clients[role].patch(
            f"/api/v1/verdicts/{verdict.pk}/",
            {"summary": "No precondition.", "correction_note": "Blind write."},
            format="json",
        )
        assert response.status_code >= 400
        verdict.refresh_from_db()
        assert (verdict.version, verdict.status, verdict.summary) == before

    # --- invariants ----------------------------------------------------------------------------------------

    @invariant()
    def one_current_published_verdict(self):
        published = Verdict.objects.filter(claim=self.claim, status=Verdict.Status.PUBLISHED)
        assert published.count() <= 1
        self.claim.refresh_from_db()
        assert self.claim.current_verdict_id == (published.first().id if published else None)

    @invariant()
    def readers_see_the_current_verdict_and_no_draft(self):
        reader = self.clients["anonymous"]
        current = Verdict.objects.filter(claim=self.claim, status=Verdict.Status.PUBLISHED).first()
        claim = reader.get(f"/api/v1/claims/{self.claim.pk}/").json()
        if current is None:
            assert claim["current_verdict"] is None
        else:
            assert claim["current_verdict"]["id"] == current.id
            assert claim["current_verdict"]["rating"]["slug"] == current.rating.slug
        listed = reader.get("/api/v1/verdicts/", {"claim": self.claim.pk}).json()["results"]
        assert all(v["status"] != "draft" for v in listed)
        assert {v["id"] for v in listed if v["status"] == "published"} == ({current.id} if current else set())
        page = reader.get(self.claim.get_absolute_url(), follow=True)
        assert page.status_code == 200
        if current is not None:
            assert current.rating.label in page.content.decode()

    @invariant()
    def draft_evidence_is_not_public(self):
        public_urls = set(
            Verdict.objects.filter(
                claim=self.claim, status__in=[Verdict.Status.PUBLISHED, Verdict.Status.SUPERSEDED]
            ).values_list("evidence__canonical_url", flat=True)
        )
        draft_only = {
            url
            for url in Verdict.objects.filter(claim=self.claim, status=Verdict.Status.DRAFT).values_list(
                "evidence__canonical_url", flat=True
            )
            if url and url not in public_urls
        }
        for source in Source.objects.filter(canonical_url__in=draft_only):
            assert self.clients["anonymous"].get(f"/api/v1/sources/{source.pk}/").status_code == 404, source
            assert self.clients["anonymous"].get(f"/sources/{source.pk}/").status_code == 404, source

    @invariant()
    def published_content_changes_only_with_a_correction(self):
        now = self.public_state()
        before = self.snapshot
        if before is not None and now is not None:
            reader_view_changed = {k: now[k] for k in ("id", "rating", "summary", "evidence")} != {
                k: before[k] for k in ("id", "rating", "summary", "evidence")
            }
            if reader_view_changed:
                assert now["corrections"] > before["corrections"], (before, now)
                assert self.last_role in NEWSROOM_EDITORS, f"{self.last_role} changed a published verdict"
        if before is None and now is not None:
            assert self.last_role in NEWSROOM_EDITORS, f"{self.last_role} published a verdict"
        if before is not None:
            assert now is not None, "a published verdict was withdrawn without a trace"
        self.snapshot = now


@pytest.mark.django_db
def test_review_rules_hold_over_random_sequences_of_moves_by_random_roles():
    run_state_machine_as_test(
        ReviewMachine,
        settings=settings(
            max_examples=20,
            stateful_step_count=30,
            deadline=None,
            suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
        ),
    )

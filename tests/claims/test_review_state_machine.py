"""The review rulebook explored: random review moves by random roles, through the API, the admin and re-extraction.

Each step is something a person or a tool could do, by a random role (anonymous, signed-in reader, reviewer
without staff, reviewer, editor, superuser):

- through the API: draft, edit (summary, rating, evidence), publish, correct, change the claim's status, write
  with no precondition;
- through the admin, with Django's test client: open a claim or verdict change form, or a History → Revert page,
  and submit it later (so it may be stale, carrying the version it was loaded at), changed (status, claimant,
  a new inline draft, summary, rating, evidence added or removed, with or without a correction note), possibly by
  somebody other than who opened it (a reviewer replaying an editor's form with fields it was not offered);
  publish with the changelist action;
- ``manage.py reextract`` over the claim's article.

Each run draws a single-reviewer newsroom or not, and whether the claim starts with no verdict, a draft or a
published verdict (so corrections are tried from the first step). After every step the invariants the rulebook
promises are checked against the database and against what an anonymous reader gets from the claim page, its
ClaimReview JSON-LD, the API (claim, verdicts, ClaimReview), the RSS and Atom feeds and the sitemap:

- a claim has at most one published verdict, it is the claim's current verdict, the claim is "published" exactly
  then, and every surface shows that verdict (its rating and summary), or none;
- readers see nothing of a draft: no draft's summary on any surface, no draft-only evidence source;
- what readers see of a published verdict and of the claim it rates changes only with a new public correction,
  made by an editor or a superuser (or, in a single-reviewer newsroom, by the reviewer who drafted both the
  verdict shown before and the one shown now); re-extraction never changes it;
- re-extraction writes a history row only for a claim whose extracted fields changed.

Summaries and evidence URLs carry a token unique in the whole run, so "nothing of a draft" is a plain search.

Bounded for CI (12 runs of up to 25 steps: about 25 s of CPU on SQLite or PostgreSQL). It catches a rulebook
that lets reviewers correct (``can_correct`` answering from ``change_verdict``: "reviewer changed what readers
see", 3 runs out of 3) and an admin that saves claims without asking the rulebook (a reviewer setting "Published"
in the claim form; a superuser changing a published claimant without a correction).
"""

import json
import re
from io import StringIO
from itertools import count

import pytest
from django.core.management import call_command
from django.test import Client, override_settings
from django.urls import reverse
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
    precondition,
    rule,
    run_state_machine_as_test,
)
from rest_framework.test import APIClient

from claims.models import Claim, Correction, Rating, Source, Verdict
from claims.services import UPDATED_ON_REEXTRACTION
from tests.admin_forms import form_fields
from tests.factories import ROLES, make_article, make_claim, make_user, make_verdict

RATINGS = ["true", "mostly-true", "half-true", "false"]
ALL_ROLES = ("anonymous", *ROLES)
EDITORS = {"editor", "superuser"}
REVIEWERS = {"reviewer", "reviewer_without_staff"}
QUEUE_STATUSES = [s.value for s in Claim.Status]
# What readers see of a claim beside its verdict (the claim page and ClaimReview's claimReviewed and itemReviewed).
CLAIM_PUBLIC_FIELDS = ("claimant", "claimant_entity", "statement", "claim_date", "venue", "venue_url")
TOKEN = re.compile(r"\[t\d+\]")
# The admin's door: staff only; everyone else is sent to log in (or refused).
STAFF = {"reviewer", "editor", "superuser"}
ADMIN_REFUSED = {302, 403}
# One change per admin save, or none (the form saved as loaded).
VERDICT_FORM_CHANGES = ["nothing", "summary", "rating", "add evidence", "clear evidence"]
# On the claim's page: a queue status (published included: it must be refused), the claimant, a new inline
# draft, or the first verdict's summary or evidence edited inline.
CLAIM_FORM_CHANGES = ["status", "claimant", "inline draft", "summary", "add evidence"]
# What an admin form left open is later saved with (one that does not fit the form changes nothing).
OPEN_FORM_CHANGES = [*VERDICT_FORM_CHANGES, *QUEUE_STATUSES, "claimant", "inline draft"]
REFUSED = {400, 401, 403, 404, 409, 412, 428}
_tokens = count(1)
JSON_LD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


def token():
    """A marker unique in the whole test run (the database is not emptied between examples)."""
    return f"[t{next(_tokens):05d}]"


class ReviewMachine(RuleBasedStateMachine):
    def __init__(self):
        super().__init__()
        self.article = make_article()
        self.claim = make_claim(article=self.article)
        self.users = {role: make_user(role) for role in ROLES}
        self.api = {"anonymous": APIClient()}
        self.admin = {"anonymous": Client()}
        for role, user in self.users.items():
            self.api[role] = APIClient()
            self.api[role].force_authenticate(user)
            self.admin[role] = Client()
            self.admin[role].force_login(user)
        self.reader = Client()
        self.rating_ids = dict(Rating.objects.filter(slug__in=RATINGS).values_list("slug", "pk"))
        self.open_forms = []
        self.checked_state = None
        self.last_role = None
        self.single_reviewer = False
        self.newsroom_settings = None
        self.snapshot = self.public_state()

    def teardown(self):
        if self.newsroom_settings is not None:
            self.newsroom_settings.disable()

    @initialize(
        single_reviewer=st.booleans(),
        start=st.sampled_from(["no verdict", "a draft", "published", "published, then a draft"]),
        drafter=st.sampled_from(["reviewer", "editor"]),
    )
    def newsroom(self, single_reviewer, start, drafter):
        """A single-reviewer newsroom or not; the claim starts with no verdict, a draft, or a published verdict."""
        self.single_reviewer = single_reviewer
        self.newsroom_settings = override_settings(FACTCHECK_SINGLE_REVIEWER_NEWSROOM=single_reviewer)
        self.newsroom_settings.enable()
        by = self.users[drafter]
        if start != "no verdict":
            status = Verdict.Status.DRAFT if start == "a draft" else Verdict.Status.PUBLISHED
            make_verdict(claim=self.claim, by=by, status=status, summary=self.new_summary(drafter))
        if start == "published, then a draft":
            make_verdict(claim=self.claim, by=by, summary=self.new_summary(drafter))
        self.snapshot = self.public_state()

    # --- helpers -------------------------------------------------------------------------------------------

    def verdicts(self):
        return list(Verdict.objects.filter(claim=self.claim).order_by("id"))

    def has_verdicts(self):
        return Verdict.objects.filter(claim=self.claim).exists()

    def pick(self, index):
        verdicts = self.verdicts()
        return verdicts[index % len(verdicts)] if verdicts else None

    def current(self):
        return (
            Verdict.objects.filter(claim=self.claim, status=Verdict.Status.PUBLISHED).select_related("rating").first()
        )

    def public_state(self):
        """What a reader sees of the published verdict and the claim it rates, and the corrections explaining it."""
        verdict = self.current()
        if verdict is None:
            return None
        claim = Claim.objects.get(pk=self.claim.pk)
        return {
            "id": verdict.id,
            "reviewer": verdict.reviewer_id,
            "rating": verdict.rating.slug,
            "summary": verdict.summary,
            "rationale": verdict.rationale,
            "evidence": sorted(verdict.evidence.values_list("canonical_url", flat=True)),
            "claim": [getattr(claim, Claim._meta.get_field(name).attname) for name in CLAIM_PUBLIC_FIELDS],
            "corrections": list(
                Correction.objects.filter(verdict__claim=self.claim).order_by("id").values_list("id", "corrected_by")
            ),
        }

    def new_summary(self, role):
        return f"Summary {token()} by {role}."

    def new_evidence_url(self):
        return f"https://evidence.example.org/report-{token()[2:-1]}"

    def draft_only(self):
        """Summaries and evidence URLs of drafts that no published or superseded verdict, nor a correction, shows."""
        shown = Verdict.objects.filter(
            claim=self.claim, status__in=[Verdict.Status.PUBLISHED, Verdict.Status.SUPERSEDED]
        )
        public_summaries = set(shown.values_list("summary", flat=True)) | set(
            Correction.objects.filter(verdict__claim=self.claim).values_list("previous_summary", flat=True)
        )
        public_urls = set(shown.values_list("evidence__canonical_url", flat=True))
        for correction in Correction.objects.filter(verdict__claim=self.claim):
            public_urls |= set(correction.previous_evidence or [])
        drafts = Verdict.objects.filter(claim=self.claim, status=Verdict.Status.DRAFT)
        summaries = {t for summary in drafts.values_list("summary", flat=True) for t in TOKEN.findall(summary)}
        summaries -= {t for summary in public_summaries for t in TOKEN.findall(summary)}
        urls = {
            url for url in drafts.values_list("evidence__canonical_url", flat=True) if url and url not in public_urls
        }
        return summaries, urls

    # --- moves through the API -----------------------------------------------------------------------------

    @rule(role=st.sampled_from(ALL_ROLES), rating=st.sampled_from(RATINGS), with_evidence=st.booleans())
    def api_draft(self, role, rating, with_evidence):
        self.last_role = role
        body = {"rating": rating, "summary": self.new_summary(role)}
        if with_evidence:
            body["evidence_urls"] = [self.new_evidence_url()]
        before = self.api["anonymous"].get(f"/api/v1/claims/{self.claim.pk}/")["ETag"]
        response = self.api[role].post(f"/api/v1/claims/{self.claim.pk}/verdicts/", body, format="json")
        assert response.status_code in {201, *REFUSED}, response.status_code
        # A draft is the newsroom's: the claim readers fetch is the same representation, with the same ETag.
        assert self.api["anonymous"].get(f"/api/v1/claims/{self.claim.pk}/")["ETag"] == before

    @precondition(lambda self: self.has_verdicts())
    @rule(
        role=st.sampled_from(ALL_ROLES),
        index=st.integers(0, 5),
        field=st.sampled_from(["summary", "rating", "evidence_urls"]),
        with_note=st.booleans(),
    )
    def api_edit(self, role, index, field, with_note):
        self.last_role = role
        verdict = self.pick(index)
        if verdict is None:
            return
        value = {
            "summary": self.new_summary(role),
            "rating": RATINGS[verdict.version % len(RATINGS)],
            "evidence_urls": [self.new_evidence_url()],
        }[field]
        body = {field: value, "version": verdict.version}
        if with_note:
            body["correction_note"] = f"{role} changed the {field}."
        response = self.api[role].patch(f"/api/v1/verdicts/{verdict.pk}/", body, format="json")
        assert response.status_code in {200, *REFUSED}, response.status_code

    @precondition(lambda self: self.has_verdicts())
    @rule(role=st.sampled_from(ALL_ROLES), index=st.integers(0, 5), with_note=st.booleans())
    def api_publish(self, role, index, with_note):
        self.last_role = role
        verdict = self.pick(index)
        if verdict is None:
            return
        body = {"version": verdict.version}
        if with_note:
            body["correction_note"] = "A newer verdict replaces the earlier one."
        response = self.api[role].post(f"/api/v1/verdicts/{verdict.pk}/publish/", body, format="json")
        assert response.status_code in {200, *REFUSED}, response.status_code

    @precondition(lambda self: self.has_verdicts())
    @rule(role=st.sampled_from(ALL_ROLES), rating=st.sampled_from(RATINGS))
    def api_correct(self, role, rating):
        self.last_role = role
        verdict = self.current()
        if verdict is None:
            return
        body = {"rating": rating, "correction_note": f"{role} re-rated it.", "version": verdict.version}
        response = self.api[role].post(f"/api/v1/verdicts/{verdict.pk}/correct/", body, format="json")
        assert response.status_code in {200, *REFUSED}, response.status_code

    @rule(role=st.sampled_from(ALL_ROLES), status=st.sampled_from(QUEUE_STATUSES))
    def api_set_claim_status(self, role, status):
        self.last_role = role
        read = self.api[role].get(f"/api/v1/claims/{self.claim.pk}/")
        response = self.api[role].patch(
            f"/api/v1/claims/{self.claim.pk}/", {"status": status}, format="json", HTTP_IF_MATCH=read["ETag"]
        )
        assert response.status_code in {200, *REFUSED}, response.status_code

    @precondition(lambda self: self.has_verdicts())
    @rule(role=st.sampled_from(ALL_ROLES), index=st.integers(0, 5))
    def api_write_without_precondition(self, role, index):
        self.last_role = role
        verdict = self.pick(index)
        if verdict is None:
            return
        before = (verdict.version, verdict.status, verdict.summary)
        response = self.api[role].patch(
            f"/api/v1/verdicts/{verdict.pk}/",
            {"summary": "No precondition.", "correction_note": "Blind write."},
            format="json",
        )
        assert response.status_code in REFUSED, response.status_code
        verdict.refresh_from_db()
        assert (verdict.version, verdict.status, verdict.summary) == before

    # --- moves through the admin ---------------------------------------------------------------------------

    def open_form(self, role, which, index):
        """GET a change form or a History → Revert page as ``role``: (which, url, the fields the page would post)."""
        if which == "claim":
            url, form_id = reverse("admin:claims_claim_change", args=[self.claim.pk]), "claim_form"
        else:
            verdict = self.pick(index)
            if verdict is None:
                return None
            url, form_id = reverse("admin:claims_verdict_change", args=[verdict.pk]), "verdict_form"
            if which == "history":
                target = verdict if index % 2 else Claim.objects.get(pk=self.claim.pk)
                records = list(target.history.order_by("history_id").values_list("history_id", flat=True))
                model = target._meta.model_name
                url = reverse(f"admin:claims_{model}_simple_history", args=[target.pk, records[index % len(records)]])
                form_id = f"historical{model}_form"
        response = self.admin[role].get(url)
        if role not in STAFF:
            assert response.status_code in ADMIN_REFUSED, response.status_code
            return None
        assert response.status_code == 200, response.status_code
        page = response.content.decode()
        if which == "history":
            # Revert is offered only for what is not published: a draft verdict, a claim with no published verdict.
            published = (
                target.status != Verdict.Status.DRAFT
                if isinstance(target, Verdict)
                else bool(target.current_verdict_id)
            )
            if published:
                assert 'value="Revert"' not in page, url
        return which, url, form_fields(page, form_id)

    def submit_form(self, form, role, change, with_note):
        """POST an opened form back as ``role`` with one ``change`` (those that do not fit the form change nothing)."""
        which, url, data = form
        data = dict(data)
        rating = str(self.rating_ids[RATINGS[next(_tokens) % len(RATINGS)]])
        if which == "verdict":
            if change == "summary":
                data["summary"] = self.new_summary(role)
            elif change == "rating":
                data["rating"] = rating
            elif change == "add evidence":
                data["evidence_urls"] = self.new_evidence_url()
            elif change == "clear evidence":
                data["evidence"] = []
        elif which == "claim":
            if change in QUEUE_STATUSES:
                data["status"] = change
            elif change == "claimant":
                # Posted whether or not the form offered it: a reviewer must not slip it in.
                data["claimant"] = f"Someone {token()}"
            elif change == "inline draft":
                new = int(data["verdicts-TOTAL_FORMS"])
                for name, value in list(data.items()):
                    if name.startswith("verdicts-__prefix__-"):
                        data[name.replace("__prefix__", str(new))] = value
                data["verdicts-TOTAL_FORMS"] = str(new + 1)
                data[f"verdicts-{new}-rating"] = rating
                data[f"verdicts-{new}-summary"] = self.new_summary(role)
                data[f"verdicts-{new}-evidence_urls"] = self.new_evidence_url()
            elif change in {"summary", "add evidence"} and data.get("verdicts-INITIAL_FORMS", "0") != "0":
                # The first verdict, edited inline on the claim's page.
                if change == "summary":
                    data["verdicts-0-summary"] = self.new_summary(role)
                else:
                    data["verdicts-0-evidence_urls"] = self.new_evidence_url()
        if with_note and which != "history":
            data["correction_note"] = f"{role} corrected it in the admin."
        response = self.admin[role].post(url, data)
        if role not in STAFF:
            assert response.status_code in ADMIN_REFUSED, response.status_code
        else:
            # Saved (302), refused in the form (200) or refused outright (403): never a server error.
            assert response.status_code in {200, 302, 403}, response.status_code

    def open_and_submit(self, role, which, index, change, with_note):
        """Open a form as ``role`` and save it changed. Someone without admin access is refused the page, and
        then tries posting the form an editor was shown."""
        self.last_role = role
        form = self.open_form(role, which, index)
        if role not in STAFF:
            form = self.open_form("editor", which, index)
        if form is not None:
            self.submit_form(form, role, change, with_note)

    @rule(
        role=st.sampled_from(ALL_ROLES),
        change=st.sampled_from(CLAIM_FORM_CHANGES),
        status=st.sampled_from(QUEUE_STATUSES),
        with_note=st.booleans(),
    )
    def admin_claim_form(self, role, change, status, with_note):
        self.open_and_submit(role, "claim", 0, status if change == "status" else change, with_note)

    @precondition(lambda self: self.has_verdicts())
    @rule(
        role=st.sampled_from(ALL_ROLES),
        index=st.integers(0, 5),
        change=st.sampled_from(VERDICT_FORM_CHANGES),
        with_note=st.booleans(),
    )
    def admin_verdict_form(self, role, index, change, with_note):
        self.open_and_submit(role, "verdict", index, change, with_note)

    @precondition(lambda self: self.has_verdicts())
    @rule(role=st.sampled_from(ALL_ROLES), index=st.integers(0, 9))
    def admin_revert(self, role, index):
        """History → Revert to an earlier version of a verdict (odd ``index``) or of the claim (even)."""
        self.open_and_submit(role, "history", index, "nothing", False)

    @rule(
        role=st.sampled_from(sorted(STAFF)),
        which=st.sampled_from(["claim", "verdict", "history"]),
        index=st.integers(0, 9),
    )
    def admin_open_form(self, role, which, index):
        """Open a form and leave it open: saved later, it carries the version it was loaded at."""
        self.last_role = role
        form = self.open_form(role, which, index)
        if form is not None:
            self.open_forms.append(form)

    @precondition(lambda self: self.open_forms)
    @rule(
        form_index=st.integers(0, 9),
        role=st.sampled_from(ALL_ROLES),
        change=st.sampled_from(OPEN_FORM_CHANGES),
        with_note=st.booleans(),
    )
    def admin_submit_open_form(self, form_index, role, change, with_note):
        """Save a form opened earlier (perhaps stale, perhaps by somebody other than who opened it), changed."""
        self.last_role = role
        self.submit_form(self.open_forms.pop(form_index % len(self.open_forms)), role, change, with_note)

    @precondition(lambda self: self.has_verdicts())
    @rule(role=st.sampled_from(ALL_ROLES), index=st.integers(0, 5), with_note=st.booleans())
    def admin_publish_action(self, role, index, with_note):
        self.last_role = role
        verdict = self.pick(index)
        if verdict is None:
            return
        data = {"action": "publish", "_selected_action": [verdict.pk], "index": 0}
        if with_note:
            data["correction_note"] = "Published over the earlier verdict from the admin."
        response = self.admin[role].post(reverse("admin:claims_verdict_changelist"), data)
        assert response.status_code in {200, 302, 403}, response.status_code

    # --- re-extraction -------------------------------------------------------------------------------------

    @rule()
    def reextract(self):
        self.last_role = "reextract"
        claims = list(Claim.objects.filter(article=self.article))
        before = {claim.pk: (extracted_values(claim), claim.history.count()) for claim in claims}
        call_command("reextract", article=[self.article.pk], no_progress=True, stdout=StringIO())
        for claim in Claim.objects.filter(pk__in=before):
            values, history = before[claim.pk]
            if extracted_values(claim) == values:
                assert claim.history.count() == history, f"re-extraction wrote history for unchanged claim {claim.pk}"

    # --- invariants ----------------------------------------------------------------------------------------

    @invariant()
    def one_current_published_verdict(self):
        published = Verdict.objects.filter(claim=self.claim, status=Verdict.Status.PUBLISHED)
        assert published.count() <= 1
        self.claim.refresh_from_db()
        assert self.claim.current_verdict_id == (published.first().id if published else None)
        # "Published" is reached by publishing a verdict, never set by hand, and never left.
        assert (self.claim.status == Claim.Status.PUBLISHED) == bool(self.claim.current_verdict_id)

    def stored_state(self):
        """Everything of the claim's review stored in the database; the public surfaces are a function of it."""
        claim = Claim.objects.filter(pk=self.claim.pk).values().get()
        verdicts = list(
            Verdict.objects.filter(claim=self.claim).order_by("id").values_list("id", "version", "status", "summary")
        )
        evidence = list(
            Verdict.evidence.through.objects.filter(verdict__claim=self.claim)
            .order_by("id")
            .values_list("id", flat=True)
        )
        return claim, verdicts, evidence, Correction.objects.filter(verdict__claim=self.claim).count()

    @invariant()
    def every_public_surface_shows_the_current_verdict_and_nothing_of_drafts(self):
        # Page caching is off in tests, so surfaces change only when the stored review does: checked only then.
        state = self.stored_state()
        if state == self.checked_state:
            return
        self.checked_state = state
        current = self.current()
        claim_url = Claim.objects.get(pk=self.claim.pk).get_absolute_url()
        secret_summaries, secret_urls = self.draft_only()

        api = self.api["anonymous"]
        claim = api.get(f"/api/v1/claims/{self.claim.pk}/").json()
        listed = api.get("/api/v1/verdicts/", {"claim": self.claim.pk}).json()["results"]
        review = api.get(f"/api/v1/claimreview/{self.claim.pk}/")
        page = self.reader.get(claim_url, follow=True)
        assert page.status_code == 200
        html = page.content.decode()
        reviews_on_page = [json.loads(block) for block in JSON_LD.findall(html)]
        rss = self.reader.get(reverse("feed-rss")).content.decode()
        atom = self.reader.get(reverse("feed-atom")).content.decode()
        sitemap = self.reader.get("/sitemap.xml").content.decode()

        assert all(v["status"] != "draft" for v in listed)
        assert {v["id"] for v in listed if v["status"] == "published"} == ({current.id} if current else set())
        if current is None:
            assert claim["current_verdict"] is None
            assert review.status_code == 404
            assert not [r for r in reviews_on_page if r.get("@type") == "ClaimReview"]
            for feed in (rss, atom, sitemap):
                assert claim_url not in feed
        else:
            assert claim["current_verdict"]["id"] == current.id
            assert claim["current_verdict"]["rating"]["slug"] == current.rating.slug
            assert review.status_code == 200
            for claim_review in (review.json(), *[r for r in reviews_on_page if r.get("@type") == "ClaimReview"]):
                assert claim_review["reviewRating"]["alternateName"] == current.rating.label
                assert claim_review["reviewBody"] == current.summary
            assert current.rating.label in html
            assert current.summary in html
            for feed in (rss, atom):
                assert claim_url in feed
                assert current.summary in feed
            assert claim_url in sitemap

        surfaces = {
            "claim page": html,
            "RSS": rss,
            "Atom": atom,
            "API claim": json.dumps(claim),
            "API verdicts": json.dumps(listed),
            "API ClaimReview": review.content.decode(),
        }
        for name, text in surfaces.items():
            for secret in secret_summaries:
                assert secret not in text, f"a draft's summary {secret} is on the {name}"
            for url in secret_urls:
                assert url not in text, f"a draft's evidence {url} is on the {name}"
        for source in Source.objects.filter(canonical_url__in=secret_urls):
            assert api.get(f"/api/v1/sources/{source.pk}/").status_code == 404, source
            assert self.reader.get(f"/sources/{source.pk}/").status_code == 404, source

    @invariant()
    def published_content_changes_only_by_a_correction_from_someone_allowed(self):
        now = self.public_state()
        before = self.snapshot
        self.snapshot = now
        if before is not None:
            assert now is not None, "a published verdict was withdrawn without a trace"
        if now is None:
            return
        seen = {key: value for key, value in now.items() if key not in {"corrections", "reviewer"}}
        if before is not None and seen == {k: v for k, v in before.items() if k not in {"corrections", "reviewer"}}:
            assert now["corrections"] == before["corrections"], "a correction changed nothing readers see"
            return
        # What readers see changed (or a first verdict was published): by whom, and with what record.
        assert self.allowed_to_change(before, now), f"{self.last_role} changed what readers see"
        if before is not None:
            new = now["corrections"][len(before["corrections"]) :]
            assert now["corrections"][: len(before["corrections"])] == before["corrections"]
            assert new, f"{self.last_role} changed a published verdict without a correction"
            actor = self.users.get(self.last_role)
            assert all(corrected_by == actor.pk for _, corrected_by in new)

    def allowed_to_change(self, before, now):
        if self.last_role in EDITORS:
            return True
        if not (self.single_reviewer and self.last_role in REVIEWERS):
            return False
        actor = self.users[self.last_role].pk
        return now["reviewer"] == actor and (before is None or before["reviewer"] == actor)


def extracted_values(claim):
    return [getattr(claim, Claim._meta.get_field(name).attname) for name in UPDATED_ON_REEXTRACTION[:-1]]


@pytest.mark.django_db
def test_review_rules_hold_over_random_sequences_of_moves_by_random_roles():
    run_state_machine_as_test(
        ReviewMachine,
        settings=settings(
            max_examples=12,
            stateful_step_count=25,
            deadline=None,
            suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
        ),
    )

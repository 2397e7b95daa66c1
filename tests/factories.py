"""Small helpers that write rows directly, so tests that are not about extraction never run the extractor.

Each ``make_*`` takes the fields a test cares about and fills the rest
(``kwargs.setdefault``, as djangoproject.com's checklists factory does).
``make_user(role)`` gives one user per role of the review rulebook.
"""

import hashlib
from itertools import count

from django.contrib.auth.models import Group, User
from django.utils import timezone

from articles.models import Article
from claims import reviews
from claims.models import Citation, Claim, ConsistencyCheck, Quotation, Rating, Source, Verdict

_sequence = count(1)

ROLES = ("reader", "reviewer_without_staff", "reviewer", "editor", "superuser")


def make_user(role="reviewer", username=None, **extra):
    """A user in one of ``ROLES``: a signed-in reader with no permissions, a reviewer without staff status
    (API only), a reviewer and an editor (staff, in their groups), a superuser."""
    username = username or f"{role}-{next(_sequence)}"
    staff = role in {"reviewer", "editor", "superuser"}
    user = User.objects.create_user(
        username=username, password="pw", is_staff=staff, is_superuser=role == "superuser", **extra
    )
    group = {"reviewer": "reviewer", "reviewer_without_staff": "reviewer", "editor": "editor"}.get(role)
    if group:
        user.groups.add(Group.objects.get(name=group))
    return user


def make_article(*, paragraphs=None, **kwargs):
    """An article whose text is ``paragraphs`` joined by blank lines, as ingestion stores it."""
    paragraphs = paragraphs or [
        "Governor Ana Ruiz said unemployment fell to 4.1% last year, the lowest in a decade.",
        "The opposition leader, Tom Berg, said the figure was wrong.",
    ]
    text = "\n\n".join(paragraphs)
    kwargs.setdefault("title", f"Article {next(_sequence)}")
    kwargs.setdefault("outlet", "Example News")
    kwargs.setdefault("url", f"https://news.example.org/story-{next(_sequence)}")
    kwargs.setdefault("html", "".join(f"<p>{p}</p>" for p in paragraphs))
    kwargs.setdefault("content_hash", hashlib.sha256(f"{kwargs['html']}{next(_sequence)}".encode()).hexdigest())
    kwargs.setdefault("published_at", timezone.now())
    return Article.objects.create(text=text, paragraph_count=len(paragraphs), **kwargs)


def make_claim(*, article=None, paragraph=0, text=None, **kwargs):
    """A claim spanning ``text`` (by default the whole paragraph) of ``article`` (a new one by default)."""
    article = article or make_article()
    paragraphs = article.paragraphs()
    text = text or paragraphs[paragraph]
    offset = sum(len(p) + 2 for p in paragraphs[:paragraph])
    start = offset + paragraphs[paragraph].index(text)
    kwargs.setdefault("claimant", "Ana Ruiz")
    kwargs.setdefault("claim_type", Claim.Type.STATISTIC)
    kwargs.setdefault("checkworthiness", 0.9)
    kwargs.setdefault("checkworthy", True)
    return Claim.objects.create(
        article=article, text=text, paragraph=paragraph, start=start, end=start + len(text), **kwargs
    )


def rating(slug="true"):
    return Rating.objects.get(slug=slug)


def make_verdict(*, claim=None, by=None, status=Verdict.Status.DRAFT, evidence_urls=(), **kwargs):
    """A verdict through the rulebook: drafted by ``by`` (a new reviewer), and published by a new editor
    when ``status`` is "published"."""
    claim = claim or make_claim()
    by = by or make_user("reviewer")
    kwargs.setdefault("summary", "The statistics office reports 4.1%.")
    kwargs["rating"] = rating(kwargs["rating"]) if isinstance(kwargs.get("rating"), str) else kwargs.get("rating")
    kwargs["rating"] = kwargs["rating"] or rating("true")
    verdict = reviews.draft_verdict(claim=claim, by=by, evidence_urls=evidence_urls, **kwargs)
    if status == Verdict.Status.PUBLISHED:
        verdict = reviews.publish_verdict(
            verdict,
            by=make_user("editor"),
            correction_note="A newer verdict." if Claim.objects.get(pk=claim.pk).current_verdict_id else "",
        )
    return verdict


def make_source(url=None, **kwargs):
    url = url or f"https://stats.example.gov/report-{next(_sequence)}"
    kwargs.setdefault("domain", url.split("/")[2])
    return Source.objects.get_or_create(canonical_url=url, defaults=kwargs)[0]


def _span(article, paragraph, text):
    """Where ``text`` starts and ends in ``article``'s text, looked for in its ``paragraph``."""
    paragraphs = article.paragraphs()
    start = sum(len(p) + 2 for p in paragraphs[:paragraph]) + paragraphs[paragraph].index(text)
    return start, start + len(text)


def make_citation(*, article, url=None, anchor_text=None, paragraph=0, claims=(), **source_fields):
    """A link on ``anchor_text`` (the paragraph's first word by default) to a source, cited by ``claims`` too."""
    source = make_source(url, **source_fields)
    anchor_text = anchor_text or article.paragraphs()[paragraph].split()[0]
    start, end = _span(article, paragraph, anchor_text)
    citation = Citation.objects.create(
        article=article,
        source=source,
        href=source.canonical_url,
        anchor_text=anchor_text,
        paragraph=paragraph,
        start=start,
        end=end,
    )
    for claim in claims:
        claim.sources.add(source)
    return citation


def make_quotation(*, article, text, speaker="", paragraph=0):
    start, end = _span(article, paragraph, text)
    return Quotation.objects.create(
        article=article, text=text, speaker=speaker, paragraph=paragraph, start=start, end=end
    )


def make_consistency_check(*, article, claims=(), ok=True, detail="The shares add up to about 100%."):
    check = ConsistencyCheck.objects.create(article=article, kind="shares_sum", ok=ok, detail=detail)
    check.claims.set(claims)
    return check

"""Public pages for readers: home, claim, claimant, source, search, methodology.

Thin views: a selector reads, a template presents. Only published verdicts
appear; drafts never leave the review desk.
"""

from django.conf import settings
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from matching.selectors import also_checked

from . import selectors
from .caching import cache_public_page
from .claimreview import checked_statement, claim_review
from .models import Claim, Claimant, Rating, Source, Topic
from .rendering import json_ld_script, render_rationale

SEARCH_PAGE_SIZE = 20


@cache_public_page
def home(request):
    return render(
        request,
        "claims/home.html",
        {
            "latest": selectors.latest_published(10),
            "counts": selectors.rating_counts(),
            "ratings": Rating.objects.all(),
        },
    )


@cache_public_page
def claim_detail(request, pk, slug):
    page = selectors.claim_page(pk)
    if page is None:
        raise Http404("No such claim")
    claim, verdict = page.claim, page.verdict
    if slug != claim.slug:
        return redirect(claim, permanent=True)
    base_url = request.build_absolute_uri("/").rstrip("/")
    before, _claim_text, after = selectors.surrounding_sentences(claim)
    json_ld = None
    if verdict is not None:
        json_ld = json_ld_script(claim_review(verdict, base_url=base_url, other_appearances=page.other_appearances))
    corrections = page.corrections
    return render(
        request,
        "claims/claim_detail.html",
        {
            "claim": claim,
            "verdict": verdict,
            "page": page,
            "rationale": render_rationale(verdict.rationale) if verdict else "",
            "before": before,
            "after": after,
            "json_ld": json_ld,
            "corrections": corrections,
            "retractions": page.retractions,
            "modified": corrections[0].correction.corrected_at if corrections else None,
            "reviewer_name": selectors.reviewer_display_name(verdict) if verdict else "",
            "statement": checked_statement(claim),
            "scale": [rating for rating in Rating.objects.all() if rating.value is not None],
            "description": verdict.summary if verdict else claim.text[:200],
            "also_checked": also_checked(claim, base_url=base_url) if page.has_matches else [],
        },
    )


@cache_public_page
def claimant_detail(request, slug):
    entity = Claimant.objects.filter(slug=slug).first()
    claims = Claim.objects.filter(claimant_entity=entity) if entity else Claim.objects.filter(claimant_slug=slug)
    record = selectors.record_of(claims)
    if not record.claims:
        raise Http404("No claims by this claimant")
    return render(
        request,
        "claims/claimant_detail.html",
        {"claimant": entity.name if entity else record.claims[0].claimant, "entity": entity, "record": record},
    )


@cache_public_page
def topic_list(request):
    return render(request, "claims/topic_list.html", {"topics": selectors.topics_with_counts()})


@cache_public_page
def topic_detail(request, slug):
    topic = get_object_or_404(Topic, slug=slug)
    return render(
        request,
        "claims/topic_detail.html",
        {"topic": topic, "record": selectors.record_of(Claim.objects.filter(topics=topic))},
    )


@cache_public_page
def source_detail(request, pk):
    source = get_object_or_404(Source.objects.public(), pk=pk)
    return render(
        request, "claims/source_detail.html", {"source": source, "claims": selectors.claims_citing(source)[:500]}
    )


@cache_public_page
def search(request):
    query = request.GET.get("q", "")
    rating = request.GET.get("rating", "")
    claim_type = request.GET.get("type", "")
    claimant = request.GET.get("claimant", "")
    paginator = selectors.search_paginator(
        query, rating=rating, claim_type=claim_type, claimant=claimant, per_page=SEARCH_PAGE_SIZE
    )
    page = paginator.get_page(request.GET.get("page"))
    return render(
        request,
        "claims/search.html",
        {
            "query": query,
            "rating": rating,
            "type": claim_type,
            "claimant": claimant,
            "page": page,
            "ratings": Rating.objects.all(),
            "types": Claim.Type.choices,
        },
    )


@cache_public_page
def methodology(request):
    return render(
        request,
        "claims/methodology.html",
        {
            "ratings": Rating.objects.all(),
            "organisation": settings.FACTCHECK_ORGANISATION_NAME,
            "team": settings.FACTCHECK_TEAM,
            "funding": settings.FACTCHECK_FUNDING,
            "contact_email": settings.FACTCHECK_CONTACT_EMAIL,
        },
    )


@cache_public_page
def corrections(request):
    return render(
        request,
        "claims/corrections.html",
        {"corrections": selectors.public_corrections(), "retractions": selectors.retractions()},
    )


@cache_public_page
def feeds(request):
    return render(request, "claims/feeds.html")


def robots(request):
    sitemap = request.build_absolute_uri("/sitemap.xml")
    body = f"User-agent: *\nDisallow: /admin/\nDisallow: /api/v1/\nAllow: /\n\nSitemap: {sitemap}\n"
    return HttpResponse(body, content_type="text/plain; charset=utf-8")

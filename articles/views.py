"""Public article pages. Thin: a selector reads, a template presents."""

from django.http import Http404
from django.shortcuts import render

from .models import Article
from .selectors import article_with_claims, recent_articles


def home(request):
    return render(request, "articles/home.html", {"articles": recent_articles()})


def article_detail(request, pk):
    try:
        article = article_with_claims(pk)
    except Article.DoesNotExist:
        raise Http404("No such article") from None
    return render(request, "articles/article_detail.html", {"article": article})


def claim_detail(request, pk, slug):
    from claims.models import Claim

    try:
        claim = Claim.objects.select_related("article", "current_verdict__rating").get(pk=pk)
    except Claim.DoesNotExist:
        raise Http404("No such claim") from None
    return render(request, "claims/claim_detail.html", {"claim": claim})

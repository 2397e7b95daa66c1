"""Public article pages. Thin: selectors read, templates present; article text is always escaped."""

from django.http import Http404
from django.shortcuts import render

from claims import selectors as claim_selectors
from claims.caching import cache_public_page
from claims.models import Claim

from .models import Article
from .selectors import recent_articles


@cache_public_page
def article_list(request):
    return render(request, "articles/article_list.html", {"articles": recent_articles(100)})


@cache_public_page
def article_detail(request, pk):
    article = Article.objects.filter(pk=pk).first()
    if article is None:
        raise Http404("No such article")
    return render(
        request,
        "articles/article_detail.html",
        {
            "article": article,
            "reading": claim_selectors.article_reading(article),
            "report": claim_selectors.sourcing_report(article),
            "counts": claim_selectors.rating_counts(Claim.objects.public().filter(article=article)),
        },
    )

"""Public article pages. Thin: selectors read, templates present; article text is always escaped."""

from django.http import Http404
from django.shortcuts import render

from claims import selectors as claim_selectors
from claims.caching import cache_public_page

from .models import Article
from .selectors import recent_articles


@cache_public_page
def article_list(request):
    return render(request, "articles/article_list.html", {"articles": recent_articles(100)})


@cache_public_page
def article_detail(request, pk):
    # Its raw HTML (hundreds of kilobytes) is never shown; no ORDER BY for one row by key.
    article = Article.objects.defer("html").filter(pk=pk).order_by().first()
    if article is None:
        raise Http404("No such article")
    page = claim_selectors.article_page(article)
    return render(
        request,
        "articles/article_detail.html",
        {"article": article, "reading": page.reading, "report": page.report, "counts": page.counts},
    )

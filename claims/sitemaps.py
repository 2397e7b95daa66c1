"""sitemap.xml: claim pages with published verdicts, articles, and the fixed pages."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from articles.models import Article

from .models import Claim, Topic


class ClaimSitemap(Sitemap):
    changefreq = "weekly"
    priority = 0.8
    limit = 5000

    def items(self):
        return (
            Claim.objects.public()
            .rated()
            .select_related("current_verdict")
            .only("id", "text", "current_verdict__published_at")
            .order_by("id")
        )

    def lastmod(self, claim):
        return claim.current_verdict.published_at


class ArticleSitemap(Sitemap):
    changefreq = "monthly"
    priority = 0.5
    limit = 5000

    def items(self):
        return Article.objects.only("id", "ingested_at").order_by("id")

    def lastmod(self, article):
        return article.ingested_at


class TopicSitemap(Sitemap):
    changefreq = "weekly"
    priority = 0.5

    def items(self):
        return Topic.objects.order_by("id")


class PageSitemap(Sitemap):
    priority = 0.4

    def items(self):
        return ["home", "methodology", "search", "corrections", "feeds", "topic-list"]

    def location(self, name):
        return reverse(name)


SITEMAPS = {"claims": ClaimSitemap, "articles": ArticleSitemap, "topics": TopicSitemap, "pages": PageSitemap}

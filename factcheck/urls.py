"""The project's URL map: public pages, feeds, the admin and the API."""

from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path

from articles import views as article_views
from claims import views as claim_views
from claims.feeds import LatestVerdictsAtomFeed, LatestVerdictsFeed
from claims.sitemaps import SITEMAPS
from factcheck.health import healthz, readyz

admin.site.site_header = "factcheck review"
admin.site.site_title = "factcheck"
admin.site.index_title = "Review desk"

# A database outage or a cancelled slow query answers 503 with a clear message (factcheck/outages.py).
handler500 = "factcheck.outages.handle_server_error"
# Under /api/ every error is JSON (api/errors.py); elsewhere Django's pages.
handler400 = "api.errors.bad_request"
handler403 = "api.errors.permission_denied"
handler404 = "api.errors.page_not_found"

urlpatterns = [
    path("", claim_views.home, name="home"),
    path("articles/", article_views.article_list, name="article-list"),
    path("articles/<int:pk>/", article_views.article_detail, name="article-detail"),
    path("claims/<int:pk>/<slug:slug>/", claim_views.claim_detail, name="claim-detail"),
    path("claimants/<slug:slug>/", claim_views.claimant_detail, name="claimant-detail"),
    path("topics/", claim_views.topic_list, name="topic-list"),
    path("topics/<slug:slug>/", claim_views.topic_detail, name="topic-detail"),
    path("sources/<int:pk>/", claim_views.source_detail, name="source-detail"),
    path("search/", claim_views.search, name="search"),
    path("methodology/", claim_views.methodology, name="methodology"),
    path("corrections/", claim_views.corrections, name="corrections"),
    path("feeds/", claim_views.feeds, name="feeds"),
    path("feeds/verdicts.rss", LatestVerdictsFeed(), name="feed-rss"),
    path("feeds/verdicts.atom", LatestVerdictsAtomFeed(), name="feed-atom"),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="django.contrib.sitemaps.views.sitemap"),
    path("robots.txt", claim_views.robots, name="robots"),
    path("healthz", healthz, name="healthz"),
    path("readyz", readyz, name="readyz"),
    path("admin/", admin.site.urls),
    path("api/v1/", include("api.urls")),
]

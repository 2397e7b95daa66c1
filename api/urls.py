"""/api/v1/: the versioned REST API, its OpenAPI schema and its documentation pages."""

from django.urls import include, path, re_path
from drf_spectacular.views import SpectacularAPIView, SpectacularRedocView, SpectacularSwaggerView
from rest_framework.routers import DefaultRouter

from .articles import ArticleViewSet
from .changes import ChangeViewSet
from .claimants import ClaimantViewSet
from .claimreview import ClaimReviewViewSet
from .claimreview_feed import ClaimReviewFeedViewSet
from .claims import ClaimViewSet
from .errors import not_found
from .matching import ClaimMatchViewSet, ExternalFactCheckViewSet
from .sources import RatingViewSet, SourceViewSet
from .tokens import ApiTokenViewSet
from .verdicts import VerdictViewSet
from .webhooks import WebhookSubscriptionViewSet

router = DefaultRouter()
router.register("articles", ArticleViewSet, basename="article")
router.register("claims", ClaimViewSet, basename="claim")
router.register("claimants", ClaimantViewSet, basename="claimant")
router.register("verdicts", VerdictViewSet, basename="verdict")
router.register("sources", SourceViewSet, basename="source")
router.register("ratings", RatingViewSet, basename="rating")
router.register("claimreview", ClaimReviewViewSet, basename="claimreview")
router.register("claimreviews", ExternalFactCheckViewSet, basename="external-fact-check")
router.register(r"claims/(?P<claim_id>[0-9]{1,18})/matches", ClaimMatchViewSet, basename="claim-match")
router.register("changes", ChangeViewSet, basename="change")
router.register("tokens", ApiTokenViewSet, basename="token")
router.register("webhooks", WebhookSubscriptionViewSet, basename="webhook")

app_name = "api"
urlpatterns = [
    path("schema/", SpectacularAPIView.as_view(api_version="v1"), name="schema"),
    path("docs/", SpectacularSwaggerView.as_view(url_name="api:schema"), name="docs"),
    path("redoc/", SpectacularRedocView.as_view(url_name="api:schema"), name="redoc"),
    path("claimreview/feed.json", ClaimReviewFeedViewSet.as_view({"get": "list"}), name="claimreview-feed"),
    path("", include(router.urls)),
    re_path(r"^.*$", not_found),
]

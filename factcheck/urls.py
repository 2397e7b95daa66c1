"""The project's URL map: the admin, and the public pages."""

from django.contrib import admin
from django.urls import include, path

from articles import views as article_views

admin.site.site_header = "factcheck review"
admin.site.site_title = "factcheck"
admin.site.index_title = "Review desk"

urlpatterns = [
    path("", article_views.home, name="home"),
    path("articles/<int:pk>/", article_views.article_detail, name="article-detail"),
    path("claims/<int:pk>/<slug:slug>/", article_views.claim_detail, name="claim-detail"),
    path("admin/", admin.site.urls),
    path("api/v1/", include("api.urls")),
]

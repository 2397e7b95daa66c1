"""Articles: list, read with claims and citations, and ingest new HTML."""

from django.conf import settings
from django.db.models import Prefetch
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins, status, viewsets
from rest_framework.parsers import FormParser, JSONParser, MultiPartParser
from rest_framework.response import Response

from articles.ingest import ingest
from articles.models import Article
from claims.models import Citation

from . import serializers as api
from .caching import CachedPublicReads
from .errors import PayloadTooLarge
from .filters import ID_PATTERN, ArticleFilter, StrictQueryParameters
from .locations import with_location

ERROR = api.ErrorSerializer
# JSON quoting and multipart framing around the HTML itself
REQUEST_SLACK = 64 * 1024


@extend_schema_view(
    list=extend_schema(summary="List articles"),
    retrieve=extend_schema(summary="An article with its text, claims and citations"),
)
class ArticleViewSet(
    CachedPublicReads,
    StrictQueryParameters,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    viewsets.GenericViewSet,
):
    lookup_value_regex = ID_PATTERN
    filterset_class = ArticleFilter
    ordering_fields = ["ingested_at", "published_at", "updated_at", "id"]
    ordering = ["-ingested_at", "-id"]
    parser_classes = [JSONParser, MultiPartParser, FormParser]

    def get_queryset(self):
        if self.action == "retrieve":
            # The claims are read as plain values by the serializer (``claim_rows``).
            return Article.objects.prefetch_related(
                Prefetch("citations", queryset=Citation.objects.select_related("source"))
            )
        return Article.objects.with_counts().defer("html", "text")

    def get_serializer_class(self):
        return api.ArticleDetailSerializer if self.action == "retrieve" else api.ArticleSerializer

    @extend_schema(
        summary="Ingest an article",
        description='Post the HTML as JSON `{"html", "url"}` or as a multipart `file`. 201 with the new article, '
        "or 200 with the existing one when the same HTML was ingested before.",
        request={"application/json": api.ArticleInputSerializer, "multipart/form-data": api.ArticleInputSerializer},
        responses={
            201: api.ArticleDetailSerializer,
            200: api.ArticleDetailSerializer,
            400: ERROR,
            401: ERROR,
            403: ERROR,
            413: ERROR,
            415: ERROR,
        },
    )
    def create(self, request, *args, **kwargs):
        if int(request.META.get("CONTENT_LENGTH") or 0) > settings.FACTCHECK_MAX_ARTICLE_BYTES + REQUEST_SLACK:
            raise PayloadTooLarge(
                f"The request is over the {settings.FACTCHECK_MAX_ARTICLE_BYTES:,}-byte article limit."
            )
        payload = api.ArticleInputSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        upload = payload.validated_data.get("file")
        html = upload.read() if upload is not None else payload.validated_data["html"]
        result = ingest(html, url=payload.validated_data.get("url") or None)
        article = self.get_queryset_for_detail().get(pk=result.article.pk)
        body = api.ArticleDetailSerializer(article, context=self.get_serializer_context()).data
        if not result.created:
            return Response(body, status=status.HTTP_200_OK)
        return with_location(Response(body, status=status.HTTP_201_CREATED), request, "article-detail", article.pk)

    def get_queryset_for_detail(self):
        self.action = "retrieve"
        return self.get_queryset()

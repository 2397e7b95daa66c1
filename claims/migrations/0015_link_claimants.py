"""Claimant rows for the claimant names stored before entities existed; claim dates and venues from articles.

Apart from 0014 because PostgreSQL refuses to build 0014's deferred indexes
after rows changed in the same transaction.
"""

from django.db import migrations
from django.db.models import OuterRef, Subquery

from claims.claimants import normalise_name, resolve_claimants


def link_claimants_and_dates(apps, schema_editor):
    """One Claimant per distinct claimant name; claims take the article's date and outlet as date and venue."""
    Claim = apps.get_model("claims", "Claim")
    Claimant = apps.get_model("claims", "Claimant")
    Article = apps.get_model("articles", "Article")
    names = list(Claim.objects.exclude(claimant="").values_list("claimant", flat=True).distinct())
    by_normalised = {}
    for name in names:
        by_normalised.setdefault(normalise_name(name), []).append(name)
    claimants = resolve_claimants(names, model=Claimant)
    for normalised, spellings in by_normalised.items():
        if normalised in claimants:
            Claim.objects.filter(claimant__in=spellings).update(claimant_entity=claimants[normalised])
    article = Article.objects.filter(pk=OuterRef("article_id"))
    Claim.objects.filter(article__published_at__isnull=False).update(
        claim_date=Subquery(article.values("published_at__date")[:1])
    )
    Claim.objects.filter(venue="").update(
        venue=Subquery(article.values("outlet")[:1]), venue_url=Subquery(article.values("url")[:1])
    )


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0001_initial"),
        ("claims", "0014_claim_as_checked"),
    ]

    operations = [
        migrations.RunPython(link_claimants_and_dates, migrations.RunPython.noop),
    ]

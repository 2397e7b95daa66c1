"""The data migration that introduces claimant entities links the claims stored before it."""

import datetime
import importlib

import pytest
from django.apps import apps

from articles.models import Article
from claims.models import Claim, Claimant

link_claimants = importlib.import_module("claims.migrations.0015_link_claimants").link_claimants_and_dates


@pytest.mark.django_db
def test_existing_claimant_names_become_one_entity_per_person():
    article = Article.objects.create(
        title="t",
        outlet="Example News",
        url="https://example.org/a",
        html="x",
        text="x" * 200,
        content_hash="a" * 64,
        published_at=datetime.datetime(2024, 3, 5, 12, tzinfo=datetime.UTC),
    )
    for start, name in enumerate(["Norma Torres", "Rep. Norma Torres", "State Department", ""]):
        Claim.objects.create(article=article, text="x", paragraph=0, start=start, end=start + 1, claimant=name)

    link_claimants(apps, None)

    assert sorted(Claimant.objects.values_list("name", "kind")) == [
        ("Norma Torres", "person"),
        ("State Department", "organisation"),
    ]
    torres = Claimant.objects.get(name="Norma Torres")
    assert Claim.objects.filter(claimant_entity=torres).count() == 2
    assert Claim.objects.get(claimant="").claimant_entity is None
    claim = Claim.objects.get(claimant="State Department")
    assert (claim.claim_date, claim.venue, claim.venue_url) == (
        datetime.date(2024, 3, 5),
        "Example News",
        "https://example.org/a",
    )

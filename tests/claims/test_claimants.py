"""Claimant entities: one row per person or organisation across articles, with a kind."""

import pytest

from claims.claimants import guess_kind, normalise_name, resolve_claimant, resolve_claimants
from claims.models import Claimant


@pytest.mark.parametrize(
    ("name", "normalised"),
    [
        ("Rep. Norma Torres", "norma torres"),
        ("Norma  Torres", "norma torres"),
        ("The State Department", "state department"),
        ("José Martí", "jose marti"),
        ("@NayibBukele", "@nayibbukele"),
        ("Robert M. Danin", "robert m danin"),
    ],
)
def test_normalised_name_folds_case_accents_punctuation_and_honorifics(name, normalised):
    assert normalise_name(name) == normalised


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("Norma Torres", Claimant.Kind.PERSON),
        ("Robert M. Danin", Claimant.Kind.PERSON),
        ("State Department", Claimant.Kind.ORGANISATION),
        ("Ministry of Health", Claimant.Kind.ORGANISATION),
        ("Acme Inc", Claimant.Kind.ORGANISATION),
        ("Labour Party", Claimant.Kind.ORGANISATION),
        ("CBS News", Claimant.Kind.ORGANISATION),
        ("WHO", Claimant.Kind.ORGANISATION),
        ("AfD", Claimant.Kind.ORGANISATION),
        ("Obama", Claimant.Kind.UNKNOWN),
        ("@FredrickEAlbre1", Claimant.Kind.UNKNOWN),
    ],
)
def test_kind_is_guessed_from_the_name(name, kind):
    assert guess_kind(name) == kind


def test_the_same_person_is_one_row_however_written(db):
    first = resolve_claimant("Norma Torres")
    assert resolve_claimant("Rep. Norma Torres") == first
    assert Claimant.objects.count() == 1


def test_a_new_claimant_keeps_the_name_without_honorific_and_gets_a_slug(db):
    claimant = resolve_claimant("Rep. Norma Torres")
    assert (claimant.name, claimant.slug, claimant.kind) == ("Norma Torres", "norma-torres", Claimant.Kind.PERSON)


def test_an_alias_resolves_to_its_claimant(db):
    obama = Claimant.objects.create(name="Barack Obama", slug="barack-obama", aliases=["Obama", "President Obama"])
    assert resolve_claimant("obama") == obama


def test_names_that_slugify_alike_get_distinct_slugs(db):
    claimants = resolve_claimants(["foo bar", "@foo-bar"])
    assert len({claimant.slug for claimant in claimants.values()}) == 2


def test_resolving_many_names_takes_constant_queries(db, django_assert_num_queries):
    resolve_claimants(["Existing Person"])
    # 1 existing by normalised name, 2 aliases of the rest, 3 taken slugs, 4 insert, 5 re-read stored, 6 re-read all
    with django_assert_num_queries(6):
        found = resolve_claimants(["Existing Person", *(f"Person Number{i}" for i in range(30))])
    assert len(found) == 31


def test_an_empty_name_resolves_to_nobody(db):
    assert resolve_claimant("  ") is None

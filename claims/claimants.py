"""Claimants as entities: a name as extraction or a reviewer writes it → one ``Claimant`` row.

``normalise_name`` and ``guess_kind`` are pure; ``resolve_claimants`` finds or
creates the rows for a batch of names in a constant number of queries, so
ingestion resolves every claimant of a hundred articles at once. The same
person quoted in two articles ("Rep. Norma Torres", "Norma Torres") is one
row; a name recorded as one of a claimant's ``aliases`` resolves to that
claimant.
"""

import hashlib
import re
import unicodedata

from django.utils.text import slugify

from .extraction.names import ORGANISATION_WORDS, TITLES

# Honorifics and offices dropped from the identity ("President Nayib Bukele" is "Nayib Bukele").
HONORIFICS = TITLES | {"mr", "mrs", "ms", "miss", "dr", "prof", "sir", "dame", "hon", "rev"}
# Legal forms and words that only organisations carry, beyond extraction's list.
ORGANISATION_EXTRA_WORDS = {
    "ltd",
    "llc",
    "plc",
    "gmbh",
    "sa",
    "ag",
    "co",
    "corporation",
    "incorporated",
    "limited",
    "embassy",
    "consulate",
    "ministerio",
    "ministère",
    "partei",
    "partido",
    "parti",
    "who",
    "un",
    "eu",
    "nato",
}
ACRONYM = re.compile(r"(?:[A-Z]\.){2,}|[A-Z][A-Za-z]?[A-Z]+s?|[A-Z]{2,}")
PUNCTUATION = re.compile(r"[^\w@\s-]+")
MAX_NAME_LENGTH = 200


def normalise_name(name: str) -> str:
    """The identity of a claimant's name: lower case, no accents, punctuation or honorifics, single spaces.

    "Rep. Norma Torres" → "norma torres"; "The State Department" → "state department";
    "@NayibBukele" → "@nayibbukele" (a handle stays a handle).
    """
    decomposed = unicodedata.normalize("NFKD", name)
    plain = "".join(char for char in decomposed if not unicodedata.combining(char))
    plain = plain.replace("’", "'").replace("'s ", " ")
    words = PUNCTUATION.sub(" ", plain.casefold()).split()
    while len(words) > 1 and (words[0] in HONORIFICS or words[0] == "the"):
        words = words[1:]
    return " ".join(words)[:MAX_NAME_LENGTH]


def display_name(name: str) -> str:
    """The name without a leading honorific or "the", as a claimant row shows it."""
    words = " ".join(name.split()).split(" ")
    while len(words) > 1 and (words[0].casefold().rstrip(".") in HONORIFICS or words[0].casefold() == "the"):
        words = words[1:]
    return " ".join(words)[:MAX_NAME_LENGTH]


def guess_kind(name: str) -> str:
    """``Claimant.Kind`` value for ``name``: organisation when it looks like one, person for a full name.

    Organisation: a word only organisations carry (Ministry, Party, News, Inc…)
    or an acronym (WHO, AfD, U.S.). Person: two to four capitalised words.
    Unknown otherwise: a single word ("Obama", "Israel"), a social handle.
    """
    from .models import Claimant

    words = name.split()
    if not words or name.startswith("@"):
        return Claimant.Kind.UNKNOWN
    folded = {word.casefold().strip(".,") for word in words}
    if folded & (ORGANISATION_WORDS | ORGANISATION_EXTRA_WORDS) or any(ACRONYM.fullmatch(word) for word in words):
        return Claimant.Kind.ORGANISATION
    content = [word for word in words if word.casefold().rstrip(".") not in HONORIFICS]
    if 2 <= len(content) <= 4 and all(
        word[:1].isupper() or word in {"de", "van", "von", "bin", "al"} for word in content
    ):
        return Claimant.Kind.PERSON
    return Claimant.Kind.UNKNOWN


def resolve_claimant(name, *, model=None):
    """The claimant called ``name`` (created if new), or None for an empty name."""
    return resolve_claimants([name], model=model).get(normalise_name(name or ""))


def resolve_claimants(names, *, model=None):
    """``{normalised name: Claimant}`` for ``names``, creating the missing ones; empty names are skipped.

    Three to five queries whatever the number of names: existing rows by
    normalised name, aliases of the rest, taken slugs, one insert. Safe under
    concurrency: a claimant another process creates meanwhile is picked up by
    the re-read instead of failing on the unique constraint. ``model`` lets a
    migration pass its historical model.
    """
    if model is None:
        from .models import Claimant as model
    wanted = {}
    for name in names:
        normalised = normalise_name(name or "")
        if normalised:
            wanted.setdefault(normalised, display_name(name))
    if not wanted:
        return {}
    found = {claimant.normalised_name: claimant for claimant in model.objects.filter(normalised_name__in=wanted)}
    missing = {normalised: name for normalised, name in wanted.items() if normalised not in found}
    if missing:
        found.update(_by_alias(model, missing))
        missing = {normalised: name for normalised, name in missing.items() if normalised not in found}
    if missing:
        _create(model, missing)
        found.update(
            (claimant.normalised_name, claimant) for claimant in model.objects.filter(normalised_name__in=missing)
        )
    return found


def _by_alias(model, missing):
    """Claimants that list one of the missing names among their aliases (an alias equal once normalised)."""
    # JSON text escapes non-ASCII characters on some databases: search by the longest ASCII word, confirm here.
    words = {max(re.findall(r"[a-z0-9@]+", normalised) or [""], key=len) for normalised in missing}
    words.discard("")
    if not words:
        return {}
    query = model.objects.none()
    for word in words:
        query = query | model.objects.filter(aliases__icontains=word)
    matches = {}
    for claimant in query:
        for alias in claimant.aliases:
            normalised = normalise_name(str(alias))
            if normalised in missing:
                matches.setdefault(normalised, claimant)
    return matches


def _create(model, missing):
    """Insert claimants for ``{normalised: display name}``; a row another writer inserted first is kept."""
    slugs = {normalised: slugify(normalised.lstrip("@"))[:180] or "claimant" for normalised in missing}
    taken = set(model.objects.filter(slug__in=slugs.values()).values_list("slug", flat=True))
    rows = []
    for normalised, name in missing.items():
        slug = slugs[normalised]
        if slug in taken:
            # "foo" and "@foo" slugify alike: the later one gets a stable suffix.
            slug = _suffixed(slug, normalised)
        taken.add(slug)
        rows.append(model(name=name, normalised_name=normalised, slug=slug, kind=guess_kind(name)))
    model.objects.bulk_create(rows, ignore_conflicts=True)
    stored = set(model.objects.filter(normalised_name__in=missing).values_list("normalised_name", flat=True))
    # A racing writer took one of our slugs for another name: those few get the suffixed slug.
    retry = [row for row in rows if row.normalised_name not in stored]
    for row in retry:
        row.slug = _suffixed(slugs[row.normalised_name], row.normalised_name)
    if retry:
        model.objects.bulk_create(retry, ignore_conflicts=True)


def _suffixed(slug, normalised):
    return f"{slug[:173]}-{hashlib.sha256(normalised.encode()).hexdigest()[:6]}"

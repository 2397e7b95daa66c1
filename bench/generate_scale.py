"""Fill the benchmark database with many articles, claims, citations, verdicts and imported fact checks, fast.

    python bench/generate_scale.py [--articles 10000] [--claims-per-article 100] [--external-checks 100000]

The defaults give 1,000,000 claims. Rows are synthetic but consistent: claim
offsets point into their article's text, a tenth of the claims carry a
published verdict (spread over three years, with one piece of evidence),
every article cites five sources, a third of the claims cite one, claimants
are entities. Imported fact checks reuse the claims' vocabulary so matching
meets realistic candidates. No history rows: this is a load generator, not
ingestion.

PostgreSQL only, and linear in the row count: everything is written with COPY
in one transaction, ids drawn from each table's sequence in blocks, foreign
key triggers off for the session (rows are consistent by construction), and
the secondary indexes dropped first and rebuilt once at the end (building a
GIN index over a million rows is far cheaper than updating it a million
times). The transaction makes a failed run leave the indexes as they were.
Uses BENCH_DATABASE_URL (default: the factcheck_bench database on 127.0.0.1),
emptied first. Prints each phase's time and the total.
"""

import argparse
import hashlib
import io
import json
import random
import time
from datetime import timedelta

from _django import empty_tables, setup

ARTICLES_PER_CHUNK = 100
# Words as news text spreads them: a few function words make a third of the tokens, the rest come from a
# large vocabulary with a long tail (a rank drawn with a skewed random number). Sentences vary in shape, so
# unrelated claims share few trigrams, as real ones do: on the hand-built matching set's real claims the
# median trigram similarity of two unrelated claims is 0.04 and 2.5% of pairs reach 0.2; here 0.06 and 3% (the
# first version of this generator, 12 common words and one sentence template, had 0.25 and 78%: every claim
# looked like every other, and trigram candidate searches degenerated into scanning them all).
STOPWORDS = "the of and to in a that for on said is was with by as at from its has have will it be".split()
SYLLABLES = [consonant + vowel for consonant in "bcdfghjklmnprstvz" for vowel in "aeiou"]
_words = random.Random(0)
VOCABULARY = sorted(
    {"".join(_words.choice(SYLLABLES) for _ in range(_words.choice((2, 3, 3, 4)))) for _ in range(40_000)},
    key=lambda word: _words.random(),
)
SHAPES = [
    "{} rose {}% in {}",
    "{} fell to {}% last year",
    "{} cost ${} million, {}",
    "{} about {} people {}",
    "{} since {}, {}",
    "{} {} {}",
]
TOPICS = "transit housing schools water taxes police parks".split()
NAMES = ["Ana Rivera", "Tom Becker", "Luis Ortega", "Maria Lopez", "James Walsh", "Priya Patel", "Chen Wong", ""]
TYPES = ["fact", "statistic", "quote", "accusation", "vote_share"]
OPEN_STATUSES = ["new"] * 7 + ["in_review", "reviewed"]
COPY_ESCAPES = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})


def words(rng, count):
    return " ".join(
        rng.choice(TOPICS)
        if rng.random() < 0.05
        else rng.choice(STOPWORDS)
        if rng.random() < 0.35
        else VOCABULARY[int(len(VOCABULARY) * rng.random() ** 2.5)]
        for _ in range(count)
    )


def sentence(rng, number):
    """One claim-like sentence carrying ``number``."""
    shape = rng.choice(SHAPES)
    parts = [words(rng, rng.randint(4, 9)), number, words(rng, rng.randint(2, 7))]
    if shape.count("{}") == 3 and "in {}" in shape:
        parts[2] = rng.randint(1990, 2025)
    text = shape.format(*parts)
    return f"{text[0].upper()}{text[1:]}."


def reworded(rng, text):
    """``text`` as another fact-checker might word it: a couple of words dropped or replaced."""
    tokens = text.rstrip(".").split()
    for _ in range(2):
        position = rng.randrange(len(tokens))
        if rng.random() < 0.5 and len(tokens) > 6:
            del tokens[position]
        elif not any(character.isdigit() for character in tokens[position]):
            tokens[position] = rng.choice(STOPWORDS)
    return " ".join(tokens) + "."


class Table:
    """COPY writer for one model's table: every concrete column, defaults for those a row leaves out."""

    def __init__(self, model):
        from django.db import connection
        from django.utils import timezone

        self.model = model
        self.fields = list(model._meta.concrete_fields)
        self.names = [field.attname for field in self.fields]
        now = timezone.now()
        self.defaults = {
            field.attname: now
            if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False)
            else field.get_default()
            for field in self.fields
        }
        quote = connection.ops.quote_name
        self.sql = (
            f"COPY {quote(model._meta.db_table)} ({', '.join(quote(field.column) for field in self.fields)}) FROM STDIN"
        )
        self.converters = [self._converter(field) for field in self.fields]
        self.rows = 0

    @staticmethod
    def _converter(field):
        kind = field.get_internal_type()
        if kind == "JSONField":
            convert = lambda value: json.dumps(value).translate(COPY_ESCAPES)  # noqa: E731
        elif kind == "BooleanField":
            convert = lambda value: "t" if value else "f"  # noqa: E731
        elif kind in {"DateTimeField", "DateField"}:
            convert = lambda value: value.isoformat()  # noqa: E731
        else:
            convert = lambda value: str(value).translate(COPY_ESCAPES)  # noqa: E731
        return lambda value: r"\N" if value is None else convert(value)

    def write(self, cursor, rows):
        """COPY ``rows`` (dicts of attribute name → value, with ``id``) into the table."""
        defaults, names, converters = self.defaults, self.names, self.converters
        buffer = io.StringIO()
        for row in rows:
            full = {**defaults, **row}
            buffer.write("\t".join([convert(full[name]) for name, convert in zip(names, converters, strict=True)]))
            buffer.write("\n")
            self.rows += 1
        buffer.seek(0)
        cursor.copy_expert(self.sql, buffer)


class Ids:
    """Ids for one table, reserved from its sequence in blocks, so rows can point at each other before insertion."""

    def __init__(self, cursor, model):
        self.cursor, self.model = cursor, model
        cursor.execute("SELECT pg_get_serial_sequence(%s, 'id')", [model._meta.db_table])
        self.sequence = cursor.fetchone()[0]

    def block(self, count):
        """``count`` consecutive new ids."""
        if count == 0:
            return range(0)
        self.cursor.execute("SELECT setval(%s, nextval(%s) + %s - 1)", [self.sequence, self.sequence, count])
        last = self.cursor.fetchone()[0]
        return range(last - count + 1, last + 1)


def secondary_indexes(cursor, tables):
    """Names and definitions of the indexes on ``tables`` that no constraint owns (primary keys and UNIQUE stay)."""
    cursor.execute(
        """
        SELECT i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid)
        FROM pg_index i
        JOIN pg_class t ON t.oid = i.indrelid
        WHERE t.relname = ANY(%s)
          AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)
        ORDER BY 1
        """,
        [list(tables)],
    )
    return cursor.fetchall()


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--claims-per-article", type=int, default=100)
    parser.add_argument("--external-checks", type=int, default=100_000, help="imported fact checks for claim matching")
    parser.add_argument("--sources", type=int, default=20_000)
    args = parser.parse_args()
    url = setup()
    if not url.startswith("postgres"):
        raise SystemExit("generate_scale.py writes with PostgreSQL's COPY: point BENCH_DATABASE_URL at PostgreSQL.")

    from django.contrib.auth.models import User
    from django.db import connection, transaction
    from django.utils import timezone
    from django.utils.text import slugify
    from tqdm import tqdm

    from articles.models import Article
    from claims import tally
    from claims.models import Citation, Claim, Claimant, Rating, Source, Verdict
    from matching.models import ExternalFactCheck

    phases = {}
    started = time.perf_counter()
    empty_tables()
    rng = random.Random(7)
    ratings = list(Rating.objects.exclude(value=None).values_list("id", flat=True))
    reviewer, _ = User.objects.get_or_create(username="bench-reviewer")
    entities = {}
    for name in NAMES:
        if name:
            entities[name], _ = Claimant.objects.get_or_create(
                name=name, defaults={"slug": slugify(name), "kind": Claimant.Kind.PERSON}
            )
    now = timezone.now()
    tables = {
        model: Table(model)
        for model in (
            Article,
            Claim,
            Verdict,
            Citation,
            Source,
            Claim.sources.through,
            Verdict.evidence.through,
            ExternalFactCheck,
        )
    }
    claims_table, verdicts_table = tables[Claim], tables[Verdict]
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET LOCAL session_replication_role = replica")  # no FK triggers: consistent by construction
        cursor.execute("SET LOCAL maintenance_work_mem = '512MB'")
        dropped = secondary_indexes(cursor, [model._meta.db_table for model in tables])
        for name, _definition in dropped:
            cursor.execute(f"DROP INDEX {name}")
        ids = {model: Ids(cursor, model) for model in tables}

        source_ids = list(ids[Source].block(args.sources))
        tables[Source].write(
            cursor,
            (
                {
                    "id": pk,
                    "canonical_url": f"https://news{n % 50}.example/story/{n}",
                    "domain": f"news{n % 50}.example",
                    "kind": "news",
                    "title": f"Story {n}",
                }
                for n, pk in enumerate(source_ids)
            ),
        )
        checked_texts = []  # some imported checks reword these: other fact-checkers checked the same claims
        for first in tqdm(range(0, args.articles, ARTICLES_PER_CHUNK), desc="Generating", unit="100 articles"):
            numbers = range(first, min(first + ARTICLES_PER_CHUNK, args.articles))
            article_ids = ids[Article].block(len(numbers))
            claim_ids = iter(ids[Claim].block(len(numbers) * args.claims_per_article))
            articles, claims, citations, claim_sources, verdicts, evidence = [], [], [], [], [], []
            for number, article_id in zip(numbers, article_ids, strict=True):
                ingested = now - timedelta(minutes=10 * (args.articles - number))
                paragraphs, offset = [], 0
                for index in range(0, args.claims_per_article, 5):
                    sentences = [
                        sentence(rng, rng.randint(1, 99)) for _ in range(min(5, args.claims_per_article - index))
                    ]
                    paragraphs.append(sentences)
                text = "\n\n".join(" ".join(sentences) for sentences in paragraphs)
                for paragraph, sentences in enumerate(paragraphs):
                    for piece in sentences:
                        start, end = offset, offset + len(piece)
                        claimant = rng.choice(NAMES)
                        score = round(rng.random(), 3)
                        claim_id = next(claim_ids)
                        claim = {
                            "id": claim_id,
                            "article_id": article_id,
                            "text": piece,
                            "claim_type": rng.choice(TYPES),
                            "claimant": claimant,
                            "claimant_slug": slugify(claimant),
                            "claimant_entity_id": entities[claimant].pk if claimant else None,
                            "paragraph": paragraph,
                            "start": start,
                            "end": end,
                            "prefix": text[max(0, start - 32) : start],
                            "suffix": text[end : end + 32],
                            "checkworthiness": score,
                            "checkworthy": score >= 0.5,
                            "status": rng.choice(OPEN_STATUSES),
                            "created_at": ingested,
                            "updated_at": ingested,
                        }
                        if rng.random() < 0.1:
                            if len(checked_texts) < 50_000:
                                checked_texts.append(piece)
                            published = ingested + timedelta(hours=rng.randint(1, 72))
                            verdicts.append(
                                {
                                    "claim_id": claim_id,
                                    "rating_id": rng.choice(ratings),
                                    "summary": "Synthetic verdict.",
                                    "reviewer_id": reviewer.pk,
                                    "status": "published",
                                    "published_at": published,
                                    "created_at": published,
                                    "updated_at": published,
                                }
                            )
                            claim["status"] = "published"
                            claim["updated_at"] = published
                        if rng.random() < 0.3:
                            claim_sources.append({"claim_id": claim_id, "source_id": rng.choice(source_ids)})
                        claims.append(claim)
                        offset = end + 1
                    offset += 1  # paragraphs are separated by a blank line: "\n\n" after the last sentence's " "
                for cite in range(5):
                    source_id = rng.choice(source_ids)
                    citations.append(
                        {
                            "article_id": article_id,
                            "source_id": source_id,
                            "href": f"https://example.org/{source_id}",
                            "anchor_text": "link",
                            "paragraph": cite,
                            "start": cite,
                            "end": cite + 1,
                        }
                    )
                articles.append(
                    {
                        "id": article_id,
                        "title": f"Synthetic article {number}",
                        "outlet": f"Outlet {number % 40}",
                        "html": "<p>synthetic</p>",
                        "text": text,
                        "paragraph_count": len(paragraphs),
                        "content_hash": hashlib.sha256(f"scale-{number}".encode()).hexdigest(),
                        "published_at": ingested,
                        "ingested_at": ingested,
                        "updated_at": ingested,
                    }
                )
            for verdict, pk in zip(verdicts, ids[Verdict].block(len(verdicts)), strict=True):
                verdict["id"] = pk
                evidence.append({"verdict_id": pk, "source_id": rng.choice(source_ids)})
            current = {verdict["claim_id"]: verdict["id"] for verdict in verdicts}
            for claim in claims:
                claim["current_verdict_id"] = current.get(claim["id"])
            tables[Article].write(cursor, articles)
            claims_table.write(cursor, claims)
            verdicts_table.write(cursor, verdicts)
            tables[Citation].write(cursor, _with_ids(citations, ids[Citation]))
            tables[Claim.sources.through].write(cursor, _with_ids(claim_sources, ids[Claim.sources.through]))
            tables[Verdict.evidence.through].write(cursor, _with_ids(evidence, ids[Verdict.evidence.through]))
        check_ids = ids[ExternalFactCheck].block(args.external_checks)
        for first in tqdm(range(0, args.external_checks, 10_000), desc="Fact checks", unit="10,000 checks"):
            tables[ExternalFactCheck].write(
                cursor,
                (
                    {
                        "id": check_ids[number],
                        "url": f"https://checker{number % 30}.example/check/{number}",
                        "publisher": f"Checker {number % 30}",
                        "claim_reviewed": reworded(rng, rng.choice(checked_texts))
                        if checked_texts and number % 10 == 0
                        else sentence(rng, rng.randint(1, 99)),
                        "rating_label": rng.choice(["False", "Mostly false", "Half true", "True"]),
                        "claim_author": rng.choice(NAMES),
                        "published_at": (now - timedelta(days=number % 1000)).date(),
                        "raw": {},
                    }
                    for number in range(first, min(first + 10_000, args.external_checks))
                ),
            )
        phases["rows (COPY)"] = time.perf_counter() - started
        for _name, definition in tqdm(dropped, desc="Indexes", unit="index"):
            cursor.execute(definition)
        phases["indexes"] = time.perf_counter() - started - sum(phases.values())
        tally.recount()  # the rows were written around the services that keep it
    with connection.cursor() as cursor:
        # The steady state autovacuum keeps: statistics, and a visibility map for index-only scans.
        cursor.execute("VACUUM ANALYZE")
    phases["vacuum analyze"] = time.perf_counter() - started - sum(phases.values())
    elapsed = time.perf_counter() - started
    print(
        f"generated {args.articles:,} articles, {claims_table.rows:,} claims, {tables[Citation].rows:,} citations, "
        f"{verdicts_table.rows:,} published verdicts, {tables[Source].rows:,} sources, "
        f"{tables[ExternalFactCheck].rows:,} imported fact checks in {elapsed:.0f} s "
        f"({', '.join(f'{name} {seconds:.0f} s' for name, seconds in phases.items())}; {len(dropped)} indexes rebuilt)"
    )


def _with_ids(rows, ids):
    for row, pk in zip(rows, ids.block(len(rows)), strict=True):
        row["id"] = pk
        yield row


if __name__ == "__main__":
    main()

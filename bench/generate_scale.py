"""Fill the benchmark database with many articles, claims, citations and verdicts, fast.

    python bench/generate_scale.py [--articles 10000] [--claims-per-article 100] [--external-checks 100000]

Rows are synthetic but consistent (claim offsets point into their article's
text, 10% of claims carry a published verdict, every article cites sources),
written with bulk inserts in batches, without history rows: this is a load
generator, not ingestion. Uses BENCH_DATABASE_URL (default: the
factcheck_bench database on 127.0.0.1), emptied first.
"""

import argparse
import hashlib
import random
import time

from _django import empty_tables, setup

BATCH = 5000
COMMON = "the council said budget turnout mayor election report vote share city state".split()
SYLLABLES = "ba ko ri ten mar lo vi sen da pu el or an ti ca ne mo ru sa ve".split()
# A few thousand rarer words, so full-text search meets realistic selectivity rather than a 15-word vocabulary.
RARE = sorted({a + b + c for a in SYLLABLES for b in SYLLABLES for c in SYLLABLES[:8]})
TOPICS = "transit housing schools water taxes police parks".split()
NAMES = ["Ana Rivera", "Tom Becker", "Luis Ortega", "Maria Lopez", "James Walsh", "Priya Patel", "Chen Wong", ""]
TYPES = ["fact", "statistic", "quote", "accusation", "vote_share"]


def sentence(rng, number):
    words = " ".join(
        rng.choice(TOPICS) if rng.random() < 0.05 else rng.choice(RARE) if rng.random() < 0.4 else rng.choice(COMMON)
        for _ in range(rng.randint(8, 18))
    )
    return f"{words.capitalize()} rose {number}% in {rng.randint(1990, 2025)}."


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--claims-per-article", type=int, default=100)
    parser.add_argument("--external-checks", type=int, default=0, help="imported fact checks for claim matching")
    args = parser.parse_args()
    setup()

    from django.contrib.auth.models import User
    from django.db import connection, transaction
    from django.utils import timezone
    from django.utils.text import slugify
    from tqdm import tqdm

    from articles.models import Article
    from claims.models import Citation, Claim, Rating, Source, Verdict
    from matching.models import ExternalFactCheck

    empty_tables()
    rng = random.Random(7)
    ratings = list(Rating.objects.exclude(value=None))
    reviewer, _ = User.objects.get_or_create(username="bench-reviewer")
    sources = Source.objects.bulk_create(
        Source(canonical_url=f"https://news{n % 50}.example/story/{n}", domain=f"news{n % 50}.example", kind="news")
        for n in range(20_000)
    )
    now = timezone.now()
    started = time.perf_counter()
    totals = {"claims": 0, "citations": 0, "verdicts": 0}
    for first in tqdm(range(0, args.articles, 100), desc="Generating", unit="100 articles"):
        with transaction.atomic():
            articles, texts = [], []
            for number in range(first, min(first + 100, args.articles)):
                sentences = [sentence(rng, rng.randint(1, 99)) for _ in range(args.claims_per_article)]
                paragraphs = [" ".join(sentences[i : i + 5]) for i in range(0, len(sentences), 5)]
                text = "\n\n".join(paragraphs)
                texts.append((sentences, paragraphs, text))
                articles.append(
                    Article(
                        title=f"Synthetic article {number}",
                        outlet=f"Outlet {number % 40}",
                        html="<p>synthetic</p>",
                        text=text,
                        paragraph_count=len(paragraphs),
                        content_hash=hashlib.sha256(f"scale-{number}".encode()).hexdigest(),
                        published_at=now,
                    )
                )
            articles = Article.objects.bulk_create(articles)
            claims, citations = [], []
            for article, (_sentences, paragraphs, text) in zip(articles, texts, strict=True):
                offset = 0
                for index, paragraph in enumerate(paragraphs):
                    position = offset
                    for piece in paragraph.split(". "):
                        piece = piece if piece.endswith(".") else piece + "."
                        start = text.index(piece, position)
                        claimant = rng.choice(NAMES)
                        score = round(rng.random(), 3)
                        claims.append(
                            Claim(
                                article=article,
                                text=piece,
                                claim_type=rng.choice(TYPES),
                                claimant=claimant,
                                claimant_slug=slugify(claimant),
                                paragraph=index,
                                start=start,
                                end=start + len(piece),
                                prefix=text[max(0, start - 32) : start],
                                suffix=text[start + len(piece) : start + len(piece) + 32],
                                checkworthiness=score,
                                checkworthy=score >= 0.5,
                                created_at=now,
                                updated_at=now,
                            )
                        )
                        position = start + len(piece)
                    offset += len(paragraph) + 2
                for cite in range(5):
                    source = rng.choice(sources)
                    citations.append(
                        Citation(
                            article=article,
                            source=source,
                            href=source.canonical_url,
                            anchor_text="link",
                            paragraph=cite,
                            start=cite,
                            end=cite + 1,
                        )
                    )
            claims = Claim.objects.bulk_create(claims, batch_size=BATCH)
            Citation.objects.bulk_create(citations, batch_size=BATCH)
            through = Claim.sources.through
            through.objects.bulk_create(
                (
                    through(claim_id=claim.pk, source_id=rng.choice(sources).pk)
                    for claim in claims
                    if rng.random() < 0.3
                ),
                batch_size=BATCH,
            )
            reviewed = [claim for claim in claims if rng.random() < 0.1]
            verdicts = Verdict.objects.bulk_create(
                (
                    Verdict(
                        claim=claim,
                        rating=rng.choice(ratings),
                        summary="Synthetic verdict.",
                        reviewer=reviewer,
                        status="published",
                        published_at=now,
                    )
                    for claim in reviewed
                ),
                batch_size=BATCH,
            )
            totals["claims"] += len(claims)
            totals["citations"] += len(citations)
            totals["verdicts"] += len(verdicts)
    ExternalFactCheck.objects.all().delete()
    for first in tqdm(range(0, args.external_checks, BATCH), desc="Fact checks", unit=f"{BATCH} checks"):
        ExternalFactCheck.objects.bulk_create(
            ExternalFactCheck(
                url=f"https://checker{number % 30}.example/check/{number}",
                publisher=f"Checker {number % 30}",
                claim_reviewed=sentence(rng, rng.randint(1, 99)),
                rating_label=rng.choice(["False", "Mostly false", "Half true", "True"]),
                claim_author=rng.choice(NAMES),
                published_at=now.date(),
                raw={},
            )
            for number in range(first, min(first + BATCH, args.external_checks))
        )
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE claims_claim SET current_verdict_id = v.id, status = 'published' FROM claims_verdict v WHERE v.claim_id = claims_claim.id"
        )
        # The steady state autovacuum keeps: statistics, and a visibility map for index-only scans.
        cursor.execute("VACUUM ANALYZE")
    elapsed = time.perf_counter() - started
    print(
        f"generated {args.articles:,} articles, {totals['claims']:,} claims, {totals['citations']:,} citations, "
        f"{totals['verdicts']:,} published verdicts, {len(sources):,} sources, "
        f"{args.external_checks:,} imported fact checks in {elapsed:.0f} s"
    )


if __name__ == "__main__":
    main()

"""Hostile and odd input, concurrency and backups: nothing crashes, nothing is lost."""

import threading
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from articles.errors import IngestError
from articles.ingest import ingest, ingest_article
from articles.models import Article
from articles.parsing import parse_article
from claims import reviews
from claims.extraction import extract_claims
from claims.models import Claim, Rating, Source, Verdict
from tests.conftest import SEED_PATH
from tests.factories import make_user

SEED = SEED_PATH.read_text(encoding="utf-8")
TAGS = ["p", "div", "a", "b", "li", "ul", "blockquote", "script", "article", "span", "br", "q"]
html_fragments = st.lists(
    st.one_of(
        st.text(max_size=80),
        st.sampled_from(["<", ">", "&amp;", "&#", "“", "”", '"', "'", "%", "$", ".", "\u00a0", "\u200b", "\x00"]),
        st.builds(
            lambda tag, href: f'<{tag} href="{href}">',
            st.sampled_from(TAGS),
            st.sampled_from(["http://x.example/a", "javascript:x", "", "//", "#"]),
        ),
        st.builds(lambda tag: f"</{tag}>", st.sampled_from(TAGS)),
        st.from_regex(r"[0-9]{1,4}(\.[0-9])?%? (percent|million|of the vote)", fullmatch=True),
    ),
    max_size=60,
).map("".join)


def check_offsets(html):
    try:
        article = parse_article(html)
    except IngestError as error:
        # The only refusal arbitrary markup can earn: a NUL character, which no stored text may hold.
        assert error.reason == "invalid_characters" and "\x00" in html
        return
    extraction = extract_claims(article.paragraphs, article.text)
    for paragraph in article.paragraphs:
        assert article.text[paragraph.start : paragraph.end] == paragraph.text
    for link in article.links:
        assert 0 <= link.start < link.end <= len(article.text)
    for claim in extraction.claims:
        assert 0 <= claim.start < claim.end <= len(article.text)
        assert article.text[claim.start : claim.end] == claim.text
    for quote in extraction.quotations:
        assert article.text[quote.start : quote.end] == quote.text


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(html_fragments)
def test_arbitrary_html_never_crashes_and_offsets_stay_in_the_text(html):
    check_offsets(html)


@settings(max_examples=150, deadline=None)
@given(st.integers(0, len(SEED)), st.integers(0, 400), st.text(max_size=40))
def test_mutated_seed_never_crashes(cut, length, insertion):
    check_offsets(SEED[:cut] + insertion + SEED[cut + length :])


def test_100000_deep_nesting_is_refused_without_recursion_errors():
    html = "<div>" * 100_000 + "<p>Turnout was 38% in 2024, officials said.</p>" + "</div>" * 100_000
    with pytest.raises(IngestError) as raised:
        parse_article(html)
    assert raised.value.reason == "too_deep"


@pytest.mark.django_db
def test_a_50_mb_input_is_refused_before_parsing():
    with pytest.raises(IngestError) as raised:
        ingest_article(b"<p>" + b"a" * (50 * 1024 * 1024) + b"</p>")
    assert raised.value.reason == "too_large"
    assert Article.objects.count() == 0


postgresql_only = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="needs concurrent connections: run with DATABASE_URL pointing at PostgreSQL",
)


def run_in_threads(count, work):
    barrier = threading.Barrier(count)
    results, errors = [], []

    def runner():
        from django.db import connection as thread_connection

        try:
            barrier.wait()
            results.append(work())
        except Exception as error:
            errors.append(error)
        finally:
            thread_connection.close()

    threads = [threading.Thread(target=runner) for _ in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results, errors


@postgresql_only
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_parallel_ingestion_of_the_same_article_yields_one_article():
    results, errors = run_in_threads(4, lambda: ingest(SEED))
    assert errors == []
    assert len({result.article.pk for result in results}) == 1
    assert sum(result.created for result in results) == 1
    assert Article.objects.count() == 1 and Source.objects.count() == 15


@postgresql_only
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_parallel_verdict_edits_let_one_win_and_refuse_the_others(django_user_model):
    article = ingest_article(SEED)
    editor = make_user("editor", username="eddie")
    verdict = reviews.draft_verdict(
        claim=article.claims.get(text__contains="57.4%"),
        by=editor,
        rating=Rating.objects.get(slug="true"),
        summary="first",
    )
    counter = iter(range(100))

    def edit():
        return reviews.update_verdict(
            Verdict.objects.get(pk=verdict.pk), by=editor, expected_version=1, summary=f"edit {next(counter)}"
        )

    results, errors = run_in_threads(4, edit)
    assert len(results) == 1
    assert len(errors) == 3 and all(isinstance(error, reviews.VersionConflict) for error in errors)
    assert Verdict.objects.get(pk=verdict.pk).version == 2


def wipe():
    """Delete everything the backup holds, as a lost database would (inside the test's transaction)."""
    from django.contrib.auth.models import Group, User

    Article.objects.all().delete()
    for model in (Verdict.history.model, Claim.history.model, Source, Rating, User, Group):
        model.objects.all().delete()


@pytest.mark.django_db
def test_backup_and_restore_round_trip(seed_article, reviewer, editor):
    verdict = reviews.draft_verdict(
        claim=seed_article.claims.get(text__contains="57.4%"),
        by=reviewer,
        rating=Rating.objects.get(slug="true"),
        summary="x",
    )
    reviews.publish_verdict(verdict, by=editor)
    before = {
        "articles": Article.objects.count(),
        "claims": Claim.objects.count(),
        "verdicts": Verdict.objects.count(),
        "claim_history": Claim.history.count(),
        "verdict_history": Verdict.history.count(),
        "sources": Source.objects.count(),
    }
    backup = StringIO()
    call_command("dumpdata", "articles", "claims", "auth.user", "auth.group", natural_foreign=True, stdout=backup)
    wipe()
    assert Claim.objects.count() == 0 and Claim.history.count() == 0
    restore = SEED_PATH.parent.parent / "test-artifacts"
    restore.mkdir(exist_ok=True)
    dump = restore / "backup.json"
    dump.write_text(backup.getvalue(), encoding="utf-8")
    call_command("loaddata", str(dump), verbosity=0)
    after = {
        "articles": Article.objects.count(),
        "claims": Claim.objects.count(),
        "verdicts": Verdict.objects.count(),
        "claim_history": Claim.history.count(),
        "verdict_history": Verdict.history.count(),
        "sources": Source.objects.count(),
    }
    assert after == before
    restored = Claim.objects.get(text__contains="57.4%")
    assert restored.current_verdict.rating.slug == "true" and restored.status == "published"


# The shapes that used to grow quadratically (see bench/bench_growth.py), built from random sentences and
# sizes; a per-example deadline catches a pass that stops being linear long before the bench does.
news_sentences = st.sampled_from(
    [
        "Rep. Norma Torres, D-Calif., said the U.S. had sent $12 million to the region in 2023.",
        "“We will not accept this,” she said, according to a statement from the State Department.",
        "Dr. Alan Ruiz told reporters that turnout fell to 38% in March.",
        'The council voted on Tuesday, and <a href="https://example.org/v">the minutes</a> show it.',
        "A Redfield Research poll showed approval at 41 percent.",
        "He said “the plan is dead",
        "U.S. Sen. J. Smith, R-Fla. said so.",
        "No. 5 was next...",
    ]
)
growth_shapes = st.builds(
    lambda shape, sentences: {
        "paragraph": "<article><p>" + " ".join(sentences) + "</p></article>",
        "br": "<div>" + "<br><br>".join(sentences) + "</div>",
        "containers": "".join(f'<div class="article-body"><p>{s} {s} {s}</p></div>' for s in sentences),
        "links": "<p>"
        + " ".join(f'<a href="https://example.org/{i}">{s}</a>' for i, s in enumerate(sentences))
        + "</p>",
    }[shape],
    st.sampled_from(["paragraph", "br", "containers", "links"]),
    st.lists(news_sentences, min_size=1, max_size=400),
)


@settings(max_examples=25, deadline=3000, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(growth_shapes)
def test_long_paragraphs_br_prose_many_containers_and_links_stay_fast_and_consistent(html):
    check_offsets(html)

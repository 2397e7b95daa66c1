"""Score the claim extractor against gold readings of articles.

    python bench/eval_extraction.py [--check] [--verbose]          # the seed and every corpus gold file
    python bench/eval_extraction.py ARTICLE [GOLD] [--check] [--verbose]

Without an article it scores the seed and every ``*.gold.json`` in
``../shared/corpus/gold/`` (pages beside it in ``../shared/corpus/``) with the
independent scorer ``../shared/tools/eval_extraction.py``, the one the hidden
set is scored with, so the figures printed here are the figures that count:
one line per page, then the mean over the corpus pages (the "dev" figures).
``--check`` exits 1 unless the seed scores 100 % and the dev means meet
``DEV_TARGETS``.

With an ARTICLE it scores that one page with this module's own ``evaluate``
(GOLD defaults to the ``.gold.json`` beside it); ``--check`` then applies the
seed targets. The same ``evaluate`` backs the test suite's thresholds.
"""

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from articles.parsing import parse_article
from claims.extraction import extract_claims
from claims.extraction.report import extraction_report

SEED = ROOT / "seeds" / "000_423b83237d5b8be1.txt"
SHARED = ROOT.parent / "shared"
SHARED_SEED = SHARED / "seeds" / "000_423b83237d5b8be1.txt"
CORPUS = Path(os.environ.get("FACTCHECK_CORPUS_DIR") or SHARED / "corpus")
SCORER = SHARED / "tools" / "eval_extraction.py"
# Means over the corpus pages with gold (each page weighs the same, as in the table).
# The figures reached (recall 0.86, claimant 1.00, speakers 1.00, cites 0.95, flagged 3 %), with a little room;
# the goal was recall 0.85, claimant 0.80, speakers 0.85, cites 0.90, flagged ≤ 20 %, leaked 0.
DEV_TARGETS = {
    "recall": 0.85,
    "claimant": 0.95,
    "speakers": 0.95,
    "cites": 0.93,
    "flagged_max": 0.10,
    "leaked_max": 0,
}
FIGURES = ("recall", "type", "claimant", "speakers", "cites")
TARGETS = {
    "recall": 0.90,
    "type_accuracy": 0.85,
    "not_checkworthy_flagged_max": 2,
    "claimant_accuracy": 0.85,
    "speaker_accuracy": 1.0,
    "cited_source_accuracy": 1.0,
    "number_accuracy": 1.0,
}


def normalise(text):
    text = re.sub(r"[“”„«»\"]", '"', text or "")
    text = re.sub(r"[‘’']", "'", text)
    return re.sub(r"\s+", " ", text).strip().casefold()


def surname(name):
    return normalise(name).split()[-1] if name and name.strip() else ""


def bare_url(url):
    return re.sub(r"^https?://", "", url or "").rstrip("/").casefold()


def evaluate(html, gold, url=None):
    """A dict of figures: recall, type accuracy, flagged non-check-worthy, claimant, sources, speakers, numbers, checks."""
    article = parse_article(html, url)
    extraction = extract_claims(article.paragraphs, article.text)
    checkworthy = [claim for claim in extraction.claims if claim.checkworthy]

    def find(quote, paragraph=None):
        wanted = normalise(quote)
        for claim in checkworthy:
            if wanted in normalise(claim.text) and (paragraph is None or claim.paragraph == paragraph):
                return claim
        for claim in checkworthy:
            if wanted in normalise(claim.text):
                return claim
        return None

    found, typed, missing, mistyped = 0, 0, [], []
    claimant_total, claimant_right, claimant_wrong = 0, 0, []
    cites_total, cites_right, cites_wrong = 0, 0, []
    numbers_total, numbers_right, numbers_wrong = 0, 0, []
    for item in gold["claims"]:
        claim = find(item["quote"], item.get("paragraph"))
        if claim is None:
            missing.append(item["quote"])
            continue
        found += 1
        if claim.type in item["types"]:
            typed += 1
        else:
            mistyped.append((item["quote"], claim.type, item["types"]))
        if item.get("claimant"):
            claimant_total += 1
            if surname(claim.claimant) == surname(item["claimant"]):
                claimant_right += 1
            else:
                claimant_wrong.append((item["quote"], claim.claimant, item["claimant"]))
        if item.get("cites"):
            cites_total += 1
            if {bare_url(u) for u in claim.sources} == {bare_url(u) for u in item["cites"]}:
                cites_right += 1
            else:
                cites_wrong.append((item["quote"], claim.sources, item["cites"]))
        for number in item.get("numbers", []):
            numbers_total += 1
            if any(_number_matches(got, number) for got in claim.numbers):
                numbers_right += 1
            else:
                numbers_wrong.append((item["quote"], claim.numbers, number))

    flagged = [item["quote"] for item in gold.get("not_checkworthy", []) if find(item["quote"], item.get("paragraph"))]

    speakers_right, speakers_wrong = 0, []
    for item in gold.get("speakers", []):
        wanted = normalise(item["quote"])
        quotation = next(
            (q for q in extraction.quotations if wanted in normalise(q.text) and q.paragraph == item["paragraph"]),
            None,
        )
        if quotation is not None and surname(quotation.speaker) == surname(item["speaker"]):
            speakers_right += 1
        else:
            speakers_wrong.append((item["quote"], quotation.speaker if quotation else None, item["speaker"]))

    checks_right, checks_wrong = 0, []
    for item in gold.get("consistency", []):
        match = next(
            (
                check
                for check in extraction.checks
                if check.kind == item["kind"]
                and check.ok
                and sorted(check.values.get("values", [])) == sorted(item["values"])
            ),
            None,
        )
        if match:
            checks_right += 1
        else:
            checks_wrong.append(item)

    total = len(gold["claims"])
    return {
        "paragraphs": len(article.paragraphs),
        "links": len(article.links),
        "claims_extracted": len(extraction.claims),
        "claims_checkworthy": len(checkworthy),
        "recall": found / total if total else 1.0,
        "found": found,
        "gold_claims": total,
        "type_accuracy": typed / found if found else 0.0,
        "not_checkworthy_flagged": len(flagged),
        "not_checkworthy_total": len(gold.get("not_checkworthy", [])),
        "claimant_accuracy": claimant_right / claimant_total if claimant_total else 1.0,
        "cited_source_accuracy": cites_right / cites_total if cites_total else 1.0,
        "speaker_accuracy": speakers_right / len(gold.get("speakers", [])) if gold.get("speakers") else 1.0,
        "number_accuracy": numbers_right / numbers_total if numbers_total else 1.0,
        "consistency_found": checks_right,
        "consistency_total": len(gold.get("consistency", [])),
        "errors": {
            "missing": missing,
            "mistyped": mistyped,
            "flagged": flagged,
            "claimant": claimant_wrong,
            "cites": cites_wrong,
            "speakers": speakers_wrong,
            "numbers": [(q, [vars(n) for n in got], want) for q, got, want in numbers_wrong],
            "consistency": checks_wrong,
        },
    }


def _number_matches(got, wanted):
    if abs(got.value - wanted["value"]) > 1e-9 or got.unit != wanted.get("unit", got.unit):
        return False
    if wanted.get("qualifier") and got.qualifier != wanted["qualifier"]:
        return False
    return not wanted.get("subject") or surname(got.subject) == surname(wanted["subject"])


def failed_targets(result):
    failures = []
    for key in (
        "recall",
        "type_accuracy",
        "claimant_accuracy",
        "speaker_accuracy",
        "cited_source_accuracy",
        "number_accuracy",
    ):
        if result[key] < TARGETS[key]:
            failures.append(f"{key} {result[key]:.2f} < {TARGETS[key]:.2f}")
    if result["not_checkworthy_flagged"] > TARGETS["not_checkworthy_flagged_max"]:
        failures.append(f"{result['not_checkworthy_flagged']} not-check-worthy sentences flagged")
    if result["consistency_found"] < result["consistency_total"]:
        failures.append("consistency check missing or not holding")
    return failures


def extraction_json(path):
    """What ``manage.py extract PATH`` prints, as a dict (no Django needed)."""
    parsed = parse_article(Path(path).read_bytes())
    return extraction_report(parsed, extract_claims(parsed.paragraphs, parsed.text))


def score_page(article, gold, verbose=False):
    """The independent scorer's figures for one page, plus its ``-v`` lines when ``verbose``."""
    with tempfile.NamedTemporaryFile("w", suffix=".json", encoding="utf-8") as extract:
        json.dump(extraction_json(article), extract, ensure_ascii=False)
        extract.flush()
        figures = subprocess.run(
            [sys.executable, str(SCORER), extract.name, str(gold), "--json"],
            capture_output=True,
            text=True,
            check=False,
        )
        details = ""
        if verbose:
            details = subprocess.run(
                [sys.executable, str(SCORER), extract.name, str(gold), "-v"],
                capture_output=True,
                text=True,
                check=False,
            ).stdout
    if not figures.stdout.strip():
        raise RuntimeError(f"scorer failed on {article}: {figures.stderr}")
    return json.loads(figures.stdout.strip().splitlines()[-1]), details


def corpus_pages():
    """``(article, gold)`` for every corpus gold file whose page is present."""
    for gold in sorted((CORPUS / "gold").glob("*.gold.json")):
        article = CORPUS / gold.name.replace(".gold.json", ".html")
        if article.exists():
            yield article, gold


def dev_means(results):
    """Per-metric means over the pages; flagged is pooled (flagged / not-check-worthy sentences)."""
    means = {key: sum(r[key] for r in results) / len(results) for key in FIGURES}
    not_checkworthy = sum(r["not"] for r in results)
    means["flagged"] = sum(r["flagged"] for r in results) / not_checkworthy if not_checkworthy else 0.0
    means["leaked"] = sum(r["leaked"] for r in results)
    numbers = [sum(r["values"][i] for r in results) for i in (0, 1)]
    means["numbers"] = numbers[0] / numbers[1] if numbers[1] else 1.0
    return means


def dev_failures(means, seed):
    failures = [
        f"{key} {means[key]:.2f} < {DEV_TARGETS[key]:.2f}"
        for key in ("recall", "claimant", "speakers", "cites")
        if means[key] < DEV_TARGETS[key]
    ]
    if means["flagged"] > DEV_TARGETS["flagged_max"]:
        failures.append(f"flagged {means['flagged']:.0%} > {DEV_TARGETS['flagged_max']:.0%}")
    if means["leaked"] > DEV_TARGETS["leaked_max"]:
        failures.append(f"leaked {means['leaked']}")
    if seed is not None:
        perfect = all(seed[key] == 1.0 for key in ("recall", "claimant", "speakers", "cites"))
        if not perfect or seed["flagged"] or seed["numbers"][0] < seed["numbers"][1]:
            failures.append("seed below 100 %")
    return failures


def _line(name, r):
    return (
        f"{name[:44]:44} recall {r['recall']:.2f} type {r['type']:.2f} claimant {r['claimant']:.2f} "
        f"speakers {r['speakers']:.2f} cites {r['cites']:.2f} flagged {r['flagged']}/{r['not']} "
        f"numbers {r['numbers'][0]}/{r['numbers'][1]} leaked {r['leaked']}"
    )


def main_corpus(check, verbose):
    if not SCORER.exists():
        print(f"scorer not found at {SCORER}")
        return 1
    seed = None
    seed_article = SHARED_SEED if SHARED_SEED.exists() else SEED
    seed_gold = seed_article.with_suffix(".gold.json")
    if seed_gold.exists():
        seed, details = score_page(seed_article, seed_gold, verbose)
        print(_line("seed " + seed_article.name, seed))
        print(details, end="")
    results = []
    for article, gold in corpus_pages():
        result, details = score_page(article, gold, verbose)
        results.append(result)
        print(_line(article.name, result))
        print(details, end="")
    if not results:
        print(f"no corpus gold in {CORPUS / 'gold'}")
        return 1
    means = dev_means(results)
    print(
        f"dev mean over {len(results)} pages: recall {means['recall']:.2f} type {means['type']:.2f} "
        f"claimant {means['claimant']:.2f} speakers {means['speakers']:.2f} cites {means['cites']:.2f} "
        f"flagged {means['flagged']:.0%} numbers (value+unit) {means['numbers']:.0%} leaked {means['leaked']}"
    )
    failures = dev_failures(means, seed)
    if check and failures:
        print("targets not met: " + "; ".join(failures))
        return 1
    return 0


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("article", nargs="?")
    parser.add_argument("gold", nargs="?")
    parser.add_argument("--check", action="store_true", help="exit 1 unless the targets hold")
    parser.add_argument("--verbose", "-v", action="store_true", help="list every miss")
    args = parser.parse_args(argv)
    if args.article is None:
        return main_corpus(args.check, args.verbose)
    article = Path(args.article)
    gold_path = Path(args.gold) if args.gold else article.with_suffix(".gold.json")
    result = evaluate(article.read_bytes(), json.loads(gold_path.read_text(encoding="utf-8")))
    print(f"article: {article.name}")
    print(
        f"paragraphs {result['paragraphs']}, links {result['links']}, claims {result['claims_extracted']} ({result['claims_checkworthy']} check-worthy)"
    )
    print(f"recall of gold claims      {result['recall']:.1%} ({result['found']}/{result['gold_claims']})")
    print(f"type accuracy (found)      {result['type_accuracy']:.1%}")
    print(f"not-check-worthy flagged   {result['not_checkworthy_flagged']}/{result['not_checkworthy_total']}")
    print(f"claimant accuracy          {result['claimant_accuracy']:.1%}")
    print(f"cited-source accuracy      {result['cited_source_accuracy']:.1%}")
    print(f"speaker accuracy           {result['speaker_accuracy']:.1%}")
    print(f"number accuracy            {result['number_accuracy']:.1%}")
    print(f"consistency checks         {result['consistency_found']}/{result['consistency_total']} present and holding")
    if args.verbose:
        for kind, errors in result["errors"].items():
            for error in errors:
                print(f"  {kind}: {error}")
    failures = failed_targets(result)
    if args.check and failures:
        print("targets not met: " + "; ".join(failures))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

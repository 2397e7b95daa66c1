"""How parse + extraction time grows with input size, for the shapes that used to grow quadratically.

    python bench/bench_growth.py [--check] [--max-scale 64]

Each shape is built at 1×, 2×, 4× … 64× its base size (about 8 KB) and run
through the whole pure pipeline (``parse_article`` then ``extract_claims``).
The figure is CPU milliseconds per KB (process time, so other work on a shared
machine does not count); linear work keeps it flat. With
``--check`` the script exits 1 when a shape's time per KB at the largest
scale is more than ``MAX_GROWTH`` times its time per KB at 1× (the best of
three runs, so one slow run on a shared machine does not decide).

Shapes (the ones the extraction issue measured):
- ``long paragraph``: one ``<p>`` of news sentences with names, quotes,
  abbreviations, numbers and links, as plain-text articles become;
- ``<br> prose``: the same sentences split by ``<br><br>`` inside one ``<div>``;
- ``many body containers``: thousands of sibling ``class="article-body"`` divs;
- ``many links``: one paragraph where every few words are a link.
"""

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from articles.parsing import parse_article
from claims.extraction import extract_claims

MAX_GROWTH = 1.5
BASE_BYTES = 8 * 1024

SENTENCES = [
    "Rep. Norma Torres, D-Calif., said the U.S. had sent $12 million to the region in 2023.",
    "“We will not accept this,” she said, according to a statement from the State Department.",
    "Dr. Alan Ruiz, a professor at the university, told reporters that turnout fell to 38% in March.",
    'The council voted 7-2 on Tuesday, and <a href="https://example.org/vote">the minutes</a> show it.',
    "A Redfield Research poll showed the mayor's approval at 41 percent among likely voters.",
    "He argued that the plan would cost taxpayers about 3,400 jobs over the next decade.",
]


def long_paragraph(size):
    body = " ".join(_sentences(size))
    return f"<html><body><article><p>{body}</p></article></body></html>"


def br_prose(size):
    body = "<br><br>".join(_sentences(size))
    return f"<html><body><div>{body}</div></body></html>"


def many_body_containers(size):
    block = '<div class="article-body"><p>{} {} {}</p></div>'
    blocks = []
    length = 0
    index = 0
    while length < size:
        piece = block.format(*(SENTENCES[(index + k) % len(SENTENCES)] for k in range(3)))
        blocks.append(piece)
        length += len(piece)
        index += 1
    return "<html><body>" + "".join(blocks) + "</body></html>"


def many_links(size):
    words = []
    length = 0
    index = 0
    while length < size:
        piece = f'Officials cited <a href="https://example.org/doc/{index}">report {index}</a> on spending.'
        words.append(piece)
        length += len(piece) + 1
        index += 1
    return "<html><body><article><p>" + " ".join(words) + "</p></article></body></html>"


SHAPES = {
    "long paragraph": long_paragraph,
    "<br> prose": br_prose,
    "many body containers": many_body_containers,
    "many links": many_links,
}


def _sentences(size):
    out = []
    length = 0
    index = 0
    while length < size:
        sentence = SENTENCES[index % len(SENTENCES)]
        out.append(sentence)
        length += len(sentence) + 1
        index += 1
    return out


def pipeline(html):
    article = parse_article(html)
    return extract_claims(article.paragraphs, article.text)


def ms_per_kb(html, repeat=3):
    best = None
    for _ in range(repeat):
        start = time.process_time()
        pipeline(html)
        elapsed = time.process_time() - start
        best = elapsed if best is None else min(best, elapsed)
    return best * 1000 / (len(html.encode("utf-8")) / 1024)


def growth(shape, scales):
    """``[(scale, KB, ms per KB)]`` for one shape."""
    rows = []
    for scale in scales:
        html = SHAPES[shape](BASE_BYTES * scale)
        rows.append((scale, len(html.encode("utf-8")) / 1024, ms_per_kb(html, repeat=3 if scale < 32 else 2)))
    return rows


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true", help=f"exit 1 when growth exceeds {MAX_GROWTH}×")
    parser.add_argument("--max-scale", type=int, default=64)
    args = parser.parse_args(argv)
    scales = [1]
    while scales[-1] * 2 <= args.max_scale:
        scales.append(scales[-1] * 2)
    failures = []
    for shape in SHAPES:
        rows = growth(shape, scales)
        ratio = rows[-1][2] / rows[0][2]
        cells = "  ".join(f"{scale}× {kb:.0f} KB {per_kb:.2f}" for scale, kb, per_kb in rows)
        print(f"{shape:22} ms/KB: {cells}  | {rows[-1][0]}×/1× = {ratio:.2f}")
        if ratio > MAX_GROWTH:
            failures.append(f"{shape} {ratio:.2f}×")
    if args.check and failures:
        print("growth above " + f"{MAX_GROWTH}×: " + "; ".join(failures))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Direct quotations: where they stand and which quote marks delimit them.

Curly, straight, German („…“) and guillemet («…») quotes. News style leaves
the closing mark off a paragraph when the same speaker's quotation continues
in the next one, so an unclosed quotation ends with its paragraph and is
flagged ``closed=False``; the next paragraph inherits its speaker.
"""

import re
from dataclasses import dataclass

QUOTE_MARK = re.compile(r"[“”„«»\"]")
CLOSING_FOR = {"“": "”", "„": "“", "«": "»", '"': '"'}
MIN_QUOTATION_WORDS = 4
WORD_CHARACTER = re.compile(r"\w")


@dataclass(frozen=True)
class QuoteSpan:
    """Offsets relative to the paragraph: ``outer`` includes the marks, ``inner`` does not."""

    outer_start: int
    outer_end: int
    inner_start: int
    inner_end: int
    closed: bool

    def words(self, text):
        return len(text[self.inner_start : self.inner_end].split())


def find_quote_spans(text):
    """Every quoted span in one paragraph, in order; short scare quotes included."""
    spans = []
    opener = None
    opened_at = 0
    for match in QUOTE_MARK.finditer(text):
        mark = match.group()
        position = match.start()
        if opener is None:
            if mark in CLOSING_FOR and (mark != '"' or position == 0 or not text[position - 1].isalnum()):
                opener, opened_at = mark, position
            continue
        if mark == CLOSING_FOR[opener]:
            spans.append(QuoteSpan(opened_at, position + 1, opened_at + 1, position, True))
            opener = None
        elif mark == opener and mark != '"':
            # A new opening mark before the last one closed: the earlier quotation was left open.
            spans.append(QuoteSpan(opened_at, position, opened_at + 1, position, False))
            opened_at = position
    if opener is not None:
        spans.append(QuoteSpan(opened_at, len(text), opened_at + 1, len(text), False))
    return [_trim_inner(text, span) for span in spans if span.inner_end > span.inner_start]


def is_quotation(text, span):
    """A quotation worth attributing, as opposed to a scare-quoted word or phrase."""
    return span.words(text) >= MIN_QUOTATION_WORDS


def quote_only(text, spans):
    """True when nothing but punctuation stands outside the paragraph's quotations."""
    # One pass over the gaps between quotations (re-slicing the text per quotation was quadratic).
    position = 0
    for span in spans:
        if WORD_CHARACTER.search(text, position, span.outer_start):
            return False
        position = max(position, span.outer_end)
    return not WORD_CHARACTER.search(text, position)


def _trim_inner(text, span):
    start, end = span.inner_start, span.inner_end
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return QuoteSpan(span.outer_start, span.outer_end, start, end, span.closed)

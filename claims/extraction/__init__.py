"""Claim extraction: an article's paragraphs → claims, quotations and consistency checks.

Pure and deterministic: no database, no models, no network. ``extract_claims``
takes the paragraphs produced by ``articles.parsing`` (anything with
``index``, ``text``, ``start`` and ``links``) and returns plain dataclasses,
so it is tested and benchmarked on its own and the ingestion service decides
what to store.

The pipeline, per article:
1. split paragraphs into sentences (``sentences``);
2. collect names and build the article's name registry (``names``);
3. in reading order, find quotations and attribute each to a speaker, and
   find each sentence's claimant (``quotes``, ``attribution``);
4. type each sentence, extract its quantities and their subjects, score its
   check-worthiness on what is said (``numbers``, ``checkworthiness``);
5. attach the links each claim cites;
6. run the cross-claim consistency checks (``consistency``).
"""

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from ..sources import canonical_url, site_name
from .attribution import REPORT_VERB, attribution_after_quote, attribution_in
from .checkworthiness import THRESHOLD, accusation_cue, score_checkworthiness
from .consistency import Check, consistency_checks
from .names import PRONOUNS, NameRegistry, find_mentions, is_organisation, proper_tokens_of
from .numbers import find_quantities, find_spelled_quantities, has_date, is_statistic, is_vote_share
from .quotes import find_quote_spans, is_quotation, quote_only
from .sentences import split_sentences
from .statements import claim_statement
from .types import ClaimCandidate, ClaimType, Extraction, Number, Quotation

ANCHOR_CONTEXT = 32
MIN_CLAIM_WORDS = 3
QUOTE_DOMINANCE = 0.5
AFTER_QUOTE_WINDOW = 400
PRONOUN_WORD = re.compile(r"\b(he|she|him|her|his)\b", re.I)
LEADING_NOUN_PHRASE = re.compile(
    r"^\W*((?:the|a|an|this|that|its|their|his|her)\s+)?([\w’'-]+(?:\s+[\w’'-]+){0,3}?)\s+(?:is|are|was|were|has|have|had|won|got|received|rose|fell|grew)\b",
    re.I,
)


def extract_claims(paragraphs, text=None, *, learned_weights=None):
    """Claims, quotations and checks for an article's paragraphs.

    ``text`` is the article text the paragraphs' offsets refer to; when
    omitted it is rebuilt from the paragraphs. All offsets in the result are
    offsets into that text. ``learned_weights`` (``learned.LearnedWeights``)
    replaces the rule-based check-worthiness weights when given.
    """
    paragraphs = list(paragraphs)
    if text is None:
        text = _rebuild_text(paragraphs)
    layout = [
        (paragraph, split_sentences(paragraph.text), find_quote_spans(paragraph.text)) for paragraph in paragraphs
    ]

    proper_tokens = proper_tokens_of(paragraph.text[s:e] for paragraph, sentences, _ in layout for s, e in sentences)
    registry = NameRegistry(proper_tokens=proper_tokens)
    mentions_by_paragraph = []
    for paragraph, sentences, _ in layout:
        mentions = []
        for start, end in sentences:
            for mention in find_mentions(paragraph.text[start:end], start, proper_tokens):
                registry.learn(mention)
                mentions.append(mention)
        mentions_by_paragraph.append(mentions)

    claims = []
    quotations = []
    open_quote_speaker = None
    previous_paragraph_speaker = ""
    passage_source = None
    for (paragraph, sentences, spans), mentions in zip(layout, mentions_by_paragraph, strict=True):
        if not getattr(paragraph, "quoted", False):
            passage_source = None
        elif passage_source is None:
            passage_source = _passage_source(claims, paragraph.index)
        reader = _ParagraphReader(paragraph, sentences, spans, mentions, registry, text, claims, passage_source)
        reader.learned_weights = learned_weights
        reader.read(open_quote_speaker, previous_paragraph_speaker)
        claims.extend(reader.claims)
        quotations.extend(reader.quotations)
        open_quote_speaker = reader.open_quote_speaker
        previous_paragraph_speaker = reader.last_quote_speaker or previous_paragraph_speaker
    _propagate_citations(claims, {paragraph.index: paragraph for paragraph in paragraphs})
    for claim in claims:
        claim.statement = claim_statement(claim.text, full_name=registry.canonical)
    checks = consistency_checks(claims)
    return Extraction(claims, quotations, checks)


class _ParagraphReader:
    """Reads one paragraph in order: quotations and their speakers, then each sentence's claim."""

    def __init__(
        self, paragraph, sentences, spans, mentions, registry, article_text, preceding_claims, passage_source=None
    ):
        self.paragraph = paragraph
        self.passage_source = passage_source
        self.learned_weights = None
        self.text = paragraph.text
        self.sentences = sentences
        self.spans = spans
        self.quotation_spans = [span for span in spans if is_quotation(self.text, span)]
        # Sorted offsets, so each sentence finds its quotes, names and links by bisection: scanning every
        # one of them per sentence made a long paragraph quadratic.
        self.span_starts = [span.outer_start for span in self.quotation_spans]
        self.span_ends = [span.outer_end for span in self.quotation_spans]
        self.mentions = mentions
        self.mention_starts = [mention.start for mention in mentions]
        self.link_starts = [link.start for link in paragraph.links]
        self.registry = registry
        self.article_text = article_text
        self.preceding_claims = preceding_claims
        self.speakers = {}
        self.claims = []
        self.quotations = []
        self.open_quote_speaker = None
        self.last_quote_speaker = ""

    def read(self, open_quote_speaker, previous_paragraph_speaker):
        if self.passage_source is not None:
            # A block quotation: the whole paragraph is the source's words.
            self.quotations.append(
                Quotation(
                    self.text, self.passage_source, self.paragraph.index, self.paragraph.start, self.paragraph.end
                )
            )
        paragraph_is_quote = quote_only(self.text, self.spans)
        for sentence_start, sentence_end in self.sentences:
            first, last = bisect_left(self.span_starts, sentence_start), bisect_left(self.span_starts, sentence_end)
            for span in self.quotation_spans[first:last]:
                if sentence_start <= span.outer_start < sentence_end:
                    speaker = self._attribute_quote(
                        span,
                        sentence_start,
                        open_quote_speaker,
                        previous_paragraph_speaker if paragraph_is_quote else "",
                    )
                    self.speakers[span] = speaker
                    if speaker:
                        self.registry.add_speaker(speaker)
                        self.last_quote_speaker = speaker
                    offset = self.paragraph.start
                    self.quotations.append(
                        Quotation(
                            self.text[span.inner_start : span.inner_end],
                            speaker,
                            self.paragraph.index,
                            offset + span.inner_start,
                            offset + span.inner_end,
                        )
                    )
            claim = self._claim(sentence_start, sentence_end)
            if claim is not None:
                if self.passage_source:
                    claim.claimant = self.passage_source
                self.claims.append(claim)
        last = self.quotation_spans[-1] if self.quotation_spans else None
        self.open_quote_speaker = self.speakers.get(last) if last is not None and not last.closed else None

    def _attribute_quote(self, span, sentence_start, open_quote_speaker, previous_paragraph_speaker):
        earlier = self._people_between(sentence_start, span.outer_start)
        speaker, found = attribution_after_quote(
            # A bounded window: the attribution stands right after the quote, and slicing the rest of the
            # paragraph for every quotation was quadratic in a long one.
            self.text[span.outer_end : span.outer_end + AFTER_QUOTE_WINDOW],
            self.registry,
            earlier,
        )
        if found:
            return speaker
        before = attribution_in(
            self.text[sentence_start : span.outer_start],
            self.registry,
            names_before=lambda position: self._people_between(sentence_start, sentence_start + position),
        )
        if before is not None:
            return before.speaker
        if self.speakers:
            # "“A,” X said. “B.”": a later quotation in the paragraph is the same speaker's.
            return next(reversed(self.speakers.values()))
        if span is self.quotation_spans[0] and open_quote_speaker:
            return open_quote_speaker
        return previous_paragraph_speaker or ""

    def _claim(self, start, end):
        """The sentence at ``[start, end)`` as a ``ClaimCandidate``, or None when it is too short to claim anything.

        The steps, each a method below: who says what (the claimant and the
        reported content), the figures, the type, the target, the cited
        links, and the check-worthiness of the content.
        """
        sentence = self.text[start:end]
        all_quantities = sorted(
            find_quantities(sentence) + find_spelled_quantities(sentence), key=lambda quantity: quantity.start
        )
        if len(sentence.split()) < MIN_CLAIM_WORDS and not all_quantities:
            return None
        said = self._who_says_what(start, end)
        content = " ".join(self.text[s:e] for s, e in said.content_ranges)
        mentions = self._mentions_starting(start, end)
        quantities = [q for q in all_quantities if is_statistic(q)]
        content_quantities = [q for q in quantities if said.covers_point(start + q.start)]
        vote_shares = [q for q in quantities if is_vote_share(sentence, q, self.race_context())]
        cue = accusation_cue(content)
        claim_type = _classify(vote_shares, content_quantities, said.quote_dominated, cue)
        # Every figure is reported, durations too ("18 months ago"); only statistics make a claim a statistic.
        numbers = [
            Number(
                q.value,
                q.unit.removeprefix("duration:"),
                q.qualifier,
                self._subject_of(sentence, start, q.start, mentions, q in vote_shares),
            )
            for q in all_quantities
        ]
        target = self._claim_target(claim_type, numbers, said, cue, sentence, start, content, mentions)
        cited = self._cited_links(start, end)
        score, features = score_checkworthiness(
            content,
            quantities=content_quantities,
            has_date=has_date(content),
            named_entities=sum(1 for m in mentions if said.covers_span(m.start, m.end)),
            cites_source=bool(cited),
            attributed=bool(said.claimant),
            accusation=cue,
            learned=self.learned_weights,
        )
        absolute_start = self.paragraph.start + start
        absolute_end = self.paragraph.start + end
        return ClaimCandidate(
            text=sentence,
            type=claim_type,
            claimant=said.claimant,
            target=target if target != said.claimant else "",
            paragraph=self.paragraph.index,
            start=absolute_start,
            end=absolute_end,
            prefix=self.article_text[max(0, absolute_start - ANCHOR_CONTEXT) : absolute_start],
            suffix=self.article_text[absolute_end : absolute_end + ANCHOR_CONTEXT],
            checkworthiness=score,
            checkworthy=score >= THRESHOLD,
            features=features,
            numbers=numbers,
            sources=cited,
        )

    def _who_says_what(self, start, end):
        """The sentence's claimant and the ranges holding what is claimed: a quotation's, or an attribution's."""
        covering = self.quotation_spans[bisect_right(self.span_ends, start) : bisect_left(self.span_starts, end)]
        quoted = sum(min(end, span.inner_end) - max(start, span.inner_start) for span in covering)
        # A sentence that opens with a quotation is that quotation plus its attribution.
        if covering and (quoted >= QUOTE_DOMINANCE * (end - start) or covering[0].outer_start == start):
            return self._quoted_content(start, end, covering)
        return self._attributed_content(start, end)

    def _quoted_content(self, start, end, covering):
        """A quote-dominated sentence: the longest quotation's speaker claims the quoted words."""
        claimant = self.speakers.get(max(covering, key=lambda span: span.inner_end - span.inner_start), "")
        ranges = [(max(start, span.inner_start), min(end, span.inner_end)) for span in covering]
        relative = re.search(r",\s+who\s+", self.text[ranges[-1][1] : end])
        if relative:
            ranges.append((ranges[-1][1] + relative.start(), end))
        return _Said(claimant, ranges, quote_dominated=True)

    def _attributed_content(self, start, end):
        """A reported sentence: the attribution's speaker claims what follows the speech verb."""
        sentence = self.text[start:end]
        attribution = attribution_in(
            sentence, self.registry, names_before=lambda position: self._people_between(start, start + position)
        )
        if attribution is None:
            return _Said("", [(start, end)])
        claimant = attribution.speaker
        ranges = [(start, end)]
        content_start = start + attribution.content_start
        if REPORT_VERB.match(sentence, attribution.verb_start, attribution.verb_end):
            pass  # a finding is checked as the whole sentence
        elif len(self.text[content_start:end].split()) >= MIN_CLAIM_WORDS:
            ranges = [(content_start, end)]
        elif attribution.content_start:
            ranges = [(start, start + attribution.verb_start)]
        accused = ""
        if sentence[attribution.verb_start : attribution.verb_end].startswith(("accus", "charged")):
            accused = self._accused(sentence[attribution.verb_end :], start + attribution.verb_end)
        if claimant:
            self.registry.add_speaker(claimant)
            self._learn_gender(attribution.raw, claimant, sentence[attribution.verb_end :])
        return _Said(claimant, ranges, accused=accused)

    def _claim_target(self, claim_type, numbers, said, cue, sentence, start, content, mentions):
        """Who the claim is about: a vote share's candidate, the accused, or the actor before an accusation cue."""
        if claim_type == ClaimType.VOTE_SHARE:
            return numbers[0].subject if numbers else ""
        if said.accused:
            return said.accused
        if cue is not None:
            return self._target(sentence, start, content, said.content_ranges, cue, said.claimant, mentions)
        return ""

    def _cited_links(self, start, end):
        """Canonical URLs of the links inside the sentence, once each, in order."""
        first = bisect_left(self.link_starts, self.paragraph.start + start)
        last = bisect_left(self.link_starts, self.paragraph.start + end)
        return list(dict.fromkeys(canonical_url(link.href) for link in self.paragraph.links[first:last]))

    def _people_between(self, start, end):
        """Names mentioned in this paragraph between two offsets, organisations left out."""
        return [m.name for m in self._mentions_starting(start, end) if m.end <= end and not is_organisation(m.name)]

    def _mentions_starting(self, start, end):
        """The paragraph's mentions that start within ``[start, end)``, in order."""
        return self.mentions[bisect_left(self.mention_starts, start) : bisect_left(self.mention_starts, end)]

    def race_context(self):
        """True when the previous claim, in this paragraph or the one before, reported vote shares."""
        last = self.previous_claim()
        return last is not None and last.type == "vote_share" and self.paragraph.index - last.paragraph <= 1

    def previous_claim(self):
        if self.claims:
            return self.claims[-1]
        return self.preceding_claims[-1] if self.preceding_claims else None

    def _accused(self, rest, rest_start):
        """The object of "accused": "the governments of Guatemala, Honduras and El Salvador" in "accused the governments … of …"."""
        phrase = re.match(
            r"\s*(.{3,120}?)(?=\s+(?:of|in|for|over)\s+(?:not\b|having\b|[“\"‘]?\w+ing\b|a\b|an\b)|[,;:.]\s|$)", rest
        )
        if not phrase:
            return ""
        object_start = rest_start + phrase.start(1)
        object_end = rest_start + phrase.end(1)
        named = [m for m in self._mentions_starting(object_start, object_end) if m.end <= object_end]
        if len(named) == 1 and named[0].start - object_start <= 4:
            return self.registry.canonical(named[0].name)
        if re.fullmatch(r"(?:him|her|them|his|he|she)", phrase.group(1)):
            return self.registry.resolve_pronoun(phrase.group(1))
        office = re.fullmatch(r"the\s+(\w+)", phrase.group(1))
        if office and self.registry.holder_of(office.group(1)):
            return self.registry.holder_of(office.group(1))
        return re.sub(r"^(?:the|a|an)\s+", "", phrase.group(1))

    def _subject_of(self, sentence, sentence_start, position, mentions, candidate_only=False):
        """Whom a quantity belongs to: the nearest name before it, else the sentence's leading noun phrase.

        A vote share belongs to a candidate, so a person wins over the place
        in "Rivera won Springfield's election with 41.2%".
        """
        before = [m for m in mentions if m.end - sentence_start <= position]
        people = [m for m in before if self.registry.is_person(m.name)]
        if candidate_only and people:
            before = people
        if before:
            return self.registry.canonical(before[-1].name)
        pronoun = _last_match(PRONOUN_WORD, sentence[:position])
        if pronoun is not None:
            resolved = self.registry.resolve_pronoun(pronoun.group(1))
            if resolved:
                return resolved
        phrase = LEADING_NOUN_PHRASE.match(sentence[:position])
        return phrase.group(2).lower() if phrase else ""

    def _target(self, sentence, sentence_start, content, content_ranges, cue, claimant, mentions):
        """Who an accusation is about: the object of "accused", else the actor named nearest before the cue."""
        cue_position = content_ranges[0][0] + cue.start() - sentence_start
        candidates = [m for m in mentions if self.registry.canonical(m.name) != claimant]
        if cue.group().lower().startswith("accus"):
            after = [m for m in candidates if m.start - sentence_start >= cue_position]
            if after and after[0].start - sentence_start - cue_position < 30:
                return self.registry.canonical(after[0].name)
            return ""
        named_before = [m for m in candidates if m.end - sentence_start <= cue_position]
        pronoun = _last_match(PRONOUN_WORD, sentence[:cue_position])
        if pronoun is not None and (not named_before or named_before[-1].end - sentence_start < pronoun.start()):
            earlier = [m.name for m in named_before if not is_organisation(m.name)]
            resolved = self.registry.resolve_pronoun(pronoun.group(1), earlier)
            if resolved and resolved != claimant:
                return resolved
        if named_before:
            return self.registry.canonical(named_before[-1].name)
        return ""

    def _learn_gender(self, raw, speaker, rest):
        if raw is None:
            return
        kind, value = raw
        if kind == "pronoun" and value in PRONOUNS:
            self.registry.learn_gender(speaker, value)
        elif kind == "name":
            pronoun = re.search(r"\b(he|she)\b", rest)
            if pronoun:
                self.registry.learn_gender(speaker, pronoun.group(1))


def _passage_source(claims, paragraph_index):
    """Whose words a block quotation is: the source its introducing sentence names, else the site it links.

    "As the county's auditor wrote:" names the speaker; "Hillary suffered
    her <a href=…legalinsurrection.com…>final defeat</a>." points at the
    site quoted below it. "" when the sentence before gives neither.
    """
    if not claims or claims[-1].paragraph != paragraph_index - 1:
        return ""
    introducing = claims[-1]
    if introducing.claimant:
        return introducing.claimant
    if introducing.sources:
        return site_name(introducing.sources[-1])
    return ""


@dataclass
class _Said:
    """Who claims a sentence and where the claimed content stands in the paragraph."""

    claimant: str
    content_ranges: list
    quote_dominated: bool = False
    accused: str = ""

    def covers_point(self, position):
        return any(s <= position < e for s, e in self.content_ranges)

    def covers_span(self, start, end):
        return any(s <= start and end <= e for s, e in self.content_ranges)


def _classify(vote_shares, content_quantities, quote_dominated, cue):
    """The claim's type: the first of vote share, statistic, quote, accusation and fact that applies."""
    if vote_shares:
        return ClaimType.VOTE_SHARE
    if content_quantities:
        return ClaimType.STATISTIC
    if quote_dominated:
        return ClaimType.QUOTE
    if cue:
        return ClaimType.ACCUSATION
    return ClaimType.FACT


def _propagate_citations(claims, paragraphs):
    """Links that back figures beyond their own sentence.

    - A figure with no link of its own cites the links of the neighbouring
      sentence in its paragraph that gives the same kind of figure "according
      to" a source: "Torres won with 57.4% of the vote. Her opponent got
      42.6%, according to NBC News election results." — the results page
      backs both shares. A rebuttal "citing an analysis by …" does not.
    - The items of a list cite the links of the paragraph that introduces it
      ("The largest items, according to a summary from …, are:").
    """
    has_own_links = [bool(claim.sources) for claim in claims]
    link_starts = {}
    sourcing = [_cites_as_source(claim, paragraphs, link_starts) for claim in claims]
    for index, claim in enumerate(claims):
        if has_own_links[index] or claim.type not in {"vote_share", "statistic"}:
            continue
        for neighbour_index in (index + 1, index - 1):
            if 0 <= neighbour_index < len(claims) and sourcing[neighbour_index]:
                neighbour = claims[neighbour_index]
                if neighbour.paragraph == claim.paragraph and neighbour.type == claim.type:
                    claim.sources = list(neighbour.sources)
                    break
    list_sources, last_paragraph = None, None
    for index, claim in enumerate(claims):
        if has_own_links[index]:
            list_sources = claim.sources if claim.text.rstrip().endswith(":") else None
            last_paragraph = claim.paragraph
            continue
        if (
            list_sources
            and claim.paragraph == last_paragraph + 1
            and claim.type == "statistic"
            and claim.paragraph != claims[index - 1].paragraph
        ):
            claim.sources = list(list_sources)
            last_paragraph = claim.paragraph
        else:
            list_sources = None


SOURCING_PHRASE = re.compile(
    r"\b(?:according to|data from|figures from|results from|source:)\s*(?:the\s+|a\s+|an\s+)?$", re.I
)


def _cites_as_source(claim, paragraphs, link_starts):
    """True when one of the claim's links is introduced as the source of its figures.

    ``link_starts`` caches each paragraph's sorted link offsets, so a claim's
    links are found by bisection rather than by scanning the paragraph's.
    """
    if not claim.sources:
        return False
    paragraph = paragraphs[claim.paragraph]
    starts = link_starts.get(claim.paragraph)
    if starts is None:
        starts = link_starts[claim.paragraph] = [link.start for link in paragraph.links]
    for link in paragraph.links[bisect_left(starts, claim.start) : bisect_left(starts, claim.end)]:
        if claim.start <= link.start < claim.end:
            before = paragraph.text[max(0, link.start - paragraph.start - 30) : link.start - paragraph.start]
            if SOURCING_PHRASE.search(before) or re.search(
                r"\b(?:results|data|figures|statistics|census|poll)\b", link.text, re.I
            ):
                return True
    return False


def _last_match(pattern, text):
    last = None
    for last in pattern.finditer(text):  # noqa: B007 - the last one is wanted
        pass
    return last


def _rebuild_text(paragraphs):
    pieces = []
    position = 0
    for paragraph in paragraphs:
        if paragraph.start > position:
            pieces.append("\n" * (paragraph.start - position))
            position = paragraph.start
        pieces.append(paragraph.text)
        position += len(paragraph.text)
    return "".join(pieces)


__all__ = ["Check", "ClaimCandidate", "ClaimType", "Extraction", "Number", "Quotation", "extract_claims"]

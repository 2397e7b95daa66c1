"""Who says what: the subject of a speech verb, resolved to a person or organisation.

Handles the shapes news prose uses: "X said (that) …", "X, a professor at Y,
said …", "said X", "X’s release said …", "according to X", "a State
Department spokesperson said" (the organisation speaks) and pronouns ("he
said"), which resolve through the article's ``NameRegistry``. Generic groups
("critics say", "rights groups say") are attributions without a named
claimant and resolve to "".
"""

import re

from .names import (
    COMMON_CAPITALISED,
    NAME_RUN,
    PRONOUNS,
    SURNAME_TITLES,
    clean_name,
    find_mentions,
    is_organisation,
)

SPEECH_VERBS = (
    "said|says|say|told|tells|added|adds|wrote|writes|tweeted|posted|stated|explained|explains|"
    "noted|notes|argued|argues|claimed|claims|alleged|alleges|insisted|insists|warned|warns|"
    "acknowledged|acknowledges|admitted|admits|denied|denies|announced|announces|testified|reported|"
    "reports|replied|responded|countered|recalled|continued|declared|declares|estimated|estimates|"
    "concluded|believes|considers|considered|accused|accuses|charged|contended|contends|maintained|"
    "maintains|suggested|suggests|emphasized|emphasised|stressed|confirmed|confirms|disputes|disputed|"
    "predicted|conceded|complained|asserted|asserts|boasted|bragged|vowed|promised|pledged|"
)
# Report verbs: a poll, a study or an agency "shows", "found", "projects". What they report is the whole
# sentence ("A city panel found no violation in May"), not only the words after the verb.
REPORT_VERBS = (
    "found|finds|showed|shows|projects|projected|forecasts|forecast|predicts|revealed|reveals|indicates|indicated"
)
SPEECH_VERBS += REPORT_VERBS
REPORT_VERB = re.compile(rf"(?:{REPORT_VERBS})$")
AUXILIARY = r"(?:(?:has|have|had|also|later|previously|then|once|repeatedly|publicly|recently|again|long|already|often|frequently|separately|earlier)\s+)"
SPEECH_VERB = re.compile(
    rf"\b{AUXILIARY}*(?P<verb>{SPEECH_VERBS}|issued(?=\s+an?\s+(?:news\s+|press\s+)?(?:release|statement)))\b"
)
# "one of the many tweets read": only straight after a quotation.
AFTER_QUOTE_VERBS = re.compile(
    rf"\b{AUXILIARY}*(?P<verb>{SPEECH_VERBS}|read|reads|asked|asks|shouted|wrote|joked|quipped)\b"
)
ROLES = (
    r"spokes(?:person|man|woman)|officials?|representatives?|aides?|statement|release|report|lawyer|attorney|"
    r"spokespeople|press secretary|"
    # Documents and studies speak for whoever made them: "a Gallup poll showed", "the poll found".
    r"poll|polls|survey|study|analysis|tracker|data|figures|census|forecast|estimates?|audit|review|memo"
)
ROLE_PHRASE = re.compile(
    rf"\b(?:an?|the)\s+(?P<organisation>(?-i:(?:[A-Z][\w.’'&-]*\s+){{0,5}}))(?P<role>{ROLES})"
    rf"(?:\s+(?:for|of|at)\s+(?:the\s+)?(?P<organisation_after>{NAME_RUN.pattern}))?$",
    re.IGNORECASE,
)
DOCUMENTS = r"release|statement|tweet|tweets|post|posts|campaign|office|lawyer|lawyers|attorney|spokesperson|spokesman|spokeswoman|website|report|letter|account|press office"
NAMED_SUBJECT = re.compile(rf"(?P<name>{NAME_RUN.pattern})(?:’s|'s|’|')?(?:\s+(?:{DOCUMENTS}))?$")
PRONOUN_SUBJECT = re.compile(r"(?:^|\s)(?P<pronoun>he|she|they|we|it|i)$", re.IGNORECASE)
GENERIC_SUBJECT = re.compile(r"(?:^|\s)(?:[a-z][\w’'-]*\s+){0,6}[a-z][\w’'-]*$")
# "the senator said", "the former mayor told": the one person the article names with that title.
OFFICE_SUBJECT = re.compile(
    r"(?:^|\s)the\s+(?:(?:former|then|current|outgoing|incoming|new|late|state|prime)[- ]?\s*)?"
    r"(?P<office>senator|governor|mayor|president|congressman|congresswoman|representative|minister|ambassador|"
    r"secretary|chancellor|judge|sheriff|chairman|chairwoman|commissioner|speaker|prosecutor)$",
    re.IGNORECASE,
)
# "critics say", "Trump’s defenders claimed", "energy analysts say": a group reporting a claim is its claimant.
GROUP_NOUNS = (
    r"critics|analysts|experts|officials|observers|economists|scientists|researchers|opponents|supporters|"
    r"activists|advocates|lawmakers|legislators|defenders|detractors|users|protesters|skeptics|sceptics|"
    r"conservatives|liberals|progressives|democrats|republicans|residents|voters|doctors|historians|"
    r"scholars|campaigners|organizers|organisers|environmentalists|investigators|prosecutors|authorities"
)
GROUP_SUBJECT = re.compile(
    rf"(?:^|\s)(?P<group>(?:[\w’'-]+\s+){{0,3}}(?:{GROUP_NOUNS}))$",
    re.IGNORECASE,
)
GROUP_DETERMINERS = {
    "some",
    "many",
    "most",
    "several",
    "few",
    "a",
    "the",
    "of",
    "other",
    "these",
    "those",
    "all",
    "both",
}
PREPOSITION_BEFORE = re.compile(r"\b(?:in|of|at|for|from|with|on|to|by|about|among|across)\s+(?:the\s+)?$")
APPOSITIVE = re.compile(r"^(?:[a-z]|[DRI]-[A-Z]|\d)")
# "according to a new CBS News poll", "per FiveThirtyEight’s tracker", "according to analysis by the EIA".
SOURCE_PHRASE = re.compile(
    r"\b(?:according to|per(?=\s+(?:the\s|an?\s|[A-Z])))\s+(?P<phrase>(?:[^,;:!?—–()\s]+\s*){1,14})", re.IGNORECASE
)
AGENT = re.compile(r".*\b(?:by|from)\s+", re.IGNORECASE | re.DOTALL)
# "The Lancet Commission on pollution and health found": the name heads the noun phrase.
NAME_WITH_COMPLEMENT = re.compile(
    rf"(?P<name>{NAME_RUN.pattern})\s+(?:on|of|for)\s+(?:[a-z][\w’'-]*\s+){{0,4}}[a-z][\w’'-]*$"
)
# "a poll by Gallup said", "data from the Census Bureau show": the maker is the subject.
MADE_BY = re.compile(
    rf"\b(?:poll|survey|study|report|analysis|data|figures|count|list|review|investigation|estimates?)\s+"
    rf"(?:by|from)\s+(?:the\s+)?(?P<name>{NAME_RUN.pattern})$",
    re.IGNORECASE,
)
COORDINATED = re.compile(r"\s(?:and|but|then)$")
NAME_AT_START = re.compile(rf"^\W*(?P<name>{NAME_RUN.pattern})")
INVERTED = re.compile(
    rf"^\s*[,—–-]?\s*(?P<verb>(?i:{SPEECH_VERBS}|asked|wrote))\s+(?P<subject>(?:an?\s+|the\s+)?{NAME_RUN.pattern}(?:\s+(?:{ROLES}))?)"
)


NAME_AFTER_QUOTE = re.compile(rf"^\s*[,—–-]?\s*(?P<name>{NAME_RUN.pattern})\s*,")
INVERTED_AFTER_CLAUSE = re.compile(
    rf"[,—–]\s*(?P<verb>{SPEECH_VERBS})\s+(?P<subject>(?:an?\s+|the\s+)?{NAME_RUN.pattern}(?:\s+(?:{ROLES}))?)(?=\s*(?:[,.;]|$))"
)


class Attribution:
    """The resolved speaker of a span, with where the speech verb stands."""

    __slots__ = ("content_start", "raw", "speaker", "verb_end", "verb_start")

    def __init__(self, speaker, verb_start, verb_end, content_start, raw):
        self.speaker = speaker
        self.verb_start = verb_start
        self.verb_end = verb_end
        self.content_start = content_start
        self.raw = raw


def subject_before(text, position):
    """The raw subject ending just before ``position``: a name, a pronoun, a role phrase or a generic group.

    Skips one appositive ("Richard Hasen, an expert in election law, said").
    Returns ``(kind, value)`` with kind in name/pronoun/role/generic, or None.
    """
    left = text[:position].rstrip()
    for _ in range(2):
        role = ROLE_PHRASE.search(left)
        if role:
            organisation = (role.group("organisation_after") or role.group("organisation") or "").strip()
            return "role", (organisation, role.group("role").lower())
        pronoun = PRONOUN_SUBJECT.search(left)
        if pronoun:
            return "pronoun", pronoun.group("pronoun").lower()
        office = OFFICE_SUBJECT.search(left)
        if office:
            return "office", office.group("office").lower()
        made_by = MADE_BY.search(left)
        if made_by:
            name, _titles = clean_name(made_by.group("name"))
            if name:
                return "name", (name, made_by.start("name"))
        named = NAMED_SUBJECT.search(left)
        if named:
            if PREPOSITION_BEFORE.search(left, 0, named.start()):
                return "generic", None  # "leaders in the Senate said": the leaders speak, not the Senate
            name, _titles = clean_name(named.group("name"))
            if name.lower() in COMMON_CAPITALISED:
                return "generic", None
            if name:
                return "name", (name, named.start())
        if left.endswith(","):
            inner = left[:-1]
            comma = inner.rfind(",", max(0, len(inner) - 160))
            appositive = inner[comma + 1 :].strip() if comma != -1 else ""
            if comma == -1 or not APPOSITIVE.match(appositive) or " said " in appositive:
                return None
            left = inner[:comma].rstrip()
            continue
        if COORDINATED.search(left):
            # "Rivera, 44, campaigned on … and said": the subject of the first verb.
            return "coordinated", None
        headed = NAME_WITH_COMPLEMENT.search(left)
        if headed:
            name, _titles = clean_name(headed.group("name"))
            if name and name.lower() not in COMMON_CAPITALISED:
                return "name", (name, headed.start())
        group = GROUP_SUBJECT.search(left)
        if group:
            return "group", _group_name(group.group("group"))
        if GENERIC_SUBJECT.search(left):
            return "generic", None
        return None
    return None


def _group_name(phrase):
    """ "some of Trump’s defenders" → "Trump’s defenders": the group without its quantifiers."""
    words = phrase.split()
    while len(words) > 1 and words[0].lower() in GROUP_DETERMINERS:
        words = words[1:]
    return " ".join(words)


def resolve(subject, registry, earlier_names=()):
    """A raw subject from ``subject_before`` → the claimant's canonical name, or ""."""
    if subject is None:
        return ""
    kind, value = subject
    if kind == "name":
        name = value[0]
        if " " not in name and not registry.is_known(name):
            return ""  # "Western states say": a capitalised word, not a name the article uses
        if name.lower() in SURNAME_TITLES and name not in registry.full_names:
            return ""  # "the General said" without a General named earlier
        return registry.canonical(name)
    if kind == "pronoun":
        return registry.resolve_pronoun(value, earlier_names) if value in PRONOUNS else ""
    if kind == "role":
        organisation, role = value
        role = "spokesperson" if role.startswith("spokes") else role
        organisation, _titles = clean_name(organisation) if organisation else ("", ())
        if organisation:
            registry.role_organisations[role] = organisation
            return organisation
        return registry.role_organisations.get(role, "")
    if kind == "office":
        return registry.holder_of(value.split()[-1])
    if kind == "group":
        return value
    return ""


def attribution_in(text, registry, earlier_names=(), names_before=None):
    """The first speech verb in ``text`` whose subject resolves, as an ``Attribution``; or None.

    ``content_start`` marks where the reported content begins (after "said
    that"), so check-worthiness is judged on what was said, not on who said it.
    ``names_before(position)`` lists the people named in ``text`` before a
    position; callers that already hold the sentence's mentions pass it to
    spare a second scan.
    """
    names_before = names_before or (lambda position: names_in(text[:position]))
    fallback = None
    for match in SPEECH_VERB.finditer(text):
        if match.group("verb") in {"say", "tells"} and match.start() == 0:
            continue
        subject = subject_before(text, match.start())
        if subject is None:
            continue
        if subject[0] == "coordinated":
            opening = NAME_AT_START.match(text)
            subject = ("name", (clean_name(opening.group("name"))[0], 0)) if opening else ("generic", None)
        speaker = resolve(subject, registry, [*earlier_names, *names_before(match.start())])
        content_start = match.end()
        that = re.match(r"\s+(?:that\s+)?", text[content_start:])
        if that:
            content_start += that.end()
        attribution = Attribution(speaker, match.start("verb"), match.end(), content_start, subject)
        if speaker:
            return attribution
        fallback = fallback or attribution
    for according in SOURCE_PHRASE.finditer(text):
        name = source_in_phrase(according.group("phrase"))
        if name:
            return Attribution(registry.canonical(name), according.start(), according.end(), 0, ("name", (name, 0)))
    for pattern in (INVERTED, INVERTED_AFTER_CLAUSE):
        match = pattern.search(text)
        if match:
            speaker = resolve_phrase(match.group("subject"), registry)
            if speaker:
                # "…, said Robert Godby, director of …": what was said comes before the verb.
                return Attribution(speaker, match.start("verb"), match.end(), 0, ("name", (speaker, match.start())))
    return fallback


def source_in_phrase(phrase):
    """The source a sourcing phrase names, or "".

    The maker after "by"/"from" when there is one ("analysis by the Energy
    Information Administration"), else the last name in the noun phrase ("a
    new CBS News Battleground Tracker poll", "University of Houston political
    scientist Boris Shor"). "and" joins two names ("Post and Courier"); a
    "Charleston-based" modifier is dropped.
    """
    agent = AGENT.match(phrase)
    if agent:
        phrase = phrase[agent.end() :]
    runs = []
    for match in NAME_RUN.finditer(phrase):
        if runs and re.fullmatch(r"\s+(?:and|&)\s+", phrase[runs[-1][1] : match.start()]):
            runs[-1] = (runs[-1][0], match.end())
        else:
            runs.append((match.start(), match.end()))
    for start, end in reversed(runs):
        surface = re.sub(r"^[\w.-]+-based\s+", "", phrase[start:end])
        name, _titles = clean_name(surface)
        if name and name.lower() not in COMMON_CAPITALISED:
            return name
    return ""


def attribution_after_quote(text, registry, earlier_names=()):
    """The speaker named right after a closing quote: ", said X", " X said", " he said", " the spokesperson said"."""
    inverted = INVERTED.match(text)
    if inverted:
        return resolve_phrase(inverted.group("subject"), registry), True
    head = text[:200]
    for match in AFTER_QUOTE_VERBS.finditer(head):
        between = head[: match.start()]
        if re.search(r"[.!?“”\"]", between) or len(between) > 120:
            break
        subject = subject_before(head, match.start())
        speaker = resolve(subject, registry, earlier_names) if subject is not None else ""
        # "“…,” Ana Ruiz, an analyst at the Institute for Water and Soil told reporters": the person
        # opening the clause speaks, whatever the appositive names before the verb.
        opening = NAME_AFTER_QUOTE.match(between)
        if opening:
            opener = resolve_phrase(opening.group("name"), registry)
            if opener and (registry.is_person(opener) or not speaker):
                speaker = opener
        if not speaker:
            # "“…” in Iowa, said Pat Rynard": the verb inverted after a short clause.
            inverted = INVERTED.match(head[match.start() :])
            if inverted:
                speaker = resolve_phrase(inverted.group("subject"), registry)
        if subject is None and not speaker:
            continue
        return speaker, True
    return "", False


def resolve_phrase(phrase, registry):
    role = ROLE_PHRASE.search(phrase)
    if role:
        return resolve(
            (
                "role",
                (
                    (role.group("organisation_after") or role.group("organisation") or "").strip(),
                    role.group("role").lower(),
                ),
            ),
            registry,
        )
    name, _titles = clean_name(phrase)
    return registry.canonical(name) if name else ""


def names_in(text):
    """Names of people mentioned in ``text``, in order, for pronoun resolution."""
    return [mention.name for mention in find_mentions(text) if not is_organisation(mention.name)]

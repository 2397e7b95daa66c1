"""Names in news prose: who is mentioned, how they are called, who "he" is.

No statistical NER is available offline, so names are capitalised word runs,
cleaned of titles ("Rep.", "El Salvador President") and possessives, and
normalised through an article-wide registry: once "Rep. Norma Torres" has been
seen, "Torres" is "Norma Torres". Pronouns resolve to the most recent person
of a compatible gender, never to a guess when nobody fits.
"""

import re
from dataclasses import dataclass, field

CAPITALISED = r"(?:(?:[A-Z]\.){2,}|[A-Z][\w’'\-]*\.?|[A-Z]\.)"
CONNECTOR = r"(?:of|de|la|del|da|di|van|von|der|bin|al|y)"
NAME_RUN = re.compile(rf"{CAPITALISED}(?:\s+(?:{CONNECTOR}\s+)*{CAPITALISED})*")

TITLES = {
    "rep",
    "reps",
    "sen",
    "sens",
    "senator",
    "representative",
    "congressman",
    "congresswoman",
    "gov",
    "governor",
    "mayor",
    "president",
    "vice",
    "secretary",
    "minister",
    "prime",
    "ambassador",
    "judge",
    "justice",
    "dr",
    "mr",
    "mrs",
    "ms",
    "mx",
    "gen",
    "general",
    "col",
    "lt",
    "sgt",
    "capt",
    "chancellor",
    "pope",
    "king",
    "queen",
    "prince",
    "princess",
    "chairman",
    "chairwoman",
    "chair",
    "speaker",
    "leader",
    "professor",
    "prof",
    "commissioner",
    "director",
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "sheriff",
    "officer",
    "detective",
    "rev",
    "democrat",
    "democratic",
    "republican",
    "gop",
    "independent",
    "former",
    "then-president",
    "then-sen",
    "then-rep",
    "president-elect",
    "ceo",
    "attorney",
    "chief",
    "deputy",
    "state-sen",
    "assemblyman",
    "assemblywoman",
    "councilman",
    "councilwoman",
    "councilmember",
    "pm",
}
ORGANISATION_WORDS = {
    "department",
    "ministry",
    "party",
    "committee",
    "court",
    "agency",
    "association",
    "university",
    "institute",
    "council",
    "commission",
    "office",
    "house",
    "senate",
    "congress",
    "administration",
    "government",
    "news",
    "press",
    "times",
    "post",
    "inc",
    "corp",
    "group",
    "caucus",
    "foundation",
    "bank",
    "company",
    "organization",
    "organisation",
    "union",
    "service",
    "bureau",
    "network",
    "center",
    "centre",
    "states",
    "nations",
    "watch",
    "international",
    "fund",
    "board",
    "police",
    "army",
    "force",
    "campaign",
    "democrats",
    "republicans",
    "journal",
    "tribune",
    "magazine",
    "school",
    "college",
    "church",
    "club",
    "authority",
    "assembly",
    "parliament",
    "cabinet",
    "guard",
    "navy",
    "corps",
    "federation",
    "league",
    "alliance",
    "coalition",
    "forum",
    "project",
    "program",
    "programme",
    "team",
    "media",
    "ideas",
    "fbi",
    "cia",
    "nbc",
    "cbs",
    "abc",
    "cnn",
    "bbc",
    "ap",
    "afp",
    "reuters",
    "twitter",
    "facebook",
    "google",
}
PLACE_WORDS = {
    "river",
    "basin",
    "mountain",
    "mountains",
    "lake",
    "county",
    "city",
    "valley",
    "island",
    "islands",
    "street",
    "park",
    "bay",
    "coast",
    "canyon",
    "region",
    "state",
    "states",
    "district",
    "province",
    "square",
    "avenue",
    "road",
    "beach",
    "desert",
    "sea",
    "ocean",
    "gulf",
    "peninsula",
    "border",
    "airport",
    "station",
    "hall",
}
PLACE_PREFIXES = {
    "el",
    "los",
    "las",
    "san",
    "santa",
    "new",
    "north",
    "south",
    "east",
    "west",
    "latin",
    "central",
    "united",
    "great",
    "saudi",
}
# Capitalised only because they open a sentence or a clause.
COMMON_CAPITALISED = {
    "a",
    "an",
    "the",
    "this",
    "that",
    "these",
    "those",
    "there",
    "here",
    "he",
    "she",
    "it",
    "they",
    "we",
    "i",
    "you",
    "his",
    "her",
    "their",
    "its",
    "our",
    "my",
    "your",
    "but",
    "and",
    "or",
    "so",
    "yet",
    "in",
    "on",
    "at",
    "after",
    "before",
    "when",
    "while",
    "if",
    "as",
    "since",
    "for",
    "with",
    "without",
    "by",
    "from",
    "to",
    "of",
    "asked",
    "according",
    "meanwhile",
    "however",
    "still",
    "instead",
    "also",
    "some",
    "many",
    "most",
    "other",
    "others",
    "both",
    "one",
    "two",
    "three",
    "four",
    "five",
    "all",
    "no",
    "not",
    "what",
    "why",
    "how",
    "who",
    "where",
    "which",
    "whether",
    "then",
    "now",
    "today",
    "yesterday",
    "tomorrow",
    "last",
    "next",
    "during",
    "until",
    "despite",
    "although",
    "though",
    "because",
    "even",
    "just",
    "only",
    "more",
    "less",
    "about",
    "over",
    "under",
    "nearly",
    "almost",
    "more than",
    "citing",
    "speaking",
    "pressed",
    "reached",
    "contacted",
    "based",
    "born",
    "told",
    "faced",
    "given",
    "yes",
    "mr",
    "ms",
    "mrs",
    "issues",
    "members",
    "critics",
    "rights",
    "officials",
    "experts",
    "analysts",
    "residents",
    "voters",
    "people",
    "police",
    "authorities",
    "supporters",
    "opponents",
    "democrats",
    "republicans",
    "legislators",
    "lawmakers",
    "it’s",
    "it's",
    "that’s",
    "that's",
    "there’s",
    "there's",
    "let’s",
    "let's",
    "we’re",
    "we're",
    "they’re",
    "they're",
    "i’m",
    "i'm",
    "i’ve",
    "i've",
    "don’t",
    "don't",
    "amazing",
    "sadly",
    "hopefully",
    "whoever",
    "whatever",
    "every",
    "each",
    "such",
    "another",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan.",
    "feb.",
    "aug.",
    "sept.",
    "oct.",
    "nov.",
    "dec.",
    "said",
    "says",
    "added",
}
# "Torres, who …", "Smith, 45, …", "Becker said": a sentence's first word used as a name.
NAME_CONTEXT_AFTER = re.compile(
    r",\s+(?:who|whose|\d+,)|\s+(?:said|says|told|added|argued|noted|wrote|tweeted|disputed|denied)\b"
)
INNER_CAPITALISED = re.compile(r"\s[“\"‘'(]?([A-Z][\w’'.-]*)")
POSSESSIVE = re.compile(r"(?:’s|'s|’|')$")
# Titles that are also common surnames: a title precedes a name, so at the end of a run they are the name.
SURNAME_TITLES = {"king", "judge", "bishop", "marshal", "chancellor", "prince", "speaker", "major", "general"}
CONNECTOR_WORDS = {
    "of",
    "de",
    "la",
    "del",
    "da",
    "di",
    "van",
    "von",
    "der",
    "bin",
    "al",
    "y",
    "and",
    "for",
    "on",
    "the",
    "&",
}
RECENT_SPEAKERS = 64
PRONOUNS = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f", "hers": "f"}
OFFICES = {
    "gov": "governor",
    "sen": "senator",
    "rep": "representative",
    "pres": "president",
    "congressman": "representative",
    "congresswoman": "representative",
}
GENDER_TITLES = {
    "mr": "m",
    "mrs": "f",
    "ms": "f",
    "congressman": "m",
    "congresswoman": "f",
    "spokesman": "m",
    "spokeswoman": "f",
}


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    surface: str
    name: str
    titles: tuple[str, ...] = ()


def clean_name(surface):
    """``(name, titles)``: "El Salvador President Nayib Bukele’s" → ("Nayib Bukele", ("president",))."""
    surface = POSSESSIVE.sub("", surface.strip()).strip()
    tokens = surface.split()
    if tokens and tokens[0].lower() == "the":
        tokens = tokens[1:]
    last_title = -1
    for index, token in enumerate(tokens):
        if token.lower().rstrip(".") in TITLES:
            last_title = index
    if len(tokens) == 1 and tokens[0].lower() in SURNAME_TITLES:
        return tokens[0], ()  # "King said": the registry decides whether a King was named
    if (
        last_title == len(tokens) - 1 >= 1
        and tokens[-1].lower() in SURNAME_TITLES
        and tokens[-2].lower().rstrip(".") not in TITLES
    ):
        # "Gayle King", "Anthony Judge": a title word ending a run of names is a surname.
        last_title = max((i for i, t in enumerate(tokens[:-1]) if t.lower().rstrip(".") in TITLES), default=-1)
    titles = tuple(
        token.lower().rstrip(".") for token in tokens[: last_title + 1] if token.lower().rstrip(".") in TITLES
    )
    if 0 <= last_title < len(tokens) - 1:
        tokens = tokens[last_title + 1 :]
    elif last_title == len(tokens) - 1:
        return "", titles
    name = " ".join(tokens).strip(" ,.-")
    if name.endswith(".") and not re.search(r"\b[A-Z]\.$", name):
        name = name[:-1]
    return name, titles


def acronym_of(name):
    """The initials an organisation's name abbreviates to: "Energy Information Administration" → "EIA"."""
    return "".join(word[0] for word in name.split() if word.lower() not in CONNECTOR_WORDS and word[:1].isupper())


def is_organisation(name):
    words = {word.lower().strip(".") for word in name.split()}
    return bool(words & ORGANISATION_WORDS) or bool(re.fullmatch(r"(?:[A-Z]\.){2,}|[A-Z]{2,}", name))


def looks_like_person(name):
    tokens = name.split()
    if len(tokens) < 2 or is_organisation(name):
        return False
    if tokens[0].lower() in PLACE_PREFIXES or tokens[-1].lower() in PLACE_WORDS:
        return False
    return all(
        token[:1].isupper() or token in {"de", "la", "del", "da", "van", "von", "der", "bin", "al", "y"}
        for token in tokens
    )


def find_mentions(text, sentence_start=0, proper_tokens=frozenset()):
    """Capitalised runs in one sentence, cleaned; a sentence-opening common word is skipped."""
    mentions = []
    for match in NAME_RUN.finditer(text):
        start, end = match.span()
        surface = match.group()
        tokens = surface.split()
        at_sentence_start = not text[:start].strip(" “\"‘'(")
        # Drop leading words that are capitalised only by position.
        while tokens and (
            tokens[0].lower() in COMMON_CAPITALISED or (tokens[0].lower().endswith("ly") and at_sentence_start)
        ):
            start += len(tokens[0])
            start += len(text[start:]) - len(text[start:].lstrip())
            tokens = tokens[1:]
            at_sentence_start = False
        if not tokens:
            continue
        surface = text[start:end]
        if (
            at_sentence_start
            and len(tokens) == 1
            and POSSESSIVE.sub("", tokens[0]).rstrip(".") not in proper_tokens
            and not NAME_CONTEXT_AFTER.match(text, end)
        ):
            continue
        name, titles = clean_name(surface)
        if not name or name.lower() in COMMON_CAPITALISED:
            continue
        mentions.append(Mention(sentence_start + start, sentence_start + end, surface, name, titles))
    return mentions


def proper_tokens_of(sentences):
    """Capitalised tokens seen away from a sentence's first word: the article's proper nouns."""
    tokens = set()
    for text in sentences:
        for match in INNER_CAPITALISED.finditer(text):
            tokens.add(POSSESSIVE.sub("", match.group(1)).rstrip("."))
    return frozenset(tokens)


@dataclass
class NameRegistry:
    """Article-wide name normalisation and pronoun resolution, filled in reading order."""

    full_names: dict = field(default_factory=dict)  # surname → full name, None when ambiguous
    genders: dict = field(default_factory=dict)  # full name → "m" / "f"
    speakers: list = field(default_factory=list)  # most recent last
    role_organisations: dict = field(default_factory=dict)  # "spokesperson" → "State Department"
    title_holders: dict = field(default_factory=dict)  # "governor" → "Helen Marsh", None when several
    proper_tokens: frozenset = frozenset()  # capitalised words seen away from a sentence start
    acronyms: dict = field(default_factory=dict)  # "EIA" → "Energy Information Administration"

    def learn(self, mention):
        name = mention.name
        if " " in name and not looks_like_person(name):
            initials = acronym_of(name)
            if len(initials) >= 2:
                self.acronyms.setdefault(initials, name)
        if looks_like_person(name):
            surname = name.split()[-1]
            known = self.full_names.get(surname, name)
            self.full_names[surname] = name if known in (name, None) or name.startswith(known) else None
            for title in mention.titles:
                if title in GENDER_TITLES:
                    self.genders.setdefault(name, GENDER_TITLES[title])
                office = OFFICES.get(title, title)
                holder = self.title_holders.get(office, name)
                self.title_holders[office] = name if holder == name else None

    def holder_of(self, title):
        """The person the article names with ``title``: "the governor" → "Helen Marsh", if only one."""
        return self.title_holders.get(OFFICES.get(title.lower(), title.lower())) or ""

    def is_known(self, name):
        """True for a word the article uses as a proper noun, not only capitalised at a sentence start."""
        return name in self.full_names or name.rstrip(".") in self.proper_tokens

    def canonical(self, name):
        """The full form of ``name``: "Torres" → "Norma Torres" when the article named her in full."""
        if not name:
            return ""
        if " " not in name:
            full = self.full_names.get(name) or self.acronyms.get(name.replace(".", ""))
            if full:
                return full
        return name

    def is_person(self, name):
        canonical = self.canonical(name)
        return looks_like_person(canonical)

    def learn_gender(self, name, pronoun):
        gender = PRONOUNS.get(pronoun.lower())
        if gender and name and self.is_person(name):
            self.genders.setdefault(self.canonical(name), gender)

    def resolve_pronoun(self, pronoun, candidates=()):
        """The person ``pronoun`` most plausibly refers to, or "" when nobody fits.

        ``candidates`` are names mentioned earlier in the same sentence, most
        recent last; they win over earlier speakers ("Torres referred to Bukele
        …, and he countered" is Bukele).
        """
        gender = PRONOUNS.get(pronoun.lower())
        if gender is None:
            return ""
        # The last few dozen speakers are plenty to look back over, and keep each lookup bounded.
        for pool in (candidates, self.speakers[-RECENT_SPEAKERS:]):
            for name in reversed(pool):
                canonical = self.canonical(name)
                if not self.is_person(canonical):
                    continue
                known = self.genders.get(canonical)
                if known is None or known == gender:
                    return canonical
        return ""

    def add_speaker(self, name):
        if name:
            self.speakers.append(name)

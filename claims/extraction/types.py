"""What the extractor returns: plain dataclasses and the claim types, shared with the models.

``ClaimType`` is the one list of claim types: ``claims.models.Claim.Type``
is built from it, so the extractor and the database cannot drift apart.
"""

from dataclasses import dataclass, field
from enum import StrEnum


class ClaimType(StrEnum):
    """A claim's type, in the order the extractor decides it (first that applies wins)."""

    VOTE_SHARE = "vote_share"
    STATISTIC = "statistic"
    ACCUSATION = "accusation"
    QUOTE = "quote"
    FACT = "fact"

    @property
    def label(self):
        return self.value.replace("_", " ").capitalize()


@dataclass(frozen=True)
class Number:
    """A quantity a claim states, and what it counts (``subject``)."""

    value: float
    unit: str
    qualifier: str = ""
    subject: str = ""


@dataclass
class ClaimCandidate:
    """One sentence as a claim: where it stands, who claims it, its type, figures, sources and score."""

    text: str
    type: str
    claimant: str
    target: str
    paragraph: int
    start: int
    end: int
    prefix: str
    suffix: str
    checkworthiness: float
    checkworthy: bool
    features: dict
    numbers: list = field(default_factory=list)
    sources: list = field(default_factory=list)
    statement: str = ""  # the claim as a self-contained line, "" when rules cannot improve on the sentence


@dataclass(frozen=True)
class Quotation:
    """A direct quotation (or a block-quoted paragraph) and its speaker, "" when unknown."""

    text: str
    speaker: str
    paragraph: int
    start: int
    end: int


@dataclass
class Extraction:
    claims: list
    quotations: list
    checks: list

"""Where a claim was made: the claimant's own post when the article cites it, else the article.

Pure: takes the claim's claimant, sentence and cited canonical URLs, returns a
``Venue``. A cited social post is the venue when its account is the
claimant's ("Nayib Bukele" and @nayibbukele), or when the article makes no
attribution and the sentence reports the post ("the tweet shown above
claimed that …"): the post's account is then the claimant.
"""

import re
import unicodedata
from dataclasses import dataclass

from .sources import SourceKind, describe_source

PLATFORM_VENUES = {
    "twitter.com": "Tweet",
    "facebook.com": "Facebook post",
    "instagram.com": "Instagram post",
    "tiktok.com": "TikTok video",
    "threads.net": "Threads post",
    "bsky.app": "Bluesky post",
    "t.me": "Telegram post",
    "truthsocial.com": "Truth Social post",
    "linkedin.com": "LinkedIn post",
    "reddit.com": "Reddit post",
    "mastodon.social": "Mastodon post",
}
REPORTS_A_POST = re.compile(
    r"\b(?:tweet(?:s|ed)?|post(?:s|ed)?|wrote\s+on|shared|video|thread|status\s+update|social\s+media)\b", re.I
)


@dataclass(frozen=True)
class Venue:
    venue: str
    url: str
    claimant: str  # the claimant, or the post's account when the post is what the sentence reports


def claim_venue(*, claimant: str, sentence: str, cited: list[str], article_venue: str, article_url: str) -> Venue:
    """The venue of one claim: its claimant's own cited post if there is one, else the article."""
    posts = [info for info in map(describe_source, cited) if info.kind == SourceKind.SOCIAL_POST and info.handle]
    for info in posts:
        if claimant and handle_matches(claimant, info.handle):
            return Venue(_platform_venue(info.domain), info.canonical_url, claimant)
    if not claimant and posts and REPORTS_A_POST.search(sentence):
        info = posts[0]
        return Venue(_platform_venue(info.domain), info.canonical_url, info.handle)
    return Venue(article_venue, article_url, claimant)


def handle_matches(name: str, handle: str) -> bool:
    """True when ``handle`` is plausibly ``name``'s own account: "Nayib Bukele" and @nayibbukele or @BukeleNayib."""
    account = _letters(handle)
    words = [_letters(word) for word in name.split()]
    words = [word for word in words if word]
    if not account or not words:
        return False
    if account in {"".join(words), "".join(reversed(words))}:
        return True
    # "@RepNormaTorres", "@NormaJTorres": the surname and the first name both in the account name.
    return len(words) >= 2 and len(words[-1]) >= 4 and words[-1] in account and words[0] in account


def _letters(text):
    plain = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]", "", plain.casefold())


def _platform_venue(domain):
    return PLATFORM_VENUES.get(domain, "Social media post")

"""What a cited link points at: its canonical URL, domain, kind and account.

One function per question, used by ingestion, the extractor's JSON output,
the admin and the API alike, so two links to the same tweet are one source
everywhere.
"""

import re
from dataclasses import dataclass
from urllib.parse import parse_qsl, quote, unquote, urlencode, urlsplit, urlunsplit

MAX_HANDLE_LENGTH = 100  # Source.handle
MAX_URL_LENGTH = 2048  # Source.canonical_url, Citation.href
MAX_DOMAIN_LENGTH = 253  # Source.domain, and DNS's limit

# Host prefixes that name a rendition of a site, not a different site.
EDITION_PREFIXES = ("www.", "mobile.", "m.")
HOST_ALIASES = {"x.com": "twitter.com", "youtu.be": "youtube.com", "fb.com": "facebook.com"}
TRACKING_PARAMETERS = {
    "fbclid",
    "gclid",
    "dclid",
    "msclkid",
    "mc_cid",
    "mc_eid",
    "igshid",
    "_ga",
    "yclid",
    "ref_src",
    "ref_url",
    "cmpid",
    "smid",
}
# Per-host parameters that only record how a link was shared.
HOST_TRACKING_PARAMETERS = {"twitter.com": {"s", "t", "ref_src"}, "youtube.com": {"feature", "si", "ab_channel"}}


class SourceKind:
    SOCIAL_POST = "social_post"
    NEWS = "news"
    GOVERNMENT = "government"
    NGO = "ngo"
    VIDEO = "video"
    PRESS_RELEASE = "press_release"
    OTHER = "other"


SOCIAL_HOSTS = {
    "twitter.com",
    "facebook.com",
    "instagram.com",
    "tiktok.com",
    "threads.net",
    "bsky.app",
    "t.me",
    "truthsocial.com",
    "linkedin.com",
    "reddit.com",
    "mastodon.social",
}
VIDEO_HOSTS = {"youtube.com", "vimeo.com", "dailymotion.com", "rumble.com", "twitch.tv"}
PRESS_RELEASE_HOSTS = {"mailchi.mp", "prnewswire.com", "businesswire.com", "globenewswire.com", "presspage.com"}
NEWS_HOSTS = {
    "apnews.com",
    "reuters.com",
    "nbcnews.com",
    "cbsnews.com",
    "abcnews.go.com",
    "cnn.com",
    "foxnews.com",
    "msnbc.com",
    "nytimes.com",
    "washingtonpost.com",
    "wsj.com",
    "latimes.com",
    "usatoday.com",
    "politico.com",
    "thehill.com",
    "axios.com",
    "npr.org",
    "pbs.org",
    "bbc.co.uk",
    "bbc.com",
    "theguardian.com",
    "bloomberg.com",
    "cnbc.com",
    "vox.com",
    "fivethirtyeight.com",
    "snopes.com",
    "politifact.com",
    "factcheck.org",
    "aljazeera.com",
    "ft.com",
    "economist.com",
    "lemonde.fr",
    "elpais.com",
    "clarin.com",
    "spiegel.de",
    "zeit.de",
    "correctiv.org",
    "propublica.org",
    "theatlantic.com",
    "newsweek.com",
    "time.com",
    "huffpost.com",
    "buzzfeednews.com",
    "miamiherald.com",
    "chicagotribune.com",
    "bostonglobe.com",
}
NGO_HOSTS = {
    "hrw.org",
    "amnesty.org",
    "aclu.org",
    "splcenter.org",
    "transparency.org",
    "rsf.org",
    "cpj.org",
    "freedomhouse.org",
    "icrc.org",
    "oxfam.org",
    "greenpeace.org",
    "wwf.org",
    "brennancenter.org",
}
GOVERNMENT_SUFFIXES = (
    ".gov",
    ".mil",
    ".gov.uk",
    ".gc.ca",
    ".gouv.fr",
    ".bund.de",
    ".gob.mx",
    ".gob.ar",
    ".europa.eu",
    ".int",
)
GOVERNMENT_PATTERN = re.compile(r"\.(?:gov|gob|gouv|govt)\.[a-z]{2}$")
NEWS_HOST_WORDS = re.compile(r"news|times|post|tribune|herald|journal|gazette|chronicle|daily|press|courier|observer")
PRESS_RELEASE_PATH = re.compile(
    r"press[-_]?releases?|news[-_]?releases?|/press/|/newsroom/|/media-centre/|/pressroom/", re.I
)
TWITTER_STATUS = re.compile(r"^/([A-Za-z0-9_]{1,15})/status(?:es)?/(\d+)")
RESERVED_TWITTER_PATHS = {"i", "home", "search", "hashtag", "intent", "share", "explore", "settings"}


@dataclass(frozen=True)
class SourceInfo:
    canonical_url: str
    domain: str
    kind: str
    handle: str


def canonical_url(url):
    """The identity of a cited resource: one string for every way of linking to it.

    Scheme and host lower-cased, ``www.``/``mobile.``/``m.`` dropped, x.com
    and youtu.be folded into twitter.com and youtube.com, fragment and default
    port dropped, tracking parameters dropped and the rest sorted, so that the
    same tweet shared twice with different ``?s=20&t=…`` is one source. Path
    case is kept: paths are case-sensitive on most servers.
    """
    parts = urlsplit(url.strip())
    scheme = (parts.scheme or "https").lower()
    host = _canonical_host(parts.hostname or "")
    try:
        port = parts.port if parts.port and parts.port not in {80, 443} else None
    except ValueError:
        port = None  # a malformed port is dropped rather than trusted
    netloc = f"{host}:{port}" if port else host
    path = quote(unquote(parts.path), safe="/:@!$&'()*+,;=-._~%") or "/"
    query = [
        (key, value) for key, value in parse_qsl(parts.query, keep_blank_values=True) if not _is_tracking(key, host)
    ]

    if host == "youtube.com" and (parts.hostname or "").lower().endswith("youtu.be") and path.strip("/"):
        query.append(("v", path.strip("/").split("/")[0]))
        path = "/watch"
    if host == "twitter.com":
        match = TWITTER_STATUS.match(path)
        if match:
            path = f"/{match.group(1)}/status/{match.group(2)}"
    return urlunsplit((scheme, netloc, path, urlencode(sorted(query)), ""))


def canonical_url_variants(url):
    """``url``'s canonical form under both http and https: what a lookup by address matches.

    Stored rows keep the scheme they were linked with; a site serves the same
    page both ways, so a lookup should not miss it over the scheme.
    """
    canonical = canonical_url(url)
    scheme, rest = canonical.split(":", 1)
    if scheme not in {"http", "https"}:
        return [canonical]
    return [f"https:{rest}", f"http:{rest}"]


def describe_source(url):
    """Canonical URL, domain, kind and (for a social post) account handle of ``url``."""
    canonical = canonical_url(url)
    parts = urlsplit(canonical)
    domain = parts.hostname or ""
    kind = source_kind(domain, parts.path)
    handle = social_handle(domain, parts.path) if kind == SourceKind.SOCIAL_POST else ""
    if len(handle) > MAX_HANDLE_LENGTH:
        handle = ""  # no network allows such an account name; it is a path, not an account
    return SourceInfo(canonical, domain, kind, handle)


def site_name(url):
    """A readable name for the site or account behind ``url``: "legalinsurrection.com" → "Legal Insurrection".

    A social post is its account ("@handle"). Otherwise the registered
    domain's first label is split into English words (wordninja, a unigram
    model over Wikipedia word frequencies) and title-cased; a split into
    fragments shorter than three letters ("snopes" → "s nope s") is refused
    and the label is kept whole ("Snopes").
    """
    info = describe_source(url)
    if info.handle:
        return info.handle
    label = _registered_domain(info.domain).split(".")[0]
    if not label or len(label) > 63:
        return ""
    words = _split_words(label) if label.isalpha() else [label]
    if len(words) > 1 and any(len(word) < 3 for word in words):
        words = [label]
    return " ".join(word.capitalize() for word in words)


def _split_words(label):
    # Imported on first use: loading wordninja's word list costs half a second and 20 MB, which only a page
    # with a block quotation needs, not every web or worker process.
    import wordninja

    return wordninja.split(label)


def source_kind(domain, path=""):
    registered = _registered_domain(domain)
    if registered in SOCIAL_HOSTS or domain in SOCIAL_HOSTS:
        return SourceKind.SOCIAL_POST
    if registered in VIDEO_HOSTS:
        return SourceKind.VIDEO
    if registered in PRESS_RELEASE_HOSTS or PRESS_RELEASE_PATH.search(path or ""):
        return SourceKind.PRESS_RELEASE
    if f".{domain}".endswith(GOVERNMENT_SUFFIXES) or GOVERNMENT_PATTERN.search(f".{domain}"):
        return SourceKind.GOVERNMENT
    if registered in NEWS_HOSTS or domain in NEWS_HOSTS:
        return SourceKind.NEWS
    if registered in NGO_HOSTS:
        return SourceKind.NGO
    if NEWS_HOST_WORDS.search(registered.split(".")[0]):
        return SourceKind.NEWS
    if registered.endswith(".org"):
        return SourceKind.NGO
    return SourceKind.OTHER


def social_handle(domain, path):
    """``@account`` for a post on a social network whose URLs name the account, else ""."""
    segments = [segment for segment in path.split("/") if segment]
    if not segments:
        return ""
    first = segments[0]
    if domain == "twitter.com" and first.lower() not in RESERVED_TWITTER_PATHS:
        return f"@{first}"
    if domain in {"instagram.com", "tiktok.com", "threads.net"} and first not in {"p", "reel", "tv"}:
        return first if first.startswith("@") else f"@{first}"
    if domain == "bsky.app" and first == "profile" and len(segments) > 1:
        return f"@{segments[1]}"
    if domain == "facebook.com" and first not in {"watch", "story.php", "permalink.php", "photo.php", "groups"}:
        return first
    return ""


def _canonical_host(host):
    host = host.lower().rstrip(".")
    for prefix in EDITION_PREFIXES:
        if host.startswith(prefix) and host.count(".") >= 2:
            host = host[len(prefix) :]
            break
    return HOST_ALIASES.get(host, host)


def _registered_domain(domain):
    # Good enough for classification: last two labels, or three for a.co.uk style hosts.
    labels = domain.split(".")
    if len(labels) >= 3 and len(labels[-1]) == 2 and labels[-2] in {"co", "com", "org", "gov", "ac", "net"}:
        return ".".join(labels[-3:])
    return ".".join(labels[-2:])


def _is_tracking(key, host):
    lowered = key.lower()
    return (
        lowered.startswith("utm_")
        or lowered in TRACKING_PARAMETERS
        or lowered in HOST_TRACKING_PARAMETERS.get(host, ())
    )

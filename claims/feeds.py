"""RSS and Atom feeds of published verdicts, with Django's syndication framework."""

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed

from . import selectors


class LatestVerdictsFeed(Feed):
    title = "factcheck: latest fact checks"
    link = "/"
    description = "Claims from the news and the verdicts our reviewers published on them."

    def items(self):
        return selectors.latest_published(50)

    def item_title(self, claim):
        return f"{claim.current_verdict.rating.label}: {claim.text}"

    def item_description(self, claim):
        return claim.current_verdict.summary

    def item_link(self, claim):
        return claim.get_absolute_url()

    def item_pubdate(self, claim):
        return claim.current_verdict.published_at

    def item_author_name(self, claim):
        reviewer = claim.current_verdict.reviewer
        return reviewer.get_full_name() or reviewer.get_username() if reviewer else None


class LatestVerdictsAtomFeed(LatestVerdictsFeed):
    feed_type = Atom1Feed
    subtitle = LatestVerdictsFeed.description

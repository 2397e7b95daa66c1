"""RSS and Atom feeds of published verdicts, with Django's syndication framework.

Titles and summaries come from articles and reviewers, so they are plain text
for readers whatever they contain: Atom says so (``type="text"``); RSS has no
such attribute and readers render ``<description>`` (and often ``<title>``) as
HTML, so there the text is HTML-escaped before the XML writer escapes it again.
"""

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape

from . import selectors
from .rendering import plain_line

TITLE_LIMIT = 140


class PlainTextAtom1Feed(Atom1Feed):
    """Atom whose entry summaries are ``type="text"`` (Django writes ``type="html"``)."""

    def add_item_elements(self, handler, item):
        summary = item["description"]
        super().add_item_elements(handler, {**item, "description": None})
        if summary:
            handler.addQuickElement("summary", summary, {"type": "text"})


class LatestVerdictsFeed(Feed):
    title = "factcheck: latest fact checks"
    link = "/"
    description = "Claims from the news and the verdicts our reviewers published on them."

    def items(self):
        return selectors.latest_published(50)

    def entry_title(self, claim):
        return f"{claim.current_verdict.rating.label}: “{plain_line(claim.checked_statement, TITLE_LIMIT)}”"

    def entry_summary(self, claim):
        return plain_line(claim.current_verdict.summary)

    def item_title(self, claim):
        return escape(self.entry_title(claim))

    def item_description(self, claim):
        return escape(self.entry_summary(claim))

    def item_link(self, claim):
        return claim.get_absolute_url()

    def item_pubdate(self, claim):
        return claim.current_verdict.published_at

    def item_updateddate(self, claim):
        return max(claim.current_verdict.published_at, claim.current_verdict.updated_at)

    def item_author_name(self, claim):
        reviewer = claim.current_verdict.reviewer
        return reviewer.get_full_name() or None if reviewer else None


class LatestVerdictsAtomFeed(LatestVerdictsFeed):
    feed_type = PlainTextAtom1Feed
    subtitle = LatestVerdictsFeed.description

    def item_title(self, claim):
        return self.entry_title(claim)

    def item_description(self, claim):
        return self.entry_summary(claim)

"""The admin home's dashboard: queue sizes, verdicts published this week, ratings this month."""

from django import template
from django.urls import reverse
from django.utils.http import urlencode

from .. import queues
from ..rendering import rating_chart_svg

register = template.Library()


@register.inclusion_tag("admin/claims/dashboard.html", takes_context=True)
def desk_dashboard(context):
    user = context["request"].user
    if not user.has_perm("claims.view_claim"):
        return {"show": False}
    changelist = reverse("admin:claims_claim_changelist")
    return {
        "show": True,
        "queues": [
            {
                "queue": queue,
                "count": f"{count}+" if capped else count,
                "url": f"{changelist}?{urlencode({'queue': queue.slug})}",
            }
            for queue, count, capped in queues.queue_counts(user)
        ],
        "published_this_week": queues.published_since(7),
        "ratings_chart": rating_chart_svg(queues.ratings_this_month()),
    }

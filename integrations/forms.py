"""The webhook subscription form: events from the known list, and a URL that must pass the outbound check."""

from django import forms

from .models import WebhookSubscription
from .outbound import OutboundRefused, check_url


def validate_target(url):
    """Raise ``ValidationError`` when ``url`` is not http(s) on a public address (after DNS resolution)."""
    try:
        check_url(url)
    except OutboundRefused as error:
        raise forms.ValidationError(str(error)) from None


class WebhookSubscriptionForm(forms.ModelForm):
    events = forms.MultipleChoiceField(
        choices=WebhookSubscription.Event.choices, widget=forms.CheckboxSelectMultiple, required=True
    )

    class Meta:
        model = WebhookSubscription
        fields = ("url", "events", "secret", "active")

    def clean_url(self):
        url = self.cleaned_data["url"]
        validate_target(url)
        return url

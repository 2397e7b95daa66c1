"""The review rulebook: a superseded state, one published verdict per claim, truthful "updated" times.

Before the constraint, claims with several published verdicts keep their
current one (or the newest) published and the rest become superseded; a
verdict whose ``updated_at`` was only stamped by publishing is reset to its
publication time.
"""

from datetime import timedelta

import django.utils.timezone
from django.conf import settings
from django.db import migrations, models

SAME_SAVE = timedelta(seconds=1)


def supersede_extra_published(apps, schema_editor):
    Claim = apps.get_model("claims", "Claim")
    Verdict = apps.get_model("claims", "Verdict")
    for claim in Claim.objects.filter(verdicts__status="published").distinct().iterator():
        published = list(Verdict.objects.filter(claim=claim, status="published").order_by("-published_at", "-id"))
        keep = next((v for v in published if v.pk == claim.current_verdict_id), published[0])
        Verdict.objects.filter(pk__in=[v.pk for v in published if v.pk != keep.pk]).update(status="superseded")
        if claim.current_verdict_id != keep.pk:
            Claim.objects.filter(pk=claim.pk).update(current_verdict=keep, status="published")
    for verdict in Verdict.objects.filter(status="published", corrections__isnull=True).iterator():
        if verdict.published_at and verdict.updated_at - verdict.published_at < SAME_SAVE:
            Verdict.objects.filter(pk=verdict.pk).update(updated_at=verdict.published_at)


class Migration(migrations.Migration):
    dependencies = [
        ("claims", "0015_link_claimants"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="correction",
            name="previous_claimant",
            field=models.CharField(blank=True, max_length=200),
        ),
        migrations.AddField(
            model_name="correction",
            name="previous_statement",
            field=models.TextField(blank=True, help_text="The claim as checked, before."),
        ),
        migrations.AddField(
            model_name="correction",
            name="previous_evidence",
            field=models.JSONField(blank=True, default=list, help_text="Canonical URLs of the evidence before."),
        ),
        migrations.AlterField(
            model_name="claim",
            name="updated_at",
            field=models.DateTimeField(default=django.utils.timezone.now),
        ),
        migrations.AlterField(
            model_name="historicalclaim",
            name="updated_at",
            field=models.DateTimeField(default=django.utils.timezone.now),
        ),
        migrations.AlterField(
            model_name="historicalverdict",
            name="status",
            field=models.CharField(
                choices=[("draft", "Draft"), ("published", "Published"), ("superseded", "Superseded")],
                default="draft",
                max_length=20,
            ),
        ),
        migrations.AlterField(
            model_name="historicalverdict",
            name="updated_at",
            field=models.DateTimeField(default=django.utils.timezone.now),
        ),
        migrations.AlterField(
            model_name="verdict",
            name="status",
            field=models.CharField(
                choices=[("draft", "Draft"), ("published", "Published"), ("superseded", "Superseded")],
                default="draft",
                max_length=20,
            ),
        ),
        migrations.AlterField(
            model_name="verdict",
            name="updated_at",
            field=models.DateTimeField(default=django.utils.timezone.now),
        ),
        migrations.RunPython(supersede_extra_published, migrations.RunPython.noop),
        migrations.AddConstraint(
            model_name="verdict",
            constraint=models.UniqueConstraint(
                condition=models.Q(("status", "published")), fields=("claim",), name="verdict_one_published_per_claim"
            ),
        ),
    ]

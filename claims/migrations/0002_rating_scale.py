"""The default rating scale, with ClaimReview-compatible values (5 best, 1 worst)."""

from django.db import migrations

SCALE = [
    ("true", "True", 5, "The claim is accurate and nothing significant is missing.", "#1a7f37"),
    (
        "mostly-true",
        "Mostly true",
        4,
        "The claim is accurate but needs clarification or additional information.",
        "#3b7a1e",
    ),
    (
        "half-true",
        "Half true",
        3,
        "The claim is partially accurate but leaves out important details or takes things out of context.",
        "#9a6700",
    ),
    (
        "mostly-false",
        "Mostly false",
        2,
        "The claim contains an element of truth but ignores facts that would give a different impression.",
        "#bc4c00",
    ),
    ("false", "False", 1, "The claim is not accurate.", "#cf222e"),
    (
        "unverifiable",
        "Unverifiable",
        None,
        "The available evidence can neither confirm nor refute the claim.",
        "#57606a",
    ),
]


def create_scale(apps, schema_editor):
    Rating = apps.get_model("claims", "Rating")
    for order, (slug, label, value, definition, colour) in enumerate(SCALE):
        Rating.objects.update_or_create(
            slug=slug,
            defaults={"label": label, "value": value, "definition": definition, "colour": colour, "order": order},
        )


def remove_scale(apps, schema_editor):
    apps.get_model("claims", "Rating").objects.filter(
        slug__in=[row[0] for row in SCALE], verdicts__isnull=True
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("claims", "0001_initial")]
    operations = [migrations.RunPython(create_scale, remove_scale)]

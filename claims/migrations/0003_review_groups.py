"""The reviewer and editor groups.

reviewer: view everything; add and change claims (status) and draft verdicts.
editor: all of that, plus publish and correct verdicts and delete articles,
claims and verdicts.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

VIEW_ALL = [
    ("articles", "article"),
    ("claims", "source"),
    ("claims", "citation"),
    ("claims", "claim"),
    ("claims", "quotation"),
    ("claims", "consistencycheck"),
    ("claims", "verdict"),
    ("claims", "rating"),
]
REVIEWER = [
    ("claims", "add_claim"),
    ("claims", "change_claim"),
    ("claims", "add_verdict"),
    ("claims", "change_verdict"),
]
EDITOR_EXTRA = [
    ("claims", "publish_verdict"),
    ("claims", "delete_verdict"),
    ("claims", "delete_claim"),
    # Deleting an article deletes what hangs off it; the admin checks each.
    ("claims", "delete_citation"),
    ("claims", "delete_quotation"),
    ("claims", "delete_consistencycheck"),
    ("articles", "add_article"),
    ("articles", "change_article"),
    ("articles", "delete_article"),
    ("claims", "add_source"),
    ("claims", "change_source"),
]


def create_groups(apps, schema_editor):
    # Permissions are normally created after all migrations; groups need them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")

    def permissions(pairs):
        found = []
        for app_label, codename in pairs:
            found.append(Permission.objects.get(content_type__app_label=app_label, codename=codename))
        return found

    viewing = [(app, f"view_{model}") for app, model in VIEW_ALL]
    reviewer, _ = Group.objects.get_or_create(name="reviewer")
    reviewer.permissions.set(permissions(viewing + REVIEWER))
    editor, _ = Group.objects.get_or_create(name="editor")
    editor.permissions.set(permissions(viewing + REVIEWER + EDITOR_EXTRA))


def remove_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=["reviewer", "editor"]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("claims", "0002_rating_scale"),
        ("articles", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]
    operations = [migrations.RunPython(create_groups, remove_groups)]

"""Imported fact checks and matches join the groups' permissions: reviewers see them, editors import them."""

from django.contrib.auth.management import create_permissions
from django.db import migrations


def grant(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")

    def permissions(*codenames):
        return Permission.objects.filter(content_type__app_label="matching", codename__in=codenames)

    for group in Group.objects.filter(name__in=["reviewer", "editor"]):
        group.permissions.add(*permissions("view_externalfactcheck", "view_claimmatch", "change_claimmatch"))
    for group in Group.objects.filter(name="editor"):
        group.permissions.add(*permissions("add_externalfactcheck", "change_externalfactcheck"))


class Migration(migrations.Migration):
    dependencies = [("matching", "0002_search_indexes"), ("claims", "0005_review_group_permissions")]
    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]

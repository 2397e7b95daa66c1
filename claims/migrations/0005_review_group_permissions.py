"""Corrections join the groups' permissions: reviewers see them, editors make them."""

from django.contrib.auth.management import create_permissions
from django.db import migrations


def grant(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    view = Permission.objects.get(content_type__app_label="claims", codename="view_correction")
    add = Permission.objects.get(content_type__app_label="claims", codename="add_correction")
    for group in Group.objects.filter(name__in=["reviewer", "editor"]):
        group.permissions.add(view)
    for group in Group.objects.filter(name="editor"):
        group.permissions.add(add)


class Migration(migrations.Migration):
    dependencies = [("claims", "0004_review_workflow")]
    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]

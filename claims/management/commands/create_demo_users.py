"""manage.py create_demo_users: a reviewer and an editor account for trying factcheck locally."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError

DEMO_ACCOUNTS = [("reviewer", "reviewer-demo-password", "reviewer"), ("editor", "editor-demo-password", "editor")]


class Command(BaseCommand):
    help = "Create (or reset) the demo reviewer and editor accounts and print their logins. Development only."

    def add_arguments(self, parser):
        parser.add_argument("--force", action="store_true", help="allow it with DEBUG off")

    def handle(self, *args, force, **options):
        if not settings.DEBUG and not force:
            raise CommandError("Demo accounts have well-known passwords; refusing with DEBUG off (use --force).")
        User = get_user_model()
        for username, password, group_name in DEMO_ACCOUNTS:
            user, _ = User.objects.get_or_create(username=username, defaults={"email": f"{username}@example.org"})
            user.is_staff = True
            user.set_password(password)
            user.save()
            user.groups.add(Group.objects.get(name=group_name))
            self.stdout.write(f"  {group_name:9} login: {username} / {password}")
        self.stdout.write("Demo accounts ready: log in at http://127.0.0.1:8000/admin/")

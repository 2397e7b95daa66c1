"""manage.py create_api_token: a named API token for a user, printed once."""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from integrations.tokens import create_token


class Command(BaseCommand):
    help = "Create a named API token for USERNAME and print its key (stored hashed: it cannot be shown again)."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--name", required=True, help="what the token is for, e.g. 'newsroom CMS'")
        parser.add_argument("--expires-days", type=int, help="expire after this many days (default: never)")

    def handle(self, *args, username, name, expires_days, **options):
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"No user {username!r}.")
        if expires_days is not None and expires_days < 1:
            raise CommandError("--expires-days must be 1 or more.")
        expires_at = timezone.now() + timedelta(days=expires_days) if expires_days else None
        token, key = create_token(user=user, name=name[:100], expires_at=expires_at)
        self.stdout.write(key)
        until = f"until {expires_at:%Y-%m-%d}" if expires_at else "until revoked"
        self.stderr.write(f"Created token {token.prefix}… “{token.name}” for {username}, valid {until}.")

#!/usr/bin/env python
"""Django's command-line utility for administrative tasks."""

import os
import secrets
import sys

# Commands that only read a file and print: they sign nothing and store nothing, so they run without the
# deployment's SECRET_KEY (tools and scorers call `manage.py extract PAGE` on a bare checkout).
COMMANDS_WITHOUT_SECRETS = {"extract"}


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "factcheck.settings")
    if sys.argv[1:2] and sys.argv[1] in COMMANDS_WITHOUT_SECRETS:
        os.environ.setdefault("SECRET_KEY", secrets.token_urlsafe(50))
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()

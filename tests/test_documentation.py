"""The README is a contract: every command, make target, setting and `extract` key it names exists, and back.

A newcomer has only the README; these tests fail when the code and the page drift apart.
"""

import json
import re
import subprocess
import sys

import pytest
from django.core.management import get_commands

from tests.conftest import ROOT, SEED_PATH

README = (ROOT / "README.md").read_text(encoding="utf-8")
# Where the project reads its environment: settings and every app module (benchmarks have their own README lines).
CODE_DIRS = ["factcheck", "articles", "claims", "api", "matching"]
ENV_READ = re.compile(
    r"""(?:env(?:bool|int|list|float|secret|str)?|os\.environ\.get|os\.getenv|os\.environ\.setdefault)\(\s*["']([A-Z][A-Z0-9_]+)["']"""
    r"""|os\.environ\[\s*["']([A-Z][A-Z0-9_]+)["']\s*\]"""
)


def section(title):
    """The README text under a ``## title`` heading, up to the next heading of that level."""
    match = re.search(rf"^## {re.escape(title)}\n(.*?)(?=^## |\Z)", README, re.M | re.S)
    assert match, f"README has no '## {title}' section"
    return match.group(1)


# Read by Django or Python themselves, not configuration a deployer sets.
NOT_CONFIGURATION = {"DJANGO_SETTINGS_MODULE"}


def variables_read_by_the_code():
    names = set()
    for folder in CODE_DIRS:
        for path in (ROOT / folder).rglob("*.py"):
            if "migrations" in path.parts or path.name == "test_settings.py":
                continue
            source = path.read_text(encoding="utf-8")
            names.update(match.group(1) or match.group(2) for match in ENV_READ.finditer(source))
            if "dj_database_url.config(" in source:
                names.add("DATABASE_URL")  # dj-database-url's default variable
    return names - NOT_CONFIGURATION


def variables_in_the_configuration_table():
    rows = [line for line in section("Configuration").splitlines() if line.startswith("| `")]
    return {name for row in rows for name in re.findall(r"`([A-Z][A-Z0-9_]+)`", row.split("|")[1])}


def test_every_environment_variable_the_code_reads_is_in_the_configuration_table():
    missing = variables_read_by_the_code() - variables_in_the_configuration_table()
    assert not missing, f"read by the code but not documented in README's Configuration table: {sorted(missing)}"


def test_every_variable_in_the_configuration_table_is_read_by_the_code():
    unknown = variables_in_the_configuration_table() - variables_read_by_the_code()
    assert not unknown, f"documented but read nowhere: {sorted(unknown)}"


def test_every_documented_management_command_exists():
    documented = set(re.findall(r"manage\.py ([a-z_]+)", README))
    assert documented, "the README documents no command"
    missing = documented - set(get_commands())
    assert not missing, f"README names commands that do not exist: {sorted(missing)}"


def test_every_documented_make_target_exists():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    targets = set(re.findall(r"^([a-z][a-z-]*):", makefile, re.M))
    documented = set(re.findall(r"(?:^|`)make ([a-z][a-z-]*)", README, re.M))
    assert {"run", "test"} <= documented
    missing = documented - targets
    assert not missing, f"README names make targets that do not exist: {sorted(missing)}"


def test_the_layout_lists_every_top_level_folder_and_app_module():
    layout = section("Layout")
    tracked = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    top_level = {line.split("/")[0] for line in tracked.splitlines() if "/" in line}
    missing = {folder for folder in top_level if not re.search(rf"^{re.escape(folder)}/", layout, re.M)}
    assert not missing, f"top-level folders missing from README's Layout: {sorted(missing)}"


def test_every_path_in_the_layout_exists():
    """Folders at the left margin, and the modules and folders listed under them, name real paths."""
    layout = section("Layout").split("```")[1]
    folder = None
    checked = 0
    for line in layout.splitlines():
        if re.match(r"^[\w.]+/", line):
            folder = line.split("/")[0]
            paths = [folder]
        elif re.match(r"^  \S", line) and folder:
            names = re.findall(r"[\w.]+(?:/|\.py)", line.strip().split("  ")[0])
            paths = [f"{folder}/{name.rstrip('/')}" for name in names]
        else:
            continue
        for path in paths:
            checked += 1
            assert (ROOT / path).exists(), f"README's Layout names {path}, which does not exist"
    assert checked > 20


def documented_extract_keys():
    """The keys listed as ``- `key`:`` under the `extract` contract in the README."""
    contract = section("Ingesting your own articles").split("`extract` prints", 1)[1]
    return re.findall(r"^- `([a-z_]+)`", contract, re.M)


def test_extract_prints_exactly_the_documented_top_level_keys():
    result = subprocess.run(
        [sys.executable, "manage.py", "extract", str(SEED_PATH)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**__import__("os").environ, "DEBUG": "true"},
    )
    assert result.returncode == 0, result.stderr
    printed = list(json.loads(result.stdout))
    assert printed == documented_extract_keys()


@pytest.mark.parametrize("command", ["make run", "make test"])
def test_the_quick_start_is_the_two_make_commands(command):
    assert command in section("Quick start")

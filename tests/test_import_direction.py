"""Imports run one way: ``articles`` owns parse → extract → store; ``claims`` never reaches back into parsing.

The extractor is the pure core: it imports neither Django nor either app's
models, so it runs, is tested and is benchmarked without settings.
"""

import ast

import pytest

from tests.conftest import ROOT


def imported_modules(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            yield node.module
            yield from (f"{node.module}.{alias.name}" for alias in node.names)


def modules_under(folder):
    return sorted(path for path in (ROOT / folder).rglob("*.py") if "migrations" not in path.parts)


@pytest.mark.parametrize("path", modules_under("claims"), ids=lambda p: str(p.relative_to(ROOT)))
def test_claims_never_imports_article_parsing_or_the_pipeline(path):
    forbidden = [m for m in imported_modules(path) if m.startswith(("articles.parsing", "articles.analysis"))]
    assert forbidden == []


@pytest.mark.parametrize("path", modules_under("claims/extraction"), ids=lambda p: str(p.relative_to(ROOT)))
def test_the_extractor_imports_no_framework_and_no_app(path):
    forbidden = [m for m in imported_modules(path) if m.split(".")[0] in {"django", "articles", "rest_framework"}]
    forbidden += [m for m in imported_modules(path) if m.startswith(("claims.models", "claims.services"))]
    assert forbidden == []


def test_the_pipeline_is_composed_in_one_place():
    """Only articles/analysis.py calls both the parser and the extractor."""
    composers = []
    for folder in ("articles", "claims", "api"):
        for path in modules_under(folder):
            source = path.read_text(encoding="utf-8")
            if "parse_article(" in source and "extract_claims(" in source:
                composers.append(str(path.relative_to(ROOT)))
    assert composers == ["articles/analysis.py"]

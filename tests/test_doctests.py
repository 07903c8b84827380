"""Run the examples in the docstrings of the installed package (they are documentation).

Every module, the optional integrations too (``cleannews.integrations.datatrove`` was left
out: its examples were never run, audit27); a module that needs an extra that is not
installed (``cleannews[copies]``: numpy, ``cleannews[datatrove]``) is skipped, named.
"""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import cleannews
from cleannews.errors import MissingExtraError

MODULES = sorted(
    m.name
    for m in pkgutil.walk_packages(cleannews.__path__, "cleannews.")
    if m.name != "cleannews.__main__"  # importing it runs the command line
)


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str) -> None:
    try:
        module = importlib.import_module(name)
    except MissingExtraError as exc:  # an optional extra is not installed
        pytest.skip(f"{name}: {exc}")
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert result.failed == 0, f"{result.failed} failing example(s) in {name}"


def test_the_integrations_are_walked() -> None:
    assert "cleannews.integrations.datatrove" in MODULES
    assert "cleannews.copies" in MODULES

"""Run the examples in the docstrings of the installed package (they are documentation)."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import cleannews

MODULES = sorted(
    m.name
    for m in pkgutil.walk_packages(cleannews.__path__, "cleannews.")
    if not m.name.startswith(("cleannews.integrations", "cleannews.__main__"))
)


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str) -> None:
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert result.failed == 0, f"{result.failed} failing example(s) in {name}"

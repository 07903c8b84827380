"""The single source of the package version (read by hatchling and ``cleannews.__version__``)."""

__version__ = "0.1.0"

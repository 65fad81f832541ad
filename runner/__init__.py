"""gokata: Go interview prep in the terminal."""

__version__ = "0.1.0"

"""Presentation: the only package that imports rich."""

"""Outputs built from domain objects: the plain-text summary and the PDF handout."""

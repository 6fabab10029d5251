"""Extraction stages: pure functions from a Document and its parse to records."""

"""The statements stage: who states what, and the labelled points of each statement (see `stage.py`)."""
from .stage import extract_statements

__all__ = ["extract_statements"]

"""`python -m conflictdesk`: the same command as `conflictdesk` (see cli/__init__.py)."""
from .cli import main

main()

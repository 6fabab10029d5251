"""conflictdesk: turn reporting on armed conflict into sourced events, statements and briefs."""
__version__ = "0.1.0"

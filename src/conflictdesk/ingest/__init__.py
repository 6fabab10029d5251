"""conflictdesk.ingest"""

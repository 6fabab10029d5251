"""conflictdesk.store"""

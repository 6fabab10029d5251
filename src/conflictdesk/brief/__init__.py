"""conflictdesk.brief"""

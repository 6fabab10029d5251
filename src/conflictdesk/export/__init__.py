"""conflictdesk.export"""

"""conflictdesk.knowledge"""

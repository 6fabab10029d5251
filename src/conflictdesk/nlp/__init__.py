"""conflictdesk.nlp"""

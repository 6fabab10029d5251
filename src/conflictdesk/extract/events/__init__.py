"""The events stage: ACLED-coded events from a document's parse.

`extract_events` (`stage.py`) is the rules' stage; `coders.py` holds the coder contract
(`EventCoder`), the rules coder and the registry (`load_event_coder`, `event_coder_names`);
`classifier.py` the coders that use a trained event-type model.
"""
from .coders import DEFAULT_EVENT_CODER, EventCoder, RulesCoder, event_coder_names, load_event_coder
from .stage import extract_events

__all__ = ["DEFAULT_EVENT_CODER", "EventCoder", "RulesCoder", "event_coder_names", "extract_events",
           "load_event_coder"]

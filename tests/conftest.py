"""Shared test fixtures."""
from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = (REPO / ".." / "shared").resolve()
SEED = SHARED / "seed" / "000_b8eb48052bb7749d.txt"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.skip("../shared is not beside the repository")
    return SHARED


@pytest.fixture(scope="session")
def seed_path(shared_dir: Path) -> Path:
    return SEED


@pytest.fixture(scope="session")
def nlp():
    """The shipped language pipeline, loaded once for the whole run."""
    from conflictdesk.nlp import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def kb():
    """The shipped knowledge base, loaded once for the whole run."""
    from conflictdesk.knowledge import load_knowledge_base

    return load_knowledge_base()

"""ingest_batch holds an extractor to one result a document, however it streams them."""
from __future__ import annotations

import pytest

from conflictdesk.records import Document, Extraction
from conflictdesk.store import Store, content_hash, ingest_batch


def _docs(n: int) -> list[Document]:
    texts = [f"Report {i}: clashes were reported near the town, officials said." for i in range(n)]
    return [Document(id=f"d{i}", text=t, content_hash=content_hash(t), origin="test") for i, t in enumerate(texts)]


@pytest.mark.parametrize("extra", [-1, 1])
def test_an_extractor_giving_the_wrong_number_of_results_is_refused(tmp_path, extra):
    def extractor(batch: list[Document]):
        yield from (Extraction(document=d) for d in batch[: len(batch) + extra])
        if extra > 0:
            yield Extraction(document=batch[0])

    with Store(f"sqlite:///{tmp_path / 's.sqlite'}") as store:
        with pytest.raises(RuntimeError, match="results for 3 documents"):
            ingest_batch(_docs(3), store, extractor=extractor)


def test_each_document_is_stored_as_its_extraction_arrives(tmp_path):
    seen: list[int] = []
    with Store(f"sqlite:///{tmp_path / 's.sqlite'}") as store:
        def extractor(batch: list[Document]):
            for d in batch:
                seen.append(store.count_documents())   # documents stored before this one is extracted
                yield Extraction(document=d)

        summary = ingest_batch(_docs(3), store, extractor=extractor)
        assert summary.ingested == 3 and seen == [0, 1, 2]

"""A small TF-IDF + multinomial logistic-regression text classifier, numpy/scipy only.

Used by `conflictdesk train` so that an analyst who holds an ACLED licence can calibrate event
typing on their own export. The model is saved as a single `.npz` file (arrays and a JSON
header; no pickle), so loading it never executes code.
"""
from __future__ import annotations

import json
import re
import zipfile
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import platformdirs
from scipy import sparse
from scipy.optimize import minimize

from ..errors import Code, ConfigError
from .tfidf import document_frequencies, inverse_document_frequency, term_weight

TOKEN = re.compile(r"[a-z][a-z'\-]+|\d+")
FORMAT_VERSION = 1


def default_model_path() -> Path:
    """Where `conflictdesk train` saves the event-type model, and where its coders look for it."""
    return Path(platformdirs.user_data_dir("conflictdesk", appauthor=False)) / "models" / "event_type.npz"


def _terms(text: str) -> list[str]:
    words = TOKEN.findall(text.lower())
    return words + [f"{a} {b}" for a, b in zip(words, words[1:])]


@dataclass(slots=True)
class TextClassifier:
    labels: list[str]
    vocabulary: dict[str, int]
    idf: np.ndarray
    weights: np.ndarray      # (n_features + 1, n_labels); the last row is the bias
    # what a model's user needs besides the weights (a threshold, how it was trained); JSON values
    meta: dict[str, Any] = field(default_factory=dict)

    def _matrix(self, texts: Sequence[str]) -> sparse.csr_matrix:
        rows, cols, vals = [], [], []
        for i, text in enumerate(texts):
            counts = Counter(t for t in _terms(text) if t in self.vocabulary)
            for term, n in counts.items():
                rows.append(i)
                cols.append(self.vocabulary[term])
                vals.append(term_weight(n) * self.idf[self.vocabulary[term]])
        m = sparse.csr_matrix((vals, (rows, cols)), shape=(len(texts), len(self.vocabulary)))
        norms = np.sqrt(np.asarray(m.multiply(m).sum(axis=1)).ravel())
        norms[norms == 0] = 1.0
        return sparse.diags(1.0 / norms) @ m

    def predict_proba(self, texts: Sequence[str]) -> np.ndarray:
        x = self._matrix(texts)
        scores = x @ self.weights[:-1] + self.weights[-1]
        scores -= scores.max(axis=1, keepdims=True)
        p = np.exp(scores)
        return p / p.sum(axis=1, keepdims=True)

    def predict(self, texts: Sequence[str]) -> list[tuple[str, float]]:
        p = self.predict_proba(texts)
        best = p.argmax(axis=1)
        return [(self.labels[j], float(p[i, j])) for i, j in enumerate(best)]

    def save(self, path: Path) -> None:
        header = {"format": FORMAT_VERSION, "labels": self.labels,
                  "vocabulary": sorted(self.vocabulary, key=self.vocabulary.__getitem__), "meta": self.meta}
        try:
            with open(path, "wb") as fh:
                np.savez_compressed(fh, header=np.frombuffer(json.dumps(header).encode(), dtype=np.uint8),
                                    idf=self.idf, weights=self.weights)
        except OSError as exc:
            raise ConfigError(f"cannot write the model to {path}: {exc.strerror or exc}",
                              code=Code.CANNOT_WRITE) from exc

    @classmethod
    def load(cls, path: Path) -> "TextClassifier":
        try:
            with np.load(path, allow_pickle=False) as data:
                header = json.loads(bytes(data["header"]).decode())
                idf, weights = data["idf"], data["weights"]
        except FileNotFoundError as exc:
            raise ConfigError(f"no model at {path} (make one with `conflictdesk train EXPORT --out {path}`)",
                              code=Code.MODEL_FILE) from exc
        except (OSError, ValueError, KeyError, EOFError, zipfile.BadZipFile) as exc:
            raise ConfigError(f"{path} is not a conflictdesk model file: {exc}", code=Code.MODEL_FILE) from exc
        version = header.get("format") if isinstance(header, dict) else None
        if version != FORMAT_VERSION:
            raise ConfigError(f"{path}: model format {version} is not {FORMAT_VERSION}", code=Code.MODEL_FILE)
        vocab = {term: i for i, term in enumerate(header["vocabulary"])}
        return cls(labels=header["labels"], vocabulary=vocab, idf=idf, weights=weights, meta=header.get("meta") or {})


def train_text_classifier(texts: Sequence[str], labels: Sequence[str], *, min_df: int = 2,
                          l2: float = 1e-4, max_iter: int = 300) -> TextClassifier:
    """Fit TF-IDF (uni- and bigrams, sublinear tf) and an L2-regularised softmax regression."""
    if len(texts) != len(labels) or not texts:
        raise ConfigError("training needs as many labels as texts, and at least one of each")
    df = document_frequencies(_terms(text) for text in texts)
    kept = sorted(t for t, n in df.items() if n >= min_df)
    vocabulary = {t: i for i, t in enumerate(kept)}
    idf = np.array([inverse_document_frequency(len(texts), df[t]) for t in kept])
    label_names = sorted(set(labels))
    model = TextClassifier(label_names, vocabulary, idf, np.zeros((len(kept) + 1, len(label_names))))
    x = model._matrix(texts)
    y = np.zeros((len(texts), len(label_names)))
    y[np.arange(len(texts)), [label_names.index(lab) for lab in labels]] = 1.0
    n_feat, n_lab = x.shape[1], len(label_names)

    def loss(flat: np.ndarray) -> tuple[float, np.ndarray]:
        w = flat.reshape(n_feat + 1, n_lab)
        s = x @ w[:-1] + w[-1]
        s -= s.max(axis=1, keepdims=True)
        log_p = s - np.log(np.exp(s).sum(axis=1, keepdims=True))
        p = np.exp(log_p)
        value = -(y * log_p).sum() / len(texts) + l2 * (w[:-1] ** 2).sum()
        diff = (p - y) / len(texts)
        grad = np.vstack([x.T @ diff + 2 * l2 * w[:-1], diff.sum(axis=0)])
        return value, grad.ravel()

    result = minimize(loss, np.zeros((n_feat + 1) * n_lab), jac=True, method="L-BFGS-B",
                      options={"maxiter": max_iter})
    model.weights = result.x.reshape(n_feat + 1, n_lab)
    return model

"""`conflictdesk train` on a project-written, ACLED-shaped export."""
from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from conflictdesk.evaluate.acled import coarse_type, read_acled
from conflictdesk.cli import main
from conflictdesk.model.textclf import TextClassifier

EXPORT = Path(__file__).parent / "fixtures" / "acled" / "acled_like_export.csv"


def test_old_taxonomy_maps_to_the_evaluation_labels() -> None:
    assert coarse_type("Remote violence") == "Explosions/Remote violence"
    assert coarse_type("Battle-Government regains territory") == "Battles"
    assert coarse_type("Riots") == "Protests or Riots"


def test_reader_parses_rows() -> None:
    rows = read_acled(EXPORT)
    assert len(rows) == 50
    assert rows[0].event_date is not None and rows[0].latitude is not None


def test_train_saves_a_model_that_predicts(tmp_path: Path) -> None:
    out = tmp_path / "event_type.npz"
    result = CliRunner().invoke(main, ["train", str(EXPORT), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "macro-F1" in result.output and out.exists()
    model = TextClassifier.load(out)
    label, probability = model.predict(["On 2 March 2019, warplanes carried out airstrikes on Mosul."])[0]
    assert label == "Explosions/Remote violence" and probability > 0.3


def test_train_rejects_a_file_that_is_not_an_export(tmp_path: Path) -> None:
    bad = tmp_path / "other.csv"
    bad.write_text("a,b\n1,2\n")
    result = CliRunner().invoke(main, ["train", str(bad)])
    assert result.exit_code != 0 and "ACLED export" in result.output

"""Train the MUC-4 parts on DEV only: incident types, role lexicon, role-slot NER.

    eventwire train muc4                     # -> src/eventwire/trained/muc4/
    train(data_dir, output_dir, seed=0, epochs=12)

The output folder holds `doctypes.npz` (doctypes.py, seconds), `lexicon.json`
(lexicon.py, seconds) and `roles/` (the spaCy pipeline below, most of the hour).

Training documents are the GRIT/GTT JSON Lines of DEV (`processed/grit-train.jsonl`,
`gtt-train.jsonl`); TST1/TST2 are never read here. Every occurrence of a gold mention in
its document is labelled with its role (GRIT gives one occurrence; the others are the same
entity, and leaving them unlabelled would teach the model to miss them). Overlaps keep the
longest span. Document categories are the incident types of the document's templates.
The text is lower-cased (as the processed text is), which `system.model_text` reproduces
at run time with the same length, so offsets into the raw upper-case text hold.
"""

from __future__ import annotations

import re
import shutil
import tempfile
from pathlib import Path

from eventwire.muc4.gold import read_processed
from eventwire.muc4.templates import INCIDENT_TYPES, ROLES

CONFIG = Path(__file__).with_name("train.cfg")
DEFAULT_OUTPUT = Path(__file__).resolve().parents[1] / "trained" / "muc4"


def training_docs(nlp, data: Path, limit: int | None = None) -> list:
    """DEV documents as spaCy Docs: role entities on every occurrence, incident-type cats."""
    from spacy.util import filter_spans

    kinds = {r["docid"]: r for r in read_processed(data, "gtt-train.jsonl")}
    docs = []
    for record in read_processed(data, "grit-train.jsonl"):
        if not record["docid"].startswith("DEV-"):  # belt and braces: DEV only
            continue
        doc = nlp.make_doc(record["doctext"])
        spans = []
        for role in ROLES:
            for entity in record["extracts"].get(role, []):
                for mention in {m for m, _ in entity}:
                    for found in re.finditer(rf"(?<!\w){re.escape(mention)}(?!\w)", doc.text):
                        span = doc.char_span(found.start(), found.end(), label=role, alignment_mode="expand")
                        if span is not None:
                            spans.append(span)
        doc.ents = filter_spans(spans)
        present = {t["incident_type"].split("/")[0].strip() for t in kinds[record["docid"]]["templates"]}
        doc.cats = {kind: float(kind in present) for kind in INCIDENT_TYPES}
        docs.append(doc)
        if limit and len(docs) >= limit:
            break
    return docs


def train(data: Path, output: Path = DEFAULT_OUTPUT, *, seed: int = 0, epochs: int = 12,
          limit: int | None = None) -> Path:
    """Train every part on DEV and write them to `output` (replaced). Returns `output`."""
    from eventwire.muc4.doctypes import train_doctypes
    from eventwire.muc4.lexicon import build_lexicon

    output.mkdir(parents=True, exist_ok=True)
    train_doctypes(data, seed=seed).to_disk(output)
    build_lexicon(data).to_disk(output)
    train_roles(data, output / "roles", seed=seed, epochs=epochs, limit=limit)
    return output


def train_roles(data: Path, output: Path, *, seed: int = 0, epochs: int = 12, limit: int | None = None) -> Path:
    """Train the role NER on DEV and write the spaCy pipeline to `output` (replaced)."""
    import spacy
    from spacy.cli.train import train as spacy_train
    from spacy.tokens import DocBin

    nlp = spacy.blank("en")
    docs = training_docs(nlp, data, limit)
    with tempfile.TemporaryDirectory(prefix="eventwire-muc4-") as work:
        work = Path(work)
        DocBin(docs=docs, store_user_data=False).to_disk(work / "train.spacy")
        # progress is logged on 100 training documents; the model kept is the last one
        DocBin(docs=docs[-100:], store_user_data=False).to_disk(work / "dev.spacy")
        overrides = {
            "paths.train": str(work / "train.spacy"), "paths.dev": str(work / "dev.spacy"),
            "system.seed": seed, "training.max_epochs": epochs,
        }
        spacy_train(CONFIG, work / "out", overrides=overrides)
        if output.exists():
            shutil.rmtree(output)
        shutil.copytree(work / "out" / "model-last", output)
    forget_paths(output / "config.cfg")
    return output


def forget_paths(config_file: Path) -> None:
    """The shipped config names no temporary training files (they are gone)."""
    from spacy.util import load_config

    config = load_config(config_file)
    config["paths"]["train"] = config["paths"]["dev"] = None
    config.to_disk(config_file)

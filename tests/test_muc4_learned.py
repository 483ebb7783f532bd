"""The learned MUC-4 parts on tiny DEV-shaped data: lexicon priors and aliases, doc types."""

import json

import pytest

from eventwire.muc4.doctypes import DocTypes, train_doctypes
from eventwire.muc4.lexicon import Lexicon, build_lexicon, find

DOCS = [
    ("DEV-MUC3-0001", "the fmln exploded a bomb at the bank. the farabundo marti national liberation front said so.",
     {"PerpOrg": [[["farabundo marti national liberation front", 50], ["fmln", 4]]], "Weapon": [[["bomb", 22]]]},
     ["bombing"]),
    ("DEV-MUC3-0002", "the fmln held a press conference about peace talks and a bomb scare.", {}, []),
    ("DEV-MUC3-0003", "fmln urban commandos placed a bomb at the embassy.",
     {"PerpOrg": [[["fmln", 0]]], "Weapon": [[["bomb", 30]]], "Target": [[["embassy", 42]]]}, ["bombing"]),
    ("DEV-MUC3-0004", "the fmln attacked the power plant; the bomb did not go off.",
     {"PerpOrg": [[["fmln", 4]]], "Target": [[["power plant", 22]]]}, ["attack"]),
]


def write_data(folder):
    (folder / "processed").mkdir()
    with open(folder / "processed" / "grit-train.jsonl", "w") as grit, \
            open(folder / "processed" / "gtt-train.jsonl", "w") as gtt:
        for docid, text, extracts, kinds in DOCS:
            grit.write(json.dumps({"docid": docid, "doctext": text, "extracts": extracts}) + "\n")
            gtt.write(json.dumps({"docid": docid, "doctext": text,
                                  "templates": [{"incident_type": k} for k in kinds]}) + "\n")
    return folder


def test_prior_is_fills_over_appearances_in_relevant_documents(tmp_path):
    lexicon = build_lexicon(write_data(tmp_path))
    assert lexicon.fills["PerpOrg"]["fmln"] == 3 and lexicon.appears["fmln"] == 3  # doc 2 is not relevant
    assert lexicon.prior("Weapon", "bomb") == 2 / 3  # in doc 4's text, not its key
    assert "fmln" in lexicon.aliases["farabundo marti national liberation front"]


def test_find_keeps_one_alias_and_the_text_as_written(tmp_path):
    lexicon = build_lexicon(write_data(tmp_path))
    text = "THE FARABUNDO MARTI NATIONAL LIBERATION FRONT [FMLN] PLACED A BOMB"
    found = find(lexicon, text, "PerpOrg", min_prior=0.5, min_fills=1)
    assert len(found) == 1  # FMLN and the full name are one entity
    key, start, end = found[0]
    assert text[start:end].lower() == key
    assert find(lexicon, text, "Weapon", min_prior=0.9, min_fills=1) == []  # bomb's prior is 2/3


def test_lexicon_and_doctypes_round_trip(tmp_path):
    data = write_data(tmp_path)
    lexicon = build_lexicon(data)
    lexicon.to_disk(tmp_path)
    assert Lexicon.from_disk(tmp_path) == lexicon
    model = train_doctypes(data, epochs=30)
    model.to_disk(tmp_path)
    again = DocTypes.from_disk(tmp_path).probabilities("URBAN COMMANDOS PLACED A BOMB AT THE EMBASSY")
    assert again == pytest.approx(model.probabilities("URBAN COMMANDOS PLACED A BOMB AT THE EMBASSY"), abs=1e-6)
    assert again["bombing"] > again["kidnapping"] and again["relevant"] > 0.5


def test_the_shipped_role_model_reads_news_text_with_offsets_into_it():
    from eventwire.muc4.roles import NEWS_ROLES, RoleModel

    model = RoleModel()
    assert model.available, "src/eventwire/trained/muc4/roles ships with the package"
    text = "Gunmen exploded a car bomb outside a police station in Raqqa on Monday."
    spans = model.read(text).spans
    assert all(text[s.start:s.end] == s.text for s in spans)  # offsets into the text as given
    assert ("Weapon", "car bomb") in {(s.role, s.text) for s in spans}
    assert NEWS_ROLES["Weapon"] == "weapon" and NEWS_ROLES["PerpOrg"] == "attacker"

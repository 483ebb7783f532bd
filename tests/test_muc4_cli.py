"""The MUC-4 commands as a user meets them: extract --format muc4, eval muc4 on predictions."""

import json
import os
import subprocess
import sys

import pytest

MESSAGES = """TST1-MUC3-0001

   SAN SALVADOR, 12 JAN 90 (RADIO VENCEREMOS) -- [TEXT] URBAN GUERRILLAS OF THE FARABUNDO
MARTI NATIONAL LIBERATION FRONT [FMLN] EXPLODED A CAR BOMB OUTSIDE THE OFFICES OF THE
NATIONAL TELECOMMUNICATIONS ADMINISTRATION TODAY, KILLING JUDGE JOSE MARIO ROSALES.

TST1-MUC3-0002

   LIMA, 5 MAY 90 (EFE) -- [TEXT] PRESIDENT ALAN GARCIA MET TODAY WITH THE FOREIGN MINISTERS OF
THE ANDEAN PACT TO DISCUSS TRADE AGREEMENTS AND COFFEE PRICES.
"""


def eventwire(*args, cwd, env):
    return subprocess.run([sys.executable, "-m", "eventwire.cli", *args], cwd=cwd, capture_output=True,
                          text=True, env={**os.environ, **env}, timeout=300)


@pytest.fixture(scope="module")
def env(settings):
    return {"EVENTWIRE_CACHE_DIR": str(settings.cache_dir)}


def test_extract_prints_one_template_line_per_document(tmp_path, env):
    (tmp_path / "tst1-muc3").write_text(MESSAGES)
    done = eventwire("extract", "--reader", "muc4", "tst1-muc3", "--format", "muc4", cwd=tmp_path, env=env)
    assert done.returncode == 0, done.stderr
    lines = [json.loads(line) for line in done.stdout.splitlines()]
    assert [line["docid"] for line in lines] == ["TST1-MUC3-0001", "TST1-MUC3-0002"]
    bombing, meeting = lines
    assert meeting["templates"] == []  # a diplomatic meeting is no incident
    assert bombing["templates"] and bombing["templates"][0]["incident_type"] in ("bombing", "attack")
    fillers = {s for t in bombing["templates"] for role in ("PerpInd", "PerpOrg", "Weapon") for s in t[role]}
    assert fillers and all(s.isupper() for s in fillers)  # strings as they appear in the text
    first = bombing["templates"][0]
    assert set(first) == {"incident_type", "PerpInd", "PerpOrg", "Target", "Victim", "Weapon", "confidence"}
    assert set(first["confidence"]) == set(first["PerpOrg"])  # a slot-11 label for each organisation


def test_eval_scores_a_predictions_file_and_names_bad_lines(tmp_path, env, shared):
    predictions = tmp_path / "predictions.jsonl"
    first = {"docid": "TST1-MUC3-0001", "templates": [{"incident_type": "attack", "PerpInd": ["GUERRILLAS"],
             "PerpOrg": ["URNG"], "Target": [], "Victim": ["CEREZO"], "Weapon": []}]}
    predictions.write_text(json.dumps(first) + "\nnot json\n")
    data = shared / "eval" / "muc4"
    done = eventwire("eval", "muc4", "--split", "tst1", "--data", str(data), "--predictions", str(predictions),
                     cwd=tmp_path, env=env)
    assert done.returncode == 1 and "predictions.jsonl:2" in done.stderr
    rows = {line.split()[0]: line.split() for line in done.stdout.splitlines() if line.strip()}
    name, precision, recall, f1, matched, predicted, gold = rows["micro"]
    assert (matched, predicted, precision) == ("3", "3", "100.00")  # GUERRILLAS, URNG, CEREZO all right
    assert "100 documents" in done.stdout


def test_eval_refuses_an_unknown_split(tmp_path, env):
    done = eventwire("eval", "muc4", "--split", "tst9", cwd=tmp_path, env=env)
    assert done.returncode == 2 and "unknown split" in done.stderr

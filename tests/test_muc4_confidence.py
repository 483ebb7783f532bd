"""PERP: ORGANIZATION CONFIDENCE labels, the slot-11 key reader and the confidence score."""

from eventwire.muc4.confidence import organisation_confidence
from eventwire.muc4.keys import GoldOrganisation, read_confidences, score_confidence
from eventwire.muc4.templates import Muc4Document, Template

TEXT = ("THE FMLN CLAIMED RESPONSIBILITY FOR THE BOMBING. POLICE BLAMED THE ELN FOR THE FIRE. "
        "RESIDENTS ACCUSED THE CONTRAS. THE MRTA MAY HAVE ATTACKED THE POST. "
        "SHINING PATH GUERRILLAS ATTACKED A TRAIN.")


def test_labels_follow_the_cues_of_the_sentence_naming_the_organisation():
    labels = organisation_confidence(TEXT, ["FMLN", "ELN", "CONTRAS", "MRTA", "SHINING PATH"])
    assert labels == {
        "FMLN": "CLAIMED OR ADMITTED",
        "ELN": "SUSPECTED OR ACCUSED BY AUTHORITIES",
        "CONTRAS": "SUSPECTED OR ACCUSED",
        "MRTA": "POSSIBLE",
        "SHINING PATH": "REPORTED AS FACT",
    }


def test_who_says_it_and_how_sure_decide_the_label():
    text = ("COLOMBIAN OFFICIALS REPORT THAT GUERRILLAS PRESUMED TO BE MEMBERS OF THE ELN DYNAMITED THE PIPELINE. "
            "THE REBEL LEADER CLAIMED THAT THE ATTACK WAS A MANEUVER BY THE SALVADORAN ARMY. "
            "THE POLICE HOLD THE TUPAC AMARU REVOLUTIONARY MOVEMENT RESPONSIBLE FOR THE ATTACK. "
            "THE EXTRADITABLES ISSUED A COMMUNIQUE ON THE BOMBING. "
            "THE BLAST, WHICH CLAIMED TWO LIVES, WAS THE WORK OF THE FPMR.")
    labels = organisation_confidence(text, ["ELN", "SALVADORAN ARMY", "TUPAC AMARU REVOLUTIONARY MOVEMENT",
                                            "EXTRADITABLES", "FPMR"])
    assert labels == {
        "ELN": "SUSPECTED OR ACCUSED BY AUTHORITIES",  # hedged identity, officials say it
        "SALVADORAN ARMY": "SUSPECTED OR ACCUSED",  # named after someone else's claim: accused, not claiming
        "TUPAC AMARU REVOLUTIONARY MOVEMENT": "SUSPECTED OR ACCUSED BY AUTHORITIES",
        "EXTRADITABLES": "CLAIMED OR ADMITTED",  # the organisation speaks
        "FPMR": "REPORTED AS FACT",  # "claimed two lives" is no claim
    }


def test_a_claim_tells_the_incident_and_an_open_question_is_only_possible():
    text = ("THE MANUEL RODRIGUEZ PATRIOTIC FRONT ANNOUNCED IN A COMMUNIQUE THAT IT REJECTS THE PEACE PLAN AND "
            "THAT IT WILL CONTINUE ITS ATTACKS. "
            "THE RADIO STATION RECEIVED A CALL FROM THE EXTRADITABLES -- DRUG LORDS WANTED BY U.S. COURTS -- "
            "WHO SAID THEY WERE RESPONSIBLE FOR THE BLAST. "
            "IT IS NOT KNOWN WHETHER THE SHINING PATH TOOK PART. "
            "A FMLN SPOKESMAN SAID THE ARMED FORCES ARE RESPONSIBLE FOR THE MASSACRE. "
            "THE MAYOR WAS APPARENTLY KIDNAPPED BY MEMBERS OF THE EPL, AND THE TOWN IS CALM. "
            "THE BOMB WENT OFF AT NOON, AND A GROUP CALLING ITSELF THE 9 MAY FORCES ANNOUNCED ITS BIRTH.")
    labels = organisation_confidence(text, ["MANUEL RODRIGUEZ PATRIOTIC FRONT", "EXTRADITABLES", "SHINING PATH",
                                            "ARMED FORCES", "EPL", "9 MAY FORCES"])
    assert labels == {
        "MANUEL RODRIGUEZ PATRIOTIC FRONT": "REPORTED AS FACT",  # speaks, but of a plan, not of the incident
        "EXTRADITABLES": "CLAIMED OR ADMITTED",  # "who said they were responsible", past "u.s."
        "SHINING PATH": "POSSIBLE",
        "ARMED FORCES": "SUSPECTED OR ACCUSED",  # the accuser is a rebel spokesman, no authority
        "EPL": "SUSPECTED OR ACCUSED",  # "apparently", near the name
        "9 MAY FORCES": "CLAIMED OR ADMITTED",  # a new group naming itself
    }


def test_a_name_broken_over_two_lines_is_still_found():
    text = "THAT ATTACK WAS ATTRIBUTED TO THE DRUG\nMAFIAS, THE PAPER SAID."
    assert organisation_confidence(text, ["DRUG MAFIAS"]) == {"DRUG MAFIAS": "SUSPECTED OR ACCUSED"}


def test_an_authority_is_not_its_own_accuser():
    text = "WITNESSES SAID THE MURDERERS WERE PRESUMABLY MEMBERS OF THE ARMED FORCES."
    assert organisation_confidence(text, ["ARMED FORCES"]) == {"ARMED FORCES": "SUSPECTED OR ACCUSED"}


KEY = '''0.  MESSAGE: ID                     DEV-MUC3-0001 (NCCOSC)
10. PERP: ORGANIZATION ID           "FARABUNDO MARTI NATIONAL LIBERATION FRONT" / "FMLN"
11. PERP: ORGANIZATION CONFIDENCE   REPORTED AS FACT / CLAIMED OR ADMITTED: "FARABUNDO MARTI NATIONAL LIBERATION FRONT" / "FMLN"
                                    ? POSSIBLE: "ELN"
12. PHYS TGT: ID                    -

0.  MESSAGE: ID                     DEV-MUC3-0002 (NCCOSC)
11. PERP: ORGANIZATION CONFIDENCE   -
'''


def test_key_reader_takes_every_organisation_and_its_accepted_labels(tmp_path):
    path = tmp_path / "key-dev-0001.muc4"
    path.write_text(KEY)
    gold = read_confidences([path])
    assert gold == {"DEV-MUC3-0001": [
        GoldOrganisation(("FARABUNDO MARTI NATIONAL LIBERATION FRONT", "FMLN"),
                         ("REPORTED AS FACT", "CLAIMED OR ADMITTED")),
        GoldOrganisation(("ELN",), ("POSSIBLE",)),
    ]}


def test_score_counts_found_organisations_and_correct_labels():
    gold = {"D1": [GoldOrganisation(("FMLN",), ("CLAIMED OR ADMITTED",)), GoldOrganisation(("ELN",), ("POSSIBLE",))]}
    template = Template(incident_type="bombing", PerpOrg=["the FMLN", "URNG"],
                        confidence={"the FMLN": "CLAIMED OR ADMITTED", "URNG": "REPORTED AS FACT"})
    result = score_confidence({"D1": Muc4Document(docid="D1", templates=[template])}, gold)
    assert (result.gold, result.found, result.correct) == (2, 1, 1)

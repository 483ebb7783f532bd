"""The Du et al. (2021) MUC-4 metric on hand-made cases, and the shared answer keys."""

import pytest

from eventwire.muc4.score import GoldDocument, match_count, normalise, score
from eventwire.muc4.templates import Muc4Document, Template


def test_normalise_drops_case_punctuation_articles_and_extra_space():
    assert normalise('THE "SANTO TOMAS"  Presidential Farm.') == "santo tomas presidential farm"
    assert normalise("an   FMLN urban commando") == "fmln urban commando"
    assert normalise("theatre") == "theatre"  # only whole-word articles go


def test_any_mention_of_a_gold_entity_matches_it():
    tally = match_count(["URNG"], [["guatemalan national revolutionary unity", "urng"]])
    assert (tally.matched, tally.predicted, tally.gold) == (1, 1, 1)


def test_two_mentions_of_one_entity_earn_one_match_and_one_false_positive():
    tally = match_count(["guerrillas", "guerrilla column"], [["guerrillas", "guerrilla column"]])
    assert (tally.matched, tally.predicted, tally.gold) == (1, 2, 1)


def test_matching_is_maximal_not_greedy():
    # "farm" fits both entities; a greedy first-fit would give it entity 1 and leave
    # "presidential farm" nothing. The maximum matching pairs both.
    gold = [["farm", "presidential farm"], ["farm", "la eminencia farm"]]
    assert match_count(["farm", "presidential farm"], gold).matched == 2


def test_the_same_string_twice_is_one_prediction():
    assert match_count(["BOMB", "bomb", "the bomb"], [["bomb"]]).predicted == 1


def test_a_string_that_is_not_a_mention_does_not_match_even_if_close():
    assert match_count(["santo tomas"], [['"santo tomas" presidential farm']]).matched == 0


def test_score_sums_roles_over_documents_and_scores_incident_types_as_sets():
    gold = [
        GoldDocument("D1", {"PerpInd": [["guerrillas"]], "Victim": [["cerezo"], ["peasant"]]},
                     [["attack"], ["arson"]]),
        GoldDocument("D2", {}, []),
        GoldDocument("D3", {"Weapon": [["bomb"]]}, [["bombing", "attack"]]),
    ]
    predictions = {
        "D1": Muc4Document(docid="D1", templates=[
            Template(incident_type="attack", PerpInd=["GUERRILLAS"], Victim=["CEREZO"]),
            Template(incident_type="attack", Victim=["CEREZO", "ISAACS"]),
        ]),
        "D2": Muc4Document(docid="D2", templates=[Template(incident_type="bombing", Weapon=["BOMB"])]),
    }
    result = score(predictions, gold)
    victim = result.roles["Victim"]
    assert (victim.matched, victim.predicted, victim.gold) == (1, 2, 2)
    assert result.roles["Weapon"].matched == 0 and result.roles["Weapon"].predicted == 1
    micro = result.micro
    assert (micro.matched, micro.predicted, micro.gold) == (2, 4, 4)
    assert micro.f1 == pytest.approx(0.5)
    kinds = result.incident_types  # D1: attack of {attack, arson}; D2: a false bombing; D3 missed
    assert (kinds.matched, kinds.predicted, kinds.gold) == (1, 2, 3)
    assert result.missing == ["D3"]


def test_a_gold_type_with_alternatives_is_matched_by_either():
    gold = [GoldDocument("D", {}, [["bombing", "attack"]])]
    result = score({"D": Muc4Document(docid="D", templates=[Template(incident_type="attack")])}, gold)
    assert result.incident_types.matched == 1


def test_the_shared_keys_score_themselves_perfectly(shared):
    from eventwire.muc4.gold import load_gold

    gold = load_gold(shared / "eval" / "muc4", ["tst1", "tst2"])
    assert len(gold) == 200 and gold[0].docid == "TST1-MUC3-0001"
    assert sum(not g.incident_types for g in gold) == 84  # documents with no relevant incident

    def distinct_mentions(entities):  # two entities may share a mention ("farm"): name each apart
        chosen = []
        for mentions in entities:
            chosen.append(next((m for m in mentions if normalise(m) not in map(normalise, chosen)), mentions[0]))
        return chosen

    perfect = {
        g.docid: Muc4Document(docid=g.docid, templates=[
            Template(incident_type=kinds[0], **{role: distinct_mentions(g.roles[role]) for role in g.roles})
            for kinds in g.incident_types
        ])
        for g in gold
    }
    result = score(perfect, gold)
    assert result.micro.recall == 1.0 and result.micro.precision == 1.0
    assert result.incident_types.f1 == 1.0

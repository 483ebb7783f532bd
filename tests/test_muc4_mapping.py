"""Events onto MUC-4 templates (taskdoc relevance rules), and the system's document policy."""

from eventwire.models import Actor, Event, Evidence, Weapon
from eventwire.muc4.mapping import clean, templates_from_events
from eventwire.muc4.roles import RoleSpan, body_start, model_text
from eventwire.muc4.system import Findings, Muc4Policy, build_document


def event(event_type, sub, actors=(), weapons=(), status="reported", evidence=""):
    return Event(event_id="e", status=status, event_type=event_type, sub_event_type=sub,
                 actors=[Actor(name=n, mention=m, role=r, kind=k) for n, m, r, k in actors],
                 weapons=[Weapon(name=w.lower(), mention=w) for w in weapons],
                 evidence=[Evidence(article_id="a", start=0, end=len(evidence), text=evidence)] if evidence else [])


GUERRILLAS = ("Unidentified Armed Group", "THAT GUERRILLAS", "attacker", "political militia")
FMLN = ("Farabundo Marti National Liberation Front", "THE FMLN", "attacker", "rebel group")


def test_a_car_bomb_is_a_bombing_with_its_perpetrators_target_and_weapon():
    (template,) = templates_from_events([event(
        "Explosions/Remote violence", "Remote explosive/landmine/IED",
        [GUERRILLAS, FMLN, ("Civilians", "THE BANK BUILDING", "target", "civilians")], ["CAR BOMB"])])
    assert template.incident_type == "bombing"
    assert template.PerpInd == ["GUERRILLAS"] and template.PerpOrg == ["FMLN"]
    assert template.Target == ["BANK BUILDING"] and template.Weapon == ["CAR BOMB"]


def test_a_clash_between_rebels_and_soldiers_is_not_an_incident():
    soldiers = ("Military Forces of El Salvador", "20 SOLDIERS", "victim", "state forces")
    assert templates_from_events([event("Battles", "Armed clash", [FMLN, soldiers])]) == []


def test_a_clash_that_kills_a_civilian_is_an_attack():
    peasant = ("Civilians", "A PEASANT", "victim", "civilians")
    (template,) = templates_from_events([event("Battles", "Armed clash", [FMLN, peasant])])
    assert template.incident_type == "attack" and template.Victim == ["PEASANT"]


def test_background_protests_and_arrests_are_not_incidents():
    assert templates_from_events([
        event("Violence against civilians", "Attack", [GUERRILLAS], status="background"),
        event("Protests", "Peaceful protest"),
        event("Strategic developments", "Arrests"),
    ]) == []


def test_property_destruction_is_arson_when_burned_and_kidnapping_is_kidnapping():
    found = templates_from_events([
        event("Strategic developments", "Looting/property destruction", evidence="THEY BURNED THE FACILITIES"),
        event("Violence against civilians", "Abduction/forced disappearance", [GUERRILLAS]),
    ])
    assert [t.incident_type for t in found] == ["arson", "kidnapping"]


def test_clean_drops_leading_function_words_only():
    assert clean("THAT GUERRILLAS") == "GUERRILLAS"
    assert clean("BY UNIDENTIFIED INDIVIDUALS") == "UNIDENTIFIED INDIVIDUALS"
    assert clean("THEATRE") == "THEATRE"


def test_model_text_keeps_length_and_body_starts_after_the_dateline():
    text = "   LIMA, 5 MAY 90 (EFE) -- [TEXT] THE FMLN [URBAN]\nATTACKED"
    assert len(model_text(text)) == len(text) and model_text(text).endswith("(urban) attacked")
    assert text[body_start(text):].startswith(" THE FMLN")


def reading(types, *spans, lexicon=()):
    """Findings with NER spans `spans` and lexicon hits `lexicon` (role, text, prior)."""
    return Findings(types={"relevant": max(types.values()), **types},
                    ner=[RoleSpan(role, 0, len(text), text) for role, text in spans],
                    lexicon=[RoleSpan(role, 0, len(text), text) for role, text, _ in lexicon],
                    priors={(role, text.lower()): prior for role, text, prior in lexicon})


def test_a_document_under_the_relevance_threshold_gets_no_template():
    policy = Muc4Policy(relevance_threshold=0.4)
    doc = build_document("D", reading({"attack": 0.3, "bombing": 0.1}, ("PerpInd", "GUERRILLAS")), [], policy)
    assert doc.templates == []


def test_lexicon_hits_count_when_their_prior_reaches_the_policy():
    found = reading({"bombing": 0.9}, lexicon=[("Weapon", "DYNAMITE", 0.5), ("PerpInd", "MEN", 0.09)])
    doc = build_document("D", found, [], Muc4Policy(min_prior=0.3, type_threshold=0.5))
    assert doc.templates[0].Weapon == ["DYNAMITE"] and doc.templates[0].PerpInd == []


def test_one_template_per_type_with_document_fillers_in_the_first():
    doc = build_document("D", reading({"bombing": 0.9, "attack": 0.6, "arson": 0.2},
                                      ("PerpInd", "GUERRILLAS"), ("PerpInd", "guerrillas"),
                                      ("Victim", "CEREZO"), ("PerpInd", "CEREZO"), ("Victim", "CEREZO")),
                         [], Muc4Policy(type_threshold=0.5))
    assert [t.incident_type for t in doc.templates] == ["bombing", "attack"]
    first = doc.templates[0]
    assert first.PerpInd == ["GUERRILLAS"]  # one string per normalised mention
    assert first.Victim == ["CEREZO"]  # two votes for Victim beat one for PerpInd


def test_merge_nested_keeps_the_longer_mention():
    spans = [("Target", "FARM"), ("Target", '"LA EMINENCIA" FARM')]
    merged = build_document("D", reading({"attack": 0.9}, *spans), [], Muc4Policy(merge_nested=True))
    kept = build_document("D", reading({"attack": 0.9}, *spans), [], Muc4Policy(merge_nested=False))
    assert merged.templates[0].Target == ['"LA EMINENCIA" FARM']
    assert len(kept.templates[0].Target) == 2


def test_a_document_that_names_no_violent_act_gets_no_template():
    calm = reading({"attack": 0.9})
    calm.violent = False
    assert build_document("D", calm, [], Muc4Policy()).templates == []
    assert build_document("D", calm, [], Muc4Policy(require_incident_word=False)).templates


def test_looting_inside_an_attack_is_a_robbery_template_of_its_own():
    # eventwire keeps looting during an attack inside the attack (ACLED); MUC records it apart
    peasant = ("Civilians", "A PEASANT", "victim", "civilians")
    templates = templates_from_events([event("Violence against civilians", "Attack", [GUERRILLAS, peasant],
                                             evidence="GUERRILLAS KILLED A PEASANT. THEY ALSO LOOTED THE STORE.")])
    assert [t.incident_type for t in templates] == ["attack", "robbery"]
    assert templates[1].PerpInd == []  # the fillers stay with the attack

"""Event mentions: triggers typed by ACLED, roles from the parse, modality and aspect."""

from datetime import date

import pytest

from eventwire.mentions import find_mentions


def mentions(nlp, text):
    return [(m.trigger.span.text, m.trigger.kind.sub_event_type, m.modality, m.aspect, m.roles)
            for m in find_mentions(nlp(text))]


def roles(found, role):
    return [r.text for m in found for r in m[4] if r.role == role]


def test_passive_agent_attacks_and_subject_is_targeted(nlp):
    found = mentions(nlp, "A convoy was ambushed by Islamic State fighters near Tikrit on Monday.")
    assert found[0][:2] == ("ambushed", "Armed clash")
    assert roles(found, "attacker") == ["Islamic State fighters"]
    assert roles(found, "target") == ["A convoy"]


def test_support_verbs_hand_roles_to_their_subjects(nlp):
    found = mentions(nlp, "The SDF repelled an attack by troops loyal to the government.")
    assert roles(found, "target") == ["The SDF"]
    assert roles(found, "attacker") == ["troops loyal to the government"]
    launched = mentions(nlp, "Rebels launched an offensive against the army.")
    assert roles(launched, "attacker") == ["Rebels"] and roles(launched, "target") == ["the army"]


def test_multiword_triggers_and_types(nlp):
    assert mentions(nlp, "A car bomb exploded in Baghdad.")[0][1] == "Remote explosive/landmine/IED"
    assert mentions(nlp, "Russian jets carried out air strikes on Idlib.")[0][1] == "Air/drone strike"
    assert mentions(nlp, "Thousands protested in Beirut.")[0][1] == "Peaceful protest"
    assert mentions(nlp, "Prisoners began a hunger strike.") == []


def test_intended_and_negated_events_are_marked(nlp):
    assert mentions(nlp, "The rebels were seeking to seize the oilfields.")[0][2] == "irrealis"
    assert mentions(nlp, "The army will attack the town.")[0][2] == "irrealis"
    assert mentions(nlp, "The army did not attack the town.")[0][2] == "negated"
    assert mentions(nlp, "The army attacked the town.")[0][2] == "asserted"


def test_aspect_tells_ongoing_and_earlier_events(nlp):
    assert mentions(nlp, "The YPG is fighting off an invasion.")[0][3] == "ongoing"
    assert mentions(nlp, "Troops retook land the rebels had seized.")[-1][3] == "pluperfect"
    assert mentions(nlp, "Gunmen attacked a checkpoint.")[0][3] == "past"


def test_casualty_verbs_alone_only_when_nothing_stronger(nlp):
    assert [m[0] for m in mentions(nlp, "Two soldiers were killed.")] == ["killed"]
    assert [m[0] for m in mentions(nlp, "Two soldiers were killed in an ambush.")] == ["ambush"]


def test_a_munition_is_no_attacker_but_a_crewed_weapon_or_a_named_one_is(nlp):
    assert roles(mentions(nlp, "Rockets hit the camp on Tuesday, killing 23 people."), "attacker") == []
    assert roles(mentions(nlp, "Coalition jets struck the hospital."), "attacker") == ["Coalition jets"]
    assert roles(mentions(nlp, "Suicide bombers attacked the market in Jableh."), "attacker") == ["Suicide bombers"]


def test_who_fired_the_missile_is_the_attacker(nlp):
    text = "The tanker was struck by a missile fired by Houthi rebels."
    assert roles(mentions(nlp, text), "attacker") == ["Houthi rebels"]


def test_the_outskirts_are_where_not_a_target(nlp):
    assert roles(mentions(nlp, "Gunmen attacked a convoy on the outskirts of Kano."), "target") == ["a convoy"]


def test_the_country_of_the_missiles_that_struck_is_the_attacker(nlp):
    found = mentions(nlp, "Russian missiles struck a printing house in Kharkiv on Thursday.")
    assert "Russian" in roles(found, "attacker")


def test_who_died_is_a_victim(nlp):
    assert roles(mentions(nlp, "Eight people died in Kabul on Monday."), "attacker") == []


def test_a_named_place_before_the_event_noun_is_not_its_attacker(nlp):
    assert roles(mentions(nlp, "The Bagram Airfield bombing killed six soldiers."), "attacker") == []
    assert "Houthi" in " ".join(roles(mentions(nlp, "The Houthi attack killed six soldiers."), "attacker"))


def test_a_street_is_where_not_a_target(nlp):
    assert roles(mentions(nlp, "A car bomb exploded on Haifa Street."), "target") == []


def test_an_attack_borrows_its_attacker_from_its_casualty_verb(nlp):
    found = mentions(nlp, "Members of a gang killed 40 villagers in an attack on the town of Mirebalais.")
    assert roles(found, "attacker") == ["Members of a gang"]


def test_a_clause_with_its_own_subject_inherits_no_attacker(nlp):
    found = mentions(nlp, "The bus was travelling to Kabul when it was attacked near Ghazni, officials said.")
    assert roles(found, "attacker") == []
    gunmen = mentions(nlp, "A patrol was returning to base when it was ambushed by gunmen near Kidal.")
    assert roles(gunmen, "attacker") == ["gunmen"]


def test_an_adjective_before_the_doers_name_does_not_hide_it(nlp):
    found = mentions(nlp, "A drone strike by the paramilitary Rapid Support Forces hit a mosque in El Fasher on Friday.")
    assert roles(found, "attacker") == ["Rapid Support Forces"]


def test_both_sides_of_a_fight(nlp):
    found = mentions(nlp, "Fighting between the Malian army and Tuareg rebels near Kidal killed 12 people on Sunday.")
    assert (roles(found, "attacker"), roles(found, "target")) == (["the Malian army"], ["Tuareg rebels"])
    clash = mentions(nlp, "Heavy clashes with the army erupted in the town.")
    assert roles(clash, "target") == ["the army"]


def test_a_country_or_force_named_before_the_event_noun_is_its_doer(nlp):
    assert roles(mentions(nlp, "Syria's air strikes on Idlib killed 12 people."), "attacker") == ["Syria"]
    assert roles(mentions(nlp, "A police raid on a mosque in Karachi left two dead."), "attacker") == ["police"]
    assert roles(mentions(nlp, "The Kabul bombing killed 12 people on Monday."), "attacker") == []


def test_firing_munitions_is_an_event_and_a_country_can_fire_them(nlp):
    found = mentions(nlp, "Hezbollah fired 20 rockets at Kiryat Shmona on Monday.")
    assert [(m[0], m[1]) for m in found] == [("fired", "Shelling/artillery/missile attack")]
    assert roles(found, "attacker") == ["Hezbollah"]
    drones = mentions(nlp, "Russia launched dozens of drones at Odesa overnight.")
    assert [(m[1], roles(drones, "attacker")) for m in drones] == [("Air/drone strike", ["Russia"])]
    assert mentions(nlp, "The army fired three officers on Monday.") == []


def test_a_munition_shot_down_is_no_victim(nlp):
    found = mentions(nlp, "The navy shot down a ballistic missile fired from Houthi-held areas of Yemen.")
    assert roles(found, "victim") == [] and roles(found, "target") == []


def test_a_campaign_to_liberate_a_town_is_not_its_doer(nlp):
    found = mentions(nlp, "They discussed the campaign to liberate the city of Raqqa from Islamic State militants.")
    assert roles(found, "attacker") == []


def test_a_country_before_an_attack_noun_says_where_unless_states_strike(nlp):
    assert roles(mentions(nlp, "Haiti gang attack kills 15 in Port-au-Prince suburb"), "attacker") != ["Haiti"]
    assert "Myanmar" in roles(mentions(nlp, "A Myanmar military air strike killed 36 people."), "attacker")


def test_whom_territory_is_taken_from_is_the_target(nlp):
    found = mentions(nlp, "The army said it had taken full control of the palace from the paramilitary Rapid Support Forces.")
    assert [m[1] for m in found] == ["Non-state actor overtakes territory"]  # retyped by who gains it (facts.py)
    targets = roles(found, "target")
    assert targets and all("Rapid Support Forces" in t for t in targets)


def test_a_groups_own_news_agency_is_not_a_target(nlp):
    found = mentions(nlp, "Islamic State claimed responsibility for the attack on its Amaq news agency on Wednesday.")
    assert roles(found, "target") == []


def test_bombs_dropped_from_the_air_are_an_air_strike(run):
    # "bomb" alone is an explosive device; glide and guided aerial bombs are dropped by aircraft
    for text in ("Russian forces dropped guided aerial bombs on Sumy on Thursday, killing four people.",
                 "Russian glide bombs hit Kupiansk on Thursday, killing four people."):
        events = run(text)
        assert events[0].sub_event_type == "Air/drone strike", text
        assert "Military Forces of Russia" in [a.name for a in events[0].actors if a.role == "attacker"], text


def test_an_attack_under_a_condition_is_no_event(run):
    events = run("The militia threatened to shell the port if the navy attacked its boats.")
    assert not any(e.sub_event_type == "Armed clash" for e in events)


def test_a_lynching_is_mob_violence(run):
    events = run("A mob lynched a man accused of theft in the town of Sokoto on Monday, police said.")
    assert events[0].sub_event_type == "Mob violence"


def test_raids_that_arrests_are_made_in_are_the_arrests(run):
    events = run("Police detained 14 people suspected of links to al Shabaab in raids across Nairobi on "
                 "Tuesday.\nPolice seized weapons and ammunition in the raids.")
    assert [e.sub_event_type for e in events if e.status == "reported"] == ["Arrests"]


@pytest.mark.parametrize("text, sub_event_type", [
    ("Russian drones hit a power plant in Sumy on Thursday.", "Air/drone strike"),
    ("Turkish warplanes pounded Kurdish positions in northern Iraq on Thursday.", "Air/drone strike"),
    ("Two rockets landed near the airport in Baghdad on Thursday.", "Shelling/artillery/missile attack"),
])
def test_an_aircraft_or_munition_doing_damage_is_a_strike(run, text, sub_event_type):
    events = run(text)
    assert [e.sub_event_type for e in events] == [sub_event_type]


def test_a_plane_landing_is_no_event(run):
    assert run("The plane landed in Kabul on Thursday.") == []


def test_troops_a_participle_describes_are_still_the_doers(nlp):
    """The parser can make "troops deployed in the county" a clause of its own before the
    verb (a parse it gave for a news sentence), leaving "clashed" with no subject."""
    from spacy.tokens import Doc
    words = "Kenyan troops deployed in the county clashed with the militants .".split()
    doc = Doc(nlp.vocab, words=words, heads=[1, 2, 6, 2, 5, 3, 6, 6, 9, 7, 6],
              deps="amod nsubj ccomp prep det pobj ROOT prep det pobj punct".split(),
              tags="JJ NNS VBD IN DT NN VBD IN DT NNS .".split(),
              pos="ADJ NOUN VERB ADP DET NOUN VERB ADP DET NOUN PUNCT".split(),
              lemmas="kenyan troop deploy in the county clash with the militant .".split(),
              sent_starts=[True] + [False] * 10)
    clash = next(m for m in find_mentions(doc) if m.trigger.head.lower_ == "clashed")
    assert ("attacker", "Kenyan troops") in [(r.role, r.text) for r in clash.roles]


def test_soldiers_neutralising_fighters_killed_them(run):
    event = run("Soldiers neutralised seven terrorists near Djibo on Monday, the army said.", published=date(2025, 4, 8))[0]
    assert (event.event_type, event.fatalities.best) == ("Battles", 7)


def test_a_word_for_killing_kills_no_one(nlp):
    from eventwire.casualties import find_counts
    doc = nlp('Militants use the term "martyred" for fighters killed in combat.')
    assert [c for c in find_counts(doc) if c.field == "fatalities"] == []


def test_marching_captives_away_is_no_march(run):
    events = run("Gunmen stopped a bus near Zhob on Monday, killing nine passengers and marching the rest into "
                 "the hills, police said.", published=date(2025, 3, 4))
    assert [e.event_type for e in events if e.status == "reported"] == ["Violence against civilians"]


def test_those_who_free_hostages_did_not_take_them(run):
    events = run("Troops freed 12 hostages in Zamfara on Friday, killing four bandits, the army said.",
                 published=date(2025, 3, 8))
    assert [e.sub_event_type for e in events if e.status == "reported"] != ["Abduction/forced disappearance"]


def test_a_munitions_model_name_is_no_attacker(run):
    events = run("Russian aircraft dropped FAB glide bombs on Kupiansk on Monday, killing two people, officials said.",
                 published=date(2025, 8, 19))
    assert "FAB" not in {a.name for e in events for a in e.actors}


def test_a_split_name_in_an_of_phrase_is_no_second_attacker(nlp):
    """The tokenizer splits "al-Assad" and the parser can make its last words subjects of the
    verb (a parse it gave for a news sentence); the name belongs to "president"."""
    from spacy.tokens import Doc
    words = "loyalists of ousted president Bashar al - Assad ambushed a patrol .".split()
    doc = Doc(nlp.vocab, words=words, heads=[8, 0, 3, 1, 5, 3, 8, 8, 8, 10, 8, 8],
              deps="nsubj prep amod pobj compound appos nsubj nsubj ROOT det dobj punct".split(),
              tags="NNS IN VBN NN NNP NNP NNP NNP VBD DT NN .".split(),
              pos="NOUN ADP VERB NOUN PROPN PROPN PROPN PROPN VERB DET NOUN PUNCT".split(),
              lemmas="loyalist of oust president Bashar al - Assad ambush a patrol .".split(),
              ents=["O", "O", "O", "O", "B-PERSON", "I-PERSON", "I-PERSON", "I-PERSON", "O", "O", "O", "O"],
              sent_starts=[True] + [False] * 11)
    ambush = next(m for m in find_mentions(doc) if m.trigger.head.lower_ == "ambushed")
    attackers = [r.text for r in ambush.roles if r.role == "attacker"]
    assert attackers and not any(a.startswith(("Bashar", "Assad", "-")) for a in attackers)


def test_deaths_in_an_accident_story_are_no_event(run):
    text = ("At least 14 killed as truck overturns on highway in Kenya\n\n"
            "NAIROBI (Reuters) - At least 14 people were killed on Sunday when a truck carrying traders "
            "overturned on the Nakuru-Eldoret highway, police said. A police commander said 12 people died at "
            "the scene and two in hospital.")
    assert [e for e in run(text, published=date(2025, 3, 3)) if e.status == "reported"] == []


def test_a_vehicle_loaded_with_explosives_is_no_attacker(run):
    events = run("Motorcycle bomb kills three civilians near market in northern Mali\n\nA device exploded in Gao "
                 "late on Monday, killing three civilians, officials said.", published=date(2025, 3, 4))
    assert not any(a.role == "attacker" and "motorcycle" in a.mention.lower() for e in events for a in e.actors)


@pytest.mark.parametrize("text, harmed", [
    ("Police officer shot dead in Kano market", "Police officer"),
    ("Soldier shot dead by colleague in barracks", "Soldier"),
])
def test_a_headline_without_its_auxiliary_is_passive(nlp, text, harmed):
    found = mentions(nlp, text)
    assert harmed not in roles(found, "attacker")
    assert harmed in roles(found, "victim") + roles(found, "target")


def test_firing_on_someone_is_an_attack_but_not_tear_gas_or_a_time(nlp):
    found = mentions(nlp, "Unknown gunmen fired on a minibus near Kalat.")
    assert [(f[0], roles([f], "target")) for f in found] == [("fired", ["a minibus"])]
    assert mentions(nlp, "Troops fired at dawn.") == []
    assert not [f for f in mentions(nlp, "Police fired tear gas at the crowd.") if f[0] == "fired"]
    # beside a stronger trigger it is that event's story, not another act
    beside = mentions(nlp, "Jets bombed a depot in Hama on Monday after rebels fired on soldiers from it.")
    assert [f[0] for f in beside] == ["bombed"]


def test_what_comes_under_fire_is_the_target_and_kills_no_one(nlp):
    found = mentions(nlp, "A Red Cross convoy came under fire near Goma, killing two drivers.")
    assert roles(found, "target") == ["A Red Cross convoy"]
    assert roles(found, "attacker") == []


def test_fighting_a_fire_is_no_battle(nlp):
    assert mentions(nlp, "Firefighters battled the flames at the warehouse until dawn.") == []
    assert roles(mentions(nlp, "Troops battled militants for hours."), "attacker") == ["Troops"]


def test_bare_aircraft_name_no_attacker_but_someone_s_do(nlp):
    assert roles(mentions(nlp, "Warplanes bombed the market in Maaret al-Numan."), "attacker") == []
    assert roles(mentions(nlp, "Government warplanes bombed the market."), "attacker") == ["Government warplanes"]


@pytest.mark.parametrize("text, trigger", [
    ("Government air strikes have killed more than 300 people since the truce took effect.", "air strikes"),
    ("Bandits have abducted 40 villagers since the start of the rainy season.", "abducted"),
])
def test_what_has_been_done_since_a_time_is_a_tally(nlp, text, trigger):
    assert [f[3] for f in mentions(nlp, text) if f[0] == trigger] == ["habitual"]


@pytest.mark.parametrize("text, sub_event_type", [
    ("A government jet bombed a school in Kafr Nabl on Monday.", "Air/drone strike"),
    ("The market was bombed by army helicopters.", "Air/drone strike"),
    ("Militants bombed a bus station in Quetta.", "Remote explosive/landmine/IED"),
])
def test_bombs_an_aircraft_drops_are_an_air_strike(nlp, text, sub_event_type):
    assert [f[1] for f in mentions(nlp, text) if f[0] == "bombed"] == [sub_event_type]


def test_what_such_acts_are_is_no_act(nlp):
    found = mentions(nlp, "Air strikes have become a central feature of the army's campaign against the rebels.")
    assert [f[3] for f in found if f[0] == "Air strikes"] == ["habitual"]
    assert [f[3] for f in mentions(nlp, "Two air strikes were reported in Idlib on Monday.")] != ["habitual"]


def test_where_the_wounded_died_is_no_target(nlp):
    found = mentions(nlp, "Two of the wounded died at the Aminu Kano Teaching Hospital on Friday.")
    assert roles(found, "target") == []
    assert roles(mentions(nlp, "Gunmen opened fire at a checkpoint in Kano."), "target") == ["a checkpoint"]


def test_a_crowd_that_disperses_of_itself_is_no_intervention(nlp):
    assert mentions(nlp, "The marchers dispersed quietly at noon.") == []
    found = mentions(nlp, "Riot police dispersed the marchers outside parliament.")
    assert [m[1] for m in found] == ["Protest with intervention"]
    assert roles(found, "attacker") == ["Riot police"]


def test_a_headline_building_with_a_past_form_was_hit(nlp):
    assert roles(mentions(nlp, "Mosque bombed in Kano, five dead"), "target") == ["Mosque"]
    assert roles(mentions(nlp, "Curfew imposed after police station torched in Barishal"), "attacker") == []


def test_they_in_a_witness_s_quote_is_not_the_witness(nlp):
    found = mentions(nlp, '"They shot my neighbour in front of his children," said a farmer from the village.')
    assert roles(found, "attacker") == []
    assert roles(mentions(nlp, "The rebels said they had captured the town."), "attacker") == ["The rebels"]


def test_an_agreement_named_as_background_is_no_agreement_event(nlp):
    assert mentions(nlp, "Israel kept up near-daily strikes on Lebanon despite a ceasefire.")[0][1] == "Air/drone strike"
    assert all(m[1] != "Agreement" for m in mentions(nlp, "The presidency called the strikes a violation of the ceasefire."))
    assert all(m[1] != "Agreement" for m in mentions(nlp, "Strikes have killed 270 people since the ceasefire took effect."))
    for text in ("The army and the RSF agreed on Saturday to a 72-hour ceasefire in El Fasher.",
                 "A truce between the two sides took effect at midnight on Sunday."):
        assert [m[1] for m in mentions(nlp, text)] == ["Agreement"]


def test_a_finding_told_in_a_clause_of_its_own_beside_an_act_is_a_record_of_its_own(run):
    text = ("Gunmen ambushed an army patrol near Tepuche on Saturday, killing two soldiers, and authorities on "
            "Monday found the bodies of 10 men dumped beside a highway south of Culiacan, officials said.")
    events = sorted((str(e.event_date), e.sub_event_type, e.fatalities.best)
                    for e in run(text, published=date(2025, 7, 15)) if e.status == "reported")
    assert events == [("2025-07-12", "Armed clash", 2), ("2025-07-14", "Attack", 10)]
    after = "The bodies of five men were found after the clash near the village on Monday."
    assert [e.sub_event_type for e in run(after, published=date(2025, 7, 15))] == ["Armed clash"]


def test_a_killing_with_its_own_attacker_before_another_act_is_a_mention_of_its_own(nlp):
    doc = nlp("Armed separatists killed at least five civilians in a village at the weekend, officials said "
              "Tuesday, before attacking a military post the following day.")
    assert [m.trigger.head.lower_ for m in find_mentions(doc)] == ["killed", "attacking"]
    together = nlp("Gunmen attacked a village on Sunday, killing five civilians.")
    assert [m.trigger.head.lower_ for m in find_mentions(together)] == ["attacked"]


def test_a_verb_done_with_a_munition_is_a_strike_of_its_kind(nlp):
    doc = nlp("The Houthis said they had targeted a commercial ship in the Red Sea with drones and missiles on Wednesday.")
    assert [(m.trigger.head.lower_, m.trigger.kind.sub_event_type) for m in find_mentions(doc)] == [
        ("targeted", "Air/drone strike")]
    assert find_mentions(nlp("Police hit the protesters with batons and sticks.")) == []  # no munition


def test_a_group_acting_in_a_present_participle_is_its_doer_and_an_abstract_noun_is_none(nlp):
    from eventwire.roles import find_roles
    from eventwire.triggers import all_triggers
    doc = nlp("Soldiers fired on gunmen attacking a convoy near the town.")
    attack = next(t for t in all_triggers(next(doc.sents)) if t.head.lower_ == "attacking")
    assert ("attacker", "gunmen") in [(r.role, r.head.lower_) for r in find_roles(attack)]
    help_ = nlp("The junta turned to Wagner for help fighting insurgents linked to al Qaeda.")
    fight = next(t for t in all_triggers(next(help_.sents)) if t.head.lower_ == "fighting")
    assert [r.role for r in find_roles(fight)] == ["target"]


def test_shooting_at_someone_beside_a_stronger_act_is_an_act_of_its_own(nlp):
    doc = nlp("After overrunning the post, the jihadists moved into the town, where they set fire to shops and "
              "shot at residents.")
    shot = [m for m in find_mentions(doc) if m.trigger.head.lower_ == "shot"]
    assert [(r.role, r.head.lower_) for m in shot for r in m.roles] == [("target", "residents")]
    dead = find_mentions(nlp("Gunmen shot dead two policemen in Quetta."))
    assert [m.trigger.span.text for m in dead] == ["shot dead"]


def test_a_jet_fighter_dropping_bombs_is_an_air_strike_by_the_state(run):
    event = run("A junta jet fighter bombed Myit Nar village in Minbya Township in Rakhine on Thursday night, "
                "killing nine civilians.", published=date(2024, 12, 21))[0]
    assert event.sub_event_type == "Air/drone strike"
    assert [a.name for a in event.actors if a.role == "attacker"] == ["Military Forces of Myanmar"]


def test_a_vehicle_striking_a_bomb_was_hit_by_a_remote_explosive(run):
    event = run("On the evening of Saturday 9 August, a minibus carrying passengers struck an improvised explosive "
                "device south of Bandiagara town, killing seven people.", published=date(2025, 8, 12))[0]
    assert event.sub_event_type == "Remote explosive/landmine/IED"
    assert not [a for a in event.actors if a.role == "attacker"]


def test_strike_as_a_verb_is_the_act_its_munition_makes(nlp):
    from eventwire.triggers import all_triggers
    kinds = {}
    for text in ("Stray bullets struck their home during the clashes.", "A missile struck a school in Kharkiv.",
                 "Israeli jets struck targets in Gaza."):
        sent = next(nlp(text).sents)
        kinds[text.split()[1]] = [t.kind.sub_event_type for t in all_triggers(sent) if t.head.lemma_ == "strike"]
    assert kinds == {"bullets": ["Armed clash"], "missile": ["Shelling/artillery/missile attack"],
                     "jets": ["Air/drone strike"]}
    bomber = next(nlp("A suicide bomber killed 12 people at a mosque.").sents)
    assert [t.kind.sub_event_type for t in all_triggers(bomber) if not t.kind.weak] == ["Suicide bomb"]

"""Actor normalisation: mentions as written become ACLED-style actors."""
from datetime import date

import pytest

from eventwire.actors import ActorBook, entity_ruler_patterns


@pytest.fixture(scope="module")
def book():
    return ActorBook.load()


@pytest.mark.parametrize(
    "mention, name, inter",
    [
        ("Assad loyalists", "Military Forces of Syria", 1),
        ("the Syrian Arab Army", "Military Forces of Syria", 1),
        ("fighters aligned with Syrian President Bashar al-Assad", "Military Forces of Syria", 1),
        ("the SDF", "Syrian Democratic Forces", 2),
        ("the coalition", "US-led coalition", 8),
        ("Islamic State militants", "Islamic State", 2),
        ("ISIL", "Islamic State", 2),
        ("Turkish warplanes", "Military Forces of Turkey", 1),
    ],
)
def test_named_and_generic_actors(book, mention, name, inter):
    actor = book.normalise(mention, "attacker")
    assert (actor.name, actor.inter, actor.mention) == (name, inter, mention)


def test_groups_take_the_event_country(book):
    assert book.normalise("villagers", "victim", country_code="SY").name == "Civilians (Syria)"
    assert book.normalise("gunmen", "attacker", country_code="IQ").name == "Unidentified Armed Group (Iraq)"
    assert book.normalise("the police", "target", country_code="SV").name == "Police Forces of El Salvador"
    assert book.normalise("villagers", "victim").name == "Civilians"


def test_unknown_mention_keeps_its_words(book):
    actor = book.normalise("the Wolves of Mount Qandil", "attacker")
    assert actor.name == "Wolves of Mount Qandil" and actor.inter is None


def test_user_file_is_tried_first(tmp_path):
    extra = tmp_path / "mine.toml"
    extra.write_text(
        '[[actor]]\nname = "Coalition of the Willing"\ninter = 8\npatterns = ["\\\\bcoalition\\\\b"]\n'
    )
    assert ActorBook.load([extra]).normalise("the coalition", "target").name == "Coalition of the Willing"


def test_entity_ruler_tags_armed_groups_as_org(nlp):
    doc = nlp("Daesh fighters fled as the SDF advanced.")
    assert {(e.text, e.label_) for e in doc.ents} >= {("Daesh", "ORG"), ("SDF", "ORG")}
    assert any(p["id"] == "Islamic State" for p in entity_ruler_patterns())


@pytest.mark.parametrize(
    ("mention", "role", "name"),
    [
        ("Myanmar's military", "attacker", "Military Forces of Myanmar"),
        ("the Chad army", "attacker", "Military Forces of Chad"),
        ("Burmese troops", "attacker", "Military Forces of Myanmar"),
        ("Russian", "attacker", "Military Forces of Russia"),
        ("an Israeli", "perpetrator", "Military Forces of Israel"),
    ],
)
def test_a_country_by_name_or_alone_as_the_doer_is_its_forces(book, mention, role, name):
    assert book.normalise(mention, role).name == name


def test_a_demonym_alone_is_forces_only_as_the_doer(book):
    assert book.normalise("Russian", "victim").name != "Military Forces of Russia"


@pytest.mark.parametrize(
    ("mention", "name"),
    [
        ("Yemen's Houthi rebels", "Houthis (Ansar Allah)"),
        ("Boko Haram fighters", "Boko Haram"),
        ("Islamic State West Africa Province (ISWAP)", "Islamic State West Africa Province"),
        ("the Pakistani Taliban", "Tehreek-e-Taliban Pakistan"),
        ("al-Shabab militants", "Al Shabaab"),
        ("Dae’sh", "Islamic State"),
    ],
)
def test_armed_groups_of_current_wars(book, mention, name):
    assert book.normalise(mention, "attacker").name == name


def test_a_group_linked_to_al_qaeda_is_not_al_qaeda(book):
    assert book.normalise("an al Qaeda-linked group", "attacker").name != "Al Qaeda"
    assert book.normalise("a dash", "attacker").name != "Islamic State"


def test_hezbollah_in_its_spellings_and_kataib_hezbollah_apart(book):
    assert {book.normalise(m, "target").name for m in ("a Hezbollah commander", "Hizballah", "Hizbollah")} == {"Hezbollah"}
    assert book.normalise("Kataib Hezbollah", "attacker").name == "Kata'ib Hezbollah"


def test_pro_government_forces_are_the_government_of_the_event_country(book):
    assert book.normalise("pro-regime forces", "attacker", country_code="SY").name == "Military Forces of Syria"
    assert book.normalise("pro-government gunmen", "attacker", country_code="VE").name == "Military Forces of Venezuela"


def test_a_named_owner_is_the_actor_not_its_unit(book):
    assert book.normalise("the IRA's Belfast brigade", "attacker").name == "IRA"
    assert book.normalise("Putin's army", "attacker").name != "Putin"


def test_members_of_a_named_group_are_the_group(book):
    assert book.normalise("gunmen from the Sinaloa cartel", "attacker").name == "Sinaloa cartel"
    assert book.normalise("members of the public", "victim").name == "members of the public"


def test_fighter_jets_are_aircraft_not_fighters(book):
    assert not book.normalise("fighter jets", "attacker", country_code="MM").name.startswith("Unidentified")
    assert book.normalise("fighters", "attacker", country_code="MM").name == "Unidentified Armed Group (Myanmar)"


@pytest.mark.parametrize("mention, name", [
    # the group word that heads the phrase names it
    ("Armed men", "Unidentified Armed Group (Haiti)"),
    ("civilian fighters", "Unidentified Armed Group (Haiti)"),
    ("unarmed villagers", "Civilians (Haiti)"),
    # a coalition or gang is named by its qualifier
    ("the coalition", "US-led coalition"),
    ("Coalition aircraft", "US-led coalition"),
    ("the Saudi-led coalition", "Saudi-led coalition"),
    ("the Syrian Arab Coalition", "Syrian Arab Coalition"),
    ("rival gangs", "Unidentified Armed Group (Haiti)"),
    ("the Kraze Baryè gang", "Kraze Baryè gang"),
])
def test_the_head_word_or_the_qualifier_names_a_group(book, mention, name):
    assert book.normalise(mention, "attacker", country_code="HT").name == name


def test_air_defences_are_the_forces_of_their_country(book):
    assert book.normalise("Syrian air defenses", "attacker").name == "Military Forces of Syria"
    assert book.normalise("air defences", "attacker", country_code="UA").name == "Military Forces of Ukraine"


@pytest.mark.parametrize("mention, name", [
    ("Cambodian troops", "Military Forces of Cambodia"),  # in a Thai event: their own country, not the event's
    ("Ivorian soldiers", "Military Forces of Ivory Coast"),
    ("Bangladeshi police", "Police Forces of Bangladesh"),
    ("26 tourists", "Civilians (Thailand)"),
    ("fishermen", "Civilians (Thailand)"),
    ("Shiite pilgrims", "Civilians (Thailand)"),
    ("The Resistance Front", "The Resistance Front"),
    ("MONUSCO peacekeepers",
     "MONUSCO: United Nations Organization Stabilization Mission in the Democratic Republic of Congo"),
])
def test_more_demonyms_civilians_and_groups(book, mention, name):
    assert book.normalise(mention, "victim", country_code="TH").name == name


def test_a_front_with_another_first_word_is_another_front(book):
    assert book.normalise("the Popular Resistance Front", "attacker").name != "The Resistance Front"


def test_a_country_abbreviation_before_strikes_is_its_forces(run):
    # "U.S." and "UK" are tagged places; before the strikes of states they say who struck
    for text, name in (("U.S. air strikes on a fuel depot in Hodeidah killed 9 people on Monday.",
                        "Military Forces of the United States"),
                       ("UK air strikes on a radar site near Hodeidah killed 3 people on Monday.",
                        "Military Forces of the United Kingdom")):
        events = run(text)
        assert name in [a.name for e in events for a in e.actors if a.role == "attacker"], text


def test_whose_death_it_was_is_the_victim_not_the_attacker(run):
    events = run("An Israeli drone strike hit a car in Tyre on Monday. Hamas confirmed "
                 "Ahmed Yassin's death in a statement.")
    actors = [(a.role, a.name) for e in events for a in e.actors]
    assert ("attacker", "Ahmed Yassin") not in actors
    assert ("victim", "Ahmed Yassin") in actors


def test_whom_a_group_backs_or_fights_is_not_who_they_are():
    book = ActorBook.load()
    assert book.normalise("a pro-Taliban cleric", "victim").name != "Taliban"
    assert book.normalise("anti-Houthi fighters", "attacker").name != "Houthis (Ansar Allah)"
    assert book.normalise("Houthi fighters", "attacker").name == "Houthis (Ansar Allah)"


def test_bare_soldiers_attacking_belong_to_the_one_force_the_article_names(run):
    # the place is in the West Bank; the only forces the article names are Israel's
    events = run("Israeli forces launched a raid on Tubas in the West Bank on Tuesday.\n"
                 "Soldiers shot dead 4 Palestinians in the town of Tubas, the health ministry said.")
    attackers = {a.name for e in events for a in e.actors if a.role == "attacker"}
    assert attackers == {"Military Forces of Israel"}


def test_forces_with_an_owner_keep_it(run):
    events = run("A Ukrainian drone hit a bus in the Russian region of Belgorod on Saturday, killing 2 people.\n"
                 "Russia's defence ministry said its air defences had shot down 40 drones overnight.")
    downing = [e for e in events if e.sub_event_type == "Disrupted weapons use"]
    assert downing and "Military Forces of Ukraine" not in [a.name for a in downing[0].actors if a.role == "attacker"]


@pytest.mark.parametrize("mention", ["Government helicopters", "regime warplanes", "junta jets"])
def test_the_state_s_aircraft_are_its_forces(mention):
    actor = ActorBook.load().normalise(mention, "attacker", country_code="MM")
    assert (actor.name, actor.inter) == ("Military Forces of Myanmar", 1)


def test_it_in_what_a_group_says_it_did_is_the_group(run):
    # "it" fired: Hezbollah's own strike, an event apart from the drone strike it answers
    events = run("An Israeli drone strike killed two men near Nabatieh in southern Lebanon late on Wednesday. "
                 "Early Thursday, Hezbollah said it fired a barrage of rockets at an Israeli army base in response.",
                 published=date(2024, 6, 13))
    attackers = [{a.name for a in e.actors if a.role == "attacker"} for e in events if e.status == "reported"]
    assert {"Hezbollah"} in attackers and len(attackers) == 2


@pytest.mark.parametrize("mention, name", [
    ("six officers", "Police Forces of Mexico"),
    ("a police officer", "Police Forces of Mexico"),
    ("two army officers", "Military Forces of Mexico"),
])
def test_bare_officers_are_police_but_army_officers_the_army(mention, name):
    assert ActorBook.load().normalise(mention, "victim", country_code="MX").name == name


@pytest.mark.parametrize("mention, name", [
    ("Zintan Brigade fighters", "Zintan Brigade"),
    ("the armed group known as the Mahdi Army", "Mahdi Army"),
    ("civilians fleeing the Mahdi Army", "Civilians (Libya)"),
    ("the Somali National Army", "Military Forces of Somalia"),
    ("the National Army", "Military Forces of Libya"),
    ("the Uganda People's Defence Force", "Military Forces of Uganda"),
    ("Heavily armed gang members", "Unidentified Armed Group (Libya)"),
    ("a People's Defence Force unit", "People's Defence Force"),
])
def test_an_armed_group_s_own_name_is_the_actor_not_a_state_army(book, mention, name):
    assert book.normalise(mention, "attacker", country_code="LY").name == name


def test_a_towns_bazaar_is_where_not_who(nlp, book):
    """"Khar bazaar blast toll rises to 17": the parser made "bazaar" the subject of "blast"
    (a parse it gave for a headline); a town's bazaar, market or streets are where it happened."""
    from spacy.tokens import Doc

    from eventwire.facts import event_actors
    from eventwire.mentions import EventMention
    from eventwire.roles import RoleFiller
    from eventwire.triggers import all_triggers
    words = "Khar bazaar blast toll rises to 17".split()
    doc = Doc(nlp.vocab, words=words, heads=[1, 2, 3, 4, 4, 4, 5],
              deps="compound nsubj compound nsubj ROOT prep pobj".split(),
              tags="NNP NN VBD NN VBZ IN CD".split(), pos="PROPN NOUN VERB NOUN VERB ADP NUM".split(),
              lemmas="Khar bazaar blast toll rise to 17".split(), sent_starts=[True] + [False] * 6)
    trigger = next(t for t in all_triggers(doc[:]) if t.head.text == "blast")
    filler = RoleFiller("attacker", "Khar bazaar", 0, 11, doc[1])
    mention = EventMention(trigger=trigger, roles=[filler], sent=doc[:])
    assert event_actors([mention], book, "PK", places=frozenset({(0, 4, "Khar")})) == []


def test_a_people_counted_is_its_civilians_when_hit(book, nlp):
    assert book.normalise("Palestinians", "victim").name == "Civilians (Palestine)"
    assert book.normalise("Somalis", "victim").name == "Civilians (Somalia)"
    assert book.normalise("Russians", "attacker").name == "Russians"  # "the Russians shelled": maybe forces
    from eventwire.mentions import find_mentions
    found = find_mentions(nlp("Dozens of Israeli settlers attacked the village of Burin on Sunday."))
    assert [r.text for m in found for r in m.roles if r.role == "attacker"] == ["Israeli settlers"]


def test_a_town_named_only_as_where_the_wounded_went_is_still_no_actor(run):
    events = run("Israeli drone strike kills 4 during Tulkarm raid\n\nAn Israeli drone strike killed four Palestinians "
                 "in a refugee camp in the northern West Bank on Tuesday, the health ministry said. Two of the wounded "
                 "were taken to a hospital in Tulkarm.", published=date(2024, 10, 23))
    assert [a.name for a in events[0].actors if a.role == "attacker"] == ["Military Forces of Israel"]


def test_one_who_was_of_a_force_is_a_civilian_when_hit(book):
    assert book.normalise("a former FARC fighter", "victim", country_code="CO").name == "Civilians (Colombia)"
    assert book.normalise("a retired army officer", "victim", country_code="CO").name == "Civilians (Colombia)"
    assert book.normalise("FARC fighters", "victim", country_code="CO").inter == 2
    assert book.normalise("members of the VDP", "target").name == "Volunteers for the Defense of the Homeland (VDP)"


def test_a_us_regional_command_is_the_us_military(book):
    assert book.normalise("CENTCOM forces", "attacker").name == "Military Forces of the United States"
    assert book.normalise("the Central Command", "attacker").name == "Central Command"  # whose, the words do not say


def test_two_actors_the_parser_kept_in_one_phrase_are_both_sides(run):
    events = run("On Wednesday, heavy fighting broke out between the Ethiopian National Defense Force and Fano "
                 "fighters on the outskirts of Debre Markos, residents said. It was not clear how many people were "
                 "killed.", published=date(2024, 5, 18))
    assert sorted(a.name for a in events[0].actors) == ["Fano Militia", "Military Forces of Ethiopia"]


def test_haiti_s_gangs_are_named(book):
    assert book.normalise("the Gran Grif gang", "attacker").name == "Gran Grif"
    assert book.normalise("Viv Ansanm gang coalition", "attacker").name == "Viv Ansanm"


def test_a_named_village_the_index_lacks_is_a_place_not_a_target(run):
    events = run("Bandits stormed Tudun Kauri Bango village in Zamfara on Monday and abducted 20 residents, police said.",
                 published=date(2024, 9, 12))
    names = {a.name for e in events for a in e.actors}
    assert not any("Bango" in name for name in names)
    assert any(a.role == "attacker" for e in events for a in e.actors)
    said_to_be = run("Separatist fighters stormed Mbengwi Ntoh, a village in the Momo division, early Sunday, "
                     "killing four residents, officials said.", published=date(2024, 9, 10))
    assert not any("Ntoh" in a.name for e in said_to_be for a in e.actors)


def test_a_long_participle_describes_an_actor_and_names_none(run):
    text = ("The defence ministry said Armenian units stationed in the direction of Basarkechar - the name Baku "
            "uses for the Vardenis area - had fired on its positions in Kalbajar on Tuesday.")
    names = {a.name for e in run(text, published=date(2023, 8, 2)) for a in e.actors}
    assert not any("stationed" in n for n in names)


def test_at_a_name_after_an_attack_is_where_and_fired_at_is_whom(run):
    where = run("The ministry said that more than a hundred terrorists attacked the military position at Sakoira, in the "
                "Tillaberi region, shortly after 10 a.m. on Saturday.",
                published=date(2025, 6, 17))
    assert all("Sakoira" not in a.name for e in where for a in e.actors)
    aimed = run("Gunmen fired at Al Shabaab fighters near Kismayo on Sunday, police said.", published=date(2024, 6, 17))
    assert ("Al Shabaab", "target") in {(a.name, a.role) for e in aimed for a in e.actors}


def test_a_name_the_parser_split_stays_whole(run):
    events = run("On Tuesday, fighters from the Group for the Support of Islam and Muslims (JNIM) ambushed an army "
                 "convoy west of Boulkessi, the army said.", published=date(2024, 3, 28))
    attackers = {a.name for e in events for a in e.actors if a.role == "attacker"}
    assert attackers == {"Jama'at Nusrat al-Islam wal-Muslimin (JNIM)"}


def test_farc_dissident_factions_are_their_own_actors(run):
    events = run("Police blamed the Central General Staff, or EMC, a faction of former FARC rebels, for an attack "
                 "on a police post in Jamundi on Monday that killed two officers.", published=date(2025, 4, 22))
    named = {c.value for e in events for c in e.claims if c.field == "responsibility"}
    assert "EMC: Central General Staff (FARC dissidents)" in named
    assert "Revolutionary Armed Forces of Colombia" not in named


def test_ambazonia_defence_forces_are_not_ugandas_adf(run):
    events = run("Separatists attacked a gendarmerie post in Batibo on Monday, killing two gendarmes. A commander of "
                 "the Ambazonia Defence Forces (ADF) claimed the attack in a video.", published=date(2024, 9, 10))
    names = {a.name for e in events for a in e.actors} | {c.value for e in events for c in e.claims
                                                          if c.field == "responsibility"}
    assert "ADF: Ambazonia Defence Forces" in names and "Allied Democratic Forces" not in names


def test_a_force_the_tagger_reads_as_a_place_and_youth_known_by_a_name_are_sides(run):
    text = ("Heavy fighting erupted on Tuesday between the South Sudan People's Defence Forces (SSPDF) and armed youth "
            "known as the White Army in Upper Nile State, officials said.")
    actors = {(a.name, a.role) for a in run(text, published=date(2025, 3, 6))[0].actors}
    assert actors == {("Military Forces of South Sudan", "attacker"), ("White Army", "target")}


def test_the_first_word_after_a_datelines_dash_is_no_doer(run):
    text = ("Kaduna – Heavy fighting broke out between bandits and vigilantes in Birnin Gwari on Monday, residents "
            "told reporters.")
    assert "Heavy" not in {a.name for a in run(text, published=date(2025, 3, 6))[0].actors}


def test_those_who_ran_over_a_mine_do_not_claim_it(run):
    text = ("Three soldiers were killed on Monday when their truck ran over a landmine in Wajir County, the army "
            "said on Tuesday.")
    event = run(text, published=date(2025, 10, 2))[0]
    assert not [c for c in event.claims if c.field == "responsibility" and c.stance == "claimed_or_admitted"]
    assert not any(a.role == "attacker" for a in event.actors)


def test_armed_youth_are_an_armed_group_not_a_crowd(book, run):
    assert book.normalise("the armed youth", "attacker", country_code="SS").inter == 3
    assert book.normalise("youths", "attacker", country_code="KE").name.startswith("Rioters")
    text = ("The armed youth attacked a police post near Akobo on Tuesday and overran it after several hours of "
            "fighting, the commissioner said.")
    assert [e.event_type for e in run(text, published=date(2025, 3, 6))] == ["Battles"]


def test_forces_counted_by_nationality_give_the_country_beside_a_group_that_raids_across_borders(run):
    text = ("About 12 Cameroonian soldiers were killed on Sunday night in an attack by Boko Haram fighters on an army "
            "post on an island, the defence ministry said. A military source said about 20 soldiers had been "
            "wounded.\n\n"
            "In 2020, Boko Haram killed nearly 100 soldiers in an attack on a base.")
    news = [e for e in run(text, published=date(2024, 10, 28)) if e.status == "reported"]
    assert [sorted(a.name for a in e.actors if a.role == "victim") for e in news] == [["Military Forces of Cameroon"]]

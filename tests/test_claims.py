"""Claims: every fact with who said it, through whom, how sure, and where in the text."""

from datetime import date

import pytest


def claims(events, field):
    return [c for e in events for c in e.claims if c.field == field]


def test_claim_offsets_point_at_their_words(run):
    text = "Gunmen killed at least 12 villagers in Tikrit on Monday, a police officer told AFP."
    events = run(text)
    assert events
    for claim in events[0].claims:
        assert text[claim.start : claim.end] == claim.text


def test_unnamed_source_through_an_outlet(run):
    events = run("An ambush near Tikrit killed 12 soldiers on Monday, an army officer who spoke on "
                 "condition of anonymity told Reuters.")
    figure = claims(events, "fatalities")[0]
    assert (figure.speaker, figure.outlet, figure.speaker_kind) == ("army officer", "Reuters", "unnamed official")
    assert figure.via == ["army officer", "Reuters"]


def test_nested_speech_keeps_the_chain(run):
    events = run("State television said the ministry announced that 30 rebels were killed in "
                 "Idlib on Sunday.", outlet="AFP")
    figure = claims(events, "fatalities")[0]
    assert figure.speaker == "ministry"
    assert figure.via == ["ministry", "State television", "AFP"]
    assert figure.speaker_kind == "government"


def test_conflicting_figures_keep_every_claim_and_name_the_rule(run):
    text = ("Air strikes killed more than 100 people in Raqqa on Tuesday, activists said.\n"
            "The government said about 20 militants died in the strikes.")
    event = [e for e in run(text) if e.status == "reported"][0]
    assert sorted(c.value for c in claims([event], "fatalities")) == [20, 100]
    assert (event.fatalities.best, event.fatalities.low, event.fatalities.high) == (20, 20, 100)
    assert event.policies["fatalities"] == "acled_conservative.v1"


def test_responsibility_stances(run):
    claimed = run("Islamic State claimed responsibility for the bombing in Baghdad on Monday.")
    assert ("Islamic State", "claimed_or_admitted") in {(c.value, c.stance) for c in claims(claimed, "responsibility")}
    blamed = run("Police blamed the FMLN for the attack on the power station in San Miguel on Monday.")
    stances = {(c.value, c.stance) for c in claims(blamed, "responsibility")}
    assert ("Farabundo Marti National Liberation Front", "suspected_or_accused_by_authorities") in stances
    accepted = run("The army accepted responsibility for the air strike that killed 12 civilians in Kunduz on Monday.")
    assert "claimed_or_admitted" in {c.stance for c in claims(accepted, "responsibility")}
    plain = run("FMLN guerrillas attacked a military post in Usulutan on Monday.")
    assert {c.stance for c in claims(plain, "responsibility")} == {"reported_as_fact"}


def test_denial_is_kept_as_a_claim(run):
    text = ("Russian jets bombed a market in Idlib on Monday, killing 15 people, residents said.\n"
            "The Russian defence ministry denied that its aircraft carried out the strike.")
    denials = [c for c in claims(run(text), "responsibility") if c.stance == "denied"]
    assert denials and denials[0].speaker_kind in ("government", "military")


def test_framing_is_the_speakers_not_ours(run):
    events = run("Government forces shelled Douma on Friday, killing 9 people. The opposition "
                 "described the shelling as “a massacre.”", published=date(2019, 5, 11))
    framing = claims(events, "framing")
    assert [(c.value, c.kind, c.speaker) for c in framing] == [("a massacre", "framing", "opposition")]


def test_nobody_claiming_is_no_claim(run):
    text = ("A car bomb killed six people at a checkpoint in Kirkuk on Monday, police said. "
            "No group has claimed responsibility for the bombing, and the Islamic State did not claim it either.")
    events = run(text)
    assert claims(events, "responsibility") == [] or all(
        c.stance != "claimed_or_admitted" for c in claims(events, "responsibility"))
    assert all("No group" not in e.sources for e in events)
    assert all(c.hedge != "claimed" for e in events for c in e.claims)


def test_a_toll_put_by_a_ministry_is_its_claim(run):
    text = ("An air strike hit a market in Saada on Monday, killing 12 people, medics said. "
            "The health ministry later put the death toll at 20.")
    events = run(text)
    figures = {(c.value, c.speaker) for c in claims(events, "fatalities")}
    assert (20, "health ministry") in figures and (12, "medics") in figures
    assert events[0].fatalities.best == 12 and events[0].fatalities.high == 20


def test_a_qualified_figure_wins_a_tie_with_a_headline(run):
    text = "Bandits kill 30 in Zamfara\nBandits killed at least 30 villagers in Zamfara on Sunday, police said."
    assert run(text)[0].fatalities.qualifier == "at_least"


def test_a_vague_word_does_not_undercut_a_number(run):
    text = ("A roadside bomb killed at least 15 soldiers near Gao on Monday, the army said. "
            "Several bodies lay by the road, a witness said.")
    assert run(text)[0].fatalities.best == 15


def test_the_group_that_claims_it_is_the_attacker(run):
    text = ("A suicide bomber killed nine people at a police station in Peshawar on Monday, officials said. "
            "The Pakistani Taliban claimed responsibility for the bombing.")
    attackers = [a.name for a in run(text)[0].actors if a.role == "attacker"]
    assert attackers == ["Tehreek-e-Taliban Pakistan"]


def test_an_accused_group_in_a_headline_is_no_source(run):
    events = run("Militia accused of killing 30 in village raid\nGunmen killed 30 villagers in Ituri on Sunday, "
                 "a local official said.")
    assert all("Militia" not in e.sources for e in events)


def test_an_event_taking_place_is_no_claim_and_no_one_is_no_attacker(run):
    events = run("Protests took place in Mombasa on Tuesday. No group has claimed the bombing in Garissa on Monday.")
    assert all(c.stance != "claimed_or_admitted" for e in events for c in e.claims)
    assert all(a.name != "No group" for e in events for a in e.actors)


def test_an_attempt_or_a_trial_is_no_motive(run):
    text = ("A car bomb killed four soldiers in Kabul on Monday, police said. "
            "The assassination attempt on the governor failed. Two men were later tried for the bombing.")
    assert claims(run(text), "motive") == []
    seed_like = run("Gunmen attacked a checkpoint in Kirkuk on Monday; they were likely trying to seize the oilfield.")
    assert claims(seed_like, "motive"), "an intention in an infinitive complement stays a motive"


def test_the_militants_beside_a_named_group_are_that_group(run):
    text = ("Boko Haram fighters attacked an army base in Borno state on Sunday, killing five soldiers. "
            "The militants first detonated a car bomb at the gate before storming it, an officer said.")
    events = run(text, published=date(2024, 3, 12))
    assert [a.name for a in events[0].actors if a.role == "attacker"] == ["Boko Haram"]


def test_a_group_telling_of_its_own_attack_claims_it(run):
    text = ("Gunmen ambushed an army convoy near Kidal on Monday, killing six soldiers, officials said. "
            "JNIM said in a statement that it had killed 20 soldiers in the ambush.")
    event = run(text, published=date(2024, 5, 8))[0]
    assert [a.name for a in event.actors if a.role == "attacker"] == ["Jama'at Nusrat al-Islam wal-Muslimin (JNIM)"]
    assert ("claimed_or_admitted", "JNIM") in {(c.stance, c.text) for c in event.claims if c.field == "responsibility"}


def test_the_group_an_attack_is_blamed_on_is_accused_not_hit(run):
    text = "Gunmen ambushed a police patrol in Cauca on Monday. The army blamed the attack on the ELN."
    event = run(text, published=date(2024, 5, 21))[0]
    assert ("target", "National Liberation Army (ELN)") not in {(a.role, a.name) for a in event.actors}
    stances = {(c.value, c.stance) for c in event.claims if c.field == "responsibility"}
    assert ("National Liberation Army (ELN)", "suspected_or_accused_by_authorities") in stances


def test_a_state_force_telling_of_its_own_strikes_is_their_attacker(run):
    event = run("Niger's army said on Monday it had killed 30 militants in air strikes near Tillaberi.",
                published=date(2024, 11, 14))[0]
    assert [a.name for a in event.actors if a.role == "attacker"] == ["Military Forces of Niger"]


def test_one_source_counting_both_sides_adds_them_up(run):
    text = ("Militants attacked a security post in North Waziristan on Saturday, killing two soldiers, "
            "the military said, adding that three attackers were also killed.")
    event = run(text, published=date(2024, 8, 3))[0]
    assert (event.fatalities.best, event.policies["fatalities"]) == (5, "acled_conservative_per_side_summed.v1")
    rival = ("Two Russian missiles struck Sumy on Sunday, killing 34 people, Ukrainian officials said. "
             "Russia's defence ministry said it had killed more than 60 servicemen.")
    assert run(rival, published=date(2025, 4, 13))[0].fatalities.best == 34  # two sources: alternatives


def test_one_also_killed_is_counted_on_top(run):
    text = ("Two aid workers were killed on Monday in an air strike on their car near Khan Younis, the charity said. "
            "Their driver was also killed.")
    assert run(text, published=date(2024, 4, 2))[0].fatalities.best == 3


def test_those_a_figure_counts_are_victims_when_no_one_else_is(run):
    """"Five civilians were killed in an air strike": the strike names no one it hit, so the
    counted civilians are its victims, as in "gunmen killed five civilians"; the dead of a
    fight are its other side, but civilians are never a side, and a zero counts no one."""
    strike = run("Eight villagers were killed in an air strike on Kafr Nabl on Tuesday.")[0]
    assert [(a.role, a.name) for a in strike.actors] == [("victim", "Civilians (Syria)")]
    ambush = run("Four soldiers were wounded in an ambush near Kidal on Monday.")[0]
    assert [(a.role, a.name) for a in ambush.actors] == [("victim", "Military Forces of Mali")]
    spared = run("No Americans were killed in the rocket attack on the base near Erbil on Monday.")
    assert not [a for e in spared for a in e.actors if a.role == "victim"]
    fight = run("Troops killed two militants in a gunbattle near Kidal on Monday.")[0]
    assert [(a.role, a.name) for a in fight.actors] == [
        ("attacker", "Military Forces of Mali"), ("victim", "Unidentified Armed Group (Mali)")]
    crossfire = run("Three villagers were killed in clashes between soldiers and militants near Kidal on Monday.")[0]
    assert "Civilians (Mali)" not in {a.name for a in crossfire.actors}


def test_a_group_telling_of_what_its_fighters_did_claims_it(run):
    events = run("Gunmen ambushed a police convoy near Tillaberi on Monday. The Islamic State Sahel Province "
                 "said in a statement that its fighters had carried out the ambush.")
    stances = {(c.value, c.stance) for e in events for c in e.claims if c.field == "responsibility"}
    assert ("Islamic State Sahel Province", "claimed_or_admitted") in stances


def test_they_with_a_doer_named_in_the_sentence_is_no_self_report(run):
    """"Rebels killed villagers they had abducted, the army said": "they" are the rebels, so
    the army claims nothing."""
    events = run("ADF rebels killed 12 villagers they had abducted near Beni, the army said on Friday.")
    stances = {(c.value, c.stance) for e in events for c in e.claims if c.field == "responsibility"}
    assert not any(stance == "claimed_or_admitted" for _, stance in stances)


def test_suspected_victims_hedge_who_died_not_who_killed_them(run):
    """"killing two suspected militants": the hedge is on the dead, so the troops who killed
    them are reported as fact and the militants are no suspected perpetrators."""
    events = run("Soldiers killed three suspected militants in a raid near Maiduguri on Monday, the army said.")
    stances = {(c.value, c.stance) for e in events for c in e.claims if c.field == "responsibility"}
    assert stances == {("Military Forces of Nigeria", "reported_as_fact")}


def test_a_group_that_repelled_an_attack_does_not_claim_it(run):
    events = run("Hamas said it had repelled an Israeli raid on the Nuseirat camp on Monday.")
    stances = {(c.value, c.stance) for e in events for c in e.claims if c.field == "responsibility"}
    assert not any(value == "Hamas" and stance == "claimed_or_admitted" for value, stance in stances)


def test_who_answers_with_strikes_strikes_and_warplanes_are_nobody(run):
    event = run("Thailand responded with air strikes by F-16 fighter jets on Cambodian positions on Thursday.")[0]
    assert [a.name for a in event.actors if a.role == "attacker"] == ["Military Forces of Thailand"]


def test_a_headlines_first_word_is_no_name_by_its_capital_alone(run):
    events = run("Prison riot in Honduras leaves 46 inmates dead")  # the parser reads "Prison" a proper noun
    assert "Prison" not in {a.name for e in events for a in e.actors}


def test_fighters_from_a_named_group_are_that_group(run):
    event = run("Fighters from the Allied Democratic Forces attacked a village near Beni on Sunday, killing 9 people.")[0]
    assert ("attacker", "Allied Democratic Forces") in {(a.role, a.name) for a in event.actors}


def test_a_reporting_verb_describing_a_group_is_not_the_sentences_source(run):
    events = run("Gunmen killed 12 villagers near Beni on Sunday. The ADF, which officials say has ties to the "
                 "Islamic State, claimed responsibility for the attack.")
    claims_ = [c for e in events for c in e.claims if c.field == "responsibility" and c.stance == "claimed_or_admitted"]
    assert claims_ and all(c.speaker != "officials" for c in claims_)


def test_the_counted_dead_of_each_side_are_victims_once(run):
    """Both sides' dead are counted: the soldiers join the militants the parse made victims;
    militants killed in a strike on al Qaeda are al Qaeda's, not another group."""
    fight = run("Pakistani Taliban militants killed 16 soldiers in an attack on a post in South Waziristan on "
                "Saturday. Eight militants were also killed in the exchange of fire.")[0]
    assert ("victim", "Military Forces of Pakistan") in {(a.role, a.name) for a in fight.actors}
    strike = run("U.S. strikes on al Qaeda in Idlib killed more than 20 militants on Saturday.")[0]
    assert [a.name for a in strike.actors if a.role in ("target", "victim")] == ["Al Qaeda"]


def test_a_part_of_the_toll_is_no_conflicting_figure(run):
    """"nine of its staff", "where six people died": the speaker's own dead or the dead at one
    of the places hit are part of the toll, not a lower estimate of it; they stay claims."""
    event = run("Rebels attacked a camp for displaced people near Tawila on Friday, killing more than 60 "
                "civilians, the U.N. said. A medical charity said eight of its staff were killed at a clinic.")[0]
    assert (event.fatalities.best, event.fatalities.qualifier) == (60, "more_than")
    assert {c.value for c in event.claims if c.field == "fatalities"} >= {60, 8}


def test_an_organisations_name_is_read_in_full(run):
    events = run("Gunmen attacked an army post near Boni on Sunday. The Group to Support Islam and Muslims "
                 "(JNIM), al-Qaeda's Sahel affiliate, claimed responsibility for the attack.")
    assert "Jama'at Nusrat al-Islam wal-Muslimin (JNIM)" in {a.name for e in events for a in e.actors}


def test_a_toll_of_people_is_no_side_to_add_to_soldiers(run):
    # "dozens of soldiers" and "more than 60 people, most of them soldiers" count the same dead
    events = run("Militants attacked an army base in Kaya on Sunday, killing dozens of soldiers, "
                 "a security source said.\nThe security source said more than 60 people were killed, "
                 "most of them soldiers.", published=date(2024, 6, 10))
    event = [e for e in events if e.status == "reported"][0]
    assert (event.fatalities.best, event.fatalities.qualifier) == (60, "more_than")


def test_a_named_dead_is_one_of_the_toll_not_a_lower_estimate(run):
    events = run("An air strike on a building in Sidon on Monday killed the group's finance chief, "
                 "Ali Hamdan, the army said.\nThe health ministry said the strike killed seven people.",
                 published=date(2024, 6, 10))
    event = [e for e in events if e.status == "reported"][0]
    assert event.fatalities.best == 7
    assert sorted(c.value for c in claims([event], "fatalities")) == [1, 7]  # both stay claims


def test_what_the_accused_did_is_not_who_they_are(run):
    # "accused the breakaway faction of attacking civilians": the faction is accused, not civilians
    events = run("Gunmen attacked a bus near Goma on Monday, killing 6 people.\n"
                 "The army accused the breakaway faction of attacking civilians.", published=date(2024, 6, 11))
    accused = [c.value for c in claims(events, "responsibility") if c.stance and "accused" in c.stance]
    assert not any(value.startswith("Civilians") for value in accused)


def test_holding_hostages_is_no_accusation_and_holding_responsible_is(run):
    events = run("Gunmen seized a passenger bus near Kidal on Monday. The group said it was holding 40 "
                 "hostages. The government held the Azawad rebels responsible for the abduction of 40 "
                 "passengers and soldiers.", published=date(2024, 6, 11))
    accused = [(c.value, c.text) for c in claims(events, "responsibility")
               if c.stance and c.stance.startswith("suspected")]
    assert accused and all("hostages" not in text for _, text in accused)
    assert all("soldiers" not in text for _, text in accused)  # "responsible for ..." is not their name


def test_a_group_claiming_in_a_sentence_of_its_own_claims_the_lead_event(run):
    events = run("A bomb exploded at a bus stop in Mogadishu on Saturday, killing 7 people.\n"
                 "Al Shabaab claimed responsibility.", published=date(2024, 6, 9))
    event = [e for e in events if e.status == "reported"][0]
    stances = {(c.value, c.stance) for c in claims([event], "responsibility")}
    assert ("Al Shabaab", "claimed_or_admitted") in stances
    assert "Al Shabaab" in [a.name for a in event.actors if a.role == "attacker"]


def test_denying_something_else_is_no_denial_of_the_event(run):
    events = run("A drone strike hit a house in Rafah on Saturday, killing 4 people.\n"
                 "Hamas denies storing weapons in homes.", published=date(2024, 6, 9))
    assert not [c for c in claims(events, "responsibility") if c.stance == "denied"]


def test_an_army_denying_reports_does_not_claim_the_killing(run):
    events = run("The army on Thursday denied reports that its soldiers killed 9 civilians in the village of "
                 "Kassela on Monday.", published=date(2024, 6, 13))
    stances = {c.stance for c in claims(events, "responsibility")}
    assert "claimed_or_admitted" not in stances


def test_accused_of_another_deed_is_not_accused_of_the_attack(run):
    events = run("Soldiers shot dead 8 men in the village of Kassela on Monday after accusing the villagers "
                 "of collaborating with insurgents, residents said.", published=date(2024, 6, 13))
    accused = [c for c in claims(events, "responsibility") if c.stance and c.stance.startswith("suspected")]
    assert not accused


def test_an_attack_claimed_by_a_group_in_the_passive_is_its_claim(run):
    events = run("Jihadists attacked an army post in Djibo on Monday, killing 9 soldiers.\n"
                 "The attack was claimed by JNIM, the group said in a statement.", published=date(2024, 7, 2))
    event = [e for e in events if e.status == "reported"][0]
    assert ("Jama'at Nusrat al-Islam wal-Muslimin (JNIM)", "claimed_or_admitted") in {
        (c.value, c.stance) for c in claims([event], "responsibility")}


def test_each_reporting_clause_keeps_its_own_figure(run):
    events = run("Gunmen attacked a village near Bunia on Monday. Police said 12 people were killed, "
                 "while a hospital official put the toll at 20.", published=date(2024, 7, 2))
    speakers = {c.value: c.speaker for c in claims(events, "fatalities")}
    assert speakers == {12: "Police", 20: "hospital official"}


def test_a_clause_beside_another_is_not_passed_on_by_its_speaker(run):
    events = run("Gunmen attacked a village near Bunia on Monday. Residents said 9 people were killed, "
                 "while the army put the toll at 4.", published=date(2024, 7, 2), outlet="AFP")
    chains = {c.value: c.via for c in claims(events, "fatalities")}
    assert chains == {9: ["Residents", "AFP"], 4: ["army", "AFP"]}


@pytest.mark.parametrize("text, published, speakers", [
    pytest.param("Gunmen stormed a police post in Tank district on Tuesday. The attackers came at dawn, a police "
                 "officer told AFP. Four officers were killed, he said.", date(2024, 7, 2), {4: "police officer"},
                 id="he said is the person quoted before"),
    pytest.param("Gunmen attacked a prison near Niamey on Thursday, the interior ministry said in a statement. "
                 "It said 12 guards were killed.", date(2024, 7, 5), {12: "interior ministry"},
                 id="it said is the body quoted before"),
])
def test_a_pronoun_speaker_is_the_one_quoted_before(run, text, published, speakers):
    assert {c.value: c.speaker for c in claims(run(text, published=published), "fatalities")} == speakers


def test_suspected_attackers_hedge_who_did_it_not_the_toll(run):
    events = run("Suspected jihadists attacked an army post near Djibo on Tuesday, killing 12 soldiers, "
                 "the army said.", published=date(2024, 7, 3))
    figure = claims(events, "fatalities")[0]
    assert figure.hedge is None
    assert [c.stance for c in claims(events, "responsibility")][0].startswith("suspected")


def test_men_believed_to_belong_to_a_group_hedge_who_they_are(run):
    events = run("Gunmen believed to be members of a local militia stormed a market near Bunia on Sunday, "
                 "killing nine traders, the provincial governor said.", published=date(2024, 5, 6))
    assert claims(events, "fatalities")[0].hedge is None


def test_a_death_nobody_confirmed_raises_only_the_high(run):
    event = run("Militants ambushed an army patrol near Wana on Friday, killing four soldiers, the military said. "
                "A fifth soldier later died of his wounds, according to local residents, but officials "
                "could not confirm the death.", published=date(2024, 9, 14))[0]
    assert (event.fatalities.best, event.fatalities.high) == (4, 5)
    assert {c.value: c.hedge for c in event.claims if c.field == "fatalities"} == {4: None, 1: "unconfirmed"}


def test_it_said_goes_on_with_the_statement_before(run):
    events = run("Gunmen attacked a village near Gao on Sunday, killing five civilians, residents said. "
                 "The army said in a statement that soldiers killed eight militants in a raid near Menaka on "
                 "Monday. Two soldiers were killed in the exchange of fire, it said.", published=date(2025, 5, 6))
    raid = next(e for e in events if str(e.event_date) == "2025-05-05")
    assert raid.fatalities.best == 10


def test_a_place_named_after_a_noun_is_not_a_second_speaker(run):
    events = run("Gunmen attacked a village near Djibo on Sunday. A trader from the village who fled to the "
                 "regional capital Dori gave a higher toll. \"We counted 30 dead,\" he said.",
                 published=date(2025, 5, 6))
    assert {c.value: c.speaker for c in claims(events, "fatalities")}[30] != "Dori"


def test_no_responsibility_for_one_who_is_no_side_of_the_event(run):
    events = run("Police fired tear gas at protesters in Mardan on Friday. The protesters dispersed peacefully "
                 "after talks with officials.", published=date(2024, 6, 5))
    assert [(a.role, a.name) for a in events[0].actors] == [("attacker", "Police Forces of Pakistan")]
    assert [c.value for c in events[0].claims if c.field == "responsibility"] == ["Police Forces of Pakistan"]


def test_who_updates_a_toll_is_no_attacker(run):
    text = ("Clashes between rival militias killed people in Misrata on Monday.\n\n"
            "On Tuesday the GNU Health Ministry raised it to nine dead and 30 wounded.")
    events = run(text, published=date(2024, 2, 14))
    assert all("ministry" not in a.name.lower() for e in events for a in e.actors)

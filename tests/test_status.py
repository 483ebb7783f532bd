"""News or background: the same pipeline tells the reported event from history and context."""

from datetime import date

import pytest


def test_old_dated_event_is_background_with_its_month(run):
    events = run("Rebels seized the town of Saraqib in September 2017, residents said.")
    assert [(e.status, str(e.event_date), e.time_precision) for e in events] == [("background", "2017-09-01", 3)]


def test_ongoing_conflict_is_background_and_undated(run):
    events = run("Currently, the YPG is also fighting off a Turkish offensive in Afrin.")
    assert events and all(e.status == "background" and e.event_date is None for e in events)


def test_intended_events_are_not_events(run):
    assert run("The militants were trying to seize the oilfields.") == []


def test_lead_and_followups_become_one_event(run):
    text = ("Gunmen attacked a police checkpoint in Kirkuk on Thursday, killing three policemen.\n"
            "The attack was claimed by Islamic State, a police officer told AFP.\n"
            "Two civilians were wounded in the attack, the officer said.")
    events = run(text)
    reported = [e for e in events if e.status == "reported"]
    assert len(reported) == 1
    event = reported[0]
    assert str(event.event_date) == "2019-05-09"
    assert event.fatalities.best == 3 and event.injuries.best == 2
    assert "AFP" in event.sources
    assert event.location.country_code == "IQ"


def test_statement_date_is_not_the_event_date(run):
    events = run("Two soldiers were killed in an ambush overnight, the army said on Friday.",
                 published=date(2019, 5, 10))
    assert str(events[0].event_date) == "2019-05-09"


def test_force_size_is_never_casualties(run):
    events = run("About 500 fighters attacked the base on Tuesday; at least 12 were killed.")
    assert events[0].fatalities.best == 12
    assert any(c.field == "force_size" and c.value == 500 for c in events[0].claims)


def test_a_record_of_attacks_is_background(run):
    text = ("Gunmen killed four soldiers at a checkpoint in Kirkuk on Monday, police said. "
            "Islamic State has carried out attacks across the province.")
    events = run(text, published=date(2023, 3, 7))
    reported = [e for e in events if e.status == "reported"]
    assert len(reported) == 1 and str(reported[0].event_date) == "2023-03-06"
    assert "Islamic State" not in {a.name for a in reported[0].actors}
    background = [e for e in events if e.status == "background"]
    assert [a.name for e in background for a in e.actors] == ["Islamic State"]


def test_a_date_in_another_clause_does_not_date_the_event(run):
    events = run("Al-Shabaab, which was founded in 2006, attacked a police station in Mogadishu.")
    assert events and all(e.event_date is None or e.event_date.year != 2006 for e in events)


def test_a_tally_over_years_is_background(run):
    text = ("Gunmen killed nine farmers near Kaduna on Sunday, police said.\n"
            "An Amnesty report estimated that more than 3,000 people had been killed in the state since 2018.")
    events = run(text, published=date(2023, 5, 15))
    reported = [e for e in events if e.status == "reported"]
    assert [(e.fatalities.best, e.fatalities.high) for e in reported] == [(9, 9)]


def test_reported_speech_pluperfect_is_the_news_not_its_past(run):
    text = ("Artillery fire killed four civilians in Kharkiv on Friday, the governor said.\n"
            "The defence ministry said its forces had struck an ammunition depot in Kharkiv.")
    events = run(text, published=date(2023, 5, 13))
    assert [e.status for e in events] == ["reported"]
    assert "defence ministry" in " ".join(events[0].sources)


def test_a_dateline_is_never_the_attacker(run):
    events = run("HARGEISA, May 3, 2023 (AP) — Somali troops raided a village near Las Anod on Tuesday.")
    assert [a.name for a in events[0].actors if a.role == "attacker"] == ["Military Forces of Somalia"]


def test_a_dateline_without_date_or_outlet_is_never_the_attacker(run):
    events = run("NIAMEY, Niger — Suspected jihadists killed 10 soldiers in an ambush near Tillaberi on Monday.")
    assert [a.name for a in events[0].actors if a.role == "attacker"] == ["Unidentified Armed Group (Niger)"]


def test_burning_in_an_attack_sentence_is_part_of_the_attack(run):
    events = run("Militiamen stormed a village in Ituri on Sunday, killing 20 people and torching homes.")
    assert len(events) == 1


def test_a_bare_strike_by_missiles_is_shelling(run):
    events = run("Russian missiles struck an apartment block in Dnipro on Saturday, killing 12 people.")
    assert events[0].sub_event_type == "Shelling/artillery/missile attack"


def test_what_gangs_often_do_is_background(run):
    text = ("Gunmen kidnapped 12 farmers near Katsina on Monday, police said. "
            "Armed gangs often kidnap villagers for ransom in the region.")
    events = run(text, published=date(2024, 3, 5))
    assert [e.status for e in events] == ["reported", "background"]


def test_the_abduction_the_group_had_admitted_is_the_one_reported(run):
    text = ("Rebels released a kidnapped engineer in Arauca on Thursday, the army said. "
            "Gunmen had kidnapped him on Monday near Saravena, police said. "
            "The rebels had admitted to the kidnapping, calling it a mistake.")
    events = run(text, published=date(2023, 11, 10))
    assert len([e for e in events if e.status == "background"]) <= 1
    kidnappings = [e for e in events if e.sub_event_type == "Abduction/forced disappearance"]
    assert len(kidnappings) == 1


def test_a_claim_on_saturday_dates_the_attack_it_claims(run):
    text = ("On Saturday, Islamic State claimed a bombing in Baghdad which killed 20 people. "
            "Today, another bombing in Basra killed nine people.")
    events = run(text, published=date(2017, 1, 2))
    assert sorted(str(e.event_date) for e in events) == ["2016-12-31", "2017-01-02"]


def test_police_firing_on_protesters_is_excessive_force_and_rioters_riot(run):
    fired = run("Police opened fire on protesters in Dhaka on Friday, killing three people.", published=date(2024, 7, 20))
    assert fired[0].sub_event_type == "Excessive force against protesters"
    riot = run("Protesters attacked a police station in Dhaka on Friday, injuring five officers.", published=date(2024, 7, 20))
    assert riot[0].sub_event_type == "Violent demonstration"


def test_gunmen_seizing_schoolchildren_is_an_abduction(run):
    events = run("Gunmen seized 80 schoolchildren from a village school in Zamfara on Monday.", published=date(2024, 3, 12))
    assert events[0].sub_event_type == "Abduction/forced disappearance"


def test_a_roundup_headline_neither_merges_nor_sets_the_figures(run):
    text = ("Strikes hit Dnipro and Sumy, three killed in Odesa\n"
            "Russian missiles struck a factory in Dnipro on Monday, killing 11 workers, the governor said. "
            "In the northern Sumy region, Russian shelling damaged a hospital in the town of Shostka overnight, "
            "but there were no casualties, officials said.")
    events = run(text, published=date(2024, 6, 4))
    by_place = {e.location.name: e for e in events if e.status == "reported"}
    assert by_place["Dnipro"].fatalities.best == 11
    assert "Shostka" in by_place or "Sumy" in {e.location.admin1 for e in events if e.location.name != "Dnipro"}


def test_a_headline_in_headlinese_is_the_news_it_heads(run):
    text = ("Death toll in Quetta market bombing rises to 25\n"
            "The death toll from a bombing at a market in Quetta on Monday rose to 25 on Tuesday, officials said.")
    events = run(text, published=date(2024, 6, 4))
    assert [e.status for e in events] == ["reported"]


def test_similar_attacks_in_the_past_are_other_events_and_claim_nothing_here(run):
    text = ("A bomb exploded at a mosque in Herat during Friday prayers, killing 18 people, officials said. "
            "There was no immediate claim of responsibility, but Islamic State has claimed similar attacks in the past.")
    events = run(text, published=date(2022, 9, 3))
    reported = [e for e in events if e.status == "reported"]
    assert len(reported) == 1
    assert not [a for a in reported[0].actors if a.role == "attacker"]
    assert all(c.stance != "claimed_or_admitted" for c in reported[0].claims)


def test_a_truce_named_as_the_newss_circumstance_is_background(run):
    text = ("Rebels shell Goma suburb despite ceasefire\n\n"
            "Rebel artillery hit a suburb of Goma on Tuesday, killing four people, the army said, "
            "the worst violation since a ceasefire took effect in August.")
    events = run(text, published=date(2024, 10, 2))
    truce = [(e.sub_event_type, e.status) for e in events if e.event_type == "Strategic developments"]
    assert ("Agreement", "reported") not in truce  # named as a circumstance, it is no news (nor, now, a record)
    news = [(e.status, e.fatalities.best) for e in events if e.event_type != "Strategic developments"]
    assert news == [("reported", 4)]  # the ceasefire in its sentence does not swallow the killing


def test_an_attack_that_killed_civilians_is_violence_against_civilians(run):
    events = run("Gunmen killed 12 worshippers in an attack on the Al-Noor mosque in Kaduna on Friday.",
                 published=date(2024, 3, 12))
    assert (events[0].event_type, events[0].sub_event_type) == ("Violence against civilians", "Attack")
    soldiers = run("Rebels attacked an army base in Ituri on Sunday, killing 20 soldiers.", published=date(2024, 3, 12))
    assert soldiers[0].sub_event_type == "Armed clash"
    gangs = run("Nineteen men were killed in a gunbattle between rival cartels near Culiacan on Sunday.",
                published=date(2024, 3, 12))
    assert gangs[0].sub_event_type == "Armed clash"  # the dead of a gunbattle are its fighters


def test_many_events_in_a_month_gone_by_are_background(run):
    text = ("Police fired tear gas at protesters in Nairobi on Tuesday, witnesses said. "
            "More than 60 people were killed in protests last month.")
    events = run(text, published=date(2024, 7, 2))
    assert [e.status for e in events if e.fatalities.best == 60] == ["background"]
    single = run("Rebels attacked the town of Beni in June, killing 12, officials said on Monday.",
                 published=date(2024, 7, 2))
    assert single[0].status == "reported"


def test_the_fight_people_were_killed_in_is_the_news(run):
    text = ("Mexico: 19 bodies found after cartel shootout in Chihuahua\n\n"
            "MEXICO CITY, Feb 27, 2023 (AP) — Authorities in the northern Mexican state of Chihuahua said Monday "
            "they had found the bodies of 19 men killed in a gunbattle between rival drug cartels near the town "
            "of Cuauhtemoc.")  # the parse that made the gunbattle an embedded noun comes with these words
    events = run(text, published=date(2023, 2, 27))
    assert [(e.status, e.location.name) for e in events] == [("reported", "Cuauhtémoc")]  # not a background record


def test_the_date_of_a_statement_does_not_date_the_attack_it_reports(run):
    """"said in a statement on Monday that its fighters had carried out the attack": Monday
    dates the statement (through the document noun), not the attack."""
    events = run("The Lautaro Front said in a communique on Tuesday that its commandos had bombed the "
                 "power station.", published=date(2019, 5, 10))
    assert [e.event_date for e in events] == [date(2019, 5, 10)]


def test_police_acting_on_a_protest_is_an_intervention_one_record_with_its_arrests(run):
    """ACLED's "Protest with intervention": tear gas, water cannon, dispersal or arrests at a
    protest, in its own sentence or the next; with someone killed or hurt, excessive force.
    Police breaking up a riot leave it a riot."""
    published = date(2024, 7, 20)
    rally = run("Hundreds of teachers rallied outside parliament in Harare on Friday. Police fired tear gas "
                "to disperse them and detained 14 people.", published=published)
    assert [e.sub_event_type for e in rally] == ["Protest with intervention"]
    alone = run("Riot police used water cannon on opposition supporters in Kampala on Friday.", published=published)
    assert [e.sub_event_type for e in alone] == ["Protest with intervention"]
    hurt = run("Police fired rubber bullets at a march in Lima on Friday, wounding 12 protesters.", published=published)
    assert [e.sub_event_type for e in hurt] == ["Excessive force against protesters"]
    riot = run("Rioters torched a police post in Kano on Friday before police fired tear gas to disperse them.",
               published=published)
    assert [e.sub_event_type for e in riot] == ["Violent demonstration"]


def test_an_event_some_time_before_is_another_event_with_its_own_place_and_dead(run):
    """"The attack came days after clashes in Wajir that ... killed 12": the clashes are an
    earlier event (background), with their place and their dead; the re-mention "the attack"
    brings neither to the news."""
    events = run("Gunmen killed 16 soldiers in an attack on a post in Mandera county on Saturday. The attack "
                 "came days after clashes in Wajir that the government in Nairobi said killed 12 people.",
                 published=date(2024, 12, 21))
    news = [e for e in events if e.status == "reported"]
    assert [(e.location.name, e.fatalities.best) for e in news] == [("Mandera", 16)]
    assert [(e.status, e.location.name, e.fatalities.best) for e in events if e not in news] == [
        ("background", "Wajir", 12)]


def test_the_seat_of_a_government_is_not_where_the_event_was(run):
    events = run("Gunmen killed 16 soldiers in an attack near Mandera on Saturday, the government in Nairobi said.",
                 published=date(2024, 12, 21))
    assert events[0].location.name == "Mandera"


def test_arrests_told_later_are_the_protests_intervention(run):
    events = run("Thousands of students marched in Dhaka on Thursday. Police said later that 40 people "
                 "had been detained.", published=date(2024, 7, 20))
    assert [e.sub_event_type for e in events] == ["Protest with intervention"]


def test_an_act_told_in_a_relative_clause_is_another_event_and_hides_no_killing(run):
    """"Gunmen killed a trader they had abducted last week": the killing is the news (the
    abduction in the relative clause no longer suppresses it), the abduction an event apart."""
    published = date(2024, 12, 20)
    events = run("Gunmen killed a trader they had abducted in Zamfara last week, police said on Friday.",
                 published=published)
    news = [e for e in events if e.status == "reported"]
    assert [(e.sub_event_type, e.fatalities.best) for e in news] == [("Attack", 1)]
    assert "Abduction/forced disappearance" in {e.sub_event_type for e in events if e not in news}


def test_opposing_forces_strikes_in_one_article_are_two_events(run):
    # each side's attack on the other, same day, no place to tell them apart
    events = run("Ethiopian drones struck a market in Eritrea on Monday, killing 8 people, officials said.\n"
                 "Eritrean artillery shelled Ethiopian border villages on Monday, killing 3 civilians, "
                 "Ethiopian police said.", published=date(2024, 6, 11))
    reported = [e for e in events if e.status == "reported"]
    attackers = [{a.name for a in e.actors if a.role == "attacker"} for e in reported]
    assert {"Military Forces of Ethiopia"} in attackers and {"Military Forces of Eritrea"} in attackers
    assert sorted(e.fatalities.best for e in reported) == [3, 8]


@pytest.mark.parametrize("text", [
    # a counter-attack by the side attacked is the same fight
    "Rebels attacked Sudanese army positions in El Fasher on Monday, killing 5 soldiers.\n"
    "The Sudanese army fought back, killing 11 rebels.",
    # the depots' capture is told to say what was hit, with no time or place of its own
    "Syrian army jets bombed weapons depots that Hayat Tahrir al-Sham captured near Saraqib, "
    "striking them on Tuesday, the army said.",
])
def test_other_attackers_that_are_no_other_event(run, text):
    events = run(text, published=date(2024, 6, 11))
    assert len([e for e in events if e.status == "reported"]) == 1


@pytest.mark.parametrize("text", [
    "Police had been fighting gang members in the district for weeks before the army moved in.",
    "The group has stepped up attacks on police stations in Khyber Pakhtunkhwa over the past year.",
])
def test_fighting_for_weeks_and_trends_over_a_year_are_background(run, text):
    events = run(text, published=date(2024, 6, 11))
    assert events and all(e.status == "background" for e in events)


def test_what_a_war_has_killed_is_a_tally_not_the_news(run):
    events = run("An air strike on a market in Khan Younis killed 12 people on Saturday, medics said.\n"
                 "The war has killed more than 30,000 people, according to the health ministry.",
                 published=date(2024, 6, 9))
    news = [e for e in events if e.status == "reported"]
    assert len(news) == 1 and news[0].fatalities.high == 12


def test_police_firing_on_a_protest_is_its_excessive_force(run):
    events = run("Thousands protested against the election results in the capital on Thursday.\n"
                 "At least four people were killed when police opened fire, a rights group said.",
                 published=date(2024, 6, 13))
    news = [e for e in events if e.status == "reported"]
    assert [(e.sub_event_type, e.fatalities.best) for e in news] == [("Excessive force against protesters", 4)]


def test_looting_told_later_in_an_attack_report_is_part_of_the_attack(run):
    events = run("Gunmen attacked the town of Arbinda on Sunday, killing 12 soldiers, officials said.\n"
                 "A resident said the gunmen also looted shops and burned the market before withdrawing.",
                 published=date(2024, 6, 10))
    news = [e for e in events if e.status == "reported"]
    assert len(news) == 1 and news[0].event_type != "Strategic developments"


def test_a_separately_reported_event_is_a_record_of_its_own(run):
    events = run("Gunmen attacked the village of Kukawa in Borno state late on Monday, killing 11 people. "
                 "Separately, the army said troops killed 7 militants in an ambush on Sunday in the "
                 "Konduga area.\nThe gunmen also burned houses, residents said.", published=date(2024, 7, 2))
    reported = [e for e in events if e.status == "reported"]
    assert sorted(e.fatalities.best for e in reported) == [7, 11]


def test_a_crowd_throwing_stones_makes_the_protest_a_riot_and_arrests_do_not_type_it(run):
    events = run("Police fired tear gas at opposition supporters in Kisumu on Tuesday and arrested 25 people, "
                 "officials said.\nDemonstrators threw stones at officers and burned tyres, witnesses said.",
                 published=date(2024, 7, 3))
    news = [e for e in events if e.status == "reported"]
    assert [(e.event_type, e.sub_event_type) for e in news] == [("Riots", "Violent demonstration")]


@pytest.mark.parametrize("text, published, tolls", [
    pytest.param("Police shot dead a protester in Dhaka on Monday, witnesses said. Rights groups say more than "
                 "30 people have been killed in protests since June 10.", date(2024, 7, 3), [1],
                 id="a toll of protests since a date weeks ago is background"),
    pytest.param("Soldiers killed six militants in an ambush near Palmyra on Friday, the army said. In a separate "
                 "statement, the army said two soldiers were killed in the ambush.", date(2025, 1, 11), [8],
                 id="a separate statement is no separate event"),
])
def test_the_tolls_of_the_news(run, text, published, tolls):
    assert [e.fatalities.best for e in run(text, published=published) if e.status == "reported"] == tolls


def test_he_said_goes_on_with_the_event_told_before(run):
    events = run("Gunmen abducted 20 farmers near Funtua in Katsina state on Monday, police said. "
                 "On Wednesday, soldiers freed 8 of them after a gunfight with the kidnappers in a forest "
                 "in Malumfashi, an army spokesman said on Thursday. He said four gunmen were killed.",
                 published=date(2024, 7, 5))
    assert [e.fatalities.best for e in events if e.event_type == "Battles"] == [4]


@pytest.mark.parametrize("outbreak", ["Fighting broke out", "Heavy fighting erupted"])
def test_two_armed_groups_clashing_are_one_battle_even_named_apart(run, outbreak):
    text = (f"Hundreds flee as troops, militia clash in Amhara\n\n{outbreak} between Fano militiamen and "
            "government troops near Gondar on Monday, local officials said. At least 12 people died, among "
            "them a farmer caught in the crossfire.")
    news = [e.sub_event_type for e in run(text, published=date(2024, 7, 3)) if e.status == "reported"]
    assert news == ["Armed clash"]


def test_people_described_by_what_befalls_them_are_a_kind_not_an_event(run):
    events = run("The group mourned the commander as a martyr, the word it uses for members killed by enemy fire.",
                 published=date(2024, 6, 13))
    assert not [e for e in events if e.status == "reported"]


def test_one_of_its_largest_attacks_on_another_day_is_another_event(run):
    events = run("A Ukrainian drone killed a man in Russia's Kursk region on Tuesday, the governor said. "
                 "On Monday, Russia launched one of its largest drone attacks of the war on Ukraine's ports, "
                 "Ukrainian officials said.", published=date(2024, 11, 20))
    attackers = [{a.name for a in e.actors if a.role == "attacker"} for e in events if e.status == "reported"]
    assert len(attackers) == 2 and {"Military Forces of Russia"} in attackers


@pytest.mark.parametrize("text", [
    "The group has been fighting for more than a decade to topple the government.",
    "In recent weeks, the rebels have seized several villages in the north.",
    # a conflict's toll, a group's habits and a trend
    "The fighting has killed more than 3,000 people and displaced over 200,000, according to the United Nations.",
    "The rebels have abducted hundreds of villagers, often for ransom, over the past years.",
    "Al Shabaab has increasingly attacked the base with drones.",
])
def test_what_has_gone_on_for_years_or_weeks_is_background(run, text):
    events = run("Gunmen killed 6 soldiers at a checkpoint in Marka on Sunday, officials said. " + text,
                 published=date(2025, 3, 16))
    news = [e for e in events if e.status == "reported"]
    assert [(e.sub_event_type, len(e.evidence)) for e in news] == [("Armed clash", 1)]


def test_a_town_seized_where_civilians_died_is_territory_taken_not_an_abduction(run):
    events = run("Rebels seized the town of Rutshuru in North Kivu province late Monday, residents said. "
                 "At least five civilians were killed by stray shells during the fighting.", published=date(2024, 7, 2))
    assert events[0].sub_event_type == "Non-state actor overtakes territory"


def test_protesters_burning_a_police_station_in_clashes_are_one_riot(run):
    events = run("Students torch police station in Khulna\n\nStudent protesters set fire to a police station in "
                 "Khulna on Wednesday after police fired tear gas at a road blockade, in clashes that killed at "
                 "least two people, police said.", published=date(2024, 7, 18))
    news = [(e.sub_event_type, e.fatalities.best) for e in events if e.status == "reported"]
    assert news == [("Violent demonstration", 2)]


def test_the_other_sides_reply_on_another_day_is_its_own_event(run):
    events = run("Militants attacked a police station in Bannu on Tuesday night, killing four officers, police said. "
                 "On Wednesday, Pakistani troops clashed with the attackers in the hills outside the town, the "
                 "military said.", published=date(2025, 2, 6))
    news = sorted((str(e.event_date), e.sub_event_type) for e in events if e.status == "reported")
    assert news == [("2025-02-04", "Armed clash"), ("2025-02-05", "Armed clash")]


def test_a_military_post_is_no_document(nlp):
    from eventwire.attribution import a_document
    post = nlp("Gunmen attacked a post of civilian auxiliaries on Saturday.")[3]
    said = nlp("The group said in a post on Telegram that it had fired rockets.")[5]
    assert (post.text, a_document(post)) == ("post", False)
    assert (said.text, a_document(said)) == ("post", True)


def test_a_re_mention_is_of_the_latest_event_told_with_its_word(run):
    events = run("Gunmen killed seven villagers in Kpeda on Friday, residents said. On Saturday, soldiers clashed "
                 "with the gunmen near the village, the army said. The group said its fighters killed two soldiers "
                 "in the clash.", published=date(2025, 2, 10))
    news = {e.sub_event_type: e.fatalities.best for e in events if e.status == "reported"}
    assert news == {"Attack": 7, "Armed clash": 2}


def test_each_sides_dead_counted_by_the_other_add_up_in_a_fight(run):
    event = run("Troops clashed with militants near Tillaberi on Monday, killing 15 militants, the army said. "
                "The group said it killed four soldiers in the fighting.", published=date(2025, 2, 11))[0]
    assert (event.fatalities.best, event.fatalities.high) == (15, 19)


def test_a_date_of_another_verb_the_parser_joined_does_not_date_the_event(run):
    events = run("The army said three soldiers were killed on Friday when militants ambushed a convoy near Kidal, "
                 "and that two more died on Saturday as troops searched the area.", published=date(2025, 6, 3))
    assert str(events[0].event_date) == "2025-05-30"


@pytest.mark.parametrize("text", [
    "Rights groups say more than 300 people have since been detained.",
    "The protests were met with tear gas and rubber bullets in their first weeks.",
])
def test_what_has_since_been_done_or_was_done_early_on_is_background(run, text):
    events = run("Thousands marched through Belgrade on Saturday against the government, police said. "
                 "Demonstrations have been held every week since November. " + text, published=date(2025, 6, 30))
    news = [e for e in events if e.status == "reported"]
    assert [(e.sub_event_type, len(e.evidence)) for e in news] == [("Peaceful protest", 1)]


def test_a_figure_in_a_sentence_dated_long_ago_is_no_toll_of_the_news(run):
    event = run("Gunmen killed two farmers near Bokkos on Sunday, police said. Plateau has been gripped by "
                "communal violence since January last year, in which more than 300 people have lost their lives.",
                published=date(2025, 4, 15))[0]
    assert (event.fatalities.best, event.fatalities.high) == (2, 2)


def test_a_worst_toll_since_is_still_the_news(run):
    event = run("Gunmen attacked a village near Bokkos on Sunday, police said. The toll rose to 52, the highest "
                "since 2018.", published=date(2025, 4, 15))[0]
    assert event.fatalities.best == 52


def test_an_arrest_demanded_or_denied_is_no_intervention(run):
    for text in ("Hundreds of women staged a sit-in in Imphal on Tuesday demanding the arrest of the killers.",
                 "Thousands marched in Tbilisi on Monday. Police said no one had been detained."):
        event = run(text, published=date(2025, 5, 27))[0]
        assert event.sub_event_type == "Peaceful protest", text


def test_an_exchange_of_fire_is_a_clash(run):
    events = run("Troops and militants traded gunfire near Kidal on Friday. It was the second exchange of fire "
                 "there this week.", published=date(2025, 5, 31))
    assert any(m.sub_event_type == "Armed clash" for m in events)


def test_what_happened_a_day_before_the_news_is_another_event(run):
    events = run("At least six people were killed in clashes between rival militias in Zawiya on Saturday, a day "
                 "after a militia leader was shot dead at a checkpoint, medics said.", published=date(2025, 9, 21))
    news = sorted((str(e.event_date), e.sub_event_type, e.fatalities.best) for e in events if e.status == "reported")
    assert news == [("2025-09-19", "Attack", 1), ("2025-09-20", "Armed clash", 6)]  # the shooting: its own day


def test_a_headline_figure_the_body_gives_to_another_event_is_not_the_leads(run):
    text = ("Rebels abduct aid workers in Ituri; army says 8 militiamen killed\n\n"
            "BUNIA, Congo (Reuters) - Rebels abducted three aid workers near Bunia on Tuesday, local officials said. "
            "On Wednesday, soldiers killed 8 militiamen in a raid on a rebel camp near Djugu, the army said.")
    events = {e.sub_event_type: e for e in run(text, published=date(2025, 3, 7)) if e.status == "reported"}
    assert events["Abduction/forced disappearance"].fatalities.best is None


@pytest.mark.parametrize("text", [
    "Clashes between the army and Fano militiamen killed at least 12 people in Lalibela on Monday, a local "
    "official said, and an aid convoy came under fire near the town a day later, killing one driver.",
    "Soldiers and Fano militiamen clashed in Lalibela on Monday, killing 12 people, a local official said.\n\n"
    "On Tuesday, an aid convoy was fired on near the town. One of its drivers was killed.",
])
def test_an_act_of_the_next_day_on_someone_new_is_another_event(run, text):
    events = run(text, published=date(2025, 3, 5))
    assert sorted((str(e.event_date), e.fatalities.best) for e in events) == [("2025-03-03", 12), ("2025-03-04", 1)]


def test_a_tally_since_a_time_is_no_record_s_toll(run):
    events = run("An Israeli drone strike on a car in Yater killed one person on Tuesday, the health ministry said. "
                 "Israeli strikes in Lebanon have killed more than 270 people since the ceasefire took effect.",
                 published=date(2025, 9, 17))
    reported = [e for e in events if e.status == "reported"]
    assert [e.fatalities.best for e in reported if e.fatalities.best is not None] == [1]
    assert all((e.fatalities.high or 0) < 270 for e in reported)


def test_a_paragraph_opening_on_a_day_dates_the_fight_it_goes_on_to_tell(run):
    events = run("Gunmen raided the village of Gidan Zaki in Sokoto state late on Saturday, killing nine farmers, "
                 "police said.\n\nOn Sunday, local hunters followed the gunmen into the Gundumi forest. Their leader "
                 "said his men killed four bandits in a gunfight that lasted two hours.",
                 published=date(2024, 3, 12))
    assert sorted((str(e.event_date), e.event_type, e.fatalities.best) for e in events) == [
        ("2024-03-09", "Violence against civilians", 9), ("2024-03-10", "Battles", 4)]


def test_people_marched_into_the_forest_are_no_protest(run):
    events = run("Gunmen stormed a village in Zamfara state on Sunday and abducted about 40 people, who were marched "
                 "into the forest, residents said.", published=date(2024, 3, 12))
    assert [e.event_type for e in events] == ["Violence against civilians"]


def test_a_killing_the_day_after_a_clash_is_its_own_record(run):
    events = run("Some of the heaviest fighting took place on Saturday around Campo Dos, where ELN fighters clashed "
                 "for hours with FARC dissidents. The army said on Sunday that troops had recovered eight bodies of "
                 "fighters in the area.\n\nOn Sunday, gunmen killed a former FARC fighter at his farm in El Tarra, "
                 "the Comunes party said.", published=date(2025, 1, 21))
    assert sorted((str(e.event_date), e.event_type, e.fatalities.best) for e in events if e.status == "reported") == [
        ("2025-01-18", "Battles", 8), ("2025-01-19", "Violence against civilians", 1)]


def test_a_group_claiming_the_attack_a_day_later_does_not_redate_it(run):
    events = run("Jihadist fighters attacked an army post in the village of Nassoumbou on Tuesday, killing at least "
                 "26 soldiers, security sources said.\n\nThe Group for the Support of Islam and Muslims (JNIM) claimed "
                 "the attack on Wednesday, saying its fighters had killed more than 100 soldiers.",
                 published=date(2024, 7, 18))
    reported = [e for e in events if e.status == "reported"]
    assert [str(e.event_date) for e in reported] == ["2024-07-16"]
    assert "Jama'at Nusrat al-Islam wal-Muslimin (JNIM)" in [a.name for a in reported[0].actors if a.role == "attacker"]


def test_the_fighting_told_after_a_clash_is_that_clash(run):
    events = run("Al Shabaab fighters fired mortars at Mogadishu airport on Tuesday, killing a woman, police said.\n\n"
                 "On Thursday, army troops launched an attack on al Shabaab positions near Sabiid village in Afgooye "
                 "district, the defence ministry said.\n\nA clan elder said he had seen eight bodies of al Shabaab "
                 "fighters after the fighting, which lasted several hours.", published=date(2025, 3, 21))
    assert sorted((str(e.event_date), e.fatalities.best) for e in events if e.status == "reported") == [
        ("2025-03-18", 1), ("2025-03-20", 8)]


def test_a_figure_told_without_an_act_counts_for_the_record_just_before(run):
    events = run("Gunmen killed three villagers in Gidan Zaki on Monday, police said.\n\nOn Wednesday, troops clashed "
                 "with the gunmen near the Gundumi forest. The army said troops recovered five bodies of bandits.",
                 published=date(2024, 3, 14))
    assert sorted((str(e.event_date), e.fatalities.best) for e in events if e.status == "reported") == [
        ("2024-03-11", 3), ("2024-03-13", 5)]


def test_deaths_told_apart_join_the_fight_not_a_protest_elsewhere(run):
    events = run("Two militants killed in encounter; villagers protest\n\nTwo militants were killed in a gunfight with "
                 "security forces in Kulgam district, police said. A day later, residents of a nearby village staged a "
                 "protest.\n\nFiring stopped after nightfall and resumed at dawn on Wednesday, when the two militants "
                 "were killed, the spokesperson said.", published=date(2024, 8, 9))
    fights = [e for e in events if e.event_type == "Battles"]
    protests = [e for e in events if e.event_type == "Protests"]
    assert [e.fatalities.best for e in fights] == [2] and [e.fatalities.best for e in protests] == [None]


def test_deaths_in_the_next_paragraph_are_the_strike_s_not_after_a_clash(run):
    events = run("Military jets bombed the village of Kyauk Ni Maw in Rakhine state on Monday afternoon, a rescue group "
                 "said.\n\nA rescuer said 19 people had died, including seven children.", published=date(2024, 3, 20))
    assert [(e.event_type, e.fatalities.best) for e in events] == [("Explosions/Remote violence", 19)]
    events = run("Suspected ADF rebels killed at least 14 civilians in a night attack on a village in Beni territory "
                 "on Sunday. Troops killed two ADF fighters in clashes near the village on Monday.\n\nCivil society "
                 "said 21 people were killed.", published=date(2024, 11, 13))
    assert sorted((e.event_type, e.fatalities.best) for e in events) == [
        ("Battles", 2), ("Violence against civilians", 14)]
    assert "Military Forces of Democratic Republic of Congo" in [a.name for e in events for a in e.actors]


def test_shelling_that_continued_on_another_day_is_that_day_s_event(run):
    events = run("Shelling by the Rapid Support Forces struck the Zamzam camp in North Darfur on Monday, killing at "
                 "least eight people, MSF said.\n\nThe shelling continued on Tuesday, when shells hit El Fasher's main "
                 "market. The health ministry said five people were killed.", published=date(2024, 12, 4))
    assert sorted((str(e.event_date), e.fatalities.best) for e in events if e.status == "reported") == [
        ("2024-12-02", 8), ("2024-12-03", 5)]


def test_what_a_push_or_a_plot_aims_at_is_not_told_as_done(nlp):
    from eventwire.mentions import find_mentions
    found = find_mentions(nlp("The RSF shelled the camp, as it stepped up its push to seize the city of El Fasher."))
    assert [(m.trigger.span.text, m.modality) for m in found] == [("shelled", "asserted"), ("seize", "irrealis")]
    assert [m.modality for m in find_mentions(nlp("Police foiled a plot to bomb a church."))] == ["irrealis"]


def test_a_student_protest_that_burns_a_police_station_is_a_riot_in_its_city(run):
    events = run("Two killed as student protest turns violent; police station torched\n\nTwo people were killed in "
                 "Barishal city on Tuesday as a student protest turned violent, with protesters setting fire to a "
                 "police station.\n\nClashes broke out when police tried to stop the marchers. Police fired tear gas "
                 "shells and rubber bullets.\n\nIn Dhaka, hundreds of students marched peacefully to Shahbagh on "
                 "Tuesday.", published=date(2025, 8, 20))
    assert sorted((e.event_type, e.sub_event_type, e.location.name) for e in events) == [
        ("Protests", "Peaceful protest", "Dhaka"), ("Riots", "Violent demonstration", "Barishal")]


def test_a_date_on_the_event_noun_dates_it_whatever_verb_holds_it(run):
    events = run("Gang gunmen killed at least 17 people in Liancourt before dawn on Monday, officials said.\n\nThe "
                 "Gran Grif gang was blamed for the October 2024 attack on Pont-Sonde, in which at least 115 people "
                 "were killed.", published=date(2025, 6, 11))
    reported = [e for e in events if e.status == "reported"]
    assert [(e.fatalities.best, e.fatalities.high) for e in reported] == [(17, 17)]


def test_an_event_that_month_is_of_the_month_told_before(run):
    text = ("A drone strike killed 12 people at a market in Bahir Dar on Sunday, residents said.\n\n"
            "In August 2023, fighting broke out between Fano militia and the army. That month, a drone "
            "strike on a bus station in Gondar killed 26 people, according to the United Nations.")
    events = run(text, published=date(2024, 9, 10))
    assert [(e.location.name, str(e.event_date)) for e in events if e.status == "reported"] == [
        ("Bahir Dar", "2024-09-08")]
    assert any(e.status == "background" and e.fatalities.best == 26 for e in events)


def test_bodies_found_are_an_attack_where_found_and_the_finders_did_not_do_it(run):
    text = ("Gunmen ambushed a police patrol near Culiacan on Monday, killing four officers, officials said.\n\n"
            "Separately, the bodies of six men were found on Tuesday in Navolato, local media reported.")
    reported = [e for e in run(text, published=date(2024, 3, 14)) if e.status == "reported"]
    found = [e for e in reported if e.fatalities.best == 6]
    assert len(reported) == 2 and len(found) == 1
    assert (found[0].event_type, found[0].sub_event_type, str(found[0].event_date)) == (
        "Violence against civilians", "Attack", "2024-03-12")
    assert [a.role for a in found[0].actors] == ["victim"]
    strike = run("Rescuers discovered the bodies of three children in a house in Kherson on Friday.",
                 published=date(2024, 3, 14))
    assert all(a.role != "attacker" for e in strike for a in e.actors)


def test_another_kind_of_act_on_another_day_is_another_record_and_a_claimed_attack_has_its_claimant(run):
    text = ("Gunmen stormed a hotel in Kismayo on Tuesday night, killing eight guests, officials said, "
            "in an attack claimed by al Shabaab.\n\n"
            "On Monday, mortar rounds landed near the port of Kismayo, wounding two dockworkers, residents said.")
    reported = [e for e in run(text, published=date(2024, 4, 4)) if e.status == "reported"]
    assert sorted((str(e.event_date), e.sub_event_type) for e in reported) == [
        ("2024-04-01", "Shelling/artillery/missile attack"), ("2024-04-02", "Attack")]
    hotel = next(e for e in reported if e.sub_event_type == "Attack")
    assert ("Al Shabaab", "attacker") in {(a.name, a.role) for a in hotel.actors}


def test_a_stretch_of_violence_and_a_month_gone_beside_the_days_news_are_context(run):
    text = ("Security forces clashed with tribal fighters near Daraa on Monday, killing nine, a monitor said.\n\n"
            "The province was shaken in May by two weeks of fighting between clans that killed more than 300 "
            "people. Earlier, in April, an air strike on a market in the town killed seven people.")
    events = run(text, published=date(2025, 6, 4))
    assert [(e.status, e.fatalities.best) for e in events if e.status == "reported"] == [("reported", 9)]
    assert {e.fatalities.best for e in events if e.status == "background"} >= {300, 7}


def test_a_day_well_before_the_days_news_is_context_and_a_participles_day_is_the_events(run):
    text = ("A drone struck a bus carrying farm workers near Kherson on Tuesday, killing six, officials said.\n\n"
            "Russia began its push on the river islands on May 2 with shelling that killed 40 people.")
    events = run(text, published=date(2025, 5, 21))
    assert [(str(e.event_date), e.fatalities.best) for e in events if e.status == "reported"] == [("2025-05-20", 6)]
    assert [e.fatalities.best for e in events if e.status == "background"] == [40]


def test_youths_setting_fire_to_a_police_post_riot_and_youths_shot_are_civilians(run):
    riot = run("Youths blocked roads with burning tyres and torched a police post in Beira on Monday, residents said.",
               published=date(2024, 11, 6))
    assert [(e.event_type, e.sub_event_type) for e in riot] == [("Riots", "Violent demonstration")]
    assert ("Rioters (Mozambique)", "attacker") in {(a.name, a.role) for a in riot[0].actors}
    shot = run("Police shot dead three youths in Beira on Monday, residents said.", published=date(2024, 11, 6))
    assert ("Civilians (Mozambique)", "victim") in {(a.name, a.role) for e in shot for a in e.actors}


def test_undated_acts_after_an_old_date_in_its_paragraph_are_of_that_time(run):
    text = ("Clashes between the army and Druze fighters killed 12 people in Sweida on Tuesday, a monitor said.\n\n"
            "The province was hit in July by fighting that killed hundreds of people. Jordan, which says it "
            "guards its border, struck smugglers' trucks and a depot in Daraa during those weeks.")
    events = run(text, published=date(2025, 8, 27))
    assert [(e.sub_event_type, e.fatalities.best) for e in events if e.status == "reported"] == [("Armed clash", 12)]


def test_deaths_told_on_a_day_join_that_days_record(run):
    text = ("Rebels seized the town of Kalehe on Tuesday after two days of fighting with the army, residents said.\n\n"
            "The fighting began on Monday when rebels attacked army positions near the town. A militia leader "
            "said nine of his fighters were killed on Monday.")
    events = [e for e in run(text, published=date(2025, 3, 5)) if e.status == "reported"]
    assert sorted((str(e.event_date), e.fatalities.best) for e in events) == [("2025-03-03", 9), ("2025-03-04", None)]


def test_a_live_pages_separate_incident_is_its_own_record_and_opened_fire_is_news(run):
    text = ("09:10 — Inmates fought with rifles in Pavilion 5 of the Litoral prison in Guayaquil, the prisons agency said.\n\n"
            "15:40 — Separate incident: gunmen on a motorcycle opened fire on a bakery in Machala, killing two "
            "people, police said.")
    reported = [e for e in run(text, published=date(2025, 3, 11)) if e.status == "reported"]
    assert len(reported) == 2
    assert [e.fatalities.best for e in reported if e.location.name == "Machala"] == [2]
    misparsed = run("Gunmen on a motorcycle opened fire on a small shop in Duran, killing three people.",
                    published=date(2025, 3, 11))  # the parser makes "opened" an adjective of "fire"
    assert [(e.status, e.fatalities.best) for e in misparsed] == [("reported", 3)]


def test_undated_news_takes_the_day_of_a_recent_lead(run):
    text = ("Police fired on marchers in Beira on Thursday, killing two, a rights group said.\n\n"
            "In the northern city of Nampula, youths set fire to a police station, residents said.")
    events = [e for e in run(text, published=date(2024, 11, 8)) if e.status == "reported"]
    assert sorted(str(e.event_date) for e in events) == ["2024-11-07", "2024-11-07"]
    alone = run("In Nampula, youths set fire to a police station, residents said.", published=date(2024, 11, 8))
    assert [str(e.event_date) for e in alone] == ["2024-11-08"]  # no lead day: the publication day


def test_an_attack_made_with_drones_is_a_drone_strike(run):
    drones = run("Dissidents attacked an army base in Suarez with explosive-laden drones on Monday, wounding "
                 "three soldiers, the army said.", published=date(2025, 4, 22))
    assert [(e.event_type, e.sub_event_type) for e in drones] == [("Explosions/Remote violence", "Air/drone strike")]
    rifles = run("Dissidents attacked an army base in Suarez with rifles on Monday, wounding three soldiers.",
                 published=date(2025, 4, 22))
    assert [e.event_type for e in rifles] == ["Battles"]


def test_an_act_the_report_sets_on_the_next_day_is_a_record_of_its_own(run):
    text = ("Gunmen attacked a village in Borno on Saturday, killing five farmers. "
            "The next day, they attacked a military post in Konduga, killing two soldiers.")
    events = sorted((str(e.event_date), e.fatalities.best) for e in run(text, published=date(2024, 9, 10))
                    if e.status == "reported")
    assert events == [("2024-09-07", 5), ("2024-09-08", 2)]


def test_an_act_some_days_before_the_news_is_dated_by_them_and_reported_when_recent(run):
    text = ("Security forces killed 12 militants in an operation in North Waziristan on Sunday, the military's "
            "media wing said in a statement, two days after insurgents attacked a checkpoint in the area, "
            "killing four soldiers.")
    events = sorted((str(e.event_date), e.status, e.fatalities.best) for e in run(text, published=date(2024, 9, 11)))
    assert events == [("2024-09-06", "reported", 4), ("2024-09-08", "reported", 12)]
    older = ("A bomb exploded at a market in Kirkuk on Monday, killing three people, police said. The blast came "
             "two weeks after a suicide attack on a mosque in the city killed 20 worshippers.")
    events = sorted((str(e.event_date), e.status, e.fatalities.best) for e in run(older, published=date(2024, 9, 11)))
    assert events == [("2024-08-26", "background", 20), ("2024-09-09", "reported", 3)]


def test_civilians_who_hold_a_protest_are_its_protesters_and_the_death_protested_is_no_toll(run):
    text = ("Police in Dhaka fired rubber bullets and tear gas at thousands of students protesting job quotas "
            "on Thursday, leaving at least 25 people dead, according to a tally by AFP.")
    event = run(text, published=date(2024, 7, 20))[0]
    assert (event.sub_event_type, event.fatalities.best) == ("Excessive force against protesters", 25)
    assert [(a.name, a.inter) for a in event.actors if a.role == "attacker"] == [("Protesters (Bangladesh)", 6)]
    reason = run("Hundreds of residents blocked a highway in Kisumu on Monday to protest the killing of a rider.",
                 published=date(2024, 7, 20))[0]
    assert (reason.event_type, reason.fatalities.best) == ("Protests", None)
    assert [a.name for a in reason.actors] == ["Protesters (Kenya)"]


def test_an_armed_group_turning_on_civilians_after_fighting_soldiers_is_another_record(reported):
    text = ("Jihadists killed at least 15 soldiers in an attack on an army post in Sebba on Sunday, security sources "
            "said. After overrunning the post, the jihadists moved into the town, where they set fire to shops in "
            "the market and shot at residents, according to locals.")
    assert reported(text, date(2025, 3, 11), lambda e: (e.event_type, e.fatalities.best)) == [
        ("Battles", 15), ("Violence against civilians", None)]


def test_a_ship_fired_on_by_the_group_struck_is_not_the_strike_on_it(reported):
    text = ("U.S. and British forces carried out airstrikes on Houthi targets in Hodeidah province on Thursday, killing "
            "at least six people, according to Houthi-run media, hours after the Iran-aligned group said it had "
            "fired missiles at a merchant ship in the Red Sea.")
    attackers = reported(text, date(2024, 6, 14), lambda e: (e.sub_event_type, [a.name for a in e.actors
                                                                                 if a.role == "attacker"]))
    assert len(attackers) == 2
    assert all("Iran-aligned group" not in names for kind, names in attackers if kind == "Air/drone strike")


def test_state_forces_killing_militants_beside_a_massacre_of_civilians_is_their_operation(reported):
    text = ("Nine passengers were shot dead after armed men offloaded them from two coaches in Kalat district on "
            "Thursday night, officials said, while the military said on Friday that security forces had killed 12 "
            "terrorists involved in the attack.")
    assert reported(text, date(2025, 9, 20), lambda e: (e.event_type, e.fatalities.best)) == [
        ("Battles", 12), ("Violence against civilians", 9)]


def test_a_casualty_participle_cut_short_is_dated_with_its_event(run):
    text = ("A 23-year-old man was shot dead and nine other people injured in Nakuru on Tuesday as police battled "
            "protesters who barricaded roads.")
    assert {str(e.event_date) for e in run(text, published=date(2025, 8, 13))} == {"2025-08-12"}


def test_places_named_inside_another_acts_phrase_are_that_acts(run):
    text = ("A man was shot dead in Nakuru on Tuesday as police battled protesters who barricaded roads, while a "
            "parallel march in Nairobi ended without incident.\n\n"
            "In Nakuru, hundreds of youths took to the streets, lighting bonfires on the highway and hurling stones "
            "at police.")
    places = {(e.event_type, e.location.name) for e in run(text, published=date(2025, 8, 13)) if e.status == "reported"}
    assert ("Riots", "Nakuru") in places  # the stones thrown in Nakuru are not the Nairobi march's
    assert [e.sub_event_type for e in run(text, published=date(2025, 8, 13))
            if e.location.name == "Nairobi"] == ["Peaceful protest"]


def test_a_bulletins_week_counts_back_from_its_latest_news_not_its_publication(run):
    text = ("In the early hours of Monday 4 August, a convoy escorted by the army was ambushed on the RN16 east of "
            "Boni. The army reported six soldiers killed.\n\n"
            "On the evening of Saturday 9 August, a minibus struck a landmine near Bandiagara, killing seven people.")
    events = sorted((str(e.event_date), e.status) for e in run(text, published=date(2025, 8, 12)))
    assert events == [("2025-08-04", "reported"), ("2025-08-09", "reported")]


def test_a_clause_on_the_trigger_itself_dates_it(reported):
    text = ("ISWAP terrorists attacked a military base in Dikwa at about 11:15 p.m. on Saturday, the army said.\n\n"
            "In a separate statement, the air force said: \"The air interdiction mission conducted on Sunday morning "
            "neutralised more than 20 of the fleeing terrorists.\"")
    assert reported(text, date(2025, 4, 14), lambda e: (str(e.event_date), e.sub_event_type)) == [
        ("2025-04-12", "Armed clash"), ("2025-04-13", "Air/drone strike")]


def test_meanwhile_before_a_new_act_told_outright_opens_another_record(reported):
    text = ("KARAK: Militants stormed a police checkpost in the Latamber area of the district late on Wednesday, "
            "killing three policemen, police said.\n\n"
            "Meanwhile, two soldiers were killed when an improvised explosive device went off near their vehicle in the "
            "Mir Ali area of North Waziristan on Wednesday, the military said.")
    assert reported(text, date(2025, 9, 18), lambda e: (e.sub_event_type, e.fatalities.best)) == [
        ("Armed clash", 3), ("Remote explosive/landmine/IED", 2)]
    same = ("A suicide bomber struck a market in Bannu on Wednesday, killing six people, police said.\n\n"
            "Meanwhile, rescuers pulled two more bodies from the rubble, raising the toll to eight.")
    assert reported(same, date(2025, 9, 18), lambda e: e.fatalities.best) == [8]  # no new act: the same record


def test_a_re_mention_in_a_paragraph_set_apart_is_of_that_paragraphs_record(reported):
    text = ("Russian guided bombs struck Kharkiv on Wednesday afternoon, killing two people, regional authorities "
            "said. Doctors fought for the life of a wounded woman through the night.\n\n"
            "Meanwhile, Ukrainian forces repelled 41 Russian assaults in the Pokrovsk sector of Donetsk Oblast on "
            "Wednesday, the General Staff said. The fighting took place near the villages of Kotlyne and Udachne.")
    assert reported(text, date(2025, 10, 16), lambda e: (e.event_type, e.location.name)) == [
        ("Battles", "Udachne"), ("Explosions/Remote violence", "Kharkiv")]


def test_a_lead_summing_two_kinds_of_act_does_not_make_them_one_record(reported):
    text = ("A drone strike on a displacement camp and artillery shelling of a market in Sudan's city of Kadugli "
            "killed at least 15 people, a medical group said on Tuesday.\n\n"
            "The group said a drone struck shelters in the camp late on Sunday, killing nine people. Artillery "
            "shells then hit the Kalakla market in the city on Monday morning, killing six people, the group said.")
    assert reported(text, date(2025, 7, 8), lambda e: (str(e.event_date), e.sub_event_type, e.location.name,
                                                       e.fatalities.best)) == [
        ("2025-07-06", "Air/drone strike", "Kadugli", 9),
        ("2025-07-07", "Shelling/artillery/missile attack", "Kadugli", 6)]


def test_a_kind_of_weapon_named_with_an_act_word_is_no_act(nlp):
    from eventwire.triggers import all_triggers
    sent = next(nlp("Russia launched two ballistic missiles and 118 attack drones at Ukraine overnight.").sents)
    assert "attack" not in [t.span.text for t in all_triggers(sent)]


def test_acts_told_over_weeks_since_a_day_are_a_tally_not_news(run):
    text = ("U.S. forces struck a Houthi compound in Hodeidah late on Tuesday, killing six people, the Houthis said. "
            "Central Command said its forces had struck hundreds of targets since March 15.")
    assert [(e.status, str(e.event_date)) for e in run(text, published=date(2025, 4, 23))
            if e.status == "reported"] == [("reported", "2025-04-22")]


def test_a_lead_naming_two_provinces_does_not_join_their_strikes(reported):
    text = ("Suspected U.S. airstrikes overnight killed at least five people in the port city of Hodeidah and in "
            "Saada, the Houthis said Wednesday.\n\n"
            "The strikes in Hodeidah hit late Tuesday in the city's al-Hawak district, the Houthi-run Health Ministry "
            "said, killing three people.\n\n"
            "In Saada province, Al-Masirah said a strike shortly after 2 a.m. Wednesday hit a house, killing two "
            "people.")
    assert reported(text, date(2025, 4, 23), lambda e: (str(e.event_date), e.location.admin1, e.fatalities.best)) == [
        ("2025-04-22", "Al Ḩudaydah", 3), ("2025-04-23", "Şāʻdah", 2)]


def test_a_toll_the_source_raised_is_a_rival_whole_to_its_lead_figure(reported):
    text = ("Suspected U.S. airstrikes on Hajjah overnight killed at least nine people, the Houthis said Wednesday.\n\n"
            "The strikes hit late Tuesday in the city's market, according to Al-Masirah. The Houthi-run Health "
            "Ministry initially said five people were killed. On Wednesday afternoon, it raised the death toll to "
            "seven, saying two of the wounded had died in the hospital.")
    assert reported(text, date(2025, 4, 23), lambda e: e.fatalities.best) == [7]


def test_a_date_before_a_postposed_speaker_dates_the_reported_act(run):
    text = ("Insurgents beheaded at least four civilians and set fire to dozens of houses in the village of "
            "Litamanda, in Mozambique's Cabo Delgado province, on Saturday night, local sources told Lusa.")
    assert [str(e.event_date) for e in run(text, published=date(2025, 6, 3))] == ["2025-05-31"]


def test_a_fight_with_troops_told_after_an_attack_on_villagers_is_its_own_record(reported):
    text = ("Insurgents beheaded four civilians in the village of Litamanda in Cabo Delgado on Saturday night, "
            "local sources said.\n\n"
            "On Sunday, Rwandan forces clashed with a group of insurgents in the forest near the village, local "
            "sources said.\n\n"
            "The Cabo Ligado observatory said in an update published on Monday that at least two insurgents died in "
            "the confrontation with Rwandan troops, who suffered no casualties.")
    assert reported(text, date(2025, 6, 3), lambda e: (str(e.event_date), e.event_type, e.fatalities.best)) == [
        ("2025-05-31", "Violence against civilians", 4), ("2025-06-01", "Battles", 2)]


def test_a_re_mention_by_kind_and_a_weekly_tally(reported):
    text = ("Two SDF fighters were killed on Monday evening when a Turkish drone targeted their vehicle near "
            "Qamishli, the SDF said on Tuesday.\n\n"
            "On Tuesday morning, Turkish-backed factions shelled the town of Sarrin, killing a woman and her son, "
            "according to the SDF. SOHR said a woman was killed and her son was seriously wounded in the shelling "
            "on Sarrin.\n\n"
            "The Turkish Defense Ministry said Turkish forces had neutralized 19 terrorists in northern Syria and "
            "Iraq over the past week.")
    assert reported(text, date(2025, 1, 28), lambda e: (e.sub_event_type, e.fatalities.best)) == [
        ("Air/drone strike", 2), ("Shelling/artillery/missile attack", 1)]


def test_a_division_named_other_than_as_where_is_a_military_unit(run):
    text = ("Turkish-backed factions, among them the Sultan Suleiman Shah Division and the Hamza Division, shelled "
            "villages near Kobani on Tuesday, killing a woman, the SDF said.")
    assert [e.location.admin1 for e in run(text, published=date(2025, 1, 28))] != ["Al Qādisīyah"]
    assert "Hamza" not in (run(text, published=date(2025, 1, 28))[0].location.name or "")


def test_an_act_told_again_in_its_own_words_in_a_new_paragraph_is_of_the_record_that_told_it(reported):
    text = ("An Israeli drone strike killed two Palestinian gunmen in the West Bank town of Qabatiya late Tuesday, "
            "the military said.\n\n"
            "Separately, on Tuesday evening, dozens of Israeli settlers attacked the Palestinian village of "
            "al-Mughayyir, setting fire to five cars, according to Wafa. Three Palestinians were lightly injured by "
            "stones, Wafa said.\n\n"
            "The IDF said troops were sent to the village after reports that Israeli civilians were setting fire to "
            "property.")
    records = reported(text, date(2025, 8, 20), lambda e: (e.sub_event_type, sorted(
        f"{a.name}:{a.role}" for a in e.actors)))
    assert records[1][0] == "Attack" and "Settlers (Israel):attacker" in records[1][1]
    assert not any(a.endswith(":attacker") and a.startswith("Civilians") for _, actors in records for a in actors)


def test_a_drone_or_missile_that_killed_is_a_strike_of_its_own_kind(reported):
    text = ("A Turkish drone killed two SDF fighters near Qamishli on Monday evening, the SDF said on Tuesday.\n\n"
            "On Tuesday morning, Turkish-backed factions shelled the town of Sarrin, killing a woman, according to "
            "the SDF.")
    assert reported(text, date(2025, 1, 28), lambda e: (str(e.event_date), e.sub_event_type, e.fatalities.best)) == [
        ("2025-01-27", "Air/drone strike", 2), ("2025-01-28", "Shelling/artillery/missile attack", 1)]


def test_a_days_tally_of_counted_places_is_no_event_but_named_villages_are(run):
    tally = ("Russian drones hit a bakery in Nikopol on Monday, wounding two workers, the regional governor said.\n\n"
             "Over the past 24 hours, Russian forces struck 17 towns and villages in the Dnipropetrovsk region "
             "with drones and artillery, killing one person, he said.")
    events = run(tally, published=date(2025, 7, 15))
    assert [(e.location.name, e.fatalities.best) for e in events if e.status == "reported"] == [("Nikopol", None)]
    named = "Over the past day, Ukrainian troops repelled 12 Russian assaults near the village of Kurakhove, the army said."
    assert [e.status for e in run(named, published=date(2024, 10, 3))] == ["reported"]


def test_last_week_beside_the_days_news_is_another_event(run):
    text = ("Gunmen killed nine villagers in Kidal region on Monday, a local official said on Tuesday.\n\n"
            "Last week, soldiers shot dead two herders near the town, residents said.")
    events = run(text, published=date(2024, 3, 12))
    assert [(str(e.event_date), e.fatalities.best) for e in events if e.status == "reported"] == [("2024-03-11", 9)]


def test_a_day_counted_after_an_act_dates_what_follows_after_not_the_act(run):
    text = ("Militants stormed two police posts in Lakki Marwat on Friday, killing three constables, police said.\n\n"
            "The attacks come a week after Gul Bahadur, a commander of the group, defected to the army along with "
            "some of his fighters.")
    events = run(text, published=date(2024, 11, 16))
    assert [(str(e.event_date), e.fatalities.best) for e in events if e.status == "reported"] == [("2024-11-15", 3)]


def test_what_a_group_said_in_the_past_is_not_the_news(run):
    text = "The army has in the past denied shelling villages, saying its troops were fighting \"armed bandits\" in the hills."
    assert {e.status for e in run(text, published=date(2024, 6, 2))} <= {"background"}


def test_a_sentence_glossing_a_word_tells_no_event(run):
    text = ("Officials routinely employ the term \"eliminated\" to suggest the militants were killed, wounded or "
            "taken prisoner.")
    assert run(text, published=date(2024, 6, 2)) == []


def test_the_toll_of_a_whole_war_is_background_whatever_the_tense(run):
    text = ("Drones struck a fuel depot in Port Sudan on Sunday, the army said.\n\n"
            "Tens of thousands of people were killed in Sudan during the war, and thousands more died in Chad. "
            "In its decades-long insurgency, the group has been responsible for the deaths of 30,000 people.")
    events = run(text, published=date(2025, 5, 5))
    assert [e.fatalities.best for e in events if e.status == "reported"] == [None]


def test_the_dead_fell_to_those_who_fought_in_the_clause_told_with_them(run):
    foiled = "Three militants were killed as troops foiled an infiltration bid in Poonch on Sunday, officials said."
    assert sorted(f"{a.name}:{a.role}" for a in run(foiled, published=date(2025, 6, 10))[0].actors) == [
        "Military Forces of India:attacker", "Unidentified Armed Group (India):victim"]
    mine = "Two soldiers were killed when their vehicle hit a landmine in Poonch on Sunday, officials said."
    assert not any(a.role == "attacker" for a in run(mine, published=date(2025, 6, 10))[0].actors)


def test_later_the_same_day_an_act_of_another_kind_is_its_own_record(reported):
    text = ("Fighting broke out between the army and rebels in the town of Goma on Tuesday, residents said. Gunfire "
            "was heard until the evening.\n\n"
            "Later on Tuesday, a drone struck a car near the town's main market, killing three men, witnesses said.")
    assert reported(text, date(2024, 2, 14), lambda e: (e.sub_event_type, e.location.name, e.fatalities.best)) == [
        ("Air/drone strike", "Goma", 3), ("Armed clash", "Goma", None)]


def test_a_series_of_attacks_a_group_has_carried_out_is_its_record(run):
    text = ("Boko Haram has carried out a series of bomb attacks in Borno's markets and mosques, targeting "
            "traders and worshippers.")
    assert {e.status for e in run(text, published=date(2024, 6, 2))} <= {"background"}


def test_an_act_on_soldiers_the_day_after_a_massacre_of_villagers_is_another_event(reported):
    text = ("Gunmen stormed the village of Kiwanja on Saturday, opening fire on residents and killing nine, a local "
            "official said.\n\n"
            "On Sunday, an army convoy sent to the area came under fire near Kiwanja, a military source said.")
    assert reported(text, date(2024, 2, 13), lambda e: (str(e.event_date), e.event_type)) == [
        ("2024-02-10", "Violence against civilians"), ("2024-02-11", "Battles")]


def test_a_raid_whose_attackers_fell_to_armed_defenders_is_a_fight(run):
    text = ("Gunmen attacked a cattle camp near Pibor on Sunday. Five herders were killed, and three of the attackers "
            "were killed when local youth repulsed them, an official said.")
    assert [(e.event_type, e.fatalities.best) for e in run(text, published=date(2025, 2, 18))] == [("Battles", 8)]


def test_a_raid_attributed_to_a_group_is_its_and_what_it_did_over_a_decade_is_background(run):
    text = ("At least nine people were killed on Sunday night in an attack attributed to Allied Democratic Forces (ADF) "
            "rebels in the village of Kalunguta, in Beni territory, a local official said.\n\n"
            "The group has killed thousands of civilians in eastern Congo over the past decade, according to the "
            "United Nations.")
    events = run(text, published=date(2025, 2, 4))
    assert [(e.status, sorted(a.name for a in e.actors if a.role == "attacker")) for e in events] == [
        ("reported", ["Allied Democratic Forces"]), ("background", [])]


def test_a_reported_count_since_a_day_and_what_it_includes_are_a_tally(run):
    text = ("A Turkish drone struck a car near Qamishli on Monday, killing two fighters, the SDF said.\n\n"
            "The monitor said 41 people had been killed in Turkish drone strikes in the region since the beginning "
            "of January, including 12 civilians killed in their homes.")
    reported = [e for e in run(text, published=date(2025, 1, 28)) if e.status == "reported"]
    assert [e.fatalities.best for e in reported] == [2]
    assert not any(a.name.startswith("Civilians") for a in reported[0].actors)


def test_arrests_told_in_the_sentence_of_an_attack_are_part_of_it(run):
    text = ("Insurgents stormed the village of Naquitengue in Mocimboa da Praia district on Saturday, rounded up "
            "residents and beheaded four men, local sources said.")
    assert [e.sub_event_type for e in run(text, published=date(2025, 8, 26))] == ["Attack"]
    fight = "Troops returned fire on Sunday near Culiacan, killing one attacker and detaining two, the ministry said."
    assert [e.event_type for e in run(fight, published=date(2025, 7, 14))] == ["Battles"]

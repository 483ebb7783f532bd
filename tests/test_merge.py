"""Cross-article merging on small records: which pairs merge, and what the merged record keeps."""

import random
from datetime import date

from eventwire.merge import MERGE_POLICY, cluster, combine, merge_events, score
from eventwire.models import Actor, Claim, Count, Event, Evidence, Location

KHASHAM = Location(name="Khushām", mention="Khasham", country_code="SY", admin1="Dayr az Zawr",
                   lat=35.30088, lon=40.28916, geonames_id=167899, geo_precision=2)
DEIR = Location(name="Deir ez-Zor", mention="Deir el-Zour", country_code="SY", admin1="Dayr az Zawr",
                lat=35.33588, lon=40.14084, geonames_id=170794, geo_precision=1)
AFRIN = Location(name="ʿAfrīn", mention="Afrin", country_code="SY", admin1="Aleppo",
                 lat=36.51194, lon=36.86954, geonames_id=174186, geo_precision=1)
COALITION = Actor(name="US-led coalition", mention="the coalition", role="attacker", inter=8)
REGIME = Actor(name="Military Forces of Syria", mention="pro-regime forces", role="target", inter=1)


def report(article, outlet, text, *, day=date(2018, 2, 7), place=KHASHAM, killed=None,
           sub="Air/drone strike", kind="Explosions/Remote violence", actors=(COALITION, REGIME)):
    claims = [Claim(field="fatalities", value=killed, text=f"{killed} killed", outlet=outlet,
                    article_id=article, start=0, end=5)] if killed else []
    return Event(event_id=f"ew-{article}", event_date=day, time_precision=1, event_type=kind,
                 sub_event_type=sub, actors=list(actors), location=place,
                 fatalities=Count(best=killed, low=killed, high=killed, qualifier="exact") if killed else Count(),
                 claims=claims, sources=[outlet], articles=[article],
                 evidence=[Evidence(article_id=article, start=0, end=len(text), text=text)])


reuters = report("a1", "Reuters", "U.S.-led coalition air strikes killed more than 100 pro-regime fighters "
                 "who attacked SDF headquarters near Khasham in Deir ez-Zor province.", killed=100)
ap = report("a2", "AP", "Coalition warplanes struck pro-government forces advancing on an SDF base east of "
            "Deir el-Zour city, killing about 100 fighters, the coalition said.", place=DEIR, killed=100)
tass = report("a3", "TASS", "Coalition aircraft bombed Syrian militia east of the Euphrates near Khusham, "
              "killing 60 volunteers.", day=date(2018, 2, 8), killed=60)
afrin = report("a4", "AFP", "Turkish jets struck Kurdish positions in Afrin, killing 12 fighters.",
               place=AFRIN, killed=12, actors=(Actor(name="Military Forces of Turkey", mention="Turkish jets",
                                                     role="attacker", inter=8),))
week_later = report("a5", "Reuters", "Coalition air strikes hit pro-regime forces near Khasham again.",
                    day=date(2018, 2, 14))


def test_reports_of_one_strike_merge_and_other_events_do_not():
    groups = cluster([reuters, afrin, ap, week_later, tass])
    assert [[e.event_id for e in g] for g in groups] == [["ew-a1", "ew-a2", "ew-a3"],
                                                         ["ew-a4"], ["ew-a5"]]


def test_score_is_symmetric_and_zero_for_non_candidates():
    assert score(reuters, ap) == score(ap, reuters) > 0.6
    assert score(reuters, afrin) == 0.0  # 280 km apart
    assert score(reuters, week_later) == 0.0  # a week apart


def test_two_events_of_one_article_never_merge():
    second = reuters.model_copy(update={"event_id": "ew-a1-second"})
    assert len(cluster([reuters, second])) == 2


def test_merged_event_keeps_everything_and_reconciles_conservatively():
    merged = combine([reuters, ap, tass])
    assert merged.articles == ["a1", "a2", "a3"]
    assert set(merged.sources) == {"Reuters", "AP", "TASS"}
    assert len(merged.claims) == 3 and len(merged.evidence) == 3
    assert (merged.fatalities.best, merged.fatalities.low, merged.fatalities.high) == (60, 60, 100)
    assert merged.event_date == date(2018, 2, 7)  # two of three say the 7th
    assert merged.location.geonames_id == DEIR.geonames_id  # the most precise place
    assert merged.policies["cross_article_merge"] == MERGE_POLICY


def test_merged_id_is_stable_and_independent_of_order():
    events = [reuters, ap, tass]
    first = combine(events)
    for seed in range(5):
        shuffled = events[:]
        random.Random(seed).shuffle(shuffled)
        assert combine(shuffled) == first
    assert first.event_id != combine([reuters, ap]).event_id


def test_merge_events_leaves_singletons_unchanged():
    merged = merge_events([afrin, reuters, ap])
    assert merged[0] == afrin
    assert merged[1].articles == ["a1", "a2"]


def test_a_country_only_place_counts_as_no_place():
    us = Location(name="United States", mention="US", country_code="US", lat=38.9, lon=-77.0, geo_precision=3)
    misplaced = report("a6", "SANA", "The US-led coalition launched air strikes near Khusham.", place=us, killed=100)
    assert score(reuters, misplaced) > 0.6
    assert len(cluster([reuters, misplaced])) == 1


def test_candidates_found_by_the_date_sweep_are_all_the_candidate_pairs():
    from itertools import combinations

    from eventwire.merge.cluster import candidate_pairs
    from eventwire.merge.policy import POLICY

    rng = random.Random(7)
    places = [KHASHAM, DEIR, AFRIN, Location()]
    events = [report(f"x{n}", "Outlet", "Air strikes hit the town.", place=rng.choice(places),
                     day=rng.choice([None, date(2018, 2, 1 + rng.randrange(20))]),
                     kind=rng.choice(["Battles", "Explosions/Remote violence", "Protests"]))
              for n in range(60)]
    found = {(i, j) for i, j, _ in candidate_pairs(events)}
    expected = {(i, j) for i, j in combinations(range(len(events)), 2) if POLICY.candidate(events[i], events[j])}
    assert found == expected and len(found) > 50


def test_merge_command_reads_event_lines_names_bad_ones_and_writes_merged_events(tmp_path):
    from click.testing import CliRunner

    from eventwire.cli import cli

    events = tmp_path / "events.jsonl"
    events.write_text("\n".join(e.model_dump_json() for e in (reuters, afrin, ap)) + "\n{not json\n")
    out = tmp_path / "merged.jsonl"
    result = CliRunner().invoke(cli, ["merge", str(events), "-o", str(out)])
    assert result.exit_code == 1
    assert f"{events}:4: not an event record" in result.output
    merged = [Event.model_validate_json(line) for line in out.read_text().splitlines()]
    assert [e.articles for e in merged] == [["a1", "a2"], ["a4"]]

"""The MUC-3/4 reader: many messages per file, docids, dateline dates, text kept as written."""

from datetime import date

from eventwire.models import Article, InputProblem
from eventwire.readers import read_inputs

TWO_MESSAGES = """DEV-MUC3-0001 (NOSC)

   SAN SALVADOR, 3 JAN 90 -- [REPORT] [ARMED FORCES PRESS COMMITTEE,
COPREFA] [TEXT] THE ARCE BATTALION COMMAND HAS REPORTED THAT ABOUT 50
PEASANTS OF VARIOUS AGES HAVE BEEN KIDNAPPED BY TERRORISTS.

DEV-MUC3-0002 (NOSC)

   SAN SALVADOR, 12 JAN 90 (RADIO VENCEREMOS) -- [TEXT] A BOMB EXPLODED.
"""


def read(tmp_path, text, name="dev-muc3-0001-0002"):
    path = tmp_path / name
    path.write_text(text)
    return list(read_inputs([path], reader="muc4", settings=_settings()))


def _settings():
    from eventwire.settings import Settings

    return Settings()


def test_each_message_is_an_article_named_by_its_docid(tmp_path):
    first, second = read(tmp_path, TWO_MESSAGES)
    assert (first.id, second.id) == ("DEV-MUC3-0001", "DEV-MUC3-0002")
    assert first.published == date(1990, 1, 3)
    assert (second.published, second.outlet) == (date(1990, 1, 12), "RADIO VENCEREMOS")
    assert second.source.endswith("dev-muc3-0001-0002:7")


def test_text_is_kept_as_written_so_offsets_hold(tmp_path):
    first, _ = read(tmp_path, TWO_MESSAGES)
    assert "KIDNAPPED BY TERRORISTS." in first.text
    assert first.text.startswith("   SAN SALVADOR, 3 JAN 90 --")
    assert "DEV-MUC3-0002" not in first.text


def test_a_file_without_id_lines_is_one_problem(tmp_path):
    (problem,) = read(tmp_path, "JUST SOME TEXT\n")
    assert isinstance(problem, InputProblem) and "id line" in problem.reason


def test_an_empty_message_is_a_problem_and_the_rest_is_read(tmp_path):
    items = read(tmp_path, "TST1-MUC3-0001\n\n\nTST1-MUC3-0002\n\n   LIMA, 5 MAY 90 -- [TEXT] X.\n")
    assert isinstance(items[0], InputProblem) and "TST1-MUC3-0001" in items[0].reason
    assert isinstance(items[1], Article) and items[1].published == date(1990, 5, 5)


def test_reads_the_shared_test_sets(shared):
    muc = shared / "eval" / "muc4"
    items = list(read_inputs([muc / "tst1" / "tst1-muc3", muc / "tst2" / "tst2-muc4"], reader="muc4",
                             settings=_settings()))
    assert len(items) == 200 and all(isinstance(i, Article) for i in items)
    assert items[0].id == "TST1-MUC3-0001" and items[-1].id == "TST2-MUC4-0100"
    assert items[0].published == date(1990, 2, 4)

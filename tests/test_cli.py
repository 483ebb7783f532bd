"""The command line as a user meets it: outputs, exit codes, one message per bad input."""

import json
import os
import subprocess
import sys

import pytest

REPORT = (
    "BEIRUT, Feb 8, 2018 (Reuters) - Islamic State militants ambushed an army convoy near Palmyra "
    "on Wednesday, killing at least 12 soldiers, a military source told Reuters.\n"
)


def eventwire(*args, cwd, stdin=None, env_extra=None):
    env = {**os.environ, **(env_extra or {})}
    return subprocess.run([sys.executable, "-m", "eventwire.cli", *args], cwd=cwd, input=stdin,
                          capture_output=True, text=True, env=env, timeout=300)


@pytest.fixture(scope="module")
def workdir(tmp_path_factory, settings):
    folder = tmp_path_factory.mktemp("cli")
    (folder / "report.txt").write_text(REPORT)
    return folder


@pytest.fixture(scope="module")
def env(settings):
    return {"EVENTWIRE_CACHE_DIR": str(settings.cache_dir)}


def test_extract_jsonl_gives_event_records(workdir, env):
    done = eventwire("extract", "report.txt", "--format", "jsonl", cwd=workdir, env_extra=env)
    assert done.returncode == 0, done.stderr
    events = [json.loads(line) for line in done.stdout.splitlines()]
    assert events and events[0]["event_type"] == "Battles"
    assert events[0]["event_date"] == "2018-02-07"  # "on Wednesday" before a Thursday dateline
    assert events[0]["fatalities"]["best"] == 12 and events[0]["fatalities"]["qualifier"] == "at_least"
    assert "Reuters" in events[0]["sources"]


def test_bad_inputs_are_named_and_the_rest_processed(workdir, env):
    (workdir / "empty.txt").write_text("")
    (workdir / "blob.bin").write_bytes(b"\x00\x01\x02garbage\x00" * 50)
    (workdir / "feed.jsonl").write_text(json.dumps({"id": "a", "text": REPORT}) + "\n{not json\n")
    done = eventwire("extract", "report.txt", "missing.txt", "empty.txt", "blob.bin", "feed.jsonl",
                     "--format", "jsonl", cwd=workdir, env_extra=env)
    assert done.returncode == 1
    lines = done.stderr.strip().splitlines()
    for name in ("missing.txt", "empty.txt", "blob.bin", "feed.jsonl:2"):
        assert sum(name in line for line in lines) == 1, done.stderr
    assert "Traceback" not in done.stderr
    assert len({json.loads(line)["articles"][0] for line in done.stdout.splitlines()}) == 2


def test_oversized_article_is_refused_with_the_limit(workdir, env):
    done = eventwire("extract", "report.txt", "--max-chars", "50", cwd=workdir, env_extra=env)
    assert done.returncode == 1 and "--max-chars" in done.stderr


def test_bad_usage_exits_2(workdir, env):
    assert eventwire("extract", "report.txt", "--format", "yaml", cwd=workdir, env_extra=env).returncode == 2
    assert eventwire("extract", cwd=workdir, env_extra=env).returncode == 2
    assert eventwire("extract", "report.txt", "--reader", "pdf", cwd=workdir, env_extra=env).returncode == 2


def test_missing_publication_date_is_told_once(workdir, env):
    (workdir / "a.txt").write_text("Gunmen attacked a checkpoint on Monday.\n")
    (workdir / "b.txt").write_text("Gunmen attacked a market on Tuesday.\n")
    done = eventwire("extract", "a.txt", "b.txt", "--format", "csv", cwd=workdir, env_extra=env)
    assert done.returncode == 0
    assert done.stderr.count("no publication date") == 1
    assert done.stdout.splitlines()[0].startswith("event_id,status,event_date")


def test_table_and_show(workdir, env):
    done = eventwire("extract", "report.txt", "--format", "jsonl", "-o", "events.jsonl", cwd=workdir, env_extra=env)
    assert done.returncode == 0
    shown = eventwire("show", "events.jsonl", cwd=workdir, env_extra=env)
    assert shown.returncode == 0 and "Battles" in shown.stdout


def test_help_has_an_example(workdir):
    assert "Example" in eventwire("extract", "--help", cwd=workdir).stdout

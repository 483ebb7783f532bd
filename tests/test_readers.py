"""read_inputs: each reader on small files, every kind of bad input, encodings, date precedence."""

import io
import sys
from datetime import date

import pytest

from eventwire.errors import UsageError
from eventwire.models import Article, InputProblem
from eventwire.readers import READERS, read_inputs

PAGE = """<!DOCTYPE html>
<html><head><title>Strike kills five in Khusham</title>
<meta property="og:site_name" content="Example News">
<meta property="article:published_time" content="2018-02-09T10:00:00Z">
<link rel="canonical" href="https://example.com/khusham"></head>
<body><article><h1>Strike kills five in Khusham</h1>
<p>BEIRUT, Feb 8, 2018 (Reuters) - An air strike killed five people in the town of
Khusham on Wednesday, officials said, after days of fighting between the groups.</p>
<p>The coalition said it acted in self-defence against pro-government forces.</p>
</article></body></html>"""


def read(paths, settings, **options) -> list:
    return list(read_inputs([str(p) for p in paths], settings=settings, **options))


def articles(items) -> list[Article]:
    return [item for item in items if isinstance(item, Article)]


def problems(items) -> dict[str, str]:
    return {item.source: item.reason for item in items if isinstance(item, InputProblem)}


def write(path, content: str | bytes):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content.encode() if isinstance(content, str) else content)
    return path


# --- the three readers ---------------------------------------------------------------


def test_text_file_is_one_article_with_its_stem_as_id(tmp_path, settings):
    path = write(tmp_path / "khusham.txt", "BEIRUT, Feb 8, 2018 (Reuters) - Air strikes.\r\nMore.")
    [article] = read([path], settings)
    assert article.id == "khusham"
    assert article.source == str(path)
    assert article.text == "BEIRUT, Feb 8, 2018 (Reuters) - Air strikes.\nMore."
    assert (article.published, article.published_from) == (date(2018, 2, 8), "dateline")
    assert article.outlet == "Reuters"


def test_text_is_kept_as_read_apart_from_line_ends(tmp_path, settings):
    text = "  Indented first line.\n\n\tTabbed, “quoted” and trailing spaces.  \n"
    [article] = read([write(tmp_path / "a.txt", text)], settings)
    assert article.text == text


def test_a_single_path_needs_no_list(tmp_path, settings):
    path = write(tmp_path / "a.txt", "Text.")
    assert [a.id for a in read_inputs(path, settings=settings)] == ["a"]


def test_html_page_gives_main_text_and_metadata(tmp_path, settings):
    [article] = read([write(tmp_path / "page.html", PAGE)], settings)
    assert "An air strike killed five people" in article.text
    assert "<p>" not in article.text
    assert article.title == "Strike kills five in Khusham"
    assert article.outlet == "Example News"
    assert article.url == "https://example.com/khusham"
    assert (article.published, article.published_from) == (date(2018, 2, 9), "html")


def test_jsonl_reads_one_article_a_line(tmp_path, settings):
    path = write(
        tmp_path / "feed.jsonl",
        '{"id": "r-1", "text": "First.", "title": "One", "outlet": "AFP", "url": "https://x/1",'
        ' "published": "2018-02-08T23:30:00-05:00"}\n'
        "\n"
        '{"text": "Third line, no id."}\n',
    )
    first, third = read([path], settings)
    assert (first.id, first.title, first.outlet, first.url) == ("r-1", "One", "AFP", "https://x/1")
    assert (first.published, first.published_from) == (date(2018, 2, 8), "record")
    assert first.source == f"{path}:1"
    assert (third.id, third.source, third.text) == ("feed:3", f"{path}:3", "Third line, no id.")


@pytest.mark.parametrize(
    ("name", "content", "title"),
    [
        ("a.htm", PAGE, "Strike kills five in Khusham"),
        ("a.ndjson", '{"text": "x", "title": "from json"}', "from json"),
        ("a.json-lines", '{"text": "x", "title": "from json"}', "from json"),
        ("no-extension", '{"text": "x", "title": "sniffed json"}', "sniffed json"),
        ("page.data", PAGE, "Strike kills five in Khusham"),  # sniffed: <!doctype
        ("notes.data", "Plain words. {not json}", None),
    ],
)
def test_auto_reader_by_extension_else_by_content(tmp_path, settings, name, content, title):
    [article] = read([write(tmp_path / name, content)], settings)
    assert article.title == title


def test_named_reader_overrides_the_extension(tmp_path, settings):
    [article] = read([write(tmp_path / "page.html", PAGE)], settings, reader="text")
    assert article.text.startswith("<!DOCTYPE html>")


def test_unknown_reader_is_a_usage_error(settings):
    with pytest.raises(UsageError, match="unknown reader 'pdf'"):
        read_inputs(["a.txt"], reader="pdf", settings=settings)


def test_new_reader_plugs_into_the_registry(tmp_path, settings, monkeypatch):
    def read_muc4(source):
        for number, doc in enumerate(source.text.split("\n\n"), start=1):
            yield Article(id=f"DOC-{number}", text=doc, source=source.name)

    monkeypatch.setitem(READERS, "muc4", read_muc4)
    items = read([write(tmp_path / "muc", "one\n\ntwo")], settings, reader="muc4")
    assert [a.id for a in items] == ["DOC-1", "DOC-2"]


# --- directories and stdin -----------------------------------------------------------


def test_directory_is_its_readable_files_sorted_recursively(tmp_path, settings):
    write(tmp_path / "b.txt", "b")
    write(tmp_path / "a" / "z.html", PAGE)
    write(tmp_path / "a" / "feed.jsonl", '{"text": "j"}')
    write(tmp_path / "README", "no extension: read as text")
    write(tmp_path / ".hidden.txt", "skipped")
    write(tmp_path / ".git" / "x.txt", "skipped")
    write(tmp_path / "photo.png", b"\x89PNG\r\n\x1a\n\x00")
    items = read([tmp_path], settings)
    assert [a.source for a in items] == [
        str(tmp_path / "README"),
        str(tmp_path / "a" / "feed.jsonl") + ":1",
        str(tmp_path / "a" / "z.html"),
        str(tmp_path / "b.txt"),
    ]


def test_directory_without_readable_files_is_one_problem(tmp_path, settings):
    write(tmp_path / "scan.pdf", b"%PDF")
    write(tmp_path / ".notes.txt", "hidden")
    assert problems(read([tmp_path], settings)) == {
        str(tmp_path): "directory has no readable files "
        "(.txt, .text, .html, .htm, .jsonl, .ndjson, .json-lines, .rss, .atom, .warc, .warc.gz or no extension)"
    }


def stdin_with(monkeypatch, data: bytes):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))


def test_dash_reads_stdin_as_text(monkeypatch, settings):
    stdin_with(monkeypatch, b"WASHINGTON, 8 February 2018 \xe2\x80\x94 Text.\n")
    [article] = read(["-"], settings)
    assert (article.id, article.source, article.published) == ("stdin", "<stdin>", date(2018, 2, 8))


def test_dash_sniffs_json_lines_on_stdin(monkeypatch, settings):
    stdin_with(monkeypatch, b'{"text": "one"}\n{"text": "two"}\n')
    assert [a.id for a in read(["-"], settings)] == ["stdin:1", "stdin:2"]


# --- bad input: one problem each, naming the input; the rest is still read ------------


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("empty.txt", b"", "empty file"),
        ("blank.txt", b" \n\t\r\n ", "only whitespace, no text"),
        ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary data, not text"),
        ("noise.txt", bytes(range(1, 9)) * 40 + b"\xff\xfe\x81\x8d", "binary data, not text"),
        ("empty.html", b"<html><body></body></html>", "no article text found in the HTML"),
    ],
)
def test_bad_file_is_one_problem_and_the_rest_is_read(tmp_path, settings, name, content, reason):
    bad = write(tmp_path / name, content)
    good = write(tmp_path / "good.txt", "Fine.")
    items = read([bad, good], settings)
    assert problems(items) == {str(bad): reason}
    assert [a.id for a in articles(items)] == ["good"]


def test_missing_file_is_a_problem(tmp_path, settings):
    items = read([tmp_path / "gone.txt", write(tmp_path / "here.txt", "x")], settings)
    assert problems(items) == {str(tmp_path / "gone.txt"): "no such file or directory"}
    assert len(articles(items)) == 1


def test_bad_json_lines_are_problems_and_other_lines_are_read(tmp_path, settings):
    lines = [
        '{"text": "one"}',
        '{"text": "two",}',
        '{"title": "no text"}',
        '{"text": 42}',
        '["a", "list"]',
        '{"text": "   "}',
        '{"text": "bad date", "published": "last Tuesday"}',
        '{"text": "seven"}',
    ]
    path = write(tmp_path / "feed.jsonl", "\n".join(lines))
    items = read([path], settings)
    assert [a.id for a in articles(items)] == ["feed:1", "feed:8"]
    assert problems(items) == {
        f"{path}:2": "not valid JSON "
        "(Expecting property name enclosed in double quotes at column 16)",
        f"{path}:3": 'no "text" field',
        f"{path}:4": '"text" is a number, not a string',
        f"{path}:5": "not a JSON object but a list",
        f"{path}:6": '"text" is empty',
        f"{path}:7": "\"published\" is not an ISO date such as \"2018-02-08\": 'last Tuesday'",
    }


def test_article_over_the_size_limit_names_size_limit_and_option(tmp_path, settings):
    small = settings.with_(max_article_chars=10)
    path = write(tmp_path / "long.txt", "x" * 1234)
    [problem] = read([path], small)
    assert problem.source == str(path)
    assert problem.reason == (
        "article is 1,234 characters, over the limit of 10 "
        "(raise it with --max-chars 1234 or Settings.max_article_chars)"
    )


def test_a_failing_reader_is_a_problem_unless_debugging(tmp_path, settings, monkeypatch):
    def broken(source):
        raise RuntimeError("boom")

    monkeypatch.setitem(READERS, "text", broken)
    path = write(tmp_path / "a.txt", "x")
    assert problems(read([path], settings)) == {
        str(path): "could not be read as text (RuntimeError: boom)"
    }
    with pytest.raises(RuntimeError):
        read([path], settings.with_(debug=True))


# --- encodings -----------------------------------------------------------------------

QUOTED = "The minister said “we will respond” after the strike. Café owners fled — 12 killed."


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        (QUOTED, "cp1252"),
        ("Niño, señor, café: résumé of the año.", "latin-1"),
        ("Le ministre a déclaré à l’AFP que l’armée était prête.", "cp1252"),
        ("Министр сказал, что солдаты погибли при нападении на город.", "cp1251"),
        (QUOTED, "utf-8-sig"),
        (QUOTED, "utf-16"),
    ],
)
def test_non_utf8_text_is_decoded_not_rejected(tmp_path, settings, text, encoding):
    [article] = read([write(tmp_path / "a.txt", text.encode(encoding))], settings)
    assert article.text == text


# --- publication date and outlet: which source wins -------------------------------------

DATELINED = "BEIRUT, Feb 8, 2018 (Reuters) - Air strikes."


def test_dateline_gives_date_and_outlet_when_nothing_else_does(tmp_path, settings):
    [article] = read([write(tmp_path / "a.txt", DATELINED)], settings)
    assert (article.published, article.published_from, article.outlet) == (
        date(2018, 2, 8), "dateline", "Reuters")


def test_record_beats_dateline_and_option_beats_record(tmp_path, settings):
    record = f'{{"text": "{DATELINED}", "published": "2018-02-10", "outlet": "Wire"}}'
    path = write(tmp_path / "feed.jsonl", record)
    [article] = read([path], settings)
    assert (article.published, article.published_from, article.outlet) == (
        date(2018, 2, 10), "record", "Wire")
    [article] = read([path], settings, published=date(2018, 2, 11), outlet="Desk")
    assert (article.published, article.published_from, article.outlet) == (
        date(2018, 2, 11), "option", "Desk")


def test_html_metadata_beats_dateline_and_option_beats_html(tmp_path, settings):
    path = write(tmp_path / "page.html", PAGE)  # markup says 9 Feb, dateline 8 Feb
    [article] = read([path], settings)
    assert (article.published, article.published_from, article.outlet) == (
        date(2018, 2, 9), "html", "Example News")
    [article] = read([path], settings, published=date(2018, 2, 11), outlet="Desk")
    assert (article.published, article.published_from, article.outlet) == (
        date(2018, 2, 11), "option", "Desk")


def test_dateline_outlet_fills_in_when_the_date_came_from_the_record(tmp_path, settings):
    path = write(tmp_path / "feed.jsonl", f'{{"text": "{DATELINED}", "published": "2018-02-10"}}')
    [article] = read([path], settings)
    assert (article.published_from, article.outlet) == ("record", "Reuters")


def test_no_date_anywhere_stays_unknown(tmp_path, settings):
    [article] = read([write(tmp_path / "a.txt", "Troops attacked on Wednesday.")], settings)
    assert (article.published, article.published_from, article.outlet) == (None, None, None)


# --- the founding article --------------------------------------------------------------


def test_seed_article_is_read_as_is_without_inventing_an_outlet(shared, settings):
    path = shared / "corpus" / "seed" / "khasham-2018-02-08.txt"
    [article] = read([path], settings, published=date(2018, 2, 8))
    assert article.id == "khasham-2018-02-08"
    assert article.text == path.read_text(encoding="utf-8").replace("\r\n", "\n")
    assert (article.published, article.published_from) == (date(2018, 2, 8), "option")
    assert article.outlet is None  # the seed's metadata: "do not invent one"

"""WARC files: each archived HTML page is an article; other records are skipped."""

import io

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from eventwire.models import Article, InputProblem
from eventwire.readers import read_inputs

PAGE = """<!doctype html><html><head><title>Convoy ambushed near Palmyra</title>
<meta property="og:site_name" content="Example News">
<meta property="article:published_time" content="2018-02-08T10:00:00Z"></head>
<body><article><h1>Convoy ambushed near Palmyra</h1>
<p>Islamic State militants ambushed an army convoy near Palmyra on Wednesday, killing at least
12 soldiers, a military source told reporters. The attack came a day after heavy clashes in the
desert east of Homs, where government forces have been fighting the group for weeks.</p>
<p>A monitoring group said the toll was higher and that several vehicles were destroyed.</p>
</article></body></html>"""


def record(writer, uri, body: bytes, content_type: str, kind="response"):
    http = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.0")
    writer.write_record(writer.create_warc_record(uri, kind, payload=io.BytesIO(body), http_headers=http))


def test_html_pages_in_a_gzipped_warc_are_articles(tmp_path, settings):
    path = tmp_path / "crawl.warc.gz"
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        record(writer, "https://news.example.org/palmyra", PAGE.encode("utf-8"), "text/html; charset=utf-8")
        record(writer, "https://news.example.org/logo.png", b"\x89PNG\r\n\x1a\n" + bytes(200), "image/png")
        record(writer, "https://news.example.org/empty", b"<html><body></body></html>", "text/html")
    items = list(read_inputs([tmp_path], settings=settings))  # found in a folder by its .warc.gz
    article, problem = items
    assert isinstance(article, Article)
    assert article.id == article.url == "https://news.example.org/palmyra"
    assert article.source == f"{path}#https://news.example.org/palmyra"
    assert article.title == "Convoy ambushed near Palmyra" and article.outlet == "Example News"
    assert "killing at least\n12 soldiers" in article.text or "killing at least 12 soldiers" in article.text
    assert isinstance(problem, InputProblem) and problem.source.endswith("#https://news.example.org/empty")


def test_a_file_that_is_no_warc_is_one_problem(tmp_path, settings):
    path = tmp_path / "broken.warc"
    path.write_bytes(b"this is not a web archive\n")
    (problem,) = read_inputs([path], settings=settings)
    assert isinstance(problem, InputProblem) and problem.reason == "not a WARC file (no records)"

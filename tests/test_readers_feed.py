"""RSS and Atom feeds: one article per entry, with its date, outlet, link and full text."""

from datetime import date

from eventwire.models import Article, InputProblem
from eventwire.readers import read_inputs
from eventwire.readers.feed import html_text

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Example News</title><link>https://news.example.org/</link>
<item>
  <title>Strike kills 5 in Idlib</title>
  <link>https://news.example.org/idlib-strike</link>
  <guid>news-1</guid>
  <pubDate>Thu, 08 Feb 2018 09:30:00 GMT</pubDate>
  <description>Short summary.</description>
  <content:encoded><![CDATA[<p>An air strike killed five people in Idlib on Wednesday,
  residents said.</p><p>The <b>Syrian Observatory</b> put the toll at seven.</p>]]></content:encoded>
</item>
<item><title>Empty</title><guid>news-2</guid></item>
<item><title>Clashes</title><link>https://news.example.org/clashes</link>
  <description>Clashes erupted near Afrin &amp; Azaz, a monitor said.</description></item>
</channel></rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Wire Service</title>
<entry><title>Convoy ambushed</title><id>tag:wire,2018:1</id>
  <link href="https://wire.example.org/1"/><updated>2018-02-09T06:00:00Z</updated>
  <content type="text">Militants ambushed an army convoy near Palmyra on Thursday.</content></entry>
</feed>
"""


def read(path, settings, **options):
    return list(read_inputs([path], settings=settings, **options))


def test_rss_items_become_articles_with_their_metadata(tmp_path, settings):
    feed = tmp_path / "news.rss"
    feed.write_text(RSS, encoding="utf-8")
    first, empty, third = read(feed, settings)
    assert isinstance(first, Article)
    assert (first.id, first.title, first.outlet, first.url) == (
        "news-1", "Strike kills 5 in Idlib", "Example News", "https://news.example.org/idlib-strike")
    assert first.published == date(2018, 2, 8) and first.published_from == "record"
    assert first.text == ("An air strike killed five people in Idlib on Wednesday, residents said.\n\n"
                          "The Syrian Observatory put the toll at seven.")  # full content, not the summary
    assert isinstance(empty, InputProblem) and empty.source == f"{feed}#2" and "no text" in empty.reason
    assert third.id == "https://news.example.org/clashes"  # no guid: the link
    assert third.text == "Clashes erupted near Afrin & Azaz, a monitor said."


def test_atom_entries_and_xml_found_by_content(tmp_path, settings):
    feed = tmp_path / "wire.xml"  # .xml: the reader is chosen by sniffing the content
    feed.write_text(ATOM, encoding="utf-8")
    (entry,) = read(feed, settings)
    assert (entry.id, entry.outlet, entry.published) == ("tag:wire,2018:1", "Wire Service", date(2018, 2, 9))
    assert entry.text == "Militants ambushed an army convoy near Palmyra on Thursday."


def test_xml_that_is_no_feed_is_one_problem(tmp_path, settings):
    other = tmp_path / "config.xml"
    other.write_text('<?xml version="1.0"?><config><a>1</a></config>', encoding="utf-8")
    (problem,) = read(other, settings)
    assert isinstance(problem, InputProblem) and "not an RSS or Atom feed" in problem.reason


def test_html_text_keeps_paragraphs_and_collapses_spaces():
    assert html_text("<div>One\n  two<br>three</div><ul><li>four</li></ul>") == "One two\n\nthree\n\nfour"
    assert html_text("") == ""

"""Evidence and claim spans become plain text segments for the event page."""

from hypothesis import given
from hypothesis import strategies as st

from eventwire.api.highlight import Span, place, segments

TEXT = "Ten died in Aleppo. Rebels denied it."


def test_a_claim_inside_an_evidence_sentence_gives_a_segment_with_both_marks():
    spans = place([Span(kind="evidence", index=0, start=0, end=19),
                   Span(kind="claim", field="fatalities", index=0, start=0, end=8)], TEXT)
    found = [(s.text, s.marks) for s in segments(TEXT, spans)]
    assert found == [("Ten died", [0, 1]), (" in Aleppo.", [0]), (" Rebels denied it.", [])]


def test_offsets_that_do_not_fit_the_text_are_not_placed():
    spans = place([Span(kind="claim", index=0, start=30, end=99), Span(kind="evidence", index=0, start=5, end=5)],
                  TEXT)
    assert [s.placed for s in spans] == [False, False]
    assert [(s.text, s.marks) for s in segments(TEXT, spans)] == [(TEXT, [])]


@given(st.text(max_size=60), st.lists(st.tuples(st.integers(-5, 70), st.integers(-5, 70)), max_size=6))
def test_segments_always_rebuild_the_text_and_mark_only_inside_their_spans(text, bounds):
    spans = place([Span(kind="claim", index=i, start=a, end=b) for i, (a, b) in enumerate(bounds)], text)
    found = segments(text, spans)
    assert "".join(s.text for s in found) == text
    for segment in found:
        assert segment.text == text[segment.start:segment.end]
        for i in segment.marks:
            assert spans[i].placed and spans[i].start <= segment.start and segment.end <= spans[i].end

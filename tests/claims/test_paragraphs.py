"""A claim's paragraph, as excerpts and the review screen show it, found from where the claim stands."""

from types import SimpleNamespace

from hypothesis import given
from hypothesis import strategies as st

from claims.rendering import claim_in_context
from claims.selectors import paragraph_bounds, split_paragraph

sentence = st.text(alphabet="abc .%0123456789", min_size=1, max_size=30).filter(lambda s: s.strip() == s and s)


def claims_of(paragraphs):
    """One claim per paragraph: its last sentence-like piece, with its offsets in the joined text."""
    text, claims, offset = "\n\n".join(paragraphs), [], 0
    for index, paragraph in enumerate(paragraphs):
        start = offset + len(paragraph) - len(paragraph.split(" ")[-1])
        claims.append(
            SimpleNamespace(
                paragraph=index, start=start, end=offset + len(paragraph), text=text[start : offset + len(paragraph)]
            )
        )
        offset += len(paragraph) + 2
    return text, claims


@given(st.lists(sentence, min_size=1, max_size=40))
def test_every_claims_excerpt_is_its_own_paragraph(paragraphs):
    text, claims = claims_of(paragraphs)
    for claim, paragraph in zip(claims, paragraphs, strict=True):
        before, said, after = split_paragraph(text, claim)
        assert before + said + after == paragraph
        assert said == claim.text


def test_a_claim_whose_span_no_longer_matches_stands_alone():
    text, claims = claims_of(["One 10% rise.", "Two 20% falls."])
    moved = SimpleNamespace(paragraph=1, start=claims[1].start + 1, end=claims[1].end, text=claims[1].text)
    assert split_paragraph(text, moved) == ("", claims[1].text, "")


def test_the_paragraph_comes_from_the_claims_position_not_a_stale_paragraph_number():
    text, claims = claims_of(["First 1%.", "Second 2%.", "Third 3%."])
    misnumbered = SimpleNamespace(**{**vars(claims[2]), "paragraph": 0})
    assert "".join(split_paragraph(text, misnumbered)) == "Third 3%."
    assert paragraph_bounds(text, 0) == (0, len("First 1%."))
    assert text[slice(*paragraph_bounds(text, len(text)))] == "Third 3%."


def test_the_review_screen_marks_the_claim_in_its_paragraph():
    text, claims = claims_of(["First 1%.", "Second <b>2%</b>."])
    claim = SimpleNamespace(**vars(claims[1]), stale=False, article=SimpleNamespace(text=text))
    assert claim_in_context(claim) == 'Second <mark class="claim">&lt;b&gt;2%&lt;/b&gt;.</mark>'

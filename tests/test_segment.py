"""Tests for factcheck.segment: blocks, headings, sentences and chunks."""

from __future__ import annotations

import random

import pytest

from factcheck.segment import is_heading, split_blocks, split_chunks, split_sentences


def blocks(text: str) -> list[tuple[str, str]]:
    return [(b.kind, text[b.start : b.end]) for b in split_blocks(text)]


def sentences(text: str) -> list[str]:
    return [text[a:b] for a, b in split_sentences(text, 0, len(text))]


def test_heading_without_final_punctuation_is_its_own_block():
    text = (
        "Putin, Belarus President Meet For First Time Since Wagner Mutiny\n"
        "\n"
        "The two leaders met on Sunday. They talked for hours.\n"
    )
    assert blocks(text) == [
        ("heading", "Putin, Belarus President Meet For First Time Since Wagner Mutiny"),
        ("paragraph", "The two leaders met on Sunday. They talked for hours."),
    ]


def test_short_line_with_final_punctuation_is_a_paragraph():
    assert blocks("It rained.\n\nThen it stopped.") == [
        ("paragraph", "It rained."),
        ("paragraph", "Then it stopped."),
    ]


def test_paragraphs_keep_their_inner_line_breaks():
    text = "First line of a paragraph\ncontinues here.\n\n\n  Second paragraph.  \n"
    assert blocks(text) == [
        ("paragraph", "First line of a paragraph\ncontinues here."),
        ("paragraph", "Second paragraph."),
    ]


def test_list_items_on_their_own_lines_are_blocks():
    text = (
        "Background\n\n"
        "- SUE was discovered on August 12, 1990 - near Faith.\n"
        "- SUE came off display in February 2018.\n"
        "2. The museum reopened\n"
        "   in 2019.\n"
        "An ordinary line - not an item.\n"
        "- 40 per cent of visitors came back."
    )
    assert blocks(text) == [
        ("heading", "Background"),
        ("paragraph", "- SUE was discovered on August 12, 1990 - near Faith."),
        ("paragraph", "- SUE came off display in February 2018."),
        ("paragraph", "2. The museum reopened\n   in 2019.\nAn ordinary line - not an item."),
        ("paragraph", "- 40 per cent of visitors came back."),
    ]


def test_a_wrapped_line_that_opens_with_a_dash_word_is_no_item():
    text = "The vote was close\n-ish, they said.\nIt passed."
    assert [k for k, _ in blocks(text)] == ["paragraph"]


def test_table_rows_are_blocks_with_their_indented_continuations():
    text = (
        "Launch date          October 2, 1950\n"
        "End date             February 13, 2000 (original strips)\n"
        "09:15-10:00  Opening keynote\n"
        "             A tour from Bhopal in 1984\n"
        "             to Visakhapatnam in 2020.\n"
        "The week ends on Friday."
    )
    assert blocks(text) == [
        ("paragraph", "Launch date          October 2, 1950"),
        ("paragraph", "End date             February 13, 2000 (original strips)"),
        (
            "paragraph",
            "09:15-10:00  Opening keynote\n             A tour from Bhopal in 1984\n"
            "             to Visakhapatnam in 2020.",
        ),
        ("paragraph", "The week ends on Friday."),
    ]


def test_two_spaces_after_a_sentence_make_no_table():
    text = "It rained on Monday.  Then it stopped\nand the sun came out."
    assert [k for k, _ in blocks(text)] == ["paragraph"]


def test_blank_lines_with_spaces_separate_blocks():
    assert [k for k, _ in blocks("One.\n   \t\nTwo.")] == ["paragraph", "paragraph"]


def test_markdown_headings_stand_alone():
    text = "# Title.\nFirst paragraph line.\n## Section\nSecond paragraph.\n"
    assert blocks(text) == [
        ("heading", "# Title."),
        ("paragraph", "First paragraph line."),
        ("heading", "## Section"),
        ("paragraph", "Second paragraph."),
    ]


@pytest.mark.parametrize(
    "line, expected",
    [
        ("Setting the Stage: The Wagner Mutiny", True),
        ("# Ends with a full stop.", True),
        ("A sentence that ends with a full stop.", False),
        ("Is this a question?", False),
        (" ".join(["word"] * 30), False),
        ("", False),
    ],
)
def test_is_heading(line, expected):
    assert is_heading(line) is expected


def test_sentence_splitting():
    assert sentences("It began. Then it ended! Did it? Yes.") == [
        "It began.",
        "Then it ended!",
        "Did it?",
        "Yes.",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Mr. Smith arrived in Minsk.",
        "Dr. Jones and Gen. Surovikin met.",
        "He flew to the U.S. President's residence.",
        "It happened on Jan. 5 in the capital.",
        "The author J. R. R. Tolkien wrote it.",
        "Officials e.g. Mr. Peskov declined.",
    ],
)
def test_abbreviations_and_initials_do_not_end_sentences(text):
    assert sentences(text) == [text]


def test_abbreviation_then_real_boundary():
    assert sentences("Mr. Smith left on Jan. 5. Then Dr. Jones came.") == [
        "Mr. Smith left on Jan. 5.",
        "Then Dr. Jones came.",
    ]


def test_quotes_and_digits_start_sentences():
    assert sentences('He said it. "It is over." 2020 was hard.') == [
        "He said it.",
        '"It is over."',
        "2020 was hard.",
    ]


def test_sentences_inside_a_range():
    text = "Heading\n\nOne. Two."
    start = text.index("One")
    spans = split_sentences(text, start, len(text))
    assert [text[a:b] for a, b in spans] == ["One.", "Two."]
    assert spans[0][0] == start


def random_text(seed: int, n: int) -> str:
    rng = random.Random(seed)
    pieces = ["alpha", "beta", "gamma.", "delta", "Wagner", "mutiny", "2023", "épée", "mot-à-mot"]
    seps = [" "] * 8 + ["\n", "\n\n", "  "]
    return "".join(rng.choice(pieces) + rng.choice(seps) for _ in range(n))


@pytest.mark.parametrize("seed", range(5))
@pytest.mark.parametrize("size", [17, 64, 1000])
def test_split_chunks_covers_text_and_never_cuts_a_word(seed, size):
    text = random_text(seed, 3000)
    chunks = split_chunks(text, size)
    assert "".join(text[a:b] for a, b in chunks) == text
    assert chunks[0][0] == 0 and chunks[-1][1] == len(text)
    for (_, end), (start, _) in zip(chunks, chunks[1:], strict=False):
        assert end == start
    for a, b in chunks:
        assert 0 < b - a <= size
    for _, cut in chunks[:-1]:
        # a cut sits at white space: the word before it and the word after it are whole
        assert text[cut - 1].isspace() or text[cut].isspace(), repr(text[cut - 10 : cut + 10])


def test_split_chunks_prefers_blank_lines():
    para = "word " * 10 + "end.\n\n"
    text = para * 10
    chunks = split_chunks(text, len(para) * 3 + 5)
    for _, cut in chunks[:-1]:
        assert text[cut : cut + 2] == "\n\n"


def test_split_chunks_short_and_empty_text():
    assert split_chunks("short text", 100) == [(0, 10)]
    assert split_chunks("", 100) == [(0, 0)]

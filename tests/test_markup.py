"""Tests for factcheck.markup: prose extraction from Markdown and HTML at the
positions as written, blocks from the markup, and suppression comments."""

from __future__ import annotations

import random

import pytest

from factcheck.markup import FORMATS, Extracted, Suppression, detect_format, extract

DECOY = "March 3, 1999"


def line_col(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of an offset."""
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def blocks(e: Extracted) -> list[tuple[str, str]]:
    assert e.blocks is not None
    return [(b.kind, e.text[b.start : b.end]) for b in e.blocks]


def assert_same_shape(original: str, e: Extracted) -> None:
    """Same length; newlines kept; every changed character became a space, except
    decoded entities."""
    assert len(e.text) == len(original)
    for i, (a, b) in enumerate(zip(original, e.text, strict=True)):
        if a in "\n\r":
            assert b == a, i
        elif a != b:
            assert b == " " or original[i] == "&", (i, a, b)


def assert_at_original_offsets(original: str, e: Extracted, *words: str) -> None:
    for word in words:
        assert word in e.text, word
        assert e.text.find(word) == original.find(word), word


# --- formats ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "fmt"),
    [
        ("a.md", "markdown"),
        ("dir/B.MARKDOWN", "markdown"),
        ("x.mdown", "markdown"),
        ("x.mkd", "markdown"),
        ("page.html", "html"),
        ("page.HTM", "html"),
        ("page.xhtml", "html"),
        ("notes.txt", "text"),
        ("README", "text"),
        ("archive.md.txt", "text"),
    ],
)
def test_detect_format(path: str, fmt: str) -> None:
    assert detect_format(path) == fmt
    assert fmt in FORMATS


def test_unknown_format_is_an_error() -> None:
    with pytest.raises(ValueError):
        extract("x", "rst")


# --- plain text -------------------------------------------------------------------------


def test_plain_text_is_unchanged_and_unsegmented() -> None:
    text = "# Title\n\nThe talks began on March 3, 1999.\n"
    e = extract(text, "text")
    assert e.text == text
    assert e.blocks is None
    assert e.suppressions == ()


def test_plain_text_suppressions() -> None:
    text = (
        "Kept on May 1.\n"
        "# factcheck off\n"
        "Dropped on May 2.\n"
        "  #  factcheck on\n"
        "# factcheck ignore-next-line\n"
        "\n"
        "Ignored on May 3.\n"
        "Kept on May 4.\n"
    )
    e = extract(text, "text")
    off, ignore = e.suppressions
    assert off.kind == "off" and off.line == 2
    assert "Dropped on May 2." in text[off.start : off.end]
    assert "May 1" not in text[off.start : off.end]
    assert "May 4" not in text[off.start : off.end]
    assert ignore == Suppression(
        "ignore-next-line", text.index("Ignored"), text.index("Kept on May 4") - 1, 5
    )


# --- Markdown ----------------------------------------------------------------------------

MARKDOWN = """\
---
title: Decoy front matter
date: 2020-01-01
---
# Summit held on July 28, 2023
Leaders met in Minsk, the *capital*, on **Sunday** and talked about ~~nothing~~ trade.

Read the [full report](https://example.com/report-1999 "Report of 1999") or
<https://example.com/autolink-1999>; see `March 3, 1999` for details.
![photo from 1999](img/photo-1999.png) AT&amp;T &copy; said no.

```python
when = "March 3, 1999"
```

    indented code: March 3, 1999

<div class="decoy">
March 3, 1999
</div>
"""


def test_markdown_same_length_and_prose_at_original_offsets() -> None:
    e = extract(MARKDOWN, "markdown")
    assert_same_shape(MARKDOWN, e)
    assert_at_original_offsets(
        MARKDOWN,
        e,
        "Summit held on July 28, 2023",
        "Leaders met in Minsk, the ",
        "capital",
        "Sunday",
        "nothing",
        "full report",
        "for details.",
        "AT&",
    )


def test_markdown_masks_code_front_matter_urls_and_html() -> None:
    e = extract(MARKDOWN, "markdown")
    for gone in (
        DECOY,
        "1999",
        "Decoy front matter",
        "2020-01-01",
        "https://",
        "Report of",
        "photo",
        "when =",
        "decoy",
        "---",
        "#",
        "*",
        "~~",
        "`",
        "[",
        "](",
    ):
        assert gone not in e.text, gone


def test_markdown_escapes_and_entities() -> None:
    text = "AT&amp;T &copy; 2020 &NotEqualTilde; said \\*no\\*.\n"
    e = extract(text, "markdown")
    assert_same_shape(text, e)
    assert e.text.startswith("AT&    T ©      2020 ")
    assert "≂" not in e.text  # two code points: spaces
    assert e.text.find("*no") == text.find("*no")
    assert "\\" not in e.text


def test_markdown_heading_is_separate_block_without_blank_line() -> None:
    text = "# Title of the day\nText follows on May 5, 2021.\n"
    e = extract(text, "markdown")
    assert blocks(e) == [
        ("heading", "Title of the day"),
        ("paragraph", "Text follows on May 5, 2021."),
    ]


def test_markdown_setext_heading_and_closing_hashes() -> None:
    text = "Big Heading\n===========\n\n## Second ##\n\nBody text.\n"
    e = extract(text, "markdown")
    assert blocks(e) == [
        ("heading", "Big Heading"),
        ("heading", "Second"),
        ("paragraph", "Body text."),
    ]
    assert "=" not in e.text


def test_markdown_list_items_blockquotes_and_nested_lists() -> None:
    text = (
        "- first item on May 1\n"
        "- second item\n"
        "  continued on May 2\n"
        "  1. nested 1 on May 3\n"
        "\n"
        "> quoted on **June 4**\n"
        "> still quoted\n"
    )
    e = extract(text, "markdown")
    assert_same_shape(text, e)
    assert blocks(e) == [
        ("paragraph", "first item on May 1"),
        ("paragraph", "second item\n  continued on May 2"),
        ("paragraph", "nested 1 on May 3"),
        ("paragraph", "quoted on   June 4  \n  still quoted"),
    ]
    for word in ("May 1", "May 2", "May 3", "June 4"):
        offset = e.text.find(word)
        assert offset == text.find(word)
        assert line_col(e.text, offset) == line_col(text, text.find(word))
    assert line_col(e.text, e.text.find("nested 1")) == (4, 6)
    assert ">" not in e.text and "-" not in e.text


def test_markdown_table_cells_keep_their_columns() -> None:
    text = (
        "| Event | Date |\n"
        "|-------|------|\n"
        "| Summit | July 28, 2023 |\n"
        "| Talks \\| more | `1999` |\n"
    )
    e = extract(text, "markdown")
    assert_same_shape(text, e)
    offset = e.text.find("July 28, 2023")
    assert offset == text.find("July 28, 2023")
    assert line_col(e.text, offset) == (3, 12)
    assert "|" not in e.text.replace("\\|", "")
    assert "1999" not in e.text
    assert blocks(e)[:3] == [
        ("paragraph", "Event   Date"),
        ("paragraph", "Summit   July 28, 2023"),
        ("paragraph", "Talks \\| more"),
    ]


def test_markdown_link_text_kept_url_and_title_masked() -> None:
    text = 'See [the report of May 2](http://x.org/a_(b) "title May 9") and [ref][r].\n\n[r]: /u\n'
    e = extract(text, "markdown")
    assert_at_original_offsets(text, e, "the report of May 2", "ref", " and ")
    assert "x.org" not in e.text and "May 9" not in e.text and "/u" not in e.text
    assert e.text.rstrip().endswith("ref    .")


def test_markdown_inline_html_masked_text_between_kept() -> None:
    text = "A <span class='date'>June 2</span> meeting<br/>ended.\n"
    e = extract(text, "markdown")
    assert_at_original_offsets(text, e, "June 2", "meeting", "ended.")
    assert "span" not in e.text and "date" not in e.text


def test_markdown_unclosed_fence_masks_to_the_end() -> None:
    text = "Intro on May 1.\n\n```\ncode " + DECOY + "\n\nmore " + DECOY + "\n"
    e = extract(text, "markdown")
    assert_same_shape(text, e)
    assert DECOY not in e.text
    assert blocks(e) == [("paragraph", "Intro on May 1.")]


def test_markdown_crlf_and_bom_keep_positions() -> None:
    text = "\ufeff# Head\r\nBody on May 1.\r\n\r\n- item\r\n"
    e = extract(text, "markdown")
    assert_same_shape(text, e)
    assert blocks(e) == [
        ("heading", "Head"),
        ("paragraph", "Body on May 1."),
        ("paragraph", "item"),
    ]
    assert_at_original_offsets(text, e, "Body on May 1.", "item")


def test_markdown_suppressions() -> None:
    text = (
        "Kept on May 1.\n"
        "\n"
        "<!-- factcheck off -->\n"
        "Dropped on May 2.\n"
        "<!--FACTCHECK   On-->\n"
        "\n"
        "Kept on May 3. <!-- factcheck ignore-next-line -->\n"
        "\n"
        "```\n"
        "<!-- factcheck off -->\n"
        "```\n"
        "Ignored on May 4.\n"
    )
    e = extract(text, "markdown")
    assert [s.kind for s in e.suppressions] == ["off", "ignore-next-line"]
    off, ignore = e.suppressions
    assert off.line == 3
    assert off.start == text.index("<!-- factcheck off -->") + len("<!-- factcheck off -->")
    assert off.end == text.index("<!--FACTCHECK")
    assert text[off.start : off.end].strip() == "Dropped on May 2."
    assert ignore.line == 7
    assert text[ignore.start : ignore.end] == "Ignored on May 4."


def test_markdown_off_without_on_runs_to_the_end() -> None:
    text = "Kept.\n\n<!-- factcheck off -->\n\nDropped on May 2.\n"
    (off,) = extract(text, "markdown").suppressions
    assert off.kind == "off"
    assert (off.start, off.end) == (text.index("-->") + 3, len(text))


def test_markdown_not_directives() -> None:
    text = "<!-- factcheck offline -->\n\nText <!-- just a comment --> more.\n"
    e = extract(text, "markdown")
    assert e.suppressions == ()
    assert "comment" not in e.text


# --- HTML ---------------------------------------------------------------------------------

HTML = """\
<!DOCTYPE html>
<html><head>
<meta property="article:published_time" content="2020-01-01">
<title>Summit &amp; Talks</title>
<style>p::after { content: "March 3, 1999"; }</style>
<script>var d = "March 3, 1999"; if (a < b) {}</script>
</head>
<body>
<h2 class="title">Leaders meet on July 28, 2023</h2>
<p>The talks <b>resumed</b> on <a href="https://example.com/1999">Sunday</a>,
AT&T said &mdash; with caf&eacute; &#8364;5 &#x41;.<br>New line after break.</p>
<pre>March 3, 1999</pre><p>Inline <code>March 3, 1999</code> code.</p>
<noscript>March 3, 1999</noscript>
<ul><li>First item on May 1</li><li>Second item</ul>
<table><tr><td>Cell on May 2</td><td>Other cell</td></tr></table>
<!-- a comment about March 3, 1999 -->
</body></html>
"""


def test_html_same_length_and_prose_at_original_offsets() -> None:
    e = extract(HTML, "html")
    assert_same_shape(HTML, e)
    assert_at_original_offsets(
        HTML,
        e,
        "Summit &",
        "Leaders meet on July 28, 2023",
        "The talks ",
        "resumed",
        "Sunday",
        "AT&T said ",
        "New line after break.",
        "First item on May 1",
        "Cell on May 2",
    )


def test_html_masks_tags_head_scripts_styles_code_and_comments() -> None:
    e = extract(HTML, "html")
    for gone in (DECOY, "1999", "2020-01-01", "<", ">", "href", "var d", "content", "comment"):
        assert gone not in e.text, gone


def test_html_entities_decoded_in_place() -> None:
    e = extract(HTML, "html")
    at = HTML.index("&mdash;")
    assert e.text[at : at + 7] == "—      "
    at = HTML.index("&#8364;")
    assert e.text[at : at + 8] == "€      5"
    at = HTML.index("&#x41;")
    assert e.text[at : at + 6] == "A     "
    at = HTML.index("Summit &amp;")
    assert e.text[at : at + 12] == "Summit &    "


def test_html_blocks() -> None:
    e = extract(HTML, "html")
    found = blocks(e)
    assert found[0] == ("heading", "Summit &     Talks")
    assert found[1] == ("heading", "Leaders meet on July 28, 2023")
    assert found[2][0] == "paragraph" and found[2][1].startswith("The talks")
    assert found[2][1].endswith("A     .")
    assert found[3] == ("paragraph", "New line after break.")
    assert ("paragraph", "Inline                            code.") in found
    assert ("paragraph", "First item on May 1") in found
    assert ("paragraph", "Second item") in found
    assert ("paragraph", "Cell on May 2") in found
    assert ("paragraph", "Other cell") in found


def test_html_h2_heading_line_and_column() -> None:
    text = "<body>\n  <h2>Vote on May 9</h2><p>After.</p>\n"
    e = extract(text, "html")
    assert blocks(e) == [("heading", "Vote on May 9"), ("paragraph", "After.")]
    assert line_col(e.text, e.text.find("May 9")) == (2, 15)


def test_html_unclosed_head_ends_at_body_content() -> None:
    text = "<html><head><title>T</title><p>Body text on May 1."
    e = extract(text, "html")
    assert blocks(e) == [("heading", "T"), ("paragraph", "Body text on May 1.")]


def test_html_broken_markup_does_not_crash_or_leak() -> None:
    text = "<p>a < b and c > d & e</p><div <p>x</p><script>never closed " + DECOY
    e = extract(text, "html")
    assert_same_shape(text, e)
    assert_at_original_offsets(text, e, "a < b and c > d & e")
    assert DECOY not in e.text


def test_html_suppressions() -> None:
    text = (
        "<p>Kept on May 1.</p>\n"
        "<!-- factcheck off -->\n"
        "<p>Dropped on May 2.</p>\n"
        "<!-- factcheck on -->\n"
        "<!--  factcheck   ignore-next-line  -->\n"
        "<p>\n"
        "Ignored on May 3.</p>\n"
        "<pre><!-- factcheck off --></pre>\n"
        "<p>Kept on May 4.</p>\n"
    )
    e = extract(text, "html")
    off, ignore = e.suppressions
    assert off.kind == "off" and off.line == 2
    assert text[off.start : off.end].strip() == "<p>Dropped on May 2.</p>"
    assert ignore.kind == "ignore-next-line" and ignore.line == 5
    assert text[ignore.start : ignore.end] == "Ignored on May 3.</p>"


# --- robustness ---------------------------------------------------------------------------

_PIECES = (
    "# ", "## ", "\n", "\n\n", "```", "~~~", "    ", "> ", "- ", "1. ", "**", "_", "`", "[", "]",
    "(", ")", "![", "<", ">", "<!--", "-->", "<!-- factcheck off -->", "<!-- factcheck on -->",
    "<!-- factcheck ignore-next-line -->", "&amp;", "&#x41;", "&#99999999;", "&", "|", "---",
    "===", "\\", "\r\n", "\r", "\t", "\0", "\ufeff", "word", DECOY, "<p>", "</p>", "<script>",
    "<pre>", "<head>", "<title>", "<h2>", "</h2>", "<![CDATA[", "<!", "<?", "'", '"',
    "<https://a.b>", "é", "\u2028", "+++", "[x]: /u", "<div>", "<br/>", "|-|",
)  # fmt: skip


def _check_invariants(text: str, fmt: str) -> None:
    e = extract(text, fmt)
    assert_same_shape(text, e)
    for b in e.blocks or ():
        assert 0 <= b.start < b.end <= len(text)
        assert b.kind in ("heading", "paragraph")
    for s in e.suppressions:
        assert 0 <= s.start <= s.end <= len(text)
        assert s.line >= 1


@pytest.mark.parametrize("fmt", FORMATS)
def test_fuzz_never_raises_and_keeps_shape(fmt: str) -> None:
    rng = random.Random(1234)
    for _ in range(600):
        text = "".join(
            rng.choice(_PIECES) + rng.choice(("", " ", "x")) for _ in range(rng.randint(0, 50))
        )
        _check_invariants(text, fmt)
    for _ in range(200):
        raw = bytes(rng.randrange(256) for _ in range(rng.randint(0, 300)))
        _check_invariants(raw.decode("utf-8", "replace"), fmt)


@pytest.mark.parametrize("fmt", ("markdown", "html"))
@pytest.mark.parametrize(
    "text",
    ["> " * 3000 + "x", "- " * 2000 + "x", "[" * 5000, "<a" * 20000, "<!--" * 20000, "&" * 20000],
)
def test_pathological_input_is_handled(fmt: str, text: str) -> None:
    _check_invariants(text, fmt)  # speed: benchmarks/, not a timed unit test


def test_one_megabyte_html_keeps_its_length() -> None:
    page = "<h2>Head</h2><p>Some <b>prose</b> &amp; a <a href='x'>link</a> on July 4.</p>\n"
    text = "<html><body>" + page * (1_000_000 // len(page)) + "</body></html>"
    e = extract(text, "html")
    assert len(e.text) == len(text)
    assert e.text.count("July 4") == 1_000_000 // len(page)


@pytest.mark.parametrize("fmt", ("markdown", "html"))
def test_bare_urls_are_masked(fmt: str) -> None:
    text = "Filed on May 1 at https://example.com/2019/03/03/story.\n\nhttp://x.org/1999\n"
    e = extract(text, fmt)
    assert_at_original_offsets(text, e, "Filed on May 1 at ")
    assert "2019" not in e.text and "1999" not in e.text
    assert e.text.rstrip().endswith(".")
    url = "https://example.com/2019/03/03/story"
    assert blocks(e) == [("paragraph", "Filed on May 1 at " + " " * len(url) + ".")]


def test_html_unquoted_attribute_with_apostrophe() -> None:
    text = "<p title=don't>It's fine on May 1</p><img alt='photo of 1999'>"
    e = extract(text, "html")
    assert_at_original_offsets(text, e, "It's fine on May 1")
    assert "title" not in e.text and "1999" not in e.text


def test_one_megabyte_markdown_prose_keeps_its_length() -> None:
    para = (
        "The minister said on Tuesday that the talks, first held in [Minsk](https://x.org/a) "
        "in *2014*, would resume on `never`. " * 5
    )
    text = ("## News of the day\n\n" + para + "\n\n") * (1_000_000 // (len(para) + 21))
    e = extract(text, "markdown")
    assert len(e.text) == len(text)
    assert "never" not in e.text and "x.org" not in e.text


def test_markdown_list_item_text_equal_to_its_number() -> None:
    text = "1. 1\n2. 2 and 2\n"
    e = extract(text, "markdown")
    assert e.text == "   1\n   2 and 2\n"


def test_html_unclosed_title_and_nested_headings() -> None:
    e = extract("<title>unclosed <p>Body</p>", "html")
    assert blocks(e) == [("paragraph", "unclosed"), ("paragraph", "Body")]
    e = extract("<h1>One<h2>Two</h2><p>Three", "html")
    assert blocks(e) == [("heading", "One"), ("heading", "Two"), ("paragraph", "Three")]

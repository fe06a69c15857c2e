"""Prose extraction from Markdown and HTML with positions kept as written.

`extract` returns a text of exactly the same length as its input in which
everything that is not prose (markup, code, front matter, URLs, tags, comments)
is replaced by spaces. Newlines (and carriage returns) are kept, so every
character offset, line and column found in the extracted text is also the
position in the file as written: no mapping is needed.

Alongside the text come the blocks (headings and paragraphs) taken from the
markup, and the suppression comments:

- ``<!-- factcheck off -->`` ... ``<!-- factcheck on -->`` drops findings in
  the range between the two comments (to the end of the file without an "on");
- ``<!-- factcheck ignore-next-line -->`` drops findings on the next line that
  has prose in the extracted text (for plain text: the next non-blank line).

Plain text uses ``# factcheck off`` / ``# factcheck on`` /
``# factcheck ignore-next-line`` lines instead.

Extraction never raises on any text: if a markup parser fails unexpectedly the
document is treated as plain text (every position is still right).
"""

from __future__ import annotations

import bisect
import contextlib
import html
import os
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from html.entities import html5
from typing import TYPE_CHECKING

from .segment import Block, is_heading

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

FORMATS = ("text", "markdown", "html")
_MARKDOWN_EXTENSIONS = frozenset({".md", ".markdown", ".mdown", ".mkd"})
_HTML_EXTENSIONS = frozenset({".html", ".htm", ".xhtml"})

_NOT_NEWLINE = re.compile(r"[^\n\r]+")
_FRONT_MATTER = re.compile(
    r"\A(?:\ufeff)?(?:---[ \t]*\r?\n(?:.*?\r?\n)??(?:---|\.\.\.)"
    r"|\+\+\+[ \t]*\r?\n(?:.*?\r?\n)??\+\+\+)[ \t]*(?=\r?\n|\Z)",
    re.DOTALL,
)
_DIRECTIVE = re.compile(
    r"\A\s*factcheck\s*[:]?\s*(?:(off|on|ignore[-\s]next[-\s]line)(?![\w-])"
    r"|ignore\[([^\]]*)\])",
    re.IGNORECASE,
)
_TEXT_DIRECTIVE = re.compile(r"^[ \t]*#[ \t]*(factcheck[: \t][^\r\n]*)$", re.MULTILINE)
_BARE_URL = re.compile(
    r"\b(?:https?://|ftp://|www\.)[^\s<>\"'`]*[^\s<>\"'`.,;:!?)\]}]", re.IGNORECASE
)
MAX_MARKDOWN_NESTING = 1_000_000
_MAX_LINK_TAIL = 4096  # longest "(destination "title")" we look through
_HTML_COMMENT = re.compile(r"<!--(.*?)(?:--!?>|\Z)", re.DOTALL)


@dataclass(frozen=True)
class Suppression:
    """A range of the original text whose findings are dropped."""

    kind: str  # "off" (a range) | "ignore-next-line" | "ignore[RULES]" (those rules only)
    start: int  # char offsets in the original text, end exclusive
    end: int
    line: int  # 1-based line of the comment itself
    rules: frozenset[str] | None = None  # rule ids for "ignore[...]"; None: every rule

    def covers(self, offset: int, rule: str) -> bool:
        """Does it drop a finding of `rule` at `offset`?"""
        return self.start <= offset < self.end and (self.rules is None or rule in self.rules)


@dataclass(frozen=True)
class Extracted:
    """Prose of a document at its original offsets, with blocks and suppressions."""

    text: str  # same length as the input; non-prose masked with spaces, "\n" kept
    blocks: tuple[Block, ...] | None  # None for plain text: the caller segments itself
    suppressions: tuple[Suppression, ...]


@dataclass(frozen=True)
class _Comment:
    """A comment (or plain-text directive line): offsets, body and 1-based line."""

    start: int
    end: int
    body: str
    line: int


def detect_format(path: str) -> str:
    """The format of a file ("markdown", "html" or "text") from its extension."""
    ext = os.path.splitext(path)[1].lower()
    if ext in _MARKDOWN_EXTENSIONS:
        return "markdown"
    if ext in _HTML_EXTENSIONS:
        return "html"
    return "text"


def extract(text: str, fmt: str) -> Extracted:
    """The prose of `text` in format `fmt` (one of FORMATS), same length as `text`."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; expected one of {', '.join(FORMATS)}")
    if fmt == "text":
        return _extract_text(text)
    try:
        return _extract_markdown(text) if fmt == "markdown" else _extract_html(text)
    except Exception:  # noqa: BLE001 - never fail on odd input; plain text keeps positions
        return _extract_text(text)


# --- the canvas: a masked copy of the text on which prose is shown again -------------


class _Canvas:
    """The output being built: everything masked, prose copied back where found."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.out = list(_NOT_NEWLINE.sub(lambda m: " " * len(m.group()), text))
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def show(self, start: int, end: int) -> None:
        """Copy text[start:end] back into the output."""
        self.out[start:end] = self.text[start:end]

    def put(self, pos: int, char: str) -> None:
        """Write one (decoded) character at `pos`."""
        self.out[pos] = char

    def line_of(self, pos: int) -> int:
        """0-based line index of offset `pos`."""
        return bisect.bisect_right(self.line_starts, pos) - 1

    def line_start(self, line: int) -> int:
        """Offset of the start of 0-based `line` (len(text) past the last line)."""
        if line >= len(self.line_starts):
            return len(self.text)
        return self.line_starts[max(line, 0)]

    def line_end(self, line: int) -> int:
        """Offset of the end of 0-based `line`, before its newline."""
        nxt = self.line_start(line + 1)
        return nxt - 1 if nxt > 0 and self.text[nxt - 1] == "\n" else nxt

    def block(self, start: int, end: int, kind: str) -> Block | None:
        """A block over the output's non-space extent in [start, end), if any."""
        return _trimmed(self.out, start, end, kind)

    def result(self) -> str:
        """The output text, with bare URLs (not prose, yet shown as text) masked too."""
        return _BARE_URL.sub(lambda m: " " * len(m.group()), "".join(self.out))


def _trimmed(chars: Sequence[str], start: int, end: int, kind: str) -> Block | None:
    """A block over the non-space extent of chars[start:end], if there is any."""
    while start < end and chars[start].isspace():
        start += 1
    while end > start and chars[end - 1].isspace():
        end -= 1
    return Block(start, end, kind) if start < end else None


def _finish(canvas: _Canvas, blocks: Sequence[Block], comments: Sequence[_Comment]) -> Extracted:
    """The Extracted result: blocks trimmed again once bare URLs are masked."""
    out = canvas.result()
    trimmed = (_trimmed(out, b.start, b.end, b.kind) for b in blocks)
    kept = tuple(b for b in trimmed if b is not None)
    return Extracted(out, kept, _suppressions(comments, canvas, out))


def _decode_entity(canvas: _Canvas, start: int, raw: str) -> None:
    """Show an entity/char reference `raw` found at `start` as its decoded character:
    one char followed by spaces, spaces if it decodes to several, as written if unknown."""
    decoded = _entity_value(raw)
    if decoded is None:
        canvas.show(start, start + len(raw))
    elif len(decoded) == 1 and not decoded.isspace() and decoded != "\ufffd":
        canvas.put(start, decoded)


def _entity_value(raw: str) -> str | None:
    """The text of "&name;", "&#65;", "&#x41;" (or legacy "&amp" without ";"), else None."""
    if raw.startswith("&#"):
        return html.unescape(raw if raw.endswith(";") else raw + ";")
    return html5.get(raw[1:])


# --- plain text ------------------------------------------------------------------------


def _extract_text(text: str) -> Extracted:
    found = list(_TEXT_DIRECTIVE.finditer(text))
    if not found:  # the usual case: no canvas to build
        return Extracted(text, None, ())
    canvas = _Canvas(text)
    comments = [
        _Comment(m.start(), m.end(), m.group(1), canvas.line_of(m.start()) + 1) for m in found
    ]
    masked = list(text)  # the directive lines are no prose: blank them (keeping the length)
    for c in comments:
        masked[c.start : c.end] = " " * (c.end - c.start)
    out = "".join(masked)
    return Extracted(out, None, _suppressions(comments, canvas, out))


# --- suppressions ------------------------------------------------------------------------


def _directive(body: str) -> str | None:
    """The directive ("off", "on", "ignore-next-line", "ignore[RULE,...]") of a comment
    body, or None."""
    m = _DIRECTIVE.match(body)
    if not m:
        return None
    if m.group(1) is None:
        return f"ignore[{m.group(2).strip()}]"
    word = m.group(1).lower()
    return word if word in ("off", "on") else "ignore-next-line"


def _rule_ids(words: str) -> frozenset[str]:
    """The rule ids that `ignore[...]` names (ids, names or codes; see `selection`)."""
    from .selection import SelectionError, resolve_rule

    out = set()
    for word in (w.strip() for w in words.split(",")):
        if word:
            try:
                out.add(resolve_rule(word))
            except SelectionError:
                out.add(word)  # names nothing: suppresses nothing (reported if asked)
    return frozenset(out)


def _suppressions(
    comments: Sequence[_Comment], canvas: _Canvas, out: str
) -> tuple[Suppression, ...]:
    """Suppression ranges from the directive comments, in document order."""
    result: list[Suppression] = []
    opened: _Comment | None = None
    for c in sorted(comments, key=lambda c: c.start):
        kind = _directive(c.body)
        if kind == "off" and opened is None:
            opened = c
        elif kind == "on" and opened is not None:
            result.append(Suppression("off", opened.end, c.start, opened.line))
            opened = None
        elif kind == "ignore-next-line":
            start, end = _next_prose_line(canvas, out, c.end)
            result.append(Suppression("ignore-next-line", start, end, c.line))
        elif kind is not None and kind.startswith("ignore["):
            # its own line when that line has prose ("… 2020. <!-- factcheck: ignore[X] -->"),
            # else the next line that has
            line = canvas.line_of(c.start)
            start, end = canvas.line_start(line), canvas.line_end(line)
            if not out[start:end].strip():
                start, end = _next_prose_line(canvas, out, c.end)
            result.append(Suppression(kind, start, end, c.line, _rule_ids(kind[7:-1])))
    if opened is not None:
        result.append(Suppression("off", opened.end, len(out), opened.line))
    return tuple(sorted(result, key=lambda s: (s.start, s.end)))


def _next_prose_line(canvas: _Canvas, out: str, after: int) -> tuple[int, int]:
    """Offsets of the first line after the one holding offset `after - 1` that is not
    blank in the extracted text; an empty range at the end if there is none."""
    line = canvas.line_of(max(after - 1, 0)) + 1
    while line < len(canvas.line_starts):
        start, end = canvas.line_start(line), canvas.line_end(line)
        if out[start:end].strip():
            return start, end
        line += 1
    return len(out), len(out)


# --- Markdown ------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _markdown_parser() -> MarkdownIt:
    """CommonMark plus tables and strikethrough; escapes and entities kept as separate
    tokens; every link accepted and left as written (we only need its position)."""
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark")
    # markdown-it stops parsing past its nesting limit (20 in CommonMark's preset) and
    # drops the rest of the document: a list nested 10 deep lost every paragraph after
    # it. Any depth is read; one deep enough to exhaust Python's stack falls back to
    # plain text (`extract`), which keeps all prose too.
    md.options["maxNesting"] = MAX_MARKDOWN_NESTING
    for rule in ("table", "strikethrough"):
        with contextlib.suppress(KeyError, ValueError):
            md.enable(rule)
    with contextlib.suppress(KeyError, ValueError):
        md.disable("text_join")
    md.validateLink = lambda url: True
    md.normalizeLink = lambda url: url
    md.normalizeLinkText = lambda text: text
    return md


def _markdown_source(text: str) -> str:
    """What markdown-it parses: same length and lines as `text`, front matter blanked,
    carriage returns as spaces (markdown-it would otherwise drop or count them)."""
    src = text.replace("\r", " ").replace("\0", "\ufffd")
    m = _FRONT_MATTER.match(src)
    if m:
        src = _NOT_NEWLINE.sub(lambda r: " " * len(r.group()), m.group()) + src[m.end() :]
    if src.startswith("\ufeff"):
        src = " " + src[1:]
    return src


def _extract_markdown(text: str) -> Extracted:
    src = _markdown_source(text)
    canvas = _Canvas(text)
    walker = _MarkdownWalker(canvas, src)
    walker.run(_markdown_parser().parse(src))
    return _finish(canvas, walker.blocks, walker.comments)


class _MarkdownWalker:
    """Walks markdown-it's block tokens; shows inline prose and records blocks."""

    def __init__(self, canvas: _Canvas, src: str) -> None:
        self.canvas = canvas
        self.src = src
        self.blocks: list[Block] = []
        self.comments: list[_Comment] = []
        self.context = "paragraph"
        self.row: list[tuple[int, int]] | None = None
        self.row_pos = 0
        self.nested = 0  # inside list items and block quotes: no heading-like paragraphs

    def region(self, line_map: Sequence[int] | None) -> tuple[int, int]:
        """Offsets of the source lines [first, last) of a token map."""
        if not line_map:
            return 0, len(self.src)
        return self.canvas.line_start(line_map[0]), self.canvas.line_start(line_map[1])

    def run(self, tokens: Sequence[Token]) -> None:
        line_map: Sequence[int] | None = None
        for tok in tokens:
            line_map = tok.map or line_map
            if tok.type in ("list_item_open", "blockquote_open"):
                self.nested += 1
            elif tok.type in ("list_item_close", "blockquote_close"):
                self.nested -= 1
            elif tok.type == "heading_open":
                self.context = "heading"
            elif tok.type == "paragraph_open":
                self.context = "paragraph"
            elif tok.type in ("th_open", "td_open"):
                self.context = "cell"
            elif tok.type == "tr_open":
                self.row, self.row_pos = [], self.region(tok.map)[0]
            elif tok.type == "tr_close":
                self.end_row()
            elif tok.type == "html_block":
                self.html_block(tok, line_map)
            elif tok.type == "inline":
                self.inline(tok, tok.map or line_map)

    def html_block(self, tok: Token, line_map: Sequence[int] | None) -> None:
        start, end = self.region(tok.map or line_map)
        for m in _HTML_COMMENT.finditer(self.src, start, end):
            line = self.canvas.line_of(m.start()) + 1
            self.comments.append(_Comment(m.start(), m.end(), m.group(1), line))

    def inline(self, tok: Token, line_map: Sequence[int] | None) -> None:
        start, limit = self.region(line_map)
        if self.context == "cell":
            walk = _InlineWalker(self.canvas, self.src, max(self.row_pos, start), limit, {})
        else:
            bounds = _line_bounds(self.canvas, self.src, tok.content, line_map)
            walk = _InlineWalker(self.canvas, self.src, bounds.get(-1, start), limit, bounds)
        walk.children(tok.children or [], visible=True)
        self.comments.extend(walk.comments)
        if self.context == "cell":
            self.row_pos = walk.pos
            if self.row is not None:
                self.row.extend(walk.spans)
            return
        self.add_block(walk.spans, self.context)

    def end_row(self) -> None:
        if self.row is not None:
            self.add_block(self.row, "paragraph")
        self.row = None

    def add_block(self, spans: Sequence[tuple[int, int]], kind: str) -> None:
        if not spans:
            return
        block = self.canvas.block(min(s for s, _ in spans), max(e for _, e in spans), kind)
        if block is None:
            return
        if kind == "paragraph" and self.context == "paragraph" and not self.nested:
            # a paragraph of one short line without final punctuation reads as a heading,
            # as in plain text (`segment.split_blocks`): the section's topic
            shown = "".join(self.canvas.out[block.start : block.end])
            if "\n" not in shown and is_heading(shown):
                block = Block(block.start, block.end, "heading")
        self.blocks.append(block)


def _line_bounds(
    canvas: _Canvas, src: str, content: str, line_map: Sequence[int] | None
) -> dict[int, int]:
    """Where each line's inline content starts in the source (after list bullets,
    blockquote markers and indentation), by locating the content line as a suffix of the
    source line. Key -1 is the start of the first line."""
    if not line_map:
        return {}
    bounds: dict[int, int] = {}
    for i, piece in enumerate(content.split("\n")):
        line = line_map[0] + i
        if line >= line_map[1]:
            break
        start, end = canvas.line_start(line), canvas.line_end(line)
        stripped = piece.strip()
        found = src.rfind(stripped, start, end) if stripped else -1
        bounds[line] = found if found >= 0 else start
    if bounds:
        bounds[-1] = bounds[line_map[0]]
    return bounds


class _InlineWalker:
    """Locates inline tokens in the source, left to right, from a cursor.

    markdown-it inline tokens carry no columns, so each child's text is searched for
    from the cursor. What cannot be located stays masked (never misplaced on purpose).
    """

    def __init__(
        self, canvas: _Canvas, src: str, pos: int, limit: int, bounds: dict[int, int]
    ) -> None:
        self.canvas = canvas
        self.src = src
        self.pos = pos
        self.limit = limit
        self.bounds = bounds
        self.spans: list[tuple[int, int]] = []
        self.comments: list[_Comment] = []
        self.autolink = False

    def children(self, tokens: Sequence[Token], visible: bool) -> None:
        for tok in tokens:
            handler: Callable[[Token, bool], None] | None = getattr(self, "_" + tok.type, None)
            if handler is not None:
                handler(tok, visible and not self.autolink)

    def find(self, needle: str, start: int | None = None) -> int:
        """Offset of `needle` from the cursor (or `start`) within the token's lines."""
        if not needle:
            return -1
        return self.src.find(needle, self.pos if start is None else start, self.limit)

    def _text(self, tok: Token, visible: bool) -> None:
        content = tok.content
        idx = self.find(content)
        end = idx + len(content)
        if idx < 0 and "|" in content:  # table cells unescape "\|" in their content
            pattern = r"\\?\|".join(re.escape(p) for p in content.split("|"))
            m = re.compile(pattern).search(self.src, self.pos, self.limit)
            idx, end = (m.start(), m.end()) if m else (-1, -1)
        if idx < 0:
            return
        if visible:
            self.canvas.show(idx, end)
            self.spans.append((idx, end))
        self.pos = end

    def _text_special(self, tok: Token, visible: bool) -> None:
        idx = self.find(tok.markup)
        if idx < 0:
            return
        end = idx + len(tok.markup)
        if visible:
            if tok.info == "escape":
                self.canvas.show(idx + 1, end)
            else:
                _decode_entity(self.canvas, idx, tok.markup)
            self.spans.append((idx, end))
        self.pos = end

    def _softbreak(self, tok: Token, visible: bool) -> None:
        newline = self.src.find("\n", self.pos, self.limit)
        if newline >= 0:
            self.pos = self.bounds.get(self.canvas.line_of(newline + 1), newline + 1)

    _hardbreak = _softbreak

    def _code_inline(self, tok: Token, visible: bool) -> None:
        ticks = tok.markup or "`"
        idx = self.find(ticks)
        if idx < 0:
            return
        close = self.find(ticks, idx + len(ticks))
        while close >= 0 and (
            self.src.startswith("`", close + len(ticks)) or self.src[close - 1] == "`"
        ):
            close = self.find(ticks, close + 1)
        if close >= 0:
            self.pos = close + len(ticks)

    def _html_inline(self, tok: Token, visible: bool) -> None:
        located = _find_lines(self.src, tok.content, self.pos, self.limit)
        if located is None:
            return
        start, end = located
        self.pos = end
        if tok.content.startswith("<!--"):
            body = tok.content[4:].removesuffix("-->")
            line = self.canvas.line_of(start) + 1
            self.comments.append(_Comment(start, end, body, line))

    def _link_open(self, tok: Token, visible: bool) -> None:
        if tok.markup == "autolink" or tok.info == "auto":
            idx = self.find("<")
            close = self.find(">", idx + 1) if idx >= 0 else -1
            if close >= 0:
                self.pos = close + 1
            self.autolink = True
            return
        idx = self.find("[")
        if idx >= 0:
            self.pos = idx + 1

    def _link_close(self, tok: Token, visible: bool) -> None:
        if self.autolink:
            self.autolink = False
            return
        close = self.find("]")
        if close >= 0:
            self.pos = _skip_link_tail(self.src, close + 1, self.limit)

    def _image(self, tok: Token, visible: bool) -> None:
        idx = self.find("![")
        if idx < 0:
            return
        self.pos = idx + 2
        self.children(tok.children or [], visible=False)
        close = self.find("]")
        if close >= 0:
            self.pos = _skip_link_tail(self.src, close + 1, self.limit)


def _find_lines(src: str, content: str, pos: int, limit: int) -> tuple[int, int] | None:
    """(start, end) of `content` in src[pos:limit]: verbatim, or else line by line (its
    later lines may be written after blockquote markers or indentation)."""
    idx = src.find(content, pos, limit) if content else -1
    if idx >= 0:
        return idx, idx + len(content)
    lines = content.split("\n")
    start = end = -1
    for i, line in enumerate(lines):
        piece = line if i == 0 else line.lstrip()
        found = src.find(piece, pos, limit) if piece else pos
        if found < 0:
            return None
        start = found if i == 0 else start
        end = pos = found + len(piece)
    return (start, end) if start >= 0 else None


def _skip_link_tail(src: str, pos: int, limit: int) -> int:
    """Past a link's "(destination "title")" or "[label]" right after its "]"."""
    if src.startswith("[", pos):
        close = src.find("]", pos, limit)
        return close + 1 if close >= 0 else pos
    if not src.startswith("(", pos):
        return pos
    depth = 0
    quote = ""
    i = pos
    limit = min(limit, pos + _MAX_LINK_TAIL)
    while i < limit:
        ch = src[i]
        if ch == "\\":
            i += 2
            continue
        if quote:
            quote = "" if ch == quote else quote
        elif ch in "\"'" and src[i - 1].isspace():
            quote = ch
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth == 0:
                return i + 1
        i += 1
    return pos


# --- HTML ------------------------------------------------------------------------------
#
# A small linear scanner rather than html.parser: the stdlib parser is quadratic on
# broken input such as "<a<a<a..." or many unclosed "<!--" (seconds for 100 kB).

_HIDDEN_TAGS = frozenset(
    {"script", "style", "pre", "code", "noscript", "template", "svg", "math", "textarea"}
)
_RAW_TEXT_TAGS = frozenset(
    {"script", "style", "textarea", "xmp", "iframe", "noembed", "noframes", "plaintext"}
)
_HEAD_TAGS = frozenset(
    {"title", "meta", "link", "style", "script", "base", "noscript", "template", "head"}
)
_HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6", "title"})
_BLOCK_TAGS = _HEADING_TAGS | frozenset(
    """
address article aside blockquote body br caption center dd details dialog dir div dl dt
fieldset figcaption figure footer form frameset head header hgroup hr html legend li main
menu nav noscript ol optgroup option p pre section summary table tbody td tfoot th thead
tr ul
""".split()
)
_HTML_SPECIAL = re.compile(r"<[A-Za-z/!?]|&[#A-Za-z]")
_AMPERSAND = re.compile(r"&[#A-Za-z]")
# Possessive (Python 3.11+): a tag of a million attributes is matched in linear time
# and constant memory; the backtracking form kept state for every character (200 MB a
# megabyte). Nothing is lost: after a quoted value or a run of plain characters no
# shorter match could end in ">" either.
try:
    _TAG = re.compile(r"""<(/?)([A-Za-z][^\s/<>]*)((?:[^<>"']++|"[^"]*+"|'[^']*+')*+)>""")
except re.error:  # Python 3.10
    _TAG = re.compile(r"""<(/?)([A-Za-z][^\s/<>]*)((?:[^<>"']|"[^"]*"|'[^']*')*)>""")
_LOOSE_TAG = re.compile(r"<(/?)([A-Za-z][^\s/<>]*)([^<>]*)>")  # for title=don't
_ENTITY = re.compile(r"&(?:#[0-9]{1,8};?|#[xX][0-9a-fA-F]{1,8};?|[A-Za-z][A-Za-z0-9]{0,40};?)")


def _extract_html(text: str) -> Extracted:
    canvas = _Canvas(text)
    scanner = _HtmlScanner(canvas)
    scanner.scan(0, len(text), _HTML_SPECIAL)
    scanner.boundary()
    return _finish(canvas, scanner.blocks, scanner.comments)


class _HtmlScanner:
    """Shows text outside tags and hidden elements; blocks at block-level tags."""

    def __init__(self, canvas: _Canvas) -> None:
        self.canvas = canvas
        self.text = canvas.text
        self.hidden: dict[str, int] = {}
        self.hidden_total = 0
        self.head = 0
        self.heading = 0
        self.blocks: list[Block] = []
        self.comments: list[_Comment] = []
        self.block_start = -1
        self.block_end = -1
        self.block_kind = "paragraph"
        self.end_tags: dict[str, tuple[int, re.Match[str] | None]] = {}

    def scan(self, start: int, end: int, special: re.Pattern[str]) -> None:
        """Text, tags, comments and references of text[start:end]."""
        pos = start
        while pos < end:
            m = special.search(self.text, pos, end)
            if m is None:
                self.data(pos, end)
                return
            self.data(pos, m.start())
            pos = self.special(m.start(), end)

    def special(self, i: int, end: int) -> int:
        """Handle the construct starting with "<" or "&" at `i`; where it ends."""
        text = self.text
        if text[i] == "&":
            return self.reference(i, end)
        if text.startswith("<!--", i):
            return self.comment(i)
        if text.startswith(("<!", "<?"), i):
            close = "]]>" if text.startswith("<![CDATA[", i) else ">"
            found = text.find(close, i + 2)
            return found + len(close) if found >= 0 else len(text)
        m = _TAG.match(text, i) or _LOOSE_TAG.match(text, i)
        if m is None:
            self.data(i, i + 1)
            return i + 1
        return self.tag(m)

    # state

    def visible(self) -> bool:
        if self.hidden_total:
            return False
        return self.head == 0 or self.heading > 0

    def boundary(self) -> None:
        """End the current block."""
        if self.block_start >= 0:
            block = self.canvas.block(self.block_start, self.block_end, self.block_kind)
            if block is not None:
                self.blocks.append(block)
        self.block_start = self.block_end = -1

    def add(self, start: int, end: int) -> None:
        """Record shown prose [start, end) in the current block."""
        if self.block_start < 0:
            self.block_start = start
            self.block_kind = "heading" if self.heading > 0 else "paragraph"
        self.block_end = end

    # tags

    def tag(self, m: re.Match[str]) -> int:
        name = m.group(2).lower()
        if m.group(1):
            self.end_tag(name)
            return m.end()
        self.start_tag(name)
        if m.group(3).rstrip().endswith("/"):
            self.end_tag(name)
            return m.end()
        if name in _RAW_TEXT_TAGS:
            return self.raw_text(name, m.end())
        if name == "title":
            return self.title(m.end())
        return m.end()

    def raw_text(self, name: str, start: int) -> int:
        """Skip the content of script, style and the like (never prose) to its end tag."""
        close = self.end_tag_after(name, start)
        if name == "plaintext" or close is None:
            return len(self.text)
        return close.start()

    def end_tag_after(self, name: str, start: int) -> re.Match[str] | None:
        """The next `</name` from `start`, remembered so that many unclosed tags of one
        name do not each search to the end of the text."""
        searched_from, found = self.end_tags.get(name, (len(self.text) + 1, None))
        if start >= searched_from and (found is None or found.start() >= start):
            return found
        found = re.compile(rf"</{name}[\s/>]", re.IGNORECASE).search(self.text, start)
        self.end_tags[name] = (start, found)
        return found

    def title(self, start: int) -> int:
        """The title's text (entities decoded, no tags) up to its end tag."""
        close = self.end_tag_after("title", start)
        if close is None:
            self.heading = max(self.heading - 1, 0)
            return start  # unclosed: read on as ordinary markup, not as a heading
        self.scan(start, close.start(), _AMPERSAND)
        return close.start()

    def start_tag(self, name: str) -> None:
        if name in _BLOCK_TAGS:
            self.boundary()
        if name == "body" or (self.head and name not in _HEAD_TAGS):
            self.head = 0  # an implicit </head>
        elif name == "head":
            self.head += 1
        if name in _HIDDEN_TAGS:
            self.hidden[name] = self.hidden.get(name, 0) + 1
            self.hidden_total += 1
        if name in _HEADING_TAGS:  # <h2> inside an open <h1> ends it, as in browsers
            self.heading = self.heading + 1 if name == "title" else 1

    def end_tag(self, name: str) -> None:
        if name in _BLOCK_TAGS:
            self.boundary()
        if name == "head":
            self.head = max(self.head - 1, 0)
        if self.hidden.get(name):
            self.hidden[name] -= 1
            self.hidden_total -= 1
        if name in _HEADING_TAGS:
            self.heading = max(self.heading - 1, 0)

    # text

    def data(self, start: int, end: int) -> None:
        if start >= end or not self.visible():
            return
        self.canvas.show(start, end)
        if not self.text[start:end].isspace():
            self.add(start, end)

    def reference(self, i: int, end: int) -> int:
        m = _ENTITY.match(self.text, i, end)
        if m is None:
            self.data(i, i + 1)
            return i + 1
        if self.visible():
            _decode_entity(self.canvas, i, m.group())
            self.add(i, m.end())
        return m.end()

    def comment(self, i: int) -> int:
        text = self.text
        if text.startswith(("<!-->", "<!--->"), i):
            return text.index(">", i + 4) + 1
        close = text.find("--", i + 4)
        while close >= 0 and not text.startswith(("-->", "--!>"), close):
            close = text.find("--", close + 1)
        if close < 0:
            body_end = end = len(text)
        else:
            body_end, end = close, text.index(">", close) + 1
        if not self.hidden_total:  # a directive inside code is not a directive
            line = self.canvas.line_of(i) + 1
            self.comments.append(_Comment(i, end, text[i + 4 : body_end], line))
        return end


# --- shown text: prose without the blanks that masked markup leaves -------------------

_BLANK_RUN = re.compile(r"[ \t\r\n\f\v]{2,}|[\t\r\n\f\v]")
_CLOSING = frozenset(",.;:!?)]}”’")
_OPENING = frozenset("([{“‘")


def prose(text: str, *offsets: int) -> tuple[str, list[int]]:
    """`text` to be shown (a sentence, a time expression): every run of blanks (what
    masked markup leaves, line breaks) one space, none before closing punctuation or
    after opening, none at the ends; with `offsets` into `text` moved to the result."""
    pieces: list[str] = []
    moved = list(offsets)
    new_len = 0  # length of the output so far
    pos = 0
    shifts: list[tuple[int, int, int, int]] = []  # each run: start, end, and in the output
    for m in _BLANK_RUN.finditer(text):
        pieces.append(text[pos : m.start()])
        new_len += m.start() - pos
        before = text[m.start() - 1] if m.start() else ""
        after = text[m.end()] if m.end() < len(text) else ""
        keep = bool(before and after) and before not in _OPENING and after not in _CLOSING
        start_out = new_len
        if keep:
            pieces.append(" ")
            new_len += 1
        shifts.append((m.start(), m.end(), start_out, new_len))
        pos = m.end()
    pieces.append(text[pos:])
    out = "".join(pieces)
    for i, offset in enumerate(offsets):
        delta_old, delta_new = 0, 0
        result = None
        for s, e, s_out, e_out in shifts:
            if offset < s:
                break
            if offset < e:  # inside a run: its start (or its end, once past it)
                result = s_out if offset == s else e_out
                break
            delta_old, delta_new = e, e_out
        moved[i] = result if result is not None else delta_new + (offset - delta_old)
    return out, moved

"""Limits on the work one document may cost: hostile or odd input (a scraped page of
nothing but dates, a 50 MB line, markup nested without end) must cost time and
memory in proportion to its size, and what exceeds a limit degrades to a clear
"skipped: too long" finding or warning, never to minutes of work.

Every limit sits well above what an article needs: ordinary text is never affected.
"""

from __future__ import annotations

# A sentence holding more time expressions than this, or longer than this many
# characters, is no statement a reader could check: its times are skipped (rule
# FC109 too-long) and it is not matched against the timeline.
MAX_SENTENCE_TIMES = 32
MAX_SENTENCE_CHARS = 5_000

# A document's time expressions past this many, or past one per CHARS_PER_TIME
# characters of the document if that is more, are not checked (a scraped page of
# dates, a log): they are counted in one warning, "skipped: too many". News has a
# time expression every few hundred characters: a long article is checked whole.
MAX_DOCUMENT_TIMES = 2_000
CHARS_PER_TIME = 100


def document_times(chars: int) -> int:
    """How many time expressions of a document of `chars` characters are checked."""
    return max(MAX_DOCUMENT_TIMES, chars // CHARS_PER_TIME)


# Claims of a document piece whose sentences are parsed only to show where their time
# attaches (time.head, time.path; the claims that could be flagged are always parsed):
# parsing costs about ten times tokenising, so a long report shows the first ones.
MAX_PARSED_SENTENCES = 200

# The largest input read, in bytes (`--max-size`): well above any article. A larger
# file is an error of that file; the others are still checked.
DEFAULT_MAX_BYTES = 20_000_000

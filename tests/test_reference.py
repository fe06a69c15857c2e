"""The reference date of a document (`factcheck.reference.find_reference_date`)."""

from __future__ import annotations

import random
from datetime import date

import pytest

from factcheck.reference import find_reference_date

CASES = [
    # YAML front matter
    ("---\ntitle: A flood\ndate: 2023-06-23\n---\nThe river rose.", date(2023, 6, 23),
     "front matter"),
    ("---\ndate: '2023-06-23T10:00:00Z'\n---\nBody.", date(2023, 6, 23), "front matter"),
    ('---\ndate: "June 23, 2023"\n---\nBody.', date(2023, 6, 23), "front matter"),
    ("---\npublished: 23 June 2023\n---\nBody.", date(2023, 6, 23), "front matter"),
    ("\ufeff---\ndate: 2021-12-01\n...\nBody.", date(2021, 12, 1), "front matter"),
    # HTML
    ('<html><head><meta property="article:published_time" content="2021-02-03T04:05:06Z">'
     "</head><body>x</body></html>", date(2021, 2, 3), "HTML meta"),
    ("<meta name='date' content='2019-11-30'>", date(2019, 11, 30), "HTML meta"),
    ('<meta itemprop="datePublished" content="2018-05-06">', date(2018, 5, 6), "HTML meta"),
    ('<script type="application/ld+json">{"@type": "NewsArticle", '
     '"datePublished": "2022-01-02T08:00:00+01:00"}</script>', date(2022, 1, 2), "JSON-LD"),
    ('<p>Posted <time datetime="2020-07-29T10:00">Wednesday</time></p>',
     date(2020, 7, 29), "HTML <time>"),
    # datelines with a year
    ("MINSK, July 29, 2020 (Reuters) - Officials said on Wednesday ...", date(2020, 7, 29),
     "dateline"),
    ("NEW YORK, Sept. 3, 2019 /PRNewswire/ -- Acme Corp. announced ...", date(2019, 9, 3),
     "dateline"),
    ("PARIS, 29 July 2020 (AFP) - The minister said ...", date(2020, 7, 29), "dateline"),
    ("WASHINGTON, Tuesday, July 28, 2020 (AP) — Lawmakers ...", date(2020, 7, 28),
     "dateline"),
    ("Headline here\n\nLONDON, March 2, 2021 - Prices rose ...", date(2021, 3, 2), "dateline"),
    # a yearless dateline with the year from a publication line of the head
    ("Published July 30, 2020\n\nMINSK, July 29 (Reuters) - Officials said ...",
     date(2020, 7, 29), "dateline + year"),
    ("Copyright 2020 Example News\nMINSK, July 29 (Reuters) - Officials said ...",
     date(2020, 7, 29), "dateline + year"),
    ("Updated: 2021-01-02 09:00\nLONDON, Dec. 31 (Reuters) - Markets closed ...",
     date(2020, 12, 31), "dateline + year"),
]


@pytest.mark.parametrize("text,expected,source", CASES)
def test_reference_date(text: str, expected: date, source: str) -> None:
    assert find_reference_date(text) == (expected, source)


NONE_CASES = [
    "",
    "The meeting was held in 2019 and again on July 29.",
    # a yearless dateline and nothing else: the year is not guessed (never the clock)
    "MINSK, July 29 (Reuters) - Officials said on Wednesday ...",
    # publication lines that disagree on the year: no year
    "Copyright 2019 Example\nUpdated 2020\nMINSK, July 29 (Reuters) - Officials said ...",
    # a date in running text is not a dateline
    "He arrived in MINSK, July 29, 2020 - and left.",
    "---\ntitle: no date\n---\nBody text.",
    "---\ndate: someday\n---\nBody text.",
    '<meta property="article:published_time" content="2021-02-30T00:00:00Z">',
    "PARIS, February 30, 2020 (AFP) - Impossible date.",
]


@pytest.mark.parametrize("text", NONE_CASES)
def test_no_reference_date(text: str) -> None:
    assert find_reference_date(text) is None


def test_order_front_matter_first() -> None:
    text = ("---\ndate: 2023-01-05\n---\n<meta property='article:published_time' "
            "content='2022-01-01'>\nMINSK, July 29, 2020 (Reuters) - x")
    assert find_reference_date(text) == (date(2023, 1, 5), "front matter")


def test_dateline_only_in_the_head() -> None:
    text = "x " * 2000 + "\nMINSK, July 29, 2020 (Reuters) - late dateline"
    assert find_reference_date(text) is None


def test_never_raises_on_garbage() -> None:
    rng = random.Random(7)
    alphabet = "0123456789-/:,. \n<>'\"=ADJMNOSFadtemy()–—©"
    for _ in range(300):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 120)))
        found = find_reference_date(text)
        assert found is None or isinstance(found[0], date)
    assert find_reference_date(None) is None  # type: ignore[arg-type]


@pytest.mark.parametrize("value,expected", [
    ("2023-06-23", date(2023, 6, 23)),
    ("1998-02-27T08:17:00", date(1998, 2, 27)),
    ("1990-08-15T13:37", date(1990, 8, 15)),
    ("2020-07-29 10:00", date(2020, 7, 29)),
    ("2020-07-29T23:30:00Z", date(2020, 7, 29)),
    ("2020-07-29T23:30:00.123+02:00", date(2020, 7, 29)),
    (" 2020-07-29 ", date(2020, 7, 29)),
    ("2020-02-30", None),
    ("29/07/2020", None),
    ("yesterday", None),
    ("", None),
])
def test_parse_reference_date(value: str, expected: date | None) -> None:
    from factcheck.reference import parse_reference_date

    assert parse_reference_date(value) == expected

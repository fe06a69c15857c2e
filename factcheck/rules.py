"""The rule registry: every decision of the claims engine, named once.

Each rule has a stable code (`FC101`), a kebab-case name, a kind, a summary, a
longer explanation, and examples that fire and examples that must not, written
against the timeline bundled with the package (`tests/test_rules.py` runs them).
The kinds follow the engine's stages:

- `skip`: a time expression is set aside, no claim ("--show skipped" lists them);
- `role`: what the time is to its sentence (a forecast, the time of a delay);
- `relation`: what kind of claim it makes (an order, a weekday);
- `link`: how the event it dates was chosen;
- `verdict`: the verdict, with its severity.

Every claim carries `trace`, the codes of the rules that decided it, in order;
`Finding.rule` is the name of the deciding (verdict) rule, as it always was, and
`Finding.rule_id` its code. `factcheck rules [CODE|NAME]` prints this registry.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

KINDS = ("skip", "role", "relation", "link", "verdict")


@dataclass(frozen=True)
class Example:
    """A text (checked against the bundled timeline) and its reference date."""

    text: str
    reference_date: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "reference_date": self.reference_date}


@dataclass(frozen=True)
class Rule:
    id: str  # stable code, FCnnn
    name: str  # kebab-case
    kind: str  # one of KINDS
    short: str  # one line
    help: str  # what, and why
    level: str = "none"  # SARIF level of a finding it decides: error | warning | note
    verdicts: tuple[str, ...] = ()  # the verdicts it can give (verdict rules)
    fires: tuple[Example, ...] = field(default=())
    must_not: tuple[Example, ...] = field(default=())

    @property
    def verdict(self) -> str | None:
        """The verdict it gives: the flag if it can flag, else its only one."""
        flags = [v for v in self.verdicts if v in ("contradicted", "conflated")]
        return (flags or list(self.verdicts) or [None])[0]

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "kind": self.kind,
            "summary": self.short,
            "help": self.help,
            "verdict": self.verdict,
            "verdicts": list(self.verdicts),
            "severity": {"error": "error", "warning": "warning", "note": "info"}.get(self.level),
            "examples": {
                "fires": [e.to_dict() for e in self.fires],
                "must_not": [e.to_dict() for e in self.must_not],
            },
        }


def _ex(*texts: str, ref: str | None = None) -> tuple[Example, ...]:
    return tuple(Example(t, ref) for t in texts)


_ALL: tuple[Rule, ...] = (
    # -- skip: time expressions that are no claim about an event's time
    Rule(
        "FC100",
        "not-a-date",
        "skip",
        "The expression is no checkable date (a duration, a set, 'now', a vague span).",
        "Durations ('three years'), repetitions ('every Monday'), the present ('now') and "
        "vague spans ('the past decade') give no interval an event could be checked against. "
        "Listed (--show skipped) in sentences that also hold a checkable date.",
        fires=_ex("The Wagner mutiny began on June 23, 2023 and lasted less than two days."),
        must_not=_ex("The Wagner mutiny began on June 23, 2023."),
    ),
    Rule(
        "FC101",
        "date-line",
        "skip",
        "A date on a line of its own (or nearly): when the piece was written, not an event.",
        "Publication lines ('Published 24 July 2023'), bylines with a date and dates alone on "
        "a line date the document.",
        fires=_ex(
            "Wagner mutiny explained\n\n24 July 2023\n\nThe Wagner mutiny shook Russia.",
            "The Wagner mutiny, a year on\nBy the foreign desk | 24 June 2022\n\nThe Wagner "
            "mutiny shook Russia.",
        ),
        must_not=_ex(
            "The Wagner mutiny began on 23 June 2023 in Rostov-on-Don.",
            "By the evening of 24 June 2023 the Wagner mutiny was over.",
        ),
    ),
    Rule(
        "FC102",
        "dateline",
        "skip",
        "The dateline of a wire story ('MINSK, July 29 (Reuters) -').",
        "A place in capitals, a date and an agency or a dash open a wire story: the date is "
        "when it was filed.",
        fires=_ex("MINSK, July 29, 2020 (Reuters) - Belarus detained 33 Wagner contractors."),
        must_not=_ex("Belarus detained 33 Wagner contractors on July 29, 2020."),
    ),
    Rule(
        "FC107",
        "page-chrome",
        "skip",
        "Web-page chrome: a reference list's entry, a photo caption, a maintenance tag.",
        "Scraped pages carry dates that belong to the page, not to the events: '[3] Court "
        "records, September 2015', 'Retrieved 3 May 2024', 'pictured in 2023', 'This "
        "article needs additional citations. (May 2024)'.",
        fires=_ex(
            "The Wagner mutiny began on June 23, 2023.[1] This section needs expansion. "
            "(May 2024)\n\n[1] Wagner mutiny coverage. Retrieved 3 May 2024."
        ),
        must_not=_ex("The Wagner mutiny began on June 23, 2023.[1]"),
    ),
    Rule(
        "FC108",
        "quoted-relative",
        "skip",
        "A relative time inside a quotation ('\"... would not exist today,\" she said').",
        "A quotation's 'today', 'last week' or 'on Sunday' counts from when the words were "
        "spoken, which the text need not give: no claim about the timeline. Quotations "
        "are followed over the sentences of a paragraph.",
        fires=_ex(
            '"The Wagner mutiny was crushed. It ended yesterday," the Kremlin said.',
            ref="2024-03-01",
        ),
        must_not=_ex("The Wagner mutiny ended yesterday.", ref="2023-06-25"),
    ),
    Rule(
        "FC103",
        "fiscal-period",
        "skip",
        "A fiscal period ('fiscal 2023', 'the first quarter of the financial year', 'a "
        "second-quarter loss').",
        "A company's fiscal year is not the calendar's: its quarters say nothing checkable "
        "about an event's date. A quarter or a half of a year ('Q2', 'the second quarter', "
        "'H1'), or the year after 'profit for', 'revenue for', is the period results are "
        "about, not when they were reported.",
        fires=_ex(
            "Wagner's revenue rose in the first quarter of the fiscal year 2023, before the "
            "Wagner mutiny.",
            "Wagner reported a second-quarter loss after the Wagner mutiny of June 2023.",
            "Wagner booked a record profit for 2022, before the Wagner mutiny.",
        ),
        must_not=_ex(
            "The Wagner mutiny began in June 2023.",
            "The Wagner mutiny cost Wagner its profits in 2023.",
        ),
    ),
    Rule(
        "FC104",
        "bound",
        "skip",
        "A bound ('as early as 2019', 'as late as May', 'going back to 1940'): not the "
        "event's date.",
        "The words say the event was no earlier (or later) than the time, not at it, or give "
        "the start of a record ('the hottest day in records going back to 1940').",
        fires=_ex(
            "Officials knew of the Wagner mutiny plans as early as June 2022.",
            "The Wagner mutiny was the gravest revolt in records going back to 1990.",
        ),
        must_not=_ex("The Wagner mutiny began in June 2023."),
    ),
    Rule(
        "FC105",
        "comparison-baseline",
        "skip",
        "The baseline of a comparison ('up 5% compared to 2022', 'more than in 2019').",
        "A figure compared with a time dates the baseline, not an event of the sentence.",
        fires=_ex("Wagner recruitment after the Wagner mutiny was down 40% compared to 2022."),
        must_not=_ex("The Wagner mutiny began in June 2023."),
    ),
    Rule(
        "FC106",
        "report-date",
        "skip",
        "The date of a report about something earlier ('said on Thursday that it had ...').",
        "A reporting verb before the time, followed by a past event, dates the report. A "
        "report of news ('announced Monday it has settled') dates the news and is kept.",
        fires=_ex(
            "The Kremlin said on Thursday that the Wagner mutiny had ended quickly.",
            ref="2023-07-07",
        ),
        must_not=_ex("The Wagner mutiny began on Friday.", ref="2023-06-26"),
    ),
    Rule(
        "FC109",
        "too-long",
        "skip",
        "Skipped: too long (a 'sentence' with more than 32 time expressions or 5,000 characters).",
        "A run of dates without sentence breaks (a scraped table, a list of dates, a page "
        "of markup read as text) is no statement a reader could check, and checking every "
        "pair of its times would cost time that grows with the square of its length. Its "
        "first 32 times are listed (--show skipped), and the report warns once per "
        "document with the count of all (factcheck/limits.py holds the limits).",
        fires=_ex(" ".join(f"{1990 + i} June {1 + i % 28} Sunday" for i in range(40)) + "."),
        must_not=_ex("The Wagner mutiny began on June 23, 2023 and ended on June 24, 2023."),
    ),
    Rule(
        "FC110",
        "date-in-name",
        "skip",
        "The time is part of the name of its event ('the 2015 Belarusian presidential "
        "election').",
        "A year inside an alias names the event ('2024 warmest year on record' is the WMO's "
        "announcement of January 2025): the event is found by it, and it is no statement of "
        "when the event happened. `timeline validate` warns about such aliases.",
        fires=_ex("Lukashenko won the 2015 Belarusian presidential election in a landslide."),
        must_not=_ex("Lukashenko won the Belarusian presidential election in October 2015."),
    ),
    Rule(
        "FC111",
        "anniversary",
        "skip",
        "The time dates an anniversary of the event ('today marks the 90th anniversary of', "
        "'celebrates forty years since').",
        "The parse gives the verb a time attaches to: when that verb keeps an anniversary "
        "(mark, celebrate, commemorate, observe, remember) and the sentence tells one (an "
        "anniversary, a centenary, 'forty years since', 'half a century'), the time is the "
        "day of the anniversary, not of the event. A time of another verb of the sentence "
        "('the serial that first went out on 29 May 1950 marks the anniversary') is checked.",
        fires=_ex("Russia marks one year since the Wagner mutiny on Sunday.", ref="2024-06-24"),
        must_not=_ex(
            "The Wagner mutiny, which began on June 23, 2022, marks its first anniversary.",
            ref="2024-06-24",
        ),
    ),
    # -- role: what the time is to its sentence
    Rule(
        "FC301",
        "forecast-wording",
        "role",
        "The time is in a plan or forecast ('will', 'is expected to', 'plans to').",
        "A plan stated at the time may change without the article being wrong: such a claim "
        "is checked, but never flagged unless the event was still to come when the text was "
        "written.",
        fires=_ex("The Wagner mutiny will be commemorated in 2025.", ref="2024-01-10"),
        must_not=_ex("The Wagner mutiny was put down in June 2023.", ref="2024-01-10"),
    ),
    Rule(
        "FC302",
        "delayed-until",
        "role",
        "'Delayed until April', 'not due until May': the event happens at the time.",
        "Until after a delay or a negation gives the time of the event, not a span up to it.",
        fires=_ex("The Kharkiv counteroffensive was delayed until September 2022."),
        must_not=_ex("Fighting continued until September 2022."),
    ),
    Rule(
        "FC304",
        "year-unstated",
        "role",
        "A date without a year ('on August 25') is taken in the year of the event it dates.",
        "When neither the date nor the sentences just before give the year, the reader "
        "takes it from the event the sentence is about; the year a date would get from the "
        "document's date alone is a guess the text cannot be held to. Only a sentence that "
        "names the event, or a date of the event's own verb (FC212), is then held to that "
        "year: a description may be of another year's event of the kind, so a date it "
        "misses is left unverifiable.",
        fires=_ex("The Wagner mutiny began on June 23.", ref="2025-05-01"),
        must_not=_ex("The Wagner mutiny began on June 23, 2023.", ref="2025-05-01"),
    ),
    Rule(
        "FC303",
        "modified-time",
        "role",
        "A modified time is widened to what it allows ('about three years ago', 'late 2022').",
        "'About', 'nearly', 'less than' and the like widen the interval a time stands for, so "
        "that a checker does not hold the text to more precision than it claims.",
        fires=_ex("The Wagner mutiny happened about three years ago.", ref="2026-06-24"),
        must_not=_ex("The Wagner mutiny happened three years ago.", ref="2026-06-24"),
    ),
    # -- relation: the kind of claim
    Rule(
        "FC401",
        "order-phrase",
        "relation",
        "An order claim: 'since X', 'after X', 'before X', 'for the first time since X'.",
        "An event named after an order word is the anchor; the sentence's event must lie on "
        "that side of it.",
        fires=_ex(
            "Putin and Lukashenko met for the first time since the Wagner mutiny in St "
            "Petersburg on Sunday.",
            ref="2023-07-24",
        ),
        must_not=_ex("The Wagner mutiny began in June 2023."),
    ),
    Rule(
        "FC402",
        "weekday-claim",
        "relation",
        "A weekday without a resolved date ('on Sunday' in a text without a date).",
        "Only the day of the week is stated: it is checked against the days the event covers.",
        fires=_ex("The Wagner mutiny began on a Friday."),
        must_not=_ex("The Wagner mutiny began on June 23, 2023."),
    ),
    # -- link: how the event was chosen
    Rule(
        "FC201",
        "named-in-clause",
        "link",
        "An event named by an alias in the time's clause, nearest to it.",
        "A name is the strongest link: the time in its clause, nearest to the name, dates it.",
        fires=_ex("The Wagner mutiny began on June 23, 2023."),
        must_not=_ex("Wagner fighters seized Rostov-on-Don in June 2023."),
    ),
    Rule(
        "FC202",
        "named-elsewhere",
        "link",
        "An event named in another clause of the sentence: a weak link.",
        "The time is not in the clause of the name (or another time is nearer to it): the "
        "link holds, at a score that never contradicts.",
        fires=_ex("The Wagner mutiny shook Moscow, and talks were held in July 2023."),
        must_not=_ex("The Wagner mutiny began on June 23, 2023."),
    ),
    Rule(
        "FC203",
        "named-fitting-other",
        "link",
        "The time does not fit the nearest named event but fits another one the sentence names.",
        "Two events named in one sentence: the date belongs to the one it fits.",
        fires=_ex("The fall of Bakhmut and the Wagner mutiny both came in May 2023."),
        must_not=_ex("The Wagner mutiny began on June 23, 2023."),
    ),
    Rule(
        "FC204",
        "respectively",
        "link",
        "Coordinated times pair with the events named after them, in order.",
        "'In June and August to stage the Wagner mutiny and ...': each time dates the event in "
        "its place. Without the word 'respectively' the order is no claim: a time that fits "
        "exactly one of the events named pairs with that one ('in 2017 and 2018, including "
        "the Camp Fire and the Tubbs Fire').",
        fires=_ex(
            "In June 2023 and August 2023 came the Wagner mutiny and the Prigozhin plane crash."
        ),
        must_not=_ex("In June 2023 came the Wagner mutiny."),
    ),
    Rule(
        "FC205",
        "paragraph-topic",
        "link",
        "No event in the sentence: the event the paragraph named a sentence or two ago.",
        "A topic link never contradicts on its own (its score is below a clear link).",
        fires=_ex("The Wagner mutiny shook Russia. Fighters reached Rostov-on-Don in June 2023."),
        must_not=_ex("Fighters reached Rostov-on-Don in June 2023."),
    ),
    Rule(
        "FC206",
        "heading-topic",
        "link",
        "No event in the sentence: the event the section heading names.",
        "A section about an event explains it; a related event's date there is the conflation "
        "the tool exists for (the origin case).",
        fires=_ex(
            "Belarus and Russia\n\nThe Wagner Mutiny\n\nIn July 2020, some members of the "
            "Wagner Group were arrested in Belarus."
        ),
        must_not=_ex("In July 2020, some members of the Wagner Group were arrested in Belarus."),
    ),
    Rule(
        "FC207",
        "described",
        "link",
        "The event the sentence describes best (keywords and entities).",
        "No name: the best-described event, with a bonus for the title's or heading's event.",
        fires=_ex("Prigozhin's fighters rebelled in Rostov-on-Don in June 2023."),
        must_not=_ex("The Wagner mutiny began on June 23, 2023."),
    ),
    Rule(
        "FC208",
        "described-fitting",
        "link",
        "Among equally described events, the one the date fits.",
        "The date may pick among events described about as well, never over one described "
        "with clearly more evidence.",
        fires=_ex("Prigozhin and Lukashenko met in Belarus in July 2023."),
        must_not=_ex("The Wagner mutiny began on June 23, 2023."),
    ),
    Rule(
        "FC209",
        "described-nearest",
        "link",
        "Among equally described events none fits: the one nearest in time.",
        "A misdating is likelier small than large.",
        fires=_ex("Prigozhin and Lukashenko met in Belarus in July 2022."),
        must_not=_ex("Prigozhin and Lukashenko met in Belarus in July 2023."),
    ),
    Rule(
        "FC210",
        "premodified-noun",
        "link",
        "A time before a noun ('the 2023 mutiny', 'Saturday's mutiny') dates only events of "
        "that noun.",
        "The noun the time modifies, after a determiner or as a possessive, says what it "
        "dates: events without that word are no candidates ('Prigozhin called off the march "
        "after Friday's talks' dates talks, not the march).",
        fires=_ex(
            "The 2023 mutiny by Wagner shook Moscow.",
            "Prigozhin led Saturday's mutiny by Wagner.",
        ),
        must_not=_ex("The mutiny by Wagner in 2023 shook Moscow."),
    ),
    Rule(
        "FC211",
        "absorbed-by-fitting",
        "link",
        "The chosen event does not fit the date; another event the sentence describes does.",
        "Reading the date as the other event's accuses nobody, so it wins over a flag, except "
        "in a section whose heading names the chosen event.",
        fires=_ex("The Wagner mutiny shook Moscow, and talks were held in July 2023."),
        must_not=_ex("The Wagner mutiny began on June 23, 2023."),
    ),
    Rule(
        "FC212",
        "own-predicate",
        "link",
        "The date is an adverbial of a verb of one event only: that event's date.",
        "Where the date would pick another event the sentence describes (absorbed-by-"
        "fitting, named-fitting-other, described-fitting), the parse decides: when the "
        "date modifies a verb directly ('was completed on February 14, 2013', 'completed "
        "last week') and that verb is a keyword or a word of the name of one event only, "
        "the date is that event's, and a related event's date is a conflation, never a "
        "reason to switch events. In a section whose heading names an event, a date that "
        "misses it but fits another event the sentence mentions is that one's when the "
        "verb is that one's ('The boards agreed the takeover on February 14' under a "
        "heading about the takeover's completion). A verb that only says something "
        "happened ('began', 'took place') decides nothing, nor does a verb above a time "
        "inside a noun phrase "
        "('overturned his 2020 conviction' dates the conviction).",
        fires=_ex("Lukashenko was inaugurated on August 9, 2020, after the disputed election."),
        must_not=_ex(
            "Lukashenko was inaugurated on September 23, 2020, after the disputed election.",
            "The disputed election took place on August 9, 2020, before Lukashenko was "
            "inaugurated.",
        ),
    ),
    Rule(
        "FC213",
        "own-subject",
        "link",
        "The subject of the date's verb is an actor of the event the date fits, not of the "
        "one the words describe.",
        "When the date misses the event chosen from the sentence's words but fits another "
        "event the sentence mentions, and the proper name that is the subject of the verb "
        "the date modifies is among that event's entities and not the chosen one's ('Alex "
        "Honnold climbed El Capitan on 3 June 2017', described like another ascent of El "
        "Capitan), the date is that event's: no flag.",
        fires=_ex(
            "Yulia Tymoshenko addressed the crowd on February 22, 2014, as gunmen seized the "
            "administration in Sloviansk."
        ),
        must_not=_ex(
            "Gunmen addressed the crowd on February 22, 2014, as they seized the "
            "administration in Sloviansk."
        ),
    ),
    Rule(
        "FC214",
        "anchor-date",
        "link",
        "A date right after the event of an order phrase dates that event ('after the "
        "collapse of Mt. Gox in February 2014').",
        "An order phrase ('after', 'since', 'before' and an event's name) puts the "
        "sentence's event in time relative to another one; a date that follows that "
        "name directly, in the same phrase ('on', 'in' or nothing between), tells when "
        "the named event happened, and is judged against it, never against the "
        "sentence's other events.",
        fires=_ex("After the Wagner mutiny on June 23, 2023, Prigozhin went to Belarus."),
        must_not=_ex(
            "After the Wagner mutiny, Prigozhin went to Belarus on June 27, 2023.",
        ),
    ),
    Rule(
        "FC220",
        "clear-name",
        "link",
        "The time's clause names the event with a strong link: a contradiction may follow.",
        "Only a name (or a clear description) in the date's own clause can carry an error.",
        fires=_ex("The Wagner mutiny began on June 23, 2022."),
        must_not=_ex("The Wagner mutiny began on June 23, 2023."),
    ),
    Rule(
        "FC221",
        "clear-description",
        "link",
        "The time's clause describes the event by a keyword and an entity, clearly.",
        "A description scoring at least `clear_description` in the date's own clause (the "
        "other clauses masked) can carry an error.",
        fires=_ex("Prigozhin's fighters rebelled in Rostov-on-Don in June 2021."),
        must_not=_ex("Prigozhin's fighters rebelled in Rostov-on-Don in June 2023."),
    ),
    # -- verdicts
    Rule(
        "FC511",
        "weekday-of-date",
        "verdict",
        "A weekday beside a date it is not the weekday of ('Monday, June 23, 2023').",
        "The text contradicts itself: the date and its weekday cannot both be right, "
        "whichever event the date is of. A year the reader takes from the event counts only "
        "when the sentence names it; a date tied to no timeline event counts only when it "
        "states its own year, on one line, with nothing relative in it.",
        "error",
        ("contradicted",),
        fires=_ex(
            "The Wagner mutiny began on Monday, June 23, 2023.",
            "The plant in Lyon closed on Monday, June 23, 2023.",
        ),
        must_not=_ex(
            "The Wagner mutiny began on Friday, June 23, 2023.",
            "The plant in Lyon closed on Monday, June 23.",
        ),
    ),
    Rule(
        "FC512",
        "ambiguous-description",
        "verdict",
        "Several events are described about equally well and the date fits none of them.",
        "Without a name, the nearest of equally described events is only a guess: a flag "
        "would accuse the text on a guess, so the claim is left unverifiable.",
        "note",
        ("unverifiable",),
        fires=_ex("Prigozhin and Lukashenko met in Belarus in July 2022."),
        must_not=_ex("Prigozhin and Lukashenko met in Belarus in July 2023."),
    ),
    Rule(
        "FC513",
        "other-predicate",
        "verdict",
        "The date attaches to a word that is not what the timeline tells of the event.",
        "The parser gives the word a time expression attaches to. When it is neither a word "
        "of the event (keywords, aliases, title) nor a verb that only says something "
        "happened ('began', 'was', 'took place'), the date is of something else that "
        "happened to the event's actors ('the names Harvey and Irma were retired on April "
        "12, 2018'): no flag. A date that modifies a noun of the event's name on the way "
        "to that word dates the event itself ('the Abqaiq attack of September 2020 showed "
        "...'): the rule does not fire.",
        "note",
        ("unverifiable",),
        fires=_ex("Prigozhin, leader of the Wagner mutiny, was buried in June 2022."),
        must_not=_ex(
            "The Wagner mutiny began on June 23, 2022.",
            "The Wagner mutiny of June 2022 shocked Russia.",
        ),
    ),
    Rule(
        "FC514",
        "since-bound",
        "verdict",
        "A time after 'since' that the event does not begin at: a state's start or a record's "
        "baseline.",
        "'Since 2008' tells when a state began ('has ruled since 1971') or the last time "
        "before a record ('the first output cut since 2008'); it dates the event only when "
        "the event is that beginning. When it does not fit, the text may be dating "
        "something else: no flag.",
        "note",
        ("unverifiable",),
        fires=_ex(
            "The Wagner mutiny was the first armed revolt in Russia since 1993.", ref="2024-01-10"
        ),
        must_not=_ex(
            "Wagner fighters have been in Belarus since the mutiny of June 2023.",
            ref="2024-01-10",
        ),
    ),
    Rule(
        "FC515",
        "gap",
        "verdict",
        "A stated distance between two events ('two years after American Pharoah') against "
        "the timeline.",
        "An order phrase with a duration before it ('three years after the collapse', "
        "'70 years to the day after') claims how far apart the events are. The days "
        "between them, as far as the timeline's dates tell, must meet what the words allow: "
        "'two years' 1.5 to 3 years, 'more than two years' two or more, 'almost two years' "
        "one to two, 'about two years' 1.25 to 2.75, 'to the day' the very day. Flagged "
        "only when the sentence names the later event in the clause; a distance the "
        "timeline cannot tell (dates too coarse) is left to the order check.",
        "error",
        ("supported", "contradicted"),
        fires=_ex(
            "The Wagner mutiny began two years after the arrest of Wagner contractors in "
            "Belarus.",
            "The Wagner mutiny began five years after the arrest of Wagner contractors in "
            "Belarus.",
        ),
        must_not=_ex(
            "The Wagner mutiny began after the arrest of Wagner contractors in Belarus."
        ),
    ),
    Rule(
        "FC501",
        "date",
        "verdict",
        "The stated date fits the event.",
        "The stated time overlaps the event's dates at the precision stated.",
        "note",
        ("supported",),
        fires=_ex("The Wagner mutiny began on June 23, 2023."),
        must_not=_ex("The Wagner mutiny began on June 23, 2022."),
    ),
    Rule(
        "FC502",
        "weekday",
        "verdict",
        "A stated weekday against the event's days.",
        "A weekday ('on Sunday') is checked against the days the event covers: supported if "
        "one of them, contradicted if none.",
        "error",
        ("supported", "contradicted"),
        fires=_ex("The Wagner mutiny began on a Friday."),
        must_not=_ex("The Wagner mutiny began on June 23, 2023."),
    ),
    Rule(
        "FC503",
        "order",
        "verdict",
        "An order claim ('since', 'before', 'after') against the timeline.",
        "'For the first time since X', 'after X', 'before X': the event the sentence is about "
        "must lie on that side of X.",
        "error",
        ("supported", "contradicted"),
        fires=_ex(
            "Putin and Lukashenko met for the first time since the Wagner mutiny in St "
            "Petersburg on Sunday.",
            ref="2023-07-24",
        ),
        must_not=_ex("The Wagner mutiny began on June 23, 2023."),
    ),
    Rule(
        "FC504",
        "wrong-date",
        "verdict",
        "The stated date cannot be the event's date.",
        "The sentence names (or clearly describes) a timeline event and dates it, but the date "
        "does not overlap the event's dates at the precision stated. Correct the date, or check "
        "that the sentence is about the event the timeline has.",
        "error",
        ("contradicted",),
        fires=_ex("The Wagner mutiny began on June 23, 2022."),
        must_not=_ex("The Wagner mutiny began on June 23, 2023."),
    ),
    Rule(
        "FC505",
        "conflation",
        "verdict",
        "The date belongs to a related event: two events are mixed up.",
        "The text ties a date to one event, but the date is that of another event linked to it "
        "(confused_with, or sharing entities). Typical of background passages that explain "
        "one event with another. Check which event the passage is about.",
        "error",
        ("conflated",),
        fires=_ex("The Wagner mutiny took place in July 2020."),
        must_not=_ex("The Wagner mutiny took place in June 2023."),
    ),
    Rule(
        "FC506",
        "no-event",
        "verdict",
        "A dated statement that matches no timeline event.",
        "No timeline event is named or described clearly enough. Add the event to the "
        "timeline (with aliases) to have such statements checked.",
        "note",
        ("unverifiable",),
        fires=_ex("The bakery opened in June 2023."),
        must_not=_ex("The Wagner mutiny began on June 23, 2023."),
    ),
    Rule(
        "FC507",
        "weak-match",
        "verdict",
        "The date does not fit an event the sentence only loosely matches.",
        "The sentence shares words with a timeline event whose dates differ, but does not "
        "name it: not reported as an error. Add aliases to the timeline if it is that event. "
        "An order phrase ('after the Tohoku earthquake') whose subject the sentence only "
        "describes is left unverifiable too: what the text puts after it may be something "
        "else than the event described.",
        "note",
        ("unverifiable",),
        fires=_ex(
            "Wagner fighters were seen in Rostov-on-Don in March 2023.",
            "Prigozhin's fighters rebelled in Rostov-on-Don before the annexation of Crimea.",
        ),
        must_not=_ex("The Wagner mutiny began on June 23, 2022."),
    ),
    Rule(
        "FC508",
        "imprecise",
        "verdict",
        "The timeline is too coarse to check the stated time.",
        "For example a weekday against an event known only to the month.",
        "note",
        ("unverifiable",),
        fires=_ex("Fighting in Donbas started on a Sunday, the start of the war in Donbas."),
        must_not=_ex("The Wagner mutiny began on June 23, 2023."),
    ),
    Rule(
        "FC509",
        "forecast",
        "verdict",
        "A plan or forecast whose time differs from the event's: not an error of the article.",
        "'The mutiny will be commemorated in 2025' dates no past mutiny; a plan stated at the "
        "time may have changed since.",
        "note",
        ("unverifiable",),
        fires=_ex("The Wagner mutiny will be commemorated in 2025.", ref="2024-01-10"),
        must_not=_ex("The Wagner mutiny was put down in June 2023.", ref="2024-01-10"),
    ),
    Rule(
        "FC510",
        "other-occurrence",
        "verdict",
        "A date far from an event the sentence only describes: another event of its kind.",
        "Keywords and entities recur (suits, launches, elections): a date more than "
        "`described_reach` days away from an event described, not named, is more likely "
        "another occurrence than a misdating.",
        "note",
        ("unverifiable",),
        fires=_ex("Prigozhin's fighters rebelled in Rostov-on-Don in June 2017."),
        must_not=_ex("Prigozhin's fighters rebelled in Rostov-on-Don in June 2021."),
    ),
)

RULES: dict[str, Rule] = {r.id: r for r in sorted(_ALL, key=lambda r: r.id)}
BY_NAME: dict[str, Rule] = {r.name: r for r in _ALL}
if len(RULES) != len(_ALL) or len(BY_NAME) != len(_ALL):  # pragma: no cover - a typo
    raise RuntimeError("duplicate rule code or name")


def lookup(key: str) -> Rule | None:
    """A rule by code (`FC505`, any case) or by name (`conflation`)."""
    return RULES.get(key.upper()) or BY_NAME.get(key.lower())


def rule_name(name: str) -> str:
    """A registered rule's name (what a finding's `rule` holds): verdicts name their rule
    through this, so that an unregistered name fails when the engine is imported."""
    return BY_NAME[name].name


def rule_id(name: str) -> str:
    """The code of a registered rule, by name: the engine names its decisions through
    this, so that an unregistered name fails when the engine is imported."""
    return BY_NAME[name].id

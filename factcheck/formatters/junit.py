"""`--format junit`: JUnit XML, one test suite per file, one test case per claim.

A finding at or above `--fail-on` is a `<failure>`; an unreadable file an `<error>`;
a file without failures has a passing test case `factcheck` (so that it is listed).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import TextIO

from ..report import Report
from ..severity import FAIL_ON as FAIL_RANK
from ..severity import SEVERITY_RANK
from .base import Formatter, shown


class JunitFormatter(Formatter):
    def write(self, report: Report, stream: TextIO) -> None:
        root = ET.Element("testsuites", name="factcheck")
        totals = {"tests": 0, "failures": 0, "errors": 0}
        threshold = FAIL_RANK[self.options.fail_on]
        for file in report.files:
            suite = ET.SubElement(root, "testsuite", name=file.path)
            counts = {"tests": 0, "failures": 0, "errors": 0}
            if file.error:
                case = ET.SubElement(suite, "testcase", name="read", classname=file.path)
                ET.SubElement(case, "error", message=file.error, type="unreadable")
                counts["tests"] += 1
                counts["errors"] += 1
            for c in shown(file.claims, self.options.show):
                f = c.finding
                name = f"{c.line}:{c.column} {c.time_text}"
                if f.claim.event is not None:
                    name += f" -> {f.claim.event.id}"
                case = ET.SubElement(
                    suite,
                    "testcase",
                    name=name,
                    classname=file.path,
                    file=file.path,
                    line=str(c.line),
                )
                counts["tests"] += 1
                if SEVERITY_RANK[f.severity] >= threshold:
                    failure = ET.SubElement(case, "failure", message=c.message, type=f.rule)
                    failure.text = "\n".join(
                        [
                            f"{file.path}:{c.line}:{c.column}: {f.verdict}",
                            f"sentence: {c.sentence}",
                            *(
                                f"timeline: {e.title} ({e.when}) {' '.join(e.sources)}"
                                for e in f.evidence
                            ),
                        ]
                    )
                    counts["failures"] += 1
            if not file.error and not counts["failures"]:  # a passing file is a passing case
                ET.SubElement(
                    suite, "testcase", name="factcheck", classname=file.path, file=file.path
                )
                counts["tests"] += 1
            for key, value in counts.items():
                suite.set(key, str(value))
                totals[key] += value
        for key, value in totals.items():
            root.set(key, str(value))
        ET.indent(root)
        stream.write('<?xml version="1.0" encoding="UTF-8"?>\n')
        stream.write(ET.tostring(root, encoding="unicode"))
        stream.write("\n")

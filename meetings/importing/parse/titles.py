"""Titles of agenda items: where a heading line that ran on into the item's text ends, and what
around a title is not part of it (a case number in brackets, the clock time the point was taken)."""

from __future__ import annotations

import re

# In a flattened page the heading runs on into its first sentence: "Val av sekreterare Till
# sekreterare för mötet valdes Lars Winell." The sentence starts at a capitalised word.
_RUN_ON = re.compile(
    r"^(?P<title>\S+(?:\s+[a-zåäö0-9][\w/-]*){0,8})\s+(?P<rest>[A-ZÅÄÖ][a-zåäö]+\s+[a-zåäö0-9]\S*(?:\s.*)?)$"
)


# Where the body starts inside a heading line of a flattened page or a table row: a section label
# ("… VAMAS Beskrivning av ärendet …", "… 2017 Kommunfullmäktiges beslut …").
_RUN_ON_LABEL = re.compile(
    r"\s(?=(?:Ärendebeskrivning|Beskrivning\s+av\s+ärendet|Sammanfattning(?:\s+av\s+ärendet)?|Bakgrund"
    r"|Beslutsunderlag|Förslag\s+till\s+beslut|Beslut\b|[A-ZÅÄÖ][a-zåäö]+s\s+beslut\b"
    # "Valnämndens beslut" whose name, set in another font, the extraction lost: "s beslut".
    r"|s\s+beslut\b|[A-ZÅÄÖ][a-zåäö]+(?:en|et)\s+beslutar(?=\s*:))[\s:.-])"
)
# A sentence that starts inside the heading line: a subject (a noun in the definite form, "Utskottet",
# "Sjuksköterskan", or a person's name) and a finite verb ("Utskottet bordlade …", "Lena Byström har
# kommit …", "Robert Tiinus öppnar mötet").
_CAPITAL_RUN = re.compile(r"(?:[A-ZÅÄÖ][\w-]*\s+)*[A-ZÅÄÖ][\w-]*(?=\s+(?P<verb>[a-zåäö]+)\b)")
_VERB = re.compile(
    r"^(?:är|har|var|höll|gick|fick|tog|gav|kom|blev|ska|skall|kan|får|bör|vill|lät|såg|sa|sade|drog"
    r"|står|går|ger|tar|finns|fanns|[a-zåäö]{2,}(?:ade|ades|ande|dde|de|des|te|tes|ar|er|ör|ir|as|es|ts))$"
)
_DEFINITE = re.compile(r"^[A-ZÅÄÖ][a-zåäö]{2,}(?:et|en|an)$")


_LABEL_AT_START = re.compile(
    r"^(?P<label>Ärendebeskrivning|Beskrivning\s+av\s+ärendet|Sammanfattning(?:\s+av\s+ärendet)?|Bakgrund"
    r"|Beslutsunderlag|Förslag\s+till\s+beslut|Beslut|(?:[A-ZÅÄÖ][a-zåäö]+)?s\s+beslut"
    r"|[A-ZÅÄÖ][a-zåäö]+(?:en|et)\s+beslutar)\s*[:.–-]?\s+(?P<rest>\S.*)$"
)
# A case number in brackets after the title of a municipal paragraph: "Delårsrapport 2017 (KS/2017:499)".
BRACKETED_CASE = re.compile(
    r"\s*\((?P<case>[A-ZÅÄÖ]{1,6}\s?[/ -]?\s?\d{2,4}[:/.-]\d{1,6}(?:[:/.-]\d{1,6})?)\)$"
)


# When the point was taken, after its title: "Mötets öppnande 12:15", "Nästa möte Onsdag 12:15 2021-11-24".
CLOCK_AFTER_TITLE = re.compile(
    r"(?:\s+(?:måndag|tisdag|onsdag|torsdag|fredag|lördag|söndag|kl\.?))?"
    r"\s+\d{1,2}[:.]\d{2}(?:\s*[-–]\s*\d{1,2}[:.]\d{2})?(?:\s+\d{4}-\d{2}-\d{2})?$",
    re.IGNORECASE,
)


def run_on_lines(text: str) -> list[str]:
    """The text that ran on after a heading, as lines: each section label on a line of its own."""
    lines = []
    for piece in _RUN_ON_LABEL.split(text):
        match = _LABEL_AT_START.match(piece.strip())
        if match:
            label = match.group("label")
            decision = label.startswith("s ") or label.endswith("beslutar")
            lines.extend(["Beslut" if decision else label, match.group("rest")])
        else:
            lines.append(piece.strip())
    return lines


def _sentence_start(title: str) -> int | None:
    """Where a sentence starts inside a heading line, after its first word; None when none does."""
    first = title.find(" ")
    if first < 0:
        return None
    for match in _CAPITAL_RUN.finditer(title, first):
        if match.start() <= first or not _VERB.match(match.group("verb")):
            continue
        if title[match.start() - 1] != " ":
            continue
        before = title[: match.start()].split()
        if before[-1][:1].isupper():
            # "Stian Rødven Eide valdes …" is one name; "Anmälningar Kanslichefen anmälde" and
            # "Uthyrningsläget Jeanette Berggren informerade" are a title and a sentence.
            noun = _DEFINITE.match(match.group(0).split()[0]) or (
                _DEFINITE.match(before[-1]) and before[-1].endswith("et")
            )
            if len(before) > 1 or not noun:
                continue
        if len(title[match.end() :].split()) < 3:
            continue  # "Hur ska köket och Monaden åtgärdas?": a title may be a question.
        words = match.group(0).split()
        offset = match.start()
        for position, word in enumerate(words):
            # "Sjuksköterskan Zonitha Ödling informerar", "Ann Linde Utskottet höll"; a surname
            # may end in -en ("Jeanette Berggren gick"), a person is rarely called -et.
            if _DEFINITE.match(word) and (position == 0 or word.endswith("et")):
                return offset
            offset += len(word) + 1
        if len(words) >= 3:
            # "… kommuns Kulturstrategi Lena Byström har kommit": a name is two words.
            return match.start() + len(" ".join(words[:-2])) + 1
        if len(words) == 2:
            return match.start()  # A person's name.
    return None


def title_split(title: str) -> tuple[str, str]:
    """A heading line that runs on into the item's text: the title, and the text that ran on.

    For pages a PDF viewer flattened into one line and tables whose cell holds the title and the
    text: the title ends at a section label, at its first full stop after two words or more, or
    where a sentence starts (a subject and a finite verb).
    """
    cuts = []
    label = _RUN_ON_LABEL.search(title)
    if label and len(title[: label.start()].split()) >= 1:
        cuts.append(label.start())
    stop = re.search(r"[.!?]\s+(?=[A-ZÅÄÖ])", title)
    if stop and len(title[: stop.start()].split()) >= 2:
        cuts.append(stop.start() + 1)
    start = _sentence_start(title)
    if start is not None:
        cuts.append(start)
    match = _RUN_ON.match(title)
    if match and (
        not re.search(r"[.!?](?:\s|$)", match.group("rest")) or len(match.group("rest").split()) < 3
    ):
        match = None  # The text that ran on holds a sentence; a title may be a question.
    if match:
        cuts.append(match.start("rest"))
    if not cuts:
        return title, ""
    cut = min(cuts)
    return title[:cut].strip(), title[cut:].strip()


# The history of a matter before its title, as municipal protocols print it: "Au 84 Sn 34 Au 57
# Dnr 2016/ Budget och ekonomisk uppföljning år Au Förvaltningschef …" (the working committee's and
# the board's earlier paragraphs); the label of a body then also opens that body's part of the text.
_REFERENCES = re.compile(r"^(?:[A-ZÅÄÖ][a-zåäö]{0,2}\s+\d{1,4}\s+)+(?:Dnr\s+(?P<case>\S+)\s+)?(?=[A-ZÅÄÖ])")


def references_strip(title: str) -> tuple[str, str | None, str]:
    """A title without the references to earlier paragraphs before it; the case number among them;
    and the text from a body's label on (the heading line ran on into it)."""
    match = _REFERENCES.match(title)
    if not match:
        return title, None, ""
    labels = set(re.findall(r"([A-ZÅÄÖ][a-zåäö]{0,2})\s+\d", match.group(0)))
    rest = title[match.end() :]
    cut = min(
        (m.start() for label in labels if (m := re.search(rf"\s{label}\s+(?=[A-ZÅÄÖ])", rest))), default=None
    )
    if cut is None:
        return rest.strip(), match.group("case"), ""
    return rest[:cut].strip(), match.group("case"), rest[cut:].strip()

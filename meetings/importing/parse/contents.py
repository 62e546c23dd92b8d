"""Tables of contents and lists of matters: the items of an excerpt that holds none of its own,
and the paragraphs an excerpt leaves out.

A page number in a contents is never a paragraph's number; entries that ran together when a PDF
viewer lost their leaders are told apart where an agenda title starts.
"""

from __future__ import annotations

import re

from django.utils.translation import gettext as _

from .titles import title_split

# A line of a table of contents: dotted leaders and a page number ("Förändring av ärendelista ..... 5").
CONTENTS_LEADER = re.compile(r"(?:\.\s?){2,}\s*\d{1,4}\s*$|…+\s*\d{1,4}\s*$")


# A list of the matters of the meeting, each after its case-number label (the numbers lost in
# extraction): "Förteckning över valnämndens ärenden … Dnr Justering av protokoll Dnr Begäran …".
_MATTERS_LIST = re.compile(
    r"\b(?:förteckning\s+över|ärendelista|ärendeförteckning|innehållsförteckning|behandlade\s+\w*ärenden)\b",
    re.IGNORECASE,
)


def listed_matters(lines: list[str], headings: list[dict]) -> list[dict]:
    """The paragraphs with those of a list of matters that the excerpt leaves out, after them.

    A paragraph whose title was cut short takes the list's title for it.
    """
    entries: list[str] = []
    for line in lines:
        if _MATTERS_LIST.search(line) and len(re.findall(r"\bDnr\b", line)) >= 3:
            parts = re.split(r"\s*\bDnr\b[\s:.]*", line)[1:]
            entries = [re.sub(r"\s*\(\d{1,3}\)$", "", part).strip() for part in parts]
            entries = [entry for entry in entries if entry[:1].isupper()]
            break
    if not entries:
        entries = [entry["title"] for entry in contents_entries(lines, [])]
    if not entries:
        return headings
    result = list(headings)
    for entry in entries:
        known = next(
            (
                h
                for h in result
                if (title := title_split(h["title"])[0])
                and (entry.startswith(title) or title.startswith(entry))
            ),
            None,
        )
        if known is None:
            result.append(
                {"index": len(lines), "number": None, "title": entry, "contents": True, "end": None}
            )
        elif len(entry) > len(known["title"]):
            known["listed_title"] = entry
    return result


# An entry of a table of contents without "§": "Kvartalsrapport med helårsprognos... 3", also
# several in one flattened line ("… regionfullmäktige... 2 Förslag om inställt sammanträde... 3").
_CONTENTS_ENTRY = re.compile(
    r"(?P<title>(?:[^.…]|\.(?!\s?\.))*?[^\s.…])\s*(?:(?:\.\s?){2,}|…+)\s*(?:\d{1,3}\b)?"
)
_CONTENTS_LABEL = re.compile(
    r"^.*\b(?:Innehållsförteckning|Innehåll|Ärendelista|Ärendeförteckning)\b\s*", re.IGNORECASE
)
# The running head of a flattened page before its contents: "Regionfullmäktige PROTOKOLL Nya …".
_RUNNING_HEAD = re.compile(r"^.{0,60}?\b(?:SAMMANTRÄDESPROTOKOLL|PROTOKOLL)\s+(?=[A-ZÅÄÖ])")
_CONTENTS_TITLE = 200
# Entries for the parts of the record that are no agenda item.
_CONTENTS_NOT_AN_ITEM = re.compile(
    r"^(?:beslutande|närvarande|ledamöter|ersättare|övriga\s+(?:närvarande|deltagande)|justering\w*"
    r"|underskrifter|paragrafer|anslag|bevis|innehåll\w*)\b"
    # The dotted lines of the signatures: "Ordförande ……", "Per Lundin Justerande ……".
    r"|.*\b(?:ordförande|sekreterare|justerande|justerare)$",
    re.IGNORECASE,
)


def contents_entries(lines: list[str], problems: list[str]) -> list[dict]:
    """The entries of a table of contents, as items, when the excerpt holds no item of its own.

    Their page numbers are no paragraph numbers: the items have none. Tried last, when no other
    layout of items is found.
    """
    headings: list[dict] = []
    labelled = False
    for index, line in enumerate(lines):
        if not CONTENTS_LEADER.search(line) and not re.search(r"(?:\.\s?){3,}|…", line):
            continue
        label = _CONTENTS_LABEL.match(line)
        if label:
            labelled = True
            line = line[label.end() :]
        line = _RUNNING_HEAD.sub("", line)
        for match in _CONTENTS_ENTRY.finditer(line):
            text = " ".join(match.group("title").split())
            # "1 Östersunds kommuns Kulturstrategi": the paragraph number of an entry that kept it.
            numbered = re.match(r"^(\d{1,4})\s+(?=[A-ZÅÄÖ])", text)
            number = int(numbered.group(1)) if numbered else None
            text = text[numbered.end() :] if numbered else text
            if len(text) < 3 or not text[:1].isupper() or _CONTENTS_NOT_AN_ITEM.match(text):
                continue
            titles = _entries_apart(text) if len(text) > _CONTENTS_TITLE or labelled else [text]
            if any(len(title) > _CONTENTS_TITLE for title in titles):
                problems.append(
                    _("Entries of the table of contents could not be told apart: “%(text)s”.")
                    % {"text": text[:300]}
                )
                titles = [title for title in titles if len(title) <= _CONTENTS_TITLE]
            for title in titles:
                headings.append(
                    {"index": index, "number": number, "title": title, "contents": True, "end": None}
                )
                number = None
    if len(headings) >= 3 or (headings and labelled):
        return headings
    return []


# Where one title of a run-together contents starts: a word as agenda titles start ("Förändring",
# "Medlemskap", "Information", "Övriga frågor", "Interpellation", "Medborgarförslag"), after a
# word of the title before, not after its punctuation ("Motion. Kostnadsfria måltider …").
_ENTRY_START = re.compile(
    r"(?<=[\wåäö)])\s+(?=(?:[A-ZÅÄÖ][a-zåäö-]*(?:ning|ing|ande|ende|gelse|gelser|örelse|skap|tion|tioner|ion"
    r"|ioner|förslag|rapport|frågor|val|plan|underlag)|Övriga|Övrigt|Val|Information|Motion|Motioner|Rapport"
    r"|Budget|Anmälan|Ansökan|Yttrande|Godkännande|Fastställande)\b)"
)


# The matters of the meeting listed on its first page: "Behandlade beslutsärenden vid detta
# sammanträde 7 Internrevisionens rapportering … 14 Preliminära sammanträdestider 2013 Närvarande …".
_MATTERS_LABEL = re.compile(
    r"\b(?:behandlade\s+\w*ärenden(?:\s+vid\s+detta\s+sammanträde)?|ärendelista|föredragningslista)\s*:?\s+",
    re.IGNORECASE,
)
_MATTERS_END = re.compile(
    r"\s(?=Närvarande|Beslutande|Ledamöter|Övriga\s+närvarande|Plats\s+och\s+tid|Tid\s+och\s+plats|Justering)"
)


def matters_listed(lines: list[str]) -> list[dict]:
    """The matters a list on the first page names, as items, when the excerpt holds none of them:
    a number where the list kept it, the titles told apart where an agenda title starts."""
    for index, line in enumerate(lines):
        label = _MATTERS_LABEL.search(line)
        if not label:
            continue
        text = _MATTERS_END.split(line[label.end() :], maxsplit=1)[0]
        headings = []
        for chunk in re.split(r"\s(?=\d{1,4}\s+[A-ZÅÄÖ])", " " + text):
            numbered = re.match(r"^\s*(\d{1,4})\s+", chunk)
            number = int(numbered.group(1)) if numbered else None
            for title in _entries_apart(chunk[numbered.end() :] if numbered else chunk):
                if title[:1].isupper() and len(title) <= _CONTENTS_TITLE:
                    headings.append(
                        {"index": index, "number": number, "title": title, "contents": True, "end": None}
                    )
                number = None
        if len(headings) >= 3:
            return headings
    return []


def _entries_apart(text: str) -> list[str]:
    """The titles of contents entries that ran together when their leaders and page numbers were lost."""
    return [part.strip() for part in _ENTRY_START.split(text) if part.strip()]

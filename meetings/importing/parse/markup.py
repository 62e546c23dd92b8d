"""Sources and forms whose header the normalised lines would lose: LaTeX and Typst preambles,
Finland-Swedish bilingual labels."""

from __future__ import annotations

import re

# Finland-Swedish bilingual forms: "TID - AIKA", "PLATS - PAIKKA", "Ordförande/Puheenjohtaja:". The
# Swedish label starts a line of its own; the Finnish half is dropped.
_BILINGUAL_LABEL = re.compile(
    r"\s*\b(tid|plats|ordförande|sekreterare|protokollförare)\s*[-/]\s*"
    r"(?:aika|paikka|puheenjohtaja|sihteeri|pöytäkirjanpitäjä)\b\s*:?\s*",
    re.IGNORECASE,
)


def bilingual_labels(text: str) -> str:
    """ "TID - AIKA 12.06.2014" → "Tid: 12.06.2014" on a line of its own."""
    return _BILINGUAL_LABEL.sub(lambda m: f"\n{m.group(1).capitalize()}: ", text)


_LATEX_PREAMBLE = re.compile(r"\\(?:documentclass|begin\{document\}|newcommand)")
_PREAMBLE_MACRO = re.compile(r"(?<!%)\\newcommand\s*\{?\\([A-Za-z]+)\}?\s*\{([^{}]*)\}")
_PREAMBLE_DEFINITION = re.compile(r"%?\\newcommand\s*\{?\\[A-Za-z]+\}?\s*\{[^{}]*\}")
_PREAMBLE_FIELD = re.compile(r"\\(date|title|subtitle|author)\{([^{}]*)\}")
_PREAMBLE_FORMAT = re.compile(r"\\(?:textbf|textit|emph|texttt|underline|mbox)\{([^{}]*)\}")
# "\förtroendevald{Ordförande}{Samuel Otterhäll}{Ja}": a role and a name as the template sets them.
_PREAMBLE_ROW = re.compile(r"\\[^\W\d_]+\{([^{}\\]+)\}\{([^{}\\]+)\}(?:\{([^{}\\]*)\})?")
# Layout commands, their arguments with them: "\\settowidth\\tempOne{Tid och plats:\\quad}" is no field.
_PREAMBLE_LAYOUT = re.compile(
    r"\\(?:vspace|hspace|settowidth|setlength|addtolength|newlength|begin|end|rhead|lhead|chead|cfoot"
    r"|selectlanguage|input|include|documentclass|usepackage|KOMAoptions)\*?(?:\[[^\]]*\])?(?:\s*(?:\{[^{}]*\}|\\[A-Za-z]+(?![A-Za-z])))*"
)
_PREAMBLE_COMMAND = re.compile(r"\\(?!(?:sub){0,2}section)[A-Za-z@]+\*?(?:\[[^\]]*\])?")
# Where the preamble ends and the items begin.
_PREAMBLE_END = re.compile(r"\\section\{|\\subsection|\\begin\{enumerate\}|\\begin\{itemize\}")
_TYPST = re.compile(r"^#(?:import|let|set|show)\b", re.MULTILINE)
_TYPST_VARIABLE = re.compile(r'^#let\s+(\w+)\s*=\s*"([^"]*)"\s*$', re.MULTILINE)
_TYPST_SETTING = re.compile(r"^\s*(date|time|location|place)\s*:\s*(.+?)\s*,?\s*$")
_TYPST_DATE = re.compile(r"datetime\(\s*year:\s*(\d{4}),\s*month:\s*(\d{1,2}),\s*day:\s*(\d{1,2})\s*\)")
_SETTING_LABELS = {"date": "Datum", "time": "Tid", "location": "Plats", "place": "Plats"}


def markup_settings(text: str) -> str:
    """Minutes kept as LaTeX or Typst source: the template's settings read as a header.

    LaTeX (association minutes kept in git): user macros ("\\newcommand \\meetingplace {Språkbanken,
    Göteborg}", the last definition standing) are expanded everywhere, and the preamble's fields
    ("\\date{2022-10-10}", "\\textbf{Plats:} Styrelserummet\\\\", "\\parbox{Tid och plats:}") become
    labelled lines; the body's headings are left as they are. Typst: "#let time = "17:38"" and the
    template's "date: datetime(year: 2023, …)", "location: "EA"" become "Tid:", "Datum:", "Plats:".
    """
    if _LATEX_PREAMBLE.search(text):
        return _latex_settings(text)
    if _TYPST.search(text):
        return _typst_settings(text)
    return text


def _preamble_row(match: re.Match) -> str:
    """A preamble's row as a line: with two arguments a labelled field ("Ordförande: Anna Ek"); with
    a third (a mark of presence, perhaps empty), "\\förtroendevald{Kassör}{Morgan Thowsen}{Ja}", a
    markup row "[Kassör], [Morgan Thowsen], [Ja]" for the attendance to read name and mark together."""
    if match.group(3) is not None:
        return "\n" + ", ".join(f"[{g.strip()}]" for g in match.groups()) + "\n"
    return f"\n{match.group(1)}: {match.group(2)}\n"


def _latex_settings(text: str) -> str:
    macros = {name: value.strip() for name, value in _PREAMBLE_MACRO.findall(text)}
    text = _PREAMBLE_DEFINITION.sub(" ", text)
    fields = {name: value.strip() for name, value in _PREAMBLE_FIELD.findall(text)}
    if "date" in fields:
        text = re.sub(r"\\csname\s*@date\s*\\endcsname", lambda _m: fields["date"], text)
    for _depth in range(2):
        for name, value in macros.items():
            text = re.sub(
                rf"\\{name}(?![A-Za-z])(\\ )?", lambda m, v=value: v + (" " if m.group(1) else ""), text
            )
    body = _PREAMBLE_END.search(text)
    head, rest = (text[: body.start()], text[body.start() :]) if body else (text, "")
    labels = {"date": "Datum: ", "title": "", "subtitle": "", "author": ""}
    head = _PREAMBLE_FIELD.sub(lambda m: f"\n{labels[m.group(1)]}{m.group(2)}\n", head)
    head = _PREAMBLE_FORMAT.sub(r"\1", head)
    head = _PREAMBLE_ROW.sub(_preamble_row, head)
    head = head.replace("\\\\", "\n")
    head = re.sub(r"(?<!\\)%[^\n]*", "", head) if head.count("\n") > 10 else head.replace("%", " ")
    head = _PREAMBLE_LAYOUT.sub(" ", head)
    head = _PREAMBLE_COMMAND.sub(" ", head)
    head = re.sub(r"[{}]", "\n", head)
    lines = [" ".join(line.split()) for line in head.split("\n")]
    # What is left of the layout ("-2", "2pt", "=18cm,") is dropped; a field keeps its letters.
    head = "\n".join(line for line in lines if len(re.findall(r"[^\W\d_]", line)) >= 2 and "=" not in line)
    return head + "\n" + rest


def _typst_settings(text: str) -> str:
    variables = dict(_TYPST_VARIABLE.findall(text))
    lines = text.split("\n")
    for index, line in enumerate(lines):
        if re.match(r"^=+\s", line):
            break
        match = _TYPST_SETTING.match(line)
        if not match:
            continue
        key, value = match.groups()
        date = _TYPST_DATE.search(value)
        if date:
            value = "{}-{:0>2}-{:0>2}".format(*date.groups())
        elif value in variables:
            value = variables[value]
        else:
            value = value.strip('"')
        lines[index] = f"{_SETTING_LABELS[key]}: {value}"
    text = "\n".join(lines)
    for name, value in variables.items():
        text = re.sub(rf"#{name}\b", lambda _m, v=value: v, text)
    return text


_FIELD_LABEL = re.compile(r"^[^\W\d_][\w ]{1,40}:\s*(?P<value>.*)$")


def latex_preamble_fields(text: str) -> list[str]:
    """The labelled fields of a LaTeX preamble, one line each ("Tid och plats: 11 februari 2014,
    Språkbanken, Göteborg"), for a source that is then read as running text and would lose them."""
    preamble = _latex_settings(text)
    body = _PREAMBLE_END.search(preamble)
    lines = [
        line.strip() for line in (preamble[: body.start()] if body else preamble).split("\n") if line.strip()
    ]
    fields = []
    for index, line in enumerate(lines):
        match = _FIELD_LABEL.match(line)
        if not match:
            continue
        following = lines[index + 1] if index + 1 < len(lines) else ""
        if match.group("value"):
            if len(re.findall(r"[^\W\d_]", match.group("value"))) >= 2:  # not "multicols: 3"
                fields.append(line)
        elif following and not _FIELD_LABEL.match(following):
            # "Tid och plats:" with its value on the line below, as a \parbox set them side by side.
            fields.append(f"{line} {following}")
    return fields

"""Agenda items: title, case number, text, discussion, decisions and presenters of each."""

from __future__ import annotations

import re

from .attendance import _PARTY
from .contents import CONTENTS_LEADER
from .normalise import _URL_LINE
from .result import DecisionText, Item
from .segment import _CASE_NUMBER, _heading_title
from .shapes import _LOWER, _UPPER, looks_like_name, name_tidy
from .titles import BRACKETED_CASE, CLOCK_AFTER_TITLE, references_strip, run_on_lines, title_split


class ItemsMixin:
    # -- items ------------------------------------------------------------------------------

    _SECTION_HEADING = re.compile(
        r"^\s*(?P<name>sammanfattning(?:\s+av\s+ärendet?)?|ärendebeskrivning|beskrivning\s+av\s+ärendet|bakgrund"
        r"|ärendet|dialog|diskussion|synpunkter|frågor\s+och\s+synpunkter|förslag\s+till\s+beslut"
        r"|(?:[\wåäö]+s\s+)?beslut(?:et)?|ställningstagande|beslut\s*/\s*ställningstagande"
        r"|beslutsunderlag|handlingar|expedieras|yrkanden?|protokollsanteckning(?:ar)?|reservation(?:er)?"
        r"|jäv|omröstning|propositionsordning|föredragande|särskilt\s+yttrande"
        r"|sökande\s+av\s+ändring|besvärsanvisning|besvärsförbud|rättelseyrkande|beslutsförslag"
        # Notes record what was agreed: "Överenskommelse".
        r"|överenskommelse)"
        # "Beslut – Förslag till kommunfullmäktige": a decision with what kind of decision it is.
        r"(?:\s+[–—-]\s+(?:förslag\s+till|till)\s+[\wåäö]+)?\s*:?\s*$",
        re.IGNORECASE,
    )
    _INLINE_DECISION = re.compile(
        r"^\s*(?:beslut|ställningstagande|beslutades|beslöts)(?P<label>\s+[^:]{1,40})?\s*:\s*(?P<text>.*)$",
        re.IGNORECASE,
    )
    _PRESENTERS_LINE = re.compile(r"^\s*föredragande\s*:?\s*(?P<names>.+)$", re.IGNORECASE)

    def _items(self, headings, closing: int) -> None:
        lines = self.lines
        for position, heading in enumerate(headings, start=1):
            start = heading["index"]
            if "end" in heading:
                end = closing if heading["end"] is None else heading["end"]
                if not heading.get("contents"):
                    end = min(end, closing)
            else:
                end = headings[position]["index"] if position < len(headings) else closing
            end = max(end, start + 1)
            title, case_number, body_part = references_strip(heading["title"].strip())
            match = _CASE_NUMBER.search(title) if case_number is None else None
            if match:
                case_number = match.group(1).strip()
                title = (title[: match.start()] + title[match.end() :]).strip(" ,")
            last = heading.get("title_line", start)
            if not title:
                j = start + 1
                while j < end and not lines[j].strip():
                    j += 1
                if j < end:
                    candidate = lines[j].strip()
                    match = _CASE_NUMBER.search(candidate)
                    if match and case_number is None:
                        case_number = match.group(1).strip()
                        j += 1
                        while j < end and not lines[j].strip():
                            j += 1
                        candidate = lines[j].strip() if j < end else ""
                    title, last = candidate, j
            title, last = _heading_title(lines, last, title)
            # "it- stöd" broken at a line end and joined again is "it-stöd"; "hälso- och" stays.
            title = re.sub(r"\b([a-zåäö]{1,4})- (?!och\b|eller\b|samt\b|till\b)([a-zåäö])", r"\1-\2", title)
            title = CONTENTS_LEADER.sub("", title).strip()
            title, run_on = title_split(title) if not heading.get("contents") else (title, "")
            run_on = f"{run_on} {body_part}".strip()
            title = CLOCK_AFTER_TITLE.sub("", title) or title
            listed = heading.get("listed_title")
            if listed and listed.startswith(title):
                title = listed  # The heading was cut short; the list of matters has it whole.
            bracketed = BRACKETED_CASE.search(title)
            if bracketed and case_number is None:
                case_number = bracketed.group("case")
                title = title[: bracketed.start()]
            # A point that is itself the outcome: "Stian Rødven Eide valdes till ordförande, …".
            bare = not any(line.strip() for line in lines[last + 1 : end]) and not heading.get("contents")
            outcome = (
                title
                if title.endswith(".")
                and (len(title.split()) >= 5 or bare)
                and self._DECISION_VERBS.search(title)
                else None
            )
            if title.endswith(".") and not title.endswith(".."):
                title = title[:-1].rstrip()
            # A paragraph known only from the table of contents has a title and nothing else.
            body = [] if heading.get("contents") else lines[last + 1 : end]
            if run_on:
                body = [*run_on_lines(run_on), *body]
            if case_number is None:
                for line in body[:3]:
                    match = re.match(r"^\s*(?:Dnr|Diarienummer)\.?\s*:?\s*(\S.*)$", line, re.IGNORECASE)
                    if match:
                        case_number = match.group(1).strip()
                        body = [b for b in body if b is not line]
                        break
            item = Item(
                number=heading["number"], position=position, title=title[:500], case_number=case_number
            )
            self._item_body(item, body)
            if outcome and not item.decisions:
                item.decisions.append(DecisionText(text=outcome, kind=decision_kind(outcome)))
            self.result.items.append(item)

    def _item_body(self, item: Item, body: list[str]) -> None:
        mode = "text"
        blocks: dict[str, list[str]] = {"text": [], "discussion": []}
        decision_lines: list[list[str]] = []
        had_heading = False
        inline_open = False
        # Several labelled decisions ("Beslut Nära Vård: …", "Beslut Digitalisering: …") divide the
        # item: each runs on to the next one, with its details. A single one is its sentence.
        labelled = sum(
            1 for line in body if (m := self._INLINE_DECISION.match(line)) and m.group("text").strip()
        )
        sectioned = False
        for line in body:
            stripped = line.strip()
            match = _URL_LINE.match(stripped)
            if match:
                if match.group(1) not in item.links:
                    item.links.append(match.group(1))
                continue
            if (
                sectioned
                and not self._INLINE_DECISION.match(stripped)
                and not self._SECTION_HEADING.match(stripped)
            ):
                decision_lines[-1].append(stripped)
                continue
            if inline_open:
                if not stripped or stripped.startswith("•") or self._SECTION_HEADING.match(stripped):
                    inline_open = False
                else:
                    decision_lines[-1].append(stripped)
                    if stripped.endswith((".", "!", "?")):
                        inline_open = False
                    continue
            if not stripped:
                (decision_lines[-1] if mode == "decision" else blocks[mode]).append("")
                continue
            match = self._PRESENTERS_LINE.match(stripped)
            if match and not self._SECTION_HEADING.match(stripped):
                item.presenters.extend(self._names_in(match.group("names")))
                continue
            heading = self._SECTION_HEADING.match(stripped)
            if heading:
                had_heading = True
                name = heading.group("name").casefold()
                if re.search(r"beslut(et)?$|ställningstagande|överenskommelse", name) and not name.startswith(
                    "förslag"
                ):
                    mode = "decision"
                    decision_lines.append([])
                elif name.startswith(("dialog", "diskussion", "synpunkter", "frågor")):
                    mode = "discussion"
                elif name == "föredragande":
                    mode = "presenters"
                elif name.startswith(("sammanfattning", "ärende", "beskrivning", "bakgrund")):
                    mode = "text"
                else:
                    mode = "text"
                    blocks["text"].extend(["", stripped, ""])
                continue
            match = self._INLINE_DECISION.match(stripped)
            if match:
                had_heading = True
                label = (match.group("label") or "").strip()
                text = match.group("text").strip()
                decision_lines.append([f"{label}: {text}" if label and text else text])
                blocks[mode if mode != "decision" else "text"].append("")
                sectioned = labelled >= 2 and bool(text)
                inline_open = bool(text) and not text.endswith((".", "!", "?")) and not sectioned
                if not text:
                    mode = "decision"
                elif mode == "decision":
                    mode = "text"
                continue
            if mode == "presenters":
                names = self._names_in(stripped)
                if names:
                    item.presenters.extend(names)
                    continue
                mode = "text"
            if mode == "decision":
                decision_lines[-1].append(stripped)
            else:
                blocks[mode].append(line)
        if not any(decision_lines) and re.match(r"val\b", item.title, re.IGNORECASE):
            elected = _elected(body)
            if elected:
                decision_lines.append([elected])
        proposals = _proposals(body)
        for lines in decision_lines:
            text = _paragraphs(lines)
            text = _granted(text, proposals) or text
            if text:
                item.decisions.append(DecisionText(text=text, kind=decision_kind(text)))
        text = _paragraphs(blocks["text"])
        if not had_heading and not item.decisions:
            text = self._implicit_decisions(item, text)
        if (
            not had_heading
            and not item.decisions
            and item.number is not None
            and text
            and "\n" not in text
            and len(text) <= 120
            and len(re.findall(r"[.!?](?:\s|$)", text)) <= 1
            and not text.endswith(":")
            # Opening the meeting is no decision: "Ordföranden förklarar mötet öppnat."
            and not re.search(r"\böppna(?:t|r|de|des|s)?\b|\bvälkomna\b", text, re.IGNORECASE)
            # Nor is a report: "Lena Byström har kommit för att informera om arbetet."
            and not re.search(
                r"\b(?:informer\w*|redogö\w*|redogjorde|presenter\w*|berättar|berättade|föredrar|föredrog|anmälde|anmäler)\b",
                text,
                re.IGNORECASE,
            )
        ):
            # The one short sentence under a § is its outcome: "Inga övriga ärenden."
            item.decisions.append(DecisionText(text=text, kind=decision_kind(text)))
            text = ""
        item.text = text
        item.discussion = _paragraphs(blocks["discussion"])
        item.presenters = list(dict.fromkeys([*item.presenters, *self._presenters_in(item.text)]))

    _DECISION_VERBS = re.compile(
        r"\b(väljs|valdes|väljer|valde|utser|utsåg|utses|fastställs|fastställdes|godkänns|godkändes|antecknas|antecknades|"
        r"(?:läggs|lades|lägger|lade)\s+(?:\w+\s+){0,3}till\s+handlingarna|noterar\s+informationen|beslutar"
        r"|beslutade|i\s+uppdrag|bordlades|beslutades|bestämdes|godkän{1,2}de|antog|antogs|fastställde"
        r"|(?:mötet|stämman|årsmötet|styrelsen)\s+fann"
        r"|(?:mötet|stämman|årsmötet|styrelsen|nämnden|utskottet|direktionen)\s+(?:bestämmer|bestämde|anser|ansåg)\s+att)\b",
        re.IGNORECASE,
    )

    def _implicit_decisions(self, item: Item, text: str) -> str:
        """Short paragraphs such as "Dagordningen fastställs." are the decision of a bare item."""
        kept = []
        # "… gick igenom protokollen. att lägga protokollen till handlingarna.": a clause starting
        # with a lower-case "att" after a finished sentence is the decision (an att-sats).
        paragraphs = [p for part in text.split("\n\n") for p in re.split(r"(?<=[.!?])\s+(?=att\s)", part)]
        for paragraph in paragraphs:
            bullets = paragraph.split("\n")
            if all(b.startswith("- ") for b in bullets):
                # A list of what happened ("- Karl Sigfrid valdes till mötets ordförande."): the
                # points that state an outcome are the decision.
                decided = [b[2:] for b in bullets if len(b) <= 250 and self._DECISION_VERBS.search(b)]
                if decided:
                    item.decisions.append(
                        DecisionText(text="\n".join(decided), kind=decision_kind(decided[0]))
                    )
                    rest = [b for b in bullets if b[2:] not in decided]
                    if rest:
                        kept.append("\n".join(rest))
                    continue
            if re.match(r"att\s+\w", paragraph) and len(paragraph) <= 400:
                item.decisions.append(DecisionText(text=paragraph, kind=decision_kind(paragraph)))
                continue
            sentence_count = len(re.findall(r"[.!?](?:\s|$)", paragraph))
            if (
                len(paragraph) <= 250
                and sentence_count <= 1
                and not paragraph.startswith("-")
                and self._DECISION_VERBS.search(paragraph)
            ):
                item.decisions.append(DecisionText(text=paragraph, kind=decision_kind(paragraph)))
            elif sentence_count > 1 and (found := self._decision_sentences(paragraph)):
                decided, rest = found
                item.decisions.append(DecisionText(text=decided, kind=decision_kind(decided)))
                if rest:
                    kept.append(rest)
            else:
                kept.append(paragraph)
        return "\n\n".join(kept)

    # The outcome in a paragraph of several sentences, as a flattened page or a terse record has
    # it: "Sammanträdet öppnas av ordföranden. Förslag till dagordning godkänns." Stricter than
    # the verbs above ("beslutade att", not "beslutade"): one sentence among many must say it.
    _OUTCOME = re.compile(
        r"\b(?:väljs|valdes|väljer|valde|utses|utsågs|utser|fastställs|fastställdes|fastställde|godkänns"
        r"|godkändes|godkän{1,2}de|antog|antogs|bordlades|bordläggs|beslöts|beslutades|beslutade(?:\s+\w+){0,2}\s+att"
        r"|beslutar(?:\s+\w+){0,2}\s+att|beslöt|(?:läggs|lades|lägger|lade)\s+(?:\w+\s+){0,3}till\s+handlingarna"
        r"|(?:mötet|stämman|årsmötet|styrelsen)\s+fann"
        r"|(?:mötet|stämman|årsmötet|styrelsen|nämnden|utskottet|direktionen)\s+(?:bestämmer|bestämde|anser|ansåg)\s+att)\b",
        re.IGNORECASE,
    )

    def _decision_sentences(self, paragraph: str) -> tuple[str, str] | None:
        """The sentences of a paragraph that state an outcome, and the rest; None when none does."""
        sentences = re.split(r"(?<=[.!?])\s+(?=[A-ZÅÄÖ])", paragraph)
        decided = [s for s in sentences if len(s) <= 250 and self._OUTCOME.search(s)]
        if not decided:
            return None
        rest = " ".join(s for s in sentences if s not in decided)
        return " ".join(decided), rest

    _NAME_RUN = rf"[{_UPPER}][\w'’-]+(?:\s+(?:von|af|de|van)?\s*[{_UPPER}][\w'’-]+){{1,3}}"
    _PRESENTER = re.compile(
        rf"(?:^|(?<=[.!?]\s)|(?<=\n)|(?<=^-\s)|(?<=\n-\s))(?P<first>{_NAME_RUN})"
        r"(?:,[^.\n]{1,120}?,|\s[^.\n,]{1,40}?)??"
        rf"(?:\s+(?:och|samt)\s+(?P<second>{_NAME_RUN})(?:,[^.\n]{{1,60}}?,|\s[^.\n,]{{1,30}}?)??)?"
        r"\s+(?:och\s+)?"
        r"(?:informerar|berättar|presenterar|redogör|föredrar|återkopplar|rapporterar|reflekterar|"
        r"ger\s+(?:en\s+)?(?:kort\s+)?(?:information|beskrivning|bakgrund|redogörelse|presentation|lägesrapport)|"
        r"gör\s+en\s+(?:kort\s+)?(?:inramning|presentation|genomgång|redogörelse)|går\s+igenom|visar|delger)\b",
    )

    def _presenters_in(self, text: str) -> list[str]:
        names = []
        for match in self._PRESENTER.finditer(text):
            for group in ("first", "second"):
                value = match.group(group)
                if value and looks_like_name(value):
                    names.append(name_tidy(value))
        return names

    def _names_in(self, text: str) -> list[str]:
        names = []
        for part in re.split(r",|\s+och\s+|\s+samt\s+|;", text):
            part = _PARTY.sub("", part).strip()
            words = part.split()
            # "Anna Berg, ekonomichef" → the name; "ekonomichef" is dropped.
            if words and looks_like_name(" ".join(words[:3])) and len(words) <= 3:
                names.append(name_tidy(part))
            elif len(words) >= 2 and looks_like_name(" ".join(words[:2])):
                names.append(name_tidy(" ".join(words[:2])))
        return names


_SPEAKER_START = re.compile(
    rf"^[{_UPPER}][{_LOWER}]+(?:-[{_UPPER}][{_LOWER}]+)?\s+[{_UPPER}][{_LOWER}]+\s+"
    r"(?:informerar|berättar|presenterar|redogör|föredrar|återkopplar|rapporterar|går\s+igenom)\b"
)
_SUB_POINT = re.compile(r"^[a-zå][.)]\s+\S")


def _paragraphs(lines: list[str]) -> str:
    """Lines as paragraphs separated by an empty line; a bullet point on a line of its own."""
    paragraphs: list[list[str]] = [[]]
    for raw in lines:
        line = raw.strip()
        if not line:
            if paragraphs[-1]:
                paragraphs.append([])
            continue
        current = paragraphs[-1]
        if line.startswith("•"):
            current.append("- " + line.lstrip("• ").strip())
        elif _SUB_POINT.match(line):
            current.append(line)
        elif current:
            previous = current[-1]
            if previous.startswith("- ") and not line[0].islower() and not previous.endswith((".", "!", "?")):
                # A capitalised line after a bullet point is the text after the list.
                paragraphs.append([line])
                continue
            if not previous.endswith((".", "!", "?", ":", ",")) and _SPEAKER_START.match(line):
                # "…social välfärd / Lena Holmlund återkopplar…": a new sentence lost its full stop.
                paragraphs.append([line])
                continue
            if (
                previous.endswith((".", "!", "?", ")", "”", '"'))
                and len(line) < 60
                and not line.endswith((".", ",", "!", "?", ":", ";"))
                and line[0].isupper()
            ):
                # A short line without punctuation after a finished sentence is a sub-heading.
                paragraphs.append([line])
                continue
            if (
                previous.endswith("-")
                and len(previous) > 1
                and previous[-2].isalpha()
                and not re.match(r"(och|eller|samt)\b", line)
            ):
                current[-1] = previous + line
            else:
                current[-1] = previous + " " + line
        else:
            current.append(line)
    merged: list[list[str]] = []
    for paragraph in (p for p in paragraphs if p):
        previous = merged[-1][-1] if merged else ""
        if previous and paragraph[0][:1].islower() and not previous.endswith((".", "!", "?", ":")):
            # A sentence broken by a stray empty line ("i ett tidigt skede / för att…").
            merged[-1][-1] = f"{previous} {paragraph[0]}"
            merged[-1].extend(paragraph[1:])
        else:
            merged.append(paragraph)
    return "\n\n".join("\n".join(p) for p in merged)


# The offices an association's meeting elects ("Ordförande: Klas", or "Ordförande" above a list).
_OFFICE = (
    r"(?:vice\s+|ordinarie\s+)?(?:ordförande|mötesordförande|sekreterare|mötessekreterare|kassör|justerare"
    r"|justeringsm[aä]n|justeringsperson(?:er)?|rösträknare|ledamot|ledamöter|suppleant(?:er)?|ersättare"
    r"|revisor(?:er)?|revisorssuppleant(?:er)?|valberedning(?:en)?|styrelseledamöter)"
)
_OFFICE_LINE = re.compile(rf"^(?P<office>{_OFFICE})\s*:\s*(?P<names>\S.*)$", re.IGNORECASE)
_OFFICE_HEADING = re.compile(rf"^(?P<office>{_OFFICE})\s*:?$", re.IGNORECASE)


def _elected(body: list[str]) -> str:
    """Who an election item chose, office by office: "Ordförande: Stefan Berggren"."""
    found: list[str] = []
    office = None
    names: list[str] = []

    def close():
        if office and names:
            found.append(f"{office}: {', '.join(names)}")

    for raw in body:
        line = raw.strip()
        if not line:
            continue
        match = _OFFICE_LINE.match(line)
        if match:
            close()
            office, names = None, []
            found.append(f"{match.group('office')}: {match.group('names').strip()}")
            continue
        match = _OFFICE_HEADING.match(line)
        if match:
            close()
            office, names = match.group("office"), []
            continue
        if office and line.startswith("•"):
            names.append(line.lstrip("• ").strip())
            continue
        close()
        office, names = None, []
    close()
    return "\n".join(found)


# The proposal an item puts to the meeting: under "Förslag till beslut (inför mötet)", or "Att: …".
_PROPOSAL_HEADING = re.compile(r"^(?:förslag\s+till\s+beslut|beslutsförslag)\b[^.]{0,40}:?$", re.IGNORECASE)
_PROPOSAL_LINE = re.compile(r"^att\s*:\s*(?P<text>\S.*)$", re.IGNORECASE)
# A decision that only grants or refuses the proposal's clauses: "Attsats bifalles", "attsats 1
# bifalles. attsats 2 nekas.", "Förslaget bifalls".
_GRANT = re.compile(
    r"^(?:-\s*)?(?:att-?satse[nr]|att-?sats(?:erna)?|förslaget|yrkandet)\s*(?P<number>\d+)?\s+"
    r"(?:(?P<granted>bifall(?:e)?s|bifölls|antas|godkänns)|nekas|avslås|avslogs|faller)\.?$",
    re.IGNORECASE,
)


def _proposals(body: list[str]) -> list[str]:
    """The clauses of the proposal in an item's lines, in order."""
    clauses: list[str] = []
    collecting = False
    for raw in body:
        line = raw.strip()
        match = _PROPOSAL_LINE.match(line)
        if match:
            clauses.append(match.group("text").strip())
            continue
        if _PROPOSAL_HEADING.match(line):
            collecting = True
            continue
        if not collecting:
            continue
        if not line:
            if clauses:
                collecting = False
            continue
        heading = (
            len(line) < 40 and not line.startswith("•") and line[:1].isupper() and not line.endswith(".")
        )
        if heading or ItemsMixin._SECTION_HEADING.match(line):
            collecting = False
            continue
        if line.startswith("•") or not clauses:
            clauses.append(line.lstrip("• ").strip())
        else:
            clauses[-1] = f"{clauses[-1]} {line}"
    return clauses


def _granted(decision: str, proposals: list[str]) -> str | None:
    """The clauses a decision grants, when it says no more than which clauses it grants."""
    if not proposals or not decision:
        return None
    grants = [_GRANT.match(line.strip()) for line in decision.split("\n") if line.strip()]
    if not grants or not all(grants):
        return None
    chosen = []
    for match in grants:
        if not match.group("granted"):
            continue
        if match.group("number"):
            number = int(match.group("number"))
            if 1 <= number <= len(proposals):
                chosen.append(proposals[number - 1])
        else:
            chosen.extend(proposals)
    return "\n".join(dict.fromkeys(chosen)) or None


def decision_kind(text: str) -> str:
    """The kind of a decision (Decision.Kind) from its wording."""
    folded = " ".join(text.split()).casefold()
    if re.search(r"föresl\w*\b.*\bbesluta", folded):
        return "proposal"
    if "i uppdrag" in folded:
        return "assignment"
    if re.search(r"\b(väljs|valdes|utses|utsågs|väljes)\b", folded):
        return "elected"
    if re.search(
        r"\b(fastställs|fastställdes|fastställa|fastställer|godkänns|godkändes|godkänna|godkänner|antas|antogs|avsätts|beviljas|tillstyrks)\b",
        folded,
    ):
        return "adopted"
    if re.search(r"\b(antecknas|antecknades|noterar|noteras|noterades|till handlingarna)\b", folded):
        return "noted"
    return "other"

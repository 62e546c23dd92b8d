"""The closing: secretary ("Vid protokollet"), adjusters ("Justeras") and signatures."""

from __future__ import annotations

import contextlib
import datetime
import re

from .result import SignatureText
from .shapes import _NAME_TOKEN, _is_upper_heading, looks_like_name, name_tidy

# "Björn Häggblom PROTOKOLLET HAR": a name, then the next field of a form in capitals.
_CAPS_TAIL = re.compile(r"(?<=[a-zåäöéü])(?:\s+[A-ZÅÄÖ]{2,}){2,}\s*$")


def caps_tail_strip(text: str) -> str:
    """A signer's line without the capitalised field label a flattened form put after the name."""
    return _CAPS_TAIL.sub("", text)


_NEXT_LABELS = re.compile(
    r"\s+(?:Justering|Justeringens|Underskrift(?:er)?|Sekreterare|Ordförande|Paragrafer|Justerare|Justerande)\b.*$"
)


class ClosingMixin:
    # Whether the closing holds a signature ("Vid protokollet", "Justeras", an e-signature): the items
    # before it are then the whole meeting, not an excerpt's first pages.
    _signed_off = False

    # -- closing: secretary, adjustment, signatures -----------------------------------------

    _KEEPER = re.compile(
        r"^\s*(?:vid\s+protokollet|vid\s+anteckningarna|antecknat\s+av|antecknare|protokollförare|"
        r"sekreterare)\s*[:.]*\s*(?P<rest>.*)$",
        re.IGNORECASE,
    )
    _ADJUSTMENT = re.compile(r"^\s*(?:justeras|justerat|justerare|justerande)\s*[:.]*\s*(?P<rest>.*)$", re.I)
    _SIGNED_BY = re.compile(r"^\s*(?:signed\s+by|signerat\s+av|undertecknat\s+av)\s*:\s*(?P<name>.+)$", re.I)
    _SIGNED_AT = re.compile(
        r"^\s*(?:date|datum|tidpunkt|signed\s+at)\s*:\s*(?P<value>\d{4}-\d{2}-\d{2}[ T]\d{1,2}:\d{2}(?::\d{2})?)",
        re.IGNORECASE,
    )
    _REFERENCE = re.compile(
        r"^\s*(?:bankid\s*[- ]?(?:refno|ref|referens)|referens|ref\.?\s*nr)\s*[.:]\s*(.+)$", re.I
    )
    _CHAIR_WORD = re.compile(r"^(?:mötes)?ordförande$", re.IGNORECASE)
    _ADJUSTER_WORD = re.compile(r"^(?:justerare|justerande|justeringsperson)$", re.IGNORECASE)

    def _closing(self, lines: list[str]) -> None:
        result = self.result
        index = 0
        signatures: list[SignatureText] = []
        while index < len(lines):
            stripped = lines[index].strip()
            if not stripped:
                index += 1
                continue
            match = self._SIGNED_BY.match(stripped)
            if match:
                self._signed_off = True
                signatures.append(SignatureText(name=name_tidy(match.group("name"))))
                index += 1
                continue
            match = self._SIGNED_AT.match(stripped)
            if match and signatures:
                with contextlib.suppress(ValueError):
                    signatures[-1].signed_at = datetime.datetime.fromisoformat(
                        match.group("value").replace("T", " ")
                    )
                index += 1
                continue
            match = self._REFERENCE.match(stripped)
            if match and signatures:
                signatures[-1].reference = match.group(1).strip()[:200]
                index += 1
                # The signer's capacity follows: "Ordförande Styrgruppen för social välfärd: Kent Lagrell".
                j = index
                while j < len(lines) and not lines[j].strip():
                    j += 1
                if j < len(lines) and ":" in lines[j] and not self._SIGNED_BY.match(lines[j]):
                    capacity = lines[j].strip().split(":", 1)[0].strip()
                    signatures[-1].signed_as = capacity[:300]
                    self._body_from_capacity(capacity)
                    index = j + 1
                    while index < len(lines) and lines[index].strip() and ":" not in lines[index]:
                        index += 1
                continue
            match = self._KEEPER.match(stripped)
            if match:
                self._signed_off = True
                index = self._keeper(lines, index, match.group("rest"))
                continue
            match = self._ADJUSTMENT.match(stripped)
            if match:
                self._signed_off = True
                index = self._adjustment(lines, index, match.group("rest"))
                continue
            if self._CHAIR_WORD.match(stripped.rstrip(":")):
                name = self._next_name(lines, index + 1)
                if name:
                    result.chair = result.chair or name
                index += 1
                continue
            index += 1
        result.signatures = signatures

    def _body_from_capacity(self, capacity: str) -> None:
        body = re.sub(
            r"^(?:(?:1:e|2:e|förste|andre)\s+)?(?:vice\s+)?(?:ordförande|justerare|justerande|sekreterare|ledamot)\s*",
            "",
            capacity,
            flags=re.IGNORECASE,
        ).strip(" ,:")
        if self.result.body is None and body and self._BODY_WORDS.search(body) and len(body.split()) <= 10:
            self.result.body = body[0].upper() + body[1:]

    def _next_name(self, lines, start) -> str | None:
        for j in range(start, min(start + 3, len(lines))):
            text = re.sub(r"[._]{3,}", " ", lines[j]).strip()
            if not text:
                continue
            candidate = text.split(",")[0].strip()
            return name_tidy(candidate) if looks_like_name(candidate) else None
        return None

    def _keeper(self, lines, index, rest) -> int:
        result = self.result
        rest = re.sub(r"[._]{3,}", " ", rest).strip()
        texts = [rest] if rest else []
        j = index + 1
        while j < len(lines) and len(texts) < 2:
            text = re.sub(r"[._]{3,}", " ", lines[j]).strip()
            j += 1
            if not text:
                if texts:
                    break
                continue
            if self._CLOSING.match(text) or self._ADJUSTMENT.match(text):
                j -= 1
                break
            texts.append(text)
        if not texts:
            return index + 1
        texts = [caps_tail_strip(text) for text in texts]
        parts = [p.strip() for p in texts[0].split(",") if p.strip()]
        if parts and looks_like_name(parts[0]):
            result.secretary = name_tidy(parts[0])
            title = ", ".join(parts[1:]) or (
                texts[1] if len(texts) > 1 and not looks_like_name(texts[1].split(",")[0]) else None
            )
            if title:
                result.secretary_title = title
            elif len(texts) > 1:
                j -= 1
        else:
            j = index + 1
        return j

    def _adjustment(self, lines, index, rest) -> int:
        """ "Justeras:" followed by names and, beneath them, the words Ordförande and Justerare."""
        names: list[str] = []
        roles: list[str] = []
        rows = [rest] if rest.strip() else []
        j = index + 1
        while j < len(lines):
            text = re.sub(r"[._]{3,}", " ", lines[j]).strip()
            if text and (self._SIGNED_BY.match(text) or re.match(r"detta\s+dokument", text, re.I)):
                break
            if text and (_is_upper_heading(text) and not looks_like_name(text)):
                break
            if text and self._KEEPER.match(text):
                break
            if text:
                rows.append(text)
            j += 1
            if len(rows) > 12:
                break
        known = [a.name for a in self.result.attendees if a.name]
        for row in rows:
            words = row.split()
            if words and all(
                w.casefold().strip(":,")
                in {"ordförande", "justerare", "justerande", "vice", "sekreterare", "mötesordförande"}
                for w in words
            ):
                joined = " ".join(words)
                roles.extend(
                    re.findall(
                        r"(?:vice\s+)?(?:mötes)?ordförande|justerare|justerande|sekreterare", joined, re.I
                    )
                )
                continue
            if not re.search(r"[a-zåäö]", row) and len(words) >= 3:
                # "VARIT FRAMLAGT TILL PÅSEENDE": the next field of a form, in capitals.
                if names:
                    break
                continue
            found = self._split_names(caps_tail_strip(row), known)
            if names and not found:
                break  # The adjusters' names stand together; what follows them is another field.
            names.extend(found)
        if not names:
            return j
        result = self.result
        if roles and len(roles) == len(names):
            for name, role in zip(names, roles, strict=True):
                role = role.casefold()
                if role.endswith("ordförande") and not role.startswith("vice"):
                    result.chair = name
                elif role.startswith("juster") or role.startswith("vice"):
                    result.adjusters.append(name)
        else:
            chair = result.chair or next(
                (a.name for a in result.attendees if a.body_role == "chair" and a.present), None
            )
            for name in names:
                if name != chair:
                    result.adjusters.append(name)
            if names == [chair]:
                # The chair's signature alone under "Justeras" (a Riksdag committee): the chair adjusted it.
                result.adjusters.append(chair)
            if chair is None and len(names) == 1 and result.record_kind == "protocol":
                # A Riksdag committee's "Justeras" bears one signature, the chair's.
                result.chair = names[0]
        return j

    def _split_names(self, row: str, known: list[str]) -> list[str]:
        text = " ".join(row.split())
        parts = [p.strip() for p in re.split(r",|\s+och\s+|\s{2,}", row) if p.strip()]
        if len(parts) > 1 and all(looks_like_name(p) for p in parts):
            return [name_tidy(p) for p in parts]
        if looks_like_name(text) and len(text.split()) <= 3:
            return [name_tidy(text)]
        found = []
        rest = text
        for name in sorted(known, key=len, reverse=True):
            if name.casefold() in rest.casefold():
                start = rest.casefold().index(name.casefold())
                found.append((text.casefold().find(name.casefold()), name))
                rest = rest[:start] + " " * len(name) + rest[start + len(name) :]
        if found and not rest.strip():
            return [name for _offset, name in sorted(found)]
        tokens = text.split()
        if len(tokens) % 2 == 0 and 2 <= len(tokens) <= 8 and all(_NAME_TOKEN.match(t) for t in tokens):
            return [name_tidy(" ".join(tokens[i : i + 2])) for i in range(0, len(tokens), 2)]
        return []

    def _adjusters_from(self, text: str) -> None:
        # "Eivor Hagström Justering Underskrifter …": the next labels of a flattened table end the names.
        text = _NEXT_LABELS.sub("", text)
        for name in self._names_in(text):
            if name not in self.result.adjusters:
                self.result.adjusters.append(name)

    _SIGNER_ROLE = re.compile(r"^(sekreterare|ordförande|justerare|justerande)[.:]*$", re.IGNORECASE)

    def _signature_run(self, text: str) -> bool:
        """A signature block a PDF flattened into one line, roles and names in the order printed.

        "Sekreterare Ordförande Justerande Gunilla Nyström Karl-Johan Adolfsson Jörn Okan Tobias
        Eriksson": the names follow the roles in turn, two words each while several roles wait;
        "Sekreterare … Per Lundin Ordförande … Conny Kristensen Gahnström": one role, one name.
        """
        tokens = [t for t in re.sub(r"[._…]{2,}|\([A-ZÅÄÖ]{1,4}\)", " ", text).split() if t.strip(".,:")]
        if sum(1 for t in tokens if self._SIGNER_ROLE.match(t)) < 2:
            return False
        waiting: list[str] = []
        spans: list[tuple[list[str], list[str]]] = []
        names: list[str] = []
        for token in [*tokens, "."]:
            if self._SIGNER_ROLE.match(token) or token == ".":
                if names:
                    spans.append((waiting, names))
                    waiting, names = [], []
                if token != ".":
                    waiting.append(token.strip(".:").casefold())
            elif waiting:
                names.append(token.strip(".,:"))
        for roles, words in spans:
            if len(roles) == 1:
                people = (
                    [" ".join(words)]
                    if roles[0] in ("sekreterare", "ordförande")
                    else self._split_names(" ".join(words), [])
                )
            else:
                people = [" ".join(words[i : i + 2]) for i in range(0, len(words), 2)]
                if len(words) % 2 or not all(looks_like_name(person) for person in people):
                    continue  # Names of other lengths cannot be told apart; better none than wrong ones.
            # "Justerande" last takes every name that is left.
            pairs = list(zip(roles, people, strict=False))
            if len(people) > len(roles) and roles[-1].startswith("juster"):
                pairs += [(roles[-1], person) for person in people[len(roles) :]]
            for role, person in pairs:
                if looks_like_name(person):
                    self._signer(role, name_tidy(person))
        return True

    def _signer(self, role: str, name: str) -> None:
        """A name signing as secretary, chair or adjuster; what the text said first stands."""
        if role == "sekreterare":
            self.result.secretary = self.result.secretary or name
        elif role == "ordförande":
            self.result.chair = self.result.chair or name
        elif name not in self.result.adjusters:
            self.result.adjusters.append(name)

    def _signature_line(self, text: str) -> None:
        """A line of the "Underskrifter" block: a role with its name beside or beneath it."""
        if self._signature_run(text):
            return
        text = re.sub(r"[._]{3,}", "  ", text).strip()
        numbers = re.search(r"paragrafer\s+(\d{1,4})\s*[-–]\s*(\d{1,4})", text, re.IGNORECASE)
        if numbers and self.result.paragraph_range is None:
            self.result.paragraph_range = (int(numbers.group(1)), int(numbers.group(2)))
        match = re.match(r"^(sekreterare|ordförande|justerare|justerande)\s*(.*)$", text, re.IGNORECASE)
        if match:
            role, rest = match.group(1).casefold(), re.sub(r"\s{2,}.*$", "", match.group(2).strip())
        elif self._pending_signer and looks_like_name(text.split("  ")[0]):
            role, rest = self._pending_signer, text.split("  ")[0]
        else:
            return
        self._pending_signer = None
        if not (rest and looks_like_name(rest)):
            self._pending_signer = role
            return
        self._signer(role, name_tidy(rest))

"""The body and its organisation in a protocol's title lines.

"VILHELMINA KOMMUN PROTOKOLL … Socialnämnden", "Kulturutskottets protokoll 2017/18:21",
"Piratpartiets styrelsemöte den 2-3 mars 2013": the body in its base form, the organisation as named.
"""

from __future__ import annotations

import re

from .when import _DOTTED_DATE, _ISO_DATE, _TEXT_DATE, _TIME_RANGE

_BODY_WORD = (
    r"fullmäktige|styrelse|nämnd|styrgrupp|nätverk|utskott|ledningsgrupp|samrådsorgan|beredning|presidium"
    r"|råd|kommitté|direktion|grupp|revision|arbetsutskott|delegation"
)
# A body word ends its token, in its base, definite or possessive form: "Socialnämnden",
# "Kulturutskottets", "Kommunala pensionärsrådet"; not "Styrelserummet" or "utskottssammanträde".
_BODY_TOKEN = re.compile(rf"^[\w-]*(?:{_BODY_WORD})(?:en|et|n|t|e)?(?:s)?$", re.IGNORECASE)
# "styrelsemöte", "Partistyrelsemöte", "Årsmötesprotokoll", "extra medlemsmöte": the meeting names the body.
_MEETING_TOKEN = re.compile(
    r"^(?P<stem>[\w-]*styrelse)(?:möte|sammanträde)\w*$|^(?P<meeting>[\w-]*(?:års|höst|vår|medlems|extra)möte)\w*$",
    re.IGNORECASE,
)
_RECORD_WORD = re.compile(
    r"^(?:sammanträdes)?(?:protokoll|mötesanteckning(?:ar)?|minnesanteckningar|anteckningar|protokollsutdrag)\w*$"
    r"|^(?:sammanträde|möte|mötet|den|från|för|vid|fört|nr|innehållsförteckning|särskilt|särskilda)$",
    re.IGNORECASE,
)
_LINKS = {"och", "för", "i", "av", "med", "mellan", "om", "-"}
_ORGANISATION_IN = re.compile(
    r"\b(?P<place>[A-ZÅÄÖ][\w-]+)\s+(?P<kind>kommun|stad)\b|\bRegion\s+[A-ZÅÄÖ][\w-]+"
    r"|\bKommunalförbundet(?:\s+[A-ZÅÄÖ][\w-]+){1,4}",
    re.IGNORECASE,
)


# "Piratpartiets styrelsemöte", "Stackens extra medlemsmöte": the owner of the meeting or the body.
_OWNER = re.compile(r"\b(?P<owner>[A-ZÅÄÖ][\w-]+)s\s+(?P<of>[\w-]+)(?:\s+(?P<then>[\w-]+))?")


def title_clean(segment: str) -> str:
    """A title line without dates, times, page numbers and the garbage of a scanned page's top."""
    segment = _TIME_RANGE.sub(" ", _ISO_DATE.sub(" ", _TEXT_DATE.sub(" ", _DOTTED_DATE.sub(" ", segment))))
    # "protokollKonstitutionsutskottets": two words a web page glued together.
    segment = re.sub(r"(?<=[a-zåäö]{3})(?=[A-ZÅÄÖ][a-zåäö]{3})", " ", segment)
    segment = re.sub(r"\(\s*\d{1,3}\s*\)|\b\d{1,3}\s*\(\d{1,3}\)|\bsida\s+\d+", " ", segment, flags=re.I)
    words = segment.split()
    while words and (len(words[0]) < 3 or not words[0].replace("-", "").isalpha()):
        words.pop(0)  # "1 5/ Social- och hälsovårdsnämnden", "Fe?l fl Kommunfullmäktige"
    return " ".join(words).strip(" ,-–:")


def _cased(text: str) -> str:
    return text.capitalize() if text.isupper() else text[0].upper() + text[1:]


def _base_form(word: str) -> str:
    """ "Kulturutskottets" → "Kulturutskottet", "styrelsens" → "styrelsen", "fullmäktiges" → "fullmäktige"."""
    if re.search(r"(?:ets|ens|ns|es)$", word, re.IGNORECASE):
        return word[:-1]
    return word


def body_in(segment: str) -> str | None:
    """The body a title names: the phrase around its body word, in its base form."""
    words = [w.strip(",.;:") for w in segment.split()]
    for index, word in enumerate(words):
        meeting = _MEETING_TOKEN.match(word)
        if meeting:
            if meeting.group("stem"):
                return _cased(
                    meeting.group("stem").casefold() + "n"
                )  # "Partistyrelsemöte" → "Partistyrelsen"
            phrase = meeting.group("meeting")
            if index and words[index - 1].casefold() == "extra":
                phrase = f"extra {phrase}"
            return _cased(phrase.casefold())
        if not _BODY_TOKEN.match(word) or _RECORD_WORD.match(word):
            continue
        first = index
        # "Social- och hälsovårdsnämnden", "Kommunala pensionärsrådet", "sektionens styrelse".
        while first > 0 and (
            words[first - 1].endswith("-")
            or words[first - 1].casefold() in ("och",)
            or (
                (first - 1 == 0 or words[first - 2].casefold() == "med")
                and words[first - 1][:1].isalpha()
                and not _RECORD_WORD.match(words[first - 1])
                and words[first - 1].casefold() not in _LINKS
                and re.match(r"^[\w-]+(?:a|ens|ets|s)$", words[first - 1])
            )
        ):
            first -= 1
        last = index
        # "Ledningsgrupp för samverkan", "Beslutsgruppen för mål 5b-skärgården", "Styrelsen för Västkom".
        if (
            last + 2 < len(words) + 1
            and last + 1 < len(words)
            and words[last + 1].casefold() in ("för", "mellan")
        ):
            tail = last + 2
            while (
                tail < len(words)
                and not _RECORD_WORD.match(words[tail])
                and not words[tail].isupper()
                and not re.search(r"/|^\d+$", words[tail])
            ):
                tail += 1
                if tail - last > 5:
                    break
            last = tail - 1
        phrase = words[first : last + 1]
        phrase[index - first] = _base_form(phrase[index - first]) if index == last else phrase[index - first]
        if len(phrase) == 1:
            phrase[0] = _base_form(phrase[0])
        body = " ".join(phrase).strip(" ,-–")
        if body and len(body.split()) <= 10:
            return _cased(body)
    return None


def organisation_in(segment: str) -> str | None:
    """ "VILHELMINA KOMMUN" → "Vilhelmina kommun", "Region Gotland", "Kommunalförbundet Räddningstjänsten …",
    "Piratpartiets styrelsemöte" → "Piratpartiet"."""
    match = _ORGANISATION_IN.search(segment)
    if match and match.start() and not match.group(0).isupper():
        match = None  # "… Anna Ek, Göteborgs Stad": a member's organisation in a list, not the title's.
    if match:
        if match.group("kind"):
            return f"{_cased(match.group('place').casefold())} {match.group('kind').casefold()}"
        words = match.group(0).split()
        while words and _BODY_TOKEN.match(words[-1]):
            words.pop()
        return " ".join(words)
    for match in _OWNER.finditer(segment):
        if not any(
            word and (_MEETING_TOKEN.match(word) or _BODY_TOKEN.match(word))
            for word in (match.group("of"), match.group("then"))
        ):
            continue
        owner = match.group("owner")
        if _BODY_TOKEN.match(owner + "s") or owner.casefold() in ("möte", "protokoll"):
            continue
        before = segment[: match.start()].split()
        if before and re.match(r"^[\w-]*förening(?:en)?$|^[\w-]*förbundet$", before[-1], re.IGNORECASE):
            return f"{_cased(before[-1])} {owner}"  # "datorföreningen Stackens" → "Datorföreningen Stacken"
        return owner
    return None

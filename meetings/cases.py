"""Case numbers (diarienummer): when two writings in the records name the same case.

Records write one registry number in several ways — "Dnr KS 2019/0456", "KS 2019/456",
"KS2019/0456", "ks-2019-0456" — and a case (``models.Case``) is followed across meetings and bodies
through every one of them. A number's *key* is its letters and digits only, each run of them kept
apart, lower case, digits without leading zeros, joined by hyphens: ``ks-2019-456``. It is also the
case's address. Separators (space, "/", "-", ".") and a leading "Dnr" do not tell cases apart in
practice; the runs and their order do ("KS 02-820 107" is ``ks-2-820-107``, never ``ks-2820-107``).
"""

import re
import unicodedata

# What records print before the number itself.
_LABEL = re.compile(r"^\s*(?:dnr|diarienr|diarienummer|ärendenr|ärendenummer)\b\.?\s*:?\s*", re.IGNORECASE)
_RUNS = re.compile(r"[a-z]+|[0-9]+")
KEY_MAX_LENGTH = 100


def case_number_text(text: str) -> str:
    """The number as the record writes it, without a leading "Dnr" and with single spaces."""
    return " ".join(_LABEL.sub("", text or "").split())


def case_number_key(text: str) -> str:
    """The key of a case number (see the module's docstring); "" when the text names no case.

    A text without a digit names no case: a registry number always holds its year or serial, and
    a title or a word the importer took for a number ("Dnr Justering") is not a case.
    """
    # "Ä" and "ä" are one letter, as in the record; addresses are ASCII, so "Ä" becomes "a".
    ascii_text = unicodedata.normalize("NFKD", case_number_text(text).lower())
    ascii_text = "".join(char for char in ascii_text if not unicodedata.combining(char))
    runs = _RUNS.findall(ascii_text)
    if not any(run.isdigit() for run in runs):
        return ""
    key = "-".join(run.lstrip("0") or "0" if run.isdigit() else run for run in runs)
    return key if len(key) <= KEY_MAX_LENGTH else ""

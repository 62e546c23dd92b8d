import datetime


class DateConverter:
    """A date in an address as YYYY-MM-DD; an impossible date (2022-02-30) does not match, so 404."""

    regex = r"[0-9]{4}-[0-9]{2}-[0-9]{2}"

    def to_python(self, value: str) -> datetime.date:
        try:
            return datetime.date.fromisoformat(value)
        except ValueError as error:
            raise ValueError(value) from error

    def to_url(self, value) -> str:
        if isinstance(value, datetime.date):
            return value.isoformat()
        return str(value)


class YearConverter:
    """A year in an address: four digits from 1800 to 2999 (a date lookup must be able to use it)."""

    regex = r"1[89][0-9]{2}|2[0-9]{3}"

    def to_python(self, value: str) -> int:
        return int(value)

    def to_url(self, value) -> str:
        return str(value)


class NumberConverter:
    """A § number or a position: at most six digits, so it always fits the database column."""

    regex = r"[0-9]{1,6}"

    def to_python(self, value: str) -> int:
        return int(value)

    def to_url(self, value) -> str:
        return str(value)

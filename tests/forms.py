"""Reading a page's form as a browser submits it, so tests post back exactly what was rendered."""

from html.parser import HTMLParser
from urllib.parse import urlencode


class _FormReader(HTMLParser):
    def __init__(self, form_selector: str):
        super().__init__(convert_charrefs=True)
        self.marker = form_selector
        self.in_form = False
        self.template_depth = 0
        self.fields: list[tuple[str, str]] = []
        self._select: dict | None = None
        self._option: dict | None = None
        self._textarea: dict | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and self.marker in attrs:
            self.in_form = True
            return
        if not self.in_form:
            return
        if tag == "template":
            self.template_depth += 1
        if self.template_depth or "disabled" in attrs:
            return
        name = attrs.get("name")
        if tag == "input" and name:
            kind = attrs.get("type", "text")
            if kind in ("checkbox", "radio"):
                if "checked" in attrs:
                    self.fields.append((name, attrs.get("value", "on")))
            elif kind not in ("submit", "button", "image", "file", "reset"):
                self.fields.append((name, attrs.get("value", "")))
        elif tag == "select" and name:
            self._select = {"name": name, "multiple": "multiple" in attrs, "chosen": [], "first": None}
        elif tag == "option" and self._select is not None:
            self._option = {"value": attrs.get("value"), "selected": "selected" in attrs, "text": ""}
        elif tag == "textarea" and name:
            self._textarea = {"name": name, "text": ""}

    def handle_data(self, data):
        if self._option is not None:
            self._option["text"] += data
        if self._textarea is not None:
            self._textarea["text"] += data

    def handle_endtag(self, tag):
        if tag == "form" and self.in_form:
            self.in_form = False
        if not self.in_form:
            return
        if tag == "template":
            self.template_depth -= 1
        elif tag == "option" and self._option is not None:
            self._close_option()
        elif tag == "select" and self._select is not None:
            self._close_option()
            select = self._select
            chosen = select["chosen"] or (
                [] if select["multiple"] or select["first"] is None else [select["first"]]
            )
            self.fields.extend((select["name"], value) for value in chosen)
            self._select = None
        elif tag == "textarea" and self._textarea is not None:
            text = self._textarea["text"]
            # Browsers drop the one newline that follows <textarea>.
            self.fields.append((self._textarea["name"], text[1:] if text.startswith("\n") else text))
            self._textarea = None

    def _close_option(self):
        option = self._option
        if option is None:
            return
        value = option["value"] if option["value"] is not None else option["text"].strip()
        if self._select["first"] is None:
            self._select["first"] = value
        if option["selected"]:
            self._select["chosen"].append(value)
        self._option = None


def form_fields(html: str, form_marker: str = "data-editor") -> list[tuple[str, str]]:
    """The (name, value) pairs a browser would submit from the form with attribute ``form_marker``.

    Fields inside <template> elements are not part of the form; unchecked boxes send nothing; a
    select without a selected option sends its first option, as browsers do.
    """
    reader = _FormReader(form_marker)
    reader.feed(html)
    return reader.fields


def as_post(fields: list[tuple[str, str]]) -> dict[str, list[str]]:
    data: dict[str, list[str]] = {}
    for name, value in fields:
        data.setdefault(name, []).append(value)
    return data


class RenderedForm:
    """A rendered form's fields, changed as a person (or the page's script) would before posting."""

    def __init__(self, html: str, form_marker: str = "data-editor"):
        self.fields = form_fields(html, form_marker)

    def get(self, name: str) -> str | None:
        return next((value for key, value in self.fields if key == name), None)

    def set(self, name: str, value) -> None:
        """Sets a field (a list sets a multiple select; None or False unticks/clears)."""
        rest = [(key, val) for key, val in self.fields if key != name]
        if value is None or value is False:
            self.fields = rest
            return
        values = value if isinstance(value, list | tuple) else [value]
        self.fields = rest + [(name, "on" if v is True else str(v)) for v in values]

    def add_row(self, prefix: str, values: dict) -> int:
        """Adds a row to formset ``prefix`` as the page's "add" button does; returns its index."""
        index = int(self.get(f"{prefix}-TOTAL_FORMS"))
        self.set(f"{prefix}-TOTAL_FORMS", index + 1)
        for name, value in values.items():
            self.set(f"{prefix}-{index}-{name}", value)
        return index

    def data(self) -> dict[str, list[str]]:
        return as_post(self.fields)


def browser_post(client, url: str, data: dict):
    """Posts a form as a browser does: URL-encoded."""
    return client.post(url, urlencode(data, doseq=True), content_type="application/x-www-form-urlencoded")

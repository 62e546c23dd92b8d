"""The importer: existing protocols (text, PDF, Word) into draft meetings.

One module per step: ``extract`` (file to text) → ``parse`` (text to a structured result) →
``match`` (spelled names to people) → ``save`` (result to a draft meeting). The admin view in
``views`` and the ``import_protocol`` command both run the same steps.
"""


class ImportProblem(Exception):
    """A document that cannot be imported, with a message a secretary can act on."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message

    def __str__(self):
        return str(self.message)

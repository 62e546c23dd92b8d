from pathlib import Path

import pytest

DOCUMENTS = Path(__file__).parent / "documents"
EXPECTED = Path(__file__).parent / "expected"
SEEDS = [
    "gr-styrgrupp-social-valfard-p102-112",
    "gr-styrgrupp-social-valfard-p171-183",
    "gr-socialchefsnatverket-anteckningar",
]


@pytest.fixture
def document():
    """The text of a test document under documents/, by file name."""

    def read(name: str) -> str:
        return (DOCUMENTS / name).read_text(encoding="utf-8")

    return read

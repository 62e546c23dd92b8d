"""Step 3: spelled names matched to the archive's people."""

from meetings.importing.match import names_match
from tests.factories import PersonFactory


def test_a_misspelling_is_proposed_not_decided(db):
    """ "Ove Dröscher" is proposed as "Ove Dröschler" but is not certain."""
    ove = PersonFactory(name="Ove Dröschler")
    match = names_match(names=["Ove Dröscher"])["Ove Dröscher"]
    assert not match.certain
    assert match.proposed == ove
    assert match.candidates[0].score > 90


def test_recorded_spellings_match_exactly_ignoring_case(db):
    """A name recorded as an alternative spelling is certain, whatever its case."""
    ove = PersonFactory(name="Ove Dröschler", alternative_names=["Ove Dröscher"])
    match = names_match(names=["OVE DRÖSCHER"])["OVE DRÖSCHER"]
    assert match.certain and match.exact == ove


def test_a_different_person_is_not_proposed(db):
    """Names that merely share a first name are not proposed."""
    PersonFactory(name="Lena Holmlund")
    match = names_match(names=["Lena Mogren"])["Lena Mogren"]
    assert match.certain and match.exact is None and not match.candidates


def test_two_people_with_the_same_name_must_be_told_apart(db):
    """When two people share a spelling, the secretary chooses."""
    PersonFactory(name="Anna Berg")
    PersonFactory(name="Anna Berg")
    match = names_match(names=["Anna Berg"])["Anna Berg"]
    assert not match.certain and len(match.candidates) == 2


def test_names_in_another_order_are_proposed(db):
    """ "Lagrell Kent" is proposed as "Kent Lagrell"."""
    kent = PersonFactory(name="Kent Lagrell")
    assert names_match(names=["Lagrell Kent"])["Lagrell Kent"].proposed == kent

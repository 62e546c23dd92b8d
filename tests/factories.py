"""factory-boy factories for the archive's models."""

import datetime

import factory
from django.utils.text import slugify

from meetings.models import AgendaItem, AgendaItemLink, Attendance, Body, Decision, Meeting, Signature
from meetings.services import agenda_items_link_cases
from members.models import Membership, Organisation, Party, Person


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation
        django_get_or_create = ["name"]

    name = factory.Sequence(lambda n: f"Kommun {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))
    kind = Organisation.Kind.MUNICIPALITY


class PartyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Party
        django_get_or_create = ["abbreviation"]

    abbreviation = factory.Iterator(["M", "S", "SD", "MP", "L", "C", "V", "KD"])


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    name = factory.Faker("name", locale="sv_SE")
    slug = factory.Sequence(lambda n: f"person-{n}")


class BodyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Body

    organisation = factory.SubFactory(OrganisationFactory, name="Göteborgsregionen", kind="association")
    name = factory.Sequence(lambda n: f"Styrgrupp {n}")
    kind = Body.Kind.STEERING_GROUP
    slug = factory.LazyAttribute(lambda o: slugify(o.name))


class MeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Meeting

    body = factory.SubFactory(BodyFactory)
    # Wraps after about four years so that a long session's meetings never reach the future (a
    # protocol posted for a future date is not public yet); each meeting has a body of its own.
    date = factory.Sequence(lambda n: datetime.date(2022, 1, 1) + datetime.timedelta(days=n % 1400))
    record_kind = Meeting.RecordKind.PROTOCOL
    status = Meeting.Status.DRAFT

    class Params:
        published = factory.Trait(
            status=Meeting.Status.PUBLISHED,
            adjusted_on=factory.LazyAttribute(lambda o: o.date + datetime.timedelta(days=7)),
            posted_on=factory.LazyAttribute(lambda o: o.date + datetime.timedelta(days=8)),
        )


class AttendanceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Attendance

    meeting = factory.SubFactory(MeetingFactory)
    person = factory.SubFactory(PersonFactory)
    group = Attendance.Group.MEMBER


class AgendaItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AgendaItem
        skip_postgeneration_save = True

    meeting = factory.SubFactory(MeetingFactory)
    position = factory.Sequence(lambda n: n + 1)
    number = factory.LazyAttribute(lambda o: 100 + o.position)
    title = factory.Faker("sentence", locale="sv_SE", nb_words=5)
    summary = factory.Faker("paragraph", locale="sv_SE")

    @factory.post_generation
    def link_case(obj, create, extracted, **kwargs):
        """As the importer and the editor do: the case number links the paragraph to its case."""
        if create and obj.case_number:
            agenda_items_link_cases(item_ids=[obj.pk])
            obj.refresh_from_db(fields=["case"])


class DecisionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Decision

    agenda_item = factory.SubFactory(AgendaItemFactory)
    kind = Decision.Kind.NOTED
    text = "Informationen antecknas."
    position = 1


class AgendaItemLinkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AgendaItemLink

    agenda_item = factory.SubFactory(AgendaItemFactory)
    url = "https://example.org/rapport"


class SignatureFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Signature

    meeting = factory.SubFactory(MeetingFactory)
    person = factory.SubFactory(PersonFactory)


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    person = factory.SubFactory(PersonFactory)
    body = factory.SubFactory(BodyFactory)
    role = Membership.Role.MEMBER


def meeting_of_size(*, attendees: int, items: int, decisions_per_item: int = 2) -> Meeting:
    """A meeting with its body's members present and numbered paragraphs, each with its decisions."""
    meeting = MeetingFactory()
    parties = [PartyFactory(abbreviation=a) for a in ("M", "S", "SD", "C")]
    people = Person.objects.bulk_create(
        [Person(name=f"Ledamot {n:03}", slug=f"m{meeting.pk}-ledamot-{n:03}") for n in range(attendees)]
    )
    Attendance.objects.bulk_create(
        [
            Attendance(
                meeting=meeting, person=person, party=parties[n % 4], position=n + 1, present=n % 9 != 0
            )
            for n, person in enumerate(people)
        ]
    )
    agenda = AgendaItem.objects.bulk_create(
        [
            AgendaItem(
                meeting=meeting, number=100 + n, position=n + 1, title=f"Ärende {n}", summary="Text " * 80
            )
            for n in range(items)
        ]
    )
    Decision.objects.bulk_create(
        [
            Decision(agenda_item=item, position=k + 1, text=f"Beslut {k + 1} i ärende {item.number}.")
            for item in agenda
            for k in range(decisions_per_item)
        ]
    )
    for item in agenda[: len(people)]:
        item.presenters.add(people[item.position - 1])
    return meeting

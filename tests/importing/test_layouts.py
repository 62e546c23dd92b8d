"""Layouts the corpus taught the parser, each in a small document of its own."""

from meetings.importing.parse import protocol_parse

FLATTENED = (
    "Transkript\n\n"
    "1 (21) Plats och tid Frykensalen, Sunne, kl 19:00-21:45 Paragrafer 71-74 Beslutande "
    "Anna Ek (C), ordförande Per Berg (M) Eva Lund (S), ersättare för Jan Ek (S) Övriga närvarande "
    "Olle Edgren, kommunchef Utses att justera Per Berg Underskrifter Sekreterare Ordförande "
    "Justerande Gunilla Nyström Anna Ek Per Berg ANSLAG/BEVIS Protokollet är justerat.\n"
    "2 (21) 71 Val av justerare Per Berg utses att justera protokollet. "
    "72 Budget 2012 Budgeten godkänns enligt förslaget. "
    "73 Revisionens rapport för verksamhetsåret 2011 Rapporten läggs till handlingarna. "
    "74 Anmälningsärenden Anmälningarna läggs till handlingarna.\n"
)


def test_a_flattened_page_is_read_field_by_field():
    result = protocol_parse(FLATTENED)
    assert result.location == "Frykensalen, Sunne"
    assert (str(result.start_time), str(result.end_time)) == ("19:00:00", "21:45:00")
    assert result.paragraph_range == (71, 74)
    assert [(a.name, a.party, a.present) for a in result.attendees if a.group != "official"] == [
        ("Anna Ek", "C", True),
        ("Per Berg", "M", True),
        ("Eva Lund", "S", True),
        ("Jan Ek", "S", False),  # the member Eva Lund served for
    ]
    assert (result.chair, result.secretary, result.adjusters) == ("Anna Ek", "Gunilla Nyström", ["Per Berg"])
    assert [(i.number, i.title, i.decision) for i in result.items] == [
        (71, "Val av justerare", "Per Berg utses att justera protokollet."),
        (72, "Budget 2012", "Budgeten godkänns enligt förslaget."),
        (73, "Revisionens rapport för verksamhetsåret 2011", "Rapporten läggs till handlingarna."),
        (74, "Anmälningsärenden", "Anmälningarna läggs till handlingarna."),
    ]


def test_a_table_of_contents_does_not_hide_the_paragraphs():
    text = (
        "Protokoll\nKommunstyrelsen\n\nInnehåll\n\n§ 1 Dnr KS-2024-1\nÄrendelista ........ 5\n\n"
        "§ 2 Dnr KS-2024-2\nBudget ........ 6\n\n§ 3 Dnr KS-2024-3\nRevision ........ 7\n\n"
        "§ 1 Dnr KS-2024-1\nÄrendelista\n\nBeslut\nÄrendelistan godkänns.\n\n"
        "§ 3 Dnr KS-2024-3\nRevision\n\nBeslut\nRapporten läggs till handlingarna.\n"
    )
    result = protocol_parse(text)
    assert [(i.number, i.title, i.decision) for i in result.items] == [
        (1, "Ärendelista", "Ärendelistan godkänns."),
        (2, "Budget", None),  # known only from the contents, which the document lists
        (3, "Revision", "Rapporten läggs till handlingarna."),
    ]


def test_markup_headings_holding_decisions_are_the_items():
    text = (
        "= Formalia\n== Val av mötesordförande\nText.\n=== Beslut\nAnna Ek väljs till mötesordförande.\n"
        "== Val av justerare\n=== Nomineringar\n- Per Berg\n=== Beslut\nPer Berg väljs till justerare.\n"
        "= Mötets avslutande\nMötet avslutas.\n"
    )
    result = protocol_parse(text)
    assert [i.title for i in result.items] == [
        "Val av mötesordförande",
        "Val av justerare",
        "Mötets avslutande",
    ]
    assert (result.chair, result.adjusters) == ("Anna Ek", ["Per Berg"])


def test_a_numbered_list_inside_an_item_is_its_text():
    text = (
        "Mötesanteckningar\n\n1. Mötets öppnande\n\n2. Nära vård\nFörändrade arbetssätt:\n"
        "1. Öka förebyggande insatser\n2. Öka tillit\n3. Stärk samordningen\n\n3. Övriga frågor\nInga.\n"
    )
    result = protocol_parse(text)
    assert [i.title for i in result.items] == ["Mötets öppnande", "Nära vård", "Övriga frågor"]
    assert "3. Stärk samordningen" in result.items[1].text


def test_an_att_sats_after_the_text_is_the_decision():
    text = (
        "Protokoll\nStyrelsen\n\nNärvarande: Anna Ek, Per Berg\n\n"
        "§ 57 Föregående protokoll\nVD gick igenom protokollen från april och maj. "
        "att lägga protokollen till handlingarna.\n"
    )
    (item,) = protocol_parse(text).items
    assert item.decision == "att lägga protokollen till handlingarna."
    assert item.text == "VD gick igenom protokollen från april och maj."


def test_numbers_on_lines_of_their_own_head_the_notes_items():
    text = (
        "SAMMANTRÄDESANTECKNINGAR\nKommunrevisionen\n\n1\n\nMötets öppnande\n\nSammanfattning\n"
        "Ordföranden öppnar mötet.\n\n2\nFöregående minnesanteckningar\n\nÖverenskommelse\n\n"
        "Kommunrevisionen godkänner föregående mötes minnesanteckningar.\n"
    )
    result = protocol_parse(text)
    assert [(i.number, i.title) for i in result.items] == [
        (None, "Mötets öppnande"),
        (None, "Föregående minnesanteckningar"),
    ]
    assert result.items[1].decision == "Kommunrevisionen godkänner föregående mötes minnesanteckningar."
    assert "2" not in result.items[0].text.split()

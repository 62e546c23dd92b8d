"""Header and closing layouts the corpus taught the parser: date, times, place, range and officers."""

import datetime

from meetings.importing.parse import dates_find, protocol_parse, times_find


def test_a_meeting_over_two_days_is_dated_by_its_first():
    """ "den 26-27 januari 2002" (association boards meeting over a weekend) is 26 January."""
    assert [value for _offset, value in dates_find("Möte med styrelsen den 26-27 januari 2002")] == [
        datetime.date(2002, 1, 26)
    ]
    assert [value for _offset, value in dates_find("MÖTE 8-9 FEBRUARI 2019")] == [datetime.date(2019, 2, 8)]


def test_a_meeting_over_two_days_ends_with_the_last_days_range():
    assert times_find("Tid: fredag 14.00-18.00, lördag 09.00-18.15") == (
        datetime.time(14, 0),
        datetime.time(18, 15),
    )
    # One day with a break stays one range.
    assert times_find("kl. 13.00-15.00, ajournering 14.00-14.15") == (datetime.time(13), datetime.time(15))


def test_the_paragraph_range_is_the_number_after_the_label():
    """A flattened table's "Paragrafer" followed by other fields is no range of 4–2019."""
    text = (
        "Sammanträdesprotokoll\nPlats och tid: Räddningsstationen, kl. 13:00\n"
        "Paragrafer Pia Anderson Ordförande:. Justering av protokoll 4/2019 har tillkännagivits.\n\n"
        "§ 4 Val av justerare\nKalle Ek utses.\n"
    )
    assert protocol_parse(text).paragraph_range is None


def test_a_paragraph_range_pulled_apart_from_its_label_is_found():
    """Extraction pulls a header table apart: the range stands a field after or a line before its label."""
    after = (
        "Plats och tid Frykensalen, kl 19:00-21:45\nParagrafer\nBeslutande Se sid 2 71-85\n\n§ 71 Upprop\n"
    )
    assert protocol_parse(after).paragraph_range == (71, 85)
    before = "Plats och tid Rummet, kl 13.00\nSekreterare   Patrik Johansson      § 1-37\nParagrafer\n\n§ 1 Upprop\n"
    assert protocol_parse(before).paragraph_range == (1, 37)
    inside = (
        "Plats och tid Rummet, kl 13.00\nJusteringens plats Förvaltningshuset 2011-10-19, kl 16.00 "
        "Paragrafer 155-168\n\n§ 155 Upprop\n"
    )
    assert protocol_parse(inside).paragraph_range == (155, 168)


def test_the_range_of_the_items_is_the_meetings_only_when_the_protocol_is_signed():
    """Paragraphs from § 1 up to a signature are the whole meeting; without one, the text may stop early."""
    items = (
        "Protokoll\nPlats och tid: Rummet, 2024-01-23 kl. 13.00\n\n§ 1 Upprop\nText.\n\n§ 2 Budget\nText.\n"
    )
    assert protocol_parse(items).paragraph_range is None
    signed = items + "\nVid protokollet\nAnna Ek\n\nJusteras\nPer Berg\n"
    assert protocol_parse(signed).paragraph_range == (1, 2)


def test_sittings_one_after_another_span_the_meeting():
    """A Riksdag committee's "TID 9.52–10.13 10.30–11.59 12.10–12.57": the meeting runs 9.52–12.57."""
    assert times_find("TID | 9.52–10.13 10.30–11.59 12.10–12.57 |") == (
        datetime.time(9, 52),
        datetime.time(12, 57),
    )


ASSOCIATION = (
    "Protokoll Styrelsemöte 2011-09-20\n\n"
    "1. Mötets öppnande\nMötet öppnades kl 19.05 av Robert Tiinus.\n\n"
    "2. Val av mötesordförande\nMötet väljer Rasmus Palm till mötesordförande.\n\n"
    "3. Val av mötessekreterare\nMikael Ölmestig valdes till mötets sekreterare.\n\n"
    "4. Val av justerare\nMötet valde Robert Tiinus att justera protokollet.\n\n"
    "5. Mötets avslutande\nKlockan 21:10 förklarade ordföranden mötet avslutat.\n"
)


def test_association_minutes_elect_their_officers_and_open_and_close_by_the_clock():
    result = protocol_parse(ASSOCIATION)
    assert (result.chair, result.secretary, result.adjusters) == (
        "Rasmus Palm",
        "Mikael Ölmestig",
        ["Robert Tiinus"],
    )
    assert (result.start_time, result.end_time) == (datetime.time(19, 5), datetime.time(21, 10))


def test_officer_lines_inside_an_item_may_give_first_names_only():
    """IRC and chat minutes: "Ordförande: Klas" under "Val av mötesfunktionärer"; "Att: Lukas är protokolljusterare"."""
    text = (
        "Protokoll från styrelsemöte 2011-12-19\n\nNärvarande: Klas, Fredrik, Henrik\n\n"
        "1 Mötets öppnande 21:30\n\n2 Val av mötesfunktionärer\n\nOrdförande: Klas\n\nSekreterare: Henrik\n\n"
        "3 Protokolljusterare\nAtt: Fredrik är protokolljusterare\n\nBeslut: Attsats bifalles\n"
    )
    result = protocol_parse(text)
    assert (result.chair, result.secretary, result.adjusters) == ("Klas", "Henrik", ["Fredrik"])
    assert result.start_time == datetime.time(21, 30)


def test_several_offices_elected_in_one_sentence():
    text = (
        "Protokoll, styrelsemöte 11 februari 2014\n\n1. Mötet öppnades.\n"
        "2. Stian Rødven Eide valdes till ordförande, Gustav Eek till sekreterare och Leif-Jöran Olsson "
        "till justeringsperson.\n3. Fastställande av dagordning.\n"
    )
    result = protocol_parse(text)
    assert (result.chair, result.secretary, result.adjusters) == (
        "Stian Rødven Eide",
        "Gustav Eek",
        ["Leif-Jöran Olsson"],
    )


def test_the_chair_who_opens_the_meeting():
    text = (
        "Protokoll\n\n§ 94 Mötet öppnas\n\nOrdförande Hanna Roberts hälsar alla välkomna och förklarar mötet öppnat.\n\n"
        "§ 95 Dagordning\nBeslut\natt fastställa dagordningen.\n"
    )
    assert protocol_parse(text).chair == "Hanna Roberts"


def test_the_opening_sentence_of_association_minutes():
    """No header table: date (its year earlier in the sentence), time and the place after "i"."""
    text = (
        "Protokoll fört vid föreningens höstmöte 2009, torsdagen den 3:e december klockan 19 i sal Q24 "
        "på Tekniska Högskolan.\n\n## 1. Mötets öppnande\nOrdföranden förklarade mötet öppnat klockan 19:15.\n"
        "## 2. Mötets avslutande\nKlockan 20:07 förklarades mötet avslutat.\n"
    )
    result = protocol_parse(text)
    assert result.date == datetime.date(2009, 12, 3)
    assert (result.start_time, result.end_time) == (datetime.time(19), datetime.time(20, 7))
    assert result.location == "sal Q24 på Tekniska Högskolan"
    two_days = "Protokoll från partiets styrelsemöte den 2-3 mars 2013 i Uppsala\n\n1. Mötets öppnande\n"
    assert (protocol_parse(two_days).date, protocol_parse(two_days).location) == (
        datetime.date(2013, 3, 2),
        "Uppsala",
    )


LATEX = (
    r"\documentclass[protokoll]{dvd}"
    "\n"
    r"\newcommand \meetingplace {Gamla rummet}"
    "\n"
    r"%\newcommand \meetingplace {Gamla rummet}"
    "\n"
    r"\newcommand \meetingplace {Språkbanken, Göteborg}"
    "\n"
    r"\newcommand \meetingchairman {Stian Rødven Eide}"
    "\n"
    r"\date{2022-10-10}"
    "\n"
    r"\begin{document}"
    "\n"
    r"\textbf{Datum:} \csname @date\endcsname\\"
    "\n"
    r"\textbf{Tid:} 13.15 \\"
    "\n"
    r"\textbf{Plats:} \meetingplace\\"
    "\n"
    r"\textbf{Styrelsemedlemmar:}"
    "\n"
    r"\begin{närvarande}"
    "\n"
    r"    \förtroendevald{Sekreterare}{Sebastian Selander}{Ja}"
    "\n"
    r"\end{närvarande}"
    "\n\n"
    r"\section{Öppnande av möte}"
    "\n"
    r"\meetingchairman\ valdes till ordförande."
    "\n\n"
    r"\section{Avslutande av möte}"
    "\n"
    "Mötet avslutades 14.30\n"
    r"\end{document}"
    "\n"
)


def test_minutes_kept_as_latex_read_the_preambles_fields():
    """The template's fields and the user's macros (the last definition standing) are the header."""
    result = protocol_parse(LATEX)
    assert result.date == datetime.date(2022, 10, 10)
    assert (result.start_time, result.end_time) == (datetime.time(13, 15), datetime.time(14, 30))
    assert result.location == "Språkbanken, Göteborg"
    assert (result.chair, result.secretary) == ("Stian Rødven Eide", "Sebastian Selander")


def test_minutes_kept_as_typst_read_the_templates_settings():
    text = (
        '#import "DVD.typ": setupDocument\n\n#let time = "17:38"\n#show: setupDocument.with(\n  time: time,\n'
        '  date: datetime(year: 2023, month: 11, day: 30),\n  location: "EA",\n  stämma: true\n)\n\n'
        "Närvarande: Anna Ek, Per Berg\n\n= Öppnande av möte\nMötet öppnades av Samuel Hammersberg #time\n\n= Avslutning\nMötet avslutas 20:18.\n"
    )
    result = protocol_parse(text)
    assert (result.date, result.location) == (datetime.date(2023, 11, 30), "EA")
    assert (result.start_time, result.end_time) == (datetime.time(17, 38), datetime.time(20, 18))


def test_the_place_ends_at_an_empty_line_or_a_field_of_its_own():
    text = (
        "# Möte 2023-03-24\n\n## Plats\nStyrelserummet\n\n# Öppnar mötet 12:05\n\n"
        "## Mötessekreterare\nAtt: Tekla Siesjö är sekreterare\n\nBeslut: Attsats bifalles\n"
    )
    result = protocol_parse(text)
    assert (result.location, result.start_time) == ("Styrelserummet", datetime.time(12, 5))


def test_a_place_keeps_nothing_of_the_flattened_table_around_it():
    """The label's own words around the value, the adjustment's "Plats och tid", a sentence after it."""
    wrapped = (
        "SAMMANTRÄDESPROTOKOLL\nKommunstyrelsen\nDatum\n2024-01-23\n\n"
        "Plats och tid för Kungsbackarummet, Storgatan 37 Klockan 13.00–14.40\nsammanträde\n"
        "Beslutande    Ledamöter\nLisa Andersson (M), Ordförande\n\n"
        "Plats och tid för justering Digital justering\n\n§ 1 Upprop\n"
    )
    assert protocol_parse(wrapped).location == "Kungsbackarummet, Storgatan 37"
    sentence = (
        "PROTOKOLL\nTid och plats kl 13.00, sammanträdesrum Stora Skansen, Sprängkullsgatan\n"
        "19. Behandlade beslutsärenden vid detta sammanträde 7 Internrevisionens rapport\n\n§ 1 Upprop\n"
    )
    assert protocol_parse(sentence).location == "sammanträdesrum Stora Skansen, Sprängkullsgatan 19"


def test_officer_statements_survive_misspelt_offices():
    """Notes typed during a call: "Att: Tekla är sekretare"."""
    text = "# Möte 2023-03-24\n\n## Mötessekeretare\nAtt: Tekla är sekretare\n\nBeslut: Attsats bifalles\n"
    assert protocol_parse(text).secretary == "Tekla"


FINLAND_SWEDISH = (
    "INNEHÅLLSFÖRTECKNING SFGE, 2016-06-13 18:00, Protokoll\n\n"
    "§ 27 Namnupprop och konstaterande av sammanträdets laglighet ... 2\n\n"
    "§ 28 Protokollets justering ... 3\n\n"
    "SAMMANTRÄDESTID: 13.06.2016 kl. 18:00 – 19:00 SAMMANTRÄDESPLATS: Stadshuset, sessionssalen NÄRVARANDE\n\n"
    "ÄRENDEN: §§ 27 - 28\n\n"
    "UNDERSKRIFT Ordförande\n\nMikaela Björklund\n\nProtokollförare\n\nBjörn Häggblom PROTOKOLLET HAR\n\n"
    "JUSTERATS\n\nTid 16.6.2016\n\nErik Ulfvens Peter Ruths PROTOKOLLET HAR\n\n"
    "VARIT FRAMLAGT TILL PÅSEENDE\n\nTid och plats 17.6.2016 Utdragets riktighet bestyrker:\n\n"
    "Stadshuset i Närpes\n\nBjörn Häggblom Förvaltningsdirektör\n"
)


def test_the_header_after_a_table_of_contents_and_a_form_in_capitals():
    """Finland-Swedish council minutes: contents first, then a form whose labels are in capitals."""
    result = protocol_parse(FINLAND_SWEDISH)
    assert result.date == datetime.date(2016, 6, 13)
    assert (result.start_time, result.end_time) == (datetime.time(18), datetime.time(19))
    assert result.location == "Stadshuset, sessionssalen"
    assert result.paragraph_range == (27, 28)
    assert (result.chair, result.secretary) == ("Mikaela Björklund", "Björn Häggblom")
    assert result.adjusters == ["Erik Ulfvens", "Peter Ruths"]


def test_signature_fields_pulled_apart_fill_the_oldest_waiting_label():
    """A flattened table is read row by row: each name fills the oldest label still waiting."""
    labels_first = (
        "Sammanträdesprotokoll\nPlats och tid: Räddningsstationen, kl. 13:00\n"
        "Beslutande: Magnus Cato (S), ordförande Kenneth Johansson (S)\n"
        "Utses att justera: Sekreterare: Kenneth Johansson\n"
        "Paragrafer Pia Anderson Ordförande:. Magnus Cato Justerande:. ANSLAG Justering av protokoll\n\n"
        "§ 35 Mötet öppnas\n"
    )
    result = protocol_parse(labels_first)
    assert (result.chair, result.secretary, result.adjusters) == (
        "Magnus Cato",
        "Pia Anderson",
        ["Kenneth Johansson"],
    )
    label_on_its_own = (
        "Sammanträdesprotokoll\nPlats och tid Sammanträdesrum Hamnen, kl 13:00-16:00.\n"
        "Beslutande Lars Holmström, ordförande Uno Tjernström\n"
        "Plats och tid Sekreterare\n"
        "Paragrafer 8-15 Ordförande Justerare Ulla Nordin Lars Holmström Instans Anslaget sätts upp\n\n"
        "§ 8 Öppnande\n"
    )
    result = protocol_parse(label_on_its_own)
    assert (result.chair, result.secretary) == ("Lars Holmström", "Ulla Nordin")


def test_a_signature_row_inside_another_fields_line():
    text = (
        "PROTOKOLL\nTid och plats Stadshuset, sessionssalen Kl\nBeslutande Se förteckning bilaga 1\n"
        "Paragrafer justering Sekreterare Ordförande. Ulla Andersson.. Olov Säfström Justerande.. "
        "Fatima Bouja Viveca Dalhammar\n\n§ 1 Upprop\n"
    )
    result = protocol_parse(text)
    assert (result.chair, result.secretary) == ("Olov Säfström", "Ulla Andersson")
    assert result.adjusters == ["Fatima Bouja", "Viveca Dalhammar"]


def test_bilingual_finland_swedish_labels():
    """ "PLATS - PAIKKA", "Ordförande/Puheenjohtaja:": the Swedish label is read, the Finnish dropped."""
    text = (
        "Social- och hälsovårdsnämnden TID - AIKA 12.06.2014 KL. - KLO 16:30-18:15 PLATS - PAIKKA "
        "Houtskär områdeskontor, Näsbyvägen 214, Houtskär 57 Konstatera sammanträdets laglighet "
        "Ordförande/Puheenjohtaja: Merja Fredriksson\n\n§ 57 Laglighet\nBeslut\nSammanträdet är lagligt.\n"
    )
    result = protocol_parse(text)
    assert result.location == "Houtskär områdeskontor, Näsbyvägen 214, Houtskär"
    assert (result.start_time, result.end_time) == (datetime.time(16, 30), datetime.time(18, 15))
    assert result.chair == "Merja Fredriksson"


def test_adjusters_end_at_the_next_label_of_a_flattened_table():
    text = (
        "Protokoll\nPlats och tid Konferensrum 1, kl. 13:00-16:00\n"
        "Utses att justera Eivor Hagström Justering Underskrifter Sekreterare Magnus Eriksson\n\n§ 1 Upprop\n"
    )
    assert protocol_parse(text).adjusters == ["Eivor Hagström"]
    labelled = (
        "Protokoll\nPlats och tid Rummet, kl. 13:00\nProtokolljusterare Magdalena Sundqvist\n\n§ 1 Upprop\n"
    )
    assert protocol_parse(labelled).adjusters == ["Magdalena Sundqvist"]


def test_a_protocol_adjusted_by_one_signature_alone_is_the_chairs():
    """Riksdag committee protocols: "Vid protokollet" the secretary, "Justeras" the chair alone."""
    text = (
        "KULTURUTSKOTTET\nPROTOKOLL\nDATUM\nTorsdagen den 22 mars 2018\n\n§ 1\nJustering av protokoll\n\n"
        "Vid protokollet\n\nCharlotte Rundelius\n\nJusteras\n\nOlof Lavesson\n"
    )
    result = protocol_parse(text)
    assert (result.chair, result.secretary, result.adjusters) == (
        "Olof Lavesson",
        "Charlotte Rundelius",
        ["Olof Lavesson"],
    )


def test_labels_side_by_side_with_their_values_after_them():
    """ "Tid: Plats: 30 maj 2013 kl Norabostäders kontor": the place is what the date and time leave."""
    text = (
        "Protokoll fört vid styrelsesammanträde Tid: Plats: 30 maj 2013 kl Norabostäders kontor, Änggatan 11\n"
        "Närvarande ledamöter: Bror-Erik Israelsson, Ivar Fernemo\n\n"
        "§ 54 Val av sekreterare\nTill sekreterare för mötet valdes Lars Winell.\n"
    )
    result = protocol_parse(text)
    assert (result.date, result.location) == (datetime.date(2013, 5, 30), "Norabostäders kontor, Änggatan 11")
    assert result.secretary == "Lars Winell"


def test_an_election_under_a_heading_that_names_the_office():
    """A wiki's annual meeting: "Val av rösträknare och justerare" then "• David Öhlin valdes."."""
    text = (
        "Årsmötesprotokoll 2009-03-14\n • Plats: Kungliga Biblioteket\n • 14 mars 14:00\n\n"
        "Val av mötespresidium\n\n • Karl Sigfrid valdes till mötets ordförande.\n"
        " • Jan Ainali valdes till mötets sekreterare.\n\n"
        "Val av rösträknare och justerare\n\n • David Öhlin valdes.\n"
    )
    result = protocol_parse(text)
    assert (result.chair, result.secretary, result.adjusters) == (
        "Karl Sigfrid",
        "Jan Ainali",
        ["David Öhlin"],
    )
    assert (result.location, result.start_time) == ("Kungliga Biblioteket", datetime.time(14))


def test_a_chair_marked_in_a_flattened_list_of_those_present():
    text = (
        "Protokoll från beslutsgruppsmöte den 3 oktober 1997 Närvarande: Pär Nuder, ordf. Ledamöter: "
        "Berit Adolfsson Anita Bohman\n\n1. Fastställande av dagordning\nDagordningen fastställdes.\n"
        "2. Val av justerare\nUlla Jakobsson valdes till justerare.\n"
    )
    result = protocol_parse(text)
    assert (result.chair, result.adjusters) == ("Pär Nuder", ["Ulla Jakobsson"])


def test_the_chair_opens_the_meeting_in_a_sentence_wrapped_over_lines():
    text = (
        "SAMMANTRÄDESANTECKNINGAR\n\n1. Mötets öppnande\n\nOrdförande Birgitta Litsegård hälsar "
        "mötesdeltagarna välkomna och förklarar mötet\nöppnat.\n\n2. Dagordning\nBeslut\nDagordningen godkänns.\n"
    )
    assert protocol_parse(text).chair == "Birgitta Litsegård"


def test_the_body_and_organisation_of_a_title():
    """Titles name the body in many forms: possessive, a meeting word, a municipality in capitals."""
    from meetings.importing.parse.title import body_in, organisation_in

    assert body_in("Kulturutskottets protokoll 2017/18:21") == "Kulturutskottet"
    assert body_in("Piratpartiets styrelsemöte den i Uppsala") == "Styrelsen"
    assert body_in("Partistyrelsemöte") == "Partistyrelsen"
    assert body_in("Möte med sektionens styrelse den") == "Sektionens styrelse"
    assert body_in("Social- och hälsovårdsnämnden") == "Social- och hälsovårdsnämnden"
    assert body_in("Kommunala pensionärsrådet protokoll 16:00") == "Kommunala pensionärsrådet"
    assert body_in("Protokoll fört vid Datorföreningen Stackens extra medlemsmöte") == "Extra medlemsmöte"
    assert body_in("Styrelserummet") is None
    assert organisation_in("VILHELMINA KOMMUN PROTOKOLL") == "Vilhelmina kommun"
    assert organisation_in("Piratpartiets styrelsemöte") == "Piratpartiet"
    assert organisation_in("Protokoll fört vid Datorföreningen Stackens extra medlemsmöte") == (
        "Datorföreningen Stacken"
    )
    assert organisation_in("Anna Ek, Göteborgs Stad") is None


def test_a_scanned_pages_top_is_no_part_of_the_body():
    text = "Fe?l fl Kommunfullmäktige 2017-10-23 1\nPlats och tid Ungärde skola, kl. 18:30-20:30\n\n§ 132 Upprop\n"
    assert protocol_parse(text).body == "Kommunfullmäktige"


def test_what_the_header_and_the_signatures_say_stands():
    """Statements in the items fill only what the header table and the closing left unknown."""
    text = (
        "Protokoll\nPlats och tid: Rådhuset, kl 13.00-15.00\nOrdförande: Anna Ek\nJusterare: Eva Lund\n\n"
        "§ 1 Mötets öppnande\nMötet öppnades kl 13.05. Mötet valde Per Berg till mötesordförande.\n\n"
        "§ 2 Mötets avslutande\nMötet avslutades 14.40.\n\nVid protokollet\nKarin Holm\n"
    )
    result = protocol_parse(text)
    assert (result.chair, result.secretary, result.adjusters) == ("Anna Ek", "Karin Holm", ["Eva Lund"])
    assert (result.start_time, result.end_time) == (datetime.time(13), datetime.time(15))


def test_the_adjuster_elected_to_adjust_the_protocol():
    """ "utse X till rapportör … samt till att … justera protokollet"; a jumbled header list is narrowed."""
    text = (
        "Protokoll\n\n§ 95 Val av justerare\n\nBeslut\n\natt utse Henrik Zetterquist till rapportör till "
        "Grupptrycket samt till att, jämte ordförandena, justera protokollet.\n"
    )
    assert protocol_parse(text).adjusters == ["Henrik Zetterquist"]
    jumbled = (
        "PROTOKOLL\nPlats och tid Folkets Hus, kl 13.00\nUtses att justera Roland Bång, Susanna Rolfsdotter, "
        "Rickard Norberg\n\n§ 49 Sammanträdets öppnande\nRickard Norberg utsågs att tillsammans med ordförande "
        "justera dagens protokoll.\n"
    )
    assert protocol_parse(jumbled).adjusters == ["Rickard Norberg"]
    nicknames = (
        "Protokoll fört vid föreningens höstmöte 2009-12-03 klockan 19 i sal Q24.\n\n## 4. Val av justeringsmän\n"
        "Magnus Danielson ‹magda› och Alexander Boström ‹abo› valdes till justeringsmän.\n"
    )
    assert protocol_parse(nicknames).adjusters == ["Magnus Danielson", "Alexander Boström"]


def test_a_labelled_field_that_cannot_be_read_is_a_problem_not_a_silent_null():
    from django.utils import translation

    text = (
        "Protokoll\nPlats och tid Stadshuset, sessionssalen Kl\nParagrafer Se bilaga\n"
        "Utses att justera se nedan\n\n§ 1 Upprop\nText.\n"
    )
    result = protocol_parse(text)
    assert result.date is None
    assert "The meeting's date could not be read from “Stadshuset, sessionssalen Kl”." in result.problems
    assert "The paragraph range could not be read from “Se bilaga”." in result.problems
    assert "The adjusters could not be read from “se nedan”." in result.problems
    with translation.override("sv"):
        problems = protocol_parse(text).problems
    assert "Sammanträdets datum kunde inte läsas ur ”Stadshuset, sessionssalen Kl”." in problems
    readable = (
        "Protokoll\nPlats och tid Stadshuset, 2024-01-23 kl 13.00\nParagrafer 1-2\n\n§ 1 Upprop\nText.\n"
    )
    assert protocol_parse(readable).problems == []


def test_statements_that_name_no_officer_of_this_meeting():
    from meetings.importing.parse.statements import _CHAIR_MARKED

    text = "Protokoll 2024-01-23\n\n1. Val av sekreterare\nAtt: Kassören är sekreterare\n\nBeslut: Attsats bifalles\n"
    assert protocol_parse(text).secretary is None
    assert _CHAIR_MARKED.search("Gäster: Per Berg, ordförande i kulturnämnden") is None
    assert _CHAIR_MARKED.search("Närvarande: Pär Nuder, ordf. Ledamöter:").group("names") == "Pär Nuder"


def test_a_record_adjusted_or_numbered_with_paragraphs_is_a_protocol():
    """Notes are neither adjusted nor numbered with "§"; the title need not say "protokoll"."""
    paragraphs = "Kommunfullmäktige\nPlats och tid Hörsalen, kl 18.00\n\n§ 63 Upprop\nText.\n"
    assert protocol_parse(paragraphs).record_kind == "protocol"
    adjusted = "Styrelsemöte 2024-01-23\n\n1. Val av justerare\nAnna Ek valdes till justerare.\n"
    assert protocol_parse(adjusted).record_kind == "protocol"
    notes = "Minnesanteckningar nätverksträff 2024-01-23\n\n1. Runda bordet\nAlla berättade.\n"
    assert protocol_parse(notes).record_kind == "notes"


def test_an_opening_sentence_with_a_dotted_date():
    """A Finland-Swedish date in the opening sentence ("16.4.2018") is read like any other."""
    text = "Protokoll från revisionsnämndens möte 16.4.2018 i stadshuset.\n\n§ 20 Jäv\nBeslut\nInga jäv anmäldes.\n"
    result = protocol_parse(text)
    assert (result.date, result.location) == (datetime.date(2018, 4, 16), "stadshuset")


def test_a_long_list_of_names_in_an_election_is_read_in_linear_time():
    """A pasted list of 3,000 names after "Mötet valde" took minutes when every name could start a match."""
    import time

    text = "Protokoll\n§ 1 Val\nMötet valde " + "Anna Berg Cecilia Dahl, " * 3000 + "\n"
    started = time.monotonic()
    protocol_parse(text)
    assert time.monotonic() - started < 10


def test_an_irc_meeting_is_digital_and_a_pulled_apart_adjustment_place_is_none():
    irc = "Protokoll från styrelsemöte 2011-12-19\n\nPlats: #styrelse irc kanalen på FreeNode\n\n1 Mötets öppnande\n"
    assert protocol_parse(irc).mode == "digital"
    pulled = (
        "Sammanträdesprotokoll\nPlats och tid Sammanträdesrum Möller, klockan\n"
        "Justeringens plats och tid Sekreterare Vård och Omsorg den 26/\n\n§ 1 Upprop\n"
    )
    assert protocol_parse(pulled).adjustment_place is None


def test_the_owner_of_the_meeting_in_an_opening_sentence():
    from meetings.importing.parse.title import organisation_in

    sentence = "Protokoll fört vid datorföreningen Stackens höstmöte 2009, torsdagen den i sal Q24."
    assert organisation_in(sentence) == "Datorföreningen Stacken"
    assert organisation_in("Protokoll fört vid Datorföreningen Stackens extra medlemsmöte") == (
        "Datorföreningen Stacken"
    )


def test_a_flattened_latex_source_keeps_its_preambles_fields():
    """LaTeX whose line breaks were lost is read as running text; the preamble's place leads it."""
    text = (
        r"\input{../preamble} \newcommand \meetingdate {11 februari 2014} "
        r"\newcommand \meetingplace {Språkbanken, Göteborg} \begin{document} "
        r"\section*{Protokoll, styrelsemöte \\ \meetingdate} \parbox[t]{\tempOne}{% Tid och plats: }% "
        r"\parbox[t]{\tempTwo}{\meetingdate, \meetingplace}\mypar \newcommand \chair {Stian Rødven Eide} "
        r"\begin{enumerate} \item Mötet öppnades. \item \chair\ valdes till ordförande. "
        r"\item Fastställande av dagordning. Dagordningen fastställdes. " + "Text. " * 60 + r"\end{enumerate}"
    )
    result = protocol_parse(text)
    assert (result.date, result.location) == (datetime.date(2014, 2, 11), "Språkbanken, Göteborg")
    assert result.chair == "Stian Rødven Eide"


def test_the_chairs_signature_alone_under_justeras_makes_the_chair_the_adjuster():
    text = (
        "KULTURUTSKOTTET\nPROTOKOLL\nDATUM\nTorsdagen den 22 mars 2018\nOrdförande: Olof Lavesson\n\n"
        "§ 1\nJustering av protokoll\n\nVid protokollet\n\nCharlotte Rundelius\n\nJusteras\n\nOlof Lavesson\n"
    )
    result = protocol_parse(text)
    assert (result.chair, result.adjusters) == ("Olof Lavesson", ["Olof Lavesson"])

"""Attendance layouts the corpus taught the parser, each in a small document of its own."""

from meetings.importing.parse import protocol_parse
from meetings.importing.parse.shapes import names_segment


def _present(result):
    return [(a.name, a.present) for a in result.attendees]


def test_names_without_separators_are_cut_at_given_names():
    """A flattened column of names is cut into names of two to four words, a surname last."""
    words = str.split("Ulf Hansson Michael Haglund Sara Ejnell Svensson Bo Lennart Danielsson Eva Berg")
    assert [" ".join(words[a:b]) for a, b in names_segment(words)] == [
        "Ulf Hansson",
        "Michael Haglund",
        "Sara Ejnell Svensson",
        "Bo Lennart Danielsson",
        "Eva Berg",
    ]


def test_a_flattened_list_of_names_is_read_name_by_name():
    """Layout of PDF viewers' transcripts: "Beslutande Anna Ek, ordf. Per Berg Ulf Hansson …"."""
    text = (
        "Transkript\n\n"
        "1 PROTOKOLL 1(5) Plats och tid Rådhuset, kl 13:00-15:00 Beslutande Annika Wibrell, ordf. "
        "Rickard Norberg Ulf Hansson Michael Haglund Bo Lennart Danielsson Övriga deltagare "
        "Zonitha Ödling Lars Lundgren Utses att justera Rickard Norberg Underskrifter Sekreterare "
        "Ordförande Justerande Lars Lundgren Annika Wibrell Rickard Norberg\n\n"
        "§ 1 Val av justerare\nRickard Norberg utses.\n\n§ 2 Budget\nBudgeten godkänns.\n"
    )
    result = protocol_parse(text)
    assert [(a.name, a.group, a.body_role) for a in result.attendees] == [
        ("Annika Wibrell", "member", "chair"),
        ("Rickard Norberg", "member", ""),
        ("Ulf Hansson", "member", ""),
        ("Michael Haglund", "member", ""),
        ("Bo Lennart Danielsson", "member", ""),
        ("Zonitha Ödling", "official", ""),
        ("Lars Lundgren", "official", ""),
    ]


def test_an_organisation_between_names_stays_with_the_name_before_it():
    """Layout: "Uno Tjernström Omsorgsnämnden Susanne Sturk Humanistiska nämnden" (name, then body)."""
    text = (
        "Protokoll\nBeslutande Lars Holmström PRO, Ordförande Uno Tjernström Omsorgsnämnden "
        "Susanne Sturk Humanistiska nämnden Gerd Persson Kommunstyrelsen\n\n"
        "§ 1 Öppnande\nMötet öppnas.\n"
    )
    result = protocol_parse(text)
    assert [a.name for a in result.attendees] == [
        "Lars Holmström",
        "Uno Tjernström",
        "Susanne Sturk",
        "Gerd Persson",
    ]
    assert result.attendees[0].body_role == "chair"


def test_labels_ending_in_a_colon_start_a_new_line_in_a_flattened_page():
    """ "… 1997 Närvarande: Pär Nuder, ordf. Ledamöter: Berit Adolfsson …" on one line of a PDF page."""
    text = (
        "1 Protokoll från beslutsgruppsmöte den 3 oktober 1997 Närvarande: Pär Nuder, ordf. "
        "Ledamöter: Berit Adolfsson Anita Bohman Margit Viklund Sven Düring Tjänstgörande ersättare "
        "Lars Wallstén Eva Johansson Dessutom: Elisabeth Öberg, sekretariatet Pär Nuder öppnade mötet "
        "och hälsade alla välkomna.\n\n§ 1 Dagordning\nDagordningen fastställdes.\n"
    )
    result = protocol_parse(text)
    assert [(a.name, a.group) for a in result.attendees][:7] == [
        ("Pär Nuder", "member"),
        ("Berit Adolfsson", "member"),
        ("Anita Bohman", "member"),
        ("Margit Viklund", "member"),
        ("Sven Düring", "member"),
        ("Lars Wallstén", "serving_substitute"),
        ("Eva Johansson", "serving_substitute"),
    ]


def test_a_bare_absence_mark_between_labels_belongs_to_the_entry_before_it():
    """A table's "Anmält förhinder" pulled out of its row, followed by the next label."""
    text = (
        "Protokoll\n"
        "Beslutande: Magnus Cato (S), ordförande Yvonne de Martin (C)\n"
        "Ersättare: Christer Frey (M) Joakim Magnusson (C)\n"
        "Anmält förhinder\n"
        "Övriga: Ulf Lago, förbundsdirektör\n"
        "Ej tjänstgörande Edit Persson (S)\n\n"
        "§ 1 Öppnande\nMötet öppnas.\n"
    )
    result = protocol_parse(text)
    assert [(a.name, a.party, a.present, a.group) for a in result.attendees] == [
        ("Magnus Cato", "S", True, "member"),
        ("Yvonne de Martin", "C", True, "member"),
        ("Christer Frey", "M", True, "substitute"),
        ("Joakim Magnusson", "C", False, "substitute"),
        ("Ulf Lago", None, True, "official"),
        ("Edit Persson", "S", True, "substitute"),
    ]


def test_a_latex_attendance_table_gives_names_marks_and_offices():
    """An association's LaTeX template: "\\förtroendevald{Kassör}{Morgan Thowsen}{Ja}"."""
    text = (
        "\\textbf{Styrelsemedlemmar:}\n"
        "\\begin{närvarande_förtroendevalda}\n"
        "    \\förtroendevald{Ordförande}{Samuel Otterhäll}{Ja}\n"
        "    \\förtroendevald{Kassör}{Morgan Thowsen}{Nej}\n"
        "    \\förtroendevald{Vice ordförande}{Vakant}{}\n"
        "\\end{närvarande_förtroendevalda}\n\n"
        "\\section{Öppnande av möte}\nMötet öppnades.\n\\section{Formalia}\nBeslut.\n"
        "\\section{Avslutning}\nMötet avslutades.\n"
    )
    result = protocol_parse(text)
    assert [(a.name, a.present, a.body_role, a.title) for a in result.attendees] == [
        ("Samuel Otterhäll", True, "chair", None),
        ("Morgan Thowsen", False, "", "Kassör"),
    ]


def test_a_typst_attendance_call_reads_each_name_with_its_mark():
    """A Typst template: "[Name], [Ja]" pairs; "Nej" is absent, items attended ("5.3") are present."""
    text = (
        "#deltagere(\n    styrelsen: true,\n    [Samuel Hammersberg], [Ja],\n    [_vakant_], [],\n"
        "    [Tekla Siesjö], [Nej],\n)\n#deltagere(\n  [Oscar Enes Rei], [under paus 4.5-4.6],\n"
        "  [Nils Lurevik],   [5.3],\n  [Tim Persson],    [],\n)\n\n"
        "= Öppnande av möte\nMötet öppnades.\n= Formalia\nBeslut.\n= Avslutning\nMötet avslutades.\n"
    )
    assert _present(protocol_parse(text)) == [
        ("Samuel Hammersberg", True),
        ("Tekla Siesjö", False),
        ("Oscar Enes Rei", True),
        ("Nils Lurevik", True),
        ("Tim Persson", True),
    ]


def test_a_latex_list_broken_with_double_backslashes_after_deltagare():
    """A LaTeX source flattened to one line: "Deltagare: … Gustav Eek \\\\ Guilhem Moulin \\\\ …"."""
    text = (
        "\\section*{Protokoll, styrelsemöte} \\parbox[t]{\\tempOne}{% Deltagare: }% "
        "\\parbox[t]{\\tempTwo}{\\mbox{}\\vspace{2pt}% \\begin{multicols}{3}% Gustav Eek \\\\ "
        "Guilhem Moulin \\\\ Leif-Jöran Olsson \\\\ \\end{multicols}% } \\begin{enumerate} "
        "\\item Mötet öppnades. \\item Gustav Eek valdes till sekreterare. \\end{enumerate}\n"
    )
    assert _present(protocol_parse(text)) == [
        ("Gustav Eek", True),
        ("Guilhem Moulin", True),
        ("Leif-Jöran Olsson", True),
    ]


def test_a_table_of_names_and_marks_gives_presence_from_the_marks():
    """An association's table: "Ledamöter Närvarande", then "Name X" or "Name anmält förhinder"."""
    text = (
        "PROTOKOLL NR 5\n\nLedamöter Närvarande\n"
        "Hanna Roberts X, mötesordförande § 94 - § 106\n"
        "David Langlet anmält förhinder\n"
        "Suppleanter\nCarina Gröschner X\n"
        "Sekretariatet\nTessi Fickendey X, sekreterare\n\n"
        "§ 94 Mötets öppnande\nMötet öppnas.\n"
    )
    result = protocol_parse(text)
    assert [(a.name, a.present, a.group) for a in result.attendees] == [
        ("Hanna Roberts", True, "member"),
        ("David Langlet", False, "member"),
        ("Carina Gröschner", True, "substitute"),
        ("Tessi Fickendey", True, "secretary"),
    ]


def test_a_label_written_as_a_sentence_and_parts_attended_in_words():
    """A party's minutes: "Närvarande styrelseledamöter var", "(punkter 1-18)", an office before the name."""
    text = (
        "Protokoll från styrelsemöte den 2 mars 2013\n\n"
        "Närvarande styrelseledamöter var\n\n • C Magnus Berglund (punkter 1-18)\n • Troed Sångberg\n\n"
        "Frånvarande styrelseledamot var Stella Papasotiriou.\n\n"
        "Närvarande ständigt adjungerade var\n\n • Partiledare Anna Troberg (fram till 4.5)\n\n"
        "1. Mötets öppnande\n\nMötet öppnas.\n\n2. Val av justerare\n\nTroed Sångberg väljs.\n"
    )
    result = protocol_parse(text)
    assert [(a.name, a.present) for a in result.attendees] == [
        ("C Magnus Berglund", True),
        ("Troed Sångberg", True),
        ("Stella Papasotiriou", False),
        ("Anna Troberg", True),
    ]
    assert result.attendees[-1].title == "partiledare"


def test_attendance_told_in_sentences_in_the_first_item():
    """A party's minutes: who was present and absent, in sentences under "Mötets öppnande"."""
    text = (
        "Protokoll från partistyrelsemöte 15 juni 2014\n\n1. Mötets öppnande\n\n"
        "Jan Lindgren förklarar mötet öppnat.\n\n"
        "Närvarande styrelseledamöter är Nils Kadesjö,  Göran Widham, C Magnus Berglund (fram till 4.5).\n\n"
        "Frånvarande styrelseledamöter är  Fredrik Holmbom och JP Anderson.\n\n"
        "Övriga närvarande är partiledare Anna Troberg och vice partiledare Marit Deldén.\n\n"
        "2. Val av justerare\n\nMötet valde Göran Widham.\n"
    )
    assert _present(protocol_parse(text)) == [
        ("Nils Kadesjö", True),
        ("Göran Widham", True),
        ("C Magnus Berglund", True),
        ("Fredrik Holmbom", False),
        ("JP Anderson", False),
        ("Anna Troberg", True),
        ("Marit Deldén", True),
    ]


def test_a_roll_of_voters_by_handle_or_by_list():
    """An association's "Tillkännagivande av röstlängd": handles in a sentence, or a list of names."""
    text = (
        "Protokoll fört vid föreningens medlemsmöte.\n\n## 1. Mötets öppnande\n\nMötet öppnades.\n\n"
        "## 2. Tillkännagivande av röstlängd\n\n"
        "Följande medlemmar närvarade med rösträtt: nsg, stellanl, kaj,\nperixon, blgl.\n\n"
        "Dessutom närvarade map utan rösträtt.\n\n"
        "Följande personer befanns närvara och ha rösträtt:\n\n* Tomas Nyström ‹thn›\n* Rasmus Kaj ‹kaj›\n\n"
        "## 3. Mötets avslutande\n\nMötet avslutades.\n"
    )
    assert [name for name, _present in _present(protocol_parse(text))] == [
        "nsg",
        "stellanl",
        "kaj",
        "perixon",
        "blgl",
        "map",
        "Tomas Nyström",
        "Rasmus Kaj",
    ]


def test_members_by_first_name_alone():
    """A small association's IRC meeting: "Närvarande: Klas, Fredrik, Henrik, Adam"."""
    text = (
        "Protokoll från styrelsemöte 2011-12-19\n\nNärvarande: Klas, Fredrik, Henrik, Adam\n\n"
        "1 Mötets öppnande\n\nMötet öppnades.\n\n2 Val av justerare\n\nFredrik valdes.\n"
    )
    assert _present(protocol_parse(text)) == [
        ("Klas", True),
        ("Fredrik", True),
        ("Henrik", True),
        ("Adam", True),
    ]


def test_a_riksdag_register_of_attendance_with_marks():
    """A Riksdag committee's "Närvaroförteckning": surname first, a mark line after each present row."""
    text = (
        "KULTURUTSKOTTET\n\nPROTOKOLL\n\nNÄRVARANDE\n\nSe bilaga\n\n§ 1\n\nJustering av protokoll\n\n"
        "Justerades protokoll.\n\n§ 2\n\nNästa sammanträde\n\nUtskottet beslutade.\n\n"
        "Vid protokollet\n\nCharlotte Rundelius\n\nBilaga\n\nNärvaroförteckning\n\n"
        "LEDAMÖTER\n\nN\n\nV\n\nN\n\nV\n\n"
        "Lavesson, Olof (M), ordf.\n\nD\n\nCarlsson, Gunilla (S), vice ordf.\n\n"
        "Johnsson, Peter (S)\n\nD\n\nSUPPLEANTER\n\nQuicklund, Saila (M)\n\nD\n\nLodenius, Per (C)\n"
    )
    result = protocol_parse(text)
    assert [(a.name, a.party, a.present, a.group, a.body_role) for a in result.attendees] == [
        ("Olof Lavesson", "M", True, "member", "chair"),
        ("Gunilla Carlsson", "S", False, "member", "vice_chair"),
        ("Peter Johnsson", "S", True, "member", ""),
        ("Saila Quicklund", "M", True, "substitute", ""),
        ("Per Lodenius", "C", False, "substitute", ""),
    ]


def test_a_finland_swedish_bilingual_list_with_the_surname_first():
    """Finland-Swedish minutes: "NÄRVARANDE LEDAMÖTER - LÄSNÄ OLLEET JÄSENET Fredriksson Merja ordförande …"."""
    text = (
        "1 5/ Social- och hälsovårdsnämnden TID - AIKA KL. - KLO 16:30-18:15 PLATS - PAIKKA Houtskär "
        "områdeskontor NÄRVARANDE LEDAMÖTER - LÄSNÄ OLLEET JÄSENET Fredriksson Merja ordförande "
        "Engström Eskil viceordförande Ekström Kurt medlem Björklund Denina suppleant kl. 16:30-18:00 "
        "ÖVRIGA NÄRVARANDE - MUUT LÄSNÄ OLLEET Sundqvist Paula tf. social- och hälsovårdsdirektör "
        "Taxell-Ahlbäck Nina protokollförare\n\n§ 57 Sammanträdets laglighet\nSammanträdet är lagligt.\n"
    )
    result = protocol_parse(text)
    assert [(a.name, a.group, a.body_role) for a in result.attendees] == [
        ("Merja Fredriksson", "member", "chair"),
        ("Eskil Engström", "member", "vice_chair"),
        ("Kurt Ekström", "member", ""),
        ("Denina Björklund", "substitute", ""),
        ("Paula Sundqvist", "official", ""),
        ("Nina Taxell-Ahlbäck", "secretary", ""),
    ]


def test_the_attendance_page_after_a_table_of_contents():
    """A Finland-Swedish council: contents first, then "NÄRVARANDE", "FRÅNVARANDE:" in capitals."""
    text = (
        "INNEHÅLLSFÖRTECKNING\n\n§ -1 Närvarande ... 1\n\n§ 27 Namnupprop ... 2\n\n§ 28 Justering ... 3\n\n"
        "SAMMANTRÄDESTID: 13.06.2016 kl. 18:00 – 19:00 SAMMANTRÄDESPLATS: Stadshuset NÄRVARANDE\n\n"
        "MEDLEMMAR:\n\n32 ordinarie fullmäktige, bilaga § 27A ersättare\n\n"
        "Som ordförande fungerade fullmäktiges ordinarie ordförande Mikaela Björklund\n\n"
        "FRÅNVARANDE: Ledamot Roger Kronlund i vars ställe ers. Peter Ruths närvar Ledamot Anders Järvinen\n\n"
        "Ledamot Linda Pellfolk\n\n"
        "ÖVRIGA NÄRVARANDE: Stadsdirektör Hans-Erik Lindqvist, förvaltningsdirektör Björn Häggblom.\n\n"
        "§ 27\n\nNamnupprop\n\nSammanträdet konstaterades lagligt.\n\n"
        "§ 28\n\nJustering\n\nTill justerare valdes Peter Ruths.\n"
    )
    result = protocol_parse(text)
    assert sorted((a.name, a.present) for a in result.attendees) == [
        ("Anders Järvinen", False),
        ("Björn Häggblom", True),
        ("Hans-Erik Lindqvist", True),
        ("Linda Pellfolk", False),
        ("Mikaela Björklund", True),
        ("Peter Ruths", True),
        ("Roger Kronlund", False),
    ]
    assert [a.name for a in result.attendees if a.body_role == "chair"] == ["Mikaela Björklund"]


def test_a_pasted_run_with_parties_as_their_own_segments_and_names_of_three_words():
    """ "Lise Hjemgaard Svensson, M, Vård- och omsorgsnämnden Per Lundgren, C, …" in one paragraph."""
    text = (
        "Protokoll\nPlats och tid Konferensrum 1, den 26 februari 2019 kl. 13:00-16:00\n"
        "Övriga närvarande Lise Hjemgaard Svensson, M, Vård- och omsorgsnämnden Per Lundgren, C, "
        "Kultur- och fritidsnämnden Marit Borg, SPF, tjänstgörande för Margareta Halvarsson "
        "Margaretha Mooe Helleren, SPF Inger Könberg, PRO\n\n§ 1 Kulturstrategi\nInformationen noteras.\n"
    )
    result = protocol_parse(text)
    assert [(a.name, a.party) for a in result.attendees if a.present] == [
        ("Lise Hjemgaard Svensson", "M"),
        ("Per Lundgren", "C"),
        ("Marit Borg", None),
        ("Margaretha Mooe Helleren", None),
        ("Inger Könberg", None),
    ]


def test_labels_pulled_apart_from_their_values_in_a_flattened_table():
    """ "Övriga närvarande Ersättare Tjänstepersoner Justering Justerare", the values on the next line."""
    text = (
        "Transkript\n\n1 SAMMANTRÄDESPROTOKOLL Valnämnden Tid och plats H-salen, kl 15:00-16:00 Beslutande "
        "Ledamöter Benny Johansson (M), Ordförande Bengt-Göran Sandell (S) Tobias Adersjö (MP) "
        "Övriga närvarande Ersättare Tjänstepersoner Justering Justerare Plats och tid Ulla Svensson (M) "
        "Patricia Aguilera (S) Carina Elmefall, kanslichef Fredrik Pettersson, sekreterare "
        "Bengt-Göran Sandell Kommunkansliet Justerade paragrafer\n\n"
        "§ 10 Justering av protokoll\nBengt-Göran Sandell utses.\n"
    )
    result = protocol_parse(text)
    assert [(a.name, a.party, a.group) for a in result.attendees] == [
        ("Benny Johansson", "M", "member"),
        ("Bengt-Göran Sandell", "S", "member"),
        ("Tobias Adersjö", "MP", "member"),
        ("Ulla Svensson", "M", "substitute"),
        ("Patricia Aguilera", "S", "substitute"),
        ("Carina Elmefall", None, "official"),
        ("Fredrik Pettersson", None, "secretary"),
    ]
    assert result.attendees[0].body_role == "chair"


def test_a_long_column_of_names_with_a_few_commas_is_read_name_by_name():
    """A council's appendix: 30-odd names in one flattened line, a few followed by ", , kl"."""
    names = [
        "Olov Säfström",
        "Sara Ejnell Svensson",
        "Viveca Dalhammar",
        "Paul Åkerlund",
        "Anders Rapp",
        "Mats Wiking",
        "Maud Bengtsson",
        "Mussa Selim",
        "Tony Georgiou",
        "Sten-Åke Kjell",
        "Sofia Andersson",
        "Tallat Abdel Mallak",
        "Carina Lorentzon",
    ]
    listed = " ".join(f"{n}, , kl" if n in ("Anders Rapp", "Sten-Åke Kjell") else n for n in names)
    text = f"Bilaga 1. Kommunfullmäktiges protokoll\nBeslutande {listed}\n\n§ 1 Val av justerare\nValdes.\n"
    assert [a.name for a in protocol_parse(text).attendees] == names


def test_the_surname_first_order_is_told_by_surname_endings_without_known_given_names():
    """Given names the list of names lacks: the surnames' endings ("-qvist", "-ström") tell the order."""
    text = (
        "Protokoll\nNÄRVARANDE LEDAMÖTER - LÄSNÄ OLLEET JÄSENET Granqvist Xandra ordförande "
        "Lindström Ylvi medlem Ekberg Zorro medlem\n\n§ 57 Laglighet\nSammanträdet är lagligt.\n"
    )
    assert [a.name for a in protocol_parse(text).attendees] == [
        "Xandra Granqvist",
        "Ylvi Lindström",
        "Zorro Ekberg",
    ]


def test_what_a_list_in_a_sentence_does_not_name_is_told_in_the_problems():
    """An entry of a sentence's list that is no name is not dropped: the preview says it was not read."""
    text = (
        "Protokoll från styrelsemöte\n\n1. Mötets öppnande\n\n"
        "Närvarande styrelseledamöter är Nils Kadesjö, Göran Widham, 3 personer via telefon.\n\n"
        "2. Val av justerare\n\nGöran Widham valdes.\n"
    )
    result = protocol_parse(text)
    assert [a.name for a in result.attendees] == ["Nils Kadesjö", "Göran Widham"]
    assert any("3 personer via telefon" in problem for problem in result.problems)


def test_those_called_but_not_listed_present_were_absent():
    """An association's Markdown notes: "## Kallade" then "## Närvarande"; the difference was absent."""
    text = (
        "# Mötesprotokoll\n\n## Kallade\n\n- Victor Lells\n- Edvard Thörnros\n- Thea Carlqvist\n\n"
        "## Närvarande\n\n- Victor Lells\n- Thea Carlqvist\n\n"
        "## 1. Mötets öppnande\n\nMötet öppnas.\n\n## 2. Val av justerare\n\nThea Carlqvist väljs.\n"
    )
    assert sorted(_present(protocol_parse(text))) == [
        ("Edvard Thörnros", False),
        ("Thea Carlqvist", True),
        ("Victor Lells", True),
    ]


def test_notes_in_parentheses_and_items_attended_are_no_part_of_the_name():
    """ "Katja Lewfverth (lördag fm)", "Emelie Andersson ärende 13", "Anna Ek (s)" (a party written small)."""
    text = (
        "Protokoll\n\nNärvarande\nAnna Ek (s)\nKatja Lewfverth (lördag fm)\nSofia Fjellestad (§ 138 samt lördag fm)\n"
        "Emelie Andersson ärende 13\n\n§ 137 Öppnande\nMötet öppnas.\n"
    )
    assert [(a.name, a.party) for a in protocol_parse(text).attendees] == [
        ("Anna Ek", "S"),
        ("Katja Lewfverth", None),
        ("Sofia Fjellestad", None),
        ("Emelie Andersson", None),
    ]


def test_an_empty_label_followed_by_a_field_holding_both_values():
    """ "Övriga deltagande" alone, then "Utses att justera Roland Bång …, Rickard Norberg" (a pulled table)."""
    text = (
        "Transkript\n\n1 KOMMUN PROTOKOLL 1(54) Plats och tid Folkets Hus, torsdagen den 9 juni 2016, kl "
        "Beslutande Annika Wibrell, ordf. Rickard Norberg Ulf Hansson Michael Haglund Övriga deltagande "
        "Utses att justera Roland Bång Marianne Persson Ann Kristine Persson, 49, Susanna Rolfsdotter, "
        "Rickard Norberg Underskrift Sekreterare Marianne Persson Ordförande... Annika Wibrell "
        "Justerande... Rickard Norberg\n\n§ 49 Sammanträdets öppnande\nOrdföranden öppnade sammanträdet.\n"
    )
    result = protocol_parse(text)
    assert [(a.name, a.group) for a in result.attendees] == [
        ("Annika Wibrell", "member"),
        ("Rickard Norberg", "member"),
        ("Ulf Hansson", "member"),
        ("Michael Haglund", "member"),
        ("Roland Bång", "official"),
        ("Marianne Persson", "official"),
        ("Ann Kristine Persson", "official"),
        ("Susanna Rolfsdotter", "official"),
    ]


def test_a_capitalised_label_in_the_middle_of_a_flattened_line():
    """ "… sammanträdestider 2013 Närvarande Ledamöter av regeringen utsedda … Carl Bennet ordförande …"."""
    text = (
        "Transkript\n\n1 PROTOKOLL 1 (9) Tid och plats kl 13-16, sammanträdesrum Stora Skansen. Behandlade "
        "beslutsärenden vid detta sammanträde 7 Internrevisionens rapportering för år 14 Preliminära "
        "sammanträdestider 2013 Närvarande Ledamöter av regeringen utsedda företrädare för allmänna "
        "intressen Carl Bennet ordförande Anna Falck Eva Halvarsson Sverker Sörlin Protokollförare Mari Ek\n\n"
        "§ 7 Internrevisionens rapportering\nRapporten läggs till handlingarna.\n"
    )
    result = protocol_parse(text)
    assert [a.name for a in result.attendees] == [
        "Carl Bennet",
        "Anna Falck",
        "Eva Halvarsson",
        "Sverker Sörlin",
        "Mari Ek",
    ]
    assert any("av regeringen utsedda" in problem for problem in result.problems)


def test_a_column_of_parties_after_a_column_of_names_is_matched_when_the_counts_agree():
    """A council's appendix flattened column by column: eight names, then their eight parties."""
    text = (
        "Bilaga 1. Kommunfullmäktiges protokoll\n"
        "Beslutande Olov Säfström Paul Åkerlund Jenny Bergius (M) (V)\n"
        "(40) *Mousa Younis Sari Samuelsson *Hans Hoffman, , kl Ulf Rörstad (M) (M) (M) (M) "
        "* Håkan Deleskog (KD) Maj-Britt Elmvik (-) Karin Grahn (C)\n\n§ 1 Val av justerare\nValdes.\n"
    )
    result = protocol_parse(text)
    assert [(a.name, a.party) for a in result.attendees] == [
        ("Olov Säfström", None),
        ("Paul Åkerlund", None),
        ("Jenny Bergius", None),  # three names, two parties: none is guessed
        ("Mousa Younis", "M"),
        ("Sari Samuelsson", "M"),
        ("Hans Hoffman", "M"),
        ("Ulf Rörstad", "M"),
        ("Håkan Deleskog", "KD"),
        ("Maj-Britt Elmvik", None),
        ("Karin Grahn", "C"),
    ]
    assert any("(M) (V)" in problem for problem in result.problems)


def test_two_columns_under_headings_set_apart_by_spaces():
    """ "Övriga närvarande Ersättare          Tjänstemän": each row holds one entry of each column."""
    text = (
        "KUNGSBACKA KOMMUN                  SAMMANTRÄDESPROTOKOLL\n"
        "Beslutande    Ledamöter                     Tjänstgörande ersättare\n"
        "Lisa Andersson (M), Ordförande              Elisabeth Svensson (SD)\n"
        "Emanuel Forsell (M)                         Ann Louise Lundqvist (S)\n\n"
        "Övriga närvarande Ersättare                 Tjänstemän\n"
        "Berit Bergström (M)                         Patrik Johansson, kommunsekreterare\n"
        "Ermin Škorić (S)                            Lovisa Eld, samhällsbyggnadschef,\n"
        "Shabnam Zamani (S)                          § 2\n\n"
        "KUNGSBACKA KOMMUN\nKommunstyrelsen\n\n§ 1 Val av justerare\nValdes.\n"
    )
    result = protocol_parse(text)
    assert [(a.name, a.party, a.group) for a in result.attendees] == [
        ("Lisa Andersson", "M", "member"),
        ("Elisabeth Svensson", "SD", "serving_substitute"),
        ("Emanuel Forsell", "M", "member"),
        ("Ann Louise Lundqvist", "S", "serving_substitute"),
        ("Berit Bergström", "M", "substitute"),
        ("Patrik Johansson", None, "official"),
        ("Ermin Škorić", "S", "substitute"),
        ("Lovisa Eld", None, "official"),
        ("Shabnam Zamani", "S", "substitute"),
    ]
    assert result.attendees[-2].paragraphs == (2, 2)


def test_officials_pasted_after_the_last_member_with_a_party():
    """ "Övriga: Frida Edvardsson (S) Ulf Lago, förbundsdirektör Mikael Skoog, kanslichef"."""
    text = (
        "Protokoll\nÖvriga: Conny Delerud (S) Frida Edvardsson (S) Ulf Lago, förbundsdirektör "
        "Mikael Skoog, kanslichef Per Nisser, produktionschef\n\n§ 36 Val av justerare\nValdes.\n"
    )
    assert [(a.name, a.party, a.title) for a in protocol_parse(text).attendees] == [
        ("Conny Delerud", "S", None),
        ("Frida Edvardsson", "S", None),
        ("Ulf Lago", None, "förbundsdirektör"),
        ("Mikael Skoog", None, "kanslichef"),
        ("Per Nisser", None, "produktionschef"),
    ]


def test_a_paragraph_number_cut_off_with_the_next_entry_is_no_part_of_the_name():
    """A flattened page cut at "132" before the next guest: "132 Helena Steffansson Carlson, ekonomichef"."""
    text = (
        "Protokoll\nÖvriga deltagande Erik Hansson, sekreterare\n"
        "132 Helena Steffansson Carlson, ekonomichef\n\n§ 132 Återredovisningar\nRedovisningarna noteras.\n"
    )
    assert [a.name for a in protocol_parse(text).attendees] == ["Erik Hansson", "Helena Steffansson Carlson"]


def test_a_flattened_latex_source_laid_out_in_boxes():
    """A LaTeX template whose line breaks were lost: "\\parbox{…}{Deltagare:}" then the names' box."""
    padding = " ".join(f"\\item Punkt {n} diskuterades och lades till handlingarna." for n in range(3, 30))
    text = (
        "\\input{preamble} \\newcommand \\meetingdate {11 februari 2014} \\begin{document} "
        "\\section*{Protokoll, styrelsemöte} \\newlength\\tempOne% \\settowidth\\tempOne{Tid och plats:\\quad}% "
        "\\parbox[t]{\\tempOne}{% Tid och plats: }% \\parbox[t]{\\tempTwo}{\\meetingdate, Göteborg}\\mypar "
        "\\parbox[t]{\\tempOne}{% Deltagare: }% \\parbox[t]{\\tempTwo}{\\mbox{}\\vspace{-2\\baselineskip}% "
        "\\begin{multicols}{3}% Gustav Eek \\\\ Guilhem Moulin \\\\ Leif-Jöran Olsson \\end{multicols}% } "
        f"\\begin{{enumerate}} \\item Mötet öppnades. \\item Dagordningen fastställdes. {padding} "
        "\\end{enumerate} \\end{document}"
    )
    assert _present(protocol_parse(text)) == [
        ("Gustav Eek", True),
        ("Guilhem Moulin", True),
        ("Leif-Jöran Olsson", True),
    ]


def test_a_pasted_run_with_particles_broken_names_and_offices_with_capitals():
    """ "Henrik von Sydow, Verksamhetschef … Anna- Clara Collén Områdeschef, Medicin …" in one paragraph."""
    text = (
        "Mötesanteckningar\nNärvarande: Katarina Mueller, avdelningschef, ÄVO Göteborg Henrik von Sydow, "
        "Verksamhetschef, Västerläkarna Anna- Clara Collén Områdeschef, Medicin, SU Erika Hägg, "
        "Förvaltningschef, Partille\n\n1. Mötets öppnande\nMötet öppnas.\n\n2. Dagordning\nGodkänns.\n"
    )
    assert [a.name for a in protocol_parse(text).attendees] == [
        "Katarina Mueller",
        "Henrik von Sydow",
        "Anna-Clara Collén",
        "Erika Hägg",
    ]

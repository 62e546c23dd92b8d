"""Layouts of agenda items and decisions the corpus taught the parser, each in a small document."""

from meetings.importing.parse import protocol_parse

HEADER = "Protokoll\nStyrelsen\n\nNärvarande: Anna Ek, Per Berg\n\n"


def test_a_heading_that_runs_on_into_a_sentence_ends_where_the_sentence_starts():
    """A flattened page: the title ends where a subject and its verb start the item's text."""
    text = HEADER + (
        "§ 8 Öppnande, dagordning, justering Sammanträdet öppnas av ordföranden. "
        "Förslag till dagordning godkänns. Att jämte ordföranden justera protokollet utses Per Berg.\n"
        "§ 9 Vårdhundar inom omsorgen Sjuksköterskan Zonitha Ödling informerar om hundteamet. "
        "Teamet består av två hundförare.\n"
        "§ 10 Östersunds kommuns Kulturstrategi Lena Byström har kommit för att informera om arbetet.\n"
    )
    result = protocol_parse(text)
    assert [(i.number, i.title) for i in result.items] == [
        (8, "Öppnande, dagordning, justering"),
        (9, "Vårdhundar inom omsorgen"),
        (10, "Östersunds kommuns Kulturstrategi"),
    ]
    assert result.items[0].decision == (
        "Förslag till dagordning godkänns. Att jämte ordföranden justera protokollet utses Per Berg."
    )
    assert result.items[0].text == "Sammanträdet öppnas av ordföranden."
    assert result.items[1].decision is None
    assert result.items[1].text.startswith("Sjuksköterskan Zonitha Ödling informerar")


def test_a_title_with_a_capitalised_word_or_a_question_is_not_cut():
    text = HEADER + (
        "§ 1 Antagande av Lokala avfallsföreskrifter\n\nFöreskrifterna antas.\n\n"
        "§ 2 Hur ska köket och Monaden åtgärdas?\n\nStyrelsen diskuterade frågan.\n"
    )
    result = protocol_parse(text)
    assert [i.title for i in result.items] == [
        "Antagande av Lokala avfallsföreskrifter",
        "Hur ska köket och Monaden åtgärdas?",
    ]


def test_a_heading_runs_on_into_a_section_label():
    """ "… 2017 (KS/2017:499) Kommunfullmäktiges beslut Delårsrapporten godkänns.": the label ends the title."""
    text = HEADER + (
        "§ 132 Återredovisningar av Malungshem AB och VAMAS Beskrivning av ärendet Bolagen redovisar.\n"
        "§ 133 Delårsrapport 2017 Kommunfullmäktiges beslut Delårsrapporten godkänns.\n"
    )
    result = protocol_parse(text)
    assert [i.title for i in result.items] == [
        "Återredovisningar av Malungshem AB och VAMAS",
        "Delårsrapport 2017",
    ]


def test_a_markdown_table_row_holds_the_paragraph():
    """A committee's record as a table: "§ 1 | Title Text | |"; the outcome is the sentence that says it."""
    text = (
        "SÄRSKILT PROTOKOLL | UTSKOTTSSAMMANTRÄDE 2021/22:43 |\n"
        "|---|---|---|\n"
        "DATUM | 2022-04-28 |\n"
        "NÄRVARANDE | Se bilaga 1 |\n"
        "§ 1 | Justering av protokoll Utskottet justerade särskilt protokoll 2021/22:42. | |\n"
        "§ 2 | Gruvor - G34 Utskottet behandlade granskningsärendet. Ärendet bordlades. | |\n"
        "§ 3 | Offentlig utfrågning med Ann Linde Utskottet höll en utfrågning, rörande:\n| |\n"
    )
    result = protocol_parse(text)
    assert [(i.number, i.title) for i in result.items] == [
        (1, "Justering av protokoll"),
        (2, "Gruvor - G34"),
        (3, "Offentlig utfrågning med Ann Linde"),
    ]
    assert result.items[1].decision == "Ärendet bordlades."
    assert "|" not in result.items[2].text
    assert result.items[2].decision is None  # an introduction to a list is no outcome


def test_an_agenda_numbered_as_an_outline_has_its_points_as_items():
    """ "1.1.2. Mötessekreterare": points without sub-points are items, as are points with text of their own."""
    text = (
        "Protokoll från styrelsemöte 15 juni 2014\n\n"
        "1. Mötets öppnande\n\nOrdföranden förklarar mötet öppnat.\n\n"
        "1.1. Val av mötesfunktionärer\n\n"
        "1.1.1. Mötesordförande\n\nMötet väljer Jan Lindgren till mötesordförande.\n\n"
        "1.1.2. Justerare\n\nMötet valde Göran Widham till justerare.\n\n"
        "2. Rapporter\n\n"
        "2.1. Ekonomisk rapport\n\nStyrelsen diskuterade två saker:\n    1. Resultatet\n    2. Budgeten\n"
    )
    result = protocol_parse(text)
    assert [(i.number, i.title) for i in result.items] == [
        (None, "Mötets öppnande"),
        (None, "Mötesordförande"),
        (None, "Justerare"),
        (None, "Ekonomisk rapport"),
    ]
    assert result.items[1].decision == "Mötet väljer Jan Lindgren till mötesordförande."
    assert result.items[2].decision == "Mötet valde Göran Widham till justerare."
    assert "1. Resultatet" in result.items[3].text


def test_the_entries_of_a_table_of_contents_are_the_items_of_an_excerpt_without_them():
    """Page numbers are no § numbers; the parts of the record listed ("Beslutande") are no items."""
    text = (
        "Protokoll från Socialutskottets sammanträde 2011-10-12 Innehållsförteckning\n\n"
        "Beslutande... 2\n\nKvartalsrapport 2011-09-30 med helårsprognos... 3\n\n"
        "Ekonomiskt bistånd... 6\n\nLVM-beredskap ... 7\n\n"
        "Plats och tid Förvaltningshuset, kl 09.00-17.00\n\nBeslutande Annelie Hägg (C), ordförande\n\n"
        "Under-\n\nskrifter Sekreterare ………..\n\nAnn Axelsson\n\nOrdförande ……….\n\nAnnelie Hägg\n"
    )
    result = protocol_parse(text)
    assert [(i.number, i.title, i.decision) for i in result.items] == [
        (None, "Kvartalsrapport 2011-09-30 med helårsprognos", None),
        (None, "Ekonomiskt bistånd", None),
        (None, "LVM-beredskap", None),
    ]
    assert "Annelie Hägg" in [a.name for a in result.attendees]  # the header runs on past the contents


def test_a_flattened_table_of_contents_is_divided_at_its_leaders():
    text = (
        "Beslutande Anna Ek (S), ordförande\n"
        "2 Regionfullmäktige PROTOKOLL Nya ledamöter och ersättare... 2 Förslag om inställt "
        "sammanträde... 3 Motion. Övergång till digitala utskick... 9 Motion. Kostnadsfria måltider "
        "för alla lärare Avsägelse. Regionfullmäktige. Ledamot och ersättare Avsägelser och fyllnadsval. "
        "Socialnämnden, Viltförvaltningsdelegationen, hälso- och sjukvårdsnämnden, Wisby Centrum, "
        "regionstyrelsen, barn- och utbildningsnämnden Medborgarförslag; nya...\n"
    )
    result = protocol_parse(text)
    assert [i.title for i in result.items] == [
        "Nya ledamöter och ersättare",
        "Förslag om inställt sammanträde",
        "Motion. Övergång till digitala utskick",
        # Where the leaders were lost, the entries are told apart where a title starts.
        "Motion. Kostnadsfria måltider för alla lärare",
        "Avsägelse. Regionfullmäktige. Ledamot och ersättare",
        "Avsägelser och fyllnadsval. Socialnämnden, Viltförvaltningsdelegationen, hälso- och "
        "sjukvårdsnämnden, Wisby Centrum, regionstyrelsen, barn- och utbildningsnämnden",
        "Medborgarförslag; nya",
    ]


def test_a_contents_without_leaders_completes_the_paragraphs_of_an_excerpt():
    text = (
        "Transkript\n\n1 Kommunala pensionärsrådet protokoll\n\n"
        "2 2(15) Plats och tid Konferensrum 1 Ledamöter Lise Svensson, M\n\n"
        "4 4(15) Ärendelista 1 Östersunds kommuns Kulturstrategi Förändring av vilken nämnd som ska leda "
        "Förändring av antalet Korttidsplatser Medlemskap i Age-friendly cities and communities "
        "Övriga frågor... 15\n\n"
        "5 5(15) 1 Östersunds kommuns Kulturstrategi Lena Byström har kommit för att informera om arbetet.\n"
    )
    result = protocol_parse(text)
    assert [(i.number, i.title) for i in result.items] == [
        (1, "Östersunds kommuns Kulturstrategi"),
        (None, "Förändring av vilken nämnd som ska leda"),
        (None, "Förändring av antalet Korttidsplatser"),
        (None, "Medlemskap i Age-friendly cities and communities"),
        (None, "Övriga frågor"),
    ]
    assert result.items[0].text.startswith("Lena Byström har kommit")


def test_headings_standing_alone_are_the_items_of_notes_without_numbers():
    """A wiki export: short lines between empty lines, each with its list beneath."""
    text = (
        "Årsmötesprotokoll 2009-03-14\n\nFrån föreningens wiki\n\n • Plats: Kungliga Biblioteket\n"
        " • 14 mars 14:00\n\nÅrsmötets öppnande\n\n • Mötet öppnades.\n\n"
        "Val av mötespresidium\n\n • Karl Sigfrid valdes till mötets ordförande.\n"
        " • Jan Ainali valdes till mötets sekreterare.\n • Ordföranden tackade.\n\n"
        "Motioner och propositioner\n\n • Frågan bordlades då inga inkommit.\n"
    )
    result = protocol_parse(text)
    assert [(i.number, i.title) for i in result.items] == [
        (None, "Årsmötets öppnande"),
        (None, "Val av mötespresidium"),
        (None, "Motioner och propositioner"),
    ]
    assert [i.decision for i in result.items] == [
        None,
        "Karl Sigfrid valdes till mötets ordförande.\nJan Ainali valdes till mötets sekreterare.",
        "Frågan bordlades då inga inkommit.",
    ]
    assert result.items[1].text == "- Ordföranden tackade."


LATEX = (
    r"\input{../preamble/preamble} \newcommand \meetingdate {11 februari 2014} "
    r"\newcommand \meetingplace {Språkbanken, Göteborg} \rhead{\footnotesize \meetingdate} "
    r"\begin{document} \section*{Protokoll, styrelsemöte \\ \meetingdate} "
    r"\parbox[t]{\tempOne}{% Tid och plats: }% \parbox[t]{\tempTwo}{\meetingdate, \meetingplace}\mypar "
    r"\parbox[t]{\tempOne}{% Deltagare: }% \begin{multicols}{3}% Gustav Eek \\ Stian Rødven Eide "
    r"\end{multicols}% \newcommand \meetingchairman {Stian Rødven Eide} \newcommand \approval {Gustav Eek} "
    r"\begin{enumerate} \item Mötet öppnades. \item \meetingchairman\ valdes till ordförande och "
    r"\approval\ till justeringsperson. \item Fastställande av dagordning. Då gästen har rest långt "
    r"bordlades alla standardfrågor. \item Rapporter \begin{enumerate} \item Ekonomi \begin{itemize} "
    r"\item Några avgifter har kommit in. \end{itemize} \end{enumerate} \item Övriga frågor "
    r"\begin{itemize} \item Mötesplanering. Mötet beslutade att styrelsen ska träffas varannan vecka. "
    r"\end{itemize} \end{enumerate} \end{document}"
)


def test_a_latex_source_without_line_breaks_has_its_outermost_list_points_as_items():
    """Macros are expanded; a point's first sentence is its title, the points beneath are its text."""
    result = protocol_parse(LATEX * 1 + " " * 1000)
    assert [(i.number, i.title) for i in result.items] == [
        (None, "Mötet öppnades"),
        (None, "Stian Rødven Eide valdes till ordförande och Gustav Eek till justeringsperson"),
        (None, "Fastställande av dagordning"),
        (None, "Rapporter"),
        (None, "Övriga frågor"),
    ]
    assert [i.decision for i in result.items] == [
        None,
        "Stian Rødven Eide valdes till ordförande och Gustav Eek till justeringsperson.",
        "Då gästen har rest långt bordlades alla standardfrågor.",
        None,
        "Mötesplanering. Mötet beslutade att styrelsen ska träffas varannan vecka.",
    ]
    assert "Några avgifter har kommit in." in result.items[3].text
    assert "\\" not in " ".join(i.text for i in result.items)


def test_flattened_pages_break_before_a_labelled_paragraph_number_not_the_page_number():
    """ "3 VILHELMINA KOMMUN PROTOKOLL 3 Sn 49 …": 3 is the page, "Sn 49" the paragraph."""
    filler = "Ordföranden informerade om läget i verksamheten och svarade på frågor från ledamöterna. " * 3
    text = (
        "Transkript\n\n1 PROTOKOLL 1 Plats och tid Folkets Hus, kl 13:00 Beslutande Anna Ek, ordf. Per Berg\n\n"
        f"3 KOMMUN PROTOKOLL 3 Sn 49 Sammanträdets öppnande, formalia. {filler}"
        "Dagordningen godkändes.\n\n"
        f"4 KOMMUN PROTOKOLL 4 Sn 50 Delårsrapport 2017 (KS/2017:499) Socialnämndens beslut "
        f"Delårsrapporten godkänns. Beskrivning av ärendet {filler}\n"
    )
    result = protocol_parse(text)
    assert [(i.number, i.title, i.case_number) for i in result.items] == [
        (49, "Sammanträdets öppnande, formalia", None),
        (50, "Delårsrapport 2017", "KS/2017:499"),
    ]
    assert result.items[0].decision == "Dagordningen godkändes."
    assert result.items[1].decision == "Delårsrapporten godkänns."
    assert result.items[1].text.startswith("Ordföranden informerade")


def test_a_decision_that_grants_the_proposals_clauses_is_those_clauses():
    """Typst notes: "Beslut: attsats 1 bifalles, attsats 2 nekas" decide what the proposal said."""
    text = (
        "= Divisionsstämma\n\n== Fastställande av röstlängd\nEn röstlängd är en lista.\n\n"
        "=== Förslag till beslut inför mötet\n#attSatser([ stämman fastställer den nuvarande röstlängden ])\n\n"
        "=== Beslut\n#attSatser(\n  [ attsatsen bifalles. ]\n)\n\n#pagebreak()\n"
        "== Proposition: Väggundersökning\nStyrelsen föreslår följande.\n\n=== Förslag till beslut\n"
        "#attSatser(\n  [uppdraget fortsätter under styrelsen.],\n  [en arbetsgrupp skapas,\n"
        "för att komma fram till en slutsats.],\n  [arbetet avslutas.]\n)\n"
        "=== Beslut\n#attSatser(\n  [attsats 1 bifalles.],\n  [attsats 2 nekas.],\n  [attsats 3 nekas.]\n)\n"
    )
    result = protocol_parse(text)
    assert [(i.title, i.decision) for i in result.items] == [
        ("Fastställande av röstlängd", "stämman fastställer den nuvarande röstlängden"),
        ("Proposition: Väggundersökning", "uppdraget fortsätter under styrelsen."),
    ]
    assert "#" not in result.items[0].text


def test_att_and_attsats_bifalles_decide_the_att_clause():
    text = (
        "# Möte 2023-03-24\n\n## Plats\nStyrelserummet\n\n## Öppnar mötet 12:05\n\nAlla mår bra\n\n"
        "## Beslutsbarhet:\nAtt: Styrelsen uppfyller kraven för beslutbarhet\n\nBeslut: Attsats bifalles\n\n"
        "## Dekoration\nAtt: Godkänna äskningen på 650kr.\n\nBeslut: Attsats bifalles\n"
    )
    result = protocol_parse(text)
    assert [(i.title, i.decision) for i in result.items] == [
        ("Öppnar mötet", None),
        ("Beslutsbarhet", "Styrelsen uppfyller kraven för beslutbarhet"),
        ("Dekoration", "Godkänna äskningen på 650kr."),
    ]


def test_top_level_points_with_points_beneath_are_the_items_of_markdown_notes():
    text = (
        "# Mötesprotokoll\n\n## 17 november 2021\n\n## Närvarande\n\n- Victor Lells\n- Erik Mattfolk\n\n"
        "## Mötets öppnande 12:15\n\n- LiTHe Hack\n  - Ett möte?\n  - Kassör beställer posters.\n\n"
        "- D20/GameJam\n  - Gruppen får spendera sin budget.\n\n- REPLY ALL i konversationer!\n\n"
        "- Inventarie\n  - Ett kalkylark ska läggas upp.\n\n## Övrigt\n\n## Nästa möte Onsdag 12:15 2021-11-24\n"
    )
    result = protocol_parse(text)
    assert [i.title for i in result.items] == [
        "Mötets öppnande",
        "LiTHe Hack",
        "D20/GameJam",
        "REPLY ALL i konversationer!",
        "Inventarie",
        "Övrigt",
        "Nästa möte",
    ]
    assert "Kassör beställer posters." in result.items[1].text


def test_opening_the_meeting_is_no_decision_and_the_minutes_laid_to_rest_are():
    text = HEADER + (
        "§ 127 Mötet öppnas\n\nAmanda Jackson förklarar mötet öppnat.\n\n"
        "§ 128 Protokoll från styrelsens möte 12 december\n\nStyrelsen lägger protokollet till handlingarna.\n"
    )
    result = protocol_parse(text)
    assert [i.decision for i in result.items] == [None, "Styrelsen lägger protokollet till handlingarna."]


def test_an_entry_of_a_table_of_contents_goes_on_to_its_leader():
    text = (
        "Kommunstyrelsen\n\nInnehållsförteckning\n\n§ 8 Dnr KS-2023-00836\n"
        "Begäran om medel för att motverka psykisk ohälsa -\n"
        "Kultur & Fritid (Tillsammansgruppen) .................................................... 15\n\n"
        "§ 9 Dnr KS-2023-00837\nSvar på Finansdepartementets remiss över betänkandet\n"
        "Övergångsrestriktioner (2023:45) ............................................. 19\n\n"
        "§ 10 Dnr KS-2023-00838\nInitiativ om uppdrag att ta fram\n"
        "riktlinjer för sponsring .......................................................... 21\n"
    )
    result = protocol_parse(text)
    assert [(i.number, i.title) for i in result.items] == [
        (8, "Begäran om medel för att motverka psykisk ohälsa - Kultur & Fritid (Tillsammansgruppen)"),
        (9, "Svar på Finansdepartementets remiss över betänkandet Övergångsrestriktioner (2023:45)"),
        (10, "Initiativ om uppdrag att ta fram riktlinjer för sponsring"),
    ]


def test_numbered_points_of_a_flattened_page_run_on_into_their_text():
    """ "3. Val av mötesordförande Mötet väljer …": a point whose number was lost leaves a gap of one."""
    text = (
        "Protokoll Styrelsemöte\n\nNärvarande: Johan Herrnsdorf, Rasmus Palm och Robert Tiinus\n"
        "1. Mötet öppnas Robert Tiinus öppnar mötet klockan 19.\n"
        "3. Val av mötesordförande Mötet väljer Rasmus Palm till mötesordförande.\n"
        "4. Godkännande av dagordning Mötet bestämmer att justera dagordningen löpande.\n"
        "5. Genomgång av inkommen post Har fått räkning från SafeTeam och brev från räddningstjänsten.\n"
    )
    result = protocol_parse(text)
    assert [(i.title, i.decision) for i in result.items] == [
        ("Mötet öppnas", None),
        ("Val av mötesordförande", "Mötet väljer Rasmus Palm till mötesordförande."),
        ("Godkännande av dagordning", "Mötet bestämmer att justera dagordningen löpande."),
        ("Genomgång av inkommen post", None),
    ]


def test_a_paragraph_at_the_top_of_a_transcript_page_is_an_item_even_alone():
    text = (
        "Transkript\n\n1 Sammanträdesprotokoll Sida 1 (24) Plats och tid Sammanträdesrum Möller "
        "Beslutande Tony Hansson (S) ordförande\n\n"
        "3 Sammanträdesprotokoll Sida 3 (24) 25 Ändring av dagordningen Ärendebeskrivning Ordföranden "
        "föreslår att ärende 6 utgår från dagordningen. Beslut - beslutar i enlighet med ordförandens förslag.\n"
    )
    result = protocol_parse(text)
    assert [(i.number, i.title, i.decision) for i in result.items] == [
        (25, "Ändring av dagordningen", "beslutar i enlighet med ordförandens förslag."),
    ]
    assert result.items[0].text == "Ordföranden föreslår att ärende 6 utgår från dagordningen."
    assert result.paragraph_range is None  # an excerpt from § 25 says nothing of the range


def test_a_list_of_matters_after_case_number_labels_completes_an_excerpt():
    """The matters the excerpt leaves out are items without number; a title cut short is completed."""
    text = (
        "Transkript\n\n1 Tid och plats H-salen Beslutande Benny Johansson (M), Ordförande\n\n"
        "3 Förteckning över valnämndens ärenden den 22 februari Dnr Justering av protokoll Dnr Begäran "
        "från kommunstyrelsen om rapportering av arbetet Dnr Tidplan Dnr Övrigt (20)\n\n"
        "4 10 Dnr Justering av protokoll s beslut utser Bengt-Göran Sandell till att justera protokollet. "
        "4 (20)\n\n5 11 Dnr Begäran från kommunstyrelsen om rapporter\n"
    )
    result = protocol_parse(text)
    assert [(i.number, i.title) for i in result.items] == [
        (10, "Justering av protokoll"),
        (11, "Begäran från kommunstyrelsen om rapportering av arbetet"),
        (None, "Tidplan"),
        (None, "Övrigt"),
    ]
    assert result.items[0].decision == "utser Bengt-Göran Sandell till att justera protokollet."


def test_the_last_paragraph_titled_next_meeting_is_no_closing():
    text = HEADER + (
        "§ 5\n\nInkommen skrivelse\n\nKanslichefen anmälde en inkommen skrivelse (dnr 1454-2017/18).\n\n"
        "§ 6\n\nNästa sammanträde\n\nUtskottet beslutade att nästa sammanträde ska äga rum tisdagen\n"
        "den 27 mars 2018 kl. 11.00.\n\nVid protokollet\n\nCharlotte Rundelius\n"
    )
    result = protocol_parse(text)
    assert [(i.number, i.title) for i in result.items] == [
        (5, "Inkommen skrivelse"),
        (6, "Nästa sammanträde"),
    ]
    assert result.items[0].decision is None  # a report of what came in
    assert result.items[1].decision == (
        "Utskottet beslutade att nästa sammanträde ska äga rum tisdagen den 27 mars 2018 kl. 11.00."
    )


def test_an_election_item_records_who_was_elected_office_by_office():
    text = (
        "# Höstmöte\n\n## 1. Mötets öppnande\nMötet öppnades.\n\n"
        "## 2. Val av mötesfunktionärer\n\nOrdförande: Klas\n\nSekreterare: Henrik\n\n"
        "## 3. Val av styrelse\nDavid presenterar förslaget.\n\n### Ordförande\n* Stefan Berggren ‹sbergg›\n\n"
        "### Ledamöter\n* Magnus Holmberg\n* Marcus Dicander\n\n"
        "## 4. Fastställande av budget\nKassören presenterade ett förslag och föreningen antog budgeten.\n"
    )
    result = protocol_parse(text)
    assert [i.decision for i in result.items] == [
        None,
        "Ordförande: Klas\nSekreterare: Henrik",
        "Ordförande: Stefan Berggren ‹sbergg›\nLedamöter: Magnus Holmberg, Marcus Dicander",
        "Kassören presenterade ett förslag och föreningen antog budgeten.",
    ]


def test_a_point_that_is_an_outcome_alone_is_its_own_decision():
    text = "MÖTESANTECKNING\n\nNärvarande: Anna Ek, Per Berg\n\n1. Mötets öppnande\n\n2. Dagens agenda godkänns.\n\n3. Övrigt\n"
    result = protocol_parse(text)
    assert [(i.title, i.decision) for i in result.items] == [
        ("Mötets öppnande", None),
        ("Dagens agenda godkänns", "Dagens agenda godkänns."),
        ("Övrigt", None),
    ]


def test_the_matters_listed_on_the_first_page_are_the_items_of_an_excerpt_without_them():
    text = (
        "PROTOKOLL 1 (9) Sammanträde 2012:\nTid och plats kl 10, sammanträdesrum Stora Skansen\n"
        "Behandlade beslutsärenden vid detta sammanträde 7 Internrevisionens rapportering för år "
        "Revisionsplan för år Budget och ekonomiska resultatmål för år Arbetsordning för Göteborgs "
        "universitet 14 Preliminära sammanträdestider 2013 Närvarande Carl Bennet ordförande Anna Falck\n"
    )
    result = protocol_parse(text)
    assert [(i.number, i.title) for i in result.items] == [
        (7, "Internrevisionens rapportering för år"),
        (None, "Revisionsplan för år"),
        (None, "Budget och ekonomiska resultatmål för år"),
        (None, "Arbetsordning för Göteborgs universitet"),
        (14, "Preliminära sammanträdestider 2013"),
    ]


def test_the_appeal_instructions_are_no_paragraph():
    text = (
        "PROTOKOLL\nStadsfullmäktige\n\nInnehåll\n\n§ 40 Val av protokolljusterare ... 3\n"
        "§ 9998 Besvärsanvisning ... 13\n\nNärvarande: Anna Ek, Per Berg\n\n"
        "§ 40 Val av protokolljusterare\n\nTill protokolljusterare utses Per Berg.\n"
    )
    result = protocol_parse(text)
    assert [(i.number, i.title) for i in result.items] == [(40, "Val av protokolljusterare")]


def test_two_numbers_at_a_lines_start_outside_a_transcript_are_kept():
    """Only a PDF viewer's transcript (pages numbered 1, 2 …) has a page number before a paragraph's."""
    text = HEADER + "§ 3 Röstning\n\nRösterna räknades.\n\n12 15 Ja-röster och nej-röster räknades.\n"
    (item,) = protocol_parse(text).items
    assert "12 15 Ja-röster" in item.text


def test_references_to_earlier_paragraphs_before_a_title_are_not_part_of_it():
    """ "Sn 50 Au 84 Sn 34 Dnr 2016/12 Budget … Au Förvaltningschef …": history, case number, title, text."""
    text = HEADER + (
        "Sn 49 Sammanträdets öppnande Ordföranden öppnade sammanträdet och hälsade alla välkomna.\n\n"
        "Sn 50 Au 84 Sn 34 Dnr 2016/12 Budget och ekonomisk uppföljning år Au Förvaltningschef Roland Bång "
        "föredrar ärendet och redovisar utfallet.\n"
    )
    result = protocol_parse(text)
    assert [(i.number, i.title, i.case_number) for i in result.items] == [
        (49, "Sammanträdets öppnande", None),
        (50, "Budget och ekonomisk uppföljning år", "2016/12"),
    ]
    assert result.items[1].text.startswith("Au Förvaltningschef Roland Bång föredrar ärendet")


def test_a_one_word_title_before_a_sub_heading_on_a_flattened_page():
    """ "59 Ekonomi Projektuppföljning januari-april. underhåll …": the sub-heading is the text's."""
    text = HEADER + (
        "§ 59 Ekonomi Projektuppföljning januari-april. underhåll- och investeringsprojekt samt reparationer "
        "Carina Royson informerade om den ekonomiska statusen per den 30 april\n"
    )
    (item,) = protocol_parse(text).items
    assert item.title == "Ekonomi"
    assert item.text.startswith("Projektuppföljning januari-april.")


def test_the_opening_without_a_number_before_the_first_paragraph_is_an_item():
    filler = "Jeanette Berggren, VD Lars Winell, ekonomiansvarig Carina Royson, fastighetschef " * 3
    text = (
        "Protokoll vid styrelsesammanträde Tid: 30 maj 2013 Övriga närvarande: Bror-Erik Israelsson "
        f"{filler}Jonas Dahlberg, drifttekniker Mötets öppnande Ordföranden hälsade alla välkomna och "
        "förklarade mötet öppnat 54 Godkännande av dagordning Föreslagen dagordning godkändes. "
        "55 Val av sekreterare Till sekreterare för mötet valdes Lars Winell.\n"
    )
    result = protocol_parse(text)
    assert [(i.number, i.title) for i in result.items] == [
        (None, "Mötets öppnande"),
        (54, "Godkännande av dagordning"),
        (55, "Val av sekreterare"),
    ]
    assert result.items[0].decision is None


def test_a_paragraph_numbered_with_a_full_stop_after_the_opening_on_a_flattened_page():
    """ "Mötet öppnas. … 36. Val av justerare … Direktionen beslutar: Utse …": the body's decision."""
    text = (
        "Transkript\n\n1 Plats och tid: Räddningsstation Åtvidaberg Beslutande: Magnus Cato (S), ordförande\n\n"
        "4 4 av Mötet öppnas. Ordförande hälsar alla välkomna och förklarar mötet öppnat. 36. Val av "
        "justerare samt fastställande av tid för protokolljustering. Direktionen beslutar: Utse Kenneth "
        "Johansson till justerare för dagens sammanträde. Justering äger rum på räddningsstation Centrum. "
        + "Direktionen diskuterade även andra frågor om justeringen och dess tid. " * 3
        + "\n"
    )
    result = protocol_parse(text)
    assert [(i.number, i.title) for i in result.items] == [
        (None, "Mötet öppnas"),
        (36, "Val av justerare samt fastställande av tid för protokolljustering"),
    ]
    assert result.items[1].decision.startswith(
        "Utse Kenneth Johansson till justerare för dagens sammanträde."
    )


def test_the_opening_heading_is_an_item_though_the_notes_nest_the_rest_beneath_it():
    text = (
        "# Möte 2023-03-24\n\n## Plats\nStyrelserummet\n\n# Öppnar mötet 12:05\n\n## Runda bordet\nAlla mår bra\n\n"
        "## Beslutsbarhet:\nAtt: Styrelsen uppfyller kraven för beslutbarhet\n\nBeslut: Attsats bifalles\n\n"
        "## Rapporter\nInga rapporter.\n"
    )
    result = protocol_parse(text)
    assert [i.title for i in result.items] == ["Öppnar mötet", "Runda bordet", "Beslutsbarhet", "Rapporter"]

"""Search result excerpts read as sentences: they start where a sentence starts, or with "…"."""

import re

import pytest

from meetings.excerpts import HIGHLIGHT_START as START
from meetings.excerpts import HIGHLIGHT_STOP as STOP
from meetings.excerpts import MAX_WORDS, sentence_excerpt, sentences
from meetings.models import AgendaItem

# From the demo's § 105 (Styrgruppen för social välfärd, 2021), as the record writes it.
REGISTER = (
    "Styrgruppen för social välfärd gav avdelningschefen i uppdrag (2019-11-07) att utreda "
    "förutsättningarna för ett GR-gemensamt utförrregister inom individ- och familjeomsorg samt "
    "funktionshinder. Förstudiens delrapport (juni 2020) visade på både stora samordningsvinster och "
    "utvecklingsmöjligheter. Ett gemensamt utförrregister kan bidra till minskade kostnader, ökad "
    "kvalitet och en ökad kunskap kring hur stödet behöver utformas för att möta personer med komplexa "
    "behov. Möjligheter och kostnader för kranskommunerna att ansluta sig till Göteborgs Stads "
    "befintliga IT-stöd till SPINK behövde utredas vidare. Förbundsstyrelsen gav därför styrgruppen i "
    "uppdrag (2020-11-27) att fortsatt utreda förutsättningarna. Uppdraget ska återrapporteras till FS "
    "210507. Slutrapporten färdigställdes i mars 2021. GR rekommenderar medlemskommunerna:\n\n"
    "- Att inleda samarbete med SPINK, Göteborgs Stad, för uppbyggnad av ett gemensamt utförrregister, "
    "köpt vård och boende inom IFO/FH.\n"
    "- Att inleda förstudie för att utreda tekniska och juridiska förutsättningar för att skapa en GR "
    "gemensam IT-plattform i samverkan med Skånes Kommuner.\n\n"
    "Förslag om och finansiering av förstudie kommer att förankras vid socialchefernas nätverksmöte 16 "
    "april 2021. Uppdraget från Förbundsstyrelsen kan härmed anses vara fullgjort."
)


def _mark(text: str, word: str) -> str:
    return re.sub(rf"\b({re.escape(word)})\b", f"{START}\\1{STOP}", text)


def _plain(excerpt: str) -> str:
    return excerpt.replace(START, "").replace(STOP, "")


def test_sentences_end_at_full_stops_but_not_after_abbreviations():
    text = "Lena informerar bl.a. om läget. Mötet börjar kl. 13.00 i Göteborg. T.ex. A. Svensson deltar."
    assert sentences(text) == [
        "Lena informerar bl.a. om läget.",
        "Mötet börjar kl. 13.00 i Göteborg.",
        "T.ex. A. Svensson deltar.",
    ]


def test_a_line_and_a_bullet_end_a_sentence():
    assert sentences("GR rekommenderar:\n\n- Att inleda samarbete\n- Att inleda förstudie") == [
        "GR rekommenderar:",
        "Att inleda samarbete",
        "Att inleda förstudie",
    ]


def test_a_match_in_the_first_sentence_starts_the_excerpt_at_the_text_s_start():
    excerpt = sentence_excerpt(_mark(REGISTER, "avdelningschefen"))
    assert excerpt.startswith("Styrgruppen för social välfärd gav")
    assert f"{START}avdelningschefen{STOP}" in excerpt
    assert excerpt.endswith("…")


def test_a_later_match_starts_at_its_sentence_after_an_ellipsis():
    excerpt = _plain(sentence_excerpt(_mark(REGISTER, "Slutrapporten")))
    # A short sentence takes the next one along; two sentences at most.
    assert excerpt == "… Slutrapporten färdigställdes i mars 2021. GR rekommenderar medlemskommunerna: …"


def test_a_match_in_a_bullet_is_that_bullet_without_its_dash():
    excerpt = _plain(sentence_excerpt(_mark(REGISTER, "IT-plattform")))
    assert excerpt.startswith("… Att inleda förstudie för att utreda tekniska")
    assert "- " not in excerpt


def test_a_match_in_the_last_sentence_has_nothing_after_it():
    excerpt = _plain(sentence_excerpt(_mark(REGISTER, "fullgjort")))
    assert excerpt == "… Uppdraget från Förbundsstyrelsen kan härmed anses vara fullgjort."


def test_an_early_match_in_a_long_sentence_shows_the_sentence_s_start():
    sentence = " ".join(["Ordet"] + ["mycket"] * 8 + ["budget"] + ["lång"] * 40) + "."
    excerpt = _plain(sentence_excerpt(_mark(sentence, "budget")))
    assert excerpt.startswith("Ordet mycket") and excerpt.endswith("…")


def test_a_long_sentence_is_cut_between_words_around_the_match():
    sentence = (
        "Styrgruppen gav avdelningschefen i uppdrag att utreda förutsättningarna för ett gemensamt "
        "register inom individ- och familjeomsorg samt funktionshinder och att återkomma med ett "
        "förslag om finansiering av förstudien till nätverket senast i juni samma år när alla "
        "kommuner har svarat på remissen om registret och dess kostnader."
    )
    excerpt = sentence_excerpt(_mark(sentence, "finansiering"))
    words = excerpt.split()
    assert len(words) <= MAX_WORDS
    assert words[0] == "…" and words[-1] == "…"
    assert f"{START}finansiering{STOP}" in excerpt
    source_words = set(sentence.split())
    assert all(word in source_words for word in _plain(excerpt).split() if word != "…")


def test_without_a_match_the_excerpt_is_the_first_sentences():
    assert _plain(sentence_excerpt("Mötet öppnas. Dagordningen fastställs. Nästa punkt.")) == (
        "Mötet öppnas. Dagordningen fastställs. …"
    )
    assert sentence_excerpt("") == ""


@pytest.mark.usefixtures("demo_archive")
@pytest.mark.parametrize("word", ["förstudie", "kranskommunerna", "Mini-Maria", "kompetensförsörjning"])
def test_demo_search_excerpts_start_at_a_sentence_and_cut_no_word(client, word):
    """In the demo archive's results every excerpt starts at a sentence (a capital after "…" or at
    the start of a text), is at most about two lines, and holds the texts' words whole."""
    html = client.get("/sok/", {"q": word}).content.decode()
    excerpts = re.findall(r'<p class="result__excerpt">(.*?)</p>', html, re.S)
    assert excerpts
    texts = " ".join(
        f"{summary} {discussion}"
        for summary, discussion in AgendaItem.objects.values_list("summary", "discussion")
    )
    source_words = set(texts.replace("&", "&amp;").split())
    for excerpt in excerpts:
        plain = re.sub(r"</?mark>", "", excerpt).replace("&#x27;", "'").replace("&quot;", '"')
        words = plain.split()
        assert len(words) <= MAX_WORDS
        # A sentence's start, or "…" before a whole word in a long sentence.
        assert words[0] == "…" or words[0][0].isupper() or words[0][0].isdigit(), excerpt
        for text_word in words:
            assert text_word == "…" or text_word in source_words or text_word.replace("&amp;", "&") in texts

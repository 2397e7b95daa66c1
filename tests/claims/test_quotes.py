"""Quotations and their speakers."""

from claims.extraction.quotes import find_quote_spans

from .helpers import claim_containing, extract, quote_containing


def test_said_after_the_name_with_an_appositive():
    x = extract(
        "<p>“It’s the transnationalization of U.S. politics,” said Eduardo Gamarra, a political science professor.</p>"
    )
    assert quote_containing(x, "transnationalization").speaker == "Eduardo Gamarra"


def test_surname_resolves_to_the_full_name_given_earlier():
    x = extract(
        "<p>Rep. Norma Torres, D-Calif., issued a statement on Monday about the race.</p>"
        "<p>“We will not be silenced by anyone,” Torres said.</p>"
    )
    assert quote_containing(x, "silenced").speaker == "Norma Torres"


def test_pronoun_resolves_to_the_most_recent_named_speaker():
    x = extract(
        "<p>Richard Hasen, an expert in election law, said the rules were clear about it.</p>"
        "<p>“There’s a technical difference between the two things,” he said.</p>"
    )
    assert quote_containing(x, "technical difference").speaker == "Richard Hasen"


def test_pronoun_skips_a_speaker_of_the_other_gender():
    x = extract(
        "<p>Maria Lopez said she had voted for the measure in committee.</p>"
        "<p>John Park said he opposed the measure from the start.</p>"
        "<p>“I read every page of the bill before the vote,” she said.</p>"
    )
    assert quote_containing(x, "every page").speaker == "Maria Lopez"


def test_pronoun_with_no_antecedent_leaves_the_speaker_empty():
    x = extract("<p>“Nobody here knew anything about the plan,” he said.</p>")
    assert quote_containing(x, "Nobody here").speaker == ""


def test_quote_with_no_attribution_has_no_speaker():
    x = extract("<p>“Let’s say no to the tax because it has caused so much harm,” one of the many posters read.</p>")
    assert quote_containing(x, "say no").speaker == ""


def test_a_spokesperson_speaks_for_the_organisation_and_the_title_is_remembered():
    x = extract(
        "<p>“We noted with alarm direct attempts to influence the elections,” a State Department spokesperson said in an email.</p>"
        "<p>“The integrity of our elections is vital,” the spokesperson said.</p>"
    )
    assert quote_containing(x, "noted with alarm").speaker == "State Department"
    assert quote_containing(x, "integrity").speaker == "State Department"


def test_news_style_quotation_continues_over_an_unclosed_paragraph():
    x = extract(
        "<p>In an interview, Ana Rivera said: “The parking deal cost taxpayers money, and people deserve answers.</p>"
        "<p>“My first act as mayor will be to publish every city contract online.”</p>"
    )
    assert quote_containing(x, "parking deal").speaker == "Ana Rivera"
    assert quote_containing(x, "first act").speaker == "Ana Rivera"


def test_attribution_first_with_said_inverted():
    x = extract(
        '<p>Luis Ortega ran third in the race.</p><p>Said Ortega: "I will keep fighting for the small businesses."</p>'
    )
    assert quote_containing(x, "keep fighting").speaker == "Luis Ortega"


def test_indirect_speech_sets_the_claimant_of_the_sentence():
    x = extract(
        "<p>Milena Mayorga said that ahead of the elections, Torres spread false information about the visit.</p>"
    )
    claim = claim_containing(x, "spread false information")
    assert claim.claimant == "Milena Mayorga"
    assert claim.type == "accusation"


def test_generic_groups_are_not_claimants():
    x = extract("<p>Rights groups say authorities have committed human rights abuses in the prisons.</p>")
    assert claim_containing(x, "human rights abuses").claimant == ""


def test_possessive_document_is_its_author():
    x = extract(
        "<p>Norma Torres won again.</p><p>Torres’ release said she “was disappointed in the lack of enforcement in our system.”</p>"
    )
    assert quote_containing(x, "disappointed").speaker == "Norma Torres"


def test_straight_curly_german_and_guillemet_quotes_are_found():
    assert len(find_quote_spans('He said "this is one" and “this is two”.')) == 2
    assert len(find_quote_spans("Sie sagte: „Wir haben bereits die Zusage“.")) == 1
    assert len(find_quote_spans("Il a dit « nous verrons bien » hier.")) == 1


def test_nested_single_quotes_stay_inside_the_quotation():
    x = extract(
        "<p>“There’s a character of ‘Oh no, you first’ in every negotiation,” said Joshua Apte, a professor.</p>"
    )
    quote = quote_containing(x, "character of")
    assert "‘Oh no, you first’" in quote.text
    assert quote.speaker == "Joshua Apte"


def test_quotation_offsets_point_into_the_article_text():
    from articles.parsing import parse_article
    from claims.extraction import extract_claims

    article = parse_article("<p>Intro line here.</p><p>“We never asked for a meeting,” Mayorga said.</p>")
    x = extract_claims(article.paragraphs, article.text)
    quote = x.quotations[0]
    assert article.text[quote.start : quote.end] == quote.text == "We never asked for a meeting,"

"""Tests for English speaker attribution in indexer.quotes: constructions of news English, each on sentences
written for it (not taken from the gold), with the speaker a reader gives them."""
from __future__ import annotations

import pytest

from indexer.quotes import extract_quotes


def speakers(paragraphs: list[str]) -> list[tuple[str, str, int]]:
    """(speaker, first four words, paragraph) of each quote."""
    return [(q.speaker, " ".join(q.text.split()[:4]), q.paragraph) for q in extract_quotes(paragraphs, "en")]


# ------------------------------------------------------------ definite descriptions


@pytest.mark.parametrize("introduction, description, speaker", [
    ("Amy Klobuchar spoke first at the debate.", "the Minnesota senator", "Amy Klobuchar"),
    ("Carlos Ghosn fled Japan in December.", "the former Nissan chairman", "Carlos Ghosn"),
    ("Tom Baker, a farmer from Iowa, lost his crops in the flood.", "the 58-year-old", "Tom Baker"),
    ("Tom Baker, 58, lost his crops in the flood.", "the farmer", "Tom Baker"),
    ("Lawmakers questioned Mark Zuckerberg for five hours.", "the Facebook founder", "Mark Zuckerberg"),
    ("Federal Reserve Chairman Jerome Powell spoke after the meeting.", "the Fed chair", "Jerome Powell"),
    ("Nancy Pelosi criticised the plan on Monday.", "the House speaker", "Nancy Pelosi"),
    # a people's name for one of them, after the paragraph about her
    ("Williams lost to Ajla Tomljanovic, who was overcome with emotion.", "the Australian", "Ajla Tomljanovic"),
    # peoples whose names no ending makes of the country's, and one an ending makes of the whole name
    ("Erling Haaland scored twice on Saturday.", "the Norwegian", "Erling Haaland"),
    ("Vinicius Junior scored twice on Saturday.", "the Brazilian", "Vinicius Junior"),
    # a party's member, with the state before it
    ("Joe Manchin has opposed the plan.", "the West Virginia Democrat", "Joe Manchin"),
])
def test_a_definite_description_is_the_person_named_before(introduction, description, speaker):
    paragraphs = [introduction, f"\"It was a very hard decision for all of us,\" {description} said."]
    assert speakers(paragraphs) == [(speaker, "It was a very", 2)]


def test_a_description_with_a_role_acronym_skips_a_pronoun_sentence():
    paragraphs = ["Apple chief executive Tim Cook spoke in Cupertino.", "He announced a new phone.",
                  "\"This is the best iPhone we have ever made,\" the Apple CEO said."]
    assert speakers(paragraphs) == [("Tim Cook", "This is the best", 3)]


def test_a_plural_description_is_no_one_person():
    # `the physicians` are a group: not the one physician the paragraph before names
    paragraphs = ["Dr. Ana Ruiz, a physician in Texas, signed the letter with dozens of colleagues.",
                  "\"We implore you to let us see the children,\" the physicians wrote."]
    assert [s for s, _, _ in speakers(paragraphs)] != ["Ana Ruiz"]


def test_a_named_person_after_a_description_stays_named():
    paragraphs = ["\"We will appeal the ruling at once,\" said the company's lawyer, Jane Roe."]
    assert speakers(paragraphs) == [("Jane Roe", "We will appeal the", 1)]


# ------------------------------------------------------------ the subject a description or pronoun points to


def test_a_title_of_one_name_opening_the_sentence_is_the_subject_not_a_place_after_it():
    paragraphs = ["Pope Francis addressed the crowd in St. Peter's Square.",
                  "\"Let us pray for peace in the world,\" the pope said."]
    assert speakers(paragraphs) == [("Pope Francis", "Let us pray for", 2)]


def test_a_body_and_its_role_before_a_full_name_make_the_person_the_subject():
    paragraphs = ["Apple chief executive Tim Cook spoke in Cupertino.",
                  "\"We believe privacy is a fundamental human right,\" he said."]
    assert speakers(paragraphs) == [("Tim Cook", "We believe privacy is", 2)]


# ------------------------------------------------------------ names


@pytest.mark.parametrize("sentence, speaker", [
    # a month's abbreviation with no number after it is a first name
    ("\"The numbers speak for themselves,\" said Goldman Sachs economist Jan Hatzius.", "Jan Hatzius"),
    # `Un` in title case is a name, not the UN
    ("Kim Jong Un said \"the nuclear force is our treasured sword of the nation.\"", "Kim Jong Un"),
    # `King` before a suffix is no title
    ("\"We won't stop until we win,\" Martin Luther King III told the crowd.", "Martin Luther King III"),
    # a role in apposition after a lone surname: the body it is held at is not who speaks
    ("\"The numbers speak for themselves,\" Hatzius, chief economist at Goldman Sachs, wrote in a note.", "Hatzius"),
    ("\"The numbers speak for themselves,\" Jan Hatzius, chief economist at Goldman Sachs, wrote in a note.",
     "Jan Hatzius"),
])
def test_names_read_whole(sentence, speaker):
    assert [s for s, _, _ in speakers([sentence])] == [speaker]


def test_a_surname_that_is_also_a_word_is_the_person_of_that_surname_after_a_quotation():
    paragraphs = ["Karen Miles and Tom Reed spoke at the scene.",
                  "\"We are working around the clock,\" Miles said."]
    assert speakers(paragraphs) == [("Karen Miles", "We are working around", 2)]


def test_two_people_joined_by_and_are_not_one_body():
    paragraphs = ["Police chief Karen Miles and Mayor Tom Reed spoke at the scene.",
                  "\"We are working around the clock,\" Miles said."]
    assert speakers(paragraphs) == [("Karen Miles", "We are working around", 2)]


def test_an_apposition_with_the_names_no_body_as_the_speaker():
    # the name opens the phrase; the body at which the apposition's role is held is not who speaks
    paragraphs = ["\"There is no incentive to sign this deal,\" Wang Jianxiong, the former executive director for "
                  "China at the International Monetary Fund, said."]
    assert speakers(paragraphs) == [("Wang Jianxiong", "There is no incentive", 1)]


def test_a_pronoun_after_a_surname_that_is_also_a_word_against_a_verb_of_speech():
    # `Early says` mid-paragraph: Chris Early, not the speaker of the paragraph before
    paragraphs = ["Chris Early leads partnerships at Ubisoft.",
                  "\"The groundwork is there,\" Jack Buser says. \"It's just staggering.\"",
                  "While the lineup is light, Early says there is a possibility of exclusives. "
                  "\"Our objective is to make the best game,\" he says."]
    assert speakers(paragraphs) == [("Jack Buser", "The groundwork is there,", 2),
                                    ("Chris Early", "Our objective is to", 3)]


@pytest.mark.parametrize("sentence", [
    # a role word before a body, its role noun and the person who holds it
    "\"He was in charge of the whole region,\" said another witness, former White House adviser Jane Holt.",
    # the sentence goes on after the quotation, then the verb after a comma and its subject after it
    "Brown kept telling others \"he was in charge of the whole region\" despite his junior rank, said another "
    "witness in the inquiry, former White House adviser Jane Holt.",
])
def test_an_inverted_attribution_names_the_person_after_the_verb(sentence):
    assert [s for s, _, _ in speakers([sentence])] == ["Jane Holt"]


@pytest.mark.parametrize("introduction", [
    "Linda Park, the principal, said the cuts were painful.",
    "Linda Park, who has run the school for a decade, said the cuts were painful.",
])
def test_a_surname_that_names_places_is_a_person_where_the_article_treats_it_as_one(introduction):
    # `Park` ends the names of places (Central Park); an apposition after the full name says it is a person
    paragraphs = [introduction, "\"We need more funding for our teachers,\" she said."]
    assert speakers(paragraphs) == [("Linda Park", "We need more funding", 2)]


def test_a_colon_s_sentence_starts_after_a_sentence_that_ends_inside_its_closing_mark():
    # the block quotation is Jomra's: the sentence before the colon opens after `retreat.”`, not with García's clause
    paragraphs = ["Jomra criticizes President Alan García, who said the protesters were stepping into "
                  "“primitive retreat.” Jomra writes about García:",
                  "He is not only a liar but intolerant and ignorant of the constitution and the treaties that "
                  "our country has signed."]
    assert speakers(paragraphs) == [("Jomra", "He is not only", 2)]


# ------------------------------------------------------------ block quotations after a colon


def test_a_pronoun_before_a_colon_points_to_a_name_with_an_apostrophe_particle():
    paragraphs = ["US President Barack Obama's speech in Cairo sparked many reactions.",
                  "Not everybody was impressed. Abdelhak al'Koush, blogging on Afinina, launched a strong attack on the "
                  "president and questioned his motives. He wrote:",
                  "The president has charmed the crowd, but his words will change nothing for the people of the region."]
    assert speakers(paragraphs) == [("Abdelhak al'Koush", "The president has charmed", 3)]


def test_a_comment_by_someone_before_a_colon_is_theirs():
    paragraphs = ["When Omar Bongo was admitted to a clinic in Barcelona in May, a comment by Akin at the African "
                  "Loft predicted his death away from his subjects:",
                  "The greatest indictment of his regime is that Gabon does not have hospitals that could treat him."]
    assert speakers(paragraphs) == [("Akin", "The greatest indictment of", 2)]


def test_a_colon_s_impersonal_sentence_goes_on_from_the_person_its_paragraph_is_about():
    paragraphs = ["In his blog Social Conflicts, Erick Garcia continues the criticism of the government. Despite the "
                  "reports, it was well known that outside groups had joined the protests:",
                  "Now I wonder whether a few decrees are worth all the hatred and pain these deaths will cause."]
    assert speakers(paragraphs) == [("Erick Garcia", "Now I wonder whether", 2)]


# ------------------------------------------------------------ titles and appositions


def test_two_titled_surnames_joined_by_and_are_two_people_and_the_pronoun_agrees_with_the_title():
    paragraphs = ["Mr. Trump and Ms. Pelosi have not spoken since October.",
                  "\"She is a very nasty person,\" Mr. Trump said on Tuesday.",
                  "Ms. Pelosi shrugged off the remark. \"I pray for the president all the time,\" she said."]
    assert speakers(paragraphs) == [("Trump", "She is a very", 2), ("Pelosi", "I pray for the", 3)]


def test_a_role_in_apposition_after_a_name_is_that_person_s_role():
    paragraphs = ["Eric Adams, the mayor, and Kathy Hochul, the governor, disagreed on the plan.",
                  "\"We cannot afford this right now,\" the governor said."]
    assert speakers(paragraphs) == [("Kathy Hochul", "We cannot afford this", 2)]


def test_a_middle_initial_keeps_the_first_name():
    paragraphs = ["\"We are looking at all options,\" said Defense Secretary Lloyd J. Austin III."]
    assert speakers(paragraphs) == [("Lloyd J. Austin III", "We are looking at", 1)]


@pytest.mark.parametrize("introduction, speaker", [
    ("Syrian Khaldoun Jarbou was not impressed either, and writes:", "Khaldoun Jarbou"),
    ("Many in the region also expressed support. From Erich Jao of the Philippines:", "Erich Jao"),
])
def test_a_people_s_name_or_a_preposition_opening_a_name_is_no_part_of_it(introduction, speaker):
    paragraphs = [introduction, "The speech was long on promises and short on anything we could hold him to."]
    assert speakers(paragraphs) == [(speaker, "The speech was long", 2)]


# ------------------------------------------------------------ the speaker a paragraph carries over


@pytest.mark.parametrize("first", [
    "\"We will not raise taxes,\" said Mark Hill, the finance minister. His deputy, Tom Reed, was less certain.",
    "\"We will not raise taxes,\" Hill said. Opposition leader Tom Reed called the promise empty.",
])
def test_a_pronoun_opening_a_paragraph_points_to_the_person_narrated_after_the_last_quotation(first):
    # the person the narration after the last quotation is about, not the one just quoted
    paragraphs = [first, "\"He has said this before and broken his word,\" he said."]
    assert [s for s, _, _ in speakers(paragraphs)][1:] == ["Tom Reed"]


# ------------------------------------------------------------ bodies


@pytest.mark.parametrize("paragraphs, speaker", [
    (["\"We are committed to keeping people safe,\" a Meta spokesperson said in an email."], "Meta"),
    (["\"We are committed to keeping people safe,\" a spokesperson for Meta said in an email."], "Meta"),
    # the body's spokesperson named: the person speaks, the body is the role's
    (["\"We have been working around the clock to restore power,\" said Pacific Gas and Electric spokeswoman "
      "Lynsey Paulo."], "Lynsey Paulo"),
    (["\"Space exploration requires an entire ecosystem,\" said Michael Sims, CEO and founder of Ceres Robotics Inc."],
     "Michael Sims"),
    # a body's name with a small word in it
    (["\"It is not the end of the road for this project,\" a spokesperson for the Department of Energy told CNN."],
     "Department of Energy"),
    (["Google declined to comment. \"We do not comment on ongoing litigation,\" a spokesman said."], "Google"),
    (["The Justice Department declined to comment. \"We do not comment on ongoing investigations,\" a department "
      "spokesman said."], "Justice Department"),
    (["Facebook's parent company, Meta, said in a blog post: \"We are committed to keeping people safe.\""], "Meta"),
])
def test_an_unnamed_spokesperson_or_a_described_company_speaks_for_the_body(paragraphs, speaker):
    assert [s for s, _, _ in speakers(paragraphs)] == [speaker]


@pytest.mark.parametrize("sentence, speaker", [
    ("Putin was quoted by the Interfax news agency as saying \"we are ready for talks at any moment.\"", "Putin"),
    ("\"The suspect was armed and dangerous,\" reporters were told by police chief Ana Ruiz.", "Ana Ruiz"),
    ("Reporters were told by police chief Ana Ruiz that \"the suspect was armed and dangerous.\"", "Ana Ruiz"),
])
def test_the_speaker_of_a_passive_attribution(sentence, speaker):
    # the one quoted, not the outlet that quotes; the agent of `were told by`, not those told
    assert [s for s, _, _ in speakers([sentence])] == [speaker]


@pytest.mark.parametrize("paragraphs", [
    # a compound title is no part of the name, and the first name alone is the person named in full
    ["WHO Director-General Tedros Adhanom Ghebreyesus spoke in Geneva.", "\"The virus is not done with us,\" Tedros said."],
    # a role of a body, described: the person named before who holds it
    ["The head of the World Health Organization, Tedros Adhanom Ghebreyesus, spoke in Geneva.",
     "\"The virus is not done with us,\" the head of the WHO said."],
    # the description first, the name in apposition
    ["\"The virus is not done with us,\" the head of the World Health Organization, Tedros Adhanom Ghebreyesus, said."],
])
def test_a_role_of_a_body_and_its_holder(paragraphs):
    assert [s for s, _, _ in speakers(paragraphs)] == ["Tedros Adhanom Ghebreyesus"]


def test_a_pronoun_after_a_sentence_whose_subject_is_a_description_points_to_its_holder():
    # `The 56-year-old chief executive` is Mary Barra, the chief executive named before; not the analyst quoted last
    paragraphs = ["\"We have to act now,\" GM chief executive Mary Barra said in a statement.",
                  "Analysts were not surprised. \"GM is cutting capacity because car sales are falling,\" said Michelle "
                  "Krebs, an executive analyst at Autotrader.",
                  "The 56-year-old chief executive defended the plan in an interview on Tuesday.",
                  "\"These are hard decisions, but they are the right decisions,\" she said."]
    assert [s for s, _, _ in speakers(paragraphs)] == ["Mary Barra", "Michelle Krebs", "Mary Barra"]


def test_a_place_s_government_called_by_its_kind_is_the_body_named_before():
    paragraphs = ["Beijing announced new rules on Monday.",
                  "\"These rules will protect consumers from fraud,\" the government said."]
    assert speakers(paragraphs) == [("Beijing", "These rules will protect", 2)]


@pytest.mark.parametrize("first", [
    "Smith, the mayor, spoke first.",
    "Smith, who has been in office since 2010, has faced criticism.",
    "Smith, 45, has faced criticism.",
])
def test_a_surname_named_once_with_a_person_s_apposition_is_the_pronoun_s_antecedent(first):
    # one word opening a sentence is a person's name when an apposition only a person takes follows it
    assert [s for s, _, _ in speakers([first + " \"I have done my best for this city,\" he said."])] == ["Smith"]


# ------------------------------------------------------------ `according to`


@pytest.mark.parametrize("sentence, speaker", [
    ("The company \"deeply regrets the incident,\" according to a statement from Boeing.", "Boeing"),
    # the outlet only obtained the report; the report names no one
    ("\"He wanted to hurt as many people as possible,\" according to a police report obtained by CNN.", ""),
    ("The suspect \"wanted to hurt as many people as possible,\" according to court documents.", ""),
    # the newspaper is the source of the report, not the one whose words are quoted
    ("According to the New York Times, the president said he \"would never resign under any circumstances.\"", ""),
    ("According to Boeing spokesman Gordon Johndroe, the company \"deeply regrets the incident.\"", "Gordon Johndroe"),
])
def test_the_source_of_an_according_to_phrase(sentence, speaker):
    assert [s for s, _, _ in speakers([sentence])] == [speaker]


# ------------------------------------------------------------ groups of people


@pytest.mark.parametrize("introduction, group, speaker", [
    # the body their noun names, however far back
    ("Nurses for Safe Staffing, a coalition of hospital nurses, wrote to the governor on Monday.", "the nurses",
     "Nurses for Safe Staffing"),
    ("The Amazon Workers Union called a strike at the Bessemer warehouse.", "the striking workers", "Amazon Workers Union"),
    # the body they are members of
    ("The scientists, members of the independent panel Climate Action Tracker, published their review.",
     "the scientists", "Climate Action Tracker"),
])
def test_a_group_of_people_is_the_body_the_article_names(introduction, group, speaker):
    paragraphs = [introduction, "Mayor Jane Holt met them at city hall on Tuesday.",
                  f"\"We cannot wait another winter for this decision,\" {group} said."]
    assert speakers(paragraphs) == [(speaker, "We cannot wait another", 3)]


def test_a_group_of_people_is_none_of_the_people_named_around_them():
    paragraphs = ["\"The march will be allowed,\" Police Chief Mark Dunn said.",
                  "\"We will march every Saturday until the law changes,\" the protesters said."]
    assert speakers(paragraphs) == [("Mark Dunn", "The march will be", 1), ("", "We will march every", 2)]



@pytest.mark.parametrize("before, speaker", [
    # the sentence before is about a body: they are the body, not a person it names
    ("Amnesty International released a report on the prison on Monday. Its director, Ann Cole, visited the site.",
     "Amnesty International"),
    ("Carter Records have twice denied the claims made by Ann Cole.", "Carter Records"),
    # about a person: singular they, that person
    ("Ann Cole, a spokesperson for the prison service, answered questions by email.", "Ann Cole"),
])
def test_they_are_the_body_the_sentence_before_is_about(before, speaker):
    paragraphs = [before, "\"Conditions there are worse than anything we have documented,\" they wrote."]
    assert speakers(paragraphs) == [(speaker, "Conditions there are worse", 2)]

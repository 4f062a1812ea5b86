from indexer.clean import Cleaned, clean, split_paragraphs


def test_paragraphs_are_lines_with_whitespace_normalized():
    text = "  Title\u00a0 line \r\n\r\n\tFirst   paragraph.\nSecond\u2003paragraph. \n\n\n"
    assert clean(text) == Cleaned(paragraphs=["Title line", "First paragraph.", "Second paragraph."], removed=[])


def test_blank_text_has_no_paragraphs():
    assert split_paragraphs(" \n\n \t\n") == []

"""The segmenter the study runs with HMM off (jieba-fast-dat on jieba's dictionary) against jieba 0.42.1 itself: the
same tokens, tags and dictionary frequencies on every article text the tests have, so that an upgrade of either
library that changes a segmentation fails here."""

from concurrent.futures import ThreadPoolExecutor

import jieba
import jieba.posseg
import jieba_fast_dat
import pytest
import report_articles
from articles import HTML_PAGES, PAGES, XINAN, in_script
from corpus_articles import ARTICLES, paragraphs

from analysis import config, load_article, tokenize
from analysis.reading.script import to_simplified
from analysis.wordlists import read_word_list
from analysis.words import segmenting
from analysis.words.newwords import TITLES
from analysis.words.segmenting import (
    COMPOUNDS,
    DICTIONARY,
    compiled_segmenter,
    dictionary_frequency,
    reference_frequency,
    reference_total,
    segmenter,
    user_words,
)

IDIOMS = config.LEXICON / "idioms.txt"  # the idioms compounds.txt leaves whole


def article_texts() -> dict[str, str]:
    """Every article text of the tests, by name: the outlets' pages in both scripts, the saved web pages, the report
    and corpus tests' articles, and the files in data/raw/ as saved and as loaded."""
    texts = {}
    for name, builder in PAGES.items():
        for script in ("traditional", "simplified"):
            texts[f"{name} ({script})"] = "\n".join(in_script(*builder(), script)[0])
    for name, builder in HTML_PAGES.items():
        expected = builder()[1]
        captions = [caption for caption, *_ in expected["captions"]]
        texts[f"{name} web page"] = "\n".join([expected["title"], *expected["paragraphs"], *captions])
    for name in ("LIBRARY", "HOSTILE", "SHORT"):
        article = getattr(report_articles, name)
        texts[name.lower()] = "\n".join([article["title"], *article["paragraphs"], *article["captions"]])
    texts["xinan"] = "\n".join([XINAN["title"], *XINAN["paragraphs"], *XINAN["captions"]])
    for article in ARTICLES:
        title, body = paragraphs(article)
        texts[article.name] = "\n".join([title, *body])
    for path in sorted(config.RAW.glob("*.txt")):
        texts[f"{path.name} as saved"] = path.read_text(encoding="utf-8")
        texts[f"{path.name} as loaded"] = load_article(path).text
    return texts


TEXTS = article_texts()


@pytest.fixture(scope="module", params=[True, False], ids=["user dictionary", "no user dictionary"])
def engines(request):
    """jieba 0.42.1 itself (tokenizer and tagger, built as its README says) and the study's segmenter for HMM off,
    both with the words of the user dictionary or both without; and whether they have them."""
    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    for word, freq, tag in user_words() if request.param else []:
        tokenizer.add_word(word, freq, tag)
    return tokenizer, jieba.posseg.POSTokenizer(tokenizer), segmenter(request.param, hmm=False), request.param


def tagged(pairs) -> list[tuple[str, str]]:
    """(word, tag) of each pair a part-of-speech tagger yields."""
    return [(p.word, p.flag) for p in pairs]


def test_the_study_segments_with_the_compiled_segmenter_only_with_hmm_off():
    assert segmenting.HMM is False
    assert isinstance(segmenter().tokenizer, jieba_fast_dat.Tokenizer)
    assert isinstance(segmenter(hmm=True).tokenizer, jieba.Tokenizer)


def test_there_are_texts_of_every_kind():
    assert len(TEXTS) >= 30 and sum(map(len, TEXTS.values())) > 5000


@pytest.mark.parametrize("name", sorted(TEXTS))
def test_same_tokens_and_tags_as_jieba_with_hmm_off(engines, name):
    tokenizer, tagger, ours, _ = engines
    # through the bridge (Simplified) and as written (bridge=False)
    for text in dict.fromkeys((to_simplified(TEXTS[name]), TEXTS[name])):
        assert list(ours.tokenizer.cut(text, HMM=False)) == list(tokenizer.cut(text, HMM=False))
        assert tagged(ours.tagger.cut(text, HMM=False)) == tagged(tagger.cut(text, HMM=False))


def test_same_dictionary_frequencies_and_total_as_jieba(engines):
    tokenizer, _, ours, user_dictionary = engines
    words = {w for text in TEXTS.values() for w in tokenizer.cut(to_simplified(text), HMM=False)}
    words |= {word for word, _, _ in user_words()} | {"学", "学习强", "B超", "xyz"}
    assert all(dictionary_frequency(w, user_dictionary) == (tokenizer.FREQ.get(w) or 0) for w in words)
    # the total enters the score of every word: fast-dat's own count of it differs (B超 is listed twice)
    assert ours.tokenizer.total == tokenizer.total


def test_the_reference_is_jiebas_dictionary_word_for_word():
    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    assert reference_total() == tokenizer.total == 60101967
    with DICTIONARY.open(encoding="utf-8") as lines:
        listed = {line.split(" ")[0] for line in lines}
    assert all(dictionary_frequency(w, user_dictionary=False) == tokenizer.FREQ[w] for w in listed)
    assert reference_frequency("學習") == tokenizer.FREQ["学习"] and reference_frequency("學習強國") == 0


def test_a_listed_word_added_without_a_tag_keeps_jiebas_tag(tmp_path, monkeypatch):
    monkeypatch.setattr(segmenting, "USER_DICTIONARY", tmp_path / "userdict.txt")
    segmenting.USER_DICTIONARY.write_text("学习 5000\n西乡示范\n", encoding="utf-8")
    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    tokenizer.add_word("学习", 5000)  # as jieba adds the two lines: no tag
    tokenizer.add_word("西乡示范")
    ours = compiled_segmenter()
    for word, freq, tag in user_words():
        ours.tokenizer.add_word(word, freq, tag)
    text = "西乡示范学习强国，学习"
    expected = tagged(jieba.posseg.POSTokenizer(tokenizer).cut(text, HMM=False))
    assert ("学习", "v") in expected and ("西乡示范", "x") in expected
    assert tagged(ours.tagger.cut(text, HMM=False)) == expected


def test_processes_starting_on_a_cold_cache_compile_the_dictionary_once(tmp_path, monkeypatch):
    monkeypatch.setattr(config, "CACHE", tmp_path)
    compiled, initialize = [], jieba_fast_dat.Tokenizer.initialize

    def counted(tokenizer, *args, **kwargs):
        compiled.extend([1] if kwargs.get("force_rebuild") else [])
        return initialize(tokenizer, *args, **kwargs)

    monkeypatch.setattr(jieba_fast_dat.Tokenizer, "initialize", counted)
    with ThreadPoolExecutor(3) as pool:  # three openers of the lock, as three processes would be
        paths = set(pool.map(lambda _: segmenting.compiled_dictionary(), range(3)))
    assert len(compiled) == 1 and len(paths) == 1 and paths.pop().stat().st_size > 1_000_000
    assert not list(tmp_path.glob("*.part")), "no half-written file is left"


def test_the_compounds_cut_in_two_are_the_rules_applied_to_jiebas_dictionary():
    # the two rules data/lexicon/compounds.txt states, applied again to jieba's dictionary
    with DICTIONARY.open(encoding="utf-8") as lines:
        entries = [line.split() for line in lines]
    counts = {word: int(freq) for word, freq, _ in entries}
    idioms = set(read_word_list(IDIOMS))
    expected = sorted({
        word for word, _, tag in entries
        if (len(word) == 4 and tag not in {"nr", "ns", "nt", "nz"} and word not in idioms
            and min(counts.get(word[:2], 0), counts.get(word[2:], 0)) >= 100
            and word[2:] != "主义" and not (word[2:] in TITLES and word[3] == "长"))
        or (len(word) == 2 and word[0] in "这那此每各" and word[1] in "个种次项位天年月件家本条届批")})
    assert read_word_list(COMPOUNDS) == expected


@pytest.mark.parametrize(("text", "words"), [
    ("航空公司的信息技術", ["航空", "公司", "的", "信息", "技術"]),
    # halves whose counts multiply to less than jieba's total: listed with a count of 1, it stayed whole
    ("這些化學物質", ["這些", "化學", "物質"]),
    ("這個問題每天都有", ["這", "個", "問題", "每", "天", "都", "有"]),
    ("四面八方、中國共產黨", ["四面八方", "、", "中國共產黨"]),  # an idiom and a name stay whole
    ("解放思想、嚴重錯誤", ["解放", "思想", "、", "嚴重", "錯誤"]),  # phrases jieba tags as idioms do not
    ("社會主義、財政部長", ["社會主義", "、", "財政部長"]),        # an -ism and a head of office too
])
def test_compounds_are_cut_in_two_names_and_idioms_are_not(text, words):
    simplified = (to_simplified(text), [to_simplified(w) for w in words])
    for written, expected in ((text, words), simplified):
        assert [t.word for t in tokenize(written, pos=False)] == expected

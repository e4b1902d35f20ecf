"""Words of a text that jieba's dictionary does not hold, found in the text itself and joined in its
segmentation: numbers cut from their measure words (萬名 → 萬/名), people's names from a surname and the words
around them (記者陳茂波, 駱惠寧表示), and strings that recur in the text cut into fragments always the same way
(坪/山區 → 坪山區), found as the literature on Chinese new-word detection finds them: by cohesion (the fragment is
almost never seen without the rest of the string) and boundary freedom (the string is seen in varied contexts, not
inside one longer phrase); names the text puts in quotation marks (「維港/之/聲」 → 維港之聲); then the offices and
the runs of single characters jieba leaves of a word it lacks (統計/處 → 統計處, 黃/笑/珊 → 黃笑珊).

Everything here works on jieba's pieces of the bridged (Simplified) text, so a name is found alike in either script.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from functools import cache
from itertools import pairwise, takewhile

from analysis import config
from analysis.reading.characters import INNER_QUOTES, QUOTES, is_han_text
from analysis.reading.script import to_simplified
from analysis.wordlists import read_word_list
from analysis.words.stopwords import DATE, is_stop_word
from analysis.words.stopwords import NUMERALS as CHINESE_NUMERALS

SURNAMES = config.LEXICON / "surnames.txt"
# numerals and the measure words a count is cut from (萬名 → 萬/名, 三個 → 三/個, 兩萬人 → 兩萬/人: counts, not
# words); time units and measure words that often end a word of their own (百年, 多元, 一家, 一本正經, 一起, 一定,
# 一點) are left whole
NUMERALS = f"0-9{CHINESE_NUMERALS}数半多"
MEASURES = frozenset("个名位次种条项件场岁届批份篇张座辆架艘间层户人片支棵声处句款步幅部轮封首套只栋")
# a count and the approximation that may follow it before the measure word (万余名 → 万余/名, 十来个 → 十来/个), or
# an ordinal (第一个 → 第一/个, as the SIGHAN standards cut it)
COUNT = re.compile(f"第?[{NUMERALS}]+[余来]?")
# a count of years, days or weeks is a count too (一年, 两天, 三十年, 几千年, 第一天); 百年, 千年, 多年, 半天 are
# words, and a year is a date (一九九八年: join_dates)
TIME_COUNT = re.compile(f"第?[{NUMERALS}]*[一二三四五六七八九十两几][{NUMERALS}]*[年天周]")
NUMERAL_STARTS = frozenset(f"0123456789{CHINESE_NUMERALS}数半多")
# the points a number is written with (3.5, 卅八．八, 一‧五, 14·9): ． reaches jieba as .
POINTS = ".‧·"
NUMBER_STARTS = frozenset(f"0123456789%{POINTS}")
NUMBER_CHARACTERS = NUMERAL_STARTS | NUMBER_STARTS
COUNT_STARTS = NUMBER_CHARACTERS | {"第"}  # a number's first character, or an ordinal's
# a number in Chinese numerals, its point and percent sign (八十七%, 三.六%, 卅八.八), and the start of one, which
# jieba cuts a numeral or a sign a piece (卅|八, 二百四十|八, 一|三|一); kept whole as a number in digits is
FIGURE = re.compile(f"第?(?:[{CHINESE_NUMERALS}]+(?:[{POINTS}][{CHINESE_NUMERALS}]*)?%?|\\d+)")
# magnitudes jieba cuts from the number they belong to, alone or joined to the unit after them (500|万, 3.5|亿,
# 55.6|亿元 → 55.6亿|元, 67|万吨 → 67万|吨); the SIGHAN standards keep the number whole and the unit apart
MAGNITUDE = re.compile("万亿|万|亿")
# the units of a date or time jieba leaves after its number (2021|年, 7|月, 二|〇|二|一|年, 9|时, 30|分: minutes
# only after an hour), and 日电 as a dateline ends (新华社北京7月28|日电 → 28日|电)
DATE_UNITS = frozenset("年月日时分")
DATELINE = "日电"
COUNT_PARTS = NUMERAL_STARTS | MEASURES | frozenset("余来人年月日")
# a number as the bridge writes it (fullwidth digits made ASCII), and the pieces jieba cuts it into (1/./5, 85/%)
NUMBER = re.compile(rf"\d+(?:[{POINTS}]\d*)?%?")
# words that introduce a person's name (记者陈茂波) and that follow one (陈茂波表示), in Simplified script
TITLES = frozenset([
    "记者", "通讯员", "主任", "副主任", "书记", "副书记", "局长", "司长", "处长", "科长", "部长", "主席", "副主席",
    "委员", "会长", "理事长", "行政长官", "市长", "区长", "镇长", "村长", "县长", "省长", "总理", "校长", "院长",
    "所长", "经理", "总经理", "董事长", "主管", "议员", "教授", "博士", "医生", "律师", "老师", "法官", "警员",
    "编辑", "责编", "摄影", "作者", "署长", "特首", "厂长", "站长", "队长", "组长", "社长", "总裁", "秘书长",
    "发言人", "代表", "专家", "负责人", "居民", "市民", "村民", "游客", "学生", "志愿者", "义工", "网友", "选手",
    "运动员", "教练", "演员", "导演", "歌手", "作家", "画家",
])
SPEECH = frozenset([
    "表示", "说", "指出", "认为", "介绍", "称", "强调", "透露", "坦言", "告诉", "说道", "回忆", "提到", "提出",
    "解释", "直言", "补充", "感叹", "建议", "呼吁", "笑", "先生", "女士", "小姐", "同学", "同志", "等", "和", "与",
    "及", "在", "是", "的", "也", "都", "还", "曾", "已", "则", "就", "又", "亦", "向", "对", "把", "将", "被",
    "带领", "主持", "出席", "会见", "致辞", "发言", "讲话", "报道", "摄",
])
CONTEXT = TITLES | SPEECH
# characters that are grammar, not content: never at the edge of a name or a discovered word (Simplified script)
FUNCTION = frozenset("的了是在和与及或也都就而被把将对从向于以为着过地得之其"
                     "这那此各每该我你他她它们有不没很又还更最已再所让给跟同由并且使到往自经")
# discovery: a string recurs this often, each fragment is seen inside it at least this share of its occurrences, and
# its neighbours on either side are this varied (entropy in bits; a line or clause edge counts as a new neighbour)
MIN_COUNT = 3
COHESION = 0.75
FREEDOM = 0.9
LONGEST = 4  # pieces in a discovered string
# characters that stand alone far more often than they begin or end an unlisted word, left out of a run of lone
# characters joined as one (modal verbs and adverbs, localisers, directions, speech, pronouns, 达 and 至 after a
# figure, 党; Simplified script): 書|中, 才|會, 但|卻 are two words, 左|詩|雅 and 證|期|會 one
ALONE = FUNCTION | frozenset("才会要可能应需须但却只仍较越均约既则若虽如即便亦未曾正每各全"
                             "中上下前后里内外间来去起出进回说称问等你您妳达至超逾近党")
# one-character names of a government office, joined to the word before them when jieba leaves them alone (统计|处,
# 通讯|局, 保安|司); 会, 所, 院 and 部 are left out: they are as often a verb, a particle or a measure word
OFFICES = frozenset("局署处司厅")
# the marks a name may be quoted in: quotation marks and a title's 《》
OPENING_QUOTES = frozenset(opening for opening, _ in (*QUOTES, *INNER_QUOTES, "《》"))
CLOSING_QUOTES = frozenset(closing for _, closing in (*QUOTES, *INNER_QUOTES, "《》"))
# the brackets a short form is given in after its name, and the words that may open it (以下简称 reaches jieba as
# 以下|简称)
OPENING_BRACKETS, CLOSING_BRACKETS = frozenset("（("), frozenset("）)")
SHORT_FORM_MARKERS = frozenset(["简称", "下称"])
# punctuation written with a character repeated: the dash ——, the ellipsis …… (also ．．． and ..., which reach
# jieba as ...), and their ASCII and box-drawing forms
REPEATED_MARKS = frozenset("—…-－─.")
PLACE_ENDS = frozenset("区镇村乡县市省州街道路邨苑园湾岛山河湖港")
PLACE_SUFFIXES = frozenset(["区", "镇", "村", "乡", "县", "街道", "社区", "邨", "苑", "屯", "围"])
PLACE_SUFFIX_ENDS = frozenset("区镇村乡县市省道邨")
# qualities that describe a place rather than name it (老|旧|社区 is an old community)
QUALITIES = frozenset("老旧新大小好美")
ORGANISATION_ENDS = frozenset("办委会局部厅署院校所队团社司行处科中心组")


@cache
def surnames() -> frozenset[str]:
    """The surnames of data/lexicon/surnames.txt, in Simplified script."""
    return frozenset(to_simplified(name) for name in read_word_list(SURNAMES))


@cache
def function_word(piece: str) -> bool:
    """True for a function character (的, 是, 和 …) or a stop word of two or more characters (我們, 表示), which never
    start or end a name or a discovered word. Single characters are judged by FUNCTION alone: the stop-word lists
    also hold 中, 大, 上, which start names (中聯辦)."""
    if len(piece) == 1:
        return piece in FUNCTION
    return is_stop_word(piece)


def split_counts(pieces: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The (piece, tag) pairs with each number cut from the measure word or unit jieba joined it to (三个 → 三/个,
    万名 → 万/名, 一年 → 一/年: TIME_COUNT; 第一个 → 第一/个; 55.6|亿元 → 55.6亿/元), tagged m and q as jieba tags
    numerals and measure words (no tag where the pieces had none), and each number jieba cut into pieces made whole
    (1.5, 85%, 500万, 卅八, 二百四十八, 第二十一: see continued)."""
    # most pieces start with no numeral: pick out those that do first, and copy the rest a stretch at a time
    marked = [i for i, (piece, _) in enumerate(pieces) if piece[0] in COUNT_STARTS]
    if not marked:
        return pieces
    out, done = [], 0
    for i in marked:
        out.extend(pieces[done:i])
        done = i + 1
        piece, tag = pieces[i]
        number, magnitude = COUNT.match(piece), MAGNITUDE.match(piece)
        if number and len(piece) > number.end() and (piece[number.end():] in MEASURES or TIME_COUNT.fullmatch(piece)):
            head, rest = piece[: number.end()], piece[number.end():]
        elif magnitude and out and continued(out[-1][0], magnitude[0]):
            head, rest = magnitude[0], piece[magnitude.end():]
        else:
            head, rest = piece, ""
        if out and continued(out[-1][0], head):
            out[-1] = (out[-1][0] + head, tag and "m")
        else:
            out.append((head, tag and "m") if rest else pieces[i])
        if rest:
            out.append((rest, tag and "q"))
    out.extend(pieces[done:])
    return out


def continued(number: str, piece: str) -> bool:
    """True when `piece` continues the number jieba cut before it: a number in digits at its point or percent sign
    (1|.|5, 85|%), one in Chinese numerals (卅|八, 二百四十|八, 三.|六|%, 第二|十一) and a magnitude after either
    (500|万, 3.5|亿)."""
    if MAGNITUDE.fullmatch(piece):
        return bool(COUNT.fullmatch(number) or NUMBER.fullmatch(number))
    if number[-1] in NUMBER_STARTS and piece[0] in NUMBER_STARTS:
        return bool(NUMBER.fullmatch(number + piece))
    return bool(FIGURE.fullmatch(number + piece))


@cache
def han(piece: str) -> bool:
    """True for a piece of Han characters only (is_han_text, remembered: a text repeats its pieces)."""
    return is_han_text(piece)


@cache
def fragment(piece: str) -> bool:
    """True for a one-character Han piece that is not a function word nor part of a count (numerals, 余, 来,
    measure words, 人): what jieba leaves of a word it lacks."""
    return len(piece) == 1 and han(piece) and not function_word(piece) and piece not in COUNT_PARTS


@cache
def name_part(piece: str) -> bool:
    """True for a piece that can be part of a name: one or two Han characters, not grammar nor a context word."""
    return len(piece) <= 2 and han(piece) and not function_word(piece) and piece not in CONTEXT


def titled(piece: str) -> bool:
    """True for a title that introduces a name, alone or ending a longer word (本报记者, 新华社记者, 人大代表)."""
    return piece in TITLES or (len(piece) > 2 and any(piece.endswith(title) for title in TITLES if len(title) > 1))


def neighbour(pieces: list[str], i: int, step: int) -> str:
    """The piece next to pieces[i] in the direction of step, spaces skipped (通讯员 田晓辉 本报记者); '' at an end."""
    i += step
    while 0 <= i < len(pieces) and pieces[i].isspace():
        i += step
    return pieces[i] if 0 <= i < len(pieces) else ""


def short_name(run: list[str]) -> bool:
    """True for pieces that spell a name jieba left short: two or three characters, one piece a single character."""
    return 2 <= sum(map(len, run)) <= 3 and any(len(p) == 1 for p in run) and all(name_part(p) for p in run)


def names(pieces: list[str]) -> set[str]:
    """People's names: two or three characters starting with a surname, made of pieces jieba left short (one of
    them a single character), introduced by a title (记者, 主任) or followed by one or by a word of speech or address
    (表示, 说, 先生): 记者|陈|茂|波 and 骆惠|宁|表示 give 陈茂波 and 骆惠宁; the longest such name at each surname;
    and the names of a list (see listed_names)."""
    found, family = listed_names(pieces), surnames()
    for i in [i for i, piece in enumerate(pieces) if piece[0] in family]:
        if not name_part(pieces[i]):
            continue
        before = neighbour(pieces, i, -1)
        if before and before[-1] in NUMBER_CHARACTERS:  # 600|余|人: a count, not 余人
            continue
        candidates = []
        for n in (1, 2, 3):
            run = pieces[i : i + n]
            if len(run) < n or not name_part(run[-1]):
                break
            after = neighbour(pieces, i + n - 1, 1)
            if short_name(run) and (titled(before) or after in CONTEXT):
                candidates.append((len("".join(run)), "".join(run)))
        if candidates:
            found.add(max(candidates)[1])
    return found


def listed_names(pieces: list[str]) -> set[str]:
    """The names of a list of people separated by 、 (鞠|洪|梅|、|刘|志成|、|王东升): each item between two marks
    that jieba left short and that starts with a surname, in a list of at least three items most of which start
    with one."""
    if pieces.count("、") < 2:  # a list of three items or more has two marks
        return set()
    family, found = surnames(), set()
    items, item = [], []
    for piece in [*pieces, "。"]:
        if han(piece):
            item.append(piece)
            continue
        items.append(item)
        item = []
        if piece != "、":
            if len(items) >= 3 and sum(bool(i) and i[0][0] in family for i in items) * 2 > len(items):
                found |= {"".join(i) for i in items if i and i[0][0] in family and short_name(i)}
            items = []
    return found


def places(pieces: list[str]) -> set[str]:
    """Places: one to three pieces jieba left short (one of them a single character, two to four characters in
    all, none of them ending in an administrative unit, not all of them qualities) followed by an administrative
    suffix standing alone (区, 镇, 村, 街道, 社区 …): 深水|埗|区 gives 深水埗区, 山区|碧|岭|街道 gives 碧岭街道,
    杨|家园|社区 gives 杨家园社区; 老|旧|社区 is an old community."""
    found = set()
    for k in [k for k, piece in enumerate(pieces) if piece in PLACE_SUFFIXES and k]:
        for n in (3, 2, 1):
            run = pieces[max(0, k - n) : k]
            if (len(run) == n and 2 <= sum(map(len, run)) <= 4 and any(fragment(p) for p in run)
                    and all(name_part(p) and p not in COUNT_PARTS and p[-1] not in PLACE_SUFFIX_ENDS for p in run)
                    and not all(p in QUALITIES for p in run)):
                found.add("".join(run) + pieces[k])
                break
    return found


def entropy(counts: Counter) -> float:
    """Shannon entropy of a distribution of counts, in bits."""
    total = sum(counts.values())
    return -sum(n / total * math.log2(n / total) for n in counts.values())


def recurring(pieces: list[str]) -> set[str]:
    """Strings jieba cuts into pieces, one of them at least a lone fragment, that recur with cohesion and free
    boundaries (see the module's docstring)."""
    if len(pieces) < 2 * MIN_COUNT:  # a string of two pieces or more, MIN_COUNT times: a clause is too short
        return set()
    seen = Counter(pieces)

    def cohesive(pair: tuple[str, str], n: int) -> bool:
        # a place that ends a piece (宝安区) ends a word: 宝安区|福|永|街道 is two places, not one
        return ((fragment(pair[0]) or fragment(pair[1])) and all(han(p) and not function_word(p) for p in pair)
                and not (len(pair[0]) > 1 and pair[0][-1] in PLACE_SUFFIX_ENDS)
                and all(n / seen[p] >= COHESION for p in pair if fragment(p)))

    # every two neighbouring pieces of a string found recur as often as it, and hold a fragment that is as cohesive
    # (a string of whole words, 文化/輕騎兵, is left to the user dictionary): look only at those, around fragments
    # that recur
    frequent = {p for p, n in seen.items() if n >= MIN_COUNT and fragment(p)}
    if not frequent:
        return set()
    around = sorted({j for i, p in enumerate(pieces) if p in frequent for j in (i - 1, i) if 0 <= j < len(pieces) - 1})
    pairs = Counter((pieces[j], pieces[j + 1]) for j in around)
    good = {pair for pair, n in pairs.items() if n >= MIN_COUNT and cohesive(pair, n)}
    if not good:
        return set()
    runs, left, right = Counter(), defaultdict(Counter), defaultdict(Counter)
    for i in [i for i, pair in enumerate(pairwise(pieces)) if pair in good]:
        for n in range(2, LONGEST + 1):
            if i + n > len(pieces) or (pieces[i + n - 2], pieces[i + n - 1]) not in good:
                break
            run = tuple(pieces[i : i + n])
            runs[run] += 1
            before, after = pieces[i - 1] if i else "", pieces[i + n] if i + n < len(pieces) else ""
            # an edge (punctuation, a line's end) is a new context every time
            left[run][before if before and han(before) else object()] += 1
            right[run][after if after and han(after) else object()] += 1
    found = {}
    for run, n in runs.items():
        if n >= MIN_COUNT and all(n / seen[p] >= COHESION for p in run if fragment(p)) and min(
                entropy(left[run]), entropy(right[run])) >= FREEDOM:
            found["".join(run)] = n
    # a string inside a longer one found as often is the same word cut short
    return {w for w, n in found.items() if not any(w != o and w in o and m >= n for o, m in found.items())}


def enclosed(pieces: list[str], i: int, closing: frozenset[str], most: int) -> list[str]:
    """The pieces of Han characters between the mark at pieces[i] and a closing mark of `closing` right after them,
    at most `most` of them; none where no such mark closes them."""
    inner = list(takewhile(han, pieces[i + 1 : i + 2 + most]))
    end = i + 1 + len(inner)
    return inner if len(inner) <= most and end < len(pieces) and pieces[end] in closing else []


def quoted(pieces: list[str]) -> set[str]:
    """Names the text puts in quotation marks: two to four pieces of Han characters, three to six characters in all,
    one of them a single character, between an opening and a closing mark (「維港|之|聲」, “青|骑士”): a campaign, a
    team, an app. A phrase of whole words (“党员|家庭”) is left as cut, as the SIGHAN standards cut it."""
    found = set()
    for i in [i for i, piece in enumerate(pieces) if piece in OPENING_QUOTES]:
        inner = enclosed(pieces, i, CLOSING_QUOTES, LONGEST)
        if len(inner) >= 2 and 3 <= sum(map(len, inner)) <= 6 and any(len(p) == 1 for p in inner):
            found.add("".join(inner))
    return found


def abbreviations(pieces: list[str]) -> set[str]:
    """Short forms the text gives in brackets after the name they stand for: two to five Han characters that jieba
    cut (one piece a single character), each taken, in order, from the run of Han characters just before the bracket
    (選舉管理委員會（選管|會） gives 選管會, 香港中聯辦 … （中|聯辦） gives 中聯辦); a 簡稱 or 下稱 may open them."""
    found = set()
    for i in [i for i, piece in enumerate(pieces) if piece in OPENING_BRACKETS and i]:
        inner = enclosed(pieces, i, CLOSING_BRACKETS, LONGEST + 1)  # with the 簡稱 that may open them
        if inner and inner[0] in SHORT_FORM_MARKERS:
            inner = inner[1:]
        if 2 <= len(inner) <= LONGEST and sum(map(len, inner)) <= 5 and any(len(p) == 1 for p in inner):
            name = "".join(takewhile(han, reversed(pieces[max(0, i - 12) : i])))[::-1]
            taken = iter(name)
            if all(character in taken for character in "".join(inner)):  # in order: `in` consumes the iterator
                found.add("".join(inner))
    return found


def kind(word: str, is_name: bool) -> str:
    """jieba's tag for a joined word: nr for a person, ns for a place, nt for an organisation, nz otherwise."""
    if is_name:
        return "nr"
    if word[-1] in PLACE_ENDS:
        return "ns"
    return "nt" if word[-1] in ORGANISATION_ENDS else "nz"


def join(pieces: list[tuple[str, str]], found: dict[str, str]) -> list[tuple[str, str]]:
    """The (piece, tag) pairs with every run of two to LONGEST pieces that spells a found word joined, longest
    first, tagged as found (no tag where the pieces had none)."""
    prefixes = {word[:k] for word in found for k in range(1, len(word))}
    joined, done, count = [], 0, len(pieces)
    # a found word starts with a piece that is one of its prefixes: look only there
    for i in [i for i, (piece, _) in enumerate(pieces) if piece in prefixes]:
        if i < done:
            continue
        text, end, j = pieces[i][0], 0, i + 1
        while text in prefixes and j < count and j - i < LONGEST:
            text += pieces[j][0]
            j += 1
            if text in found:
                end = j
        if end:
            word = "".join(piece for piece, _ in pieces[i:end])
            joined.append((i, end, (word, pieces[i][1] and found[word])))
            done = end
    return spliced(pieces, joined)


def spliced(pieces: list[tuple[str, str]], joined: list[tuple[int, int, tuple[str, str]]]) -> list[tuple[str, str]]:
    """The (piece, tag) pairs with each pieces[start:end] of `joined` (in order, not overlapping) replaced by the
    pairs after it; the pieces between are copied a stretch at a time."""
    out, done = [], 0
    for start, end, *pairs in joined:
        out.extend(pieces[done:start])
        out.extend(pairs)
        done = end
    out.extend(pieces[done:])
    return out


@cache
def lone(piece: str) -> bool:
    """True for a fragment (see fragment) that is not one of the characters that mostly stand alone (ALONE)."""
    return fragment(piece) and piece not in ALONE


def join_runs(pieces: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The (piece, tag) pairs with each run of two or three lone characters (see lone) joined, tagged as its
    characters all are (老|舊 adjectives: 老舊 an adjective) or else as kind() tags it, and each run of one repeated
    dash or ellipsis joined (——, ……, ．．．, --: one punctuation mark, cut a character a piece). The lone characters are
    what jieba leaves of a word it lacks (左|詩|雅, 證|期|會, 健|保, 遮|打), joined as its new-word guessing (HMM)
    would join them, but at no cost; runs of four or more are most often several words. The word after a run stays
    apart (老舊|社區 is an old community), even where it ends a place (遮打|花園)."""
    # single characters are a fraction of the pieces: find the runs among those first
    single = [i for i, (piece, _) in enumerate(pieces) if len(piece) == 1 and (lone(piece) or piece in REPEATED_MARKS)]
    runs, start = [], 0
    for k, i in enumerate(single):
        if k + 1 == len(single) or single[k + 1] != i + 1 or lone(pieces[i][0]) != lone(pieces[i + 1][0]):
            runs.append((single[start], i + 1))
            start = k + 1
    joined = []
    for i, j in runs:
        if lone(pieces[i][0]):
            if 2 <= j - i <= 3:
                word, tags = "".join(piece for piece, _ in pieces[i:j]), {tag for _, tag in pieces[i:j]}
                joined.append((i, j, (word, tags.pop() if len(tags) == 1 else kind(word, False))))
        elif len({piece for piece, _ in pieces[i:j]}) == 1 and j - i > 1:
            joined.append((i, j, (pieces[i][0] * (j - i), pieces[i][1])))
    return spliced(pieces, joined)


def join_offices(pieces: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The (piece, tag) pairs with each office character jieba left alone (OFFICES) joined to the two-character word
    before it, tagged nt where the pieces were tagged: 統計|處 → 統計處, 通訊|局 → 通訊局."""
    joined = []
    for i in [i for i, (piece, _) in enumerate(pieces) if piece in OFFICES and i]:
        before = pieces[i - 1][0]
        if (not joined or joined[-1][1] < i) and len(before) == 2 and han(before) and not function_word(before):
            joined.append((i - 1, i + 1, (before + pieces[i][0], pieces[i][1] and "nt")))
    return spliced(pieces, joined)


def new_words(pieces: list[str]) -> dict[str, str]:
    """The words found in a text's pieces, each with its tag: names, places, quoted names and short forms first, then
    recurring strings."""
    people = names(pieces)
    return {w: kind(w, w in people)
            for w in (*people, *places(pieces), *quoted(pieces), *abbreviations(pieces), *recurring(pieces))}


def join_dates(pieces: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The (piece, tag) pairs with each date jieba cut from its number joined, tagged m as jieba tags the dates it
    lists (一九九八年): 2021|年 → 2021年, 二|〇|二|一|年 → 二〇二一年, 9|时|30|分 → 9时|30分, 28|日电 → 28日|电
    (see stopwords.DATE)."""
    joined, done = [], 0
    for i in [i for i, (piece, _) in enumerate(pieces) if i and (piece in DATE_UNITS or piece == DATELINE)]:
        unit, tag = pieces[i][0][0], pieces[i][1]
        if unit == "分" and not (i > 1 and pieces[i - 2][0].endswith("时")):  # minutes after an hour, not points
            continue
        # the longest run of numeral pieces before the unit (at most four: a year in single digits) that makes a date
        for k in range(min(4, i - done), 0, -1):
            number = "".join(piece for piece, _ in pieces[i - k : i])
            if DATE.fullmatch(number + unit):
                date = (number + unit, tag and "m")
                joined.append((i - k, i + 1, date, (DATELINE[1:], tag and "n")) if pieces[i][0] == DATELINE
                              else (i - k, i + 1, date))
                done = i + 1
                break
    return spliced(pieces, joined)


def segment(pieces: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """jieba's (piece, tag) pairs of a text with numbers cut from measure words, dates joined (see join_dates), the
    text's new words joined, offices joined to their names (see join_offices), and the runs of lone characters and
    repeated marks left (see join_runs)."""
    pieces = join_dates(split_counts(pieces))
    found = new_words([piece for piece, _ in pieces])
    return join_runs(join_offices(join(pieces, found) if found else pieces))

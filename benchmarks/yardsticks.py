"""The numbers layer scored on the field's own test suites, read at run time from checkouts of their repositories:
cn2an's numeral strings (cn2an/cn2an_test.py) and sentences (cn2an/transform_test.py), and the calendar cases of
JioNLP's time parser (test/test_time_parser.py). Every case goes through the public path: a page is written,
load_article reads it and extract_statistics finds its numbers and dates.

    python benchmarks/yardsticks.py --cn2an CN2AN_CHECKOUT --jionlp JIONLP_CHECKOUT [--show-misses]

A checkout may be a work tree or a bare git directory (files are then read with `git show HEAD:path`). With
--jionlp-itself, JioNLP's own parse_time (if installed) is scored on the same calendar cases.

Scoring. cn2an strings: the string printed as a count (共有…人) or, for money, an amount (金额为…), read right when
one row has the suite's value. cn2an sentences: each Arabic number of the suite's Arabic side (1/2 as 0.5) is found
when a number row has that value or a date row's ISO date has it as its year, month or day. JioNLP: the cases a
news article prints as a calendar date (no clock times, weeks, lunar dates, festivals, seasons, repetitions or
durations counted from the time base such as 3年后, with a deterministic time base and day-aligned bounds),
right when a date row's ISO date covers the same days as the suite's interval — inside it, open at the same ends,
for the suite's `blur` cases (年底 is Nov-Dec there, December here); the suite's
"now" bound (起, 以来, 至今 end at the time base; 以前 starts at it) is the open end `..` of an ISO interval.
"""

from __future__ import annotations

import argparse
import ast
import calendar
import contextlib
import dataclasses
import io
import re
import subprocess
import sys
import tempfile
from collections import defaultdict
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from analysis import extract_statistics, load_article

CN2AN_STRINGS = "cn2an/cn2an_test.py"
CN2AN_SENTENCES = "cn2an/transform_test.py"
JIONLP_TIMES = "test/test_time_parser.py"
# the suite's time stamps are Beijing time (its comments: 1623604000 is 2021-06-14 01:06:40)
BEIJING = timezone(timedelta(hours=8))
NOT_CALENDAR = re.compile(
    r"[点:：]|[时分秒钟刻]|早|晚|午|夜|凌晨|黎明|白天|现在|今晚|周|星期|礼拜|农历|阴历|正月|腊月|闰|廿|节|除夕|元宵|"
    r"国庆|元旦|七夕|大年|冬至|大寒|小寒|芒种|[春夏秋冬]|暑假|寒假|每|^十一$|[月]初[一二三四五六七八九十]|"
    r"[一二三四五六七八九十]月十五|Q\d")
# a duration counted from the time base (3年后, 两个半月以前, 近三个月, 未来2个月, 第三天起): arithmetic on the
# publication date, not a date the article prints
OFFSET = re.compile(
    r"(?:\d|[一二两三四五六七八九十百千几半俩仨多])个?多?(?:年|月|天|日|季度|交易日|工作日)半?多?(?:之|以)?(?:后|前|内|来)$"
    r"|^(?:未来|今后|过|近|前两|第)|全天")
FULL_YEAR = re.compile(r"(?:\d{4}|[〇零一二三四五六七八九]{4})年")
ARABIC = re.compile(r"-?\d+(?:\.\d+)?(?:/\d+)?")


def read_suite(checkout: Path, path: str) -> str:
    """A file of a checkout: from its work tree, else from its git directory's HEAD."""
    if (checkout / path).is_file():
        return (checkout / path).read_text(encoding="utf-8")
    return subprocess.run(["git", "-C", str(checkout), "show", f"HEAD:{path}"], check=True, capture_output=True,
                          text=True).stdout


def assigned_dicts(source: str) -> dict[str, dict]:
    """The dict literals assigned to self.<name> in a test module, by name."""
    found = {}
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Dict):
            target = node.targets[0]
            if isinstance(target, ast.Attribute):
                found[target.attr] = ast.literal_eval(node.value)
    return found


def page(folder: Path, paragraphs: list[str], published: date | None) -> list:
    """extract_statistics of a page of paragraphs, published on `published`, as one row list per paragraph."""
    path = folder / "page.txt"
    lines = ["標題", "", "2022-03-15 09:30", "來源:香港商報網", "", *(f" {p}" for p in paragraphs), ""]
    path.write_text("\n".join(lines), encoding="utf-8")
    article = dataclasses.replace(load_article(path), published=published)
    table = extract_statistics(article)
    if len(article.paragraphs) != len(paragraphs):
        raise ValueError(f"{len(paragraphs)} paragraphs written, {len(article.paragraphs)} read")
    return [[r for r in table.itertuples() if p.start <= r.start < p.end] for p in article.paragraphs]


def cn2an_strings(checkout: Path) -> list[tuple[str, float]]:
    """cn2an's strict, normal and smart strings and their values (each string once)."""
    dicts = assigned_dicts(read_suite(checkout, CN2AN_STRINGS))
    cases = {}
    for name in ("strict_data_dict", "normal_data_dict", "smart_data_dict"):
        cases.update(dicts[name])
    return list(cases.items())


def written(numeral: str) -> str:
    """A numeral printed in a sentence: money as an amount, anything else as a count of people."""
    if re.search(r"[元圆角分整正]$", numeral):
        return f"合同金额为{numeral}。"
    return f"本次活动共有{numeral}人参加。"


def score_cn2an_strings(checkout: Path, folder: Path, show: bool) -> tuple[int, int]:
    """How many of cn2an's strings are read with their value."""
    cases = cn2an_strings(checkout)
    results = page(folder, [written(s) for s, _ in cases], date(2021, 6, 14))
    right = 0
    for (numeral, value), rows in zip(cases, results, strict=True):
        values = [r.value for r in rows if r.kind != "date"]
        if any(abs(v - value) <= 1e-9 * max(1, abs(value)) for v in values):
            right += 1
        elif show:
            print(f"  cn2an string {numeral!r}: expected {value}, read {values}")
    return right, len(cases)


def cn2an_sentences(checkout: Path) -> list[tuple[str, list[float]]]:
    """cn2an's Chinese sentences (strict pairs read back, smart cases) and the numbers of their Arabic side."""
    dicts = assigned_dicts(read_suite(checkout, CN2AN_SENTENCES))
    pairs = [(chinese, arabic) for arabic, chinese in dicts["strict_data_dict"].items()]
    pairs += list(dicts["smart_data_dict"].items())
    return [(chinese, [number(n) for n in ARABIC.findall(arabic)]) for chinese, arabic in pairs]


def number(text: str) -> float:
    """An Arabic number of the suite, a fraction as its value."""
    top, _, bottom = text.partition("/")
    return float(top) / float(bottom) if bottom else float(top)


def date_parts(iso: str) -> set[float]:
    """The years, months and days of an ISO date or interval."""
    return {float(p) for p in re.findall(r"\d+", iso)}


def score_cn2an_sentences(checkout: Path, folder: Path, show: bool) -> tuple[int, int]:
    """How many numbers of cn2an's sentences are found."""
    cases = cn2an_sentences(checkout)
    results = page(folder, [s if s.endswith(("。", "！")) else s + "。" for s, _ in cases], date(2021, 6, 14))
    right = total = 0
    for (sentence, numbers), rows in zip(cases, results, strict=True):
        values = [r.value for r in rows if r.kind != "date"]
        parts = set().union(*(date_parts(r.date) for r in rows if r.kind == "date"))
        for n in numbers:
            total += 1
            if any(abs(v - n) < 1e-9 for v in values) or n in parts:
                right += 1
            elif show:
                read = [(r.text, r.kind, r.value, r.date) for r in rows]
                print(f"  cn2an sentence {sentence!r}: {n} not found in {read}")
    return right, total


def time_base(node: ast.expr) -> datetime | None:
    """A case's time base as a Beijing-time datetime; None when it is not fixed (time.time())."""
    if isinstance(node, ast.Name):
        stamps = {"_ts_1": 1623604000, "_ts_2": 1630480532}
        return datetime.fromtimestamp(stamps[node.id], BEIJING).replace(tzinfo=None)
    if isinstance(node, ast.Call):
        name = ast.unparse(node.func)
        if name == "datetime.datetime":
            return datetime(*[ast.literal_eval(a) for a in node.args])
        return None
    value = ast.literal_eval(node)
    if isinstance(value, (int, float)):
        return datetime.fromtimestamp(value, BEIJING).replace(tzinfo=None)
    if isinstance(value, list):
        return datetime(*value, *([1] * (3 - len(value))))
    if isinstance(value, dict):
        return datetime(value["year"], value.get("month", 1), value.get("day", 1), value.get("hour", 0),
                        value.get("minute", 0))
    return None


def jionlp_cases(checkout: Path) -> list[tuple[str, datetime, str, str | None, str | None]]:
    """The suite's calendar cases: text, time base, definition and the interval's first and last day (None for
    the time base, an open end, or an infinite one)."""
    source = read_suite(checkout, JIONLP_TIMES)
    cases = []
    for node in ast.walk(ast.parse(source)):
        if not (isinstance(node, ast.Assign) and ast.unparse(node.targets[0]) == "time_string_list"):
            continue
        for item in node.value.elts:
            text, base_node, expected_node = item.elts[0], item.elts[1], item.elts[-1]
            text, expected = ast.literal_eval(text), ast.literal_eval(expected_node)
            base = time_base(base_node)
            if (base is None or expected["type"] not in ("time_point", "time_span")
                    or not isinstance(expected["time"], list) or NOT_CALENDAR.search(text)
                    or (OFFSET.search(text) and not FULL_YEAR.search(text))):
                continue
            bounds = []
            for at, edge in zip(expected["time"], ("00:00:00", "23:59:59"), strict=True):
                if at in ("inf", "-inf") or at == base.strftime("%Y-%m-%d %H:%M:%S"):
                    bounds.append(None)
                elif at.endswith(edge):
                    bounds.append(at[:10])
                else:
                    break
            else:
                cases.append((text, base, expected["definition"], *bounds))
    return cases


def days(iso: str) -> tuple[str | None, str | None] | None:
    """First and last day of an ISO date or interval (None for an open end); None when it is not a date."""
    if not iso:
        return None
    start, _, end = iso.partition("/")
    end = end or start
    first = None if start == ".." else (start + "-01-01")[:10] if len(start) == 4 else (start + "-01")[:10]
    if end == "..":
        return first, None
    if len(end) == 4:
        last = f"{end}-12-31"
    elif len(end) == 7:
        year, month = int(end[:4]), int(end[5:7])
        last = f"{end}-{calendar.monthrange(year, month)[1]:02d}"
    else:
        last = end
    return first, last


def covers(ours: tuple[str | None, str | None], definition: str, first: str | None, last: str | None) -> bool:
    """True when our days are the suite's (inside them, for its blur cases, open at the same ends)."""
    if definition != "blur" or (ours[0] is None) != (first is None) or (ours[1] is None) != (last is None):
        return ours == (first, last)
    return (first is None or first <= ours[0]) and (last is None or ours[1] <= last)


def score_jionlp(checkout: Path, folder: Path, show: bool) -> tuple[int, int]:
    """How many of JioNLP's calendar cases are read as the same days."""
    cases = jionlp_cases(checkout)
    by_base = defaultdict(list)
    for n, case in enumerate(cases):
        by_base[case[1]].append(n)
    right = 0
    for base, numbers in by_base.items():
        results = page(folder, [f"{cases[n][0]}，街道开展了活动。" for n in numbers], base)
        for n, rows in zip(numbers, results, strict=True):
            text, _, definition, first, last = cases[n]
            found = [days(r.date) for r in rows if r.kind == "date"]
            if any(d and covers(d, definition, first, last) for d in found):
                right += 1
            elif show:
                print(f"  JioNLP {text!r} (base {base:%Y-%m-%d}): expected {first}/{last}, read "
                      f"{[(r.text, r.kind, r.date) for r in rows]}")
    return right, len(cases)


def score_jionlp_itself(checkout: Path) -> tuple[int, int]:
    """JioNLP's parse_time on the same cases and the same scoring (its interval's days)."""
    with contextlib.redirect_stdout(io.StringIO()):
        import jionlp
    right, cases = 0, jionlp_cases(checkout)
    for text, base, definition, first, last in cases:
        try:
            parsed = jionlp.parse_time(text, time_base=[base.year, base.month, base.day, base.hour, base.minute])
        except Exception:
            continue
        stamp = base.strftime("%Y-%m-%d %H:%M:%S")
        bounds = tuple(None if t in ("inf", "-inf", stamp) else t[:10] for t in parsed["time"])
        right += covers(bounds, definition, first, last)
    return right, len(cases)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cn2an", type=Path, required=True, help="checkout of github.com/Ailln/cn2an")
    parser.add_argument("--jionlp", type=Path, required=True, help="checkout of github.com/dongrixinyu/JioNLP")
    parser.add_argument("--show-misses", action="store_true", help="print every case read wrong")
    parser.add_argument("--jionlp-itself", action="store_true", help="also score JioNLP's parse_time")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder, contextlib.redirect_stderr(io.StringIO()):
        scores = {
            "cn2an strings (cn2an_test.py)": score_cn2an_strings(args.cn2an, Path(folder), args.show_misses),
            "cn2an sentence numbers (transform_test.py)": score_cn2an_sentences(args.cn2an, Path(folder),
                                                                                args.show_misses),
            "JioNLP calendar cases (test_time_parser.py)": score_jionlp(args.jionlp, Path(folder), args.show_misses),
        }
        if args.jionlp_itself:
            scores["JioNLP's own parse_time on those cases"] = score_jionlp_itself(args.jionlp)
    for name, (right, total) in scores.items():
        print(f"{name}: {right} of {total}")


if __name__ == "__main__":
    main()

"""Relations between an article's numbers on pages of our own writing, in both scripts: parts and their total,
shares of a stated base, changes from a base period, and each figure's own period."""

import pytest
from articles import write_article

from analysis import audit, extract_statistics, load_article
from analysis.numbers.auditing import relations
from analysis.reading.script import to_simplified
from analysis.reports.findings import audit_finding, total_and_parts_finding
from analysis.reports.statistics_charts import total_and_parts


def page(tmp_path, paragraphs: list[str]):
    """The statistics and the audit of an article of these paragraphs."""
    statistics = extract_statistics(load_article(write_article(tmp_path / "a.txt", "標題", paragraphs)))
    return statistics, audit(statistics)


def both_scripts(paragraphs: list[str]) -> list[list[str]]:
    """The paragraphs as a Hong Kong page prints them, and as a mainland page does."""
    return [paragraphs, [to_simplified(p) for p in paragraphs]]


TRADE = ["今年上半年，全市外貿進出口總值528.6億元，同比增長12.4%。"
         "其中，出口301.2億元，增長15.1%；進口227.4億元，增長9.0%。"]
MEMBERS = ["截至去年底，全省共有註冊志願者1260.5萬名，比上年淨增86.3萬名，增加7.4%。"
           "其中女性志願者702.8萬名，佔55.8%；大專及以上學歷志願者488.1萬名，佔38.7%。"]


@pytest.mark.parametrize("paragraphs", both_scripts(TRADE))
def test_parts_after_qizhong_add_up_to_the_total_in_the_sentence_before(tmp_path, paragraphs):
    _, checks = page(tmp_path, paragraphs)
    sums = checks[checks["kind"] == "sum"]
    assert list(sums["status"]) == ["holds"]
    printed = "301.2億元 + 227.4億元" if paragraphs == TRADE else "301.2亿元 + 227.4亿元"
    assert sums.iloc[0]["values"].startswith(printed)


@pytest.mark.parametrize("paragraphs", both_scripts(TRADE))
def test_growth_rates_are_changes_from_their_base_period_not_shares(tmp_path, paragraphs):
    _, checks = page(tmp_path, paragraphs)
    assert "share" not in set(checks["kind"])
    changes = checks[checks["kind"] == "change"]
    assert len(changes) == 3
    assert "the same period a year before" in changes.iloc[0]["detail"]
    assert set(changes["status"]) == {"cannot tell"}


@pytest.mark.parametrize("paragraphs", both_scripts(MEMBERS))
def test_shares_are_checked_against_the_base_the_article_states(tmp_path, paragraphs):
    _, checks = page(tmp_path, paragraphs)
    shares = checks[checks["kind"] == "share"]
    assert list(shares["status"]) == ["holds", "holds"]
    assert "55.76 %" in shares.iloc[0]["detail"] and "38.72 %" in shares.iloc[1]["detail"]


@pytest.mark.parametrize("paragraphs", both_scripts(MEMBERS))
def test_a_change_is_checked_against_the_two_levels_the_sentence_gives(tmp_path, paragraphs):
    _, checks = page(tmp_path, paragraphs)
    changes = checks[checks["kind"] == "change"]
    assert list(changes["status"]) == ["holds"]  # 86.3 / (1260.5 − 86.3) = 7.35 %, printed 7.4%
    assert "7.35 %" in changes.iloc[0]["values"]


@pytest.mark.parametrize(("parts", "status"), [
    ("出口301.2億元，進口227.4億元", "holds"),
    ("出口301.2億元，進口237.4億元", "does not hold"),  # 10億 more than the total
    ("出口301.25億元，進口227.4億元", "holds"),  # within the rounding of 528.6
    ("出口300億元，進口200億元", "cannot tell"),  # 28.6億 short: the list may not be exhaustive
])
def test_parts_are_flagged_when_they_do_not_add_up(tmp_path, parts, status):
    _, checks = page(tmp_path, [f"上半年，外貿進出口總值528.6億元，其中{parts}。"])
    assert list(checks[checks["kind"] == "sum"]["status"]) == [status]


@pytest.mark.parametrize(("parts", "status", "values"), [
    ("黨員100至200名，群眾300名", "cannot tell", "100至200名 + 300名"),
    ("黨員250至300名，群眾300名", "does not hold", "250至300名 + 300名"),  # at least 550 of 500
])
def test_a_range_is_one_part_between_its_ends(tmp_path, parts, status, values):
    scripts = both_scripts([f"全區志願者500名，其中{parts}。"])
    for paragraphs, convert in zip(scripts, (str, to_simplified), strict=True):
        _, checks = page(tmp_path, paragraphs)
        sums = checks[checks["kind"] == "sum"]
        assert list(sums["status"]) == [status]
        assert sums.iloc[0]["values"].startswith(convert(values))
        assert sums.iloc[0]["rows"] == "0, 1, 3"  # the total, the range's lower end, the other part


@pytest.mark.parametrize(("total", "status"),
                         [("100名", "does not hold"), ("500名", "holds"), ("250名", "cannot tell")])
def test_an_approximate_pair_is_a_part_between_its_ends(tmp_path, total, status):
    for paragraphs in both_scripts([f"全區志願者{total}，其中黨員兩三百名。"]):
        _, checks = page(tmp_path, paragraphs)
        assert list(checks[checks["kind"] == "subset"]["status"]) == [status]


def test_a_share_that_the_stated_base_does_not_give_does_not_hold(tmp_path):
    _, checks = page(tmp_path, ["全區共有居民12000人。其中長者3000人，佔30%。"])
    shares = checks[checks["kind"] == "share"]
    assert list(shares["status"]) == ["does not hold"]
    assert "25.00 %" in shares.iloc[0]["detail"]


def test_a_growth_above_100_per_cent_is_no_impossible_share(tmp_path):
    _, checks = page(tmp_path, ["今年網上銷售額同比增長150%。"])
    assert list(zip(checks["kind"], checks["status"], strict=True)) == [("change", "cannot tell")]


@pytest.mark.parametrize("sentence", ["城鄉居民收入分別提高13.2、5.6、0.7個百分點。",
                                      "城乡居民收入分别提高13.2、5.6、0.7个百分点。"])
def test_percentage_points_are_changes_of_a_share(tmp_path, sentence):
    _, checks = page(tmp_path, [sentence])
    assert list(checks["kind"]) == ["change"] * 3
    assert all("percentage points" in d for d in checks["detail"])


@pytest.mark.parametrize("marker", ["分別為", "分别为", "包括"])
def test_other_markers_introduce_parts(tmp_path, marker):
    _, checks = page(tmp_path, [f"全市共有志願者900人，{marker}黨員300人、群眾600人。"])
    assert list(checks[checks["kind"] == "sum"]["status"]) == ["holds"]


def test_anniversaries_and_ages_are_never_parts_or_bounds(tmp_path):
    statistics, checks = page(tmp_path, ["建黨100週年之際，全村共有黨員120人，"
                                         "其中35歲及以下黨員40人，60歲以上黨員50人。"])
    assert list(statistics.loc[statistics["kind"].isin(["anniversary", "age"]), "text"]) == [
        "100週年", "35歲及以下", "60歲以上"]
    sums = checks[checks["kind"] == "sum"]
    assert list(sums["values"]) == ["40人 + 50人 = 90 vs 120人"]


def test_a_figure_has_its_own_period_not_its_comparisons(tmp_path):
    statistics, _ = page(tmp_path, ["上半年，全市進口319.5億元，比1-5月多出62.1億元。其中機電產品103.2億元。"])
    period = dict(zip(statistics["text"], statistics["period"], strict=False))
    assert period["319.5億元"] == "上半年"
    assert period["62.1億元"] == "上半年"  # 1-5月 is what it is compared with
    assert period["103.2億元"] == "上半年"  # 其中 goes on with the sentence before


def test_findings_say_what_holds(tmp_path):
    statistics, checks = page(tmp_path, TRADE + MEMBERS)
    found = relations(statistics)
    assert total_and_parts_finding(total_and_parts(statistics, found), found).startswith(
        "全市外貿進出口總值 (528.6億元) splits into 出口 301.2億元 (57.0%) and 進口 227.4億元 (43.0%)")
    finding = audit_finding(checks)
    assert "(share): **holds**; 702.8萬名 女性志願者 is 55.76 % of 1260.5萬名 志願者" in finding
    assert "(change): **holds**" in finding
    assert "≤ 100 %" not in finding


@pytest.mark.parametrize("paragraphs", both_scripts([
    "截至2023年底，全省登記志願者總數為1260.5萬名。",
    "女性志願者702.8萬名，佔55.8%；少數民族志願者96.1萬名，佔7.6%；大專及以上學歷志願者488.1萬名，佔38.7%。"]))
def test_shares_take_the_base_of_their_subject_family_from_an_earlier_sentence(tmp_path, paragraphs):
    _, checks = page(tmp_path, paragraphs)
    shares = checks[checks["kind"] == "share"]
    assert list(shares["status"]) == ["holds"] * 3  # not the 702.8萬 before them, a part itself
    assert all("of 1260.5" in d for d in shares["detail"])

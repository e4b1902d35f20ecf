"""Mainland wire and newspaper pages: Xinhua (新华社, 新华网), People's Daily and its BIG5 reprints (人民日报, 人民网),
city papers such as the Shenzhen Special Zone Daily (深圳特区报, 深圳新闻网)."""

import re
from zoneinfo import ZoneInfo

from analysis.reading.layouts.common import Layout

LAYOUT = Layout(
    name="mainland",
    zone=ZoneInfo("Asia/Shanghai"),
    markers=re.compile(
        r"新[华華]社|新[华華][网網]|人民[网網]|人民日[报報]|[纠糾][错錯]|[责責][编編][:：]|中新社|中新[网網]|央[视視]|"
        r"深圳特[区區][报報]|深圳新[闻聞][网網]|深圳商[报報]|晶[报報]|南方日[报報]|[广廣]州日[报報]|光明日[报報]|"
        r"[经經]济日[报報]|解放日[报報]|[北京]青年[报報]|求是|[审審][读讀][:：]"
    ),
    boilerplate=(
        "[纠糾][错錯]|小字[号號]|中字[号號]|大字[号號]|字体|字體|[视視]力保[护護]色|[手]机[看看]新[闻聞]|手機看新聞|"
        "打印本[页頁]|[关關]闭窗口|[关關]閉窗口|[标標][签簽]|[举舉][报報]|(?:新[华華]|人民)[网網]?(?:客[户戶]端|APP)|"
        "[点點][赞讚]|[评評][论論]|"
        # the outlets' names printed alone (a logo's text) or beside a date
        "新[华華][网網]|新[华華]社|人民[网網]|人民日[报報]|深圳新[闻聞][网網]|深圳特[区區][报報]|中新[网網]"
    ),
    copyright="本[网網]站所刊[载載]|人民[网網]股份|新[华華][网網][络絡]股份|[转轉][载載][请請][注註]明",
    trailer=(
        "相[关關]新[闻聞]|相[关關][阅閱][读讀]|相[关關][报報]道|延伸[阅閱][读讀]|推[荐薦][阅閱][读讀]|[热熱][点點]推[荐薦]|"
        "[热熱]門推[荐薦]|[热熱]门推荐|[网網]友[评評][论論]|[猜]你喜[欢歡]|更多精彩|[编編][辑輯]推[荐薦]"
    ),
)

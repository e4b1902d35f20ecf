"""Hong Kong Commercial Daily (香港商報, hkcd.com) pages: the old layout (date line, 來源, [責任編輯:…], trailer of
related news and comments) and the newer ones (責任編輯 and 來源 on the date line, 發布日期:)."""

import re
from zoneinfo import ZoneInfo

from analysis.reading.layouts.common import Layout

LAYOUT = Layout(
    name="hkcd",
    zone=ZoneInfo("Asia/Hong_Kong"),
    markers=re.compile(r"香港商[報报]|[\[［]責任編輯[:：]|[\[［]责任编辑[:：]"),
    boilerplate="香港商[報报]網?|hkcd\\.com|返回香港商[報报]網?首[頁页]",
    copyright="版[權权]作品|[轉转][載载]須?[註注]明出[處处]",
    trailer="相關新聞|相关新闻|網友評論|网友评论|相關閱讀|相关阅读|熱門新聞|热门新闻",
)

"""The fallback for a page no layout recognises: only the furniture every news site shares, in China's time zone."""

from zoneinfo import ZoneInfo

from analysis.reading.layouts.common import Layout

# Every outlet the study reads prints Beijing time (+08:00); a page of unknown origin is read in it too.
LAYOUT = Layout(
    name="generic",
    zone=ZoneInfo("Asia/Shanghai"),
    trailer="相關新聞|相关新闻|相關閱讀|相关阅读|延伸閱讀|延伸阅读|推薦閱讀|推荐阅读|網友評論|网友评论",
)

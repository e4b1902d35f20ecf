"""Other Hong Kong papers: Ta Kung Pao (大公報, 大公网: 時間:…來源:大公报 on one line) and Wen Wei Po (文匯報)."""

import re
from zoneinfo import ZoneInfo

from analysis.reading.layouts.common import Layout

LAYOUT = Layout(
    name="hongkong",
    zone=ZoneInfo("Asia/Hong_Kong"),
    markers=re.compile(r"大公[報报]|大公[網网]|takungpao|文[匯汇][報报]|文[匯汇][網网]|wenweipo|大公文[匯汇]|點新聞|点新闻"),
    boilerplate="大公[網网]|大公[報报]|文[匯汇][網网]|文[匯汇][報报]|大公文[匯汇]全媒[體体]|[點点]新[聞闻]|[訂订][閱阅]|"
    "[訂订][閱阅][報报][紙纸]|[讀读]者[來来]信",
    copyright="大公[報报][版權权]|文[匯汇][報报][版權权]|版[權权][聲声]明",
    trailer="相關新聞|相关新闻|相關閱讀|相关阅读|延伸閱讀|延伸阅读|熱門新聞|热门新闻|推薦閱讀|推荐阅读|網友評論|网友评论",
)

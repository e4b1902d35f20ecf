"""News outlets: the registry (data/lexicon/outlets.tsv) that gives one canonical name, a region and a time zone to
every printed form of an outlet's name, in either script, with or without 網/网 after it."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from zoneinfo import ZoneInfo

from analysis import config
from analysis.reading.script import to_simplified
from analysis.wordlists import read_lines

REGISTRY = config.LEXICON / "outlets.tsv"
# regions whose outlets print an all-digit date month first (09/07/2019 is 7 September); elsewhere day first
MONTH_FIRST_REGIONS = frozenset({"US"})
# what a printed name may carry after the outlet's own: its website, app or edition (香港商報網, 新华网客户端)
NAME_SUFFIX = re.compile(r"(?:网站|网|客户端|app|电子版|电子报|即时新闻)$")
# a website's address less its host's top-level parts: hkcd.com, ltn.com.tw, abc.net.au
DOMAIN = re.compile(r"\.(?:com|net|org|gov|edu)?(?:\.?(?:cn|hk|mo|tw|au|sg|de|uk))?$")
# what separates the parts of a printed source: 人民網－人民日報, 中新网 | 广东
SOURCE_PARTS = re.compile(r"\s*[-－—–|｜/、·]\s*|\s+")


@dataclass(frozen=True)
class Outlet:
    """An outlet of the registry: its canonical name, region (HK, MO, TW, CN or a country code) and time zone."""

    name: str
    region: str
    zone: ZoneInfo

    @property
    def day_first(self) -> bool:
        """Whether the outlet prints an all-digit date day first (09/07/2019: 9 July)."""
        return self.region not in MONTH_FIRST_REGIONS


def name_key(name: str) -> str:
    """A printed name reduced to what every form of it shares: Simplified script, lower case, no spaces, no 網/网
    (or 客户端, 电子版) after it."""
    key = to_simplified(name).lower().replace(" ", "").strip("《》<>「」")
    if re.fullmatch(r"[a-z0-9.-]+\.[a-z]{2,3}", key):
        key = DOMAIN.sub("", key)  # the outlet's domain: its name in the file names researchers give pages
    while (shorter := NAME_SUFFIX.sub("", key)) != key and shorter:
        key = shorter
    return key


@cache
def registry() -> dict[str, Outlet]:
    """Every name of every registered outlet, as name_key gives it, mapped to its outlet."""
    index = {}
    for number, line in enumerate(read_lines(REGISTRY), 1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) != 4:
            raise ValueError(f"{REGISTRY}:{number}: expected 4 tab-separated fields, found {len(fields)}")
        name, variants, region, zone = (f.strip() for f in fields)
        outlet = Outlet(name, region, ZoneInfo(zone))
        for variant in (name, *(v for v in variants.split(",") if v.strip())):
            index[name_key(variant.strip())] = outlet
    return index


def file_outlet(name: str) -> Outlet | None:
    """The registered outlet a file's name gives in one of its parts (2021-07-29_hkcd_….txt: 香港商報)."""
    index = registry()
    return next((index[part] for part in re.split(r"[_\s]+", name.lower()) if part in index), None)


def find_outlet(printed: str) -> Outlet | None:
    """The registered outlet a printed name (a source line's value) names, or None: the whole name first, then each
    of its parts (人民網－人民日報), then the longest registered name a part starts with (中新网广东)."""
    index = registry()
    parts = [printed, *SOURCE_PARTS.split(printed)]
    for part in parts:
        if (key := name_key(part)) in index:
            return index[key]
    for part in parts:
        key = name_key(part)
        starts = [name for name in index if len(name) >= 2 and key.startswith(name)]
        if starts:
            return index[max(starts, key=len)]
    return None

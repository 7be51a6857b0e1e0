"""Invented people: names, 公民身份号码 with a valid check character (GB 11643), birth dates and ages that
agree with each other, and the rest of a basic-information paragraph (民族, 文化程度, 职业, 住址)."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta

from ..extract.idcard import check_char
from .places import REGIONS, Region, home_village, street_address


def _w(words: str) -> tuple[str, ...]:
    return tuple(words.split())


_SURNAMES = _w(
    "王 李 张 刘 陈 杨 黄 赵 吴 周 徐 孙 马 朱 胡 郭 何 高 林 罗 郑 梁 谢 宋 唐 许 韩 冯 邓 曹 彭 曾 肖 田 董 袁 潘 "
    "蒋 蔡 余 杜 叶 程 魏 苏 吕 丁 任 沈 姚 卢 姜 崔 钟 谭 陆 汪 范 金 石 廖 贾 夏 韦 付 方 白 邹 孟 熊 秦 邱 江 尹 "
    "薛 闫 段 雷 侯 龙 史 黎 贺 顾 毛 郝 龚 邵 万 钱 覃 武 戴 莫 孔 向 常 欧阳 司马 上官"
)
# Given-name characters; none of them can be read as a verb or particle next to the name (的了在对与及…).
_MALE_CHARS = _w(
    "伟 强 磊 军 勇 杰 涛 斌 超 明 刚 平 辉 鹏 华 飞 鑫 波 宇 浩 凯 健 俊 帆 帅 旭 宁 龙 林 洋 阳 峰 建 志 国 海 东 文 晓 春 永 成 德 兵 锋 亮 新 振 家 立 荣 庆 彬 泽 睿 博 昊 晨 远 铭 昌 川"
)
_FEMALE_CHARS = _w(
    "芳 娜 敏 静 丽 艳 娟 霞 燕 玲 桂 英 萍 红 梅 琳 雪 婷 倩 颖 洁 慧 莉 兰 月 凤 蓉 琴 璐 瑶 佳 欣 怡 薇 晶 丹 妍 露 蕾 萱"
)
_ETHNIC = ("汉族",) * 40 + _w("回族 满族 壮族 苗族 土家族 彝族 蒙古族 侗族 瑶族 白族 布依族 朝鲜族")
_EDUCATION = (
    ("初中文化", 30),
    ("小学文化", 10),
    ("高中文化", 15),
    ("中专文化", 8),
    ("大专文化", 10),
    ("大学本科文化", 6),
    ("文化程度初中", 5),
    ("文化程度高中", 4),
    ("大学文化", 4),
    ("文盲", 2),
)
_OCCUPATION = (
    ("无业", 30),
    ("农民", 15),
    ("务工", 10),
    ("个体经营", 6),
    ("货车司机", 4),
    ("厨师", 3),
    ("保安", 3),
    ("外卖配送员", 4),
    ("快递员", 3),
    ("{company}职员", 6),
    ("{company}员工", 5),
    ("无固定职业", 6),
)
_COMPANY_WORDS = _w("鑫达 恒通 宏远 华盛 顺发 永泰 金鼎 天成 盛达 联创 万家 新锐 东方 中诚 安达 博远")
_COMPANY_TYPES = (
    "贸易有限公司",
    "物流有限公司",
    "建筑工程有限公司",
    "电子科技有限公司",
    "餐饮管理有限公司",
    "汽车服务有限公司",
)


def _weighted(rng: random.Random, table: tuple[tuple[str, int], ...]) -> str:
    return rng.choices([t for t, _ in table], weights=[w for _, w in table])[0]


def company(rng: random.Random, region: Region) -> str:
    return f"{region.city.rstrip('市')}{rng.choice(_COMPANY_WORDS)}{rng.choice(_COMPANY_TYPES)}"


def given_name(rng: random.Random, gender: str) -> str:
    chars = [c for c in (_MALE_CHARS if gender == "男" else _FEMALE_CHARS) if len(c) == 1]
    n = 1 if rng.random() < 0.3 else 2
    return "".join(rng.choice(chars) for _ in range(n))


def full_name(rng: random.Random, gender: str, taken: set[str]) -> str:
    """A name not yet used in this document (names are per document, so two people never collide)."""
    for _ in range(100):
        name = rng.choice(_SURNAMES) + given_name(rng, gender)
        if name not in taken and not any(name in t or t in name for t in taken):
            taken.add(name)
            return name
    raise RuntimeError("could not find an unused name")


def masked_name(rng: random.Random, taken: set[str]) -> str:
    """A victim or witness written the anonymised way: 郑某某, 王某."""
    for _ in range(100):
        name = rng.choice([s for s in _SURNAMES if len(s) == 1]) + rng.choice(("某某", "某某", "某"))
        if name not in taken and not any(name in t or t in name for t in taken):
            taken.add(name)
            return name
    raise RuntimeError("could not find an unused masked name")


def id_number(region_code: str, birth: date, gender: str, rng: random.Random) -> str:
    """An 18-character 公民身份号码 that agrees with the birth date and gender and has a valid check character."""
    seq = rng.randint(0, 99) * 10 + rng.choice((1, 3, 5, 7, 9) if gender == "男" else (0, 2, 4, 6, 8))
    first17 = f"{region_code}{birth:%Y%m%d}{seq:03d}"
    return first17 + check_char(first17)


def age_on(birth: date, day: date) -> int:
    """Full years (周岁) on `day`."""
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


@dataclass
class Person:
    name: str
    gender: str
    birth: date
    id_number: str
    ethnicity: str
    education: str
    occupation: str
    home_region: Region
    hukou: str  # 户籍地
    residence: str  # 住址 (detailed)
    residence_coarse: str  # as a published judgment writes it
    aliases: list[str] = field(default_factory=list)

    def age_on(self, day: date) -> int:
        return age_on(self.birth, day)


def make_person(
    rng: random.Random,
    taken: set[str],
    *,
    case_region: Region,
    offence_day: date,
    minor: bool = False,
    gender: str | None = None,
) -> Person:
    """A defendant: adult (18–62 at the offence) or minor (14–17), living where the case is handled or
    registered elsewhere (migrant workers are common in these cases)."""
    gender = gender or ("男" if rng.random() < 0.85 else "女")
    age_days = rng.randint(14 * 365 + 30, 18 * 365 - 40) if minor else rng.randint(18 * 365 + 30, 62 * 365)
    birth = offence_day - timedelta(days=age_days)
    if minor and age_on(birth, offence_day) >= 18:
        birth = birth + timedelta(days=40)
    home = case_region if rng.random() < 0.5 else rng.choice(REGIONS)
    name = full_name(rng, gender, taken)
    occupation = _weighted(rng, _OCCUPATION).format(company=company(rng, case_region))
    if minor:
        occupation = rng.choice(("学生", "无业", "务工"))
    return Person(
        name=name,
        gender=gender,
        birth=birth,
        id_number=id_number(home.code, birth, gender, rng),
        ethnicity=rng.choice(_ETHNIC),
        education=_weighted(rng, _EDUCATION) if not minor else rng.choice(("初中文化", "高中文化", "初中在读")),
        occupation=occupation,
        home_region=home,
        hukou=home_village(home, rng),
        residence=street_address(case_region, rng),
        residence_coarse=case_region.full_place,
    )


# ------------------------------------------------------------------------------------------ professionals

_FIRM_WORDS = _w("明理 正衡 信达 公正 华夏 汇诚 明鉴 致远 衡平 弘正 天衡 同心 尚法 守正 立言 博识")


def law_firm(rng: random.Random, region: Region) -> str:
    where = region.province.rstrip("省") if region.province else region.city.rstrip("市")
    where = where.replace("壮族自治区", "").replace("回族自治区", "").replace("自治区", "")
    return f"{where}{rng.choice(_FIRM_WORDS)}律师事务所"

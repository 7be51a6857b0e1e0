"""Where a case is handled: procuratorates, courts, police and detention centres across provinces, and the
document numbers each office writes (文号 "杭西检一部刑诉〔2021〕123号", 案号 "（2021）浙0106刑初456号").

The regions are real county-level divisions with their GB/T 2260 codes (the first six digits of a
公民身份号码 born there); the cases placed in them are invented. Roads, towns and villages are made up from
common words.
"""

from __future__ import annotations

import random
from dataclasses import dataclass


@dataclass(frozen=True)
class Region:
    province: str  # 浙江省; "" for the four municipalities' districts (the city carries the name)
    short: str  # one-character abbreviation used in court case numbers: 浙
    city: str  # 杭州市
    district: str  # 西湖区 / 青田县 / 义乌市
    code: str  # GB/T 2260 six-digit code
    abbr: str  # procuratorate abbreviation in 文号: 杭西
    upper_court: str  # 中级人民法院 that hears appeals
    upper_proc: str  # the next-level procuratorate

    @property
    def county_level_city(self) -> bool:
        return self.district.endswith("市")

    @property
    def municipality(self) -> bool:
        return self.province == ""

    @property
    def place(self) -> str:
        """The district as offices name themselves: 杭州市西湖区, 义乌市, 北京市海淀区."""
        return self.district if self.county_level_city or self.district.endswith("县") else self.city + self.district

    @property
    def full_place(self) -> str:
        return self.province + self.place


def _r(
    prov: str, short: str, city: str, dist: str, code: str, abbr: str, upper_court: str = "", upper_proc: str = ""
) -> Region:
    return Region(
        prov, short, city, dist, code, abbr, upper_court or f"{city}中级人民法院", upper_proc or f"{city}人民检察院"
    )


REGIONS: tuple[Region, ...] = (
    _r("浙江省", "浙", "杭州市", "西湖区", "330106", "杭西"),
    _r("浙江省", "浙", "杭州市", "萧山区", "330109", "杭萧"),
    _r("浙江省", "浙", "温州市", "鹿城区", "330302", "温鹿"),
    _r("浙江省", "浙", "宁波市", "鄞州区", "330212", "甬鄞"),
    _r("浙江省", "浙", "金华市", "义乌市", "330782", "义"),
    _r("浙江省", "浙", "丽水市", "青田县", "331121", "青"),
    _r("江苏省", "苏", "南京市", "玄武区", "320102", "宁玄"),
    _r("江苏省", "苏", "苏州市", "吴中区", "320506", "苏吴"),
    _r("江苏省", "苏", "无锡市", "梁溪区", "320213", "锡梁"),
    _r("江苏省", "苏", "苏州市", "昆山市", "320583", "昆"),
    _r("广东省", "粤", "广州市", "天河区", "440106", "穗天"),
    _r("广东省", "粤", "深圳市", "福田区", "440304", "深福"),
    _r("广东省", "粤", "佛山市", "南海区", "440605", "佛南"),
    _r("山东省", "鲁", "济南市", "历下区", "370102", "济历"),
    _r("山东省", "鲁", "青岛市", "市南区", "370202", "青南"),
    _r("山东省", "鲁", "临沂市", "沂南县", "371321", "沂南"),
    _r("河南省", "豫", "郑州市", "金水区", "410105", "郑金"),
    _r("河南省", "豫", "洛阳市", "西工区", "410303", "洛西"),
    _r("河南省", "豫", "周口市", "郸城县", "411625", "郸"),
    _r("湖北省", "鄂", "武汉市", "武昌区", "420106", "武昌"),
    _r("湖北省", "鄂", "宜昌市", "西陵区", "420502", "宜西"),
    _r("湖南省", "湘", "长沙市", "岳麓区", "430104", "长岳"),
    _r("湖南省", "湘", "岳阳市", "平江县", "430626", "平"),
    _r("四川省", "川", "成都市", "锦江区", "510104", "成锦"),
    _r("四川省", "川", "绵阳市", "涪城区", "510703", "绵涪"),
    _r("福建省", "闽", "福州市", "鼓楼区", "350102", "榕鼓"),
    _r("福建省", "闽", "厦门市", "思明区", "350203", "厦思"),
    _r("安徽省", "皖", "合肥市", "蜀山区", "340104", "合蜀"),
    _r("安徽省", "皖", "阜阳市", "临泉县", "341221", "临"),
    _r("江西省", "赣", "南昌市", "东湖区", "360102", "洪东"),
    _r("江西省", "赣", "赣州市", "于都县", "360731", "于"),
    _r("河北省", "冀", "石家庄市", "长安区", "130102", "石长"),
    _r("河北省", "冀", "保定市", "涞水县", "130623", "涞"),
    _r("山西省", "晋", "太原市", "小店区", "140105", "并小"),
    _r("陕西省", "陕", "西安市", "雁塔区", "610113", "西雁"),
    _r("辽宁省", "辽", "沈阳市", "和平区", "210102", "沈和"),
    _r("吉林省", "吉", "长春市", "南关区", "220102", "长南"),
    _r("黑龙江省", "黑", "哈尔滨市", "南岗区", "230103", "哈南"),
    _r("云南省", "云", "昆明市", "五华区", "530102", "昆五"),
    _r("贵州省", "黔", "贵阳市", "南明区", "520102", "筑南"),
    _r("广西壮族自治区", "桂", "南宁市", "青秀区", "450103", "邕青"),
    _r("广西壮族自治区", "桂", "玉林市", "博白县", "450923", "博"),
    _r("甘肃省", "甘", "兰州市", "城关区", "620102", "兰城"),
    _r("内蒙古自治区", "蒙", "呼和浩特市", "新城区", "150102", "呼新"),
    _r("海南省", "琼", "海口市", "龙华区", "460106", "海龙"),
    _r("宁夏回族自治区", "宁", "银川市", "兴庆区", "640104", "银兴"),
    _r("", "渝", "重庆市", "渝中区", "500103", "渝中", "重庆市第五中级人民法院", "重庆市人民检察院第五分院"),
    _r("", "沪", "上海市", "浦东新区", "310115", "沪浦", "上海市第一中级人民法院", "上海市人民检察院第一分院"),
    _r("", "京", "北京市", "海淀区", "110108", "京海", "北京市第一中级人民法院", "北京市人民检察院第一分院"),
    _r("", "津", "天津市", "和平区", "120101", "津和", "天津市第一中级人民法院", "天津市人民检察院第一分院"),
)


def _w(words: str) -> tuple[str, ...]:
    return tuple(words.split())


_ROAD_WORDS = _w(
    "人民 解放 建设 中山 新华 长江 黄河 和平 胜利 文化 朝阳 东风 光明 团结 青年 幸福 滨河 迎宾 凤凰 桂花 梧桐 学院 园林 锦绣 丰收 春晖 望江 新民 振兴 湖滨 龙泉 金星 银杏"
)
_ROAD_TYPES = ("路", "路", "大道", "街", "东路", "西路", "南路", "北路")
_TOWN_WORDS = _w(
    "城关 新桥 石门 东坝 西岭 南塘 北山 白沙 清溪 青龙 黄土 高桥 双河 龙岗 梅林 枫林 柳湾 杨庄 李集 马店 何家 王村 大沟 小河 三里 五星 六合 七里 金山 银川 铜锣"
)
_VILLAGE_WORDS = _w(
    "东升 红旗 向阳 前进 新村 联合 永安 长乐 太平 兴隆 双龙 金竹 桃源 杏花 荷塘 柏树 松林 竹园 河口 山根 沙坪 后营 前庄 上湾 下坝"
)
_ESTATE_WORDS = _w(
    "阳光 锦绣 金色 翠苑 绿城 书香 东方 华府 丽景 御园 江南 星河 紫荆 碧水 香樟 桃李 和园 嘉苑 新城 世纪"
)
_ESTATE_TYPES = ("小区", "花园", "家园", "公寓", "苑", "新村")


@dataclass(frozen=True)
class Offices:
    """The offices of one region that handle a case there."""

    region: Region
    procuratorate: str  # 浙江省杭州市西湖区人民检察院 (as the document's head writes it)
    procuratorate_short: str  # 杭州市西湖区人民检察院 (as others refer to it)
    court: str
    police: str  # 杭州市公安局西湖区分局
    police_short: str  # 西湖区公安分局 (how later mentions may write it; still names a 公安 organ)
    detention: str  # 杭州市西湖区看守所


def offices(region: Region, rng: random.Random) -> Offices:
    r = region
    proc_short = f"{r.place}人民检察院"
    proc_full = f"{r.province}{proc_short}" if r.province and rng.random() < 0.6 else proc_short
    court = f"{r.place}人民法院"
    if r.county_level_city or r.district.endswith("县"):
        police = police_short = f"{r.district}公安局"
        detention = f"{r.district}看守所"
    else:
        police = f"{r.city}公安局{r.district}分局"
        police_short = f"{r.district}公安分局" if not r.municipality else police
        detention = rng.choice((f"{r.place}看守所", f"{r.city}看守所", f"{r.city}第二看守所"))
    return Offices(r, proc_full, proc_short, court, police, police_short, detention)


# ------------------------------------------------------------------------------------------ numbers

_DEPARTMENTS = ("", "", "", "一部", "二部", "刑检", "公诉", "三部")


def procuratorate_number(region: Region, kind: str, year: int, n: int, rng: random.Random) -> str:
    """文号 of a procuratorate document. kind: 刑诉 (起诉书), 刑不诉, 批捕, 不批捕, 刑审 (审查报告)."""
    dept = rng.choice(_DEPARTMENTS)
    if kind == "批捕" and rng.random() < 0.3:
        kind = "刑批捕"
    if kind == "刑审" and rng.random() < 0.4:
        kind = "审"
    bracket = rng.choice(("〔{}〕", "〔{}〕", "〔{}〕", "[{}]", "（{}）"))
    return f"{region.abbr}检{dept}{kind}{bracket.format(year)}{n}号"


def court_number(region: Region, year: int, n: int, rng: random.Random, *, instance: str = "刑初") -> str:
    """案号 of a court: （2021）浙0106刑初456号 (the 2016 style); occasionally the older 刑初字第…号."""
    open_, close = rng.choice((("（", "）"), ("（", "）"), ("(", ")")))
    if year < 2016 and rng.random() < 0.7:
        return f"{open_}{year}{close}{region.district[:2]}{instance}字第{n}号"
    return f"{open_}{year}{close}{region.short}{region.code[2:]}{instance}{n}号"


def police_request_number(region: Region, year: int, n: int, rng: random.Random) -> str:
    """提请批准逮捕书 / 起诉意见书 numbers of the police: 杭西公（刑）提捕字〔2021〕56号."""
    kind = rng.choice(("提捕字", "（刑）提捕字", "刑提捕字"))
    return f"{region.abbr}公{kind}〔{year}〕{n}号"


def police_transfer_number(region: Region, year: int, n: int, rng: random.Random) -> str:
    kind = rng.choice(("诉字", "（刑）诉字", "刑诉字"))
    return f"{region.abbr}公{kind}〔{year}〕{n}号"


# ------------------------------------------------------------------------------------------ addresses


def road(rng: random.Random) -> str:
    return rng.choice(_ROAD_WORDS) + rng.choice(_ROAD_TYPES)


def street_address(region: Region, rng: random.Random, *, detailed: bool = True) -> str:
    """A residence: 杭州市西湖区文化路218号阳光小区5幢2单元301室 (or without the house number)."""
    base = f"{region.city if not region.county_level_city else ''}{region.district}{road(rng)}"
    if region.municipality:
        base = f"{region.city}{region.district}{road(rng)}"
    if not detailed:
        return base
    estate = rng.choice(_ESTATE_WORDS) + rng.choice(_ESTATE_TYPES)
    form = rng.random()
    if form < 0.4:
        return f"{base}{rng.randint(1, 399)}号{estate}{rng.randint(1, 30)}幢{rng.randint(1, 4)}单元{rng.randint(1, 28)}0{rng.randint(1, 4)}室"
    if form < 0.7:
        return f"{base}{rng.randint(1, 399)}弄{rng.randint(1, 60)}号{rng.randint(1, 18)}0{rng.randint(1, 6)}室"
    return f"{base}{rng.randint(1, 999)}号"


def home_village(region: Region, rng: random.Random) -> str:
    """A registered home: 浙江省丽水市青田县石门镇东升村 (towns and villages made up)."""
    town = rng.choice(_TOWN_WORDS) + rng.choice(("镇", "镇", "乡", "街道"))
    if town.endswith("街道"):
        return f"{region.full_place}{town}{road(rng)}{rng.randint(1, 300)}号"
    return f"{region.full_place}{town}{rng.choice(_VILLAGE_WORDS)}村"


def place_in(region: Region, rng: random.Random) -> str:
    """A crime scene somewhere in the district: 杭州市西湖区文化路“锦绣”便利店."""
    kind = rng.choice(("便利店", "超市", "小区地下车库", "网吧", "KTV", "烧烤店", "停车场", "出租屋", "菜市场", "工地"))
    name = rng.choice(_ESTATE_WORDS)
    return (
        f"{region.place}{road(rng)}“{name}”{kind}"
        if kind in ("便利店", "超市", "网吧", "KTV", "烧烤店")
        else f"{region.place}{road(rng)}一{kind}"
    )

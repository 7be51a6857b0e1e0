"""Charges that make a case one where interrogations must be recorded (CPL 123; 公安机关办理刑事案件程序规定 208).

CPL 123 requires 录音或者录像 "对于可能判处无期徒刑、死刑的案件或者其他重大犯罪案件". 公安规定 208 ¶2 says what
that means: "可能判处无期徒刑、死刑的案件" is a case whose applicable 法定刑或者量刑档次 contains 无期徒刑 or
死刑; "其他重大犯罪案件" are 致人重伤、死亡的严重危害公共安全犯罪、严重侵犯公民人身权利犯罪，以及黑社会性质组织
犯罪、严重毒品犯罪等重大故意犯罪案件.

So a charge alone rarely decides: 盗窃罪 reaches 无期徒刑 only when 数额特别巨大. Each row names the 刑法 article
whose text carries the 无期徒刑/死刑 tier (`via` when the charge's own article refers to another one: 受贿 386
→ 383) and the facts that put a case into that tier (`tier`, a regex over the document's own words), or
`tier=None` when the basic tier already contains 无期徒刑/死刑 (故意杀人, 绑架) or the charge is named in 208 ¶2
(黑社会性质组织). Drug quantities and corruption amounts are thresholds, checked by the helpers below.
The table is hand-made from the 刑法 text (consolidated to 修正案十二); tests check every article's text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

DEATH, LIFE, GRAVE_OTHER = "死刑", "无期徒刑", "其他重大犯罪"


@dataclass(frozen=True, slots=True)
class GraveCharge:
    name: str  # official charge name (pipeline.law.charges), with 罪
    article: str  # 刑法 article of the charge
    ceiling: str  # 死刑 | 无期徒刑 | 其他重大犯罪 (公安规定 208 ¶2)
    tier: re.Pattern[str] | None  # facts that reach the grave tier; None = every case of the charge
    via: str | None = None  # article whose text holds the grave tier, when not `article`
    threshold: str | None = None  # "drug" | "corruption": a quantity decides (see drug_quantities)
    # words of the charge that must share a sentence with the tier fact: "情节特别严重" of a 玩忽职守 count in
    # the same judgment must not make its 受贿 count grave
    cue: re.Pattern[str] | None = None


_INJURY = r"致(?:使)?[^。；，,]{0,8}?(?:重伤|死亡)|(?:重伤|死亡)后果|造成[^。；，,]{0,8}?(?:重伤|死亡)|重伤[一二]级"
_HUGE = r"数额特别巨大|特别严重情节|情节特别严重"


def _t(p: str) -> re.Pattern[str]:
    return re.compile(p)


_ROWS = (
    GraveCharge("故意杀人罪", "232", DEATH, None),
    GraveCharge("绑架罪", "239", DEATH, None),
    GraveCharge("放火罪", "114", DEATH, None, via="115"),
    GraveCharge("爆炸罪", "114", DEATH, None, via="115"),
    GraveCharge("投放危险物质罪", "114", DEATH, None, via="115"),
    GraveCharge("决水罪", "114", DEATH, _t(rf"{_INJURY}|重大损失"), via="115"),
    GraveCharge("以危险方法危害公共安全罪", "114", DEATH, _t(rf"{_INJURY}|重大损失"), via="115"),
    GraveCharge("劫持航空器罪", "121", DEATH, None),
    GraveCharge("劫持船只、汽车罪", "122", LIFE, _t(rf"严重后果|{_INJURY}")),
    GraveCharge("破坏交通工具罪", "119", DEATH, _t(rf"严重后果|{_INJURY}")),
    GraveCharge("破坏交通设施罪", "119", DEATH, _t(rf"严重后果|{_INJURY}")),
    GraveCharge("破坏电力设备罪", "119", DEATH, _t(rf"严重后果|{_INJURY}")),
    GraveCharge("非法制造、买卖、运输、邮寄、储存枪支、弹药、爆炸物罪", "125", DEATH, _t(r"情节严重|情节特别严重")),
    GraveCharge("盗窃、抢夺枪支、弹药、爆炸物、危险物质罪", "127", DEATH, _t(r"情节严重|情节特别严重")),
    GraveCharge("盗窃、抢夺枪支、弹药、爆炸物罪", "127", DEATH, _t(r"情节严重|情节特别严重")),
    GraveCharge("抢劫枪支、弹药、爆炸物、危险物质罪", "127", DEATH, None),
    GraveCharge("抢劫枪支、弹药、爆炸物罪", "127", DEATH, None),
    GraveCharge("组织、领导、参加恐怖组织罪", "120", LIFE, _t(r"组织、领导|首要分子|领导者|组织者")),
    GraveCharge("背叛国家罪", "102", LIFE, None),
    GraveCharge("分裂国家罪", "103", LIFE, _t(r"首要分子|罪行重大")),
    GraveCharge("武装叛乱、暴乱罪", "104", LIFE, _t(r"首要分子|罪行重大")),
    GraveCharge("间谍罪", "110", LIFE, None),
    GraveCharge("走私武器、弹药罪", "151", LIFE, _t(r"情节特别严重"), cue=_t(r"走私")),
    GraveCharge("走私假币罪", "151", LIFE, _t(r"情节特别严重"), cue=_t(r"走私")),
    GraveCharge("伪造货币罪", "170", LIFE, _t(r"首要分子|数额特别巨大|情节特别严重"), cue=_t(r"货币|假币")),
    GraveCharge("集资诈骗罪", "192", LIFE, _t(_HUGE), cue=_t(r"集资|诈骗")),
    GraveCharge("贷款诈骗罪", "193", LIFE, _t(_HUGE), cue=_t(r"贷款|诈骗|骗取")),
    GraveCharge("票据诈骗罪", "194", LIFE, _t(_HUGE), cue=_t(r"票据|诈骗|骗取")),
    GraveCharge("信用卡诈骗罪", "196", LIFE, _t(_HUGE), cue=_t(r"信用卡|透支|诈骗")),
    GraveCharge("合同诈骗罪", "224", LIFE, _t(_HUGE), cue=_t(r"合同|诈骗|骗取")),
    GraveCharge("生产、销售、提供假药罪", "141", DEATH, _t(rf"{_INJURY}|特别严重情节")),
    GraveCharge("生产、销售假药罪", "141", DEATH, _t(rf"{_INJURY}|特别严重情节")),
    GraveCharge("生产、销售有毒、有害食品罪", "144", DEATH, _t(rf"{_INJURY}|特别严重情节"), via="141"),
    GraveCharge("故意伤害罪", "234", DEATH, _t(rf"{_INJURY}|特别残忍手段")),
    GraveCharge(
        "强奸罪",
        "236",
        DEATH,
        _t(
            rf"情节恶劣|奸淫幼女多人|强奸妇女、奸淫幼女多人|多名|公共场所当众|当众|轮奸|二人以上|{_INJURY}|不满十周岁|幼女伤害"
        ),
    ),
    GraveCharge("非法拘禁罪", "238", GRAVE_OTHER, _t(_INJURY)),
    GraveCharge(
        "拐卖妇女、儿童罪",
        "240",
        DEATH,
        _t(
            rf"首要分子|三人以上|[三四五六七八九十]名(?:妇女|儿童|婴儿|婴幼儿)|奸淫|卖淫|绑架|偷盗婴幼儿|境外|{_INJURY}"
        ),
    ),
    GraveCharge(
        "抢劫罪",
        "263",
        DEATH,
        _t(
            rf"入户抢劫|入室抢劫|入户[^。；，,]{{0,12}}(?:抢劫|劫取)|在公共交通工具上抢劫|抢劫银行|抢劫[^。；，,]{{0,8}}金融机构|运钞车|多次抢劫|"
            rf"抢劫[^。；]{{0,20}}?数额巨大|{_INJURY}|冒充军警|持枪抢劫|持(?!有)[^。；，,]{{0,4}}枪[^。；，,]{{0,8}}抢劫|抢劫军用物资|"
            r"抢劫[^。；，,]{0,6}(?:抢险|救灾|救济)物资"
        ),
    ),
    GraveCharge("盗窃罪", "264", LIFE, _t(_HUGE), cue=_t(r"盗窃|窃取|扒窃|偷")),
    GraveCharge("诈骗罪", "266", LIFE, _t(_HUGE), cue=_t(r"诈骗|骗取|骗得")),
    GraveCharge("抢夺罪", "267", LIFE, _t(_HUGE), cue=_t(r"抢夺|夺取")),
    GraveCharge("职务侵占罪", "271", LIFE, _t(r"数额特别巨大"), cue=_t(r"侵占")),
    GraveCharge("组织、领导、参加黑社会性质组织罪", "294", GRAVE_OTHER, None),
    GraveCharge("暴动越狱罪", "317", DEATH, None),
    GraveCharge("聚众持械劫狱罪", "317", DEATH, None),
    GraveCharge(
        "走私、贩卖、运输、制造毒品罪",
        "347",
        DEATH,
        _t(r"武装掩护|暴力抗拒|国际贩毒|首要分子|毒品集团"),
        threshold="drug",
    ),
    GraveCharge("组织卖淫罪", "358", LIFE, _t(r"情节严重"), cue=_t(r"卖淫")),
    GraveCharge("强迫卖淫罪", "358", LIFE, _t(r"情节严重"), cue=_t(r"卖淫")),
    GraveCharge(
        "贪污罪",
        "382",
        DEATH,
        _t(rf"{_HUGE}|特别重大损失"),
        via="383",
        threshold="corruption",
        cue=_t(r"受贿|收受|索取|贪污|侵吞|骗取|窃取|贿赂"),
    ),
    GraveCharge(
        "受贿罪",
        "385",
        DEATH,
        _t(rf"{_HUGE}|特别重大损失"),
        via="383",
        threshold="corruption",
        cue=_t(r"受贿|收受|索取|贪污|侵吞|骗取|窃取|贿赂"),
    ),
    GraveCharge("挪用公款罪", "384", LIFE, _t(r"数额巨大不退还|不退还"), cue=_t(r"挪用")),
    GraveCharge("行贿罪", "390", LIFE, _t(r"情节特别严重|特别重大损失"), cue=_t(r"行贿|给予")),
)

GRAVE_CHARGES: dict[str, GraveCharge] = {row.name: row for row in _ROWS}


def grave_charge(name: str) -> GraveCharge | None:
    """The row for an official charge name (with 罪), or None when the charge never reaches the grave tier."""
    return GRAVE_CHARGES.get(name)


# ------------------------------------------------------------------------------------- thresholds

# 刑法 347 ¶2(1): 鸦片一千克以上、海洛因或者甲基苯丙胺五十克以上 -> 十五年有期徒刑、无期徒刑或者死刑.
DRUG_GRAMS = {"海洛因": Decimal(50), "甲基苯丙胺": Decimal(50), "冰毒": Decimal(50), "鸦片": Decimal(1000)}
# 两高《关于办理贪污贿赂刑事案件适用法律若干问题的解释》(2016) 第三条: 三百万元以上 = 数额特别巨大.
CORRUPTION_HUGE = Decimal(3_000_000)

_DRUG_QTY = re.compile(
    r"(?P<drug>海洛因|甲基苯丙胺|冰毒|鸦片)[^。；]{0,40}?(?P<num>\d+(?:\.\d+)?)\s*(?P<unit>千克|公斤|kg|克|g)"
    r"|(?P<num2>\d+(?:\.\d+)?)\s*(?P<unit2>千克|公斤|kg|克|g)[^。；，,]{0,8}?(?P<drug2>海洛因|甲基苯丙胺|冰毒|鸦片)"
)


def drug_quantities(text: str) -> list[tuple[str, Decimal, int, int]]:
    """(drug, grams, start, end) for every quantity written next to a drug name."""
    out: list[tuple[str, Decimal, int, int]] = []
    for m in _DRUG_QTY.finditer(text):
        drug = m.group("drug") or m.group("drug2")
        num = Decimal(m.group("num") or m.group("num2"))
        unit = m.group("unit") or m.group("unit2")
        grams = num * 1000 if unit in ("千克", "公斤", "kg") else num
        out.append((drug, grams, m.start(), m.end()))
    return out


def drug_over_threshold(drug: str, grams: Decimal) -> bool:
    return grams >= DRUG_GRAMS[drug]

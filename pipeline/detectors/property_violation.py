"""涉案财物违法处置: indicators of illegal 查封/扣押/冻结 and handling of case property (条例 art. 7(7);
CPL 141, 145, 245).

What it catches, each an explicit statement:
* seizure of property unrelated to the case ("扣押了与案件无关的财物") or beyond scope (超范围/超标的查封);
* property not returned or released after it should be (不起诉/撤案后"未予返还", "至今未退还", 保证金不退还,
  应当解除而不解除);
* seizure without a list (未开具扣押清单 / 未当场开具清单 / 清单未载明);
* unauthorised disposal (擅自处理、变卖、挪用、私分、调换、截留 涉案财物) — by an authority, not by the
  defendant (非法处置查封、扣押、冻结的财产罪 describes a defendant's crime and is masked);
* freezing beyond its time limit (超期冻结 / 冻结期限届满未解除) and repeated freezing (重复冻结);
* plain findings of 违法/违规/非法 查封、扣押、冻结.
Every hit is read for stance by `rights_infringed.read_hits` (statute wording masked, rules and hypotheticals
skipped, denials answer claims, claims resolved by later answers).

The everyday evidence list ("扣押清单、发还清单证实…") and compliant acts ("将与本案无关的物品发还原主")
are not indicators; "至今未归还/未退还" about a defendant's debt or embezzled money is not either: a return
that did not happen counts only in a sentence about seized property (查封/扣押/冻结/暂扣/保证金/涉案财物).

Confidence (one flag per document, strongest reading decides):
* 0.85 FINDING  — the document states the property was handled illegally;
* 0.55 CLAIM    — a defendant, victim or third party alleges it, unanswered;
* 0.30 REJECTED — alleged and examined, not upheld.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..types import Flag
from ._stance import (
    CLAIM,
    FINDING,
    MASK,
    STANCE_CONFIDENCE,
    claimant,
    mask_statutes,
    read_hits,
    strongest,
)
from .base import Context, Detector, register

CODE = "property_violation"

BASIS = (
    "《人民检察院司法责任追究条例》第七条第（七）项：非法搜查、损毁当事人财物或者违法违规查封、扣押、冻结、保管、"
    "处理涉案财物的；《中华人民共和国刑事诉讼法》第一百四十一条：与案件无关的财物、文件，不得查封、扣押。"
    "第一百四十五条：对查封、扣押的财物、文件、邮件、电报或者冻结的存款、汇款、债券、股票、基金份额等财产，"
    "经查明确实与案件无关的，应当在三日以内解除查封、扣押、冻结，予以退还。"
)

KIND_ZH = {
    "unrelated": "查封、扣押、冻结与案件无关的财物或超范围查封",
    "not_returned": "应当返还、退还或解除而未返还、解除",
    "no_list": "扣押未开具清单",
    "disposal": "擅自处理、挪用、变卖涉案财物",
    "overdue_freeze": "超期冻结或重复冻结",
    "illegal": "违法查封、扣押、冻结",
}

CONF_FINDING = STANCE_CONFIDENCE[FINDING]
CONF_CLAIM = STANCE_CONFIDENCE[CLAIM]
MAX_EVIDENCE = 8

_SEIZE = r"(?:查封|扣押|冻结|扣留|暂扣|收缴|调取|查扣|划扣|划转)"
_PROPERTY = r"(?:财物|财产|物品|款项|款物|资金|存款|账户|车辆|房产|房屋|文件|证件|现金|钱款|货物|设备|股权|银行卡)"
_UNRELATED = r"与(?:本|该|涉)?案(?:件)?(?:事实)?无关的?"
_RETURN = r"(?:返还|退还|发还|退回|归还|解除(?:查封|扣押|冻结)?|解封|解冻)"
_NOT = r"(?:未|没有|拒不|迟迟未|至今未|一直未|仍未|始终未|尚未|均未|并未|也未|亦未|不予|未能|拒绝)(?:予以|予|依法|及时|按规定|全部|全额)*"
_AUTHORITY = (
    r"(?:侦查人员|侦查机关|办案人员|办案民警|办案单位|公安机关|公安局|公安分局|派出所|民警|警察|检察机关|检察院|"
    r"检察人员|法院|执行法官|执行人员|审判人员|监察机关|监委|纪委|税务机关|海关|专案组)"
)
# Seized-property context that makes "至今未退还" about the authorities, not about a defendant's debt.
_SEIZED_CONTEXT = re.compile(
    rf"{_SEIZE}|涉案财物|涉案款|涉案物品|取保(?:候审)?保证金|赃款赃物|不起诉|撤(?:销)?案|终止侦查|解除强制措施|无罪"
)

PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (k, re.compile(p))
    for k, p in (
        ("unrelated", rf"{_SEIZE}(?:了)?[^。；，,]{{0,24}}?{_UNRELATED}[^。；，,]{{0,8}}?{_PROPERTY}"),
        (
            "unrelated",
            rf"{_UNRELATED}[^。；，,]{{0,8}}?{_PROPERTY}[^。；，,]{{0,10}}?(?:被|遭|仍|一并|也|亦|均)?(?:予以)?{_SEIZE}",
        ),
        (  # "公安机关扣押的被告人父亲的银行存款与本案无关": the property named first
            "unrelated",
            rf"{_SEIZE}的[^。；，,]{{0,24}}?{_PROPERTY}[^。；，,]{{0,4}}?(?:均|都|也|亦|确|实际上?)?(?:系|属|是)?{_UNRELATED}",
        ),
        (
            "unrelated",
            r"超(?:出)?(?:范围|标的|标的额|数额|限额|涉案(?:金额|数额))(?:查封|扣押|冻结)|"
            r"(?:查封|扣押|冻结)[^。；，,]{0,20}?(?:明显)?超(?:出|过)(?:了)?[^。；，,]{0,10}?(?:范围|标的额?|涉案(?:金额|数额)|犯罪数额|应当执行的数额)",
        ),
        ("not_returned", rf"{_NOT}{_RETURN}"),
        ("not_returned", rf"应当{_RETURN}[^。；，,]{{0,16}}?(?:而|却|但)?(?:未|不|没有){_RETURN}?"),
        (
            "no_list",
            r"(?:未|没有|未依法|未当场|并未|也未|既未)(?:当场)?(?:开具|出具|制作|交付|给予|出示|列出|提供|填写)[^。；，,]{0,8}?"
            r"(?:清单|收据|扣押决定书|查封决定书)",
        ),
        (
            "no_list",
            r"(?:查封|扣押|冻结|暂扣)[^。；，,]{0,16}?(?:未|没有)(?:依法)?(?:开具|出具|制作|登记|列入|记载|载明|入账)",
        ),
        (
            "disposal",
            r"(?:擅自|私自|违规|违法|非法|私下)(?:处理|处置|变卖|拍卖|使用|挪用|调换|出售|销毁|截留|私分|占用|借用|转移)"
            r"[^。；，,]{0,12}?(?:涉案|扣押|查封|冻结|暂扣|被扣|罚没|赃款|赃物|上述|该)",
        ),
        (  # "擅自将扣押的涉案车辆变卖": the object before the verb
            "disposal",
            r"(?:擅自|私自|违规|违法|非法|私下)(?:将|把)[^。；，,]{0,16}?(?:涉案|扣押|查封|冻结|暂扣|被扣|罚没|赃款|赃物)"
            r"[^。；，,]{0,12}?(?:处理|处置|变卖|拍卖|使用|挪用|调换|出售|销毁|截留|私分|占用|借用|转移|卖掉|卖给)",
        ),
        (
            "disposal",
            r"(?:扣押|查封|冻结|暂扣|收缴|罚没)的?[^。；，,、]{0,16}?(?:被|遭)(?:[^。；，,、]{0,10}?)(?:擅自|私自|违规)?(?:变卖|挪用|私分|调换|截留|占用|侵吞|贪污|拍卖)",
        ),
        (
            "overdue_freeze",
            r"超期冻结|重复冻结|冻结期限(?:已)?届满[^。；，,]{0,10}?(?:未|仍未|没有|不)(?:解除|解冻)|冻结[^。；，,]{0,12}?超过(?:法定)?期限",
        ),
        (
            "illegal",
            r"(?:违法|违规|非法|不当|错误)(?:地)?(?:搜查、)?(?:查封|扣押|冻结|查扣|划扣)|"
            r"(?:查封|扣押|冻结)(?:行为|措施|程序)?[^。；，,]{0,10}?(?:违法|违规|不当|错误|不合法)(?=[，。；,、）)]|$|的|之处|情形)",
        ),
    )
)

# A defendant's own crimes against seized property or court orders describe facts, not the authorities' acts.
_CRIME_NAMES = re.compile(
    r"非法处置查封、扣押、冻结的财产罪|非法处置查封的财产罪|非法处置扣押的财产罪|非法处置冻结的财产罪|"
    r"拒不执行判决、裁定罪|拒不执行判决罪|妨害公务罪|隐匿、转移、变卖、故意毁损已被司法机关查封、扣押、冻结的财产"
)
_DEFENDANT = re.compile(r"被告人|犯罪嫌疑人|上诉人|原审被告人|被执行人|被不起诉人")
# The compliant act right after an "unrelated property" phrase, in its own clause: 将与本案无关物品发还原主.
_COMPLIANT = re.compile(r"[^。；，,]{0,12}?(?P<act>发还|退还|返还|解除|不予扣押|未予扣押|不得|不应)")
_RETURNED_SINCE = re.compile(
    r"[^。；]{0,24}?(?<![未没不])(?:已|已经|当即|随即|均已|现已)(?:于[^。；，,]{0,12})?(?:依法)?(?:予以)?"
    r"(?:发还|退还|返还|解除|解封|解冻)"
)
_SEIZURE_ACT = re.compile(r"查封|扣押|冻结|暂扣|扣留|搜查|收缴|查扣|涉案财物|涉案款物")


def _mask_crimes(masked: str) -> str:
    chars = list(masked)
    for m in _CRIME_NAMES.finditer(masked):
        chars[m.start() : m.end()] = MASK * (m.end() - m.start())
    return "".join(chars)


def _validate(text: str, s: int, e: int, hs: int, he: int, kind: str) -> bool:
    hit = text[hs:he]
    if kind == "not_returned":
        # "至今未退还" is about seized property only in a seizure sentence, and never about a defendant's debt
        if not _SEIZED_CONTEXT.search(text, max(s, hs - 60), min(e, he + 20)):
            return False
        return _authority_acts(text, s, hs)
    if kind == "unrelated":
        # "扣押的手机与本案无关，已依法发还": returned since, compliant
        if _RETURNED_SINCE.match(text, he, e):
            return False
        # "将与本案无关的物品发还原主" / "…的，应当解除": the compliant act
        m = _COMPLIANT.match(text, he, e)
        return m is None or bool(
            re.search(r"[未没拒]|应予?$|要求$", text[max(he, m.start("act") - 2) : m.start("act")])
        )
    if kind == "disposal":
        # the actor must be an authority, not the defendant disposing of property a court seized; in
        # "擅自将被法院查封的…变卖" the authority inside the object is not the actor
        if re.match(r"\S{2}[将把]", hit):
            return _authority_acts(text, s, hs, need_authority=True)
        return bool(re.search(_AUTHORITY, hit)) or _authority_acts(text, s, hs, need_authority=True)
    if kind == "no_list":
        # a receipt not given for a loan or a demolition is no seizure: the sentence must be about one
        return bool(_SEIZURE_ACT.search(text, s, e))
    if kind == "illegal":
        # 非法处置查封…的财产 is a crime; "为索取债务非法扣押、拘禁他人" seizes a person (刑法 238)
        if "非法处置" in text[max(s, hs - 2) : he + 2]:
            return False
        return not re.match(r"[、，,]?(?:拘禁|他人|人质|被害人|其人身|[^。；，,]{0,3}作为人质)", text[he:e])
    return True


def _authority_acts(text: str, s: int, hs: int, *, need_authority: bool = False) -> bool:
    """Is the actor before the hit (same sentence, 40 chars) an authority rather than a defendant?
    "侦查机关对冻结的犯罪嫌疑人存款迟迟未解除": the authority is named, the defendant is the object."""
    zone = text[max(s, hs - 40) : hs]
    authorities = [m.start() for m in re.finditer(_AUTHORITY, zone)]
    defendants = [m.start() for m in _DEFENDANT.finditer(zone)]
    if not authorities:
        return not need_authority and not defendants
    return not defendants or min(authorities) < max(defendants) or max(authorities) > max(defendants)


@register
class PropertyViolation(Detector):
    name = "property_violation"
    version = "1"
    codes = (CODE,)

    def detect(self, ctx: Context) -> Iterable[Flag]:
        masked = _mask_crimes(mask_statutes(ctx.text))
        readings = read_hits(ctx, PATTERNS, validate=_validate, masked=masked)
        best = strongest(readings)
        if best is None:
            return []
        stance, chosen = best
        what = "、".join(KIND_ZH[k] for k in dict.fromkeys(r.kind for r in chosen))
        if stance == FINDING:
            reason = f"文书记载{what}的情形，须核查涉案财物的查封、扣押、冻结及处置是否合法"
        elif stance == CLAIM:
            reason = f"{claimant(ctx, chosen)}提出{what}，文书未见对该意见的审查结论，须核查"
        else:
            reason = f"{claimant(ctx, chosen)}提出{what}，经审查未予采纳；建议复核涉案财物处置情况"
        spans = [(r.start, r.end) for r in chosen][:MAX_EVIDENCE]
        return [self.flag(ctx, CODE, spans, confidence=STANCE_CONFIDENCE[stance], basis=BASIS, reason=reason)]

"""诉讼权利受侵犯: explicit indicators that a party's procedural rights were infringed (条例 art. 7(9); CPL 9, 14,
34, 35, 174, 198).

What it catches (each an explicit statement, never the mere absence of a routine phrase — a missing
告知诉讼权利 paragraph is `missing_element`'s business):
* rights not notified: 未告知…权利 / 未告知其有权委托辩护人 / 未履行告知义务;
* counsel obstructed: 侦查人员拒绝、阻挠律师会见 / 辩护人会见申请不予安排 / 律师会见受阻;
* 认罪认罚具结书 signed without 辩护人或者值班律师 present (CPL 174);
* no interpreter for a party who does not know the local language (CPL 9);
* legal aid not notified where CPL 35 / 278 make it mandatory (未通知法律援助机构指派律师 …);
* 最后陈述 / 申请回避 rights withheld, and general 剥夺/侵犯…诉讼权利 findings.

How a hit is read (FINDING / CLAIM / REJECTED / DENIAL): see `_stance.py`.

Confidence (one flag per document, the strongest reading decides):
* 0.85 FINDING  — the document itself states the right was infringed;
* 0.55 CLAIM    — a party alleges it and the document does not answer;
* 0.30 REJECTED — alleged and examined; kept low so a reviewer can still see how it was examined.
Counsel obstruction in a case of 危害国家安全/恐怖活动/特别重大贿赂 crimes gets 0.15 less, because CPL 39 ¶3
lets the investigator refuse a meeting there with permission.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..types import Flag
from ._stance import CLAIM, FINDING, STANCE_CONFIDENCE, claimant, read_hits, strongest
from .base import Context, Detector, register

CODE = "rights_infringed"

BASIS = (
    "《人民检察院司法责任追究条例》第七条第（九）项：违反规定严重侵犯诉讼参与人诉讼权利的；"
    "《中华人民共和国刑事诉讼法》第十四条：人民法院、人民检察院和公安机关应当保障犯罪嫌疑人、被告人和其他诉讼参与人"
    "依法享有的辩护权和其他诉讼权利。"
)
# Extra basis per kind of indicator (quotes checked against the statute text in the tests).
KIND_BASIS = {
    "notice": "《中华人民共和国刑事诉讼法》第三十四条：侦查机关在第一次讯问犯罪嫌疑人或者对犯罪嫌疑人采取强制措施的时候，"
    "应当告知犯罪嫌疑人有权委托辩护人。",
    "counsel": "《中华人民共和国刑事诉讼法》第三十九条：辩护律师持律师执业证书、律师事务所证明和委托书或者法律援助公函"
    "要求会见在押的犯罪嫌疑人、被告人的，看守所应当及时安排会见，至迟不得超过四十八小时。",
    "plea": "《中华人民共和国刑事诉讼法》第一百七十四条：犯罪嫌疑人自愿认罪，同意量刑建议和程序适用的，"
    "应当在辩护人或者值班律师在场的情况下签署认罪认罚具结书。",
    "interpreter": "《中华人民共和国刑事诉讼法》第九条：人民法院、人民检察院和公安机关对于不通晓当地通用的语言文字的"
    "诉讼参与人，应当为他们翻译。",
    "legal_aid": "《中华人民共和国刑事诉讼法》第三十五条：犯罪嫌疑人、被告人可能被判处无期徒刑、死刑，没有委托辩护人的，"
    "人民法院、人民检察院和公安机关应当通知法律援助机构指派律师为其提供辩护。",
    "trial": "《中华人民共和国刑事诉讼法》第一百九十八条：审判长在宣布辩论终结后，被告人有最后陈述的权利。",
    "general": "",
}
KIND_ZH = {
    "notice": "未告知诉讼权利",
    "counsel": "辩护人会见、阅卷受阻",
    "plea": "认罪认罚具结书签署时无辩护人或值班律师在场",
    "interpreter": "未提供翻译",
    "legal_aid": "应当通知法律援助而未通知",
    "trial": "最后陈述、申请回避等庭审权利被剥夺",
    "general": "诉讼权利被剥夺或侵犯",
}

COUNSEL_EXCEPTION_PENALTY = 0.15
MAX_EVIDENCE = 8

# =========================================================================================== patterns

_NOT = r"(?:未|没有|未曾|从未|均未|并未|也未|亦未|没)(?:依法|及时|如实|向其|向他|向她|向被告人|向犯罪嫌疑人|向上诉人|对其|给其|为其|全面|充分)*"
_RIGHT_OBJ = r"(?:权利|有权|辩护人|律师|法律援助|认罪认罚|申请回避|回避|上诉|申诉|诉讼权利|权利义务)"
_LAWYER = r"(?:律师|辩护人|辩护律师|值班律师)"
_AGENT = (
    r"(?:侦查人员|侦查机关|办案人员|办案民警|办案单位|公安机关|公安局|派出所|看守所|检察机关|检察院|法院|民警|警察)"
)

PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (k, re.compile(p))
    for k, p in (
        ("notice", rf"{_NOT}告知[^。；，]{{0,20}}?{_RIGHT_OBJ}[^。；，,的]{{0,12}}"),
        (
            "notice",
            r"(?:未|没有)(?:依法)?履行(?:权利)?告知义务|告知程序(?:缺失|违法)|(?:未|没有)(?:依法)?(?:送达|出具)[^。；，]{0,6}权利义务告知书",
        ),
        (
            "counsel",
            rf"(?:拒绝|阻挠|阻碍|阻止|不准|不让|不允许|不同意|拖延|刁难|限制)[^。；，]{{0,12}}?{_LAWYER}[^。；，]{{0,8}}?(?:会见|阅卷|通信|查阅)",
        ),
        (
            "counsel",
            rf"{_LAWYER}[^。；，,]{{0,16}}?(?:会见|阅卷)[^。；，,]{{0,16}}?(?:被拒|遭拒|受阻|被阻|未获(?:批准|许可|安排)|不予(?:安排|准许|批准|许可)|"
            r"未予(?:安排|准许|批准|许可)|未被(?:准许|允许|安排)|(?:未|没有)(?:能|得到)?(?:及时)?安排|无法会见|不能会见|难以会见|被拒绝|未能会见)",
        ),
        (
            "counsel",
            r"(?:(?:会见|阅卷)(?:申请|要求)|(?:申请|要求)(?:会见|阅卷))[^。；]{0,30}?"
            r"(?:不予(?:安排|准许|批准|许可)|未予(?:安排|准许|批准|许可)|被拒绝|遭到拒绝|未获(?:批准|准许)|拒绝安排|拒不安排)",
        ),
        (
            "counsel",
            r"(?:剥夺|限制|侵犯|妨碍|阻碍)(?:了)?[^。；，]{0,10}?(?:辩护权|会见权|阅卷权|获得辩护的权利|委托辩护人的权利)",
        ),
        (
            "plea",
            rf"(?:(?:没有|未|无|不在)(?:辩护人|{_LAWYER})(?:或者?值班律师)?(?:在场|见证|到场)|(?:辩护人|{_LAWYER})(?:均)?(?:未|没有|不)(?:在场|到场|见证))"
            r"[^。；]{0,24}?(?:签署|签订|签字|签下|签了)[^。；]{0,10}?具结书",
        ),
        (
            "plea",
            rf"(?:签署|签订|签字|签下|签了)[^。；]{{0,10}}?具结书[^。；]{{0,16}}?(?:时|过程中|期间|当时)[^。；]{{0,8}}?"
            rf"(?:(?:{_LAWYER}|辩护人)(?:均|并|也|亦|都)?(?:未|没有|不)(?:曾)?(?:在场|到场|见证)|(?:没有|无|未有)(?:{_LAWYER}|辩护人)(?:在场|到场|见证))",
        ),
        ("plea", rf"具结书[^。；]{{0,12}}?(?:无|没有|缺少|缺乏)(?:{_LAWYER}|辩护人)(?:的)?(?:签字|签名|见证)"),
        (
            "interpreter",
            r"(?:未|没有|未能|拒绝)(?:依法|及时)?(?:为其|为被告人|为犯罪嫌疑人|为上诉人|给其|向其)?(?:提供|聘请|安排|配备|指派)[^。；，]{0,6}?(?:翻译|通晓[^。；，]{0,10}的人)",
        ),
        ("interpreter", r"(?:无|没有|未有)翻译(?:人员)?(?:在场|参与|参加)|在没有翻译的情况下"),
        (
            "legal_aid",
            r"(?:未|没有|未能|并未)(?:依法|及时)?通知(?:法律援助机构|法律援助中心|法律援助)[^。；，]{0,8}?(?:指派)?|"
            r"(?:未|没有)(?:依法)?(?:为其|为被告人|为犯罪嫌疑人|为上诉人)(?:指派|指定|委派)(?:辩护人|辩护律师|律师|法律援助律师)",
        ),
        ("legal_aid", r"应当(?:通知|指派)[^。；，]{0,20}?(?:法律援助|辩护)[^。；]{0,16}?(?:而|但|却)(?:未|没有)"),
        (
            "legal_aid",
            r"在(?:没有|无|未委托)(?:辩护人|辩护律师|律师)[^。；，]{0,6}?的情况下(?:开庭|审理|审判|宣判|判决)",
        ),
        (
            "trial",
            r"(?:剥夺|限制|侵犯|未给予|没有给予|未让|没有让|未允许|不让|不允许)(?:了)?[^。；，]{0,10}?(?:最后陈述|申请回避|自行辩护|发问|质证)(?:的)?(?:权利|权)?",
        ),
        ("trial", r"(?:未|没有)(?:让|给|允许|准许|安排)?[^。；，]{0,6}?(?:作|进行|作出)?最后陈述"),
        ("trial", r"应当回避而(?:未|没有|不)回避|(?:未|没有)(?:依法)?(?:自行)?回避(?!的)"),
        (
            "general",
            r"(?:剥夺|限制|侵犯|侵害)(?:了)?[^。；，]{0,16}?(?:诉讼权利|辩护权利|诉讼参与人的权利)|诉讼权利(?:未|没有)(?:得到|获得)(?:充分)?(?:保障|保护)",
        ),
    )
)

# Counsel meetings in 危害国家安全/恐怖活动 (and, before 2018, 特别重大贿赂) cases need permission (CPL 39 ¶3).
_MEETING_EXCEPTION = re.compile(r"危害国家安全|恐怖活动|特别重大贿赂")


def _validate(text: str, s: int, e: int, hs: int, he: int, kind: str) -> bool:
    hit = text[hs:he]
    if kind == "trial" and "回避" in hit and "申请回避" not in hit:
        # 未回避 is a 回避 breach only in a procedural sentence (审判人员/检察人员/侦查人员/鉴定人)
        return bool(re.search(r"审判|检察|侦查|鉴定|书记员|合议庭|人员", text[max(s, hs - 30) : he]))
    if kind == "notice" and "告知" in hit and "权利" not in hit:
        # 未履行告知义务 is also a doctor's or seller's breach: a procedural sentence only
        return bool(re.search(r"权利|诉讼|讯问|侦查|审查起诉|审判|办案|强制措施|认罪认罚", text[s:e]))
    if kind == "counsel" and re.match(r"拒绝|不同意|不让|不允许", hit):
        # "被告人拒绝律师会见" is his own choice, not an obstruction
        return not re.search(r"(?:被告人|犯罪嫌疑人|上诉人|本人|其)[^。；，,]{0,6}$", text[max(s, hs - 12) : hs])
    if kind == "interpreter":
        return bool(re.search(r"翻译|语言|文字|汉语|普通话|聋|哑|手势|少数民族|外国", text[s:e]))
    return True


@register
class RightsInfringed(Detector):
    name = "rights_infringed"
    version = "1"
    codes = (CODE,)

    def detect(self, ctx: Context) -> Iterable[Flag]:
        readings = read_hits(ctx, PATTERNS, validate=_validate)
        best = strongest(readings)
        if best is None:
            return []
        stance, chosen = best
        conf = STANCE_CONFIDENCE[stance]
        kinds = list(dict.fromkeys(r.kind for r in chosen))
        if kinds == ["counsel"] and _MEETING_EXCEPTION.search(ctx.text):
            conf -= COUNSEL_EXCEPTION_PENALTY
        what = "、".join(KIND_ZH[k] for k in kinds)
        if stance == FINDING:
            reason = f"文书记载{what}的情形，须核查办案机关是否依法保障诉讼参与人的诉讼权利"
        elif stance == CLAIM:
            reason = f"{claimant(ctx, chosen)}提出{what}，文书未见对该意见的审查结论，须核查"
        else:
            reason = f"{claimant(ctx, chosen)}提出{what}，经审查未予采纳；建议复核审查依据"
        basis = BASIS + "".join(KIND_BASIS[k] for k in kinds)
        spans = [(r.start, r.end) for r in chosen][:MAX_EVIDENCE]
        return [self.flag(ctx, CODE, spans, confidence=conf, basis=basis, reason=reason)]

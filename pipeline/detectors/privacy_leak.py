"""privacy_leak: unmasked personal data in a document meant for publication.

Finds 18-digit 公民身份号码 with a real region and birth date (15-digit ones only next to 身份证), mobile
numbers (1[3-9] + 9 digits, not part of a longer digit run, not an order/serial number, not an amount),
bank card numbers (16-19 digits passing the Luhn check, next to 卡号/账号 or with a UnionPay 62 prefix)
and detailed home addresses (…路…号…室, …村…组…号) introduced by a residence word (住/现住/家住/户籍地 …),
never a company's 住所地. Masked forms (330102********123X, 138****5678, ××路××号, 张某) do not match.

Whether a document is meant for publication: `meta["published"]` when given (False silences the
detector); otherwise judgments and rulings are (they go to 中国裁判文书网); 起诉书 / 不起诉决定书 / 抗诉书 are only when
the accused's own name is masked (被告人王某, 被不起诉人李某某: a 公开版 that missed something) — the filed
original must carry the full 公民身份号码 (规则 art. 358), and victims' names are often masked in originals
too, so that alone proves nothing; internal documents such as 审查报告 only when meta says so.
One flag per kind of data, with every occurrence as evidence.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from .. import doctypes
from ..extract.idcard import BAD_BIRTH_DATE, BAD_REGION, FUTURE_BIRTH_DATE, IMPLAUSIBLE_BIRTH_DATE, parse_id
from ..types import Flag
from .base import Context, Detector, register

BASIS = (
    "《人民检察院司法责任追究条例》第七条第（十二）项：检察人员在履行检察职责过程中，故意实施下列行为之一的，"
    "应当承担司法责任：……泄露国家秘密、商业秘密、个人隐私等案件信息的；"
    "《最高人民法院关于人民法院在互联网公布裁判文书的规定》（法释〔2016〕19号）第十条第一款第（一）项："
    "人民法院在互联网公布裁判文书时，应当删除下列信息：自然人的家庭住址、通讯方式、身份证号码、银行账号、"
    "健康状况、车牌号码、动产或不动产权属证书编号等个人信息。"
)

_PUBLISHED_TYPES = {doctypes.JUDGMENT, doctypes.RULING}
_PUBLISHABLE_PROCURATORIAL = {doctypes.INDICTMENT, doctypes.NON_PROSECUTION, doctypes.PROTEST}
_ACCUSED_MASKED = re.compile(r"(?:被告人|被不起诉人|犯罪嫌疑人)(?:[\u4e00-\u9fff]{0,2}某|[*＊×Xx]{2,})")

_ID18 = re.compile(r"(?<![\dA-Za-z*×])\d{17}[\dXx](?![\dA-Za-z*×])")
_ID15 = re.compile(r"(?<![\dA-Za-z*×])\d{15}(?![\dA-Za-z*×])")
_ID_CONTEXT = re.compile(r"身份证|身份号码|公民身份")
_PHONE = re.compile(r"(?<![\dA-Za-z*×.])1[3-9]\d(?:[- ]?\d{4}){2}(?![\dA-Za-z*×.])")
_PHONE_NOT = re.compile(
    r"(?:订单|流水|运单|快递单|单号|编号|批号|条码|车架|发动机|IMEI|串号|型号|账号|帐号|卡号)[号码:：为是]*$"
)
_CARD = re.compile(r"(?<![\dA-Za-z*×.])(?:\d{16,19}|\d{4}(?: \d{4}){3}(?: \d{1,3})?)(?![\dA-Za-z*×.])")
_CARD_CONTEXT = re.compile(r"卡号|银行卡|账号|帐号|借记卡|信用卡|储蓄卡|存折|银行账户|尾号|卡内|卡中|卡\)|卡）")
_CARD_NOT = re.compile(r"订单|流水|交易号|单号|编号|条码|批次|车架|发动机|IMEI|串号|凭证号|票号|发票")
_NUM = r"(?:\d+|[一二三四五六七八九十百零〇]+)"
_ADDRESS = re.compile(
    r"(?:^|(?<=[，,。；;：:\s（(])|(?<=[现家暂居]))(?:住址|住处|住在|住|户籍所在地|户籍地|户籍|居住地|暂住地?)"
    r"(?!院|宿|房|户|所|的|过)[为于在是:：]?"
    rf"(?P<addr>[^，,。；;\n（(]{{2,40}}?(?:{_NUM}(?:号楼|号院|号|室|栋|幢|单元|弄|组))"
    rf"(?:[^，,。；;\n（(]{{0,12}}?{_NUM}(?:号|室|楼|层|户))*)"
)
_ADDRESS_DETAIL = re.compile(rf"{_NUM}(?:号|室)|组{_NUM}号|{_NUM}(?:栋|幢).{{0,6}}{_NUM}")
_MAX_EVIDENCE = 10


@dataclass(frozen=True, slots=True)
class PersonalData:
    """One unmasked item of personal data (normalised offsets) and its base confidence."""

    kind: str
    start: int
    end: int
    base: float


_KIND_ZH = {"id": "公民身份号码", "phone": "手机号码", "card": "银行卡号", "address": "详细住址"}


@register
class PrivacyLeak(Detector):
    name = "privacy_leak"
    version = "1"
    codes = ("privacy_leak",)

    def detect(self, ctx: Context) -> Iterable[Flag]:
        factor, why = publication_factor(ctx)
        if factor == 0:
            return
        hits = find_personal_data(ctx.text)
        for kind in ("id", "phone", "card", "address"):
            group = [h for h in hits if h.kind == kind]
            if not group:
                continue
            shown = group[:_MAX_EVIDENCE]
            yield self.flag(
                ctx,
                "privacy_leak",
                [(h.start, h.end) for h in shown],
                confidence=max(h.base for h in group) * factor,
                basis=BASIS,
                reason=(
                    f"文书{why}，但含有{len(group)}处未作删除或遮蔽处理的{_KIND_ZH[kind]}"
                    f"（如“{_preview(ctx.text[shown[0].start : shown[0].end], kind)}”）。"
                ),
            )


def publication_factor(ctx: Context) -> tuple[float, str]:
    """How sure we are that the document is meant for publication (0 = it is not), and why, in Chinese."""
    published = ctx.document.meta.get("published")
    if published is False:
        return 0.0, ""
    if published:
        return 1.0, "标注为公开文书"
    if ctx.doc_type in _PUBLISHED_TYPES:
        return 1.0, "属于应在互联网公布的裁判文书"
    if ctx.doc_type in _PUBLISHABLE_PROCURATORIAL and _ACCUSED_MASKED.search(ctx.text):
        return 1.0, "已对被告人姓名作隐名处理，属公开版本"
    return 0.0, ""


def find_personal_data(text: str) -> list[PersonalData]:
    """Unmasked personal data in normalised text, in reading order."""
    hits: list[PersonalData] = list(_ids(text))
    taken = [(h.start, h.end) for h in hits]
    for h in _cards(text):
        if not _overlaps(h, taken):
            hits.append(h)
            taken.append((h.start, h.end))
    for h in _phones(text):
        if not _overlaps(h, taken):
            hits.append(h)
    hits.extend(_addresses(text))
    return sorted(hits, key=lambda h: h.start)


def _overlaps(h: PersonalData, taken: list[tuple[int, int]]) -> bool:
    return any(s < h.end and h.start < e for s, e in taken)


def _ids(text: str) -> Iterator[PersonalData]:
    bad = {BAD_REGION, BAD_BIRTH_DATE, FUTURE_BIRTH_DATE, IMPLAUSIBLE_BIRTH_DATE}
    for m in _ID18.finditer(text):
        info = parse_id(m.group(0))
        if info is None or info.masked or bad & set(info.problems):
            continue
        yield PersonalData("id", m.start(), m.end(), 0.95 if info.checksum_ok else 0.8)
    for m in _ID15.finditer(text):
        if not _ID_CONTEXT.search(text[max(0, m.start() - 12) : m.start()]):
            continue
        info = parse_id(m.group(0))
        if info is None or info.masked or bad & set(info.problems):
            continue
        yield PersonalData("id", m.start(), m.end(), 0.7)


def _phones(text: str) -> Iterator[PersonalData]:
    for m in _PHONE.finditer(text):
        before = text[max(0, m.start() - 8) : m.start()]
        after = text[m.end() : m.end() + 2]
        if _PHONE_NOT.search(before) or re.match(r"[元万亿年号次个条件]", after):
            continue
        yield PersonalData("phone", m.start(), m.end(), 0.85)


def _cards(text: str) -> Iterator[PersonalData]:
    for m in _CARD.finditer(text):
        digits = m.group(0).replace(" ", "")
        if not luhn_ok(digits):
            continue
        before = text[max(0, m.start() - 14) : m.start()]
        if _CARD_NOT.search(before):
            continue
        if _CARD_CONTEXT.search(before):
            yield PersonalData("card", m.start(), m.end(), 0.85)
        elif digits.startswith("62"):
            yield PersonalData("card", m.start(), m.end(), 0.6)


def _addresses(text: str) -> Iterator[PersonalData]:
    for m in _ADDRESS.finditer(text):
        addr = m.group("addr")
        if not _ADDRESS_DETAIL.search(addr) or re.search(r"[×*＊Xx某]{1,}[号室]", addr):
            continue
        yield PersonalData("address", m.start("addr"), m.end("addr"), 0.75)


def luhn_ok(digits: str) -> bool:
    """The Luhn (mod 10) check used by bank card numbers."""
    if not digits.isdigit():
        return False
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


def _preview(s: str, kind: str) -> str:
    """Show only enough to find the item: the reason text itself must not repeat the personal data."""
    if kind == "address":
        return s[:6] + "…"
    return s[:3] + "*" * max(0, len(s) - 7) + s[-4:]

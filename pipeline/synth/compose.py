"""Composed fact paragraphs, one composer per charge, for the charges the shipped corpus needs most.

A composer writes the 事实 of one case from random parameters — dates before `latest`, places in the case's
region, victims (anonymised: 郑某某), items and amounts — in one of several phrasings. Amounts a defect may
later contradict are anchored: each item of an enumerated total ("fact.item.N"), the total ("fact.total"),
and a 大写/小写 pair ("fact.pair.upper" / "fact.pair.lower").
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta

from .people import masked_name
from .places import Region, place_in, road
from .style import Style, cn_number, upper_amount

Segment = tuple[str, str | None]


@dataclass
class ComposedFact:
    charge: str
    paragraphs: list[list[Segment]]
    latest: date
    summary: str  # one sentence for "侦查机关认定" / "公诉机关指控" summaries
    grave: bool = False  # a case CPL 123 makes record every interrogation of (故意杀人, 入户抢劫 …)
    total: int | None = None
    has_total: bool = False
    has_pair: bool = False
    victims: list[str] = field(default_factory=list)
    compensation: int | None = None  # 赔偿/退赔 amount, when the facts mention one


@dataclass
class Ctx:
    rng: random.Random
    style: Style
    region: Region
    role: str  # 被告人 / 犯罪嫌疑人 / 被不起诉人
    names: list[str]
    taken: set[str]
    latest: date  # the offence ends on this day
    want_amounts: bool = False  # an enumerated total or a 大写/小写 pair, for amount defects to work on
    want_grave: bool = False  # facts that make the case one CPL 123 requires recordings for
    dates_written: int = 0

    @property
    def subject(self) -> str:
        """All defendants as the subject of a sentence: 张三 / 张三、李四."""
        return "、".join(self.names)

    def who(self, i: int = 0, *, role: bool = True) -> str:
        """The defendants as the actors of the facts: 被告人张三 / 被告人张三伙同被告人李四."""
        if len(self.names) > 1:
            return "伙同".join((self.role if role else "") + n for n in self.names)
        return (self.role if role else "") + self.names[i]

    def all_names(self) -> str:
        return "、".join(self.names)

    def victim(self) -> str:
        return masked_name(self.rng, self.taken)


class Writer:
    """Paragraphs of segments; dates are written full the first time in a paragraph, then relative."""

    def __init__(self, ctx: Ctx) -> None:
        self.ctx = ctx
        self.paragraphs: list[list[Segment]] = []
        self._prev: date | None = None

    def para(self) -> Writer:
        self.paragraphs.append([])
        self._prev = None
        return self

    def t(self, text: str, key: str | None = None) -> Writer:
        self.paragraphs[-1].append((text, key))
        return self

    def date(self, d: date, *, time: bool = True) -> Writer:
        """A date of the facts, anchored as fact.date.N (a date defect may rewrite it: no clock depends on it)."""
        s = self.ctx.style
        text = s.relative(d, self._prev) if self._prev else s.date(d)
        self._prev = d
        self.t(text, f"fact.date.{self.ctx.dates_written}")
        self.ctx.dates_written += 1
        if time:
            self.t(self.ctx.rng.choice(("", "", "许", f"{self.ctx.rng.randint(8, 23)}时许", "晚", "凌晨", "下午")))
        return self


def _yuan(ctx: Ctx, n: int) -> str:
    return ctx.style.yuan(n)


def _days_before(ctx: Ctx, n: int, spread: int) -> list[date]:
    """n increasing dates within `spread` days, the last one being ctx.latest."""
    offsets = sorted(ctx.rng.sample(range(1, max(spread, n + 1)), n - 1), reverse=True) if n > 1 else []
    return [ctx.latest - timedelta(days=o) for o in offsets] + [ctx.latest]


def _round(rng: random.Random, lo: int, hi: int, step: int = 10) -> int:
    return rng.randrange(lo // step, hi // step + 1) * step


# ------------------------------------------------------------------------------------------ composers


def theft(ctx: Ctx) -> ComposedFact:
    rng = ctx.rng
    n = rng.choice((2, 3, 3, 4) if ctx.want_amounts else (1, 2, 2, 3, 3, 4))
    days = _days_before(ctx, n, 120)
    w = Writer(ctx)
    items = []
    loot = (
        ("现金人民币{a}", (300, 6000)),
        ("华为牌手机一部（价值人民币{a}）", (800, 5000)),
        ("苹果牌手机一部（价值人民币{a}）", (1500, 7000)),
        ("电动自行车一辆（价值人民币{a}）", (600, 3500)),
        ("香烟若干（价值人民币{a}）", (400, 3000)),
        ("笔记本电脑一台（价值人民币{a}）", (1500, 6000)),
        ("金项链一条（价值人民币{a}）", (2000, 9000)),
    )
    methods = (
        "趁无人之机，用随身携带的螺丝刀撬开{v}停放在该处的小型轿车车门，窃得车内",
        "趁店员不备，从收银台抽屉内窃得",
        "翻窗进入{v}的出租屋，窃得",
        "趁{v}熟睡之机，窃得其放在床头的",
        "用剪线钳剪断车锁，窃得{v}的",
        "尾随{v}至公交车上，趁其不备，从其挎包内窃得",
    )
    numbered = n > 1 and rng.random() < 0.5
    for i, d in enumerate(days):
        v = ctx.victim()
        what, (lo, hi) = rng.choice(loot)
        a = _round(rng, lo, hi)
        items.append(a)
        w.para()
        if numbered:
            w.t(f"{ctx.style.number(i + 1)}．" if rng.random() < 0.5 else f"（{cn_number(i + 1)}）")
        w.date(d).t(f"，{ctx.who()}" if i == 0 or rng.random() < 0.5 else f"，{ctx.subject}")
        w.t(f"窜至{place_in(ctx.region, rng)}，")
        w.t(rng.choice(methods).format(v=v))
        head, _, tail = what.partition("{a}")
        w.t(head).t(_yuan(ctx, a), f"fact.item.{i}").t(tail + "。")
    total = sum(items)
    fact = ComposedFact("盗窃罪", w.paragraphs, ctx.latest, "", total=total)
    if n > 1:
        w.para()
        lead = rng.choice(("综上，", "综上所述，", "", "经统计，"))
        w.t(f"{lead}{ctx.who()}共盗窃作案{cn_number(n)}次，窃得财物价值")
        w.t(rng.choice(("共计", "合计", "累计")) + "人民币").t(_yuan(ctx, total), "fact.total").t("。")
        fact.has_total = True
    fact.summary = (
        f"{ctx.who()}多次窃取他人财物，价值共计人民币{total}元"
        if n > 1
        else f"{ctx.who()}窃取他人财物，价值人民币{total}元"
    )
    return fact


def fraud(ctx: Ctx) -> ComposedFact:
    rng = ctx.rng
    n = rng.choice((2, 3, 4) if ctx.want_amounts else (1, 2, 3, 3, 4))
    days = _days_before(ctx, n, 200)
    pretexts = (
        "以“刷单返利”为名，通过社交软件添加被害人为好友，诱骗其在虚假平台充值",
        "冒充电商平台客服，以“订单异常需退款”为由，诱骗被害人向指定账户转账",
        "谎称能够帮助办理低息贷款，以收取“保证金”“解冻费”为名",
        "虚构其在某单位有熟人可以帮忙安排工作的事实，以“打点关系”为由",
        "冒充被害人的朋友，以“急需周转”为由",
    )
    pretext = rng.choice(pretexts)
    w = Writer(ctx).para()
    w.date(days[0], time=False).t(f"至{ctx.style.date(days[-1])}期间，" if n > 1 else "，")
    w.t(f"{ctx.who()}{pretext}，")
    victims = [ctx.victim() for _ in range(n)]
    amounts = [_round(rng, 2000, 60000, 100) for _ in range(n)]
    fact = ComposedFact("诈骗罪", w.paragraphs, ctx.latest, "", victims=victims, total=sum(amounts))
    if n == 1:
        w.t(f"骗取被害人{victims[0]}人民币").t(_yuan(ctx, amounts[0]), "fact.item.0").t("。")
    else:
        w.t(f"先后骗取被害人{'、'.join(victims)}钱款")
        w.t("分别为")
        for i, a in enumerate(amounts):
            w.t("、" if i else "").t(_yuan(ctx, a), f"fact.item.{i}")
        w.t("，" + rng.choice(("共计", "合计")) + "人民币").t(_yuan(ctx, sum(amounts)), "fact.total").t("。")
        fact.has_total = True
    w.t(rng.choice(("所得钱款均被其用于个人消费。", "骗得的钱款被其用于赌博及日常开销。", "")))
    if rng.random() < (0.6 if ctx.want_amounts else 0.4):
        comp = _round(rng, 1000, sum(amounts), 100)
        w.para().t(f"案发后，{ctx.subject}退赔被害人经济损失人民币")
        w.t(upper_amount(comp), "fact.pair.upper").t("（").t(_yuan(ctx, comp), "fact.pair.lower").t("）。")
        fact.has_pair, fact.compensation = True, comp
    fact.summary = f"{ctx.who()}虚构事实，骗取他人钱款共计人民币{sum(amounts)}元"
    return fact


def injury(ctx: Ctx) -> ComposedFact:
    rng = ctx.rng
    v = ctx.victim()
    w = Writer(ctx).para()
    w.date(ctx.latest).t(f"，{ctx.who()}在{place_in(ctx.region, rng)}")
    w.t(
        rng.choice(
            ("因琐事与被害人{v}发生争执，", "因停车问题与被害人{v}发生口角，", "酒后因结账问题与被害人{v}发生纠纷，")
        ).format(v=v)
    )
    w.t(
        rng.choice(
            ("继而用拳头殴打{v}面部，", "持随手拿起的啤酒瓶砸向{v}头部，", "将{v}推倒在地后用脚踢踹其胸腹部，")
        ).format(v=v)
    )
    grade = rng.choice(("轻伤二级", "轻伤二级", "轻伤一级", "轻伤二级"))
    w.t(f"致{v}受伤。经{ctx.region.city}公安司法鉴定中心鉴定，{v}的损伤程度为{grade}。")
    fact = ComposedFact(
        "故意伤害罪", w.paragraphs, ctx.latest, f"{ctx.who()}故意伤害他人身体，致一人{grade}", victims=[v]
    )
    if ctx.want_amounts or rng.random() < 0.6:
        comp = _round(rng, 8000, 90000, 1000)
        w.para().t(f"案发后，{ctx.subject}的亲属代为赔偿被害人{v}经济损失人民币")
        if ctx.want_amounts or rng.random() < 0.5:
            w.t(upper_amount(comp), "fact.pair.upper").t("（").t(_yuan(ctx, comp), "fact.pair.lower").t("）")
            fact.has_pair = True
        else:
            w.t(_yuan(ctx, comp))
        w.t(f"，取得了{v}的谅解。")
        fact.compensation = comp
    return fact


def drunk_driving(ctx: Ctx) -> ComposedFact:
    rng = ctx.rng
    bac = rng.randint(81, 260)
    w = Writer(ctx).para()
    w.date(ctx.latest).t(
        f"，{ctx.who()}酒后驾驶{rng.choice(('小型普通客车', '小型轿车', '二轮摩托车', '小型越野客车'))}"
    )
    a, b = rng.choice((("东", "西"), ("西", "东"), ("南", "北"), ("北", "南")))
    w.t(f"沿{ctx.region.place}{road(rng)}由{a}向{b}行驶，")
    w.t(
        rng.choice(
            (
                "行驶至某路口时被执勤民警拦截检查。",
                "途经某处酒驾查处点时被民警查获。",
                "与路边停放的车辆发生碰撞，致两车受损。",
            )
        )
    )
    w.t(f"经鉴定，{ctx.subject}血液中乙醇含量为{ctx.style.number(bac)}mg/100ml。")
    return ComposedFact(
        "危险驾驶罪", w.paragraphs, ctx.latest, f"{ctx.who()}在道路上醉酒驾驶机动车，血液乙醇含量{bac}mg/100ml"
    )


def traffic(ctx: Ctx) -> ComposedFact:
    rng = ctx.rng
    v = ctx.victim()
    w = Writer(ctx).para()
    w.date(ctx.latest).t(f"，{ctx.who()}驾驶{rng.choice(('重型半挂牵引车', '小型轿车', '轻型厢式货车'))}")
    w.t(
        f"沿{ctx.region.place}{road(rng)}行驶，{rng.choice(('未注意观察路面情况', '超速行驶', '在人行横道前未减速让行'))}，"
    )
    outcome = rng.choice(("致其当场死亡", "致其经抢救无效死亡", "致其重伤"))
    w.t(
        f"与步行横过道路的被害人{v}相撞，{outcome}。经{ctx.region.city}公安局交通警察支队认定，{ctx.subject}负事故的全部责任。"
    )
    comp = _round(rng, 100000, 600000, 1000)
    w.para().t(f"案发后，{ctx.subject}赔偿被害人近亲属经济损失人民币").t(_yuan(ctx, comp)).t("，取得了谅解。")
    return ComposedFact(
        "交通肇事罪",
        w.paragraphs,
        ctx.latest,
        f"{ctx.who()}违反交通运输管理法规，发生重大事故，{outcome}",
        victims=[v],
        compensation=comp,
    )


def robbery(ctx: Ctx) -> ComposedFact:
    rng = ctx.rng
    v = ctx.victim()
    home = ctx.want_grave or rng.random() < 0.35
    w = Writer(ctx).para().date(ctx.latest)
    if home:
        w.t(
            f"，{ctx.who()}携带水果刀，以查看水表为由骗开被害人{v}位于{ctx.region.place}{road(rng)}的家门，入户后持刀威胁{v}，"
        )
    else:
        w.t(f"，{ctx.who()}在{ctx.region.place}{road(rng)}一人行道上，尾随下班回家的被害人{v}，")
        w.t(rng.choice(("采用捂嘴、推搡等手段，", "持匕首威胁，", "用拳头击打其头部，")))
    a = _round(rng, 300, 6000)
    w.t("劫得").t(f"现金人民币{_yuan(ctx, a)}及手机一部。", "fact.item.0")
    return ComposedFact(
        "抢劫罪", w.paragraphs, ctx.latest,
        f"{ctx.who()}以非法占有为目的，{'入户' if home else '当场'}使用暴力、胁迫手段劫取他人财物",
        grave=home, victims=[v], total=a,
    )  # fmt: skip


def drugs(ctx: Ctx) -> ComposedFact:
    rng = ctx.rng
    kind = rng.choice(
        ("甲基苯丙胺", "甲基苯丙胺", "海洛因") if ctx.want_grave else ("甲基苯丙胺", "甲基苯丙胺", "海洛因", "氯胺酮")
    )
    n = rng.choice((1, 2, 3))
    days = _days_before(ctx, n, 60)
    grams = []
    w = Writer(ctx)
    buyers = [ctx.victim() for _ in range(n)]
    for i, d in enumerate(days):
        g = round(rng.uniform(0.3, 4.0), 1)
        grams.append(g)
        w.para().date(d).t(f"，{ctx.who() if i == 0 else ctx.names[0]}在{place_in(ctx.region, rng)}，")
        price = int(g * rng.choice((200, 300, 400, 500)))
        w.t(f"以人民币{_yuan(ctx, price)}的价格向吸毒人员{buyers[i]}贩卖{kind}{g}克。")
    seized = round(
        rng.uniform(55, 300) if ctx.want_grave else rng.choice((rng.uniform(1, 20), rng.uniform(55, 300))), 1
    )
    w.para().t(f"{ctx.subject}被查获时，民警从其住处查获{kind}{seized}克。")
    grave = kind in ("甲基苯丙胺", "海洛因") and seized + sum(grams) >= 50
    return ComposedFact(
        "走私、贩卖、运输、制造毒品罪", w.paragraphs, ctx.latest,
        f"{ctx.who()}多次向他人贩卖{kind}，并被查获{kind}{seized}克", grave=grave,
    )  # fmt: skip


def affray(ctx: Ctx) -> ComposedFact:
    rng = ctx.rng
    v1, v2 = ctx.victim(), ctx.victim()
    w = Writer(ctx).para().date(ctx.latest)
    w.t(f"，{ctx.who()}酒后在{place_in(ctx.region, rng)}，")
    w.t(
        rng.choice(
            (
                "无故辱骂、殴打正在用餐的{a}、{b}，",
                "因{a}多看了其一眼，即借故生非，殴打{a}、{b}，",
                "随意砸毁店内桌椅、餐具，并殴打上前劝阻的{a}、{b}，",
            )
        ).format(a=v1, b=v2)
    )
    w.t(f"致{v1}轻微伤。")
    dmg = _round(rng, 800, 8000)
    w.t("经价格认定，被损毁财物价值人民币").t(_yuan(ctx, dmg)).t("。")
    return ComposedFact(
        "寻衅滋事罪", w.paragraphs, ctx.latest, f"{ctx.who()}借故生非，随意殴打他人，情节恶劣", victims=[v1, v2]
    )


def card_help(ctx: Ctx) -> ComposedFact:
    rng = ctx.rng
    start = ctx.latest - timedelta(days=rng.randint(20, 120))
    cards = rng.randint(2, 6)
    flow = _round(rng, 300000, 3000000, 1000)
    pay = _round(rng, 1000, 8000, 100)
    w = Writer(ctx).para().date(start, time=False)
    w.t(
        f"至{ctx.style.date(ctx.latest)}，{ctx.who()}明知他人利用信息网络实施犯罪，仍将其本人办理的{cn_number(cards)}张银行卡及配套的手机卡、U盾出售给他人使用，"
    )
    w.t(
        f"获利人民币{_yuan(ctx, pay)}。经查，上述银行卡账户共计收到电信网络诈骗被害人转入资金人民币{_yuan(ctx, flow)}，支付结算金额"
    )
    w.t(f"人民币{_yuan(ctx, flow + _round(rng, 10000, 500000, 100))}。")
    return ComposedFact(
        "帮助信息网络犯罪活动罪",
        w.paragraphs,
        ctx.latest,
        f"{ctx.who()}明知他人利用信息网络实施犯罪，为其犯罪提供支付结算帮助，情节严重",
    )


def concealment(ctx: Ctx) -> ComposedFact:
    rng = ctx.rng
    n = rng.choice((2, 3, 4))
    days = _days_before(ctx, n, 90)
    w = Writer(ctx)
    items = []
    for i, d in enumerate(days):
        a = _round(rng, 300, 2500)
        items.append(a)
        w.para().date(d).t(
            f"，{ctx.who() if i == 0 else ctx.names[0]}在其经营的手机维修店内，明知是他人盗窃所得的手机，仍以人民币"
        )
        w.t(_yuan(ctx, a), f"fact.item.{i}").t("的价格予以收购。")
    total = sum(items)
    w.para().t(f"综上，{ctx.subject}收购赃物{cn_number(n)}次，支付赃款").t("共计人民币").t(
        _yuan(ctx, total), "fact.total"
    ).t("。")
    return ComposedFact(
        "掩饰、隐瞒犯罪所得、犯罪所得收益罪",
        w.paragraphs,
        ctx.latest,
        f"{ctx.who()}明知是犯罪所得而予以收购",
        total=total,
        has_total=True,
    )


def casino(ctx: Ctx) -> ComposedFact:
    rng = ctx.rng
    start = ctx.latest - timedelta(days=rng.randint(30, 200))
    profit = _round(rng, 20000, 300000, 100)
    w = Writer(ctx).para().date(start, time=False)
    w.t(f"至{ctx.style.date(ctx.latest)}，{ctx.who()}在{ctx.region.place}{road(rng)}一出租屋内设置赌桌，")
    w.t(
        rng.choice(
            ("以“牌九”方式组织他人赌博，", "组织他人以“推筒子”方式进行赌博，", "通过微信群组织他人以“抢红包”方式赌博，")
        )
    )
    w.t(f"从中抽头渔利，非法获利人民币{_yuan(ctx, profit)}。")
    return ComposedFact("开设赌场罪", w.paragraphs, ctx.latest, f"{ctx.who()}以营利为目的，开设赌场")


def homicide(ctx: Ctx) -> ComposedFact:
    rng = ctx.rng
    v = ctx.victim()
    w = Writer(ctx).para().date(ctx.latest)
    w.t(f"，{ctx.who()}因{rng.choice(('感情纠纷', '债务纠纷', '邻里矛盾'))}对被害人{v}怀恨在心，")
    w.t(
        f"携带事先准备的尖刀来到{v}位于{ctx.region.place}{road(rng)}的住处，持刀朝{v}胸腹部连续捅刺数刀，致{v}当场死亡。"
    )
    w.t(f"经鉴定，{v}系被单刃锐器刺破心脏致失血性休克死亡。")
    return ComposedFact(
        "故意杀人罪", w.paragraphs, ctx.latest, f"{ctx.who()}故意非法剥夺他人生命，致一人死亡", grave=True, victims=[v]
    )


def embezzle(ctx: Ctx) -> ComposedFact:
    rng = ctx.rng
    n = rng.choice((2, 3))
    days = _days_before(ctx, n, 150)
    w = Writer(ctx).para()
    w.t(f"{ctx.who()}系{ctx.region.city.rstrip('市')}某商贸有限公司出纳员。")
    items = []
    for i, d in enumerate(days):
        a = _round(rng, 5000, 90000, 100)
        items.append(a)
        w.t("" if i == 0 else "；").date(d, time=False).t(
            f"，{ctx.subject}利用负责收取货款的职务便利，将公司货款人民币"
        )
        w.t(_yuan(ctx, a), f"fact.item.{i}").t("转入其个人银行账户")
    total = sum(items)
    w.t("。").t(f"{ctx.subject}共计侵占公司财物人民币" if rng.random() < 0.5 else "以上合计人民币").t(
        _yuan(ctx, total), "fact.total"
    )
    w.t("，所得款项用于网络赌博及偿还个人债务。")
    return ComposedFact(
        "职务侵占罪",
        w.paragraphs,
        ctx.latest,
        f"{ctx.who()}利用职务上的便利，将本单位财物非法占为己有，数额较大",
        total=total,
        has_total=True,
    )


def detention(ctx: Ctx) -> ComposedFact:
    rng = ctx.rng
    v = ctx.victim()
    hours = rng.randint(10, 40)
    w = Writer(ctx).para().date(ctx.latest)
    debt = _round(rng, 10000, 100000, 1000)
    w.t(f"，{ctx.who()}为索要被害人{v}所欠的人民币{_yuan(ctx, debt)}债务，")
    w.t(f"伙同他人将{v}强行带至{ctx.region.place}{road(rng)}一宾馆房间内看管，限制其人身自由达{cn_number(hours)}小时，")
    w.t(f"其间对{v}实施殴打。后{v}的家属筹款还债，{v}方被放回。")
    return ComposedFact(
        "非法拘禁罪", w.paragraphs, ctx.latest, f"{ctx.who()}非法拘禁他人，限制他人人身自由", victims=[v]
    )


COMPOSERS: dict[str, Callable[[Ctx], ComposedFact]] = {
    "盗窃罪": theft,
    "诈骗罪": fraud,
    "故意伤害罪": injury,
    "危险驾驶罪": drunk_driving,
    "交通肇事罪": traffic,
    "抢劫罪": robbery,
    "走私、贩卖、运输、制造毒品罪": drugs,
    "寻衅滋事罪": affray,
    "帮助信息网络犯罪活动罪": card_help,
    "掩饰、隐瞒犯罪所得、犯罪所得收益罪": concealment,
    "开设赌场罪": casino,
    "故意杀人罪": homicide,
    "职务侵占罪": embezzle,
    "非法拘禁罪": detention,
}

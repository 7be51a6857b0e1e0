"""Positions the spelling checker must never change: legal terms, person names, place names.

* Legal terms: the whitelist compiled at training time (charge names, THUOCL law terms, terms mined
  from statutes). A character inside a whitelisted term of 3+ characters is protected; 2-character
  terms are too common to protect outright (上诉 in "上诉证据" is itself the error) and are a feature
  for the reranker instead (`term_cover`).
* Person names: after a role word (被告人, 被害人, 证人 …) a surname and one or two given-name
  characters; 张某/张某某/张甲 style names anywhere; and every occurrence in the document of a name
  found that way. The characters right after a role word are never changed.
* Place names: runs of two or more administrative units (湖南省长沙市, 某某县某某镇某某村).
* Lists of names after a role word (审判人员：张三、李四), pseudonyms with any third character (王某午,
  林某勇), case numbers ((2014)乡刑初字第84号, 公（刑）检（理化）字[2016]024号) and short quoted
  names or slogans (“小拇指”, "大喇嘛"), transliterated and chemical names (盐酸克伦特罗, 戊唑醇): the
  LM knows none of them and would "correct" them; likewise a few legal collocations (实刑, 涉赌).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# The common single surnames (百家姓 order, top of the frequency list) and compound surnames.
SURNAMES = set(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任"
    "沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫"
    "孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅"
    "童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车"
    "项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛"
    "仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜"
    "海阚花权强帅屠豆朴盖练廉禹井祖漆巴丰支卿国狄平计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜"
    "羊阿乌母裘亓修邰赫杭况那宿鲜印逯隆茹诸战慕危玉银亢嵇公哈湛宾戎勾茅利於呼居揭干但尉冶斯元束檀衣信"
    "展阴昝智幸奉植衡富尧闭由"
)
COMPOUND_SURNAMES = (
    "欧阳",
    "司马",
    "上官",
    "诸葛",
    "东方",
    "皇甫",
    "尉迟",
    "公孙",
    "慕容",
    "令狐",
    "夏侯",
    "长孙",
    "宇文",
    "司徒",
    "西门",
    "独孤",
    "端木",
    "澹台",
)

ROLE_WORDS = (
    "原审被告人", "被不起诉人", "犯罪嫌疑人", "法定代理人", "诉讼代理人", "被申诉人", "被上诉人", "被申请人",
    "被执行人", "被告单位", "被告人", "被害人", "上诉人", "申诉人", "申请人", "辩护人", "嫌疑人", "证人",
    "报案人", "举报人", "同案人", "同案犯", "罪犯", "原告", "被告", "第三人", "当事人", "检察员", "检察官",
    "审判长", "审判员", "书记员", "陪审员", "法官", "律师", "民警", "侦查员", "妻子", "丈夫", "儿子", "女儿",
    "父亲", "母亲", "朋友", "同事", "邻居", "男友", "女友", "司机", "老板", "审判人员", "合议庭成员", "撰写人",
    "承办人", "法定代表人", "负责人", "经办人", "委托代理人", "辩护律师", "检察长", "院长", "庭长",
)  # fmt: skip
_ROLE_RE = re.compile("(?:" + "|".join(sorted(ROLE_WORDS, key=len, reverse=True)) + ")[：:]?")
# Characters that end a name: punctuation, digits, and function words that follow names in narratives.
_NAME_STOP = set('，,。、；;：:（(）)“”"《》的因于在系与和及等将被对向从为是已以所持用伙在到至把给让称经驾')
_MASKED_NAME = re.compile(
    "(?:"
    + "|".join(COMPOUND_SURNAMES)
    + "|["
    + "".join(sorted(SURNAMES))
    + "])(?:某{1,2}[\u4e00-\u9fff]?|[甲乙丙丁戊己庚辛])"
)
_CASE_NUMBER = re.compile(
    r"[（(〔\[][0-9]{4}[）)〕\]][\u4e00-\u9fff0-9（）()]{1,15}?第?[0-9\-－]+号"
    r"|[\u4e00-\u9fff（）()]{1,10}?[〔\[（(][0-9]{4}[〕\]）)]第?[0-9\-－]+号"
)
# Characters used to spell foreign names and chemical names (克伦特罗, 阿维菌素, 戊唑醇): a run of three
# or more of them is a transliteration the LM cannot judge.
_TRANSLITERATION = (
    "阿埃艾奥巴贝彼波伯布迪蒂杜厄恩菲弗福夫盖戈格哈赫亨霍吉贾杰卡凯柯科克肯库拉莱兰朗劳勒雷里莉琳卢鲁伦"
    "罗洛玛麦曼梅蒙莫姆穆纳奈尼涅纽努诺帕佩皮乔丘萨塞桑森莎舍施斯苏索塔泰坦汤提托图瓦威维韦温沃乌希谢"
    "辛雅亚扬耶伊尤约扎泽詹尔特酮醇胺烷酯唑嗪啶喹吡咪呋噻嘧吲哚苯酚醛酰肼腈脲砜烯炔氟氯溴碘戊"
)
_FOREIGN = re.compile(f"[{_TRANSLITERATION}]{{3,}}")
# Legal collocations rare in the training text but standard in judgments, each a sound/shape neighbour
# of a commoner phrase the LM prefers: 判处实刑 (not 死刑), 涉赌/涉林/涉黑 (the 涉 + domain prefix, not
# 涉毒/涉嫌).
_LEGAL_COLLOCATION = re.compile(r"实刑|涉[\u4e00-\u9fff]")
_SHORT_QUOTE = re.compile(r"“[^“”]{1,10}”|\"[^\"]{1,10}\"|「[^「」]{1,10}」")
_PLACE = re.compile(
    "(?:[\u4e00-\u9fff]{2,5}?(?:自治区|自治州|自治县|特别行政区|省|市|县|区|旗|镇|乡|街道|村|社区|小区|路|街|巷|大道)){2,}"
)


def _name_after(text: str, pos: int) -> int:
    """End of a person name starting at pos (surname + 1-2 given-name characters), or pos if none."""
    if text.startswith(COMPOUND_SURNAMES, pos):
        start_given = pos + 2
    elif pos < len(text) and text[pos] in SURNAMES:
        start_given = pos + 1
    else:
        return pos
    end = start_given
    while end < len(text) and end - start_given < 2 and "\u4e00" <= text[end] <= "\u9fff":
        if text[end] in _NAME_STOP and end > start_given:
            break
        end += 1
    return end if end > start_given else pos


def _role_names(text: str) -> Iterable[tuple[int, int, int]]:
    """(role start, name start, name end) for each role word, then each further name of its list
    (审判人员：张三、李四、王五); name end == name start where no name follows the role word."""
    for m in _ROLE_RE.finditer(text):
        end = _name_after(text, m.end())
        yield m.start(), m.end(), end
        while end > m.end() and end + 1 < len(text) and text[end] == "、":
            nxt = _name_after(text, end + 1)
            if nxt == end + 1:
                break
            yield end + 1, end + 1, nxt
            end = nxt


def find_names(text: str) -> set[str]:
    """Person names introduced by a role word anywhere in the text (被告人张某某, 证人李四 …)."""
    names: set[str] = set()
    for _, start, end in _role_names(text):
        if end > start:
            names.add(text[start:end])
    # 张某、李某某 style pseudonyms in lists: 被告人张某、李某 — the second one has no role word.
    for m in _MASKED_NAME.finditer(text):
        names.add(m.group())
        if "某" in m.group():  # 刘某报案: the pseudonym may end at 某 (刘某) or take one more character (王某午)
            names.add(m.group()[: m.group().rindex("某") + 1])
    return names


MAX_TERM_LEN = 12


COVER_CACHE_SIZE = 1024  # sentences whose term cover is kept (the mask and the features both need it)


class Protector:
    """Marks protected character positions in a text."""

    def __init__(self, terms: Iterable[str], min_protected_len: int = 3):
        self.terms = set(terms)
        self.min_len = min_protected_len
        # Terms longer than MAX_TERM_LEN add look-ups and no protection a shorter one would not give.
        self.terms = {t for t in self.terms if len(t) <= MAX_TERM_LEN}
        self.lengths = sorted({len(t) for t in self.terms if len(t) >= 2}, reverse=True)
        # Every prefix (2+ characters) of a term: a scan from a position stops at the first string that
        # starts no term, so a position costs two or three look-ups instead of one per term length.
        self._prefixes = {t[:n] for t in self.terms for n in range(2, len(t) + 1)}
        self._covers: dict[str, list[int]] = {}

    def term_cover(self, text: str, min_len: int = 2) -> list[int]:
        """For each position, the length of the longest whitelisted term covering it (0 if none)."""
        cover = self._covers.get(text)
        if cover is None:
            cover = self._full_cover(text)
            if len(self._covers) >= COVER_CACHE_SIZE:
                self._covers.clear()
            self._covers[text] = cover
        if min_len <= 2:
            return list(cover)
        # The longest covering term is at least min_len exactly where one of min_len or more covers.
        return [c if c >= min_len else 0 for c in cover]

    def _full_cover(self, text: str) -> list[int]:
        cover = [0] * len(text)
        terms, prefixes = self.terms, self._prefixes
        n = len(text)
        for i in range(n - 1):
            for j in range(i + 2, min(n, i + MAX_TERM_LEN) + 1):
                w = text[i:j]
                if w not in prefixes:
                    break
                if w in terms:
                    length = j - i
                    for k in range(i, j):
                        if cover[k] < length:
                            cover[k] = length
        return cover

    def protected(self, text: str, names: Iterable[str] = ()) -> list[bool]:
        """True where the checker must not suggest a change."""
        cover = self.term_cover(text, self.min_len)
        mask = [c >= self.min_len for c in cover]

        def mark(s: int, e: int) -> None:
            for j in range(max(0, s), min(e, len(mask))):
                mask[j] = True

        for role, start, end in _role_names(text):
            mark(role, max(end, start + 1))  # the role word, the name, or at least the next char
        for pattern in (_MASKED_NAME, _PLACE, _CASE_NUMBER, _SHORT_QUOTE, _FOREIGN, _LEGAL_COLLOCATION):
            for m in pattern.finditer(text):
                mark(m.start(), m.end())
        for name in set(names) | find_names(text):
            if len(name) < 2:
                continue
            start = text.find(name)
            while start >= 0:
                mark(start, start + len(name))
                start = text.find(name, start + 1)
        return mask

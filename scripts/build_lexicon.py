"""Build the legal user dictionary for jieba: data/lexicon/legal_dict.txt ("word freq tag" per line).

Sources (all under ../shared/corpus, read only here; the OUTPUT file is committed so run time never needs them):
  * lexicon/THUOCL_law.txt (MIT, THUNLP) - filtered: junk short entries and long book titles dropped;
    wordlists/法律.txt is the same list and is only checked for being identical;
  * lexicon/criminal_charges.txt - 469 charge names; entries that list several charges
    ("武装叛乱、暴乱罪") are split into the fragments that appear in running text and expanded into the
    single charges they stand for, keeping only expansions that occur verbatim in the statutes;
  * terms mined from the criminal-procedure statutes (frequent, cohesive, freely-bordered n-grams that
    jieba does not already treat as one word), plus a hand-checked seed list (SEED_TERMS).

Frequencies are not copied from THUOCL (document counts on another scale would swamp jieba's own
dictionary): each word gets just enough frequency to survive as one token against its own split,
with a margin, computed with a private jieba.Tokenizer. Output is sorted and deterministic.

Run from the repo:  .venv/bin/python scripts/build_lexicon.py  [--shared PATH] [--out PATH]
"""

from __future__ import annotations

import argparse
import logging
import math
import re
import sys
import tempfile
from collections import Counter, defaultdict
from collections.abc import Iterable
from pathlib import Path

import jieba

REPO = Path(__file__).resolve().parents[1]
DEFAULT_SHARED = REPO.parent / "shared"
DEFAULT_OUT = REPO / "data" / "lexicon" / "legal_dict.txt"

# Statutes mined for procedural terms (paths relative to corpus/laws).
STATUTES = (
    "lawrefbook/诉讼与非诉讼程序法/刑事诉讼法(2018-10-26).md",
    "lawrefbook/刑法/刑法.md",
    "lawrefbook/司法解释/人民检察院刑事诉讼规则(2019-12-02).md",
    "lawrefbook/司法解释/最高人民法院关于适用《刑事诉讼法》的解释(2021-01-26).md",
    "lawrefbook/部门规章/公安部/公安机关办理刑事案件程序规定(2020-07-20).md",
    "lawrefbook/司法解释/最高人民检察院关于适用刑法分则规定的犯罪的罪名的意见(1997-12-25).md",
    "rules_and_guidelines/关于适用认罪认罚从宽制度的指导意见.md",
    "rules_and_guidelines/人民法院办理刑事案件排除非法证据规程_试行.md",
    "rules_and_guidelines/人民检察院刑事抗诉工作指引.md",
    "procuratorate/20240704_最高人民检察院关于印发《人民检察院司法责任追究条例》的通知（2024年修订）.txt",
    "procuratorate/20100726_最高人民法院、最高人民检察院、公安部等关于印发《关于对司法工作人员在诉讼活动中的渎职行为加强法律监督的若干规定(试行)》的通知.txt",
)


def _words(block: str) -> list[str]:
    return block.split()


# Hand-checked core terms of criminal procedure and case-quality review, and the placeholders of
# anonymised documents (某县, 某公司: without them jieba's HMM glues 某 to the word before, "经某"); always in.
SEED_TERMS = _words(
    """
取保候审 监视居住 指定居所监视居住 刑事拘留 行政拘留 拘留 逮捕 批准逮捕 不批准逮捕 决定逮捕 提请批准逮捕
提请批准逮捕书 审查逮捕 审查批准逮捕 审查起诉 移送审查起诉 起诉意见书 提起公诉 公诉机关 不起诉 不起诉决定书
起诉书 附条件不起诉 酌定不起诉 存疑不起诉 法定不起诉 被不起诉人 被附条件不起诉人 退回补充侦查 补充侦查 侦查终结
延长侦查羁押期限 侦查羁押期限 羁押期限 羁押必要性审查 超期羁押 变更强制措施 强制措施 刑讯逼供 暴力取证
非法证据 非法证据排除 排除非法证据 疲劳审讯 引诱 威胁 欺骗 同步录音录像 录音录像 认罪认罚 认罪认罚具结书
具结书 量刑建议 值班律师 法律援助 辩护人 辩护律师 诉讼代理人 法定代理人 合适成年人 犯罪嫌疑人 被告人 原审被告人
被害人 证人 鉴定人 鉴定意见 勘验 检查笔录 辨认笔录 侦查实验笔录 讯问笔录 询问笔录 电子数据 视听资料 书证 物证
证人证言 被害人陈述 犯罪嫌疑人供述和辩解 被告人供述和辩解 查封 扣押 冻结 涉案财物 追缴 责令退赔 没收违法所得
先行羁押 折抵刑期 有期徒刑 无期徒刑 死刑缓期执行 拘役 管制 罚金 剥夺政治权利 缓刑 缓刑考验期 假释 减刑 刑满释放
累犯 自首 坦白 立功 从轻处罚 减轻处罚 免除处罚 从重处罚 如实供述 当庭认罪 退赃 退赔 取得谅解 刑事和解
刑事附带民事诉讼 附带民事诉讼 附带民事诉讼原告人 上诉人 抗诉 抗诉书 刑事抗诉书 二审 一审 再审 审判监督程序
简易程序 普通程序 速裁程序 刑事判决书 刑事裁定书 检察建议 检察建议书 审查报告 审结报告 审查逮捕意见书 羁押处所
看守所 公民身份号码 身份证号码 户籍所在地 文化程度 案件来源 案由 侦查机关 人民检察院 人民法院 公安机关 公安局
派出所 监察委员会 国家安全机关 检察官 检察员 书记员 审判长 审判员 人民陪审员 合议庭 未成年犯罪嫌疑人 未成年人
社会调查报告 违反检察职责 司法瑕疵 司法责任 案件质量评查 法律监督 侦查活动监督 纠正违法 纠正违法通知书
某省 某市 某县 某区 某镇 某乡 某村 某街道 某小区 某公司 某单位 某某
"""
)

# THUOCL entries kept only through these rules: its tail holds book titles, person names and fragments.
THUOCL_MIN_DF = 50
THUOCL_MAX_LEN = 12
THUOCL_3CHAR_ENDINGS = set("罪权人犯书证")  # short legal nouns worth adding; not 法 (地方法|规)

# Function words that never start or end a mined term (jieba pieces).
STOP_PIECES = set(
    _words(
        """的 了 和 与 及 或 或者 以及 是 在 对 对于 于 由 被 把 将 向 从 为 以 其 之 等 中 上 下 后 前 时 应当 可以
    不得 应 须 必须 并 并且 而 但 但是 也 都 已 已经 不 没有 有 有关 依照 依法 按照 根据 规定 下列 本 该 此 这 那
    所 者 一 如 如果 若 即 则 又 还 予以 进行 作出 提出 认为 之一 包括 属于 其他 或其 各 各级 同 同时 后 经 给
    具有 造成 使 致使 使用 一般 应该 可 能 会 要 就 作为 通过 处 处以 并处 或者 构成 是否 之日起 书上"""
    )
)
# Verbs that make a verb-object phrase, not a term, when they open an n-gram ("询问证人", "采取强制措施").
VERB_OPENERS = set(
    _words(
        """询问 讯问 听取 告知 送交 送达 通知 要求 提供 返还 收集 提取 委托 确认 宣读 签署 发现 采取 派驻 需要 可能
    是否 及时 无法 本院 严重 有权 申请 提请 决定 审查 审理 办理 负责 符合 存在 继续 涉及 达成 履行 遵守 驳回
    裁定 判处 宣告 撤销 停止 复制 拒绝 收监 交付 妥善 说明 书面 相关 具体 个人 部门 管理 工作 了解 为了 我国
    关于 发生 承担 代管 供应 部分 机关 自愿 主动 积极 经过 建议 充分 强迫 企图"""
    )
)
# Pieces that end a subject-predicate or dangling phrase, not a term ("公安机关办理", "被告人在押").
PREDICATE_ENDERS = set(
    _words(
        """办理 移送 立案 管辖 补充 提交 有无 有权 之间 相应 重大 生效 国家 公民 以上 以下 有罪 无罪 死亡 逃匿 在押
    到案 要求 处理 依法 情况 涉及 阻碍 计算"""
    )
)
# Single-character pieces allowed only at the end of a term (法定代理|人, 危险物质|罪).
SUFFIX_PIECES = set("人罪书权案费物证")
NUMERALS = re.compile(r"[〇零二三四五六七八九十百千万亿两]")
HAN_RUN = re.compile(r"[\u4e00-\u9fff]+")

# Mining thresholds (chosen by inspecting the output; see data/lexicon/ATTRIBUTION.md).
MIN_COUNT = 5
MIN_DOCS = 2
MIN_LEN, MAX_LEN = 3, 6
MAX_PIECES = 3
MIN_ENTROPY = 1.2
MIN_PMI = 3.0
MAX_MINED = 3000

FREQ_MARGIN = 3
FREQ_FLOOR = {"seed": 50, "charge": 50, "proc": 20, "legal": 10}


class CorpusMissing(Exception):
    """The shared corpus (../shared) is not there; only needed to REBUILD the committed dictionary."""


def private_tokenizer() -> jieba.Tokenizer:
    jieba.default_logger.setLevel(logging.WARNING)  # a script may: jieba logs every start at DEBUG
    tk = jieba.Tokenizer()
    tk.tmp_dir = str(Path(tempfile.gettempdir()) / "pingcha-jieba")
    Path(tk.tmp_dir).mkdir(exist_ok=True)
    tk.initialize()
    return tk


def read_lines(path: Path) -> list[str]:
    return [ln.strip() for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip()]


# ---------------------------------------------------------------- THUOCL
def thuocl_terms(lines: Iterable[str], tk: jieba.Tokenizer) -> list[str]:
    out = []
    for line in lines:
        word, _, df = line.partition("\t")
        word, df = word.strip(), df.strip()
        if not word or not df.isdigit() or not HAN_RUN.fullmatch(word):
            continue
        if int(df) < THUOCL_MIN_DF or not 3 <= len(word) <= THUOCL_MAX_LEN:
            continue
        if len(word) == 3 and (word[-1] not in THUOCL_3CHAR_ENDINGS or tk.FREQ.get(word)):
            continue
        pieces = tk.lcut(word, HMM=False)
        if pieces[0] in STOP_PIECES or pieces[-1] in STOP_PIECES:  # "被裁定为", "这就是公民"
            continue
        out.append(word)
    return out


# ---------------------------------------------------------------- charges
def charge_terms(lines: Iterable[str], statute_text: str) -> list[str]:
    """Single-charge names. Entries that list several charges ("武装叛乱、暴乱罪") are expanded into the
    single charges they stand for, keeping only the expansions the statutes name as a charge."""
    named = _named_charges(statute_text)
    out: set[str] = set()
    for line in lines:
        if not line.endswith("罪"):
            continue
        parts = [p for p in line.split("、") if p]
        if len(parts) == 1:
            out.add(line)
        else:
            out.update(c for c in _expansions(parts) if c in named)
    return sorted(w for w in out if HAN_RUN.fullmatch(w) and len(w) >= 3)


def _expansions(parts: list[str]) -> set[str]:
    """Candidate single charges of "A、B、C罪": a shared tail ("走私、贩卖毒品罪" -> 走私毒品罪) or head
    ("武装叛乱、暴乱罪" -> 武装暴乱罪)."""
    last = parts[-1][:-1]
    cands = {p + "罪" for p in parts[:-1]} | {parts[-1]}  # the last fragment may be a charge itself
    for p in parts[:-1]:
        for k in range(1, len(last)):
            cands.add(p + last[k:] + "罪")  # p replaces the head of the last fragment
    first = parts[0]
    for k in range(1, len(first)):
        for p in parts[1:-1]:
            cands.add(first[:k] + p + "罪")
        cands.add(first[:k] + last + "罪")
    return cands


# In statutes a charge name opens a clause or follows one of these ("犯贩卖毒品罪", "以诈骗罪论处", "构成受贿罪");
# one that follows "、" is a fragment of a listed charge, not a name of its own.
_CHARGE_LEADS = set("犯以按成为或及和与论")
_HAN_OR_LIST = re.compile(r"[\u4e00-\u9fff、]+")


def _named_charges(text: str, max_len: int = 24) -> set[str]:
    """Every string ending in 罪 that the statutes place where a charge name can start."""
    named = set()
    for run in _HAN_OR_LIST.findall(text):
        for i, ch in enumerate(run):
            if ch != "罪":
                continue
            for j in range(max(0, i - max_len), i - 1):
                if j == 0 or run[j - 1] in _CHARGE_LEADS:
                    named.add(run[j : i + 1])
    return {n for n in named if "、" not in n}


# ---------------------------------------------------------------- mining
def mine_terms(docs: list[str], tk: jieba.Tokenizer) -> list[str]:
    """Frequent n-grams that behave as units: cohesive inside (PMI), free at both borders (entropy),
    present in several statutes, not already one jieba word, and not framed by function words."""
    runs_by_doc = [HAN_RUN.findall(d) for d in docs]
    counts = _ngram_counts([r for runs in runs_by_doc for r in runs])
    total = sum(c for g, c in counts.items() if len(g) == 1)
    cands = {g for g, c in counts.items() if MIN_LEN <= len(g) <= MAX_LEN and c >= MIN_COUNT}
    cands = {g for g in cands if not NUMERALS.search(g)}
    left: dict[str, Counter] = defaultdict(Counter)
    right: dict[str, Counter] = defaultdict(Counter)
    docs_of: dict[str, set[int]] = defaultdict(set)
    edge = 0  # every run border is a distinct neighbour
    for d, runs in enumerate(runs_by_doc):
        for run in runs:
            for n in range(MIN_LEN, MAX_LEN + 1):
                for i in range(len(run) - n + 1):
                    g = run[i : i + n]
                    if g not in cands:
                        continue
                    docs_of[g].add(d)
                    if i > 0:
                        left[g][run[i - 1]] += 1
                    else:
                        edge += 1
                        left[g][edge] += 1
                    if i + n < len(run):
                        right[g][run[i + n]] += 1
                    else:
                        edge += 1
                        right[g][edge] += 1
    scored = []
    for g in cands:
        if len(docs_of[g]) < MIN_DOCS:
            continue
        ent = min(_entropy(left[g]), _entropy(right[g]))
        if ent < MIN_ENTROPY:
            continue
        pmi = min(math.log(counts[g] * total / (counts[g[:k]] * counts[g[k:]])) for k in range(1, len(g)))
        if pmi < MIN_PMI:
            continue
        pieces = tk.lcut(g, HMM=False)
        if not _term_like(pieces):
            continue
        scored.append((-counts[g] * ent, g))
    scored.sort()
    return sorted(g for _, g in scored[:MAX_MINED])


def _term_like(pieces: list[str]) -> bool:
    if not 1 < len(pieces) <= MAX_PIECES or pieces[0] in VERB_OPENERS or pieces[-1] in PREDICATE_ENDERS:
        return False
    if any(p in STOP_PIECES for p in pieces):
        return False
    return all(len(p) > 1 for p in pieces[:-1]) and (len(pieces[-1]) > 1 or pieces[-1] in SUFFIX_PIECES)


def _ngram_counts(runs: list[str]) -> Counter:
    """Exact counts of every n-gram (n <= MAX_LEN) seen at least MIN_COUNT times (apriori pruning)."""
    counts: Counter = Counter()
    frequent: set[str] = set()
    for n in range(1, MAX_LEN + 1):
        cur: Counter = Counter()
        for run in runs:
            for i in range(len(run) - n + 1):
                g = run[i : i + n]
                if n == 1 or (g[:-1] in frequent and g[1:] in frequent):
                    cur[g] += 1
        counts.update(cur if n == 1 else {g: c for g, c in cur.items() if c >= MIN_COUNT})
        frequent = {g for g, c in cur.items() if c >= MIN_COUNT}
    return counts


def _entropy(c: Counter) -> float:
    n = sum(c.values())
    return -sum(v / n * math.log(v / n) for v in c.values()) if n else 0.0


# ---------------------------------------------------------------- frequencies
def needed_freq(tk: jieba.Tokenizer, word: str) -> int:
    """Smallest frequency that keeps `word` one token against its best split (word itself excluded)."""
    saved = tk.FREQ.get(word)
    if saved:
        tk.FREQ[word] = 0
    p = 1.0
    for seg in tk.cut(word, HMM=False):
        p *= tk.FREQ.get(seg, 1) / tk.total
    if saved:
        tk.FREQ[word] = saved
    return int(p * tk.total) + 1


def assign_freqs(tagged: dict[str, str], tk: jieba.Tokenizer) -> dict[str, int]:
    """Iterate to a fixed point: adding words changes what the others compete against."""
    base = {w: tk.FREQ.get(w, 0) for w in tagged}
    freqs = {w: max(base[w], FREQ_FLOOR[t]) for w, t in tagged.items()}
    for _ in range(5):
        for w in sorted(freqs):
            tk.add_word(w, freqs[w])
        new = {w: max(base[w], needed_freq(tk, w) * FREQ_MARGIN, FREQ_FLOOR[tagged[w]]) for w in sorted(freqs)}
        if new == freqs:
            break
        freqs = new
    return freqs


# ---------------------------------------------------------------- main
def build(shared: Path) -> list[tuple[str, int, str]]:
    corpus = shared / "corpus"
    lex = corpus / "lexicon"
    needed = [lex / "THUOCL_law.txt", lex / "criminal_charges.txt", lex / "wordlists" / "法律.txt"]
    needed += [corpus / "laws" / p for p in STATUTES]
    missing = [str(p) for p in needed if not p.is_file()]
    if missing:
        raise CorpusMissing(
            "build_lexicon: the shared corpus is needed to rebuild the lexicon (the committed "
            "data/lexicon/legal_dict.txt works without it). Missing:\n  " + "\n  ".join(missing)
        )
    tk = private_tokenizer()
    thuocl_lines = read_lines(lex / "THUOCL_law.txt")
    if read_lines(lex / "wordlists" / "法律.txt") != thuocl_lines:
        raise SystemExit("build_lexicon: wordlists/法律.txt differs from THUOCL_law.txt; merge it explicitly")
    statute_docs = [(corpus / "laws" / p).read_text(encoding="utf-8") for p in STATUTES]
    all_statutes = "\n".join(
        p.read_text(encoding="utf-8") for p in sorted((corpus / "laws" / "lawrefbook").rglob("*.md"))
    )

    tagged: dict[str, str] = {}
    for w in thuocl_terms(thuocl_lines, tk):
        if len(tk.lcut(w, HMM=False)) > 1:
            tagged[w] = "legal"
    for w in mine_terms(statute_docs, tk):
        tagged[w] = "proc"
    for w in charge_terms(read_lines(lex / "criminal_charges.txt"), all_statutes):
        tagged[w] = "charge"
    for w in SEED_TERMS:
        tagged[w] = "seed"
    freqs = assign_freqs(tagged, tk)
    return [(w, freqs[w], tagged[w]) for w in sorted(tagged)]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=DEFAULT_SHARED, help="the shared folder (../shared)")
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = ap.parse_args(argv)
    try:
        entries = build(args.shared.resolve())
    except CorpusMissing as e:
        print(e, file=sys.stderr)
        return 2
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text("".join(f"{w} {f} {t}\n" for w, f, t in entries), encoding="utf-8")
    by_tag = Counter(t for _, _, t in entries)
    print(f"wrote {len(entries)} entries to {args.out} ({dict(sorted(by_tag.items()))})")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Build the statute and charge tables in data/law/ from the lawrefbook corpus.

Run from the repository root:  .venv/bin/python scripts/build_law_tables.py [--corpus ../shared/corpus]

Reads (never at run time, only here):
  laws/lawrefbook/db.sqlite3                 names, levels, publish / valid_from / expired of 1,560 laws
  laws/lawrefbook/**.md                      statute text, one article per paragraph (see TEXT_FILES)
  laws/lawrefbook/刑法/刑法修正案*.md          which 刑法 articles each amendment added, deleted or changed
  laws/lawrefbook/司法解释/*罪名*.md, *确定罪名的补充规定*   the official charge list and its article column
  lexicon/criminal_charges.txt               cross-check of the charge list
  facts/lawbench/3-1.json, 3-4.json          CAIL2018 charge -> article co-occurrence (frequency, cross-check)
Writes:
  data/law/index.json                        every law family: names, aliases, versions and dates
  data/law/text/<file>.json                  article texts of the laws listed in TEXT_FILES
  data/law/charges.json                      official charges -> 刑法 articles (+ verified extras)
"""

from __future__ import annotations

import argparse
import json
import re
import sqlite3
import sys
from collections import Counter, defaultdict
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from pipeline.law.statutes import article_key, cn_to_int

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "data" / "law"

CN_NUM = "〇零一二三四五六七八九十百千两"
_ART_LINE = re.compile(rf"^第([{CN_NUM}0-9]+)\s*条(?:之([{CN_NUM}]+))?[\s　]*(.*)$")
_ITEM_LINE = re.compile(rf"^[（(][{CN_NUM}0-9]+[）)]")
_AMEND_ITEM = re.compile(rf"^([{CN_NUM}]+)、(.*)$")
_DATE = re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日")

# Families whose text ships. (family key, lawrefbook path relative to laws/lawrefbook, version id).
# Version ids are "<family>@<year>"; the family key is what citations resolve to.
TEXT_FILES: list[tuple[str, str]] = [
    ("刑法", "刑法/刑法.md"),
    ("刑事诉讼法", "诉讼与非诉讼程序法/刑事诉讼法(2018-10-26).md"),
    ("人民检察院刑事诉讼规则", "司法解释/人民检察院刑事诉讼规则(2019-12-02).md"),
    ("人民检察院刑事诉讼规则", "司法解释/人民检察院刑事诉讼规则（试行）(2012-11-22).md"),
    ("最高人民法院关于适用《刑事诉讼法》的解释", "司法解释/最高人民法院关于适用《刑事诉讼法》的解释(2021-01-26).md"),
    ("最高人民法院关于适用《刑事诉讼法》的解释", "司法解释/最高人民法院关于适用《刑事诉讼法》的解释(2012-12-20).md"),
    ("公安机关办理刑事案件程序规定", "部门规章/公安部/公安机关办理刑事案件程序规定(2020-07-20).md"),
    ("公安机关办理行政案件程序规定", "部门规章/公安部/公安机关办理行政案件程序规定(2019-04-27).md"),
    ("看守所条例", "行政法规/看守所条例(1990-03-17).md"),
    ("法律援助条例", "行政法规/法律援助条例(2003-07-21).md"),
    ("国家赔偿法", "宪法相关法/国家赔偿法(2012-10-26).md"),
    ("反有组织犯罪法", "宪法相关法/反有组织犯罪法(2021-12-24).md"),
    ("监察法", "宪法相关法/监察法(2018-03-20).md"),
    ("监察法", "宪法相关法/监察法(2024-12-25).md"),
    ("国际刑事司法协助法", "诉讼与非诉讼程序法/国际刑事司法协助法(2018-10-26).md"),
    ("居民身份证法", "宪法相关法/居民身份证法(2011-10-29).md"),
    (
        "最高人民法院关于裁判文书引用法律、法规等规范性法律文件的规定",
        "司法解释/最高人民法院关于裁判文书引用法律、法规等规范性法律文件的规定(2009-10-26).md",
    ),
]
# Criminal 司法解释 (name mentions 刑 or 罪) ship too: judgments cite them article by article.
CRIMINAL_INTERPRETATION = re.compile(r"刑|罪")

# Accepted short names (the 2009 最高法 citation rule wants the full name; these are what judgments and
# indictments actually use after the full name, and the way people refer to the law in reasoning).
ALIASES: dict[str, list[str]] = {
    "刑法": ["刑法", "中华人民共和国刑法"],
    "刑事诉讼法": ["刑事诉讼法", "中华人民共和国刑事诉讼法"],
    "人民检察院刑事诉讼规则": ["人民检察院刑事诉讼规则", "最高人民检察院刑事诉讼规则"],
    "最高人民法院关于适用《刑事诉讼法》的解释": [
        "最高人民法院关于适用《中华人民共和国刑事诉讼法》的解释",
        "最高人民法院关于适用《刑事诉讼法》的解释",
        "关于适用《中华人民共和国刑事诉讼法》的解释",
        "关于适用《刑事诉讼法》的解释",
    ],
    "公安机关办理刑事案件程序规定": ["公安机关办理刑事案件程序规定"],
}
# Shorthand that is common in speech and internal notes but not acceptable as a law's name in a formal
# document (裁判文书引用规定 art. 1: 准确完整写明规范性法律文件的名称).
NONSTANDARD: dict[str, list[str]] = {
    "刑事诉讼法": ["刑诉法", "新刑诉法", "刑诉"],
    "人民检察院刑事诉讼规则": ["刑诉规则", "高检规则", "检察院刑诉规则", "高检院规则"],
    "最高人民法院关于适用《刑事诉讼法》的解释": ["刑诉法解释", "刑诉解释", "高法解释", "最高法解释"],
    "公安机关办理刑事案件程序规定": ["公安部规定", "公安程序规定", "程序规定"],
    "治安管理处罚法": ["治安处罚法"],
    "道路交通安全法": ["道交法"],
}
PROCEDURAL = {
    "刑事诉讼法",
    "人民检察院刑事诉讼规则",
    "最高人民法院关于适用《刑事诉讼法》的解释",
    "公安机关办理刑事案件程序规定",
    "公安机关办理行政案件程序规定",
}

# 刑事诉讼法 1996 / 2012 texts are NOT in the corpus (only the 2018 consolidated text is). What ships for
# them: their periods of force (from the 1996/2012/2018 amendment decisions named in the 2018 text's
# preamble; effective dates hand-entered: 1997-01-01, 2013-01-01, 2018-10-26), and a concordance of the
# provisions documents cite most, 2012 number -> 2018 number, and their article counts (225 / 290,
# hand-entered). 2018 numbers are checked against the 2018
# text below (a keyword must occur in the article); 2012 numbers were hand-entered and cross-checked
# against how the 2012 人民检察院刑事诉讼规则（试行）and 2012 最高法解释 cite them (CHECKED_2012).
CPL_VERSIONS = [
    {"vid": "刑事诉讼法@1996", "title": "中华人民共和国刑事诉讼法（1996年修正）", "publish": "1996-03-17",
     "valid_from": "1997-01-01", "expired_on": "2013-01-01", "articles_total": 225},
    {"vid": "刑事诉讼法@2012", "title": "中华人民共和国刑事诉讼法（2012年修正）", "publish": "2012-03-14",
     "valid_from": "2013-01-01", "expired_on": "2018-10-26", "articles_total": 290},
]  # fmt: skip
CPL_CONCORDANCE: list[dict[str, object]] = [
    {"topic": "不追究刑事责任的情形", "2012": 15, "2018": 16, "keyword": "不追究刑事责任"},
    {"topic": "告知有权委托辩护人", "2012": 33, "2018": 34, "keyword": "委托辩护人"},
    {"topic": "非法证据排除", "2012": 54, "2018": 56, "keyword": "应当予以排除"},
    {"topic": "逮捕条件", "2012": 79, "2018": 81, "keyword": "应当予以逮捕"},
    {"topic": "拘留后提请批准逮捕期限", "2012": 89, "2018": 91, "keyword": "提请人民检察院审查批准"},
    {"topic": "讯问录音录像", "2012": 121, "2018": 123, "keyword": "录音或者录像"},
    {"topic": "侦查羁押期限", "2012": 154, "2018": 156, "keyword": "羁押期限不得超过二个月"},
    {"topic": "审查起诉期限", "2012": 169, "2018": 172, "keyword": "一个月以内作出决定"},
    {"topic": "补充侦查与存疑不起诉", "2012": 171, "2018": 175, "keyword": "补充侦查"},
    {"topic": "提起公诉", "2012": 172, "2018": 176, "keyword": "提起公诉"},
    {"topic": "不起诉", "2012": 173, "2018": 177, "keyword": "不起诉决定"},
    {"topic": "第一审判决", "2012": 195, "2018": 200, "keyword": "有罪判决"},
    {"topic": "公诉案件审理期限", "2012": 202, "2018": 208, "keyword": "二个月以内宣判"},
    {"topic": "第二审裁判", "2012": 225, "2018": 236, "keyword": "第二审"},
    {"topic": "未成年人讯问法定代理人到场", "2012": 270, "2018": 281, "keyword": "法定代理人到场"},
]
CHECKED_2012 = {15, 54, 79, 169, 171, 195, 202, 270}  # cited that way in the 2012 规则（试行）/ 2012 解释


def iso(d: str | None) -> str | None:
    return d if d and re.fullmatch(r"\d{4}-\d{2}-\d{2}", d) else None


def date_from_text(head: str, body: str) -> str | None:
    """The effective date stated in the header ("2019年12月30日 施行") or the body ("自…起施行")."""
    for text, pat in (
        (head, r"(\d{4})年(\d{1,2})月(\d{1,2})日\s*施行"),
        (body, r"自(\d{4})年(\d{1,2})月(\d{1,2})日起施行"),
    ):
        m = re.search(pat, text)
        if m:
            return date(int(m.group(1)), int(m.group(2)), int(m.group(3))).isoformat()
    return None


def split_md(path: Path) -> tuple[str, str, list[str]]:
    """(title, header text, body lines) of a lawrefbook Markdown file."""
    lines = path.read_text(encoding="utf-8").splitlines()
    title = lines[0].lstrip("# ").strip() if lines else path.stem
    try:
        end = next(i for i, ln in enumerate(lines) if "INFO END" in ln)
    except StopIteration:
        end = 0
    return title, "\n".join(lines[1:end]), lines[end + 1 :]


def origin_from_header(head: str) -> str | None:
    """The earliest date the law is known to have existed: its first 通过/公布/施行 date in the header, unless
    the header says the text replaced an older one (修订) whose date it does not give."""
    if "修订" in head and "通过" not in head.split("修订")[0]:
        return None
    found = [date(int(y), int(m), int(d)) for y, m, d in _DATE.findall(head)]
    return min(found).isoformat() if found else None


def parse_articles(body: list[str]) -> dict[str, list[str]]:
    """Article key -> list of 款 (paragraphs); a 项 line ("（一）…") is appended to its 款 after a newline."""
    arts: dict[str, list[str]] = {}
    cur: list[str] | None = None
    for raw in body:
        ln = raw.strip()
        if not ln or ln.startswith(("#", "<!--", "|")):
            continue
        m = _ART_LINE.match(ln)
        if m:
            n = cn_to_int(m.group(1))
            sub = cn_to_int(m.group(2)) if m.group(2) else 0
            if n is None or sub is None:
                continue
            key = article_key(n, sub)
            if key in arts:  # a second 第一条 means an appended document (e.g. a form) -- stop there
                break
            cur = arts[key] = []
            if m.group(3).strip():
                cur.append(m.group(3).strip())
            continue
        if cur is None:
            continue
        if _ITEM_LINE.match(ln) and cur:
            cur[-1] += "\n" + ln
        else:
            cur.append(ln)
    return arts


# Whole texts whose article count was checked against the official text (their last article has no
# 施行 clause, so `is_complete` cannot tell): 刑事诉讼法 2018 ends at 第三百零八条.
KNOWN_COMPLETE = {"刑事诉讼法"}
_CLOSING = re.compile(r"施行|生效|废止|以本(?:规定|解释|规则|决定|办法|法)为准|解释权")


def is_complete(arts: dict[str, list[str]], key: str) -> bool:
    """Whether the file holds the whole law: some lawrefbook files stop part-way (the 2017 违法所得没收
    规定 ends at 第十一条 of 25). Only a text that ends with its closing article (施行/废止/以本…为准) or is
    in KNOWN_COMPLETE may prove that an article number does not exist."""
    if not arts:
        return False
    if key in KNOWN_COMPLETE:
        return True
    last = max(arts, key=lambda k: tuple(int(x) for x in k.split("-")))
    return bool(_CLOSING.search("".join(arts[last])))


def parse_amendment_items(body: list[str]) -> dict[str, list[str]]:
    """刑法修正案 files number their articles 一、二、…; they are cited as 第一条, 第二条 …"""
    arts: dict[str, list[str]] = {}
    cur: list[str] | None = None
    for raw in body:
        ln = raw.strip()
        if not ln or ln.startswith(("#", "<!--")):
            continue
        m = _AMEND_ITEM.match(ln)
        n = cn_to_int(m.group(1)) if m else None
        if m and n is not None and str(n) not in arts:
            cur = arts[str(n)] = [m.group(2).strip()]
        elif cur is not None:
            cur.append(ln)
    return arts


def amendment_effects(corpus: Path, db_dates: dict[str, str]) -> tuple[dict, dict, dict, dict, list[dict]]:
    """Which 刑法 articles each 修正案 added / deleted / changed / removed a 款 from, with effective dates."""
    added: dict[str, dict] = {}
    para_removed: dict[str, dict] = {}
    deleted: dict[str, dict] = {}
    changed: dict[str, list[dict]] = defaultdict(list)
    amendments: list[dict] = []
    folder = corpus / "laws" / "lawrefbook" / "刑法"
    for path in sorted(folder.glob("刑法修正案*.md")):
        title, head, body = split_md(path)
        name = re.sub(r"^中华人民共和国", "", title)
        eff = iso(db_dates.get(name)) or date_from_text(head, "\n".join(body))
        if eff is None:
            raise SystemExit(f"no effective date for {name}")
        amendments.append({"name": name, "full_name": "中华人民共和国" + name, "valid_from": eff})
        rec = {"by": name, "on": eff}
        for ln in body:
            # "在刑法第一百二十条之一后增加五条，作为第一百二十条之二、…之六" -- every 作为 target is new
            m = re.search(r"增加[一二三四五六七八九十两]*条[，,]?作为(.+?)[:：“]", ln)
            if m:
                for n, s in re.findall(rf"第([{CN_NUM}]+)条之([{CN_NUM}]+)", m.group(1)):
                    added[article_key(cn_to_int(n), cn_to_int(s))] = rec
            for n, s in re.findall(rf"删去刑法第([{CN_NUM}]+)条(?:之([{CN_NUM}]+))?[。；]", ln):
                deleted[article_key(cn_to_int(n), cn_to_int(s) if s else 0)] = rec
            for n, s in re.findall(rf"删去刑法第([{CN_NUM}]+)条(?:之([{CN_NUM}]+))?第[{CN_NUM}]+款", ln):
                para_removed[article_key(cn_to_int(n), cn_to_int(s) if s else 0)] = rec
            for n, s in re.findall(rf"刑法第([{CN_NUM}]+)条(?:之([{CN_NUM}]+))?", ln):
                k = article_key(cn_to_int(n), cn_to_int(s) if s else 0)
                if k not in added and rec not in changed[k]:
                    changed[k].append(rec)
    amendments.sort(key=lambda a: a["valid_from"])
    return added, deleted, dict(changed), para_removed, amendments


def build_index(corpus: Path) -> dict[str, dict]:
    db = sqlite3.connect(corpus / "laws" / "lawrefbook" / "db.sqlite3")
    rows = db.execute("select name, level, publish, valid_from, expired from law").fetchall()
    fams: dict[str, dict] = {}
    for name, level, publish, valid_from, expired in rows:
        if level in ("其他",) or not name:
            continue
        fam_key = name.replace("（试行）", "").replace("(试行)", "").strip()
        fam = fams.setdefault(fam_key, {"key": fam_key, "level": level, "versions": []})
        fam["versions"].append(
            {
                "vid": "",
                "title": name,
                "publish": iso(publish),
                "valid_from": iso(valid_from) or iso(publish),
                "expired": bool(expired),
                "expired_on": None,
                "text": None,
            }
        )
    return fams


def finish_versions(fam: dict) -> None:
    """Sort versions, give them ids, and date an expired version's end by its successor's start."""
    vs = sorted(fam["versions"], key=lambda v: v["valid_from"] or v["publish"] or "0000")
    seen: Counter[str] = Counter()
    for i, v in enumerate(vs):
        year = (v["valid_from"] or v["publish"] or "----")[:4]
        seen[year] += 1
        v["vid"] = v.get("vid") or f"{fam['key']}@{year}" + ("" if seen[year] == 1 else f"-{seen[year]}")
        nxt = vs[i + 1] if i + 1 < len(vs) else None
        if v.get("expired_on") is None and nxt is not None and nxt.get("valid_from"):
            v["expired_on"] = nxt["valid_from"]
            v["expired"] = True
    fam["versions"] = vs


def add_text(fams: dict[str, dict], corpus: Path, key: str, rel: str, extra: dict | None = None) -> dict:
    path = corpus / "laws" / "lawrefbook" / rel
    title, head, body = split_md(path)
    stem_date = re.search(r"\((\d{4}-\d{2}-\d{2})\)", path.name)
    publish = stem_date.group(1) if stem_date else None
    eff = date_from_text(head, "\n".join(body))
    arts = parse_articles(body)
    db_title = re.sub(r"\(\d{4}-\d{2}-\d{2}\)$", "", path.stem).strip()
    fam = fams.setdefault(key, {"key": key, "level": "", "versions": []})
    # match the db row of this file (same title and publish date) or add one
    ver = next(
        (v for v in fam["versions"] if v["title"] == db_title and (publish is None or v["publish"] == publish)),
        None,
    )
    if ver is None:
        ver = {"vid": "", "title": db_title, "publish": publish, "valid_from": eff or publish, "expired": False,
               "expired_on": None, "text": None}  # fmt: skip
        fam["versions"].append(ver)
    if eff and (ver["valid_from"] is None or ver["valid_from"] == ver["publish"]):
        ver["valid_from"] = eff
    fname = re.sub(r"[《》〈〉、，（）()\s]", "", key)[:40] + ("_" + publish[:4] if publish else "") + ".json"
    ver["text"] = fname
    ver["_origin"] = origin_from_header(head)
    doc = {"family": key, "title": title, "source": f"lawrefbook/{rel}", "articles": arts,
           "complete": is_complete(arts, key)}  # fmt: skip
    if extra:
        doc.update(extra)
    ver["_doc"] = doc
    return ver


def family_origin(key: str, fam: dict) -> str | None:
    """First day the law is known to exist (for "cited before it existed" checks); None when unknown.

    Known for: the 刑法修正案 (never amended), and laws whose text header dates the original adoption;
    a 司法解释 with a single version and no text is trusted to be the original (they are rarely amended
    in place, and the corpus keeps amended ones with text). Everything else: unknown.
    """
    if key in ORIGIN_OVERRIDE:
        return ORIGIN_OVERRIDE[key]
    with_text = [v for v in fam["versions"] if v.get("text")]
    if with_text:
        origins = [v.get("_origin") for v in with_text]
        if any(o is None for o in origins):
            return None
        return min(o for o in origins if o)
    if fam.get("level") == "司法解释" and len(fam["versions"]) == 1:
        v = fam["versions"][0]
        return None if v["expired"] else (v["valid_from"] or v["publish"])
    return None


# The 1997 刑法 (in force 1997-10-01) and the 1979 刑事诉讼法 are the originals; documents this tool reads
# are all later, so "cited before it existed" never applies to them.
ORIGIN_OVERRIDE = {"刑法": "1979-07-01", "刑事诉讼法": "1979-07-01"}


def full_name_of(fam: dict) -> str:
    key = fam["key"]
    if fam.get("level") == "法律" and not key.startswith("全国人民代表大会"):
        return "中华人民共和国" + key
    return key


# ------------------------------------------------------------------ charges

_CELL_ART = re.compile(rf"第([{CN_NUM}\d]+)条(?:之([{CN_NUM}]+))?")


def _arts_in(cell: str) -> list[str]:
    cell = re.sub(r"[（(]《.*?》[^）)]*[）)]", "", cell)  # drop "（《刑法修正案（八）》第二十二条）"
    cell = re.sub(r"《.*?》第[^，、\s]*", "", cell)
    return [article_key(cn_to_int(n), cn_to_int(s) if s else 0) for n, s in _CELL_ART.findall(cell)]


def _clean_name(s: str) -> str:
    return s.replace("剌探", "刺探").strip()


def _split_names(cell: str) -> tuple[list[str], list[str]]:
    """(new names, abolished names) of one 罪名 cell of a 补充规定 table."""
    abolished: list[str] = []

    def take(m: re.Match[str]) -> str:
        body = re.sub(r"罪名$", "", m.group(1).strip())
        body = re.sub(r"^刑法原第.+?项", "", body)
        abolished.extend(_clean_name(x) + ("" if x.endswith("罪") else "罪") for x in re.split(r"(?<=罪)和", body))
        return " "

    cell = re.sub(r"[（(]\s*取消(.+?)[）)](?=\s|$|[；;])", take, cell.strip())
    cell = re.sub(r"^取消(.+)$", take, cell.strip())
    parts: list[str] = []
    for tok in re.split(r"[；;]", cell):
        buf = ""
        for piece in tok.split():
            buf += piece
            if buf.endswith("罪"):
                parts.append(buf)
                buf = ""
        if buf.strip():
            parts.append(buf)
    names: list[str] = []
    for p in parts:  # "滥用职权罪、玩忽职守罪" -- but not "间谍犯罪、恐怖主义犯罪、…证据罪"
        names += [_clean_name(x) for x in re.split(r"(?<=[^犯]罪)、", p) if x.strip()]
    return [n for n in names if len(n) > 1 and n.endswith("罪")], abolished


def build_charges(corpus: Path) -> dict:
    sj = corpus / "laws" / "lawrefbook" / "司法解释"
    charges: dict[str, dict] = {}

    _, _, body = split_md(sj / "最高人民检察院关于适用刑法分则规定的犯罪的罪名的意见(1997-12-25).md")
    for m in re.finditer(r"(?:\d+．)?\s*((?:[^\s（）．]|（[边境]）)+?罪)（(第[^）]+)）", "\n".join(body)):
        name = RENAMES.get(_clean_name(m.group(1)), _clean_name(m.group(1)))
        charges[name] = {"name": name, "articles": _arts_in(m.group(2)), "since": "1997-10-01",
                         "source": "最高人民检察院关于适用刑法分则规定的犯罪的罪名的意见(1997)"}  # fmt: skip

    supplements = sorted(sj.glob("最高人民法院、最高人民检察院关于执行《刑法》*确定罪名的补充规定*.md"))
    for path in sorted(supplements, key=lambda p: re.search(r"\((\d{4})", p.name).group(1)):
        _title, head, body = split_md(path)
        eff = date_from_text(head, "\n".join(body)) or re.search(r"\((\d{4}-\d{2}-\d{2})\)", path.name).group(1)
        src = re.sub(r"\(\d{4}-\d{2}-\d{2}\)", "", path.stem).replace(" ", "")
        last_arts: list[str] = []
        for ln in body:
            if ln.startswith("|") and "刑法条文" not in ln and not ln.startswith("|--"):
                cells = [c.strip() for c in ln.strip().strip("|").split("|")]
                if len(cells) < 2:
                    continue
                arts = _arts_in(cells[0]) or (last_arts if not cells[0] else [])
                if "《决定》" in cells[0]:
                    arts = []
                last_arts = arts or last_arts
                names, abolished = _split_names(cells[1])
                _apply(charges, names, abolished, arts, eff, src)
            m = re.search(r"将《中华人民共和国刑法》(第.+?条)（.*?的罪名由“(.+?)”修改为“(.+?)”", ln)
            if m:
                _apply(charges, [_clean_name(m.group(3))], [_clean_name(m.group(2))], _arts_in(m.group(1)), eff, src)
    return charges


def _apply(charges: dict, names: list[str], abolished: list[str], arts: list[str], eff: str, src: str) -> None:
    # "A罪（取消X罪罪名） B罪（取消Y罪罪名）": pair in order when the counts match
    paired = len(names) == len(abolished) > 1
    for i, old in enumerate(abolished):
        successor = names[i] if paired else (names[0] if names else None)
        if old in charges and "abolished_on" not in charges[old]:
            charges[old]["abolished_on"] = eff
            charges[old]["replaced_by"] = successor
        elif old not in charges:
            charges[old] = {"name": old, "articles": list(arts), "since": None, "abolished_on": eff,
                            "replaced_by": successor, "source": src}  # fmt: skip
    for n in names:
        prev = charges.get(n)
        if prev and "abolished_on" not in prev:
            prev["articles"] = sorted(set(prev["articles"]) | set(arts), key=_ak)
            continue
        # A widened name replaces the old one silently (操纵证券交易价格罪 -> 操纵证券、期货交易价格罪).
        for old in list(charges.values()):
            if ("abolished_on" not in old and old["name"] != n and set(old["articles"]) == set(arts)
                    and _is_widening(old["name"], n)):  # fmt: skip
                old["abolished_on"] = eff
                old["replaced_by"] = n
        charges[n] = {"name": n, "articles": list(arts), "since": eff, "source": src}


def _is_widening(short: str, long: str) -> bool:
    """`long` is `short` with only "、X" runs inserted (证券交易 -> 证券、期货交易)."""
    i, runs, run = 0, [], ""
    for ch in long:
        if i < len(short) and ch == short[i]:
            if run:
                runs.append(run)
                run = ""
            i += 1
        else:
            run += ch
    if run:
        runs.append(run)
    return i == len(short) and bool(runs) and all(r.startswith("、") for r in runs)


# The 1997 意见 writes one name without the 顿号 that every later text uses.
RENAMES = {"伪造变造国家有价证券罪": "伪造、变造国家有价证券罪"}


def _ak(k: str) -> tuple[int, int]:
    a, _, s = k.partition("-")
    return int(a), int(s or 0)


# Hand-verified extras for the most common charges: other 分则 articles a correct document may cite for
# this charge (provisions that say "依照本法第X条的规定定罪处罚", penalty articles, 转化 provisions).
# Each was read in the 2023 consolidated 刑法 text (data/law/text/刑法_2020.json).
VERIFIED_EXTRA: dict[str, list[str]] = {
    "盗窃罪": ["196", "210", "253", "265", "287"],  # 196③ 盗窃信用卡并使用; 210① 盗窃发票; 253② 邮政人员窃取
    "诈骗罪": ["210", "287", "300"],  # 210② 骗取发票; 300③ 邪教诈骗
    "抢劫罪": ["267", "269", "289"],  # 267② 携带凶器抢夺; 269 转化抢劫; 289 聚众打砸抢
    "抢夺罪": [],
    "故意伤害罪": ["234-1", "238", "247", "248", "289", "292", "333"],  # 致伤转化条款
    "故意杀人罪": ["234-1", "238", "247", "248", "289", "292"],
    "危险驾驶罪": [],
    "交通肇事罪": [],
    "走私、贩卖、运输、制造毒品罪": ["356", "357"],
    "非法持有毒品罪": ["356", "357"],
    "容留他人吸毒罪": ["356", "357"],
    "引诱、教唆、欺骗他人吸毒罪": ["356", "357"],
    "寻衅滋事罪": [],
    "聚众斗殴罪": [],
    "开设赌场罪": [],
    "赌博罪": [],
    "帮助信息网络犯罪活动罪": ["287"],
    "非法利用信息网络罪": ["287"],
    "掩饰、隐瞒犯罪所得、犯罪所得收益罪": [],
    "职务侵占罪": ["183"],  # 183① 保险公司人员骗取保险金
    "挪用资金罪": ["185"],
    "贪污罪": ["183", "271", "382", "383", "394"],
    "挪用公款罪": ["185", "272", "383"],
    "受贿罪": ["163", "184", "383", "386", "388"],  # 163③/184② 国有单位人员受贿 -> 385/386; 388 斡旋受贿
    "非国家工作人员受贿罪": ["184"],
    "行贿罪": ["390"],
    "单位行贿罪": ["390"],
    "对有影响力的人行贿罪": [],
    "利用影响力受贿罪": [],
    "非法吸收公众存款罪": [],
    "集资诈骗罪": ["199", "200"],  # 199 (deleted 2015) and 200 单位犯罪
    "合同诈骗罪": ["231"],
    "信用卡诈骗罪": [],
    "强奸罪": ["241", "259", "300"],  # 241② 收买后强行发生性关系; 259② 利用职权奸淫军人妻子
    "强制猥亵、侮辱罪": [],
    "猥亵儿童罪": [],
    "妨害公务罪": [],
    "袭警罪": [],
    "拒不执行判决、裁定罪": [],
    "污染环境罪": ["346"],
    "非法采矿罪": ["346"],
    "侵犯公民个人信息罪": [],
    "敲诈勒索罪": [],
    "故意毁坏财物罪": [],
    "非法拘禁罪": [],
    "绑架罪": [],
    "过失致人死亡罪": [],
    "重大责任事故罪": [],
    "非法经营罪": ["231"],
    "组织、领导传销活动罪": [],
    "虚开增值税专用发票、用于骗取出口退税、抵扣税款发票罪": ["211", "212"],
    "生产、销售伪劣产品罪": ["149", "150"],
    "生产、销售有毒、有害食品罪": ["149", "150"],
    "生产、销售不符合安全标准的食品罪": ["149", "150"],
    "生产、销售、提供假药罪": ["149", "150"],
    "假冒注册商标罪": ["220"],
    "销售假冒注册商标的商品罪": ["220"],
    "拒不支付劳动报酬罪": [],
    "非法持有、私藏枪支、弹药罪": [],
    "非法制造、买卖、运输、邮寄、储存枪支、弹药、爆炸物罪": [],
    "滥伐林木罪": ["346"],
    "盗伐林木罪": ["346"],
    "非法占用农用地罪": ["346"],
    "非法捕捞水产品罪": ["346"],
    "危害珍贵、濒危野生动物罪": ["346"],
    "组织卖淫罪": [],
    "引诱、容留、介绍卖淫罪": [],
    "滥用职权罪": [],
    "玩忽职守罪": [],
    "走私普通货物、物品罪": ["154", "156", "157"],
    "伪造、变造、买卖国家机关公文、证件、印章罪": [],
    "招摇撞骗罪": [],
    "非法侵入住宅罪": [],
    "窝藏、包庇罪": [],
    "虐待罪": [],
    "重婚罪": [],
}
# 分则 articles that say nothing about which offence was committed (definitions, unit liability, recidivism
# of a whole chapter). Citing them neither fits nor contradicts a charge.
NEUTRAL_ARTICLES = ["150", "155", "156", "157", "200", "211", "212", "220", "231", "287", "346",
                    "356", "357", "366", "367", "451", "452"]  # fmt: skip


def lawbench_pairs(corpus: Path) -> tuple[Counter, Counter]:
    pairs: Counter[tuple[str, str]] = Counter()
    counts: Counter[str] = Counter()
    seen: set[str] = set()
    for f in ("3-1.json", "3-4.json"):
        p = corpus / "facts" / "lawbench" / f
        if not p.exists():
            continue
        for item in json.loads(p.read_text(encoding="utf-8")):
            q = item["question"] + " " + item["answer"]
            m = re.search(r"罪名:([^。\n]+)", q)
            if not m:
                continue
            fact_key = q[:200]
            if fact_key in seen:
                continue
            seen.add(fact_key)
            arts = {a for group in re.findall(r"刑法第([\d、]+)条", q) for a in group.split("、") if a}
            for c in re.split(r"[;；]", m.group(1)):
                counts[c + "罪"] += 1
                for a in arts:
                    pairs[(c + "罪", a)] += 1
    return counts, pairs


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=REPO.parent / "shared" / "corpus")
    args = ap.parse_args()
    corpus: Path = args.corpus
    if not (corpus / "laws" / "lawrefbook" / "db.sqlite3").exists():
        raise SystemExit(f"corpus not found at {corpus}")

    fams = build_index(corpus)
    db_dates = {v["title"]: v["valid_from"] for f in fams.values() for v in f["versions"]}
    added, deleted, changed, para_removed, amendments = amendment_effects(corpus, db_dates)

    # 修正案 are their own laws (cited as 《中华人民共和国刑法修正案（九）》第X条)
    for a in amendments:
        fam = fams.setdefault(a["name"], {"key": a["name"], "level": "法律", "versions": []})
        for v in fam["versions"]:
            v["valid_from"] = a["valid_from"]
        rel = next((p for p in (corpus / "laws/lawrefbook/刑法").glob(a["name"] + "*.md")), None)
        if rel is not None:
            _, _head, body = split_md(rel)
            fam["versions"][0]["text"] = re.sub(r"[（）]", "", a["name"]) + ".json"
            fam["versions"][0]["_origin"] = a["valid_from"]
            items = parse_amendment_items(body)
            fam["versions"][0]["_doc"] = {"family": a["name"], "title": a["full_name"],
                                          "source": f"lawrefbook/刑法/{rel.name}", "articles": items,
                                          "complete": is_complete(items, a["name"])}  # fmt: skip

    for key, rel in TEXT_FILES:
        extra = None
        if key == "刑法":
            extra = {"added": added, "deleted": deleted, "changed": changed, "para_removed": para_removed,
                     "amendments": amendments}  # fmt: skip
        ver = add_text(fams, corpus, key, rel, extra)
        if key == "刑法":
            # One consolidated text stands for the 1997 code as amended; article history is in "added" /
            # "deleted" / "changed". Its period of force is the 1997 code's (hand-entered: 1997-10-01).
            ver.update(publish="1997-03-14", valid_from="1997-10-01", expired=False, expired_on=None)
            fams["刑法"]["versions"] = [ver]
    sj = corpus / "laws" / "lawrefbook" / "司法解释"
    listed = {rel for _, rel in TEXT_FILES}
    for path in sorted(sj.glob("*.md")):
        rel = f"司法解释/{path.name}"
        if rel in listed or not CRIMINAL_INTERPRETATION.search(path.stem) or "罪名" in path.stem:
            continue
        _title, _, body = split_md(path)
        if not parse_articles(body):
            continue
        key = re.sub(r"\(\d{4}-\d{2}-\d{2}\)$", "", path.stem).replace("（试行）", "").strip()
        key = re.sub(r"\s+", " ", key)
        add_text(fams, corpus, key, rel)

    # CPL 1996 / 2012 periods (no text)
    cpl = fams["刑事诉讼法"]
    for v in CPL_VERSIONS:
        cpl["versions"].append({**v, "expired": True, "text": None})
    for fam in fams.values():
        finish_versions(fam)
    cpl_2018 = next(v for v in cpl["versions"] if v.get("_doc"))
    cpl_2018["valid_from"] = "2018-10-26"
    for row in CPL_CONCORDANCE:
        text = "".join(cpl_2018["_doc"]["articles"][str(row["2018"])])
        if row["keyword"] not in text:
            raise SystemExit(f"concordance check failed: CPL 2018 art. {row['2018']} lacks {row['keyword']!r}")
        row["checked_2012"] = row["2012"] in CHECKED_2012

    out_text = OUT / "text"
    out_text.mkdir(parents=True, exist_ok=True)
    for old in out_text.glob("*.json"):
        old.unlink()
    index: dict[str, dict] = {}
    for key, fam in sorted(fams.items()):
        fam["_origin"] = family_origin(key, fam)
        for v in fam["versions"]:
            v.pop("_origin", None)
            doc = v.pop("_doc", None)
            if doc is not None:
                doc["vid"] = v["vid"]
                (out_text / v["text"]).write_text(
                    json.dumps(doc, ensure_ascii=False, separators=(",", ":")), encoding="utf-8"
                )
        entry = {
            "full_name": full_name_of(fam),
            "origin": fam["_origin"],
            "level": fam.get("level", ""),
            "procedural": key in PROCEDURAL,
            "aliases": ALIASES.get(key, []),
            "nonstandard": NONSTANDARD.get(key, []),
            "versions": fam["versions"],
        }
        if key == "刑事诉讼法":
            entry["concordance"] = CPL_CONCORDANCE
        index[key] = entry
    (OUT / "index.json").write_text(
        json.dumps({"families": index}, ensure_ascii=False, separators=(",", ":")), encoding="utf-8"
    )

    charges = build_charges(corpus)
    counts, pairs = lawbench_pairs(corpus)
    lexicon = {
        ln.strip().replace("剌", "刺")
        for ln in (corpus / "lexicon" / "criminal_charges.txt").read_text(encoding="utf-8").splitlines()
        if ln.strip()
    }
    for name, c in charges.items():
        c["articles"] = sorted(set(c["articles"]), key=_ak)
        if name in VERIFIED_EXTRA:
            c["verified"] = True
            c["also"] = VERIFIED_EXTRA[name]
        c["lawbench_count"] = counts.get(name, 0)
        co = [(a, n) for (ch, a), n in pairs.items() if ch == name]
        c["lawbench_top_articles"] = [a for a, _ in sorted(co, key=lambda an: (-an[1], int(an[0])))[:3]]
        c["in_lexicon"] = name in lexicon
    missing_verified = [n for n in VERIFIED_EXTRA if n not in charges or "abolished_on" in charges[n]]
    if missing_verified:
        raise SystemExit(f"verified charges not current in the official list: {missing_verified}")
    (OUT / "charges.json").write_text(
        json.dumps(
            {
                "charges": sorted(charges.values(), key=lambda c: _ak(c["articles"][0]) if c["articles"] else (0, 0)),
                "neutral_articles": NEUTRAL_ARTICLES,
                "lexicon_only": sorted(lexicon - set(charges)),
            },
            ensure_ascii=False,
            indent=0,
        ),
        encoding="utf-8",
    )
    total = sum(p.stat().st_size for p in OUT.rglob("*.json"))
    current = [c for c in charges.values() if "abolished_on" not in c]
    print(f"families={len(index)} texts={len(list(out_text.glob('*.json')))} charges={len(charges)} "
          f"current={len(current)} lexicon={len(lexicon)} lexicon_only={len(lexicon - set(charges))} "
          f"size={total / 1e6:.2f}MB")  # fmt: skip


if __name__ == "__main__":
    main()

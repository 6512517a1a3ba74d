#!/usr/bin/env python3
"""Generates the benchmark corpus for `make bench`: a synthetic archive of N notices.

    generate.py --notices N --content Content --out DIR

writes
    DIR/content/   a complete, VALID Passline content tree: a copy of Content/ (exams, sources,
                   messages, areas, FAQ, the real notice and its sessions) plus N synthetic notices in
                   notices/ and the sessions they cover in sessions/. Every synthetic notice states in
                   its prose exactly the windows, thresholds and hotline its front matter holds, so
                   `passline check` passes on it.
    DIR/hugo/      a minimal Hugo site holding the same Markdown files (front matter and all) under
                   content/notices/, with one single-page template and one list template.
    DIR/corpus.md  every notice body concatenated: the input of the cmark floor.
    DIR/stats.json counts and sizes.

    generate.py --edit FILE

changes one notice's prose (toggles a sentence in its procedure clause) without touching any fact, for
the incremental-rebuild measurement.

The archive is synthetic and says so in each notice's preamble: the thresholds, windows and hotlines
are made up for sessions 1994-2022 that Content/ does not describe, so nothing here is a policy fact.
Output is deterministic for a given N and --seed.
"""
import argparse
import datetime as dt
import hashlib
import json
import os
import random
import shutil
import sys

HERE = os.path.dirname(os.path.abspath(__file__))

# Synthetic sessions are in years the real content does not cover, so they never clash with it.
FIRST_SESSION_YEAR, LAST_SESSION_YEAR = 1994, 2022

RUANKAO = "计算机软件资格考试"
TONGXIN = "全国通信专业技术人员职业水平考试"

PROVINCES = ["四川", "云南", "甘肃", "青海", "西藏", "新疆", "宁夏", "广西", "贵州", "内蒙古", "陕西", "重庆"]
CITIES = ["成都", "昆明", "兰州", "西宁", "拉萨", "乌鲁木齐", "银川", "南宁", "贵阳", "呼和浩特", "西安"]

PREAMBLE_OPENINGS = [
    "按照有关文件精神,",
    "根据单独划线有关规定,",
    "为做好补申领工作,",
]
CONDITION_LOCAL = [
    "(一)在单独划线地区参加考试,全部科目达到当次单独划线合格标准。",
    "(一)单独划线地区的参考人员,全部科目成绩达到当次单独划线合格标准。",
]
CONDITION_RELOCATED = [
    "(二)在其他地区参加考试,现到单独划线地区工作,全部科目达到当次单独划线合格标准。",
    "(二)非单独划线地区的参考人员现在单独划线地区工作,全部科目达到当次标准。",
]
CONDITION_NOTES = [
    "请对照本人**成绩单**逐项核对。",
    "证书的*适用范围*见证书说明。",
    "有疑问的,先向当地考试机构咨询。",
]
PROCEDURE_OPENINGS = [
    "符合条件的参考人员登录[{site}]({url})的“单独划线补申领”入口,向省级考试机构提交申请。",
    "申请人通过[{site}]({url})的补申领入口提交申请,并选择对应的省级考试机构。",
]
MATERIALS = [
    "本人有效身份证件的扫描件",
    "在单独划线地区工作的劳动合同或单位出具的工作证明",
    "社会保险缴纳记录",
    "单位所在地的营业执照或统一社会信用代码证明",
    "本人近期免冠证件照片",
    "省级考试机构要求的其他材料",
    "居住证或户籍证明",
]
PROCEDURE_TAILS = [
    "审核通过的,由**{issuer}**补发证书。",
    "材料不全的,省级考试机构*一次性*告知补正内容。",
    "审核结果可在网站**个人中心**查询。",
]
FILLER = [
    "各省级考试机构要高度重视,明确专人负责,认真做好政策解读和咨询服务工作,确保补申领工作平稳有序。",
    "请各单位通过门户网站、微信公众号等渠道及时发布本通知,扩大知晓范围,方便参考人员了解相关政策。",
    "各地在工作中遇到的新情况、新问题,请及时报告,以便统一研究处理。",
    "补申领工作涉及参考人员切身利益,请严格按照规定的条件和程序办理,做到公开、公平、公正。",
    "参考人员的个人信息应当依法妥善保管,不得泄露或者用于与补申领无关的用途。",
    "各地可以结合实际制定具体的实施办法,并报送备案。",
]
PENALTIES = [
    "以虚假材料或其他不正当手段取得证书的,按照《专业技术人员资格考试违纪违规行为处理规定》处理。",
    "弄虚作假取得证书的,一经查实**予以收回**;涉嫌犯罪的,依法移交司法机关处理。",
]
CLOSINGS = [
    "申领过程中如有相关问题,请拨打咨询电话{hotline}。",
    "工作中如有疑问,请在工作日拨打咨询电话{hotline}。",
]


def stable_int(text, modulo):
    return int(hashlib.sha256(text.encode()).hexdigest(), 16) % modulo


def session_data(exam, session_id):
    """Made-up thresholds for a synthetic session: always below the national pass mark."""
    if exam == "ruankao":
        base = 38 + stable_int(exam + session_id, 6)            # 38..43 < 45
        senior = base + stable_int("senior" + session_id, 2)    # 38..44
        half = "上半年" if session_id.endswith("H1") else "下半年"
        label = session_id[:4] + "年" + half
        return label, {"junior": base, "intermediate": base, "senior": senior}
    base = 50 + stable_int(exam + session_id, 8)                # 50..57 < 60
    return session_id + "年度", {"junior": base, "intermediate": base}


def day_text(day, with_year):
    return (f"{day.year}年" if with_year else "") + f"{day.month}月{day.day}日"


def window_text(start, end):
    """`2011年3月1日9:00至4月10日17:00`, the year repeated when the window crosses one."""
    return f"{day_text(start, True)}{start.hour}:{start.minute:02d}至{day_text(end, end.year != start.year)}{end.hour}:{end.minute:02d}"


def iso(moment):
    return moment.strftime("%Y-%m-%dT%H:%M+08:00")


def threshold_sentence(number, label, exam_name, thresholds):
    levels = sorted(set(thresholds.values()))
    if len(levels) == 1:
        return f"{number}.{label}{exam_name}单独划线地区各科目合格标准均为{levels[0]}分(含)。"
    return (f"{number}.{label}{exam_name}单独划线地区初、中级各科目合格标准均为{thresholds['junior']}分(含),"
            f"高级各科目合格标准均为{thresholds['senior']}分(含)。")


def make_notice(index, day, slot_days, rng):
    """One synthetic notice: front matter and body stating the same facts."""
    year = day.year - 1
    covers = []
    if rng.random() < 0.85:
        covers += [("ruankao", f"{year}-H1"), ("ruankao", f"{year}-H2")][: rng.choice([1, 2, 2])]
    if rng.random() < 0.6 or not covers:
        covers.append(("tongxin", str(year)))
    province = rng.choice(PROVINCES)
    issuer = f"{province}省人事考试中心(示例)" if province not in ("西藏", "新疆", "宁夏", "广西", "内蒙古") else f"{province}自治区人事考试中心(示例)"
    if province == "重庆":
        issuer = "重庆市人事考试中心(示例)"
    nid = f"{day.isoformat()}-{index:05d}"
    # Rounds covering one session must not be open at once (the archive check), so every window opens
    # a fixed week after its notice and closes before the next notice's window opens.
    app_start = dt.datetime(day.year, day.month, day.day, 9, 0) + dt.timedelta(days=7)
    app_days = min(rng.randint(20, 40), slot_days - 1)
    app_end = (app_start + dt.timedelta(days=max(app_days, 0))).replace(hour=17)
    rev_start = app_start + dt.timedelta(days=max(app_days // 2, 0), hours=1)
    rev_end = (app_end + dt.timedelta(days=rng.randint(5, 12))).replace(hour=17)
    hotline = f"0{rng.randint(10, 99)}-{rng.randint(60000000, 69999999)}"
    names = {"ruankao": RUANKAO, "tongxin": TONGXIN}
    exam_words = "、".join(dict.fromkeys(("计算机软件资格考试" if e == "ruankao" else "通信职业水平考试") for e, _ in covers))
    title = f"关于开展{year}年度{exam_words}单独划线地区证书补申领工作的通知(第{index}号示例)"
    site_name, site_url = rng.choice([("示例省人事考试网", "https://rsks.example.org/"),
                                      ("示例职业资格服务平台", "https://zige.example.org/apply"),
                                      ("示例考试服务园地", "https://exam.example.org/service")])

    body = []
    body.append(f"{rng.choice(PREAMBLE_OPENINGS)}{year}年{exam_words}单独划线地区证书补申领事项如下"
                f"(性能测试*示例文本*,内容虚构,[说明](https://example.org/passline/{nid})):")
    body.append("## 一、补申领申请及审核时间")
    body.append(f"(一)申请时间:{window_text(app_start, app_end)},过期不予受理。")
    body.append(f"(二)审核时间:{window_text(rev_start, rev_end)}")
    body.append("## 二、申领条件")
    body.append(rng.choice(CONDITION_LOCAL))
    body.append(rng.choice(CONDITION_RELOCATED))
    body.append("\n".join("- " + note for note in rng.sample(CONDITION_NOTES, 2)))
    body.append("## 三、各次单独划线地区合格标准")
    cover_lines = []
    for position, exam in enumerate(dict.fromkeys(e for e, _ in covers)):
        numeral = "一二"[position]
        body.append(f"### ({numeral}){'计算机软件资格考试' if exam == 'ruankao' else '通信职业水平考试'}")
        number = 0
        for e, session in covers:
            if e != exam:
                continue
            number += 1
            label, thresholds = session_data(e, session)
            body.append(threshold_sentence(number, label, names[e], thresholds))
            cover_lines.append(f"  - {{exam: {e}, session: \"{session}\", clause: 三({numeral}){number}}}")
    body.append("## 四、申领方式")
    body.append(rng.choice(PROCEDURE_OPENINGS).format(site=site_name, url=site_url))
    body.append("申请时需上传以下材料:\n\n" + "\n".join("- " + m for m in rng.sample(MATERIALS, rng.randint(2, 4))))
    body.append(rng.choice(PROCEDURE_TAILS).format(issuer=issuer))
    body.append("## 五、违纪违规行为处理")
    body.append(rng.choice(PENALTIES))
    body.append("* * *")
    closing = [rng.choice(CLOSINGS).format(hotline=hotline)]
    # Pad with administrative prose to about 1.5 KB of body, varying by notice.
    target = rng.randint(1400, 1600)
    fillers = rng.sample(FILLER, len(FILLER))
    while len(("\n\n".join(body + closing)).encode()) < target and fillers:
        closing.insert(0, fillers.pop())
    body += closing

    front = [
        "---",
        f"id: {nid}",
        "kind: full",
        f"title: {title}",
        f"issuer: {issuer}",
        f"date: {day.isoformat()}",
        f"addressee: {province}各市(州)人事考试机构",
        f"source_url: https://example.org/passline/{nid}",
        f"application: {{start: {iso(app_start)}, end: {iso(app_end)}, clause: 一(一)}}",
        f"review: {{start: {iso(rev_start)}, end: {iso(rev_end)}, clause: 一(二)}}",
        f"hotline: {hotline}",
        "entry: 单独划线补申领",
        "legal_basis: [hrss-2022-25]",
        "roles: {scope: 序, local: 二(一), relocated: 二(二), procedure: 四, penalties: 五, hotline: 结语}",
        "covers:",
        *cover_lines,
        "---",
    ]
    return nid, "\n".join(front) + "\n" + "\n\n".join(body) + "\n", covers


def session_file(exam, session):
    label, thresholds = session_data(exam, session)
    lines = ["---", f"exam: {exam}", f"session: \"{session}\"", f"label: {label}", "thresholds:"]
    lines += [f"  {level}: {score}" for level, score in thresholds.items()]
    return "\n".join(lines + ["---", ""])


def notice_days(count):
    """Distinct days spread evenly over 1995-2023 (notices about sessions 1994-2022): no two notices may
    share a signature date (the archive check), so at most about 10,500 notices."""
    first = dt.date(FIRST_SESSION_YEAR + 1, 1, 1)
    span = (dt.date(LAST_SESSION_YEAR + 1, 12, 31) - first).days
    if count > span:
        sys.exit(f"at most {span} notices fit in {FIRST_SESSION_YEAR + 1}-{LAST_SESSION_YEAR + 1} with one per day")
    return [first + dt.timedelta(days=(i * span) // max(count, 1)) for i in range(count)]


def body_of(text):
    return text.split("\n---\n", 1)[1]


def generate(count, content, out, seed):
    rng = random.Random(seed)
    if os.path.exists(out):
        shutil.rmtree(out)
    tree = os.path.join(out, "content")
    shutil.copytree(content, tree, ignore=shutil.ignore_patterns(".*"))
    hugo = os.path.join(out, "hugo")
    shutil.copytree(os.path.join(HERE, "hugo"), hugo)
    hugo_notices = os.path.join(hugo, "content", "notices")
    os.makedirs(hugo_notices, exist_ok=True)

    sessions = set()
    corpus = []
    body_bytes = 0
    real = sorted(os.listdir(os.path.join(tree, "notices")))
    for name in real:
        with open(os.path.join(tree, "notices", name), encoding="utf-8") as f:
            text = f.read()
        shutil.copy(os.path.join(tree, "notices", name), hugo_notices)
        corpus.append(body_of(text))
    days = notice_days(count)
    slot_days = min(b - a for a, b in zip(days, days[1:])).days if len(days) > 1 else 60
    for index, day in enumerate(days, start=1):
        nid, text, covers = make_notice(index, day, slot_days, rng)
        sessions.update(covers)
        for folder in (os.path.join(tree, "notices"), hugo_notices):
            with open(os.path.join(folder, nid + ".md"), "w", encoding="utf-8") as f:
                f.write(text)
        body = body_of(text)
        body_bytes += len(body.encode())
        corpus.append(body)
    for exam, session in sorted(sessions):
        with open(os.path.join(tree, "sessions", f"{exam}-{session}.md"), "w", encoding="utf-8") as f:
            f.write(session_file(exam, session))
    with open(os.path.join(out, "corpus.md"), "w", encoding="utf-8") as f:
        f.write("\n\n".join(corpus))
    stats = {"notices": count + len(real), "synthetic": count, "real": len(real), "sessions_added": len(sessions),
             "mean_body_bytes": round(body_bytes / max(count, 1)),
             "corpus_bytes": os.path.getsize(os.path.join(out, "corpus.md")), "seed": seed}
    with open(os.path.join(out, "stats.json"), "w") as f:
        json.dump(stats, f, indent=2)
    return stats


MARK = "本段为增量构建测试所改。"


def edit(path):
    """Toggles one sentence in the procedure clause: prose changes, facts do not."""
    with open(path, encoding="utf-8") as f:
        text = f.read()
    anchor = "## 五、"
    if MARK in text:
        text = text.replace(MARK + "\n\n", "", 1)
    else:
        text = text.replace(anchor, MARK + "\n\n" + anchor, 1)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--notices", type=int, help="how many synthetic notices")
    parser.add_argument("--content", default="Content", help="the real content tree to build on")
    parser.add_argument("--out", help="output directory (replaced)")
    parser.add_argument("--seed", type=int, default=20250115)
    parser.add_argument("--edit", metavar="FILE", help="change one notice's prose in place and exit")
    args = parser.parse_args()
    if args.edit:
        edit(args.edit)
        return
    if args.notices is None or not args.out:
        parser.error("--notices and --out are required")
    print(json.dumps(generate(args.notices, args.content, args.out, args.seed)))


if __name__ == "__main__":
    sys.exit(main())

import os, shutil, re
F='Tests/PasslineCoreTests/Fixtures'
B=F+'/base'
def read(p): return open(os.path.join(B,p),encoding='utf-8').read()
def line_of(text, needle):
    for i,l in enumerate(text.split('\n'),1):
        if needle in l: return i, l.index(needle)+1
    raise Exception(needle)
def fixture(name, files=None, delete=(), expected=(), raw=None):
    d=os.path.join(F,'broken',name); shutil.rmtree(d,ignore_errors=True); os.makedirs(d)
    for p,t in (files or {}).items():
        os.makedirs(os.path.dirname(os.path.join(d,'overlay',p)),exist_ok=True)
        open(os.path.join(d,'overlay',p),'wb').write(t if isinstance(t,bytes) else t.encode())
    if delete: open(os.path.join(d,'delete.txt'),'w').write('\n'.join(delete)+'\n')
    open(os.path.join(d,'expected.txt'),'w').write('\n'.join(expected)+'\n')

S='sessions/ruankao-2024-H2.md'; s=read(S)
N='notices/2025-01-15.md'; n=read(N)
# 1 unclosed front matter
t=s.replace('---\n','',2).replace('\n---\n','\n') ; t='---\n'+s.split('---\n')[1]
fixture('unclosed-front-matter',{S:t},expected=[f"{S}:1:1: error: 文件头从这里开始,却没有结束:在最后一个键后面加一行 '---'"])
# 2 missing front matter
fixture('missing-front-matter',{S:'exam: ruankao\n'},expected=[f"{S}:1:1: error: 文件没有文件头:第一行要是 '---',接着写各个键,再写一行 '---'"])
# 3 malformed yaml
t=s.replace('  junior: 39','  junior: [39')
l,c=line_of(t,'  intermediate')
fixture('malformed-yaml',{S:t},expected=[f"{S}:{l}:{c+14}: error: 文件头的格式有误:列表少了 ',' 或 ']':检查缩进、冒号和引号"])
# 4 unknown key (typo)
t=s.replace('label:','lable:'); l,c=line_of(t,'lable:')
fixture('unknown-key',{S:t},expected=[f"{S}:{l}:1: error: 不认识的键 'lable'(是不是 'label'?):改正拼写,或删掉这一行(每种文件有哪些键见 docs/content-format.md)", f"{S}:2:1: error: 缺少键 'label':加一行 'label: …'"])
# 5 threshold not a number
t=s.replace('senior: 40','senior: forty'); l,c=line_of(t,'forty')
fixture('threshold-not-number',{S:t},expected=[f"{S}:{l}:{c}: error: 'thresholds.senior' 要写一个数,这里是 'forty':写成 42 或 38.5 这样的数"])
# 6 threshold outside 0..full
t=s.replace('senior: 40','senior: 80'); l,c=line_of(t,'80')
fixture('threshold-out-of-range',{S:t},expected=[f"{S}:{l}:{c}: error: 合格标准 80 超出 0 到 75 的范围(软考每科满分 75):改成通知写的分数"])
# 7 threshold not below national
t=s.replace('senior: 40','senior: 45'); l,c=line_of(t,'45')
fixture('threshold-not-below-national',{S:t},expected=[f"{S}:{l}:{c}: error: 合格标准 45 不低于全国合格标准 45:单独划线的标准总是更低,检查这个数"])
# 8 prose cross-check: threshold changed in table not text
T='sessions/ruankao-2023-H2.md'; t=read(T).replace('senior: 42','senior: 41'); l,c=line_of(t,'senior: 41')
nl,_=line_of(n,'2.2023年下半年')
fixture('prose-threshold-mismatch',{T:t},expected=[f"{T}:{l}:{c+8}: error: 2023年下半年高级('senior')合格标准这里是 41,通知第三(一)2条({N}:{nl})写的是 42分:两处要一起改"])
# 9 window end before start
t=n.replace('end: 2025-02-28T17:00+08:00','end: 2025-01-21T17:00+08:00'); l,c=line_of(t,'end: 2025-01-21')
nl,_=line_of(n,'(一)申请时间')
fixture('window-end-before-start',{N:t},expected=[f"{N}:{l}:{c+5}: error: 'application' 的结束时间 2025年1月21日17:00 早于开始时间 2025年1月22日9:00:检查这两个时间"])
# 10 review closes before application
t=n.replace('end: 2025-03-08T17:00+08:00','end: 2025-02-27T17:00+08:00'); l,c=line_of(t,'end: 2025-02-27')
fixture('review-before-application',{N:t},expected=[f"{N}:{l}:{c+5}: error: 'review' 在 2025年2月27日17:00 结束,早于 'application' 的结束时间 2025年2月28日17:00:审核期不能比申请期先结束"])
# 11 prose date mismatch
t=n.replace('start: 2025-01-22T09:00+08:00','start: 2025-01-23T09:00+08:00'); l,c=line_of(t,'start: 2025-01-23')
fixture('prose-date-mismatch',{N:t},expected=[f"{N}:{l}:{c+7}: error: 申请开始时间('application.start')这里是 2025年1月23日9:00,通知第一(一)条({N}:{nl})写的是 2025年1月22日9:00:两处要一起改"])
# 12 covered session without thresholds
l,c=line_of(n,'session: "2024"')
fixture('covered-session-without-thresholds',delete=['sessions/tongxin-2024.md'],expected=[f"{N}:{l}:5: error: 通知涵盖通信考试 2024,但没有它的合格标准:添加 sessions/tongxin-2024.md(可以用 passline new session)"])
# 13 thresholds for a session no notice covers
U='sessions/ruankao-2022-H2.md'
t=s.replace('2024-H2','2022-H2').replace('2024年下半年','2022年下半年'); l,c=line_of(t,'session:')
fixture('uncovered-session',{U:t},expected=[f"{U}:{l}:{c+9}: error: 这里有软考 2022-H2 的合格标准,但没有哪份通知涵盖这个场次:把它加到通知的 'covers' 里,或删掉这个文件"])
# 14 unknown fact reference
Q='faq/hotline.md'; q=read(Q).replace('{{notice.hotline}}','{{notice.phone}}'); l,c=line_of(q,'{{notice.phone}}')
fixture('unknown-fact',{Q:q},expected=[f"{Q}:{l}:{c}: error: 不认识的引用 '{{{{notice.phone}}}}':能引用的数据见 docs/content-format.md 的 Fact references 一节"])
# 15 duplicate id
D='faq/hotline-copy.md'; l,c=line_of(read(Q),'id: hotline')
fixture('duplicate-id',{D:read(Q)},expected=[f"{Q}:{l}:5: error: 重复的 FAQ id 'hotline':{D}:{l} 已经定义过了:只保留一个,或换一个"])
# 16 invalid utf-8
raw=s.encode().replace(b'label: 2024',b'label: \xff2024'); l,c=line_of(s,'label:')
fixture('invalid-utf8',{S:raw},expected=[f"{S}:{l}:1: error: 这一行不是 UTF-8 编码:用 UTF-8 编码另存这个文件"])
# 17 unknown source
t=n.replace('legal_basis: [hrss-2022-25]','legal_basis: [hrss-2022-52]'); l,c=line_of(t,'hrss-2022-52')
fixture('unknown-source',{N:t},expected=[f"{N}:{l}:{c}: error: 不认识的来源 'hrss-2022-52'(是不是 'hrss-2022-25'?):在 sources.md 里定义它"])
# 18 clause that does not exist
t=n.replace('clause: 三(一)4}','clause: 三(一)9}'); l,c=line_of(t,'三(一)9')
fixture('unknown-clause',{N:t},expected=[f"{N}:{l}:5: error: 条款 '三(一)9' 不在通知正文里:正文的条款有 序 一 一(一) 一(二) 二 二(一) 二(二) 三 三(一) 三(一)1 三(一)2 三(一)3 三(一)4 三(二) 三(二)1 三(二)2 四 五 结语"])
# 19 session id in the wrong form
t=s.replace('session: 2024-H2','session: 2024H2'); l,c=line_of(t,'2024H2')
fixture('session-id-form',{S:t},expected=[f"{S}:{l}:{c}: error: 场次 '2024H2' 不是软考场次的写法:写成 '2024-H2'"])
# 20 unknown level (typo)
t=s.replace('intermediate:','intermedate:'); l,c=line_of(t,'intermedate')
fixture('unknown-level',{S:t},expected=[f"{S}:{l}:{c}: error: 不认识的级别 'intermedate'(是不是 'intermediate'?):级别只有 junior(初级)、intermediate(中级)、senior(高级)"])
# 21 a full-width colon, as a Chinese keyboard types it: named on its own line
t=s.replace('  senior: 40','  senior：41'); l,c=line_of(t,'senior：')
fixture('full-width-colon',{S:t},expected=[f"{S}:{l}:{c+6}: error: 'senior' 后面的冒号是全角的 '：',YAML 只认半角冒号 ':':改成 'senior: 41'(半角冒号,后面空一格)"])
# 22 an impossible day: the day is what is wrong
t=n.replace('start: 2025-02-24T09:00+08:00','start: 2025-02-30T09:00+08:00'); l,c=line_of(t,'start: 2025-02-30')
fixture('impossible-date',{N:t},expected=[f"{N}:{l}:{c+7}: error: 'start' 的值 '2025-02-30T09:00+08:00' 不对,2025年2月没有 30 日(这个月只有 28 天):这一天不存在,检查日期"])
# 23 the prose states the threshold in Chinese numerals or full-width digits: still cross-checked
t=n.replace('高级各科目合格标准均为 40分(含)','高级各科目合格标准均为四十二分(含)').replace('2.2023年下半年计算机软件资格考试单独划线地区各科目合格标准均为 42分(含)','2.2023年下半年计算机软件资格考试单独划线地区各科目合格标准均为４３分(含)')
assert '四十二分(含)' in t and '４３分(含)' in t
T4='sessions/ruankao-2024-H2.md'; l4,c4=line_of(read(T4),'senior: 40'); nl4,_=line_of(n,'4.2024年下半年')
T2='sessions/ruankao-2023-H2.md'; l2,c2=line_of(read(T2),'senior: 42'); nl2,_=line_of(n,'2.2023年下半年')
fixture('prose-threshold-in-chinese-numerals',{N:t},expected=[
    f"{T4}:{l4}:{c4+8}: error: 2024年下半年高级('senior')合格标准这里是 40,通知第三(一)4条({N}:{nl4})写的是 42分:两处要一起改",
    f"{T2}:{l2}:{c2+8}: error: 2023年下半年高级('senior')合格标准这里是 42,通知第三(一)2条({N}:{nl2})写的是 43分:两处要一起改"])
print('ok')

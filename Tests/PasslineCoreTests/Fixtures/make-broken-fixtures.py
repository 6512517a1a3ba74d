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
fixture('unclosed-front-matter',{S:t},expected=[f'{S}:1:1: error: front matter opened here is never closed: add a line \'---\' after the last key'])
# 2 missing front matter
fixture('missing-front-matter',{S:'exam: ruankao\n'},expected=[f'{S}:1:1: error: missing front matter: the file must start with a line \'---\', then the keys, then \'---\''])
# 3 malformed yaml
t=s.replace('  junior: 39','  junior: [39')
l,c=line_of(t,'  intermediate')
fixture('malformed-yaml',{S:t},expected=[f'{S}:{l}:{c+14}: error: malformed front matter: did not find expected \',\' or \']\' (check indentation, colons and quotes)'])
# 4 unknown key (typo)
t=s.replace('label:','lable:'); l,c=line_of(t,'lable:')
fixture('unknown-key',{S:t},expected=[f"{S}:{l}:1: error: unknown key 'lable' (did you mean 'label'?)", f"{S}:2:1: error: missing key 'label'"])
# 5 threshold not a number
t=s.replace('senior: 40','senior: forty'); l,c=line_of(t,'forty')
fixture('threshold-not-number',{S:t},expected=[f"{S}:{l}:{c}: error: 'thresholds.senior' must be a number, found 'forty'"])
# 6 threshold outside 0..full
t=s.replace('senior: 40','senior: 80'); l,c=line_of(t,'80')
fixture('threshold-out-of-range',{S:t},expected=[f"{S}:{l}:{c}: error: threshold 80 is outside 0…75 (full marks of 软考)"])
# 7 threshold not below national
t=s.replace('senior: 40','senior: 45'); l,c=line_of(t,'45')
fixture('threshold-not-below-national',{S:t},expected=[f"{S}:{l}:{c}: error: threshold 45 is not below the national pass mark 45: a delineated threshold is always lower"])
# 8 prose cross-check: threshold changed in table not text
T='sessions/ruankao-2023-H2.md'; t=read(T).replace('senior: 42','senior: 41'); l,c=line_of(t,'senior: 41')
nl,_=line_of(n,'2.2023年下半年')
fixture('prose-threshold-mismatch',{T:t},expected=[f"{T}:{l}:{c+8}: error: 2023年下半年 senior threshold is 41 here but clause 三(一)2 ({N}:{nl}) says 42分: change both together"])
# 9 window end before start
t=n.replace('end: 2025-02-28T17:00+08:00','end: 2025-01-21T17:00+08:00'); l,c=line_of(t,'end: 2025-01-21')
nl,_=line_of(n,'(一)申请时间')
fixture('window-end-before-start',{N:t},expected=[f"{N}:{l}:{c+5}: error: application window ends (2025年1月21日17:00) before it starts (2025年1月22日9:00)"])
# 10 review closes before application
t=n.replace('end: 2025-03-08T17:00+08:00','end: 2025-02-27T17:00+08:00'); l,c=line_of(t,'end: 2025-02-27')
fixture('review-before-application',{N:t},expected=[f"{N}:{l}:{c+5}: error: review window closes (2025年2月27日17:00) before the application window (2025年2月28日17:00)"])
# 11 prose date mismatch
t=n.replace('start: 2025-01-22T09:00+08:00','start: 2025-01-23T09:00+08:00'); l,c=line_of(t,'start: 2025-01-23')
fixture('prose-date-mismatch',{N:t},expected=[f"{N}:{l}:{c+7}: error: application start 2025年1月23日9:00 differs from clause 一(一) ({N}:{nl}), which says 2025年1月22日9:00: change both together"])
# 12 covered session without thresholds
l,c=line_of(n,'session: "2024"')
fixture('covered-session-without-thresholds',delete=['sessions/tongxin-2024.md'],expected=[f"{N}:{l}:5: error: the notice covers 通信考试 2024 but there are no thresholds for it: add sessions/tongxin-2024.md"])
# 13 thresholds for a session no notice covers
U='sessions/ruankao-2022-H2.md'
t=s.replace('2024-H2','2022-H2').replace('2024年下半年','2022年下半年'); l,c=line_of(t,'session:')
fixture('uncovered-session',{U:t},expected=[f"{U}:{l}:{c+9}: error: thresholds for 软考 2022-H2, but no notice covers this session: add it to a notice's 'covers' or remove the file"])
# 14 unknown fact reference
Q='faq/hotline.md'; q=read(Q).replace('{{notice.hotline}}','{{notice.phone}}'); l,c=line_of(q,'{{notice.phone}}')
fixture('unknown-fact',{Q:q},expected=[f"{Q}:{l}:{c}: error: unknown fact '{{{{notice.phone}}}}'"])
# 15 duplicate id
D='faq/hotline-copy.md'; l,c=line_of(read(Q),'id: hotline')
fixture('duplicate-id',{D:read(Q)},expected=[f"{Q}:{l}:5: error: duplicate FAQ id 'hotline': already defined at {D}:{l}"])
# 16 invalid utf-8
raw=s.encode().replace(b'label: 2024',b'label: \xff2024'); l,c=line_of(s,'label:')
fixture('invalid-utf8',{S:raw},expected=[f"{S}:{l}:1: error: invalid UTF-8 on this line; save the file as UTF-8"])
# 17 unknown source
t=n.replace('legal_basis: [hrss-2022-25]','legal_basis: [hrss-2022-52]'); l,c=line_of(t,'hrss-2022-52')
fixture('unknown-source',{N:t},expected=[f"{N}:{l}:{c}: error: unknown source 'hrss-2022-52' (did you mean 'hrss-2022-25'?): define it in sources.md"])
# 18 clause that does not exist
t=n.replace('clause: 三(一)4}','clause: 三(一)9}'); l,c=line_of(t,'三(一)9')
fixture('unknown-clause',{N:t},expected=[f"{N}:{l}:5: error: clause '三(一)9' is not in the notice's text; clauses are 序 一 一(一) 一(二) 二 二(一) 二(二) 三 三(一) 三(一)1 三(一)2 三(一)3 三(一)4 三(二) 三(二)1 三(二)2 四 五 结语"])
# 19 session id in the wrong form
t=s.replace('session: 2024-H2','session: 2024H2'); l,c=line_of(t,'2024H2')
fixture('session-id-form',{S:t},expected=[f"{S}:{l}:{c}: error: session '2024H2' is not in the form ruankao uses: write it like '2024-H2'"])
# 20 unknown level (typo)
t=s.replace('intermediate:','intermedate:'); l,c=line_of(t,'intermedate')
fixture('unknown-level',{S:t},expected=[f"{S}:{l}:{c}: error: unknown level 'intermedate' (did you mean 'intermediate'?); levels are junior, intermediate, senior"])
print('ok')

/* Passline calculator UI. Builds the form from the rules embedded in the page (exams, sessions,
   levels, subject names), loads the asked session's file (the notices covering it, their pages and
   names: calculator/<exam>-<session>.js), calls evaluate() from eligibility.js and shows the verdict. Every word
   comes from the page or the rules: this file holds none. Plain ES2017, no modules (file:// works). */
(() => {
  'use strict';
  const $ = (id) => document.getElementById(id);
  const form = $('calc'), result = $('result');
  if (!form || !result || typeof evaluate !== 'function') return;
  let rules, pages = {}, notices = [];
  try {
    rules = JSON.parse($('rules').textContent);
  } catch (e) { return; }
  /* The page lists sessions and levels but no thresholds or notices: each session's file (its
     thresholds, the notices covering it) calls passlineSession(data) once loaded; a file that fails to load leaves no
     notice, and the verdict then says the session is not covered. */
  const loaded = {}, waiting = {};
  window.passlineSession = (data) => { loaded[data.exam + '/' + data.session] = data; };
  const withSession = (x, s, then) => {
    const key = x + '/' + s, done = () => then(loaded[key] || { notices: [], pages: {}, sessionRules: { exam: x, id: s, thresholds: [] } });
    if (loaded[key]) return done();
    /* One request per session, however often it is asked for while loading. */
    if (waiting[key]) return waiting[key].push(done);
    waiting[key] = [done];
    const script = document.createElement('script');
    script.onload = script.onerror = () => {
      const list = waiting[key];
      delete waiting[key];
      list.forEach((f) => f());
    };
    script.src = form.dataset.sessions + x + '-' + s + '.js';
    document.head.append(script);
  };
  const exam = $('exam'), session = $('session'), level = $('level'), scores = $('scores');
  const boxes = scores.querySelector('div');
  const all = (root, selector) => Array.from(root.querySelectorAll(selector));
  const find = (list, test) => list.filter(test)[0];

  const el = (tag, text, attrs) => {
    const e = document.createElement(tag);
    if (text != null) e.textContent = text;
    for (const k in attrs) e.setAttribute(k, attrs[k]);
    return e;
  };
  const fill = (select, options) => {
    select.textContent = '';
    options.forEach(([value, text]) => select.append(el('option', text, { value })));
  };
  const sessionsOf = (id) => (rules.sessionList[id] || []).map(([sid, label]) => ({ id: sid, label }));
  const currentExam = () => find(rules.exams, (e) => e.id === exam.value);

  const onLevel = () => {
    const x = currentExam(), standard = find(x.levels, (l) => l.level === level.value);
    scores.querySelector('legend span').textContent = scores.dataset.full.replace('{full}', x.fullMarks) + (x.fullMarksMark || '');
    boxes.textContent = '';
    standard.subjects.forEach((name, i) => {
      const id = 'score-' + (i + 1), box = el('div', null, { class: 'field' });
      box.append(el('label', name, { for: id }), el('input', null, { id, type: 'text', autocomplete: 'off', spellcheck: 'false' }));
      boxes.append(box);
    });
  };
  const onExam = () => {
    const x = currentExam(), list = sessionsOf(x.id);
    fill(session, list.map((s) => [s.id, s.label]));
    fill(level, x.levels.map((l) => [l.level, l.name]));
    onLevel();
  };

  /* Only scores and category can be wrong: exam, session and level come from lists built from the rules. */
  const showError = (name, text) => {
    const box = $(name + '-error');
    if (!box) return null;
    const targets = all(form, name === 'scores' ? '#scores input' : 'input[name=category]');
    box.textContent = text;
    box.hidden = false;
    targets.forEach((t) => { t.setAttribute('aria-invalid', 'true'); t.setAttribute('aria-describedby', box.id); });
    return targets[0];
  };
  /* Phone keyboards often type full-width digits (４０．５). */
  const ascii = (text) => text.trim().replace(/[\uFF10-\uFF19\uFF0E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xFEE0));
  /* A clause of the verdict's notice, linked to its anchor on that notice's page. */
  const clauseLink = (page, noticeId, id) => {
    const notice = find(notices, (n) => n.id === noticeId);
    const clause = notice && find(notice.clauses, (c) => c.id === id);
    return el('a', id, { href: page.href + (clause ? '#' + clause.anchor : '') });
  };

  /* 2025-02-28T17:00:00+08:00 → 2025年2月28日17:00 (instants in the rules are Beijing time). */
  const chinese = (iso) => iso.replace(/^(\d{4})-0?(\d+)-0?(\d+)T0?(\d+):(\d\d).*$/, '$1年$2月$3日$4:$5');
  const render = (v) => {
    const [mark, status] = all(result, 'h2 span'), list = result.querySelector('ul');
    const table = result.querySelector('table'), body = table.querySelector('tbody');
    const heads = all(table, 'th[data-base]'), basis = result.querySelector(':scope > p'), links = basis.querySelector('span');
    result.dataset.status = v.status;
    mark.textContent = /^(eligible|national-pass)$/.test(v.status) ? '✓ ' : '✗ ';
    status.textContent = result.getAttribute('data-s-' + v.status) || v.status;
    /* Eligible but the round has closed: one headline says both, with the round's end as the notices write it. */
    if (v.status === 'eligible' && v.window === 'closed' && v.applicationEnd) {
      status.textContent = result.dataset.sEligibleClosed.replace('{end}', chinese(v.applicationEnd));
    }
    list.textContent = '';
    v.reasons.forEach((r) => list.append(el('li', r)));
    heads[0].textContent = heads[0].dataset.base + ' ' + v.threshold;
    heads[1].textContent = heads[1].dataset.base + ' ' + v.national;
    body.textContent = '';
    v.subjects.forEach((s) => {
      const tr = el('tr');
      tr.append(el('th', s.name, { scope: 'row' }), el('td', String(s.score)));
      [s.meetsThreshold, s.meetsNational].forEach((ok) =>
        tr.append(el('td', (ok ? '✓ ' : '✗ ') + result.dataset[ok ? 'yes' : 'no'], { class: ok ? 'yes' : 'no' })));
      body.append(tr);
    });
    table.hidden = !v.subjects.length;
    /* The round that applies at this moment, by name, then its clauses; a summary cites none and says so. */
    const page = pages[v.notice];
    links.textContent = '';
    if (page) links.append(el('a', page.name, { href: page.href }), page.summary ? basis.dataset.summary : '');
    if (page) v.clauses.forEach((id, i) => links.append(i ? '、' : ' ', clauseLink(page, v.notice, id)));
    basis.hidden = !page;
    result.hidden = false;
    result.focus();
  };

  /* Fetch a session's file as soon as it is chosen, so the verdict does not wait for it. */
  const preload = () => withSession(exam.value, session.value, () => {});
  exam.addEventListener('change', onExam);
  exam.addEventListener('change', preload);
  session.addEventListener('change', preload);
  level.addEventListener('change', onLevel);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    all(form, '.error').forEach((box) => { box.hidden = true; });
    all(form, '[aria-invalid]').forEach((t) => { t.removeAttribute('aria-invalid'); t.removeAttribute('aria-describedby'); });
    const checked = form.querySelector('input[name=category]:checked');
    const input = {
      exam: exam.value, session: session.value, level: level.value,
      scores: all(scores, 'input').map((i) => ascii(i.value)),
      category: checked ? checked.value : ''
    };
    /* Input errors need no session data: they show at once, beside their field. */
    const first = evaluate(rules, input);
    const target = first.status === 'invalid-input' && showError(first.field, first.reasons.join(' '));
    if (target) { result.hidden = true; target.focus(); return; }
    withSession(input.exam, input.session, (data) => {
      notices = data.notices;
      pages = data.pages;
      render(evaluate(Object.assign({}, rules, { notices, sessions: [data.sessionRules] }), input));
    });
  });
  fill(exam, rules.exams.filter((x) => sessionsOf(x.id).length).map((x) => [x.id, x.shortName]));
  onExam();
  form.hidden = false;
})();

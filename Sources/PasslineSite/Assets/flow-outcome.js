/* Passline guided calculator, the outcome page: scores, errors (all at once, by subject) and verdict. Every word comes from the page's data-* attributes (and so from
   Content/ or the site's templates); every decision from places.js (PlaceLookup, built from Content/)
   or eligibility.js (the engine's twin). Plain ES2017, no modules, works from file://. */
(() => {
  'use strict';
  const $ = (id) => document.getElementById(id);
  const el = (tag, text, attrs) => {
    const e = document.createElement(tag);
    if (text != null) e.textContent = text;
    for (const k in attrs) e.setAttribute(k, attrs[k]);
    return e;
  };
  const fill = (text, slots) => text.replace(/\{(\w+)\}/g, (m, k) => (k in slots ? slots[k] : m));
  /* Phone keyboards often type full-width digits (４０．５) and spaces. */
  const ascii = (text) => text.trim().replace(/[\uFF10-\uFF19\uFF0E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xFEE0));

  /* ---- the outcome page ---- */
  const form = $('scores-form'), result = $('result');
  if (!form || !result || typeof evaluate !== 'function') return;
  let rules = null, session = null;
  const d = form.dataset, inputs = Array.from(form.querySelectorAll('input[data-subject]'));
  const summary = $('error-summary'), baseTitle = document.title;
  const input = (scores) => ({ exam: d.exam, session: d.session, level: d.level, category: d.category, scores });
  const engine = () => Object.assign({}, rules, { notices: session.notices, sessions: [session.sessionRules] });

  /* Every field checked at once, each by the engine itself (the others set to a valid 0), so the
     messages name the subject and say what to fix. */
  const errors = (scores) => inputs.map((box, i) => {
    const one = scores.map((s, j) => (j === i ? s : '0'));
    const v = evaluate(engine(), input(one));
    if (v.status !== 'invalid-input' || v.field !== 'scores') return null;
    const kind = scores[i] === '' ? 'eEmpty' : /^\d+(\.\d+)?$/.test(scores[i]) ? 'eRange' : 'eNumber';
    return { box, text: fill(d[kind], { subject: box.dataset.subject, full: d.full }) };
  }).filter((x) => x);

  const clearErrors = () => {
    summary.hidden = true;
    summary.querySelector('ul').textContent = '';
    document.title = baseTitle;
    inputs.forEach((box) => {
      box.removeAttribute('aria-invalid');
      box.removeAttribute('aria-describedby');
      $(box.id + '-error').hidden = true;
      $(box.id + '-field').classList.remove('field-error');
    });
  };
  const showErrors = (list) => {
    const ul = summary.querySelector('ul');
    list.forEach(({ box, text }) => {
      const li = el('li');
      li.append(el('a', text, { href: '#' + box.id }));
      ul.append(li);
      const msg = $(box.id + '-error');
      msg.textContent = text;
      msg.hidden = false;
      box.setAttribute('aria-invalid', 'true');
      box.setAttribute('aria-describedby', msg.id);
      $(box.id + '-field').classList.add('field-error');
    });
    document.title = d.titleError + baseTitle;
    summary.hidden = false;
    summary.focus();
  };

  /* 2025-02-28T17:00:00+08:00 → 2025年2月28日17:00 (instants in the rules are Beijing time). */
  const chinese = (iso) => iso.replace(/^(\d{4})-0?(\d+)-0?(\d+)T0?(\d+):(\d\d).*$/, '$1年$2月$3日$4:$5');
  const render = (v, scores) => {
    const r = result.dataset, list = result.querySelector('ul');
    const body = result.querySelector('tbody'), heads = result.querySelectorAll('th[data-base]');
    result.dataset.status = v.status;
    /* Eligible after the round closed: one headline says both (messages.md verdict.eligible-closed),
       as the one-page calculator does; the closing reason is not repeated below it. */
    const closed = v.window === 'closed' && v.status === 'eligible' && v.applicationEnd && r.sEligibleClosed;
    const reasons = closed ? v.reasons.slice(0, -1) : v.reasons;
    $('verdict').textContent = closed ? r.sEligibleClosed.replace('{end}', chinese(v.applicationEnd))
      : result.getAttribute('data-s-' + v.status) || '';
    list.textContent = '';
    reasons.forEach((t) => list.append(el('li', t)));
    heads[0].textContent = heads[0].dataset.base + ' ' + v.threshold;
    heads[1].textContent = heads[1].dataset.base + ' ' + v.national;
    body.textContent = '';
    v.subjects.forEach((s) => {
      const tr = el('tr');
      tr.append(el('th', s.name, { scope: 'row' }), el('td', String(s.score)));
      tr.append(el('td', s.meetsThreshold ? r.yes : r.no, { class: s.meetsThreshold ? 'yes' : 'no' }));
      /* Not reaching the national mark is a condition of applying, not a failure. */
      tr.append(el('td', s.meetsNational ? r.nationalYes : r.nationalNo));
      body.append(tr);
    });
    const share = $('share');
    share.textContent = r.share + ' ';
    share.append(el('a', location.href, { href: location.href }));
    result.hidden = false;
  };

  const run = (scores, fromLink) => {
    clearErrors();
    const list = errors(scores);
    if (list.length) { result.hidden = true; showErrors(list); return; }
    const hash = '#s=' + scores.map(encodeURIComponent).join(',');
    if (location.hash !== hash) {
      try { history.replaceState(null, '', hash); } catch (e) { location.hash = hash; }
    }
    render(evaluate(engine(), input(scores)), scores);
    if (!fromLink) result.focus();
  };
  const start = () => {
    const m = /^#s=(.*)$/.exec(location.hash);
    if (!m) return;
    const scores = m[1].split(',').map((s) => ascii(decodeURIComponent(s)));
    if (scores.length !== inputs.length) return;
    inputs.forEach((box, i) => { box.value = scores[i]; });
    run(scores, true);
  };
  window.passlineSession = (data) => { session = data; start(); };
  /* A shared link opened in a tab already on this page changes only the fragment. */
  window.addEventListener('hashchange', () => { if (session) start(); });
  try { rules = JSON.parse($('rules').textContent); } catch (e) { return; }
  /* The session's thresholds and covering notices: one small file, loaded as a script (file:// works). */
  document.head.append(el('script', null, { src: d.src }));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    if (!session) return;
    run(inputs.map((box) => ascii(box.value)), false);
  });
})();

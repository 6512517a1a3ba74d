/* Passline guided calculator, the place questions: the search box over places.js (PlaceLookup). Every word comes from the page's data-* attributes (and so from
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

  /* ---- the place question ---- */
  let places = null;
  window.passlinePlaces = (data) => { places = data; };
  const OUTCOMES = ['in-scope', 'not-in-scope', 'ask-county', 'ask-office', 'unknown'];
  const lookUp = (text) => {
    const key = text.replace(/[\s\u3000]/g, '');
    let hit = places.n[key] ? [key, places.n[key]] : null;
    if (!hit) {
      /* A recognised name inside a longer text (四川省阿坝县): the most specific kind, then the longest. */
      for (const name in places.n) {
        const v = places.n[name];
        if (name.length < 2 || key.indexOf(name) < 0) continue;
        if (!hit || v[1] > hit[1][1] || (v[1] === hit[1][1] && name.length > hit[0].length)) hit = [name, v];
      }
    }
    if (!hit) return { outcome: 'unknown', place: text.trim() };
    const [name, [o, , a, canonical]] = hit;
    const place = canonical || name, area = places.a[a] || null;
    return { outcome: OUTCOMES[o], place, area, counties: places.p[place] || [] };
  };
  const search = $('place-search');
  if (search) {
    const box = $('place'), answer = $('place-answer'), error = $('place-error'), d = search.dataset;
    /* The names (places.js, ~18 KB) load when the box is first used, not with the page. */
    let loading = null;
    const load = (then) => {
      if (places) return then();
      if (!loading) {
        loading = [];
        const s = el('script', null, { src: d.places });
        s.onload = s.onerror = () => loading.forEach((f) => f());
        document.head.append(s);
      }
      loading.push(then);
    };
    box.addEventListener('focus', () => load(() => {}));
    search.addEventListener('submit', (e) => {
      e.preventDefault();
      load(() => answerFor());
    });
    const answerFor = () => {
      answer.textContent = '';
      error.hidden = true;
      box.removeAttribute('aria-invalid');
      if (!box.value.trim()) {
        error.textContent = d.tEmpty;
        error.hidden = false;
        box.setAttribute('aria-invalid', 'true');
        box.setAttribute('aria-describedby', 'place-error');
        box.focus();
        return;
      }
      if (!places) return;
      const r = lookUp(box.value), region = r.area ? r.area[0] : '';
      const slots = { place: r.place, region, counties: r.counties.join('、') };
      const say = (key) => answer.append(el('p', fill(d['t' + key], slots)));
      const links = (pairs) => {
        const ul = el('ul', null, { class: 'options' });
        pairs.forEach(([href, text]) => { const li = el('li'); li.append(el('a', text, { href })); ul.append(li); });
        answer.append(ul);
      };
      if (r.outcome === 'in-scope') { say(r.place === region ? 'Whole' : 'In'); links([[d.in, d.lIn]]); }
      if (r.outcome === 'not-in-scope') { say('Out'); links([[d.out, d.lOut]]); }
      if (r.outcome === 'ask-county') { say('County'); links([[d.in, d.lCountyIn], [d.out, d.lCountyOut]]); }
      if (r.outcome === 'ask-office') { say('Office'); links([[d.in, d.lOfficeIn], [d.out, d.lOfficeOut]]); }
      if (r.outcome === 'unknown') say('Unknown');
      if (r.area && r.area[2]) {
        const p = el('p', fill(d.tConfidence, { confidence: r.area[2] }) + ' ', { class: 'small' });
        if (r.area[1]) p.append(el('a', '资料来源', { href: d.sources + r.area[1] }));
        answer.append(p);
      }
    };
  }

})();

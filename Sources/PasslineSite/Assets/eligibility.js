/*
 * Passline eligibility calculator — the browser's copy of PasslineCore's EligibilityEngine.
 *
 * `evaluate(rules, input)` takes the published rules.json (RuleBook encoded with RuleBook.jsonEncoder())
 * and the input of `inquiry check` ({exam, session, level, scores, category, now?}) and returns exactly
 * the object `inquiry check --json` prints: same keys, same values, same reasons text. Every fact — dates,
 * thresholds, clause numbers, sentences — comes from `rules`; this file only holds the engine's steps.
 *
 * It is a plain script (no modules, no dependencies, ES2017) so the site works opened from disk via
 * file://; under Node it exports `evaluate` for the parity tests (Tests/js/). It is kept small on
 * purpose: the calculator page, with everything it loads, has a byte budget (docs/rules-json.md).
 *
 * Of `rules` it reads only: exams[].{id, shortName, sessionForm, fullMarks, passMark,
 * levels[].{level, name, subjects}}; sessions[].{exam, id, label, thresholds[].{level, score}};
 * notices[] (newest first).{id, application.{start, end, clause}, covers[].{exam, session, clause}, roles};
 * messages (the engine's keys and level.*). A page may embed just that slice.
 *
 * Instants are held as seconds since 2001-01-01T00:00:00Z (Foundation's reference date), as doubles, so
 * window comparisons round exactly as Swift's `Date` does. Like Instant.parse, only years from 1583 are
 * instants: every date is then in the Gregorian calendar, which is the calendar of JavaScript's Date.
 * They are shown in Beijing time by adding eight hours ourselves: the reader's own time zone never matters.
 */
var evaluate = (() => {
  'use strict';

  // ---- The engine's vocabulary (schema, not policy facts: the Swift enums Level, Category, SessionForm).

  /** Level.allCases, in order: the `{options}` of invalid.level. */
  const LEVELS = ['junior', 'intermediate', 'senior'];
  const CATEGORIES = ['local', 'relocated', 'none'];
  /** SessionForm: how an exam writes session ids, and the example its error message shows. */
  const FORMS = { 'half-year': [/^\d{4}-H[12]$/, '2024-H2'], year: [/^\d{4}$/, '2024'] };
  /** 2001-01-01 (Foundation's reference date) in seconds since 1970-01-01, both UTC. */
  const EPOCH = 978307200;

  const own = (object, key) => object != null && Object.prototype.hasOwnProperty.call(object, key);
  const compact = (list) => list.filter((item) => item != null);

  /**
   * `trimmingCharacters(in: .whitespaces)`: Foundation's whitespace set is Unicode Zs plus TAB — not
   * newlines and not U+FEFF, which JavaScript's trim() would also remove.
   */
  const SPACE = '[\\t \\u00A0\\u1680\\u2000-\\u200A\\u202F\\u205F\\u3000]+';
  const EDGES = new RegExp('^' + SPACE + '|' + SPACE + '$', 'g');
  const trim = (text) => text.replace(EDGES, '');

  /**
   * Score.text: a whole number without decimals (39, not 39.0; -0 reads 0), otherwise Swift's
   * Double.description — JavaScript's shortest round-trip form, except that Swift writes exponents
   * below 1e-4 (JavaScript only below 1e-6), with at least two digits (1e-05).
   */
  const scoreText = (value) => Number.isInteger(value) ? String(value || 0)
    : value && Math.abs(value) < 1e-4 ? value.toExponential().replace(/e([+-])(\d)$/, 'e$10$2') : String(value);

  /** EligibilityEngine.number: digits with an optional fraction, optionally negative (then out of range). */
  const parseScore = (text) => {
    const trimmed = trim(text);
    return /^-?\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) : null;
  };

  /** EligibilityEngine.say: the template from content, `{slot}`s filled in one pass; no template → its key. */
  const say = (book, key, slots) => (own(book.messages, key) ? book.messages[key] : key)
    .replace(/\{([^{}]*)\}/g, (whole, name) => own(slots, name) ? slots[name] : whole);

  // ---- Instants ------------------------------------------------------------------------------------

  /**
   * Instant.parse: ISO 8601 with an explicit offset (`+08:00`, `+0800`, `Z`), with or without seconds and
   * fraction, `T` or a space between date and time; a year from 1583. Returns seconds since the reference
   * date, or null — also for impossible days (2025-02-30) and offsets beyond ±18:00, which Foundation refuses.
   */
  const INSTANT = /^(\d{4})-(\d\d)-(\d\d)[T ](\d\d):(\d\d)(?::(\d\d)(?:\.(\d+))?)?(Z|[+-]\d\d:?\d\d)$/;
  const parseInstant = (text) => {
    const m = INSTANT.exec(trim(text));
    if (!m) return null;
    const [year, month, day, hour, minute, second] = m.slice(1, 7).map((part) => Number(part || 0));
    const zone = m[8];
    let offset = 0;
    if (zone !== 'Z') {
      const hh = Number(zone.slice(1, 3)), mm = Number(zone.slice(-2));
      if (hh > 23 || mm > 59) return null;
      offset = (hh * 3600 + mm * 60) * (zone[0] === '-' ? -1 : 1);
    }
    if (Math.abs(offset) > 18 * 3600 || year < 1583 || month < 1 || month > 12 || day < 1 || day > 31 ||
      hour > 23 || minute > 59 || second > 59) return null;
    const utc = Date.UTC(year, month - 1, day, hour, minute, second);
    if (new Date(utc).getUTCDate() !== day) return null; // the calendar rolled 02-30 over to March
    return utc / 1000 - offset - EPOCH + (m[7] ? Number('0.' + m[7]) : 0);
  };

  const two = (n) => String(n).padStart(2, '0');
  /** The Beijing wall clock of an instant (UTC+8 throughout the years notices cover). */
  const clock = (instant) => {
    const c = new Date((Math.floor(instant) + EPOCH + 8 * 3600) * 1000);
    return [c.getUTCFullYear(), c.getUTCMonth() + 1, c.getUTCDate(), c.getUTCHours(), two(c.getUTCMinutes()), two(c.getUTCSeconds())];
  };
  /** Instant.chinese: `2025年2月28日17:00`, how the notice writes a moment. */
  const chinese = (instant) => {
    const [y, mo, d, h, mi] = clock(instant);
    return `${y}年${mo}月${d}日${h}:${mi}`;
  };
  /** Instant.iso: `2025-01-22T09:00:00+08:00`, the machine form of JSON answers. */
  const iso = (instant) => {
    const [y, mo, d, h, mi, s] = clock(instant);
    return `${y}-${two(mo)}-${two(d)}T${two(h)}:${mi}:${s}+08:00`;
  };

  /** A date of rules.json; the Swift decoder refuses the whole file when one does not parse. */
  const at = (text) => {
    const instant = typeof text === 'string' ? parseInstant(text) : null;
    if (instant === null) throw new Error('rules.json: not an ISO 8601 instant: ' + text);
    return instant;
  };

  // ---- RuleBook look-ups ---------------------------------------------------------------------------

  /** Window.state(at:): the end is inclusive ("至2月28日17:00" still accepts at 17:00:00). */
  const windowState = (window, now) => now < at(window.start) ? 'before' : now <= at(window.end) ? 'open' : 'closed';
  const coverage = (notice, exam, session) => notice.covers.find((c) => c.exam === exam && c.session === session);
  /** Notice.clause(role:). */
  const role = (notice, name) => own(notice.roles, name) ? notice.roles[name] : undefined;

  /**
   * RuleBook.applicableNotice: the notice covering the session that is open at `now`; else the next to
   * open; else the one that closed last. Ties keep the first notice, as Swift's min(by:)/max(by:) do.
   */
  const applicableNotice = (book, exam, session, now) => {
    const covering = book.notices.filter((n) => coverage(n, exam, session));
    const is = (state) => (n) => windowState(n.application, now) === state;
    return covering.find(is('open'))
      || covering.filter(is('before')).reduce((a, n) => a && at(a.application.start) <= at(n.application.start) ? a : n, undefined)
      || covering.reduce((a, n) => a && at(n.application.end) <= at(a.application.end) ? a : n, undefined);
  };

  // ---- The engine ----------------------------------------------------------------------------------

  /**
   * EligibilityInput's decoder: absent fields are empty text; scores may be numbers (written back as
   * Score.text, so 39.0 reads "39") or text (kept as typed, so "abc" can be reported).
   */
  const text = (value) => value == null ? '' : String(value);

  /** The verdict as `inquiry check --json` prints it: keys sorted, absent optionals left out. */
  const published = (verdict) => Object.keys(verdict).sort().reduce((out, key) => {
    if (verdict[key] != null) out[key] = verdict[key];
    return out;
  }, {});

  /** EligibilityEngine.evaluate, step by step. */
  return (book, raw) => {
    raw = raw || {};
    const input = {
      exam: text(raw.exam), session: text(raw.session), level: text(raw.level), category: text(raw.category),
      scores: (Array.isArray(raw.scores) ? raw.scores : []).map((s) => typeof s === 'number' ? scoreText(s) : text(s))
    };
    const verdict = { status: 'invalid-input', subjects: [], clauses: [], reasons: [] };
    const done = (status, clauses, reasons) => published(Object.assign(verdict, { status, clauses, reasons }));
    const fail = (field, key, slots) => {
      verdict.field = field;
      return done('invalid-input', [], [say(book, key, slots)]);
    };

    // 1. invalid-input, field by field in the order the engine checks them.
    const exam = book.exams.find((e) => e.id === input.exam);
    if (!exam) {
      return fail('exam', 'invalid.exam', { value: input.exam, options: book.exams.map((e) => `${e.id}(${e.shortName})`).join('、') });
    }
    verdict.exam = exam.id;
    const form = FORMS[exam.sessionForm];
    if (!form) throw new Error('rules.json: unknown sessionForm ' + exam.sessionForm);
    if (!form[0].test(input.session)) {
      return fail('session', 'invalid.session', { value: input.session, exam: exam.shortName, example: form[1] });
    }
    verdict.session = input.session;
    const level = input.level;
    if (!LEVELS.includes(level)) return fail('level', 'invalid.level', { value: level, options: LEVELS.join('、') });
    verdict.level = level;
    // Exam.standard(for:): absent for a level the exam does not assess by examination (通信 高级).
    const standard = exam.levels.find((l) => l.level === level);
    if (standard && input.scores.length !== standard.subjects.length) {
      return fail('scores', 'invalid.count', {
        exam: exam.shortName, level: standard.name, expected: String(standard.subjects.length),
        subjects: standard.subjects.join('、'), count: String(input.scores.length)
      });
    }
    const scores = [];
    for (const [i, typed] of input.scores.entries()) {
      const value = parseScore(typed), index = String(i + 1);
      if (value === null) return fail('scores', 'invalid.score', { index, value: typed });
      if (!(value >= 0 && value <= exam.fullMarks)) {
        return fail('scores', 'invalid.range', { index, value: typed, full: scoreText(exam.fullMarks) });
      }
      scores.push(value);
    }
    const category = input.category;
    if (!CATEGORIES.includes(category)) return fail('category', 'invalid.category', { value: category });
    verdict.category = category;
    let now = Date.now() / 1000 - EPOCH;
    if (raw.now != null) {
      now = parseInstant(String(raw.now));
      if (now === null) return fail('now', 'invalid.now', { value: String(raw.now) });
    }

    // 2. not-covered: no notice covers this session (at this instant), or the session has no
    //    threshold for this level.
    const notice = applicableNotice(book, exam.id, input.session, now);
    const session = book.sessions.find((s) => s.exam === exam.id && s.id === input.session);
    const covered = notice && session && coverage(notice, exam.id, session.id);
    const scope = (n) => compact([n && role(n, 'scope')]);
    if (!covered) {
      const current = book.notices[0]; // RuleBook.currentNotice: the newest
      verdict.notice = current && current.id;
      const labels = book.sessions.filter((s) => s.exam === exam.id).map((s) => s.label).join('、');
      return done('not-covered', scope(current), [say(book, 'not-covered.session', { exam: exam.shortName, session: input.session, covered: labels })]);
    }
    verdict.notice = notice.id;
    const line = session.thresholds.find((t) => t.level === level);
    if (!standard || !line) {
      const key = 'level.' + level;
      return done('not-covered', scope(notice), [say(book, 'not-covered.level', {
        exam: exam.shortName, level: standard ? standard.name : own(book.messages, key) ? book.messages[key] : level,
        levels: exam.levels.map((l) => l.name).join('、')
      })]);
    }

    // The marks used and each subject's comparison (thresholds are inclusive: 分(含)).
    const threshold = line.score, national = exam.passMark, application = notice.application;
    const start = at(application.start), end = at(application.end);
    Object.assign(verdict, {
      window: windowState(application, now), applicationStart: iso(start), applicationEnd: iso(end),
      threshold, national, fullMarks: exam.fullMarks,
      subjects: standard.subjects.map((name, i) => ({
        meetsNational: scores[i] >= national, meetsThreshold: scores[i] >= threshold, name, score: scores[i]
      }))
    });
    const thresholdClause = compact([covered.clause]);
    const categoryClause = compact([category === 'none' ? null : role(notice, category)]);
    const nationalClauses = compact([role(notice, 'local'), role(notice, 'relocated')]);
    const slots = { session: session.label, threshold: scoreText(threshold), national: scoreText(national) };

    // 3. national-pass: every subject reached the national mark; the national certificate applies.
    if (verdict.subjects.every((s) => s.meetsNational)) return done('national-pass', nationalClauses, [say(book, 'national-pass', slots)]);
    // 4. below-threshold: one reason per subject under the delineated line.
    const below = verdict.subjects.filter((s) => !s.meetsThreshold);
    if (below.length) {
      return done('below-threshold', thresholdClause.concat(categoryClause),
        below.map((s) => say(book, 'below-threshold', Object.assign({ subject: s.name, score: scoreText(s.score) }, slots))));
    }
    // 5. not-in-area: neither registered in a delineated area nor working in one. (A summary notice
    //    names no clauses: the verdict then cites none, but is decided the same way.)
    if (category === 'none') return done('not-in-area', nationalClauses.concat(thresholdClause), [say(book, 'not-in-area', slots)]);
    // 6. eligible, with the window's state.
    return done('eligible', categoryClause.concat(thresholdClause, compact([application.clause, role(notice, 'procedure')])), [
      say(book, 'eligible.' + category, slots),
      say(book, 'window.' + verdict.window, { start: chinese(start), end: chinese(end) })
    ]);
  };
})();

if (typeof module !== 'undefined') module.exports = { evaluate };

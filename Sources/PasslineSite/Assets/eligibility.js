/*
 * Passline eligibility calculator — the browser's copy of PasslineCore's EligibilityEngine.
 *
 * `evaluate(rules, input)` takes the published rules.json (RuleBook encoded with RuleBook.jsonEncoder())
 * and the input of `inquiry check` ({exam, session, level, scores, category, now?}) and returns exactly
 * the object `inquiry check --json` prints: same keys, same values, same reasons text. Every fact — dates,
 * thresholds, clause numbers, sentences — comes from `rules`; this file only holds the engine's steps.
 *
 * It is a plain script (no modules, no dependencies, ES2017) so the site works opened from disk via
 * file://; under Node it exports `evaluate` for the parity tests (Tests/js/).
 *
 * Of `rules` it reads only: exams[].{id, shortName, sessionForm, fullMarks, passMark,
 * levels[].{level, name, subjects}}; sessions[].{exam, id, label, thresholds[].{level, score}};
 * notices[] (newest first).{id, application.{start, end, clause}, covers[].{exam, session, clause}, roles};
 * messages (the engine's keys and level.*). A page may embed just that slice.
 *
 * Instants are held as seconds since 2001-01-01T00:00:00Z (Foundation's reference date), as doubles, so
 * window comparisons round exactly as Swift's `Date` does, and are shown in Beijing time by adding
 * eight hours ourselves: the reader's own time zone never matters.
 */
var PasslineEligibility = (function () {
  'use strict';

  // ---- The engine's vocabulary (schema, not policy facts: the Swift enums Level, Category, SessionForm).

  /** Level.allCases, in order: the `{options}` of invalid.level. */
  var LEVELS = ['junior', 'intermediate', 'senior'];
  /** Category raw values. */
  var CATEGORIES = ['local', 'relocated', 'none'];
  /** SessionForm: how an exam writes session ids, and the example its error message shows. */
  var SESSION_FORMS = {
    'half-year': { pattern: /^[0-9]{4}-H[12]$/, example: '2024-H2' },
    'year': { pattern: /^[0-9]{4}$/, example: '2024' }
  };

  /** Seconds between 1970-01-01 (Unix epoch) and 2001-01-01 (Foundation's reference date), both UTC. */
  var REFERENCE_EPOCH = 978307200;
  /** Beijing time is UTC+8 all year in the period notices cover (Instant.beijing, Asia/Shanghai). */
  var BEIJING_OFFSET = 8 * 3600;

  function has(object, key) {
    return object !== null && object !== undefined && Object.prototype.hasOwnProperty.call(object, key);
  }

  // ---- Text helpers -------------------------------------------------------------------------------

  /**
   * `trimmingCharacters(in: .whitespaces)`: Foundation's whitespace set is Unicode Zs plus TAB — not
   * newlines and not U+FEFF, which JavaScript's trim() would also remove.
   */
  var EDGE_WHITESPACE = /^[\t \u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]+|[\t \u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]+$/g;
  function trimWhitespace(text) {
    return text.replace(EDGE_WHITESPACE, '');
  }

  function pad(number, width) {
    var text = String(number);
    while (text.length < width) text = '0' + text;
    return text;
  }

  /**
   * Score.text: a whole number without decimals (39, not 39.0), otherwise Swift's Double.description,
   * which is the shortest round-trip form like JavaScript's, except that Swift switches to exponent
   * notation below 1e-4 (JavaScript only below 1e-6) and writes at least two exponent digits (1e-05).
   */
  function scoreText(value) {
    if (Number.isInteger(value)) return String(value === 0 ? 0 : value); // -0 reads "0", as Int(-0.0) does
    if (value !== 0 && Math.abs(value) < 1e-4) {
      return value.toExponential().replace(/e([+-])([0-9])$/, 'e$10$2');
    }
    return String(value);
  }

  /**
   * EligibilityEngine.number: digits with an optional fraction, optionally negative (then reported as
   * out of range), after trimming. Exponents, `nan`, `+1`, `.5` and hex are not scores.
   */
  function parseScore(text) {
    var trimmed = trimWhitespace(text);
    if (!/^-?[0-9]+(\.[0-9]+)?$/.test(trimmed)) return null;
    return Number(trimmed);
  }

  /**
   * EligibilityEngine.say: the message template from content, `{slot}`s filled in; a missing template
   * yields its key. Slots are filled in one pass, so a value that itself contains `{…}` stays as typed.
   */
  function say(book, key, slots) {
    var template = has(book.messages, key) ? book.messages[key] : key;
    return template.replace(/\{([^{}]*)\}/g, function (whole, name) {
      return has(slots, name) ? slots[name] : whole;
    });
  }

  // ---- Calendar arithmetic (Foundation's Gregorian calendar) -------------------------------------

  /** Day number (days since 1970-01-01) of a proleptic Gregorian date; month and day may overflow. */
  function gregorianDays(year, month, day) {
    var a = Math.floor((14 - month) / 12);
    var y = year + 4800 - a;
    var m = month + 12 * a - 3;
    var jdn = day + Math.floor((153 * m + 2) / 5) + 365 * y + Math.floor(y / 4) - Math.floor(y / 100) + Math.floor(y / 400) - 32045;
    return jdn - 2440588;
  }

  /** Day number of a Julian-calendar date. */
  function julianDays(year, month, day) {
    var a = Math.floor((14 - month) / 12);
    var y = year + 4800 - a;
    var m = month + 12 * a - 3;
    var jdn = day + Math.floor((153 * m + 2) / 5) + 365 * y + Math.floor(y / 4) - 32083;
    return jdn - 2440588;
  }

  /** The first Gregorian day, 1582-10-15: Foundation's calendar reads earlier dates as Julian ones. */
  var GREGORIAN_START = gregorianDays(1582, 10, 15);

  /** Calendar.date(from:) for year-month-day: Julian before 1582-10-15, Gregorian from it. */
  function calendarDays(year, month, day) {
    var beforeReform = year < 1582 || (year === 1582 && (month < 10 || (month === 10 && day < 15)));
    return beforeReform ? julianDays(year, month, day) : gregorianDays(year, month, day);
  }

  /** The day of the month of a day number, in the same hybrid calendar. */
  function dayOfMonth(days) {
    var jdn = days + 2440588;
    var c, d, e, m;
    if (days < GREGORIAN_START) {
      c = jdn + 32082;
    } else {
      var a = jdn + 32044;
      var b = Math.floor((4 * a + 3) / 146097);
      c = a - Math.floor(146097 * b / 4);
    }
    d = Math.floor((4 * c + 3) / 1461);
    e = c - Math.floor(1461 * d / 4);
    m = Math.floor((5 * e + 2) / 153);
    return e - Math.floor((153 * m + 2) / 5) + 1;
  }

  /** Year, month, day of a (modern) day number in the Gregorian calendar. */
  function gregorianDate(days) {
    var a = days + 2440588 + 32044;
    var b = Math.floor((4 * a + 3) / 146097);
    var c = a - Math.floor(146097 * b / 4);
    var d = Math.floor((4 * c + 3) / 1461);
    var e = c - Math.floor(1461 * d / 4);
    var m = Math.floor((5 * e + 2) / 153);
    return {
      year: 100 * b + d - 4800 + Math.floor(m / 10),
      month: m + 3 - 12 * Math.floor(m / 10),
      day: e - Math.floor((153 * m + 2) / 5) + 1
    };
  }

  // ---- Instant: parsing and Beijing-time formatting ----------------------------------------------

  /**
   * Instant.parse: ISO 8601 with an explicit offset (`+08:00`, `+0800`, `Z`), with or without seconds
   * and fraction, `T` or a space between date and time. Returns seconds since the reference date, or
   * null for anything else — including impossible days such as 2025-02-30 and offsets beyond ±18:00
   * (which Foundation's TimeZone refuses).
   */
  var INSTANT = /^([0-9]{4})-([0-9]{2})-([0-9]{2})[T ]([0-9]{2}):([0-9]{2})(?::([0-9]{2})(?:\.([0-9]+))?)?(Z|[+-][0-9]{2}:?[0-9]{2})$/;
  function parseInstant(text) {
    var m = INSTANT.exec(trimWhitespace(text));
    if (!m) return null;
    var year = Number(m[1]), month = Number(m[2]), day = Number(m[3]);
    var hour = Number(m[4]), minute = Number(m[5]), second = m[6] === undefined ? 0 : Number(m[6]);
    var zone = m[8];
    var offset = 0;
    if (zone !== 'Z') {
      var digits = zone.slice(1).replace(/:/g, '');
      var hh = Number(digits.slice(0, 2)), mm = Number(digits.slice(-2));
      if (!(hh < 24 && mm < 60)) return null;
      offset = (hh * 3600 + mm * 60) * (zone.charAt(0) === '-' ? -1 : 1);
    }
    if (Math.abs(offset) > 18 * 3600) return null; // TimeZone(secondsFromGMT:) gives nil
    if (!(month >= 1 && month <= 12 && day >= 1 && day <= 31 && hour < 24 && minute < 60 && second < 60)) return null;
    var days = calendarDays(year, month, day);
    // The calendar rolls 2025-02-30 over to March 2; Instant.parse rejects a day that did not survive.
    if (dayOfMonth(days) !== day) return null;
    var whole = (days * 86400 + hour * 3600 + minute * 60 + second - offset) - REFERENCE_EPOCH;
    var fraction = m[7] === undefined ? 0 : Number('0.' + m[7]);
    return whole + fraction; // Date.addingTimeInterval(fraction): the same double addition
  }

  /** The Beijing wall clock of an instant. */
  function beijingClock(instant) {
    var local = Math.floor(instant) + REFERENCE_EPOCH + BEIJING_OFFSET;
    var days = Math.floor(local / 86400);
    var seconds = local - days * 86400;
    var date = gregorianDate(days);
    date.hour = Math.floor(seconds / 3600);
    date.minute = Math.floor((seconds % 3600) / 60);
    date.second = seconds % 60;
    return date;
  }

  /** Instant.chinese: `2025年2月28日17:00`, how the notice writes a moment. */
  function chinese(instant) {
    var c = beijingClock(instant);
    return c.year + '年' + c.month + '月' + c.day + '日' + c.hour + ':' + pad(c.minute, 2);
  }

  /** Instant.iso: `2025-01-22T09:00:00+08:00`, the machine form of JSON answers. */
  function iso(instant) {
    var c = beijingClock(instant);
    return pad(c.year, 4) + '-' + pad(c.month, 2) + '-' + pad(c.day, 2) + 'T' +
      pad(c.hour, 2) + ':' + pad(c.minute, 2) + ':' + pad(c.second, 2) + '+08:00';
  }

  /** A date of rules.json; the Swift decoder refuses the whole file when one does not parse. */
  function ruleInstant(text) {
    var instant = typeof text === 'string' ? parseInstant(text) : null;
    if (instant === null) throw new Error('rules.json: not an ISO 8601 instant: ' + text);
    return instant;
  }

  // ---- RuleBook look-ups --------------------------------------------------------------------------

  function find(list, test) {
    for (var i = 0; i < list.length; i++) if (test(list[i])) return list[i];
    return undefined;
  }

  /** Window.state(at:): the end is inclusive ("至2月28日17:00" still accepts at 17:00:00). */
  function windowState(window, now) {
    if (now < ruleInstant(window.start)) return 'before';
    return now <= ruleInstant(window.end) ? 'open' : 'closed';
  }

  /** Notice.covers(exam:session:). */
  function coverage(notice, exam, session) {
    return find(notice.covers, function (c) { return c.exam === exam && c.session === session; });
  }

  /** Notice.clause(role:): the clause id playing a role, or undefined. */
  function roleClause(notice, role) {
    return has(notice.roles, role) ? notice.roles[role] : undefined;
  }

  /**
   * RuleBook.applicableNotice: the notice covering the session that is open at `now`; else the next
   * to open; else the one that closed last. (Ties keep the first notice, as Swift's min/max do.)
   */
  function applicableNotice(book, exam, session, now) {
    var covering = book.notices.filter(function (n) { return coverage(n, exam, session) !== undefined; });
    var open = find(covering, function (n) { return windowState(n.application, now) === 'open'; });
    if (open) return open;
    var next;
    covering.forEach(function (n) {
      if (windowState(n.application, now) !== 'before') return;
      if (next === undefined || ruleInstant(n.application.start) < ruleInstant(next.application.start)) next = n;
    });
    if (next) return next;
    var last;
    covering.forEach(function (n) {
      if (last === undefined || ruleInstant(last.application.end) < ruleInstant(n.application.end)) last = n;
    });
    return last;
  }

  function compact(list) {
    return list.filter(function (item) { return item !== undefined && item !== null; });
  }

  // ---- Input and output ---------------------------------------------------------------------------

  /**
   * EligibilityInput's decoder: absent fields are empty text; scores may be numbers (written back as
   * Score.text, so 39.0 reads "39") or text (kept as typed, so "abc" can be reported).
   */
  function readInput(raw) {
    raw = raw || {};
    function text(value) { return value === undefined || value === null ? '' : String(value); }
    var scores = Array.isArray(raw.scores) ? raw.scores : [];
    return {
      exam: text(raw.exam),
      session: text(raw.session),
      level: text(raw.level),
      scores: scores.map(function (s) { return typeof s === 'number' ? scoreText(s) : text(s); }),
      category: text(raw.category),
      now: raw.now === undefined || raw.now === null ? null : String(raw.now)
    };
  }

  /** The verdict as `inquiry check --json` prints it: keys sorted, absent optionals left out. */
  function published(verdict) {
    var out = {};
    Object.keys(verdict).sort().forEach(function (key) {
      var value = verdict[key];
      if (value === undefined || value === null) return;
      if (key === 'subjects') {
        value = value.map(function (s) {
          return { meetsNational: s.meetsNational, meetsThreshold: s.meetsThreshold, name: s.name, score: s.score };
        });
      }
      out[key] = value;
    });
    return out;
  }

  // ---- The engine ---------------------------------------------------------------------------------

  /** EligibilityEngine.evaluate, step by step. */
  function evaluateRules(book, rawInput) {
    var input = readInput(rawInput);
    var verdict = { status: 'invalid-input', subjects: [], clauses: [], reasons: [] };
    function fail(field, key, slots) {
      verdict.status = 'invalid-input';
      verdict.field = field;
      verdict.reasons = [say(book, key, slots)];
      return published(verdict);
    }

    // 1. invalid-input, field by field in the order the engine checks them.
    var exam = find(book.exams, function (e) { return e.id === input.exam; });
    if (!exam) {
      return fail('exam', 'invalid.exam', {
        value: input.exam,
        options: book.exams.map(function (e) { return e.id + '(' + e.shortName + ')'; }).join('、')
      });
    }
    verdict.exam = exam.id;
    var form = SESSION_FORMS[exam.sessionForm];
    if (!form) throw new Error('rules.json: unknown sessionForm ' + exam.sessionForm);
    if (!form.pattern.test(input.session)) {
      return fail('session', 'invalid.session', { value: input.session, exam: exam.shortName, example: form.example });
    }
    verdict.session = input.session;
    if (LEVELS.indexOf(input.level) < 0) {
      return fail('level', 'invalid.level', { value: input.level, options: LEVELS.join('、') });
    }
    var level = input.level;
    verdict.level = level;
    // Exam.standard(for:): absent for a level the exam does not assess by examination (通信 高级).
    var standard = find(exam.levels, function (l) { return l.level === level; });
    if (standard && input.scores.length !== standard.subjects.length) {
      return fail('scores', 'invalid.count', {
        exam: exam.shortName, level: standard.name, expected: String(standard.subjects.length),
        subjects: standard.subjects.join('、'), count: String(input.scores.length)
      });
    }
    var scores = [];
    for (var i = 0; i < input.scores.length; i++) {
      var typed = input.scores[i];
      var value = parseScore(typed);
      if (value === null) return fail('scores', 'invalid.score', { index: String(i + 1), value: typed });
      if (!(value >= 0 && value <= exam.fullMarks)) {
        return fail('scores', 'invalid.range', { index: String(i + 1), value: typed, full: scoreText(exam.fullMarks) });
      }
      scores.push(value);
    }
    if (CATEGORIES.indexOf(input.category) < 0) {
      return fail('category', 'invalid.category', { value: input.category });
    }
    var category = input.category;
    verdict.category = category;
    var now = Date.now() / 1000 - REFERENCE_EPOCH;
    if (input.now !== null) {
      var parsed = parseInstant(input.now);
      if (parsed === null) return fail('now', 'invalid.now', { value: input.now });
      now = parsed;
    }

    // 2. not-covered: no notice covers this session (at this instant), or the session has no
    //    threshold for this level.
    var notice = applicableNotice(book, exam.id, input.session, now);
    var session = find(book.sessions, function (s) { return s.exam === exam.id && s.id === input.session; });
    var covered = notice && session ? coverage(notice, exam.id, session.id) : undefined;
    if (!covered) {
      verdict.status = 'not-covered';
      var current = book.notices[0]; // RuleBook.currentNotice: the newest
      verdict.notice = current ? current.id : undefined;
      var scope = current ? roleClause(current, 'scope') : undefined;
      verdict.clauses = scope !== undefined ? [scope] : [];
      var labels = book.sessions.filter(function (s) { return s.exam === exam.id; }).map(function (s) { return s.label; });
      verdict.reasons = [say(book, 'not-covered.session', { exam: exam.shortName, session: input.session, covered: labels.join('、') })];
      return published(verdict);
    }
    var levelThreshold = find(session.thresholds, function (t) { return t.level === level; });
    if (!standard || !levelThreshold) {
      verdict.status = 'not-covered';
      verdict.notice = notice.id;
      var noticeScope = roleClause(notice, 'scope');
      verdict.clauses = noticeScope !== undefined ? [noticeScope] : [];
      var levelName = standard ? standard.name : has(book.messages, 'level.' + level) ? book.messages['level.' + level] : level;
      verdict.reasons = [say(book, 'not-covered.level', {
        exam: exam.shortName, level: levelName, levels: exam.levels.map(function (l) { return l.name; }).join('、')
      })];
      return published(verdict);
    }
    var threshold = levelThreshold.score;

    // The marks used and each subject's comparison (thresholds are inclusive: 分(含)).
    var application = notice.application;
    var start = ruleInstant(application.start), end = ruleInstant(application.end);
    verdict.notice = notice.id;
    verdict.window = windowState(application, now);
    verdict.applicationStart = iso(start);
    verdict.applicationEnd = iso(end);
    verdict.threshold = threshold;
    verdict.national = exam.passMark;
    verdict.fullMarks = exam.fullMarks;
    verdict.subjects = standard.subjects.map(function (name, index) {
      var score = scores[index];
      return { name: name, score: score, meetsThreshold: score >= threshold, meetsNational: score >= exam.passMark };
    });
    var windowReason = say(book, 'window.' + verdict.window, { start: chinese(start), end: chinese(end) });
    var thresholdClause = covered.clause !== undefined && covered.clause !== null ? [covered.clause] : [];
    var categoryClause = category === 'none' ? undefined : roleClause(notice, category);
    var slots = { session: session.label, threshold: scoreText(threshold), national: scoreText(exam.passMark) };
    var nationalClauses = compact([roleClause(notice, 'local'), roleClause(notice, 'relocated')]);

    // 3. national-pass: every subject reached the national mark; the national certificate applies.
    if (verdict.subjects.every(function (s) { return s.meetsNational; })) {
      verdict.status = 'national-pass';
      verdict.clauses = nationalClauses;
      verdict.reasons = [say(book, 'national-pass', slots)];
      return published(verdict);
    }
    // 4. below-threshold: one reason per subject under the delineated line.
    var below = verdict.subjects.filter(function (s) { return !s.meetsThreshold; });
    if (below.length > 0) {
      verdict.status = 'below-threshold';
      verdict.clauses = thresholdClause.concat(compact([categoryClause]));
      verdict.reasons = below.map(function (s) {
        return say(book, 'below-threshold', {
          session: slots.session, threshold: slots.threshold, national: slots.national, subject: s.name, score: scoreText(s.score)
        });
      });
      return published(verdict);
    }
    // 5. not-in-area: neither registered in a delineated area nor working in one. (A summary notice
    //    names no clauses: the verdict then cites none, but is decided the same way.)
    if (category === 'none') {
      verdict.status = 'not-in-area';
      verdict.clauses = nationalClauses.concat(thresholdClause);
      verdict.reasons = [say(book, 'not-in-area', slots)];
      return published(verdict);
    }
    // 6. eligible, with the window's state.
    verdict.status = 'eligible';
    verdict.clauses = compact([categoryClause]).concat(thresholdClause, compact([application.clause, roleClause(notice, 'procedure')]));
    verdict.reasons = [say(book, 'eligible.' + category, slots), windowReason];
    return published(verdict);
  }

  return { evaluate: evaluateRules };
})();

/** The verdict of `inquiry check --json` for `input`, decided on `rules` (the parsed rules.json). */
function evaluate(rules, input) {
  return PasslineEligibility.evaluate(rules, input);
}

if (typeof module !== 'undefined') module.exports = { evaluate };

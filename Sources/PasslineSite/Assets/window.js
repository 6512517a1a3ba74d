/* Passline: shows whether an application window is before, open or closed, from this device's clock —
   for every element with data-start and data-end (the home page's window, each round in the notice
   list). Every word comes from the element's data-* attributes (and so from Content/); this file holds
   none. The dates themselves are in the page, so readers without JavaScript still see them. */
(function () {
  'use strict';
  var all = document.querySelectorAll('[data-start][data-end]');

  function left(el, ms, key) {
    var hours = Math.floor(ms / 3600000);
    var long = hours >= 24;
    var text = el.getAttribute(long ? 'data-left-' + key : 'data-left-' + key + '-hours') || '';
    return text.replace('{d}', String(Math.floor(hours / 24)))
      .replace('{h}', String(long ? hours % 24 : hours))
      .replace('{m}', String(Math.floor(ms / 60000) % 60));
  }

  function show(el) {
    var start = Date.parse(el.getAttribute('data-start'));
    var end = Date.parse(el.getAttribute('data-end'));
    if (isNaN(start) || isNaN(end)) return;
    var now = Date.now();
    var state = now < start ? 'before' : (now <= end ? 'open' : 'closed');
    var text = el.getAttribute('data-' + state) || '';
    // Only elements that carry a countdown's words get one (the home page's).
    if (state === 'before') text += ' ' + left(el, start - now, 'start');
    if (state === 'open') text += ' ' + left(el, end - now, 'end');
    el.textContent = text.trim();
    el.setAttribute('data-state', state);
    el.hidden = false;
  }

  function update() { Array.prototype.forEach.call(all, show); }
  if (!all.length) return;
  update();
  setInterval(update, 60000);
})();

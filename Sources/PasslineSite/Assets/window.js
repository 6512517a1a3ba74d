/* Passline: shows whether the application window is before, open or closed, from this device's clock.
   Every word comes from the page's data-* attributes (and so from Content/); this file holds none. */
(function () {
  'use strict';
  var el = document.getElementById('window-state');
  if (!el) return;
  var start = Date.parse(el.getAttribute('data-start'));
  var end = Date.parse(el.getAttribute('data-end'));
  if (isNaN(start) || isNaN(end)) return;

  function left(ms, key) {
    var hours = Math.floor(ms / 3600000);
    var long = hours >= 24;
    var text = el.getAttribute(long ? 'data-left-' + key : 'data-left-' + key + '-hours') || '';
    return text.replace('{d}', String(Math.floor(hours / 24)))
      .replace('{h}', String(long ? hours % 24 : hours))
      .replace('{m}', String(Math.floor(ms / 60000) % 60));
  }

  function show() {
    var now = Date.now();
    var state = now < start ? 'before' : (now <= end ? 'open' : 'closed');
    var text = el.getAttribute('data-' + state) || '';
    if (state === 'before') text += ' ' + left(start - now, 'start');
    if (state === 'open') text += ' ' + left(end - now, 'end');
    el.textContent = text;
    el.setAttribute('data-state', state);
    el.hidden = false;
  }

  show();
  setInterval(show, 60000);
})();

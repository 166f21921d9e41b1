/* VisitLens: keeps every script error, console error and blocked request in body[data-errors]
   (joined with " | "), so that a headless browser can tell a clean render from a broken one. */
(function () {
  'use strict';
  var errors = [];
  function show() {
    if (document.body) {
      document.body.setAttribute('data-errors', errors.join(' | '));
    }
  }
  window.visitlensError = function (message) {
    errors.push(String(message));
    show();
  };
  window.addEventListener('error', function (e) {
    var what = e.message || (e.target && e.target.tagName ? e.target.tagName + ' failed to load' : 'error');
    window.visitlensError(what + (e.filename ? ' (' + e.filename + ':' + e.lineno + ')' : ''));
  }, true);
  window.addEventListener('unhandledrejection', function (e) {
    window.visitlensError('unhandled rejection: ' + e.reason);
  });
  document.addEventListener('securitypolicyviolation', function (e) {
    window.visitlensError('blocked by the page policy: ' + (e.blockedURI || 'inline') + ' (' + e.violatedDirective + ')');
  });
  var consoleError = console.error;
  console.error = function () {
    window.visitlensError(Array.prototype.map.call(arguments, String).join(' '));
    return consoleError.apply(console, arguments);
  };
  document.addEventListener('DOMContentLoaded', show);
})();

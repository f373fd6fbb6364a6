/* stancegraph view: record script errors, failed loads and CSP violations in <html data-sg-errors>
   so that a headless browser (and a curious reader) can see them in the DOM. */
(function () {
  "use strict";
  var root = document.documentElement;
  function note(message) {
    var previous = root.getAttribute("data-sg-errors");
    root.setAttribute("data-sg-errors", (previous ? previous + "\n" : "") + String(message));
  }
  window.addEventListener("error", function (event) {
    var target = event.target;
    if (target && target !== window && target.tagName) {
      note("failed to load <" + target.tagName.toLowerCase() + "> " + (target.src || target.href || ""));
    } else {
      note(event.message || "script error");
    }
  }, true);
  window.addEventListener("unhandledrejection", function (event) {
    note("unhandled rejection: " + event.reason);
  });
  document.addEventListener("securitypolicyviolation", function (event) {
    note("blocked by the content security policy: " + event.violatedDirective + " " + (event.blockedURI || ""));
  });
  var consoleError = console.error;
  console.error = function () {
    note(Array.prototype.join.call(arguments, " "));
    return consoleError.apply(console, arguments);
  };
})();

// Small progressive enhancements; every page works without this file.
(function () {
  "use strict";
  // Move focus to the error summary so screen readers announce it after a failed submit.
  var summary = document.querySelector(".error-summary");
  if (summary) {
    summary.setAttribute("tabindex", "-1");
    summary.focus();
  }
  // Ask before irreversible actions marked with data-confirm.
  document.addEventListener("submit", function (event) {
    var form = event.target;
    var message = form.getAttribute("data-confirm");
    if (message && !window.confirm(message)) {
      event.preventDefault();
    }
  });
})();

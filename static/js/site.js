// Small enhancements only: every page works without this file.
"use strict";

document.addEventListener("DOMContentLoaded", function () {
  // Cookie notice: acknowledge without reloading the page.
  var notice = document.querySelector("[data-cookie-notice]");
  if (notice) {
    var form = notice.querySelector("form");
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      fetch(form.action, {
        method: "POST",
        body: new FormData(form),
        headers: { "X-Requested-With": "fetch" },
        credentials: "same-origin",
      }).then(function (response) {
        if (response.ok) {
          notice.remove();
        } else {
          form.submit();
        }
      }).catch(function () { form.submit(); });
    });
  }
});

// The panel beside each rich-text editor in the admin (adminsite/content_checks.py): while
// staff type, the same checks as on save run on the server and the list is refreshed.
// Without this file the panel shows the findings of the last saved or submitted text.
"use strict";

(function () {
  var DELAY_MS = 800;
  var POLL_MS = 1000;
  var state = new WeakMap();

  function csrfToken() {
    var input = document.querySelector("input[name=csrfmiddlewaretoken]");
    return input ? input.value : "";
  }

  function send(panel, html) {
    var body = new FormData();
    body.append("html", html);
    if (panel.dataset.etr) {
      body.append("etr", "1"); // an easy-to-read text: the ETR verdict too
    }
    var info = state.get(panel);
    var asked = ++info.asked;
    fetch(panel.dataset.url, {
      method: "POST",
      body: body,
      credentials: "same-origin",
      headers: { "X-CSRFToken": csrfToken(), "X-Requested-With": "fetch" },
    })
      .then(function (response) {
        return response.json().catch(function () {
          return {};
        });
      })
      .then(function (data) {
        if (asked !== info.asked) {
          return; // a newer text was sent meanwhile: its answer counts
        }
        var target = panel.querySelector(".content-checks-body");
        if (data.html !== undefined) {
          target.innerHTML = data.html; // rendered and escaped by Django's templates
        } else if (data.error) {
          var note = document.createElement("p");
          note.className = "content-checks-readability";
          note.textContent = data.error;
          target.replaceChildren(note);
        }
      })
      .catch(function () {
        /* offline: the save still checks */
      });
  }

  function watch(panel) {
    var editor = panel.closest(".content-checks-editor");
    var field = editor && editor.querySelector("textarea");
    // The template row of an inline (its id holds __prefix__) waits until staff add it.
    if (!field || field.id.indexOf("__prefix__") !== -1) {
      return;
    }
    if (!state.has(panel)) {
      // The panel as rendered describes the text the page came with (defaultValue): text typed
      // before this first look (a row added and filled within a second) still counts as a change.
      state.set(panel, { last: field.defaultValue, timer: null, asked: 0 });
      var note = panel.querySelector("[data-live-text]");
      if (note) {
        note.textContent = note.dataset.liveText;
      }
    }
    var info = state.get(panel);
    // CKEditor writes the text back into the hidden textarea on every change.
    if (field.value === info.last) {
      return;
    }
    info.last = field.value;
    clearTimeout(info.timer);
    info.timer = setTimeout(function () {
      send(panel, info.last);
    }, DELAY_MS);
  }

  function scan() {
    document.querySelectorAll(".content-checks[data-url]").forEach(watch);
  }

  document.addEventListener("DOMContentLoaded", function () {
    scan();
    setInterval(scan, POLL_MS);
  });
})();

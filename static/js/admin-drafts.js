// Never lose work in the admin (drafts/admin.py).
// - Every change or add form asks before the page is left with unsaved changes; never on
//   submit, and a successful save opens a fresh page.
// - A form with a rich-text editor also stores its unsaved state on the server for this user
//   (drafts/views.py) while staff type, and when the page is hidden or closed; reopened, it
//   offers to restore that state or discard it (templates/admin/drafts/unsaved_changes.html).
// Without JavaScript the form works as before; the files of a refused form are kept anyway.
"use strict";

(function () {
  var CHECK_MS = 2000;
  var SAVE_EVERY_MS = 10000;

  function readJson(id) {
    var node = document.getElementById(id);
    return node ? JSON.parse(node.textContent) : null;
  }

  function Form(root) {
    this.root = root;
    this.form = root.closest("form");
    this.tokenField = root.dataset.tokenField || "";
    this.autosave = Boolean(root.dataset.saveUrl);
    this.status = root.querySelector(".draft-status");
    this.notice = root.querySelector(".draft-notice");
    this.submitting = false;
    this.waiting = Boolean(this.notice); // for the choice between the draft and the saved form
    this.lastSentAt = 0;
    // A form shown again after a refused save holds what was typed, not what is saved.
    this.initial = root.hasAttribute("data-refused") ? null : this.state();
    this.sent = this.initial;
  }

  Form.prototype.fields = function () {
    var fields = [];
    var skip = this.tokenField;
    new FormData(this.form).forEach(function (value, name) {
      // Files are not stored: a refused save keeps them on the server (drafts/uploads.py).
      if (typeof value === "string" && name !== "csrfmiddlewaretoken" && name !== skip) {
        fields.push([name, value]);
      }
    });
    return fields;
  };

  Form.prototype.state = function () {
    return JSON.stringify(this.fields());
  };

  Form.prototype.filesChosen = function () {
    return Array.prototype.some.call(this.form.querySelectorAll("input[type=file]"), function (input) {
      return input.files && input.files.length > 0;
    });
  };

  Form.prototype.changed = function () {
    return this.initial === null || this.state() !== this.initial || this.filesChosen();
  };

  Form.prototype.token = function () {
    var input = this.tokenField && this.form.querySelector('input[name="' + this.tokenField + '"]');
    return input ? input.value : "";
  };

  Form.prototype.body = function (withFields) {
    var body = new FormData();
    body.append("csrfmiddlewaretoken", this.form.querySelector("input[name=csrfmiddlewaretoken]").value);
    body.append("model", this.root.dataset.model);
    body.append("object_id", this.root.dataset.objectId);
    if (withFields) {
      body.append("fields", JSON.stringify(this.fields()));
      body.append("edit_token", this.token());
    }
    return body;
  };

  Form.prototype.say = function (text) {
    if (this.status) {
      this.status.textContent = text;
    }
  };

  Form.prototype.post = function (url, body) {
    var self = this;
    return fetch(url, { method: "POST", body: body, credentials: "same-origin", redirect: "manual" })
      .then(function (response) {
        if (response.type === "opaqueredirect" || response.status === 403 || response.status === 401) {
          throw new Error("session");
        }
        return response.json();
      })
      .then(function (data) {
        self.say(data.message || data.error || "");
        return data;
      })
      .catch(function (error) {
        self.say(
          error.message === "session"
            ? "Nie udało się przechować zmian: sesja mogła wygasnąć. Nie zamykaj tej karty; zaloguj się w nowej karcie, a potem zapisz formularz."
            : "Nie udało się teraz przechować zmian. Kolejna próba nastąpi za chwilę."
        );
        self.sent = null; // try again at the next check
      });
  };

  Form.prototype.tick = function () {
    if (!this.autosave || this.submitting || this.waiting) {
      return;
    }
    var now = this.state();
    if (now === this.sent || Date.now() - this.lastSentAt < SAVE_EVERY_MS) {
      return;
    }
    this.lastSentAt = Date.now();
    this.sent = now;
    if (now === this.initial) {
      // Everything typed was undone: no draft is left to offer.
      this.post(this.root.dataset.discardUrl, this.body(false)).then(this.say.bind(this, ""));
    } else {
      this.post(this.root.dataset.saveUrl, this.body(true));
    }
  };

  Form.prototype.saveOnLeaving = function () {
    if (!this.autosave || this.submitting || this.waiting || this.initial === this.state()) {
      return;
    }
    if (this.state() !== this.sent && navigator.sendBeacon) {
      navigator.sendBeacon(this.root.dataset.saveUrl, this.body(true));
      this.sent = this.state();
    }
  };

  // Inline rows the draft has and the opened form has not: added as with „Dodaj kolejny…”.
  Form.prototype.addRows = function (values) {
    var form = this.form;
    Object.keys(values).forEach(function (name) {
      var match = /^(.*)-TOTAL_FORMS$/.exec(name);
      var input = match && form.querySelector('input[name="' + name + '"]');
      if (!input) {
        return;
      }
      var link = document.querySelector("#" + CSS.escape(match[1]) + "-group .add-row a");
      var missing = Number(values[name][0]) - Number(input.value);
      for (var i = 0; i < missing && link; i += 1) {
        link.click();
      }
    });
  };

  Form.prototype.restore = function (fields, token) {
    var values = {};
    fields.forEach(function (pair) {
      (values[pair[0]] = values[pair[0]] || []).push(pair[1]);
    });
    this.addRows(values);
    var seen = {};
    Array.prototype.forEach.call(this.form.elements, function (element) {
      var name = element.name;
      if (!name || name === "csrfmiddlewaretoken" || element.type === "file" || element.type === "submit") {
        return;
      }
      if (element.type === "button" || element.tagName === "BUTTON" || element.tagName === "FIELDSET") {
        return;
      }
      var wanted = values[name] || [];
      if (element.type === "checkbox" || element.type === "radio") {
        element.checked = wanted.indexOf(element.value) !== -1;
      } else if (element.type === "select-multiple") {
        Array.prototype.forEach.call(element.options, function (option) {
          option.selected = wanted.indexOf(option.value) !== -1;
        });
      } else if (name in values) {
        var index = seen[name] || 0;
        seen[name] = index + 1;
        element.value = wanted[index] !== undefined ? wanted[index] : "";
        var editor = window.editors && window.editors[element.id];
        if (editor) {
          editor.setData(element.value);
        }
      }
    });
    var tokenInput = this.tokenField && this.form.querySelector('input[name="' + this.tokenField + '"]');
    if (tokenInput && token) {
      // The version the draft started from: a save after someone else's is refused with a warning.
      tokenInput.value = token;
    }
  };

  Form.prototype.offer = function () {
    var self = this;
    var fields = readJson("draft-fields") || [];
    var token = readJson("draft-edit-token");
    if (JSON.stringify(fields) === this.initial) {
      // The saved form already holds everything the draft does.
      this.waiting = false;
      this.post(this.root.dataset.discardUrl, this.body(false)).then(this.say.bind(this, ""));
      return;
    }
    this.notice.hidden = false;
    var decide = function (text) {
      self.notice.querySelectorAll("p").forEach(function (paragraph) {
        paragraph.remove(); // the heading stays: it names the region
      });
      var note = document.createElement("p");
      note.textContent = text;
      self.notice.appendChild(note);
      self.notice.focus();
      self.waiting = false;
    };
    this.notice.querySelector("[data-draft-restore]").addEventListener("click", function () {
      self.restore(fields, token);
      self.sent = self.state(); // the same as the stored draft
      decide("Przywrócono niezapisaną wersję. Sprawdź ją i zapisz formularz.");
    });
    this.notice.querySelector("[data-draft-discard]").addEventListener("click", function () {
      self.post(self.root.dataset.discardUrl, self.body(false));
      decide("Odrzucono niezapisaną wersję. Formularz pokazuje zapisany stan.");
    });
  };

  function start(root) {
    var unsaved = new Form(root);
    if (!unsaved.form) {
      return;
    }
    unsaved.form.addEventListener("submit", function () {
      unsaved.submitting = true;
    });
    window.addEventListener("beforeunload", function (event) {
      if (!unsaved.submitting && unsaved.changed()) {
        event.preventDefault();
        event.returnValue = ""; // older browsers show the dialog only with this set
      }
    });
    window.addEventListener("pagehide", function () {
      unsaved.saveOnLeaving();
    });
    document.addEventListener("visibilitychange", function () {
      if (document.visibilityState === "hidden") {
        unsaved.saveOnLeaving();
      }
    });
    if (unsaved.notice) {
      unsaved.offer();
    }
    setInterval(unsaved.tick.bind(unsaved), CHECK_MS);
  }

  document.addEventListener("DOMContentLoaded", function () {
    var root = document.querySelector("[data-unsaved-changes]");
    if (root) {
      start(root);
    }
  });
})();

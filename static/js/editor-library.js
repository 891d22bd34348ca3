// „Dokument z biblioteki” in CKEditor 5: a toolbar button that opens a dialog to find a library
// document (or add a new one) and puts a link to it in the text, with its type and size as the
// content checks ask: „Regulamin naboru (PDF, 120 KB)”.
//
// The server describes each kind of library item in the editor's config, "partnerstwoLibrary"
// (adminsite/editor_library.py): its toolbar name, whether this person may use it, its addresses,
// the fields of its upload form and its wording. The dialog is a native <dialog>: modal, labelled
// by its heading, closed by Esc or „Zamknij”, after which the focus is back in the editor. Its
// look is in static/css/admin-editor-library.css (no inline styles under the CSP).
// Named in CKEDITOR_5_CONFIGS["default"]["extraPlugins"]; loaded before any editor starts.
"use strict";

(function () {
  var SEARCH_DELAY_MS = 300;
  // A sheet with a link's chain: the button's icon (its name is the label, shown as a tooltip).
  var ICON =
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 20 20"><path d="M4 1.5h8l4 4v6h-1.5V6.5H11V3H5.5v14H9v1.5H4z"/>' +
    '<path d="M12.6 12.2a2.2 2.2 0 0 1 3.1 0l.1.1a2.2 2.2 0 0 1 0 3.1l-1.2 1.2-1-1 1.2-1.2a.8.8 0 0 0 0-1.1l-.1-.1a.8.8 0 0 0-1.1 0l-1.2 1.2-1-1z' +
    'M9.9 14.9l1.2-1.2 1 1-1.2 1.2a.8.8 0 0 0 0 1.1l.1.1a.8.8 0 0 0 1.1 0l1.2-1.2 1 1-1.2 1.2a2.2 2.2 0 0 1-3.1 0l-.1-.1a2.2 2.2 0 0 1 0-3.1z' +
    'M12.3 14.7l2.1-2.1.9.9-2.1 2.1z"/></svg>';
  // A picture on a stack of pictures: the button of the library's images.
  var IMAGE_ICON =
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 20 20"><path d="M1.5 5h1.5v11.5H15V18H1.5z"/>' +
    '<path d="M4.5 2h14v13h-14zM6 3.5v7.3l3-3 2.5 2.5 2-2 3.5 3.5V3.5zM14 5a1.5 1.5 0 1 1 0 3 1.5 1.5 0 0 1 0-3z"/></svg>';
  var ICONS = { link: ICON, image: IMAGE_ICON };
  var counter = 0;

  function csrfToken() {
    var input = document.querySelector("input[name=csrfmiddlewaretoken]");
    return input ? input.value : "";
  }

  function element(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) {
      if (name === "text") {
        node.textContent = attrs.text;
      } else {
        node.setAttribute(name, attrs[name]);
      }
    });
    (children || []).forEach(function (child) {
      node.append(child);
    });
    return node;
  }

  function format(text, values) {
    return text.replace(/%\((\w+)\)s/g, function (all, name) {
      return values[name];
    });
  }

  function readJson(response) {
    return response
      .json()
      .catch(function () {
        return {};
      })
      .then(function (data) {
        return { ok: response.ok, data: data };
      });
  }

  // The text the selection covers when it is only text inside one block; null otherwise.
  function selectedText(editor) {
    var selection = editor.model.document.selection;
    if (selection.isCollapsed) {
      return "";
    }
    var range = selection.getFirstRange();
    if (selection.rangeCount > 1 || range.start.parent !== range.end.parent) {
      return null;
    }
    var text = "";
    var onlyText = Array.from(range.getItems()).every(function (item) {
      if (item.is("$textProxy") || item.is("$text")) {
        text += item.data;
        return true;
      }
      return false;
    });
    return onlyText ? text.trim() : null;
  }

  // „Selected text (PDF, 120 KB)” as one link in place of the selected text; with nothing (or more
  // than text) selected, the document's title, after the selection, which stays as it was.
  // Typing goes on unlinked.
  function insertLink(editor, item) {
    var selected = selectedText(editor);
    var text = (selected || item.title) + " (" + item.label + ")";
    editor.model.change(function (writer) {
      var selection = editor.model.document.selection;
      if (selected === null) {
        writer.setSelection(selection.getLastPosition());
      }
      editor.model.insertContent(writer.createText(text, { linkHref: item.url }));
      writer.removeSelectionAttribute("linkHref");
    });
  }

  // A library image where the cursor is, with the library's text alternative (staff check it in
  // the image's toolbar; the save check refuses an image without one that is not decorative).
  function insertImage(editor, item) {
    var source = { src: item.url };
    if (item.alt) {
      source.alt = item.alt;
    }
    editor.execute("insertImage", { source: [source] });
    editor.editing.view.focus();
  }

  // What choosing a row does, by the kind's "insert" (adminsite/editor_library.py LibraryKind).
  var INSERT = { link: insertLink, image: insertImage };

  function LibraryDialog(editor, kind) {
    var texts = kind.texts;
    var id = "editor-library-" + ++counter;
    var self = this;
    this.editor = editor;
    this.kind = kind;
    this.asked = 0;

    this.status = element("p", { class: "editor-library-status", role: "status" });
    this.list = element("ul", { class: "editor-library-results", "aria-labelledby": id + "-results" });
    this.search = element("input", { type: "search", id: id + "-q", name: "q", autocomplete: "off" });
    var searchForm = element("form", { class: "editor-library-search", role: "search" }, [
      element("label", { for: id + "-q", text: texts.search }),
      element("div", { class: "editor-library-row" }, [
        this.search,
        element("button", { type: "submit", class: "button", text: texts.searchButton }),
      ]),
    ]);
    searchForm.addEventListener("submit", function (event) {
      event.preventDefault();
      self.load(self.search.value);
    });
    this.search.addEventListener("input", function () {
      clearTimeout(self.timer);
      self.timer = setTimeout(function () {
        self.load(self.search.value);
      }, SEARCH_DELAY_MS);
    });

    var close = element("button", { type: "button", class: "button editor-library-close", text: texts.close });
    close.addEventListener("click", function () {
      self.dialog.close();
    });

    var parts = [
      element("h2", { id: id + "-title", text: kind.title }),
      element("p", { class: "editor-library-help", text: texts.choose }),
      searchForm,
      element("h3", { id: id + "-results", text: texts.results }),
      this.status,
      this.list,
    ];
    if (kind.uploadUrl) {
      parts.push(this.uploadForm(id));
    }
    parts.push(element("div", { class: "editor-library-actions" }, [close]));
    this.dialog = element("dialog", { class: "editor-library", "aria-labelledby": id + "-title" }, parts);
    this.dialog.addEventListener("close", function () {
      editor.editing.view.focus();
    });
    document.body.append(this.dialog);
  }

  LibraryDialog.prototype.uploadForm = function (id) {
    var self = this;
    var texts = this.kind.texts;
    var form = element("form", { class: "editor-library-upload", "aria-labelledby": id + "-upload" }, [
      element("h3", { id: id + "-upload", text: texts.upload }),
    ]);
    this.kind.uploadFields.forEach(function (field) {
      var input = element("input", { type: field.type, name: field.name, id: id + "-field-" + field.name, required: "" });
      if (field.accept) {
        input.setAttribute("accept", field.accept);
      }
      if (field.type === "file") {
        input.setAttribute("aria-describedby", id + "-upload-help");
      }
      form.append(element("p", {}, [element("label", { for: input.id, text: field.label }), input]));
    });
    form.append(element("p", { class: "editor-library-help", id: id + "-upload-help", text: texts.uploadHelp }));
    this.uploadErrors = element("div", { class: "editor-library-errors", role: "alert" });
    form.append(this.uploadErrors);
    form.append(element("button", { type: "submit", class: "button", text: texts.uploadButton }));
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      self.upload(form);
    });
    return form;
  };

  LibraryDialog.prototype.open = function () {
    this.uploadErrors && this.uploadErrors.replaceChildren();
    this.dialog.showModal();
    this.search.focus();
    this.load(this.search.value);
  };

  LibraryDialog.prototype.load = function (query) {
    var self = this;
    var texts = this.kind.texts;
    var asked = ++this.asked;
    this.status.textContent = texts.loading;
    var url = this.kind.listUrl + "?q=" + encodeURIComponent(query.trim());
    fetch(url, { credentials: "same-origin", headers: { "X-Requested-With": "fetch" } })
      .then(readJson)
      .then(function (answer) {
        if (asked !== self.asked) {
          return; // a newer search was sent meanwhile
        }
        if (!answer.ok) {
          self.show([], answer.data.error || texts.failed);
          return;
        }
        var results = answer.data.results;
        var said = !results.length
          ? answer.data.query ? texts.none : texts.empty
          : answer.data.query
            ? format(texts.found, { count: results.length })
            : texts.newest;
        self.show(results, said);
      })
      .catch(function () {
        self.show([], texts.failed);
      });
  };

  LibraryDialog.prototype.show = function (results, said) {
    var self = this;
    this.status.textContent = said;
    this.list.replaceChildren.apply(
      this.list,
      results.map(function (item) {
        var parts = [
          element("span", { class: "editor-library-title", text: item.title }),
          " ",
          element("span", { class: "editor-library-label", text: "(" + item.label + ")" }),
        ];
        if (item.thumbnail) {
          // The title names the button; the picture only helps to recognise it.
          parts.unshift(element("img", { src: item.thumbnail, alt: "", class: "editor-library-thumbnail" }));
        }
        var button = element("button", { type: "button", class: "editor-library-choice" }, parts);
        button.addEventListener("click", function () {
          self.dialog.close();
          INSERT[self.kind.insert](self.editor, item);
        });
        return element("li", {}, [button]);
      })
    );
  };

  LibraryDialog.prototype.upload = function (form) {
    var self = this;
    var texts = this.kind.texts;
    var errors = this.uploadErrors;
    var sendButton = form.querySelector("button[type=submit]");
    errors.replaceChildren(element("p", { text: texts.uploading }));
    sendButton.disabled = true;
    fetch(this.kind.uploadUrl, {
      method: "POST",
      body: new FormData(form),
      credentials: "same-origin",
      headers: { "X-CSRFToken": csrfToken(), "X-Requested-With": "fetch" },
    })
      .then(readJson)
      .then(function (answer) {
        if (!answer.ok) {
          var lines = answer.data.errors || [answer.data.error || texts.failed];
          errors.replaceChildren(
            element("p", { text: texts.refused }),
            element(
              "ul",
              {},
              lines.map(function (line) {
                return element("li", { text: line });
              })
            )
          );
          return;
        }
        var item = answer.data.result;
        errors.replaceChildren();
        form.reset();
        self.search.value = "";
        self.asked++; // an answer to an earlier search must not replace the new row
        var said = format(texts.added, { title: item.title });
        self.show([item], answer.data.warning ? said + " " + answer.data.warning : said);
        self.list.querySelector("button").focus();
      })
      .catch(function () {
        errors.replaceChildren(element("p", { text: texts.failed }));
      })
      .then(function () {
        sendButton.disabled = false;
      });
  };

  function PartnerstwoLibrary(editor) {
    (editor.config.get("partnerstwoLibrary") || []).forEach(function (kind) {
      editor.ui.componentFactory.add(kind.toolbarName, function (locale) {
        // The editor's own button class, taken from a button it has made (its public factory).
        var ButtonView = editor.ui.componentFactory.create("undo").constructor;
        var button = new ButtonView(locale);
        if (!kind.allowed) {
          button.set({ label: "", isVisible: false, isEnabled: false });
          return button;
        }
        var dialog = null;
        button.set({ label: kind.button, icon: ICONS[kind.insert], tooltip: true });
        button.on("execute", function () {
          dialog = dialog || new LibraryDialog(editor, kind);
          dialog.open();
        });
        return button;
      });
    });
  }

  window.PartnerstwoLibrary = PartnerstwoLibrary;
})();

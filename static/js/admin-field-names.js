// Names for what Django's own admin scripts draw without one (found by axe on the editor's forms):
// - autocomplete fields (select2) draw a combobox named only by the chosen value: with nothing
//   chosen it has no name at all (aria-input-field-name), and a screen reader says just „pole
//   kombi”. Each combobox is named by its field's label, then by what is chosen;
// - the two-list selector (SelectFilter2.js) puts an aria-label on a plain <span> icon, where
//   ARIA does not allow one (aria-prohibited-attr): the icon gets the role of an image.
// Without JavaScript the fields are a plain <select> with its <label>, and none of this is needed.
"use strict";

(function () {
  function nameBoxes(root) {
    root.querySelectorAll("select.admin-autocomplete").forEach(function (select) {
      var label = select.id ? document.querySelector('label[for="' + select.id + '"]') : null;
      var container = select.nextElementSibling;
      var box = container ? container.querySelector('.select2-selection[role="combobox"]') : null;
      if (!box) {
        return;
      }
      if (!label) {
        // A field in a table's row has no <label>: its column's name is on the select (adminsite/options.py).
        var name = select.getAttribute("aria-label");
        if (name) {
          box.removeAttribute("aria-labelledby");
          box.setAttribute("aria-label", name);
          var rendered = box.querySelector(".select2-selection__rendered");
          if (rendered) {
            rendered.setAttribute("aria-label", name);
          }
        }
        return;
      }
      label.id = label.id || select.id + "_label";
      var chosen = box.querySelector(".select2-selection__rendered");
      if (chosen && chosen.id) {
        // select2 gives the chosen value's text a role of its own: it needs the name too.
        box.setAttribute("aria-labelledby", label.id + " " + chosen.id);
        chosen.setAttribute("aria-labelledby", label.id + " " + chosen.id);
      } else {
        box.setAttribute("aria-labelledby", label.id);
      }
    });
  }

  // Django's autocomplete.js starts select2 in a jQuery ready handler; this one, added later, runs after it.
  if (window.django && window.django.jQuery) {
    window.django.jQuery(function () {
      nameBoxes(document);
    });
  }
  // SelectFilter2.js draws its lists when the page has loaded; this handler, added later, runs after it.
  window.addEventListener("load", function () {
    document.querySelectorAll(".selector .help-tooltip[aria-label]:not([role])").forEach(function (icon) {
      icon.setAttribute("role", "img");
    });
  });

  // A new inline row gets its select2 from Django's own handler of the same event: name it after.
  document.addEventListener("formset:added", function (event) {
    window.setTimeout(function () {
      nameBoxes(event.target);
    }, 0);
  });
})();

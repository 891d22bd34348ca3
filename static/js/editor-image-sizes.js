// Image sizes in CKEditor 5 through classes, not inline styles.
//
// CKEditor writes a resized image's width as style="width: 50%". The portal's Content-Security-Policy
// blocks inline styles (so its drag handles cannot be drawn) and the sanitizer (core/sanitize.py)
// strips them. This plugin (named in CKEDITOR_5_CONFIGS["default"]["extraPlugins"]) keeps the
// editor's "resizedWidth" but writes it, in the editor and in the saved HTML, as one of the
// classes image-width-25/50/75, and reads those classes back. Staff choose a size from the
// „Zmień rozmiar obrazu” list on the image toolbar; the handles are switched off. The widths are
// in static/css/editor.css and static/css/site.css. Loaded before any editor starts.
"use strict";

(function () {
  var SIZES = [25, 50, 75];
  var PREFIX = "image-width-";

  // "50%" → "image-width-50"; another percentage takes the nearest size; pixels or nothing → null.
  function sizeClass(width) {
    var match = /^(\d+(?:\.\d+)?)%$/.exec(String(width || ""));
    if (!match) {
      return null;
    }
    var value = parseFloat(match[1]);
    if (value >= 88) {
      return null; // as good as the full width
    }
    var nearest = SIZES.reduce(function (best, size) {
      return Math.abs(size - value) < Math.abs(best - value) ? size : best;
    });
    return PREFIX + nearest;
  }

  function PartnerstwoImageSizes(editor) {
    ["imageBlock", "imageInline"].forEach(function (type) {
      // Before CKEditor's own converter, which would write the inline style.
      editor.conversion.for("downcast").add(function (dispatcher) {
        dispatcher.on(
          "attribute:resizedWidth:" + type,
          function (evt, data, api) {
            if (!api.consumable.consume(data.item, evt.name)) {
              return;
            }
            var view = api.mapper.toViewElement(data.item);
            SIZES.forEach(function (size) {
              api.writer.removeClass(PREFIX + size, view);
            });
            var name = sizeClass(data.attributeNewValue);
            if (name) {
              api.writer.addClass(name, view);
            }
          },
          { priority: "high" }
        );
      });
      SIZES.forEach(function (size) {
        editor.conversion.for("upcast").attributeToAttribute({
          view: { name: type === "imageBlock" ? "figure" : "img", key: "class", value: PREFIX + size },
          model: { key: "resizedWidth", value: size + "%" },
        });
      });
    });
    // The handles draw themselves with inline styles, which the policy blocks: the list replaces them.
    editor.on("ready", function () {
      if (editor.plugins.has("ImageResizeHandles")) {
        editor.plugins.get("ImageResizeHandles").forceDisabled("partnerstwo-csp");
      }
    });
  }

  window.PartnerstwoImageSizes = PartnerstwoImageSizes;
})();

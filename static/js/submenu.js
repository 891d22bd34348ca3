// Wide screens: the button beside a top item shows its submenu; Escape or moving on closes it.
"use strict";
document.addEventListener("DOMContentLoaded", function () {
  var toggles = document.querySelectorAll(".submenu-toggle");
  var set = function (toggle, open) {
    toggle.setAttribute("aria-expanded", open);
    toggle.nextElementSibling.classList.toggle("is-open", open);
  };
  toggles.forEach(function (toggle) {
    var item = toggle.parentNode;
    toggle.hidden = false;
    item.parentNode.classList.add("submenu-ready");
    toggle.addEventListener("click", function () {
      var open = toggle.getAttribute("aria-expanded") !== "true";
      toggles.forEach(function (other) { set(other, false); });
      set(toggle, open);
    });
    item.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && toggle.getAttribute("aria-expanded") === "true") {
        event.stopPropagation(); // the phone menu around it stays open
        set(toggle, false);
        toggle.focus();
      }
    });
    item.addEventListener("focusout", function (event) {
      if (!item.contains(event.relatedTarget)) set(toggle, false);
    });
  });
});

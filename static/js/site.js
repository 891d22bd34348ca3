// Small enhancements only: every page works without this file.
"use strict";

document.addEventListener("DOMContentLoaded", function () {
  // Header menu on phones: the "Menu" link to #menu works without JavaScript (:target);
  // here it becomes a button that says whether the menu is open.
  var menuLink = document.querySelector("[data-menu-button]");
  var menu = document.querySelector("[data-menu]");
  if (menuLink && menu) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = menuLink.className;
    button.textContent = menuLink.textContent;
    button.setAttribute("aria-controls", menu.id);
    button.setAttribute("aria-expanded", "false");
    button.setAttribute("data-menu-button", "");
    menuLink.replaceWith(button);
    menu.classList.add("is-enhanced");
    var setOpen = function (open) {
      menu.classList.toggle("is-open", open);
      button.setAttribute("aria-expanded", open ? "true" : "false");
    };
    button.addEventListener("click", function () {
      setOpen(button.getAttribute("aria-expanded") !== "true");
    });
    menu.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && menu.classList.contains("is-open")) {
        setOpen(false);
        button.focus();
      }
    });
  }
});

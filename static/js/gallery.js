// Meeting galleries: open a photo in a viewer instead of following its link.
// Without this file each thumbnail links to its large version; the viewer only enhances that.
// A modal <dialog> keeps focus inside; Esc closes it, arrows move between photos, and focus
// returns to the thumbnail that opened it. On a phone the viewer fills the screen and a swipe
// moves between photos.
"use strict";

document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll("[data-gallery]").forEach(function (gallery) {
    var links = Array.prototype.slice.call(gallery.querySelectorAll("a[href]"));
    if (!links.length || typeof HTMLDialogElement === "undefined") {
      return;
    }
    var dialog = document.createElement("dialog");
    dialog.className = "viewer";
    dialog.setAttribute("aria-labelledby", "viewer-title");
    dialog.innerHTML =
      '<div class="viewer-bar"><h2 id="viewer-title" class="viewer-title"></h2>' +
      '<button type="button" class="viewer-close">Zamknij</button></div>' +
      '<figure class="viewer-figure"><img class="viewer-image" alt=""><figcaption class="viewer-caption"></figcaption></figure>' +
      '<div class="viewer-nav"><button type="button" class="viewer-prev">Poprzednie zdjęcie</button>' +
      '<button type="button" class="viewer-next">Następne zdjęcie</button></div>';
    document.body.appendChild(dialog);
    var image = dialog.querySelector(".viewer-image");
    var caption = dialog.querySelector(".viewer-caption");
    var title = dialog.querySelector(".viewer-title");
    var current = 0;
    var opener = null;

    function show(index) {
      current = (index + links.length) % links.length;
      var link = links[current];
      var thumb = link.querySelector("img");
      var figcaption = link.closest("figure") && link.closest("figure").querySelector("figcaption");
      image.src = link.href;
      image.alt = thumb ? thumb.alt : "";
      if (link.dataset.width && link.dataset.height) {
        image.width = Number(link.dataset.width);
        image.height = Number(link.dataset.height);
      }
      caption.textContent = figcaption ? figcaption.textContent : "";
      caption.hidden = !caption.textContent;
      title.textContent = "Zdjęcie " + (current + 1) + " z " + links.length;
    }

    function close() {
      dialog.close();
    }

    links.forEach(function (link, index) {
      link.addEventListener("click", function (event) {
        if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) {
          return; // a new tab or window stays the browser's job
        }
        event.preventDefault();
        opener = link;
        show(index);
        dialog.showModal();
        dialog.querySelector(".viewer-close").focus();
      });
    });
    dialog.querySelector(".viewer-close").addEventListener("click", close);
    dialog.querySelector(".viewer-prev").addEventListener("click", function () { show(current - 1); });
    dialog.querySelector(".viewer-next").addEventListener("click", function () { show(current + 1); });
    dialog.addEventListener("keydown", function (event) {
      if (event.key === "ArrowLeft") { show(current - 1); }
      if (event.key === "ArrowRight") { show(current + 1); }
    });
    // On a touch screen a sideways swipe over the photo moves to the next or previous one
    // (the figure lets the browser handle only vertical panning and zoom: touch-action in site.css).
    var figure = dialog.querySelector(".viewer-figure");
    var swipeStart = null;
    figure.addEventListener("pointerdown", function (event) {
      swipeStart = event.pointerType === "mouse" ? null : { x: event.clientX, y: event.clientY };
    });
    figure.addEventListener("pointerup", function (event) {
      if (!swipeStart || links.length < 2) { return; }
      var dx = event.clientX - swipeStart.x;
      var dy = event.clientY - swipeStart.y;
      swipeStart = null;
      if (Math.abs(dx) >= 50 && Math.abs(dx) > Math.abs(dy)) {
        show(dx < 0 ? current + 1 : current - 1);
      }
    });
    figure.addEventListener("pointercancel", function () { swipeStart = null; });
    // A click on the backdrop (outside the dialog's box) closes it too.
    dialog.addEventListener("click", function (event) {
      if (event.target === dialog) { close(); }
    });
    // Esc fires "cancel" and closes the dialog; either way focus goes back to the thumbnail.
    dialog.addEventListener("close", function () {
      image.removeAttribute("src");
      if (opener) { opener.focus(); }
    });
    if (links.length < 2) {
      dialog.querySelector(".viewer-nav").hidden = true;
    }
  });
});

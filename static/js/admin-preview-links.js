// The new preview link in the „Linki do podglądu” box (drafts/previews.py): the whole address is
// selected on focus, and a „Kopiuj link” button copies it. Without JavaScript the read-only field
// is there to select and copy by hand; the button stays hidden.
"use strict";

(function () {
  var field = document.getElementById("new-preview-link");
  if (!field) {
    return;
  }
  field.addEventListener("focus", function () {
    field.select();
  });
  var button = document.querySelector("[data-copy-preview-link]");
  var status = document.getElementById("new-preview-link-status");
  if (!button || !status || !navigator.clipboard) {
    return;
  }
  button.hidden = false;
  button.addEventListener("click", function () {
    navigator.clipboard.writeText(field.value).then(
      function () {
        status.textContent = "Skopiowano link do schowka.";
      },
      function () {
        field.focus();
        status.textContent = "Nie udało się skopiować. Link jest zaznaczony: skopiuj go skrótem Ctrl+C.";
      }
    );
  });
})();

// The editor's own Polish (CKEditor 5's pl.js, loaded just before this file) in the words the
// content checks use: „tekst alternatywny”, „podpis obrazu”, no English „main” or „widżet”.
// Loaded by the admin's checked editor widget (adminsite/content_checks.py), before any editor starts.
"use strict";

(function () {
  var all = window.CKEDITOR_TRANSLATIONS || (window.CKEDITOR_TRANSLATIONS = {});
  var pl = all.pl || (all.pl = {});
  pl.dictionary = Object.assign(pl.dictionary || {}, {
    "Change image text alternative": "Zmień tekst alternatywny",
    "Change image alternative text": "Zmień tekst alternatywny",
    "Text alternative": "Tekst alternatywny",
    "Alternative text": "Tekst alternatywny",
    "Toggle caption on": "Pokaż podpis obrazu",
    "Toggle caption off": "Ukryj podpis obrazu",
    "Enter image caption": "Wpisz podpis obrazu",
    "Rich Text Editor. Editing area: %0": "Edytor tekstu. Obszar edycji treści",
    "Editing area: %0": "Obszar edycji treści",
    "Resize image": "Zmień rozmiar obrazu",
    "Image resize list": "Rozmiary obrazu",
    "Image toolbar": "Pasek narzędzi obrazu",
    "Press Enter to type after or press Shift + Enter to type before the widget":
      "Naciśnij Enter, aby pisać za tym elementem, albo Shift + Enter, aby pisać przed nim",
    "Move the caret to allow typing directly after a widget": "Przenosi kursor za obraz lub tabelę",
    "Move the caret to allow typing directly before a widget": "Przenosi kursor przed obraz lub tabelę",
    "Insert a new paragraph directly before a widget": "Wstawia nowy akapit przed obrazem lub tabelą",
  });
})();

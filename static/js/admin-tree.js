// Drag and drop in the page tree (templates/admin/pages/page/tree.html): a page dropped on a
// sibling takes the sibling's place. It sends the page's own „W górę”/„W dół” form with the new
// place, so the server checks and records the move as it does for the buttons.
"use strict";

document.addEventListener("DOMContentLoaded", function () {
  var dragged = null;
  var items = Array.prototype.slice.call(document.querySelectorAll("[data-tree-item]"));
  var siblingsOf = function (item) {
    return Array.prototype.filter.call(item.parentElement.children, function (child) {
      return child.hasAttribute("data-tree-item");
    });
  };
  var clearTargets = function () {
    document.querySelectorAll(".is-drop-target").forEach(function (row) {
      row.classList.remove("is-drop-target");
    });
  };
  items.forEach(function (item) {
    var row = item.querySelector(".page-tree-row");
    if (siblingsOf(item).length < 2) {
      return;
    }
    item.setAttribute("data-tree-draggable", "");
    row.draggable = true;
    row.addEventListener("dragstart", function (event) {
      dragged = item;
      item.classList.add("is-dragged");
      event.dataTransfer.effectAllowed = "move";
      event.dataTransfer.setData("text/plain", item.id);
    });
    row.addEventListener("dragend", function () {
      item.classList.remove("is-dragged");
      clearTargets();
      dragged = null;
    });
    row.addEventListener("dragover", function (event) {
      if (dragged && dragged !== item && dragged.parentElement === item.parentElement) {
        event.preventDefault();
        event.dataTransfer.dropEffect = "move";
        clearTargets();
        row.classList.add("is-drop-target");
      }
    });
    row.addEventListener("dragleave", function () {
      row.classList.remove("is-drop-target");
    });
    row.addEventListener("drop", function (event) {
      if (!dragged || dragged === item || dragged.parentElement !== item.parentElement) {
        return;
      }
      event.preventDefault();
      var form = dragged.querySelector(".page-tree-move");
      var place = document.createElement("input");
      place.type = "hidden";
      place.name = "miejsce";
      place.value = String(siblingsOf(item).indexOf(item) + 1);
      form.appendChild(place);
      form.submit();
    });
  });
});

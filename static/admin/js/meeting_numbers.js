/* Offers the next free § number and position for new agenda items on the meeting form.
   The server fills the initial rows; this keeps rows added with "Add another" and a body
   chosen on a new meeting in step. Without JavaScript the form still works. */
"use strict";
(function () {
  const PREFIX = "items-";

  function inputs(field) {
    return Array.from(document.querySelectorAll(`input[name^="${PREFIX}"][name$="-${field}"]`))
      .filter((input) => !input.name.includes("__prefix__"));
  }

  function highest(field) {
    return inputs(field).reduce((max, input) => {
      const value = parseInt(input.value, 10);
      return Number.isNaN(value) ? max : Math.max(max, value);
    }, 0);
  }

  function isNotes() {
    const kind = document.getElementById("id_record_kind");
    return kind && kind.value === "notes";
  }

  function fillNewRow(row) {
    const number = row.querySelector(`input[name$="-number"]`);
    const position = row.querySelector(`input[name$="-position"]`);
    if (position && !position.value) position.value = highest("position") + 1;
    if (number && !number.value && !isNotes()) {
      const top = highest("number");
      if (top > 0) number.value = top + 1;
    }
  }

  function fillFromBody(nextNumber) {
    if (isNotes()) return;
    let next = Math.max(nextNumber, highest("number") + 1);
    inputs("number").forEach((input) => {
      const idField = document.querySelector(`input[name="${input.name.replace(/-number$/, "-id")}"]`);
      if (!input.value && !(idField && idField.value)) input.value = next++;
    });
  }

  function nextNumberUrl(bodyId) {
    const marker = "/meetings/meeting/";
    const path = window.location.pathname;
    return path.slice(0, path.indexOf(marker) + marker.length) + `next-number/${bodyId}/`;
  }

  document.addEventListener("formset:added", (event) => {
    if (event.detail && event.detail.formsetName === "items") fillNewRow(event.target);
  });

  document.addEventListener("DOMContentLoaded", () => {
    const body = document.getElementById("id_body");
    if (!body || !window.django || !window.django.jQuery) return;
    window.django.jQuery(body).on("change", () => {
      if (!body.value) return;
      fetch(nextNumberUrl(body.value), { credentials: "same-origin" })
        .then((response) => (response.ok ? response.json() : null))
        .then((data) => data && fillFromBody(data.next_number))
        .catch(() => {});
    });
  });
})();

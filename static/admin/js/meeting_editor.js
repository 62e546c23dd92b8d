/* The protocol editor: add rows and cards from <template>s, keep the card headings and the table of
 * contents current, reorder decisions, and ask before leaving with unsaved changes. The page saves
 * without this script: it only adds convenience. */
"use strict";
(function () {
  const form = document.querySelector("form[data-editor]");
  if (!form) return;

  let dirty = false;

  function totalInput(prefix) {
    return form.querySelector(`input[name="${prefix}-TOTAL_FORMS"]`);
  }

  // A copy of a template with its placeholders replaced; returns the new element.
  function addFromTemplate(templateId, container, prefix, placeholder) {
    const total = totalInput(prefix);
    const index = Number(total.value);
    let html = document.getElementById(templateId).innerHTML;
    if (placeholder) html = html.split(placeholder).join(prefix);
    html = html.split("__prefix__").join(String(index));
    container.insertAdjacentHTML("beforeend", html);
    total.value = String(index + 1);
    const added = container.lastElementChild;
    // The admin's autocomplete widgets start themselves in new rows on this event.
    added.dispatchEvent(new CustomEvent("formset:added", { bubbles: true, detail: { formsetName: prefix } }));
    return added;
  }

  function maxValue(root, selector) {
    let highest = 0;
    root.querySelectorAll(selector).forEach((input) => {
      const value = Number(input.value);
      if (value > highest) highest = value;
    });
    return highest;
  }

  // Up and down buttons on each decision: the rows swap places and take the order of the page.
  function renumber(body) {
    let position = 1;
    body.querySelectorAll("tr[data-row]").forEach((row) => {
      const input = row.querySelector(".position-input");
      const deleted = row.querySelector("input[name$='-DELETE']");
      if (input && !(deleted && deleted.checked) && (input.value || row.querySelector("textarea").value)) {
        input.value = String(position++);
      }
    });
  }

  function addMoveButtons(row) {
    const body = row.closest("tbody");
    const cell = row.querySelector(".editor-cell--position");
    if (!body || !cell || cell.querySelector("[data-move]")) return;
    [
      ["up", "↑", body.dataset.moveUp],
      ["down", "↓", body.dataset.moveDown],
    ].forEach(([direction, symbol, label]) => {
      const button = document.createElement("button");
      button.type = "button";
      button.className = "editor-move";
      button.dataset.move = direction;
      button.textContent = symbol;
      button.setAttribute("aria-label", label);
      button.title = label;
      button.addEventListener("click", () => {
        const other = direction === "up" ? row.previousElementSibling : row.nextElementSibling;
        if (!other) return;
        if (direction === "up") body.insertBefore(row, other);
        else body.insertBefore(other, row);
        renumber(body);
        dirty = true;
        button.focus();
      });
      cell.append(button);
    });
  }

  function addDecision(prefix) {
    const body = form.querySelector(`tbody[data-rows="${prefix}"]`);
    const row = addFromTemplate("decision-template", body, prefix, "__decisions__");
    const position = row.querySelector(".position-input");
    position.value = String(maxValue(body, ".position-input") + 1);
    addMoveButtons(row);
    row.querySelector("textarea").focus();
  }

  function addItem() {
    const container = form.querySelector('[data-rows="items"]');
    const highest = maxValue(container, ".number-input");
    const card = addFromTemplate("items-template", container, "items");
    if (highest) card.querySelector(".number-input").value = String(highest + 1);
    enhanceCard(card);
    refreshToc();
    card.querySelector("input[data-card-title]").focus();
  }

  function refreshToc() {
    const list = form.querySelector("[data-toc-items]");
    if (!list) return;
    list.replaceChildren();
    form.querySelectorAll("[data-item]").forEach((card) => {
      const link = document.createElement("a");
      link.href = `#${card.id}`;
      const ref = card.querySelector("[data-card-ref]").textContent.trim();
      link.textContent = `${ref} ${card.querySelector("[data-card-heading]").textContent}`.trim();
      const entry = document.createElement("li");
      entry.append(link);
      list.append(entry);
    });
  }

  function enhanceCard(card) {
    const number = card.querySelector(".number-input");
    const title = card.querySelector("input[data-card-title]");
    const update = () => {
      card.querySelector("[data-card-ref]").textContent = number.value ? `§ ${number.value}` : "";
      card.querySelector("[data-card-heading]").textContent = title.value || title.placeholder || "…";
      refreshToc();
    };
    number.addEventListener("change", update);
    title.addEventListener("change", update);
    card.querySelectorAll(".decision-row").forEach(addMoveButtons);
    const add = card.querySelector("[data-add-decision]");
    add.hidden = false;
    add.addEventListener("click", () => addDecision(add.dataset.addDecision));
  }

  form.querySelectorAll("[data-item]").forEach(enhanceCard);
  form.querySelectorAll("[data-add-row], [data-add-item], [data-card-tools]").forEach((el) => {
    el.hidden = false;
  });
  form.querySelectorAll("[data-add-row]").forEach((button) => {
    button.addEventListener("click", () => {
      const prefix = button.dataset.addRow;
      const row = addFromTemplate(`${prefix}-template`, form.querySelector(`[data-rows="${prefix}"]`), prefix);
      const first = row.querySelector("select, input:not([type=hidden])");
      if (first) first.focus();
    });
  });
  const addItemButton = form.querySelector("[data-add-item]");
  if (addItemButton) addItemButton.addEventListener("click", addItem);
  form.querySelectorAll("[data-cards]").forEach((button) => {
    button.addEventListener("click", () => {
      const open = button.dataset.cards === "open";
      form.querySelectorAll("[data-item]").forEach((card) => {
        card.open = open;
      });
    });
  });

  // Select2, which draws the admin's autocompletes, names its combobox after the chosen value only:
  // an empty one would have no name. Name it after the field's label as well.
  function nameComboboxes(root) {
    root.querySelectorAll("select.admin-autocomplete").forEach((select) => {
      const label = form.querySelector(`label[for="${select.id}"]`);
      const container = select.nextElementSibling;
      if (!label || !container || !container.classList.contains("select2")) return;
      label.id = label.id || `${select.id}-label`;
      container.querySelectorAll(".select2-selection, .select2-selection--single .select2-selection__rendered").forEach((el) => {
        const rendered = el.classList.contains("select2-selection") ? el.getAttribute("aria-labelledby") : "";
        el.setAttribute("aria-labelledby", `${label.id} ${rendered || ""}`.trim());
      });
      container.querySelectorAll(".select2-search__field").forEach((el) => {
        el.setAttribute("aria-labelledby", label.id);
      });
    });
  }
  // After the admin's own ready handler, which starts the autocompletes.
  if (window.django && window.django.jQuery) window.django.jQuery(() => nameComboboxes(form));
  document.addEventListener("formset:added", (event) => nameComboboxes(event.target));

  // Choosing a person on an attendance line fills in what their membership of the body says, where
  // the line is still empty (the server does the same on saving, for pages without this script).
  function fillFromMembership(select) {
    const row = select.closest("tr");
    if (!row || !select.value || !form.dataset.membershipUrl) return;
    fetch(`${form.dataset.membershipUrl}&person=${encodeURIComponent(select.value)}`, {
      credentials: "same-origin",
      headers: { Accept: "application/json" },
    })
      .then((response) => (response.ok ? response.json() : {}))
      .then((line) => {
        ["party", "organisation", "role"].forEach((name) => {
          const field = row.querySelector(`select[name$="-${name}"]`);
          if (field && !field.value && line[name]) field.value = String(line[name]);
        });
      })
      .catch(() => {});
  }
  if (window.django && window.django.jQuery) {
    window.django.jQuery(form).on("change", 'select[name^="attendance-"][name$="-person"]', (event) => {
      fillFromMembership(event.target);
    });
  }

  // Leaving with unsaved changes asks first; saving does not.
  form.addEventListener("input", () => {
    dirty = true;
  });
  form.addEventListener("change", () => {
    dirty = true;
  });
  form.addEventListener("submit", () => {
    dirty = false;
  });
  window.addEventListener("beforeunload", (event) => {
    if (dirty) {
      event.preventDefault();
      event.returnValue = "";
    }
  });
})();

// Suggestions for the search form's person filter. Progressive enhancement: without this script
// the field takes a typed name or address slug, which the server looks up.
(function () {
  "use strict";

  function attach(input) {
    var list = document.getElementById(input.getAttribute("list"));
    var url = input.getAttribute("data-autocomplete-url");
    if (!list || !url) {
      return;
    }
    var timer = null;
    var controller = null;
    var lastTerm = "";

    function show(results) {
      list.textContent = "";
      results.forEach(function (person) {
        var option = document.createElement("option");
        option.value = person.slug;
        option.label = person.name;
        option.textContent = person.name;
        list.appendChild(option);
      });
    }

    function fetchSuggestions() {
      var term = input.value.trim();
      if (term.length < 2 || term === lastTerm) {
        return;
      }
      lastTerm = term;
      if (controller) {
        controller.abort();
      }
      controller = new AbortController();
      fetch(url + "?q=" + encodeURIComponent(term), {
        headers: { Accept: "application/json" },
        signal: controller.signal,
      })
        .then(function (response) {
          return response.ok ? response.json() : { results: [] };
        })
        .then(function (data) {
          show(data.results || []);
        })
        .catch(function () {
          // An aborted or failed request leaves the field as a plain text field.
        });
    }

    input.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(fetchSuggestions, 150);
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("input[data-autocomplete-url]").forEach(attach);
  });
})();

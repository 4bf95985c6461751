// Schools directory: narrow the list as filters change and keep the choice in the URL,
// so a filtered view can be shared. Without JavaScript the full list stays readable.
(function () {
  "use strict";
  var form = document.getElementById("cs-filters");
  var list = document.getElementById("cs-directory");
  if (!form || !list) return;
  var cards = Array.prototype.slice.call(list.querySelectorAll(".cs-card"));
  var count = document.getElementById("cs-count");
  var fields = ["q", "cohort", "level", "pillar", "district"];

  function value(name) {
    var field = form.elements.namedItem(name);
    return field ? field.value.trim() : "";
  }

  function matches(card, wanted) {
    var has = function (attribute, token) {
      return !token || (" " + card.getAttribute(attribute) + " ").indexOf(" " + token + " ") !== -1;
    };
    return (!wanted.q || card.getAttribute("data-name").indexOf(wanted.q.toLowerCase()) !== -1) &&
      has("data-cohorts", wanted.cohort) && has("data-level", wanted.level) &&
      has("data-pillars", wanted.pillar) && has("data-district", wanted.district);
  }

  function apply() {
    var wanted = {};
    var params = new URLSearchParams();
    fields.forEach(function (name) {
      wanted[name] = value(name);
      if (wanted[name]) params.set(name, wanted[name]);
    });
    var shown = 0;
    cards.forEach(function (card) {
      var visible = matches(card, wanted);
      card.hidden = !visible;
      if (visible) shown += 1;
    });
    // The sentences come from the page, in its language.
    count.textContent = count.getAttribute(shown === cards.length ? "data-all" : "data-some")
      .replace("{shown}", shown).replace("{total}", cards.length);
    var query = params.toString();
    history.replaceState(null, "", location.pathname + (query ? "?" + query : "") + location.hash);
  }

  var initial = new URLSearchParams(location.search);
  fields.forEach(function (name) {
    var field = form.elements.namedItem(name);
    if (field && initial.get(name)) field.value = initial.get(name);
  });
  form.hidden = false;
  form.addEventListener("input", apply);
  form.addEventListener("change", apply);
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  apply();
})();

// Schools directory: the filters search every school, not only the cards of this page, through
// the site's search bundle (Pagefind), fetched only once a filter is used. The choice is kept
// in the address (?q=…&cohort=…), so a filtered list can be shared. Without JavaScript the
// filters stay hidden; the list goes page by page and each cohort's pages list its schools.
(function () {
  "use strict";
  var form = document.getElementById("cs-filters");
  var pages = document.getElementById("cs-directory");
  var results = document.getElementById("cs-results");
  if (!form || !pages || !results) return;
  var list = results.querySelector("ul");
  var more = document.getElementById("cs-more");
  var count = document.getElementById("cs-count");
  var fields = ["q", "cohort", "level", "pillar", "district"];
  var BATCH = 48;
  var bundle = null;
  var search = null; // the current search: its results, how far they are read, what it shows
  var latest = 0;
  // The choice whose results are shown or on their way. The name field fires `change` when it
  // loses focus, as it does when "Show more" is clicked after typing: the same choice again is
  // no new search, which would put the list back to its first batch.
  var applied = null;

  function value(name) {
    var field = form.elements.namedItem(name);
    return field ? field.value.trim() : "";
  }

  // The bundle sits at the root of the site; its index is chosen by the page's <html lang>.
  function pagefind() {
    if (!bundle) {
      var address = new URL(form.getAttribute("data-search"), location.href);
      bundle = import(address.href).then(function (module) {
        return Promise.resolve(module.options({ baseUrl: new URL("../", address).pathname }))
          .then(function () { return module; });
      });
      bundle.catch(function () { bundle = null; });
    }
    return bundle;
  }

  function say(key, number) {
    count.textContent = count.getAttribute("data-" + key).replace("{count}", number);
  }

  function card(data) {
    var item = document.createElement("li");
    item.className = "cs-card";
    var link = document.createElement("a");
    link.className = "cs-card__title";
    link.href = data.url;
    link.textContent = data.meta.title;
    item.appendChild(link);
    [["cs-card__meta", data.meta.line], ["cs-card__aliases", data.meta.aliases]].forEach(function (part) {
      if (!part[1]) return;
      var span = document.createElement("span");
      span.className = part[0];
      span.textContent = part[1];
      item.appendChild(span);
    });
    return item;
  }

  // Pagefind finds a typed word anywhere on a school's page; only names and other names count.
  function named(data, typed) {
    return !typed || (data.meta.names || "").indexOf(typed.toLowerCase()) !== -1;
  }

  // Reads the next results in batches until a batch's worth more is shown or none are left.
  function showMore(run) {
    var found = 0;
    function step() {
      var batch = run.results.slice(run.read, run.read + BATCH);
      run.read += batch.length;
      return Promise.all(batch.map(function (result) { return result.data(); })).then(function (all) {
        if (run !== search) return;
        all.forEach(function (data) {
          if (!named(data, run.typed)) return;
          list.appendChild(card(data));
          run.shown += 1;
          found += 1;
        });
        var done = run.read >= run.results.length;
        if (!done && found < BATCH) return step();
        more.hidden = done;
        // Without a name every result counts; with one, the count is known once all are read.
        var number = run.typed ? run.shown : run.results.length;
        if (run.typed && !done) say("at-least", number);
        else say(number === 0 ? "none" : number === 1 ? "one" : "many", number);
      });
    }
    return step();
  }

  function apply() {
    var wanted = { kind: "school" };
    var params = new URLSearchParams();
    var filtered = false;
    fields.forEach(function (name) {
      var chosen = value(name);
      if (!chosen) return;
      params.set(name, chosen);
      filtered = true;
      if (name !== "q") wanted[name] = chosen;
    });
    var query = params.toString();
    if (query === applied) return;
    applied = query;
    history.replaceState(null, "", location.pathname + (query ? "?" + query : "") + location.hash);
    var token = ++latest;
    if (!filtered) {
      search = null;
      pages.hidden = false;
      results.hidden = true;
      count.textContent = "";
      return;
    }
    say("searching", "");
    pagefind().then(function (module) {
      return module.search(value("q") || null, { filters: wanted });
    }).then(function (found) {
      if (token !== latest) return;
      search = { results: found.results, read: 0, shown: 0, typed: value("q") };
      list.textContent = "";
      pages.hidden = true;
      results.hidden = false;
      return showMore(search);
    }).catch(function () {
      if (token !== latest) return;
      applied = null; // the same choice may be tried again
      say("failed", "");
    });
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
  // The new schools follow the ones shown: focus goes to the first of them, where the visitor
  // reads on (the button is hidden once the last is shown, and focus would be lost with it).
  more.addEventListener("click", function () {
    var run = search;
    if (!run) return;
    var first = list.children.length;
    showMore(run).then(function () {
      var card = list.children[first];
      if (run === search && card) card.querySelector("a").focus();
    });
  });
  if (fields.some(value)) apply();
})();

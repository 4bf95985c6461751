// Schools directory: the filters search every school, not only the cards of this page, through
// the site's own search index (the core module search-index.js, beside this script, and the
// language's index folder named by the form's `data-search`), both fetched only once a filter is
// used. The index answers with every matching school at once, so the count is exact from the
// first batch; the cards are drawn a batch at a time. The choice is kept in the address
// (?q=…&cohort=…), so a filtered list can be shared. Without JavaScript the filters stay hidden;
// the list goes page by page and each cohort's pages list its schools.
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
  // This script is classic; the core is an ES module next to it, imported when first needed.
  var core = new URL("search-index.js", document.currentScript.src).href;
  var opened = null;
  var search = null; // the current search: its school ids, how many are drawn, what it shows
  var latest = 0;
  // The choice whose results are shown or on their way. The name field fires `change` when it
  // loses focus, as it does when "Show more" is clicked after typing: the same choice again is
  // no new search, which would put the list back to its first batch.
  var applied = null;

  function value(name) {
    var field = form.elements.namedItem(name);
    return field ? field.value.trim() : "";
  }

  // The language's index, opened once; a module that failed to load is asked for again.
  function index() {
    if (!opened) {
      opened = import(core).then(function (module) {
        return module.openIndex(new URL(form.getAttribute("data-search"), location.href));
      });
      opened.catch(function () { opened = null; });
    }
    return opened;
  }

  function say(key, number) {
    count.textContent = count.getAttribute("data-" + key).replace("{count}", number);
  }

  function sayCount(run) {
    var number = run.ids.length;
    say(number === 0 ? "none" : number === 1 ? "one" : "many", number);
  }

  function card(record) {
    var item = document.createElement("li");
    item.className = "cs-card";
    var link = document.createElement("a");
    link.className = "cs-card__title";
    link.href = record.url;
    link.textContent = record.title;
    item.appendChild(link);
    [["cs-card__meta", record.line], ["cs-card__aliases", record.aliases]].forEach(function (part) {
      if (!part[1]) return;
      var span = document.createElement("span");
      span.className = part[0];
      span.textContent = part[1];
      item.appendChild(span);
    });
    return item;
  }

  // Draws the next batch of the run's schools. A batch already on its way is not asked for
  // twice; one that fails to load is asked for again by the next call.
  function showMore(run) {
    if (run.loading) return run.loading;
    var batch = run.ids.slice(run.read, run.read + BATCH);
    var loading = (batch.length ? run.index.records(batch) : Promise.resolve([]))
      .then(function (records) {
        if (run !== search) return;
        // The first batch takes the place of what was shown, once it is there to show.
        if (run.read === 0) {
          list.textContent = "";
          pages.hidden = true;
          results.hidden = false;
        }
        records.forEach(function (record) { list.appendChild(card(record)); });
        run.read += batch.length;
        more.hidden = run.read >= run.ids.length;
        sayCount(run);
      });
    run.loading = loading;
    return loading.then(
      function () { run.loading = null; },
      function (error) { run.loading = null; throw error; }
    );
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
    var typed = value("q");
    index().then(function (opened) {
      return opened.search(typed, { field: "names", filters: wanted }).then(function (ids) {
        if (token !== latest) return;
        search = { index: opened, ids: ids, read: 0, loading: null };
        return showMore(search);
      });
    }).catch(function () {
      if (token !== latest) return;
      applied = null; // the same choice may be tried again
      search = null;
      more.hidden = true;
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
  // A batch that fails to load says so; the button stays, to try again.
  more.addEventListener("click", function () {
    var run = search;
    if (!run) return;
    var first = list.children.length;
    showMore(run).then(function () {
      var card = list.children[first];
      if (run === search && card) card.querySelector("a").focus();
    }, function () {
      if (run === search) say("failed", "");
    });
  });
  if (fields.some(value)) apply();
})();

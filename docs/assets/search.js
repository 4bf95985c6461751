// Site search: the header's button (or the "/", "s" or "f" key) opens the dialog that
// partials/site-search.html writes into every page, in the page's language. What the visitor
// types is looked up in that language's index of the site (`search/`, written by the build)
// through the module docs/assets/search-index.js. Neither the module nor anything of the index
// loads before a visitor opens the search or is about to (focus or a touch on the button): a page
// costs no more whatever the size of the site, and a search fetches only the parts of the index
// that its words need.
(() => {
  const control = document.querySelector("[data-cs-search]");
  const dialog = document.querySelector(".cs-search__dialog");
  if (!control || !dialog) return;
  const button = control.querySelector("button");
  const field = dialog.querySelector("input[type=search]");
  const status = dialog.querySelector("[role=status]");
  const list = dialog.querySelector(".cs-search__results");
  const more = dialog.querySelector(".cs-search__more");
  // This language's index, and the root its pages' addresses are relative to.
  const folder = new URL(control.dataset.csSearch, location.href);
  const root = new URL("..", folder);
  const core = new URL(control.dataset.csSearchModule, location.href);
  // Results link with the words searched for, which the page they lead to marks.
  const HIGHLIGHT = "highlight";
  const PAGE = 10;
  const DELAY_MS = 150;
  // Written in the header, the dialog would take on the header's white text and unwrapped lines.
  document.body.append(dialog);

  // Words as the index has them, by the rule of `words` in search-index.js (lowercased, accents
  // dropped, runs of a-z and digits), here without the module, which a page the visitor arrives
  // on from a result does not load.
  const foldChar = (ch) => ch.toLowerCase().normalize("NFKD").replace(/[\u0300-\u036f]/g, "");
  const wordsOf = (text) => foldChar(text).match(/[a-z0-9]+/g) ?? [];
  // The ranges [start, end) of `text` to mark: each word that a searched word finds (a word of
  // three characters or more finds the words it starts; a shorter one only itself), whole. The
  // text is folded as the index folds it, keeping for each folded character where it came from,
  // so that a mark lands on the text as written ("Año" for "ano").
  const matches = (text, searched) => {
    const ranges = [];
    let folded = "";
    const at = [];
    let offset = 0;
    for (const ch of text) {
      const f = foldChar(ch);
      for (let k = 0; k < f.length; k++) at.push(offset);
      folded += f;
      offset += ch.length;
    }
    at.push(offset);
    for (const word of folded.matchAll(/[a-z0-9]+/g)) {
      const found = searched.some((s) => (s.length >= 3 ? word[0].startsWith(s) : word[0] === s));
      if (found) ranges.push([at[word.index], at[word.index + word[0].length]]);
    }
    return ranges;
  };

  // `text` into `parent`, the words found in <mark>s.
  const appendMarked = (parent, text, searched) => {
    let done = 0;
    for (const [start, end] of matches(text, searched)) {
      parent.append(text.slice(done, start));
      const mark = document.createElement("mark");
      mark.textContent = text.slice(start, end);
      parent.append(mark);
      done = end;
    }
    parent.append(text.slice(done));
  };

  let loading = null;
  const load = () => {
    if (!loading) {
      loading = import(core.href).then((module) => module.openIndex(folder));
      // A failed load may be retried with the next search.
      loading.catch(() => {
        loading = null;
      });
    }
    return loading;
  };
  const preload = () => load().catch(() => null);

  const say = (key, values = {}) => {
    let text = status.dataset[key];
    for (const [name, value] of Object.entries(values)) text = text.replace(`{${name}}`, value);
    status.textContent = text;
  };

  // The latest search: an answer to an earlier one, arriving late, is dropped.
  let current = { number: 0, text: "", searched: [], ids: [], shown: 0 };

  const addResults = (records, search) => {
    const added = [];
    for (const record of records) {
      const item = document.createElement("li");
      item.className = "cs-search__result";
      const link = document.createElement("a");
      const address = new URL(record.url, root);
      address.searchParams.set(HIGHLIGHT, search.text);
      link.href = address.origin === location.origin ? address.pathname + address.search : address.href;
      appendMarked(link, record.title, search.searched);
      item.append(link);
      for (const [text, name] of [
        [record.line, "cs-search__line"],
        [record.aliases, "cs-search__aliases"],
      ]) {
        if (!text) continue;
        const line = document.createElement("p");
        line.className = name;
        appendMarked(line, text, search.searched);
        item.append(line);
      }
      list.append(item);
      added.push(link);
    }
    search.shown += records.length;
    more.hidden = search.shown >= search.ids.length;
    return added;
  };

  const run = async () => {
    const text = field.value.trim();
    const search = { number: current.number + 1, text, searched: wordsOf(text), ids: [], shown: 0 };
    current = search;
    const latest = () => current === search;
    if (!search.searched.length) {
      list.replaceChildren();
      more.hidden = true;
      status.textContent = "";
      return;
    }
    // Said only when the answer takes a moment (the first search loads the index).
    const slow = setTimeout(() => latest() && say("searching"), 300);
    try {
      const index = await load();
      search.ids = await index.search(text, { field: "text" });
      const records = await index.records(search.ids.slice(0, PAGE));
      if (!latest()) return;
      list.replaceChildren();
      addResults(records, search);
      const count = search.ids.length;
      if (count === 0) say("none", { query: text });
      else say(count === 1 ? "one" : "many", { count: count.toLocaleString(document.documentElement.lang || "en"), query: text });
    } catch {
      if (!latest()) return;
      list.replaceChildren();
      more.hidden = true;
      say("failed");
    } finally {
      clearTimeout(slow);
    }
  };

  let timer = 0;
  field.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(run, DELAY_MS);
  });
  field.addEventListener("keydown", (event) => {
    if (event.key !== "Enter") return;
    event.preventDefault();
    clearTimeout(timer);
    run();
  });
  field.addEventListener("focus", preload);

  more.addEventListener("click", async () => {
    const search = current;
    try {
      const index = await load();
      const records = await index.records(search.ids.slice(search.shown, search.shown + PAGE));
      if (current !== search) return;
      const [first] = addResults(records, search);
      // The first new result takes the focus, which was on the button: it may have gone.
      first?.focus();
    } catch {
      if (current === search) say("failed");
    }
  });

  // Up and down arrows go from the field through the results, and back.
  dialog.addEventListener("keydown", (event) => {
    if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
    const stops = [field, ...list.querySelectorAll("a[href]")];
    if (!more.hidden) stops.push(more);
    const at = stops.indexOf(document.activeElement);
    const next = at + (event.key === "ArrowDown" ? 1 : -1);
    if (at < 0 || next < 0 || next >= stops.length) return;
    event.preventDefault();
    stops[next].focus();
  });

  // A click on the backdrop, around the dialog, closes it.
  dialog.addEventListener("click", (event) => {
    if (event.target === dialog) dialog.close();
  });

  const open = () => {
    if (dialog.open) return;
    dialog.showModal();
    field.focus();
    field.select();
  };

  const typing = (target) =>
    target instanceof Element &&
    (target.isContentEditable || target.closest("input, textarea, select, [contenteditable]"));

  button.addEventListener("click", open);
  // Focus or a touch already says the visitor is about to search: start loading.
  button.addEventListener("focus", preload, { once: true });
  button.addEventListener("pointerdown", preload, { once: true });
  document.addEventListener("keydown", (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
    if (!["/", "s", "f"].includes(event.key) || typing(event.target)) return;
    if (document.querySelector("dialog[open]")) return;
    event.preventDefault();
    open();
  });
  control.hidden = false;

  // Arrived from a search result: mark the words searched for in the page's content. (This
  // replaces Pagefind's highlighter, pagefind-highlight.js, which went with Pagefind.)
  const searched = wordsOf(new URLSearchParams(location.search).get(HIGHLIGHT) ?? "");
  const article = document.querySelector("article");
  if (searched.length && article) {
    const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT, {
      acceptNode: (node) =>
        node.parentElement.closest("script, style, noscript, textarea, mark")
          ? NodeFilter.FILTER_REJECT
          : NodeFilter.FILTER_ACCEPT,
    });
    const nodes = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node);
    for (const node of nodes) {
      // From the last match back, so that the offsets of the earlier ones still hold.
      for (const [start, end] of matches(node.data, searched).reverse()) {
        const range = document.createRange();
        range.setStart(node, start);
        range.setEnd(node, end);
        const mark = document.createElement("mark");
        mark.className = "cs-highlight";
        range.surroundContents(mark);
      }
    }
  }
})();

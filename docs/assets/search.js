// Site search: Pagefind's search dialog, loaded from its bundle only when a visitor asks for it
// (the header's search button, or the "/", "s" or "f" key), so that a page costs no more
// whatever the size of the site. The dialog speaks the page's language (`<html lang>`) and
// searches that language's pages only.
(() => {
  const control = document.querySelector("[data-cs-search]");
  if (!control) return;
  const button = control.querySelector("button");
  // The bundle's folder is at the root of the whole site, both languages.
  const bundle = new URL(control.dataset.csSearch, location.href);
  const root = new URL("..", bundle);
  // Results link with the words searched for, which the page they lead to highlights.
  const HIGHLIGHT = "highlight";
  let loading = null;

  const loaded = (element) =>
    new Promise((resolve, reject) => {
      element.addEventListener("load", resolve);
      element.addEventListener("error", () => reject(new Error(`search: ${element.href || element.src} failed`)));
      document.head.append(element);
    });

  const load = () => {
    if (loading) return loading;
    const style = Object.assign(document.createElement("link"), {
      rel: "stylesheet",
      href: new URL("pagefind-component-ui.css", bundle).href,
    });
    const script = Object.assign(document.createElement("script"), {
      src: new URL("pagefind-component-ui.js", bundle).href,
    });
    const config = document.createElement("pagefind-config");
    config.setAttribute("bundle-path", bundle.pathname);
    // Pagefind's result addresses start at the site's root, wherever the site is served.
    config.setAttribute("base-url", root.pathname);
    config.setAttribute("highlight-param", HIGHLIGHT);
    const modal = document.createElement("pagefind-modal");
    document.body.append(config, modal);
    loading = Promise.all([loaded(style), loaded(script)])
      .then(() => customElements.whenDefined("pagefind-modal"))
      .then(() => modal);
    // A failed load may be retried with the next press.
    loading.catch(() => {
      loading = null;
      config.remove();
      modal.remove();
      style.remove();
      script.remove();
    });
    return loading;
  };

  // On a slow connection the dialog takes a moment: the button says it is on its way.
  const open = () => {
    button.setAttribute("aria-busy", "true");
    const done = () => button.removeAttribute("aria-busy");
    return load().then(
      (modal) => {
        done();
        modal.open();
      },
      (error) => {
        done();
        throw error;
      },
    );
  };

  const typing = (target) =>
    target instanceof Element &&
    (target.isContentEditable || target.closest("input, textarea, select, [contenteditable]"));

  button.addEventListener("click", open);
  // Focus or a touch already says the visitor is about to search: start loading.
  button.addEventListener("focus", load, { once: true });
  button.addEventListener("pointerdown", load, { once: true });
  document.addEventListener("keydown", (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
    if (!["/", "s", "f"].includes(event.key) || typing(event.target)) return;
    if (document.querySelector("dialog[open]")) return;
    event.preventDefault();
    open();
  });
  control.hidden = false;

  // Arrived from a search result: mark the words searched for on this page.
  if (new URLSearchParams(location.search).has(HIGHLIGHT)) {
    import(new URL("pagefind-highlight.js", bundle).href).then(
      ({ default: PagefindHighlight }) => new PagefindHighlight({ highlightParam: HIGHLIGHT }),
    );
  }
})();

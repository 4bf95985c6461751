"""What a visitor would notice on one page, as scripts the browser runs on it.

Each constant is a JavaScript function for Playwright's `evaluate`; each returns a list of
problems in plain words, empty when the page is fine. `tests/browser/sweep.py` runs them on
every page of the built site.
"""

from __future__ import annotations

from importlib.resources import files

# axe-core as pinned by axe-playwright-python, whose copy is the one we run.
AXE_SOURCE = (files("axe_playwright_python") / "axe.min.js").read_text("utf-8")
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]

MIN_TARGET_PX = 24  # WCAG 2.2 success criterion 2.5.8, Target Size (Minimum)
MIN_TEXT_PX = 12  # nothing smaller anywhere: Lighthouse's floor for legible text
MIN_BODY_TEXT_PX = 16  # the running text of the content, as phones show it unzoomed

# Every WCAG A/AA violation axe-core finds, one line each, naming the elements at fault.
AXE_VIOLATIONS = """async tags => {
  const results = await axe.run(document, {
    runOnly: {type: "tag", values: tags}, resultTypes: ["violations"]});
  return results.violations.map(v =>
    `${v.id} (${v.impact}): ${v.help} at `
    + v.nodes.slice(0, 5).map(n => n.target.join(" ")).join(", "));
}"""

# How the checks name an element in their reports.
DESCRIBE = """const describe = e => `<${e.tagName.toLowerCase()}${e.id ? " id=" + e.id : ""}`
  + `${typeof e.className === "string" && e.className ? " class=" + e.className : ""}>`;"""

SIDEWAYS_OVERFLOW = f"""() => {{
  {DESCRIBE}
  const width = document.documentElement.clientWidth;
  const scrolls = document.documentElement.scrollWidth;
  if (scrolls <= width) return [];
  return [`the page is ${{scrolls}} px wide on a ${{width}} px screen`].concat(
    [...document.querySelectorAll("body *")]
      .filter(e => e.getBoundingClientRect().right > width + 1 && e.checkVisibility())
      .slice(0, 5)
      .map(e => `${{describe(e)}} reaches ${{Math.round(e.getBoundingClientRect().right)}} px`));
}}"""

# What a finger can tap, seen on screen, smaller than the minimum, and not a link inside a
# sentence (the one exception WCAG 2.5.8 makes that applies to a content site), nor a label
# clipped to a pixel for screen readers only.
SMALL_TAP_TARGETS = f"""minimum => {{
  {DESCRIBE}
  const width = document.documentElement.clientWidth;
  const targets = document.querySelectorAll(
    "a[href], button, input:not([type=hidden]), select, textarea, summary, label[for], "
    + "[role=button], [tabindex]:not([tabindex='-1'])");
  const inSentence = e => {{
    if (getComputedStyle(e).display !== "inline") return false;
    let block = e.parentElement;
    while (getComputedStyle(block).display.startsWith("inline")) block = block.parentElement;
    return block.textContent.trim().length > e.textContent.trim().length;
  }};
  return [...targets].filter(e => {{
    if (!e.checkVisibility({{opacityProperty: true, visibilityProperty: true}})) return false;
    const box = e.getBoundingClientRect();
    if (box.width === 0 || box.height === 0 || box.right <= 0 || box.left >= width) return false;
    if (box.width <= 1 && box.height <= 1) return false;
    return (box.width < minimum || box.height < minimum) && !inSentence(e);
  }}).map(e => {{
    const box = e.getBoundingClientRect();
    const name = (e.textContent || e.getAttribute("aria-label") || "").trim().slice(0, 40);
    return `tap target under ${{minimum}} px: ${{describe(e)}} "${{name}}" is `
      + `${{Math.round(box.width)}}×${{Math.round(box.height)}} px`;
  }});
}}"""

# Text too small to read without zooming, and a viewport that does not fit the phone or
# forbids zooming.
UNREADABLE_TEXT = f"""([minimum, body]) => {{
  {DESCRIBE}
  const problems = [];
  const viewport = document.querySelector("meta[name=viewport]")?.content ?? "";
  const settings = Object.fromEntries(viewport.split(",").map(p => p.split("=").map(
    s => s.trim())));
  if (settings.width !== "device-width")
    problems.push(`the viewport is not the device's width: "${{viewport}}"`);
  if (["no", "0"].includes(settings["user-scalable"])
      || parseFloat(settings["maximum-scale"] ?? "5") < 2)
    problems.push(`the viewport forbids zooming: "${{viewport}}"`);
  const article = document.querySelector("article");
  const size = article ? parseFloat(getComputedStyle(article).fontSize) : 0;
  if (size < body) problems.push(`the content's text is ${{size}} px`);
  const found = new Map();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {{
    const element = node.parentElement;
    if (!node.textContent.trim() || !element.checkVisibility({{visibilityProperty: true}}))
      continue;
    const px = parseFloat(getComputedStyle(element).fontSize);
    const text = node.textContent.trim().slice(0, 40);
    if (px < minimum)
      found.set(element,
        `text under ${{minimum}} px: ${{describe(element)}} "${{text}}" is ${{px}} px`);
  }}
  return problems.concat([...found.values()].slice(0, 10));
}}"""

# Every table sits in one named scroll region that the keyboard reaches and that shows its focus,
# inside no other scroll wrapper, and keeps the text size of the page around it.
TABLES = f"""() => {{
  {DESCRIBE}
  const problems = [];
  const article = document.querySelector("article");
  const size = article ? parseFloat(getComputedStyle(article).fontSize) : 0;
  for (const table of document.querySelectorAll("article table")) {{
    const region = table.parentElement;
    const where = describe(table);
    if (!region.matches(".cs-table[role=region][tabindex='0']")) {{
      problems.push(`${{where}} is not in a focusable scroll region but in ${{describe(region)}}`);
      continue;
    }}
    const label = region.getAttribute("aria-labelledby");
    const named = region.getAttribute("aria-label")
      || (label && document.getElementById(label)?.textContent.trim());
    if (!named) problems.push(`the scroll region of ${{where}} has no name`);
    if (region.parentElement.closest(".md-typeset__scrollwrap, .cs-table"))
      problems.push(`the scroll region of ${{where}} is inside another scroll wrapper`);
    const cell = table.querySelector("td, th");
    const cellSize = cell ? parseFloat(getComputedStyle(cell).fontSize) : size;
    if (cellSize < size * 0.9)
      problems.push(`${{where}} shrinks its text to ${{cellSize}} px from the page's ${{size}} px`);
    region.focus();
    const ring = getComputedStyle(region);
    if (document.activeElement !== region || ring.outlineStyle === "none")
      problems.push(`the scroll region of ${{where}} shows no focus`);
    region.blur();
  }}
  return problems;
}}"""

// The site's search, over the index the build writes for each language
// (showcase/publish/site_search.py, which describes its files). Nothing is fetched until a
// search needs it, and then only the shards of the words typed and the pages shown, so that a
// search costs about the same whatever the size of the site. Imported on demand by search.js
// (the header's dialog) and directory.js (the directory's filters).

const KEY_LENGTH = 3;

// The words of a text as the index holds them: lowercased, accents dropped, runs of a–z and
// digits. The same rule as `words` in site_search.py.
export function words(text) {
  return (
    text
      .toLowerCase()
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .match(/[a-z0-9]+/g) || []
  );
}

function ids(deltas) {
  let id = 0;
  return (deltas || []).map((delta) => (id += delta));
}

function intersect(sets) {
  if (!sets.length) return new Set();
  const [smallest, ...rest] = [...sets].sort((a, b) => a.size - b.size);
  return new Set([...smallest].filter((id) => rest.every((set) => set.has(id))));
}

// `folder`: the address of a language's `search/` folder.
export function openIndex(folder) {
  const base = new URL(folder, location.href);
  const root = new URL("..", base);
  const files = new Map();

  // Each file is fetched once; a failed fetch is forgotten, to be tried again.
  function get(path) {
    if (!files.has(path)) {
      const loading = fetch(new URL(path, base)).then((response) => {
        if (!response.ok) throw new Error(`search: ${path}: ${response.status}`);
        return response.json();
      });
      loading.catch(() => files.delete(path));
      files.set(path, loading);
    }
    return files.get(path);
  }

  let shardKeys = null;
  function manifest() {
    return get("index.json").then((index) => {
      shardKeys = shardKeys || new Set(index.shards.split(" "));
      return index;
    });
  }

  // The pages with `word` in `field`: a word of three letters or more matches the words it
  // starts, a shorter one only itself.
  async function pagesWith(word, field) {
    await manifest();
    const key = word.slice(0, KEY_LENGTH);
    const found = new Set();
    if (!shardKeys.has(key)) return found;
    const shard = await get(`words/${key}.json`);
    for (const [indexed, fields] of Object.entries(shard)) {
      const matches = word.length >= KEY_LENGTH ? indexed.startsWith(word) : indexed === word;
      if (matches) for (const id of ids(fields[field])) found.add(id);
    }
    return found;
  }

  async function filtered(filters) {
    const chosen = Object.entries(filters || {}).filter(([, value]) => value);
    if (!chosen.length) return null;
    const table = await get("filters.json");
    return intersect(chosen.map(([name, value]) => new Set(ids((table[name] || {})[value]))));
  }

  return {
    // The ids of the pages with every word of `text` in `field` ("text": title and article,
    // titles first; "names": a school's names) and every value of `filters`, best first.
    async search(text, { field = "text", filters = {} } = {}) {
      const typed = [...new Set(words(text))];
      const [matched, allowed] = await Promise.all([
        Promise.all(typed.map((word) => pagesWith(word, field))),
        filtered(filters),
      ]);
      let found;
      if (typed.length) found = intersect(allowed ? [...matched, allowed] : matched);
      else if (allowed) found = allowed;
      else return [];
      const order = [...found].sort((a, b) => a - b);
      if (field !== "text" || !typed.length) return order;
      const inTitles = await Promise.all(typed.map((word) => pagesWith(word, "title")));
      const score = (id) => inTitles.filter((set) => set.has(id)).length;
      return order.sort((a, b) => score(b) - score(a) || a - b);
    },

    // The pages of `ids`, in that order: `{id, url, title, line, aliases}`, `url` absolute.
    async records(pageIds) {
      const { chunk } = await manifest();
      const chunks = await Promise.all(
        pageIds.map((id) => get(`pages/${Math.floor(id / chunk)}.json`)),
      );
      return pageIds.map((id, i) => {
        const [url, title, line, aliases] = chunks[i][id % chunk];
        return { id, url: new URL(url, root).href, title, line, aliases };
      });
    },
  };
}

// Search page (/tra-cuu/): Pagefind, plus the one thing it does not fold: đ.
//
// Pagefind (>= 1.5) matches "cong tac" to "công tác", but "d" never matches
// "đ" (Unicode does not decompose it). In Vietnamese đ only begins a syllable,
// so each query syllable that begins with "d" is also tried as "đ": 2^k
// variants (k capped), searched separately and merged by best score. The
// excerpts are Pagefind's own: the original text, with the match highlighted.
//
// Pagefind also folds the other diacritics, so "đối tượng" finds "Đổi mới" and
// "Thủ tướng" as well. The first results are ranked again on their text: the
// whole phrase as typed first, then every word as typed, then the rest. A word
// typed with its marks matches only with those marks; one typed without marks
// matches with any.

const MAX_D_SYLLABLES = 4;
const PAGE_SIZE = 20;
const RERANKED = 60; // how many of Pagefind's first results are ranked again on their text
// A document is what most searches are after: its number, issuer and signer weigh like its title
// (a unit's page in a province, short and titled with the province, would otherwise come first).
const META_WEIGHTS = { title: 5, so: 10, co_quan: 8, nguoi_ky: 6 };
const siteRoot = new URL("../../", import.meta.url);

function withD(word) {
  return (word[0] === "D" ? "Đ" : "đ") + word.slice(1);
}

function foldMarks(word) {
  return word.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "");
}

// The forms of each query word. A word typed with "d" is also tried as "đ" when
// the site has a syllable "đ…" that folds to it; it is kept as "d" when the site
// has one with "d" (both when both, or when neither: a word still being typed).
export function wordForms(query, syllables = { d: [], "đ": [] }) {
  const withPlainD = new Set(syllables.d);
  const withStrokeD = new Set(syllables["đ"]);
  const words = query.normalize("NFC").trim().split(/\s+/).filter(Boolean);
  let dWords = 0;
  return words.map((word) => {
    if (!/^[dD]/.test(word) || dWords++ >= MAX_D_SYLLABLES) return [word];
    const folded = foldMarks(word);
    const plain = withPlainD.has(folded);
    const stroke = withStrokeD.has(folded);
    if (stroke && !plain) return [withD(word)];
    if (plain && !stroke) return [word];
    return [word, withD(word)];
  });
}

// Every combination of the forms: "doan thanh" → "doan thanh", "đoan thanh".
export function dVariants(forms) {
  return forms.reduce(
    (variants, forms) => variants.flatMap((prefix) => forms.map((form) => (prefix ? `${prefix} ${form}` : form))),
    [""],
  );
}

function words(text) {
  return text.normalize("NFC").toLowerCase().match(/[\p{L}\p{N}]+/gu) || [];
}

// Does a word of the text match a word of the query, as the query was typed?
function matcher(queryWord) {
  const folded = foldMarks(queryWord).replace(/đ/g, "d");
  if (folded !== queryWord) return (word) => word === queryWord;
  return (word) => foldMarks(word).replace(/đ/g, "d") === folded;
}

// 0: the whole phrase as typed, 1: every word as typed, 2: the rest.
export function phraseTier(query, text) {
  const tests = words(query).map(matcher);
  const found = words(text);
  if (!tests.length) return 2;
  const at = (start) => tests.every((test, i) => start + i < found.length && test(found[start + i]));
  if (found.some((_, start) => at(start))) return 0;
  return tests.every((test) => found.some(test)) ? 1 : 2;
}

function byPhrase(query, data) {
  const tier = new Map(data.map((d) => [d, phraseTier(query, `${d.meta.title || ""} ${d.content}`)]));
  return [...data].sort((a, b) => tier.get(a) - tier.get(b)); // stable: Pagefind's order within a tier
}

// The index comes in parts (a Pagefind run of bounded size each, see
// generator/engine/pagefind.py): the main one, and those listed in cac-phan.json.
async function loadPagefind() {
  const [pagefind, parts] = await Promise.all([
    import(new URL("pagefind/pagefind.js", siteRoot).href),
    fetch(new URL("pagefind/cac-phan.json", siteRoot)).then((response) => response.json()),
  ]);
  const options = { baseUrl: siteRoot.pathname, ranking: { metaWeights: META_WEIGHTS } };
  await pagefind.options(options);
  await pagefind.init();
  // A copy for each part: mergeIndex deletes the language from the options it is given.
  await Promise.all(parts.map((part) => pagefind.mergeIndex(new URL(part, siteRoot).pathname, { ...options })));
  return pagefind;
}

// Pagefind ranks pages that match only some words too ("doi tuong" → "Thủ tướng").
// Across the đ/d variants, pages are ranked first by how many query words they
// contain in one of the word's forms, then by their best Pagefind score.
async function searchAll(pagefind, syllables, query, filters) {
  if (!query) return (await pagefind.search(null, { filters })).results;
  const forms = wordForms(query, syllables);
  const [variantResponses, wordResponses] = await Promise.all([
    Promise.all(dVariants(forms).map((q) => pagefind.search(q, { filters }))),
    Promise.all(forms.map((wordForm) => Promise.all(wordForm.map((f) => pagefind.search(f, { filters }))))),
  ]);
  const coverage = new Map();
  for (const responses of wordResponses) {
    const ids = new Set(responses.flatMap((response) => response.results.map((result) => result.id)));
    for (const id of ids) coverage.set(id, (coverage.get(id) || 0) + 1);
  }
  const best = new Map();
  for (const response of variantResponses) {
    for (const result of response.results) {
      const seen = best.get(result.id);
      if (!seen || result.score > seen.score) best.set(result.id, result);
    }
  }
  const rank = (result) => coverage.get(result.id) || 0;
  return [...best.values()].sort((a, b) => rank(b) - rank(a) || b.score - a.score);
}

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function renderResult(data) {
  const item = element("li", "ctxh-search__result");
  const link = element("a", null, data.meta.title || data.url);
  link.href = data.url;
  const heading = element("h2", "ctxh-search__title");
  heading.append(link);
  item.append(heading);
  const so = data.meta.so || "";
  const number = so.startsWith("/") ? `Để trống số, ký hiệu ${so.slice(1)}` : so && `Số ${so}`;
  const details = [number, data.meta.ngay].filter(Boolean).join(" · ");
  if (details) item.append(element("p", "ctxh-search__meta", details));
  const excerpt = element("p", "ctxh-search__excerpt");
  excerpt.innerHTML = data.excerpt; // Pagefind's excerpt: escaped page text with <mark> around matches
  item.append(excerpt);
  return item;
}

// The filter options are in the page (written at build time): opening the search page
// does not download Pagefind's filter index; a filter loads it only when it is used.
function restoreFilters(form, params) {
  for (const select of form.querySelectorAll("select[data-filter]")) {
    select.value = params.get(select.name) || "";
  }
  form.querySelector(".ctxh-search__more").hidden = false;
}

// The folded "Lọc" control says which filters are in use: "Lọc (đang chọn: 2023, Quảng Ngãi)".
function showActiveFilters(form) {
  const chosen = [...form.querySelectorAll(".ctxh-search__filters select")].filter((select) => select.value);
  const names = chosen.map((select) => select.selectedOptions[0].textContent);
  form.querySelector(".ctxh-search__active").textContent = names.length ? ` (đang chọn: ${names.join(", ")})` : "";
}

async function main() {
  const form = document.querySelector("[data-ctxh-search]");
  if (!form) return;
  const input = form.querySelector("#ctxh-q");
  const sort = form.querySelector("#ctxh-sort");
  const status = document.querySelector(".ctxh-search__status");
  const list = document.querySelector(".ctxh-search__results");
  const params = new URLSearchParams(location.search);
  input.value = params.get("q") || "";
  sort.value = params.get("sap-xep") || "";

  status.textContent = "Đang tải chỉ mục tìm kiếm…";
  const [pagefind, syllables] = await Promise.all([
    loadPagefind(),
    fetch(new URL("assets/search/d-syllables.json", siteRoot)).then((response) => response.json()),
  ]);
  restoreFilters(form, params);
  status.textContent = "";

  let generation = 0;
  async function run() {
    const current = ++generation;
    const query = input.value.trim();
    const filters = {};
    const state = new URLSearchParams();
    if (query) state.set("q", query);
    for (const select of form.querySelectorAll("select[data-filter]")) {
      if (select.value) {
        filters[select.dataset.filter] = select.value;
        state.set(select.name, select.value);
      }
    }
    if (sort.value) state.set("sap-xep", sort.value);
    showActiveFilters(form);
    history.replaceState(null, "", state.toString() ? `?${state}` : location.pathname);
    list.replaceChildren();
    if (!query && !Object.keys(filters).length) {
      status.textContent = "";
      return;
    }
    const results = await searchAll(pagefind, syllables, query, filters);
    let data = await Promise.all(results.slice(0, sort.value ? 200 : RERANKED).map((r) => r.data()));
    if (current !== generation) return;
    data = sort.value ? data.sort((a, b) => (b.meta.sap_xep || "").localeCompare(a.meta.sap_xep || "")) : byPhrase(query, data);
    data = data.slice(0, PAGE_SIZE);
    if (!results.length) {
      status.textContent = query ? `Không tìm thấy kết quả nào cho “${query}”.` : "Không có trang nào khớp bộ lọc.";
      return;
    }
    status.textContent = `Tìm thấy ${results.length} kết quả` + (results.length > PAGE_SIZE ? `, hiển thị ${PAGE_SIZE} kết quả đầu.` : ".");
    list.replaceChildren(...data.map(renderResult));
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    run();
  });
  form.addEventListener("change", run);
  let typing;
  input.addEventListener("input", () => {
    clearTimeout(typing);
    typing = setTimeout(run, 250);
  });
  run();
}

if (typeof document !== "undefined") main(); // imported by the unit tests (node --test) too

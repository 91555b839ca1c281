// Helpers that mkdocs-material's bundle expects before it loads (it normally
// writes them inline): the site's scope, a string hash, and reading and
// writing preferences in localStorage under that scope. Shipped as a file so
// that the Content-Security-Policy needs no inline script.
(function () {
  const base = document.currentScript.dataset.scope || ".";
  window.__md_scope = new URL(base, location);
  window.__md_hash = (text) => [...text].reduce((hash, c) => (hash << 5) - hash + c.charCodeAt(0), 0);
  window.__md_get = (key, storage = localStorage, scope = window.__md_scope) =>
    JSON.parse(storage.getItem(scope.pathname + "." + key));
  window.__md_set = (key, value, storage = localStorage, scope = window.__md_scope) => {
    try {
      storage.setItem(scope.pathname + "." + key, JSON.stringify(value));
    } catch (error) {
      // storage full or refused (private mode): the preference is simply not kept
    }
  };
})();

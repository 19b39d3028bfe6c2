// Theme: runs blocking in <head>, before the first paint, so that a chosen theme never flashes the other one.
// Without a choice the page follows the system (prefers-color-scheme); the header's toggle stores a choice in
// localStorage ("theme": "light" | "dark"), read again on every page and reload. No inline script: the CSP forbids it.
(function () {
  var root = document.documentElement;
  var system = window.matchMedia('(prefers-color-scheme: dark)');
  function stored() {
    try {
      var t = localStorage.getItem('theme');
      return t === 'light' || t === 'dark' ? t : null;
    } catch (e) {
      return null;
    }
  }
  function current() {
    return stored() || (system.matches ? 'dark' : 'light');
  }
  function apply() {
    var theme = current();
    root.setAttribute('data-theme', theme);
    var button = document.getElementById('theme-toggle');
    if (button) button.setAttribute('aria-pressed', theme === 'dark' ? 'true' : 'false');
  }
  apply();
  system.addEventListener('change', apply);
  document.addEventListener('DOMContentLoaded', function () {
    var button = document.getElementById('theme-toggle');
    if (!button) return;
    button.hidden = false;
    apply();
    button.addEventListener('click', function () {
      var next = current() === 'dark' ? 'light' : 'dark';
      try {
        localStorage.setItem('theme', next);
      } catch (e) {}
      apply();
    });
  });
})();

// The theme, set before the first paint (see Base.astro): the reader's stored choice, else the system's.
(function (d, k) {
  var sys = matchMedia('(prefers-color-scheme: dark)');
  function get() {
    try { var t = localStorage.getItem(k); } catch (e) {}
    return t === 'light' || t === 'dark' ? t : sys.matches ? 'dark' : 'light';
  }
  function apply() {
    var t = get(), b = d.getElementById(k + '-toggle');
    d.documentElement.setAttribute('data-' + k, t);
    if (b) b.setAttribute('aria-pressed', t === 'dark');
  }
  apply();
  sys.addEventListener('change', apply);
  d.addEventListener('DOMContentLoaded', function () {
    var b = d.getElementById(k + '-toggle');
    if (!b) return;
    apply();
    b.addEventListener('click', function () {
      try { localStorage.setItem(k, get() === 'dark' ? 'light' : 'dark'); } catch (e) {}
      apply();
    });
  });
})(document, 'theme');

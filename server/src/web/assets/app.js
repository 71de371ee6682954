// Keyboard navigation of the document view: ← and → turn pages, n and p go to the next
// and previous search hit. The page works without this script.
document.addEventListener("keydown", function (event) {
  if (event.target && /^(INPUT|TEXTAREA|SELECT)$/.test(event.target.tagName)) {
    return;
  }
  var rel = { ArrowRight: "next", ArrowLeft: "prev", n: "next-hit", p: "prev-hit" }[event.key];
  if (!rel) {
    return;
  }
  var link = document.querySelector('a[rel="' + rel + '"]');
  if (link) {
    window.location.href = link.href;
  }
});

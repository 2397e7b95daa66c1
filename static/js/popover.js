// Escape closes a claim's verdict popover (WCAG 1.4.13: content on hover or focus is dismissible).
// The popover shows on hover and focus through CSS alone; this only adds the way to hide it.
document.addEventListener("keydown", function (event) {
  if (event.key !== "Escape") return;
  document.querySelectorAll("mark.claim:hover, mark.claim:focus-within").forEach(function (mark) {
    mark.classList.add("pop-dismissed");
  });
});
function reopen(event) {
  var mark = event.target.closest && event.target.closest("mark.claim");
  if (mark) mark.classList.remove("pop-dismissed");
}
document.addEventListener("focusin", reopen);
document.addEventListener("mouseover", reopen);

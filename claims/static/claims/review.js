/* The review screen's keys: j/k next/previous in the queue, e edit the statement, v the verdict,
   c the correction note (when one is asked for), s/r/p the action buttons, ? help.
   A key typed into a field is text, not a command; Escape leaves the field. */
// Loaded from the admin's <head> (forms.Media): start once the page is parsed.
document.addEventListener("DOMContentLoaded", function () {
  "use strict";
  var review = document.getElementById("review");
  if (!review) return;
  var help = document.getElementById("keys-help");
  var toggle = document.getElementById("keys-toggle");

  function showHelp(show) {
    help.hidden = !show;
    toggle.setAttribute("aria-expanded", show ? "true" : "false");
  }
  toggle.addEventListener("click", function () { showHelp(help.hidden); });

  function typing(target) {
    return target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
  }
  function follow(id) {
    var link = document.getElementById(id);
    if (link) window.location.assign(link.href);
  }

  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.key === "Escape") {
      if (typing(document.activeElement)) document.activeElement.blur();
      else showHelp(false);
      return;
    }
    if (typing(event.target)) return;
    var button = document.querySelector('#review-form button[data-key="' + event.key + '"]');
    if (event.key === "j") follow("queue-next");
    else if (event.key === "k") follow("queue-previous");
    else if (event.key === "e") {
      var statement = document.getElementById("id_claim-statement");
      if (statement) statement.focus();
    } else if (event.key === "v") {
      var rating = document.getElementById("id_verdict-rating");
      if (rating) rating.focus();
    } else if (event.key === "c" && document.getElementById("id_correction-note")) {
      document.getElementById("id_correction-note").focus();
    } else if (event.key === "?") showHelp(help.hidden);
    else if (button) button.click();
    else return;
    event.preventDefault();
  });
});

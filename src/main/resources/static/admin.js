// Byline admin: enhancements only; every page works without this file.
// Buttons with data-confirm ask before a destructive action (disable an account, remove the demo content).
document.addEventListener("submit", function (event) {
  var button = event.submitter;
  var message = (button && button.getAttribute("data-confirm")) || event.target.getAttribute("data-confirm");
  if (message && !window.confirm(message)) {
    event.preventDefault();
  }
});

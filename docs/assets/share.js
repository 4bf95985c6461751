// Share bar: "Copy link" and the phone's own share sheet where the browser offers one.
// The plain links (email, WhatsApp…) work without JavaScript and load nothing from elsewhere.
(function () {
  "use strict";
  document.querySelectorAll("[data-copy-url]").forEach(function (button) {
    if (!navigator.clipboard) return;
    button.hidden = false;
    button.addEventListener("click", function () {
      var status = button.parentNode.querySelector(".cs-share__status");
      navigator.clipboard.writeText(button.getAttribute("data-copy-url")).then(function () {
        status.textContent = button.getAttribute("data-copied");
      }, function () {
        status.textContent = button.getAttribute("data-copy-failed");
      });
    });
  });
  document.querySelectorAll("[data-native-share]").forEach(function (button) {
    if (!navigator.share) return;
    button.hidden = false;
    button.addEventListener("click", function () {
      navigator.share({ title: button.getAttribute("data-title"), url: button.getAttribute("data-url") })
        .catch(function () { /* the person closed the share sheet */ });
    });
  });
})();

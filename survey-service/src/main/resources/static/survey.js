// The one-tap feel without recording anything on GET: the page a mail scanner fetches only shows
// the score chosen in the message; a browser that shows it to a person sends it by POST.
(function () {
  "use strict";
  var form = document.getElementById("answer");

  // How many rows the scale takes (1 on a phone, the design's promise): read by the browser test.
  function measureScale() {
    var tops = {};
    document.querySelectorAll(".scale .choice").forEach(function (choice) {
      tops[Math.round(choice.getBoundingClientRect().top)] = true;
    });
    document.documentElement.setAttribute("data-scale-rows", String(Object.keys(tops).length));
  }

  if (!form) {
    return;
  }
  measureScale();
  window.addEventListener("resize", measureScale);

  var sent = false;
  function send() {
    if (!sent && form.reportValidity()) {
      sent = true;
      form.submit();
    }
  }

  // A tap or click on a score sends it. Arrow keys move the choice (and fire click events with
  // detail 0) without sending: keyboard users send with Enter or the button.
  form.addEventListener("click", function (event) {
    if (event.target.name === "score" && event.detail > 0) {
      send();
    }
  });

  // The score chosen in the message is sent once the page is really in front of someone.
  if (form.getAttribute("data-autosubmit") === "true") {
    if (document.visibilityState === "visible") {
      send();
    } else {
      document.addEventListener("visibilitychange", function () {
        if (document.visibilityState === "visible") {
          send();
        }
      });
    }
  }
})();

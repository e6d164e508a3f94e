// The decision form shows one att-sats block; "Lägg till en att-sats" opens the next hidden one in place.
// Without JavaScript the same button posts the form and the server returns it with one more block.
(function () {
  "use strict";
  var button = document.querySelector("[data-add-clause]");
  var shown = document.querySelector("[data-clauses-shown]");
  if (!button || !shown) return;
  button.addEventListener("click", function (event) {
    var next = document.querySelector("fieldset.clause[hidden]");
    if (!next) return;
    event.preventDefault();
    next.hidden = false;
    shown.value = String(parseInt(shown.value, 10) + 1);
    var first = next.querySelector("select, input, textarea");
    if (first) first.focus();
    if (!document.querySelector("fieldset.clause[hidden]")) button.hidden = true;
  });
})();

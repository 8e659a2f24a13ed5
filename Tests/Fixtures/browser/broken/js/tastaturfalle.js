// Deliberate failure: a date range that keeps Tab and Shift+Tab inside itself (a keyboard trap, WCAG 2.1.2).
const from = document.getElementById("von");
const to = document.getElementById("bis");
for (const [field, other] of [[from, to], [to, from]]) {
  field.addEventListener("keydown", (event) => {
    if (event.key === "Tab") {
      event.preventDefault();
      other.focus();
    }
  });
}

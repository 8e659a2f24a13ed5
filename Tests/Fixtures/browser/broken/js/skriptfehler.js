// Deliberate failure: an uncaught error while the page loads.
const settings = JSON.parse(document.documentElement.dataset.settings);
console.log(settings.missing.value);

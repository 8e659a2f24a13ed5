// Deliberate failure: the page's content exists only after this script runs.
const area = document.getElementById("inhaltsbereich");
const heading = document.createElement("h1");
heading.textContent = "Inhalt nur mit JavaScript";
const text = document.createElement("p");
text.textContent = "Diesen Absatz und die Überschrift schreibt erst ein Skript in die Seite; ohne JavaScript bleibt der Hauptbereich leer.";
area.append(heading, text);

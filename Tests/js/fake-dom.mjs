// A very small stand-in for the DOM, enough to test how ui.js builds results. Setting innerHTML or outerHTML
// throws, so a test fails if content is ever parsed as HTML.

class FakeText {
  constructor(text) {
    this.nodeType = 3;
    this.textContent = text;
  }
}

class FakeElement {
  constructor(tagName) {
    this.nodeType = 1;
    this.tagName = tagName.toUpperCase();
    this.attributes = new Map();
    this.childNodes = [];
    this.className = '';
  }

  append(...nodes) {
    for (const node of nodes) this.childNodes.push(typeof node === 'string' ? new FakeText(node) : node);
  }

  replaceChildren(...nodes) {
    this.childNodes = [];
    this.append(...nodes);
  }

  setAttribute(name, value) {
    this.attributes.set(name, String(value));
  }

  getAttribute(name) {
    return this.attributes.has(name) ? this.attributes.get(name) : null;
  }

  get children() {
    return this.childNodes.filter((node) => node.nodeType === 1);
  }

  get textContent() {
    return this.childNodes.map((node) => node.textContent).join('');
  }

  set textContent(text) {
    this.childNodes = [new FakeText(text)];
  }

  set innerHTML(_) {
    throw new Error('innerHTML must not be used');
  }

  set outerHTML(_) {
    throw new Error('outerHTML must not be used');
  }
}

/** A fake document with createElement and createTextNode. */
export function fakeDocument() {
  return {
    createElement: (tagName) => new FakeElement(tagName),
    createTextNode: (text) => new FakeText(text),
  };
}

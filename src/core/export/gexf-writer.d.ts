// graphology-gexf's writer alone: its browser entry also loads a parser that needs DOMParser at import time.
declare module 'graphology-gexf/browser/writer.js' {
  import type { write } from 'graphology-gexf/browser';
  const writer: typeof write;
  export default writer;
}

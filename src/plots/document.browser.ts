/** In the browser Observable Plot draws into the page's own document. */
export function plotDocument(): Document {
  return document;
}

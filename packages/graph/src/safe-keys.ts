// Node and edge keys graphology can hold: ids that name a property of Object.prototype (toString, hasOwnProperty,
// __proto__, …) crash graphology 0.26 once an edge touches them, so readers give such ids a key of their own.

/** Whether graphology would trip over this key (it is a property every plain object inherits). */
export function isUnsafeKey(id: string): boolean {
  return id in Object.prototype;
}

/** A key for `id` that graphology can hold and that `taken` does not already use: the id itself when safe, else `id_` (then `id__`, …). */
export function safeKey(id: string, taken: (key: string) => boolean): string {
  if (!isUnsafeKey(id) && !taken(id)) return id;
  let key = `${id}_`;
  while (isUnsafeKey(key) || taken(key)) key += '_';
  return key;
}

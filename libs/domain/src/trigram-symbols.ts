/**
 * The symbols of the ASCII fast paths of the trigram scorer and the trigram set index (one
 * table for both, so a window numbers the same in each). Internal to libs/domain.
 */
/** Symbols of the ASCII fast path: 0 the pad space, 1–26 a–z, 27–36 0–9. */
export const ASCII_SYMBOLS = 37;
/** Per ASCII code: its symbol (A–Z folded to a–z), or 0 for a character that splits words. */
export const ASCII_SYMBOL = (() => {
  const table = new Uint8Array(128);
  for (let c = 0; c < 26; c++) {
    table[97 + c] = 1 + c;
    table[65 + c] = 1 + c;
  }
  for (let d = 0; d < 10; d++) table[48 + d] = 27 + d;
  return table;
})();

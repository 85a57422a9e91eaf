// Keyboard movement between the score inputs of a form: Enter and Shift+Enter go to the next
// and previous input, the arrow keys up and down stay in the column (self, superior, value…).

/** "8", "8.5", "８", "96.5%" → a number; null when it is not one. */
export function parseScore(text: string): number | null {
  const s = text
    .trim()
    .replace(/[０-９．]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[%％]$/, '');
  if (!/^-?\d+(\.\d+)?$/.test(s)) return null;
  return Number(s);
}

/** Moves the focus for a key; answers whether it did (so the key's default is prevented). */
export function moveFocus(root: HTMLElement | null, from: HTMLInputElement, key: string, shift: boolean): boolean {
  if (!root) return false;
  const inputs = [...root.querySelectorAll<HTMLInputElement>('input.apr-input:not(:disabled)')];
  const at = inputs.indexOf(from);
  if (at < 0) return false;
  let target: HTMLInputElement | undefined;
  if (key === 'Enter') target = inputs[at + (shift ? -1 : 1)];
  else if (key === 'ArrowDown' || key === 'ArrowUp') {
    const column = inputs.filter((i) => i.dataset.col === from.dataset.col);
    target = column[column.indexOf(from) + (key === 'ArrowDown' ? 1 : -1)];
  } else return false;
  if (!target) return key === 'Enter';
  target.focus();
  target.select();
  return true;
}

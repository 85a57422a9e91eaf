import { memo } from 'react';
import type { ShiftType } from '../../../main/roster/contract.ts';

/** Text colour for a shift letter on its own tint: light colours (yellow) are darkened to stay readable. */
export function shiftTextColor(hex: string): string {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
  const luminance = (0.299 * r + 0.587 * g + 0.114 * b) / 255;
  const k = luminance > 0.55 ? 0.5 : luminance > 0.4 ? 0.8 : 1;
  const part = (v: number) =>
    Math.round(v * k)
      .toString(16)
      .padStart(2, '0');
  return `#${part(r)}${part(g)}${part(b)}`;
}

/**
 * One CSS class per shift type (rg-s-ID) with its colours, so a grid cell needs only a class name
 * and no inline style.
 */
export const ShiftStyles = memo(function ShiftStyles({ shiftTypes }: { shiftTypes: ShiftType[] }) {
  const css = shiftTypes
    .map(
      (s) =>
        `.rg .rg-cell.rg-s-${s.id}{background:${s.color}38;color:${shiftTextColor(s.color)}}` +
        `.rg-swatch.rg-s-${s.id},.box.rg-s-${s.id}{background:${s.color}}`,
    )
    .join('\n');
  return <style>{css}</style>;
});

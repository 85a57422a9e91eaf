import { useImperativeHandle, useState, type Ref } from 'react';

export interface HoverTipHandle {
  show(x: number, y: number, lines: string[]): void;
  hide(): void;
}

/** One floating explanation for the whole grid, moved by the grid's single hover handler. */
export function HoverTip({ ref }: { ref: Ref<HoverTipHandle> }) {
  const [tip, setTip] = useState<{ x: number; y: number; lines: string[] } | null>(null);
  useImperativeHandle(ref, () => ({
    show: (x, y, lines) =>
      setTip((prev) => (prev && prev.x === x && prev.y === y && prev.lines.join() === lines.join() ? prev : { x, y, lines })),
    hide: () => setTip(null),
  }));
  if (!tip) return null;
  // Keep the box on screen: flip to the left/top near the window's right/bottom edge.
  const flipX = tip.x > window.innerWidth - 320;
  const flipY = tip.y > window.innerHeight - 140;
  return (
    <div
      className="rg-tip"
      role="tooltip"
      data-testid="grid-tip"
      style={{
        left: flipX ? undefined : tip.x + 14,
        right: flipX ? window.innerWidth - tip.x + 8 : undefined,
        top: flipY ? undefined : tip.y + 16,
        bottom: flipY ? window.innerHeight - tip.y + 8 : undefined,
      }}
    >
      {tip.lines.map((line, i) => (
        <div key={i} className={i === 0 ? 'rg-tip-title' : undefined}>
          {line}
        </div>
      ))}
    </div>
  );
}

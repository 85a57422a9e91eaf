import { startTransition, useCallback, useEffect, useRef, useState } from 'react';

export interface RowWindowOptions {
  count: number;
  rowHeight: number;
  /** Height above the first row inside the scroll box (a sticky header). */
  offset?: number;
  /** Height of what stays in view below the rows inside the scroll box (a sticky footer). */
  footer?: number;
  /**
   * Rows rendered beyond the viewport on each side, so scrolling a little shows no gap. The first
   * frame goes without them: it shows the rows in view sooner, and they follow right after it.
   */
  overscan: number;
  /** A guess at the box's height until it reports its size; the rows are set right when it does. */
  initialHeight: number;
}

/**
 * The rows of a list with one fixed row height that are in view, as arithmetic on the scroll
 * position and the box's height. Both are kept from scroll and resize events and never read back
 * from the element, which would force a layout of the whole screen in the middle of an update
 * (a virtualiser's first scrollTo did that on every screen's first render).
 */
export function useRowWindow({ count, rowHeight, offset = 0, footer = 0, overscan, initialHeight }: RowWindowOptions) {
  const scrollRef = useRef<HTMLDivElement>(null);
  /** The box's scroll position and size as last reported. */
  const metrics = useRef({ left: 0, top: 0, width: 0, height: 0 });
  const [span, setSpan] = useState({ top: 0, height: initialHeight, measured: false });
  // Row r spans [offset + r·rowHeight, offset + (r+1)·rowHeight) in the box's content; the rows are
  // seen between the sticky header and footer, from scrollTop + offset to scrollTop + height - footer.
  const firstInView = useCallback((top: number) => Math.floor(top / rowHeight), [rowHeight]);
  const lastInView = useCallback(
    (top: number, height: number) => Math.ceil((top + height - offset - footer) / rowHeight) - 1,
    [offset, footer, rowHeight],
  );

  const show = useCallback(
    (top: number, height: number) =>
      setSpan((prev) => {
        // Re-render only when the rows in view change, not on every pixel of scrolling or a width change.
        const same = firstInView(prev.top) === firstInView(top) && lastInView(prev.top, prev.height) === lastInView(top, height);
        return same && prev.measured ? prev : { top, height, measured: true };
      }),
    [firstInView, lastInView],
  );
  // The first size report comes right after the first frame is laid out. When the guess covered
  // the box, it adds only the overscan rows, out of sight: that render may wait for the frame to be
  // shown. A box found higher than guessed gets its missing rows at once.
  const guess = useRef({ measured: false, height: initialHeight });
  const measure = useCallback(
    (height: number) => {
      const first = !guess.current.measured;
      const missing = first && lastInView(0, height) > lastInView(0, guess.current.height);
      guess.current.measured = true;
      if (first && !missing) startTransition(() => show(metrics.current.top, height));
      else show(metrics.current.top, height);
    },
    [show, lastInView],
  );

  useEffect(() => {
    const box = scrollRef.current!;
    const observer = new ResizeObserver(([entry]) => {
      metrics.current.width = entry!.contentRect.width;
      metrics.current.height = entry!.contentRect.height;
      measure(metrics.current.height);
    });
    observer.observe(box);
    return () => observer.disconnect();
  }, [measure]);

  const onScroll = () => {
    const box = scrollRef.current!;
    metrics.current.left = box.scrollLeft;
    metrics.current.top = box.scrollTop;
    show(metrics.current.top, metrics.current.height || span.height);
  };

  const extra = span.measured ? overscan : 0;
  const first = Math.max(0, firstInView(span.top) - extra);
  const last = Math.min(count - 1, Math.max(first, lastInView(span.top, span.height)) + extra);
  const inView = Array.from({ length: Math.max(0, last - first + 1) }, (_, k) => first + k);
  return { scrollRef, metrics, onScroll, inView };
}

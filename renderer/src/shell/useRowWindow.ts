import { useCallback, useEffect, useRef, useState } from 'react';

export interface RowWindowOptions {
  count: number;
  rowHeight: number;
  /** Height above the first row inside the scroll box (a sticky header). */
  offset?: number;
  /** Rows rendered beyond the viewport on each side, so scrolling a little shows no gap. */
  overscan: number;
  /**
   * A guess at the box's height until it reports its size. A box found higher gets its last rows
   * in a second pass (after the first frame is painted); one found lower needs no pass at all.
   */
  initialHeight: number;
}

/**
 * The rows of a list with one fixed row height that are in view, as arithmetic on the scroll
 * position and the box's height. Both are kept from scroll and resize events and never read back
 * from the element, which would force a layout of the whole screen in the middle of an update
 * (a virtualiser's first scrollTo did that on every screen's first render).
 */
export function useRowWindow({ count, rowHeight, offset = 0, overscan, initialHeight }: RowWindowOptions) {
  const scrollRef = useRef<HTMLDivElement>(null);
  /** The box's scroll position and size as last reported. */
  const metrics = useRef({ left: 0, top: 0, width: 0, height: 0 });
  const [span, setSpan] = useState({ top: 0, height: Math.max(rowHeight, initialHeight), measured: false });
  const firstInView = useCallback((top: number) => Math.floor((top - offset) / rowHeight), [offset, rowHeight]);
  const lastInView = useCallback((top: number, height: number) => Math.ceil((top + height) / rowHeight), [rowHeight]);

  const show = useCallback(
    (top: number, height: number) =>
      setSpan((prev) => {
        // Re-render only when the rows in view change, not on every pixel of scrolling or a width change.
        const same = firstInView(prev.top) === firstInView(top) && lastInView(prev.top, prev.height) === lastInView(top, height);
        const covered = !prev.measured && top === prev.top && height <= prev.height;
        return same || covered ? prev : { top, height, measured: true };
      }),
    [firstInView, lastInView],
  );

  useEffect(() => {
    const box = scrollRef.current!;
    const observer = new ResizeObserver(([entry]) => {
      metrics.current.width = entry!.contentRect.width;
      metrics.current.height = entry!.contentRect.height;
      show(metrics.current.top, metrics.current.height);
    });
    observer.observe(box);
    return () => observer.disconnect();
  }, [show]);

  const onScroll = () => {
    const box = scrollRef.current!;
    metrics.current.left = box.scrollLeft;
    metrics.current.top = box.scrollTop;
    show(metrics.current.top, metrics.current.height || span.height);
  };

  const first = Math.max(0, firstInView(span.top) - overscan);
  const last = Math.min(count - 1, lastInView(span.top, span.height) + overscan);
  const inView = Array.from({ length: Math.max(0, last - first + 1) }, (_, k) => first + k);
  return { scrollRef, metrics, onScroll, inView };
}

import { useCallback, useState } from 'react';

/** The live height of an element, for virtualised tables that need a pixel height to scroll in. */
export function useElementHeight<T extends HTMLElement>(): [(node: T | null) => void, number] {
  const [height, setHeight] = useState(0);
  const ref = useCallback((node: T | null) => {
    if (!node) return;
    const observer = new ResizeObserver(([entry]) => setHeight(Math.floor(entry!.contentRect.height)));
    observer.observe(node);
  }, []);
  return [ref, height];
}

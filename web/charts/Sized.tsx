/**
 * Charts at their real size, on screen and on paper. On screen a chart is laid out for the width
 * of its container (measured, and again when it changes), so its text stays at its nominal size
 * instead of being scaled with the SVG. Paper has its own, fixed widths (CSS pixels of the A4
 * grid in print.css): a second copy is laid out for it, shown only in print (hidden from screen
 * readers, without data table or test id: see `usePrintCopy`).
 */
import { createContext, useContext, useLayoutEffect, useRef, useState, type ReactNode } from 'react';

const PrintCopy = createContext(false);

/** True inside the print-only copy of a chart. */
export const usePrintCopy = (): boolean => useContext(PrintCopy);

interface Props {
  /** width of the printed chart, in CSS pixels */
  print: number;
  /** width used before the container is measured (and in tests without layout) */
  initial?: number;
  className?: string;
  children: (width: number) => ReactNode;
}

/**
 * The width of an element, followed as it changes (`initial` before the first measure), whole
 * pixels by `round` (the chart embed floors it); pass a stable
 * function (Math.round, Math.floor) so the element is observed once.
 */
export function useWidth(initial: number, round: (x: number) => number = Math.round) {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(initial);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => {
      const w = round(el.getBoundingClientRect().width);
      if (w > 0) setWidth(w);
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, [round]);
  return { ref, width };
}

export function Sized({ print, initial = 320, className, children }: Props) {
  const { ref, width } = useWidth(initial);
  return (
    <div className={`sized${className ? ` ${className}` : ''}`}>
      <div ref={ref} className="screen-only">
        {children(width)}
      </div>
      <div className="print-only" aria-hidden="true">
        <PrintCopy.Provider value={true}>{children(print)}</PrintCopy.Provider>
      </div>
    </div>
  );
}

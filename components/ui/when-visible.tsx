"use client";

import { useEffect, useRef, useState, type ReactNode } from "react";

interface Props {
  children: ReactNode;
  /** Shown, at the same size, until the area comes near the viewport. */
  placeholder: ReactNode;
}

/**
 * Renders its children once their place on the page is about to scroll into view. Charts below
 * the fold then cost nothing while the page loads and becomes interactive: every figure they
 * draw is already on the page in words and tables.
 */
export function WhenVisible({ children, placeholder }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const [visible, setVisible] = useState(false);
  useEffect(() => {
    const node = ref.current;
    if (!node || visible) return;
    if (typeof IntersectionObserver === "undefined") {
      const frame = requestAnimationFrame(() => setVisible(true));
      return () => cancelAnimationFrame(frame);
    }
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) {
          setVisible(true);
          observer.disconnect();
        }
      },
      { rootMargin: "200px 0px" },
    );
    observer.observe(node);
    return () => observer.disconnect();
  }, [visible]);
  return (
    <div ref={ref} className="h-full w-full" data-when-visible={visible ? "shown" : "waiting"}>
      {visible ? children : placeholder}
    </div>
  );
}

import type { ReactNode } from "react";

type Props = { target: string; className?: string; children: ReactNode };

/**
 * A jump to a place on the same page (skip links, "more breaking stories"): a plain anchor
 * that works before any script runs. With script, the click moves focus itself, so the router
 * never treats the hash as a navigation and a screen reader continues from the target.
 */
export function InPageLink({ target, className, children }: Props) {
  return (
    <a
      href={`#${target}`}
      className={className}
      onClick={(event) => {
        const element = document.getElementById(target);
        if (!element) return;
        event.preventDefault();
        element.focus();
      }}
    >
      {children}
    </a>
  );
}

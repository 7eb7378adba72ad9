import { useState } from "react";

/**
 * Says that a new version of the site is ready, and reloads only when the reader asks: a
 * reader in the middle of a story keeps it, and no page ever runs a mix of two builds' code.
 * A landmark of its own at the end of the page, announced politely, never taking focus.
 */
export function UpdateNotice({ onReload }: { onReload: () => void }) {
  const [reloading, setReloading] = useState(false);
  return (
    <aside aria-label="Site update">
      <p role="status" className="page-frame flex flex-wrap items-center gap-x-3 gap-y-2 py-2">
        <span>A new version is available —</span>
        <button
          type="button"
          className="chip"
          aria-disabled={reloading || undefined}
          onClick={() => {
            if (reloading) return;
            setReloading(true);
            onReload();
          }}
        >
          Reload
        </button>
      </p>
    </aside>
  );
}

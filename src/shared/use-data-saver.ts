import { useSyncExternalStore } from "react";
import { isDataSaverOn, subscribeDataSaver } from "@/shared/data-saver";

/** Data saver mode, for components: off while prerendering and hydrating, then what <html> says. */
export function useDataSaver(): boolean {
  return useSyncExternalStore(subscribeDataSaver, isDataSaverOn, () => false);
}

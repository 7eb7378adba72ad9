import { QueryClient } from "@tanstack/react-query";
import { NotFoundError } from "@/content/api-client";

/** Retries are bounded: a flaky network gets two more tries, a missing page gets none. */
const MAX_RETRIES = 2;

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // The API is static per build; five minutes keeps Back instant without going stale
        // for a reader who leaves a tab open all day.
        staleTime: 5 * 60_000,
        refetchOnWindowFocus: false,
        retry: (failures, error) => !(error instanceof NotFoundError) && failures < MAX_RETRIES,
        retryDelay: (attempt) => Math.min(500 * 2 ** attempt, 4_000),
      },
    },
  });
}

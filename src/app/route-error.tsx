import { isRouteErrorResponse, useRevalidator, useRouteError } from "react-router";
import { NotFoundView } from "@/app/not-found-page";
import { NotFoundError } from "@/content/api-client";

/**
 * What a page shows when its data could not be loaded: "Page not found" for content that does
 * not exist, otherwise what failed and a way to try again. The layout around it stays.
 */
export function RouteError() {
  const error = useRouteError();
  const revalidator = useRevalidator();
  if (error instanceof NotFoundError || (isRouteErrorResponse(error) && error.status === 404)) {
    return <NotFoundView />;
  }
  const message = error instanceof Error ? error.message : "Something went wrong.";
  return (
    <div className="reading-text">
      <title>Could not load this page — Dispatch</title>
      <h1 tabIndex={-1} className="page-heading">
        Could not load this page
      </h1>
      <p className="mt-4">{message}</p>
      <p className="mt-6">
        <button
          type="button"
          className="button-primary"
          aria-disabled={revalidator.state === "loading"}
          onClick={() => revalidator.state === "idle" && revalidator.revalidate()}
        >
          {revalidator.state === "loading" ? "Trying again…" : "Try again"}
        </button>
      </p>
    </div>
  );
}

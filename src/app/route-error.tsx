import { isRouteErrorResponse, useRevalidator, useRouteError } from "react-router";
import { NotFoundView } from "@/app/not-found-page";
import { isModuleLoadError } from "@/app/route-module";
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
  // The router never retries a page's code that failed to load; a fresh page load does.
  const codeMissing = isModuleLoadError(error);
  const message = codeMissing
    ? "Part of the app could not be loaded. Check your connection and try again."
    : error instanceof Error
      ? error.message
      : "Something went wrong.";
  const tryAgain = () => {
    if (codeMissing) window.location.reload();
    else if (revalidator.state === "idle") void revalidator.revalidate();
  };
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
          onClick={tryAgain}
        >
          {revalidator.state === "loading" ? "Trying again…" : "Try again"}
        </button>
      </p>
    </div>
  );
}

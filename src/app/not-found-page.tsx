import { Link } from "@/shared/link";

export function NotFoundView() {
  return (
    <div className="reading-text">
      <title>Page not found — Dispatch</title>
      <meta name="description" content="There is no page at this address on Dispatch." />
      <h1 tabIndex={-1} className="page-heading">
        Page not found
      </h1>
      <p className="mt-4">
        There is no page at this address. It may have moved, or the link may be mistyped.
      </p>
      <p className="mt-6">
        <Link to="/" className="button-primary">
          Go to the Breaking News front page
        </Link>
      </p>
    </div>
  );
}

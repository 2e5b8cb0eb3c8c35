"use client";
// Last resort when even the root layout fails (it reads the session, so a database outage lands here).
import "./globals.css";

export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <body>
        <main role="alert" className="grid min-h-[80vh] place-items-center px-4 text-center text-slate-900">
          <div className="max-w-md">
            <h1 className="text-2xl font-semibold">Casefile is temporarily unavailable</h1>
            <p className="mt-2 text-sm text-slate-700">
              The database may be restarting; try again shortly.{error.digest ? ` Reference ${error.digest}.` : ""}
            </p>
            <button
              type="button"
              onClick={() => reset()}
              className="mt-4 rounded bg-indigo-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-indigo-800"
            >
              Try again
            </button>
          </div>
        </main>
      </body>
    </html>
  );
}

"use client";
// A page that failed to render on the server. In production Next.js hides the cause, so the
// message covers the common temporary one (the database restarting) and offers a retry.
import { useRouter } from "next/navigation";
import { startTransition } from "react";

export default function PageError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const router = useRouter();
  return (
    <main className="grid min-h-[60vh] place-items-center px-4 text-center">
      <div role="alert">
        <p className="text-sm font-semibold text-red-700">Temporarily unavailable</p>
        <h1 className="mt-1 text-2xl font-semibold">This page could not be loaded</h1>
        <p className="mt-2 max-w-md text-sm text-slate-700">
          The database may be restarting; try again shortly. Nothing you saved has been lost.
          {error.digest ? ` If it keeps happening, quote reference ${error.digest}.` : ""}
        </p>
        <button
          type="button"
          className="mt-4 rounded bg-indigo-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-indigo-800 focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-500 focus-visible:ring-offset-2"
          onClick={() =>
            startTransition(() => {
              router.refresh();
              reset();
            })
          }
        >
          Try again
        </button>
      </div>
    </main>
  );
}

// A plain link: the error pages are in every page's bundle, and next/link would add ~3 kB to /login.
export default function NotFound() {
  return (
    <main className="grid min-h-[60vh] place-items-center px-4 text-center">
      <div>
        <p className="text-sm font-semibold text-indigo-700">404</p>
        <h1 className="mt-1 text-2xl font-semibold">Not found</h1>
        <p className="mt-2 text-sm text-slate-600">It does not exist, or you are not a member of the case it belongs to.</p>
        {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- a full page load is right after an error */}
        <a href="/" className="mt-4 inline-block text-sm font-medium text-indigo-700 hover:underline">
          Back to your cases
        </a>
      </div>
    </main>
  );
}

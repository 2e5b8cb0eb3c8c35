import Link from "next/link";

export default function NotFound() {
  return (
    <main className="grid min-h-[60vh] place-items-center px-4 text-center">
      <div>
        <p className="text-sm font-semibold text-indigo-700">404</p>
        <h1 className="mt-1 text-2xl font-semibold">Not found</h1>
        <p className="mt-2 text-sm text-slate-600">It does not exist, or you are not a member of the case it belongs to.</p>
        <Link href="/" className="mt-4 inline-block text-sm font-medium text-indigo-700 hover:underline">Back to your cases</Link>
      </div>
    </main>
  );
}

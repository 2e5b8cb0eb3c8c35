import Link from "next/link";
import { SignOutButton } from "./sign-out-button";

export function AppHeader({ user }: { user: { name: string; email: string } }) {
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex h-14 max-w-7xl items-center gap-6 px-4">
        <Link href="/" className="flex items-center gap-2 font-semibold tracking-tight text-slate-900">
          <span aria-hidden className="grid h-7 w-7 place-items-center rounded bg-indigo-700 text-xs font-bold text-white">CF</span>
          Casefile
        </Link>
        <nav aria-label="Main" className="flex gap-4 text-sm text-slate-600">
          <Link href="/" className="hover:text-slate-900">Cases</Link>
          <Link href="/settings/tokens" className="hover:text-slate-900">Settings</Link>
        </nav>
        <div className="ml-auto flex items-center gap-3 text-sm">
          <span className="text-slate-600" title={user.email}>{user.name}</span>
          <SignOutButton />
        </div>
      </div>
    </header>
  );
}

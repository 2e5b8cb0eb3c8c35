"use client";
// A timestamp in the reader's own timezone, named ("14:02:05 GMT+1"), with the exact UTC time on hover. The server does not know
// the reader's timezone, so the first render (and a no-JS render) shows UTC and says so.
import { useSyncExternalStore } from "react";
import { utcLabel } from "./time-format";

const noop = () => () => {};

export function LocalTime({ iso, className }: { iso: string; className?: string }) {
  const inBrowser = useSyncExternalStore(
    noop,
    () => true,
    () => false,
  );
  const text = inBrowser
    ? new Intl.DateTimeFormat(undefined, {
        year: "numeric",
        month: "short",
        day: "numeric",
        hour: "2-digit",
        minute: "2-digit",
        second: "2-digit",
        timeZoneName: "short",
      }).format(new Date(iso))
    : utcLabel(iso);
  return (
    <time dateTime={iso} title={utcLabel(iso)} className={className}>
      {text}
    </time>
  );
}

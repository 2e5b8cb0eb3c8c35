/** Who is acting: the signed-in user (or the owner of an API token), as the auth layer resolved them. */
export type Actor = { id: string; email: string; name: string; isAdmin: boolean };

/** The request context a use case receives: the actor, and the request id that ties its audit rows to the log. */
export type Ctx = { actor: Actor; requestId?: string };

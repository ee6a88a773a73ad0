// Compile-time proof that a TypeBox schema describes exactly a shape of the contract (src/contract): the web app reads
// the interfaces, the server validates and serializes with the schemas, and the two must not drift.

export type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

/** Call with a `Same<…>` that is `true`; a mismatch is a type error at the call. */
export function sameShape<T extends true>(_proof?: T): void {}

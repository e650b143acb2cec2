/**
 * An object whose getters each run once, at their first read, and then hold their value as a plain property. A pack's
 * `when` reads only the facts it names, and stops at the first that does not hold, so most of a use-case's facts
 * are never read (84 of 190 for the password reset): each is worked out only if a pack or the plan asks for it.
 */
export function memoized<T extends object>(o: T): T {
  for (const [key, d] of Object.entries(Object.getOwnPropertyDescriptors(o))) {
    const get = d.get;
    if (!get) continue;
    Object.defineProperty(o, key, {
      configurable: true,
      enumerable: true,
      get() {
        const value = get.call(o);
        Object.defineProperty(o, key, { value, writable: true, enumerable: true, configurable: true });
        return value;
      },
    });
  }
  return o;
}

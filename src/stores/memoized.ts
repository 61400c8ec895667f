/** `make`, called once per key: the same object for the same key every time (a Mini Program's journal). */
export function memoizedBy<A, K, V>(key: (arg: A) => K, make: (arg: A) => V): (arg: A) => V {
  const made = new Map<K, V>();
  return (arg) => {
    const k = key(arg);
    let value = made.get(k);
    if (value === undefined) {
      value = make(arg);
      made.set(k, value);
    }
    return value;
  };
}

/** A promise the test settles when it is ready: e.g. a simulator fault's `until`, an answer held at WeChat. */
export function hold(): { readonly promise: Promise<void>; release(): void } {
  let release!: () => void;
  const promise = new Promise<void>((resolve) => {
    release = resolve;
  });
  return { promise, release };
}

// The view in the URL hash, so that a link reproduces it: filters, period, event, map.
const KEYS = ["type", "actor", "claimant", "side", "outlet", "language", "q", "from", "to",
              "event", "doc", "map"];

export function readHash() {
  const params = new URLSearchParams(location.hash.slice(1));
  const state = {};
  for (const key of KEYS) {
    const value = params.get(key);
    if (value) state[key] = value.slice(0, 200);
  }
  return state;
}

export function writeHash(state) {
  const params = new URLSearchParams();
  for (const key of KEYS) if (state[key]) params.set(key, state[key]);
  const hash = params.toString();
  history.replaceState(null, "", hash ? `#${hash}` : location.pathname + location.search);
}

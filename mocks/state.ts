/** Mutable state of the simulated providers (created webhooks, toggles), reset between tests. */
export function resetMockState(): void {}

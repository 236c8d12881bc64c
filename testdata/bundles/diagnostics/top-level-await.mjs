const config = await Promise.resolve({ greeting: 'hi' });

export const info = { id: 'top-level-await', name: 'Top-level await', description: 'awaits at top level' };
export function init() {}

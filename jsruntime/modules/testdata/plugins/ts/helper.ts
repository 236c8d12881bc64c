export function helper(n: number): string { return 'n=' + n; }

export const info = { id: 'syntax-esm', name: 'Syntax ESM', description: 'does not parse' };

export function init(router) {
    const x = ;
}

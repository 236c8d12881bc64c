export const named = 'named';
export default 'def';

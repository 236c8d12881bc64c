export default 'libdefault';
export const named = 'libnamed';

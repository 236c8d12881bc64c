import fs from 'fs';
export const info = { id: 'x' };



throw new Error('esm load boom');

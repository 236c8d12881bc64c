import cond from 'pkg/esm-entry';
export { cond };

const __dirname = import.meta.dirname;
const __filename = import.meta.filename;
export { __dirname, __filename };

// No import or export statement: import.meta alone makes this .js file an ES module.
globalThis.detectMetaURL = import.meta.url;

import fs from 'fs';
globalThis.__sawFs = fs.fake;
